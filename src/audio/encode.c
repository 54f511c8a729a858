/* Encoding: every format is written as the samples come, to a file
 * descriptor, so no stage holds a whole article. Output files go through a
 * temporary file renamed at the end (file_stream, ora_write_files), so a
 * failed or interrupted run never leaves a partial file, and a file that
 * was there stays intact. WAV, FLAC and MP3 audio go through libsndfile;
 * Ogg Vorbis and Opus are written by encode_ogg.c so that they carry
 * chapters; MP3 gets oralise's own UTF-8 ID3v2 tag in front of LAME's
 * frames. "-" streams WAV or raw PCM to standard output. */
#include "encode.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK_FRAMES 65536
#define BO_CHUNK 65536 /* bytes gathered before a write() */

int ora_format_from_path(const char *path, ora_format *fmt, ora_error *err)
{
    if (strcmp(path, "-") == 0) {
        *fmt = ORA_FMT_WAV;
        return 0;
    }
    static const struct {
        const char *ext;
        ora_format fmt;
    } exts[] = {{".wav", ORA_FMT_WAV}, {".flac", ORA_FMT_FLAC},
                {".ogg", ORA_FMT_OGG}, {".oga", ORA_FMT_OGG},
                {".opus", ORA_FMT_OPUS}, {".mp3", ORA_FMT_MP3}};
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    for (size_t i = 0; dot && (!slash || dot > slash) && i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i].ext) == 0) {
            *fmt = exts[i].fmt;
            return 0;
        }
    ora_set_error(err, "cannot tell the audio format of \"%s\": name it .wav, .flac, .ogg, .opus or .mp3.", path);
    return -1;
}

static int sf_format(ora_format f)
{
    switch (f) {
    case ORA_FMT_FLAC: return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case ORA_FMT_OGG: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case ORA_FMT_OPUS: return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    case ORA_FMT_MP3: return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    default: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    }
}

/* Tags must be set before the first write. MP3 gets none here: LAME would
 * take them as Latin-1, so id3v2_build writes them instead. */
static void set_tags(SNDFILE *sf, const ora_tags *t)
{
    if (!t)
        return;
    const struct {
        int id;
        const char *v;
    } tags[] = {{SF_STR_TITLE, t->title},   {SF_STR_ARTIST, t->artist},
                {SF_STR_ALBUM, t->album},   {SF_STR_DATE, t->date},
                {SF_STR_COMMENT, t->comment}, {SF_STR_GENRE, t->genre},
                {SF_STR_SOFTWARE, "oralise " ORA_VERSION}};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (tags[i].v && *tags[i].v)
            sf_set_string(sf, tags[i].id, tags[i].v);
}

static void set_quality(SNDFILE *sf, ora_format fmt, double q)
{
    if (fmt == ORA_FMT_MP3 && q >= 0) /* before the bitrate mode, per libsndfile */
        sf_command(sf, SFC_SET_VBR_ENCODING_QUALITY, &q, sizeof q);
    if (fmt == ORA_FMT_FLAC && q >= 0) { /* lossless: quality buys smaller files */
        double level = q;
        sf_command(sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
    }
}

static SF_INFO info_for(int rate, ora_format fmt)
{
    SF_INFO info = {0};
    info.samplerate = rate;
    info.channels = 1;
    info.format = sf_format(fmt);
    return info;
}

/* ── Bytes to a file ─────────────────────────────────────────────────── */

int bo_flush(byte_out *o)
{
    if (o->buf.len && !o->failed && !write_all(o->fd, o->buf.s, o->buf.len))
        o->failed = true;
    o->buf.len = 0;
    return o->failed ? -1 : 0;
}

int bo_add(byte_out *o, const void *p, size_t n)
{
    if (sb_add(&o->buf, p, n) < 0)
        o->failed = true;
    return o->buf.len >= BO_CHUNK ? bo_flush(o) : o->failed ? -1 : 0;
}

/* ── libsndfile on a file descriptor, from an offset ─────────────────── */

/* MP3 keeps oralise's ID3v2 tag in front: libsndfile sees the file from
 * base on, and its seeks (the LAME header at the end) stay behind it. */
typedef struct {
    int fd;
    sf_count_t base, pos;
    /* A short write, kept here because libsndfile's MPEG path ignores the
     * count we return: a full disk made a truncated MP3 look complete. */
    int write_errno; /* 0: every write went through */
    /* What is appended (not what is written again over the start) goes
     * to the follower too. */
    mp3_follower *tee;
    sf_count_t end;
} fdfile;

static sf_count_t fd_len(void *u)
{
    fdfile *f = u;
    struct stat st;
    return fstat(f->fd, &st) == 0 ? (sf_count_t)st.st_size - f->base : -1;
}
static sf_count_t fd_tell(void *u) { return ((fdfile *)u)->pos; }
static sf_count_t fd_seek(sf_count_t off, int whence, void *u)
{
    fdfile *f = u;
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos : fd_len(u);
    if (base + off < 0)
        return -1;
    return f->pos = base + off;
}
static sf_count_t fd_read(void *p, sf_count_t n, void *u)
{
    fdfile *f = u;
    ssize_t r = pread(f->fd, p, (size_t)n, (off_t)(f->base + f->pos));
    if (r > 0)
        f->pos += r;
    return r > 0 ? r : 0;
}
static sf_count_t fd_write(const void *p, sf_count_t n, void *u)
{
    fdfile *f = u;
    if (f->tee && f->pos == f->end && n > 0 && mp3_follower_put(f->tee, p, (size_t)n) < 0)
        f->write_errno = f->write_errno ? f->write_errno : EIO;
    for (sf_count_t done = 0; done < n;) {
        ssize_t w = pwrite(f->fd, (const char *)p + done, (size_t)(n - done),
                           (off_t)(f->base + f->pos));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->write_errno = w < 0 ? errno : ENOSPC;
            return done;
        }
        done += w, f->pos += w;
    }
    if (f->pos > f->end)
        f->end = f->pos;
    return n;
}

static SF_VIRTUAL_IO fd_io = {fd_len, fd_seek, fd_read, fd_write, fd_tell};

/* ── The encoder ─────────────────────────────────────────────────────── */

/* One format written to a file descriptor as samples come; Opus resamples
 * to ORA_OPUS_RATE itself when rate is not one it takes. encoder_close
 * finishes the file and frees e: -1 if anything failed on the way. */
static int encoder_close(encoder *e, const ora_encode_options *again, ora_error *err);

/* Samples gathered for libsndfile, which writes each call through at once:
 * eSpeak NG's 50 ms callbacks would each cost a system call. */
#define SF_BUFFER 32768

struct encoder {
    ora_format fmt;
    byte_out out;  /* Ogg pages */
    fdfile file;   /* libsndfile's view of the file */
    SNDFILE *sf;
    int16_t *buf;  /* for sf */
    size_t fill;
    enc_vorbis *vorbis;
    enc_opus *opus;
    resampler *rs; /* Opus from a rate it does not take */
    uint64_t samples; /* written so far: WAV's sizes stop at 4 GiB */
    size_t head_len;  /* bytes of header (Ogg pages, ID3 tag) at the start */
    int rate;
    bool too_long;
    bool failed;
};

/* A WAV file counts its bytes in 32 bits: past this many samples (27 hours
 * at 22,050 Hz) its sizes would wrap and players would read a short file.
 * FLAC has no such bound. (RF64 would hold more, but libsndfile then
 * writes the extensible format tag even when it shrinks back to WAV.) */
#define WAV_MAX_SAMPLES ((UINT32_MAX - 4096) / 2)

static bool opus_rate(int rate)
{
    return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
}

static int opus_sink(void *user, const int16_t *s, size_t n)
{
    return enc_opus_write(user, s, n);
}

static int open_sndfile(encoder *e, int fd, int rate, const ora_encode_options *eo,
                        ora_error *err)
{
    if (e->fmt == ORA_FMT_MP3) { /* oralise's UTF-8 tag first */
        strbuf tag;
        sb_init(&tag);
        int rc = id3v2_build(eo, &tag) == 0 && write_all(fd, tag.s, tag.len) ? 0 : -1;
        e->file.base = (sf_count_t)tag.len;
        e->head_len = tag.len;
        sb_free(&tag);
        if (rc < 0) {
            ora_set_error(err, "cannot write the MP3 tag: %s", strerror(errno));
            return -1;
        }
    }
    SF_INFO info = info_for(rate, e->fmt);
    e->sf = sf_open_virtual(&fd_io, SFM_WRITE, &info, &e->file);
    e->buf = malloc(SF_BUFFER * sizeof *e->buf);
    if (!e->sf || !e->buf) {
        ora_set_error(err, "cannot encode: %s", sf_strerror(NULL));
        return -1;
    }
    if (e->fmt != ORA_FMT_MP3) /* tags before the first write */
        set_tags(e->sf, eo->tags);
    set_quality(e->sf, e->fmt, eo->quality);
    return 0;
}

static encoder *encoder_open(int fd, ora_format fmt, int rate, const ora_encode_options *eo,
                      ora_error *err)
{
    static const ora_encode_options none = {NULL, NULL, 0, -1, false};
    encoder *e = calloc(1, sizeof *e);
    if (!e) {
        ora_set_error(err, "out of memory.");
        return NULL;
    }
    eo = eo ? eo : &none;
    e->fmt = fmt, e->rate = rate;
    e->out = (byte_out){fd, {0}, false};
    e->file = (fdfile){fd, 0, 0, 0, NULL, 0};
    int rc = 0;
    if (fmt == ORA_FMT_OGG) {
        rc = (e->vorbis = enc_vorbis_open(rate, eo, &e->out, err)) ? 0 : -1;
        e->head_len = e->out.buf.len; /* nothing went before the headers */
    }
    else if (fmt == ORA_FMT_OPUS) {
        int coded = opus_rate(rate) ? rate : ORA_OPUS_RATE;
        rc = (e->opus = enc_opus_open(coded, eo, &e->out, err)) ? 0 : -1;
        e->head_len = e->out.buf.len;
        if (rc == 0 && coded != rate && !(e->rs = resampler_new(rate, coded, opus_sink, e->opus))) {
            ora_set_error(err, "cannot resample the audio to %d Hz.", coded);
            rc = -1;
        }
    } else
        rc = open_sndfile(e, fd, rate, eo, err);
    if (rc < 0) {
        encoder_close(e, NULL, NULL);
        return NULL;
    }
    return e;
}

static int sf_flush(encoder *e)
{
    sf_count_t k = (sf_count_t)e->fill;
    e->fill = 0;
    return sf_writef_short(e->sf, e->buf, k) == k ? 0 : -1;
}

static int sf_buffered(encoder *e, const int16_t *s, size_t n)
{
    while (n) {
        size_t k = SF_BUFFER - e->fill < n ? SF_BUFFER - e->fill : n;
        memcpy(e->buf + e->fill, s, k * sizeof *s);
        e->fill += k, s += k, n -= k;
        if (e->fill == SF_BUFFER && sf_flush(e) < 0)
            return -1;
    }
    return 0;
}

/* Hands sink the audio as a player will decode it, as it is encoded:
 * Ogg Vorbis, Opus and MP3; -1 for the others (lossless: nothing to
 * check). */
static int encoder_monitor(encoder *e, ora_audio_sink sink, void *user, bool threaded)
{
    if (e->vorbis)
        return enc_vorbis_monitor(e->vorbis, sink, user, threaded);
    if (e->fmt == ORA_FMT_MP3)
        return (e->file.tee = mp3_follower_new(e->rate, sink, user, threaded)) ? 0 : -1;
    return e->opus && !e->rs ? enc_opus_monitor(e->opus, sink, user) : -1;
}

/* With a monitor, the peak the decoded audio must stay under: Opus
 * encodes a burst over it again, Vorbis decodes only what comes near it
 * (enc_opus_guard, enc_vorbis_guard); the other formats take no guard. */
static void encoder_guard(encoder *e, double limit_dbtp)
{
    if (e->opus)
        enc_opus_guard(e->opus, limit_dbtp);
    if (e->vorbis)
        enc_vorbis_guard(e->vorbis, limit_dbtp);
}

static int encoder_sink(void *user, const int16_t *s, size_t n)
{
    encoder *e = user;
    if (e->failed)
        return -1;
    e->samples += n;
    if (e->fmt == ORA_FMT_WAV && e->samples > WAV_MAX_SAMPLES) {
        e->failed = e->too_long = true;
        return -1;
    }
    int rc;
    if (e->rs)
        rc = resampler_sink(e->rs, s, n);
    else if (e->opus)
        rc = enc_opus_write(e->opus, s, n);
    else if (e->vorbis)
        rc = enc_vorbis_write(e->vorbis, s, n);
    else
        rc = sf_buffered(e, s, n);
    if (rc < 0 || e->out.failed || e->file.write_errno)
        e->failed = true;
    return e->failed ? -1 : 0;
}

/* The header built again from again (chapters now timed), written over
 * the first one: it must have the same length. */
static int headers_again(encoder *e, const ora_encode_options *again, strbuf *pages)
{
    sb_init(pages);
    if (e->vorbis)
        return enc_vorbis_headers_again(e->vorbis, again, pages);
    if (e->opus && !e->rs)
        return enc_opus_headers_again(e->opus, again, pages);
    if (e->fmt == ORA_FMT_MP3)
        return id3v2_build(again, pages);
    return -1;
}

static int encoder_close(encoder *e, const ora_encode_options *again, ora_error *err)
{
    if (!e)
        return -1;
    bool ok = !e->failed;
    strbuf head;
    sb_init(&head);
    bool reheaded = !again || (ok && headers_again(e, again, &head) == 0 && head.len == e->head_len);
    if (e->rs && resampler_finish(e->rs) < 0)
        ok = false;
    if (e->opus && enc_opus_close(e->opus) < 0)
        ok = false;
    if (e->vorbis && enc_vorbis_close(e->vorbis) < 0)
        ok = false;
    if (e->sf && ok && e->fill && sf_flush(e) < 0)
        ok = false;
    if (e->sf && sf_close(e->sf) != 0)
        ok = false;
    if (e->file.tee && mp3_follower_finish(e->file.tee) < 0)
        ok = false;
    e->file.tee = NULL;
    if (e->file.write_errno) {
        ok = false;
        errno = e->file.write_errno;
    }
    if (e->too_long && err && !*err->msg)
        ora_set_error(err, "the audio passes 4 GiB, the most a WAV file can hold (about 27 hours): "
                      "write .flac instead.");
    free(e->buf);
    if (bo_flush(&e->out) < 0)
        ok = false;
    if (again && reheaded && ok && pwrite(e->out.fd, head.s, head.len, 0) != (ssize_t)head.len)
        ok = false;
    if (!reheaded && err && !*err->msg)
        ora_set_error(err, "the chapters changed the length of the file's header.");
    ok = ok && reheaded;
    sb_free(&head);
    resampler_free(e->rs);
    sb_free(&e->out.buf);
    free(e);
    if (!ok && err && !*err->msg)
        ora_set_error(err, "cannot encode the audio: %s",
                      errno ? strerror(errno) : "the encoder failed");
    return ok ? 0 : -1;
}

/* ── Checking what was written ───────────────────────────────────────── */

typedef struct {
    const char *data;
    sf_count_t len, pos;
} memfile;

static sf_count_t mem_len(void *u) { return ((memfile *)u)->len; }
static sf_count_t mem_tell(void *u) { return ((memfile *)u)->pos; }
static sf_count_t mem_read(void *p, sf_count_t n, void *u)
{
    memfile *m = u;
    sf_count_t left = m->len - m->pos;
    if (n > left)
        n = left;
    if (n > 0)
        memcpy(p, m->data + m->pos, (size_t)n), m->pos += n;
    return n > 0 ? n : 0;
}
static sf_count_t mem_seek(sf_count_t off, int whence, void *u)
{
    memfile *m = u;
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->len;
    if (base + off < 0)
        return -1;
    return m->pos = base + off;
}
static sf_count_t mem_write(const void *p, sf_count_t n, void *u)
{
    (void)p, (void)n, (void)u;
    return 0;
}

/* Decodes with libsndfile (it reads all five formats, an ID3v2 tag in
 * front of MP3 too) and measures block by block. */
static int measure_decoded(SF_VIRTUAL_IO *io, void *user, ora_loudness *l,
                           double limit_dbtp, peak_list *over, int *rate, ora_error *err)
{
    SF_INFO info = {0};
    SNDFILE *sf = sf_open_virtual(io, SFM_READ, &info, user);
    if (!sf || info.channels != 1) {
        if (sf)
            sf_close(sf);
        ora_set_error(err, "cannot decode the encoded audio to check it.");
        return -1;
    }
    if (rate)
        *rate = info.samplerate;
    peak_check *c = peak_check_new(info.samplerate, limit_dbtp, over);
    int16_t *buf = malloc(BLOCK_FRAMES * sizeof *buf);
    sf_count_t k;
    int rc = c && buf ? 0 : -1;
    while (rc == 0 && (k = sf_readf_short(sf, buf, BLOCK_FRAMES)) > 0)
        rc = peak_check_sink(c, buf, (size_t)k);
    sf_close(sf);
    if (rc == 0)
        rc = peak_check_result(c, l, err);
    else
        ora_set_error(err, "cannot measure the encoded audio.");
    peak_check_free(c);
    free(buf);
    return rc;
}

int loudness_of_encoded_fd(int fd, ora_loudness *l, double limit_dbtp,
                           peak_list *over, int *rate, ora_error *err)
{
    fdfile f = {fd, 0, 0, 0, NULL, 0};
    return measure_decoded(&fd_io, &f, l, limit_dbtp, over, rate, err);
}

int ora_loudness_of_encoded(const char *data, size_t len, ora_loudness *l,
                            ora_error *err)
{
    SF_VIRTUAL_IO io = {mem_len, mem_seek, mem_read, mem_write, mem_tell};
    memfile m = {data, (sf_count_t)len, 0};
    return measure_decoded(&io, &m, l, 0, NULL, NULL, err);
}

/* ── Output files written as the samples come ────────────────────────── */

void file_stream_init(file_stream *fs, const char *path, ora_format fmt,
                      const ora_encode_options *eo, int rate)
{
    memset(fs, 0, sizeof *fs);
    fs->path = path, fs->fmt = fmt, fs->eo = eo, fs->rate = rate;
    fs->fd = -1;
    fs->guard_dbtp = NAN;
}

/* "cannot write PATH: why", why from errno (set by the call that failed). */
static void cannot_write(const file_stream *fs, ora_error *err)
{
    if (fs->enc && fs->enc->too_long)
        ora_set_error(err, "cannot write %s: the audio passes 4 GiB, the most a WAV file can "
                      "hold (about 27 hours): write .flac instead.", fs->path);
    else
        ora_set_error(err, "cannot write %s: %s", fs->path,
                      errno ? strerror(errno) : "the encoder failed");
}

/* The file is made without a name where the file system allows it (Linux
 * O_TMPFILE), so a run killed outright leaves nothing behind; it gets its
 * temporary name only once complete. Elsewhere, a named temporary. */
static int file_stream_create(file_stream *fs, ora_error *err)
{
    /* The name is given through /proc/self/fd (linkat without privileges):
     * without /proc, as in some containers, a named temporary it is. */
    char *dir = access("/proc/self/fd", X_OK) == 0 ? folder_of(fs->path) : NULL;
    fs->fd = dir ? open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) : -1;
    free(dir);
    if (fs->fd >= 0)
        return 0;
    fs->tmp = temp_name_for(fs->path);
    fs->fd = mkostemp(fs->tmp, O_CLOEXEC);
    if (fs->fd < 0) {
        cannot_write(fs, err);
        free(fs->tmp), fs->tmp = NULL;
        return -1;
    }
    return 0;
}

/* Gives the finished unnamed file its temporary name beside path. */
static int file_stream_link(file_stream *fs)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fs->fd);
    for (int tries = 0; tries < 16; tries++) {
        fs->tmp = temp_name_for(fs->path);
        int fd = mkstemp(fs->tmp); /* a fresh name, freed for linkat */
        if (fd >= 0) {
            close(fd);
            unlink(fs->tmp);
            if (linkat(AT_FDCWD, proc, AT_FDCWD, fs->tmp, AT_SYMLINK_FOLLOW) == 0)
                return 0;
        }
        int e = errno;
        free(fs->tmp), fs->tmp = NULL;
        errno = e;
        if (fd < 0 || e != EEXIST)
            break;
    }
    return -1;
}

static int file_stream_open(file_stream *fs, ora_error *err)
{
    int rate = fs->rate ? fs->rate : fs->rate_from ? fs->rate_from->rate : 0;
    if (fs->fd < 0 && file_stream_create(fs, err) < 0)
        return -1;
    fs->enc = encoder_open(fs->fd, fs->fmt, rate, fs->eo, err);
    if (fs->enc && fs->monitor && encoder_monitor(fs->enc, fs->monitor, fs->monitor_user, fs->monitor_thread) < 0) {
        ora_set_error(err, "cannot follow the encoding of %s.", fs->path);
        return -1;
    }
    if (fs->enc && fs->monitor && !isnan(fs->guard_dbtp))
        encoder_guard(fs->enc, fs->guard_dbtp);
    return fs->enc ? 0 : -1;
}

int file_stream_sink(void *user, const int16_t *s, size_t n)
{
    file_stream *fs = user;
    if (!fs->enc && !fs->failed && file_stream_open(fs, &fs->error) < 0)
        fs->failed = true;
    if (!fs->failed && encoder_sink(fs->enc, s, n) < 0) {
        cannot_write(fs, &fs->error);
        fs->failed = true;
    }
    return fs->failed ? -1 : 0;
}

int file_stream_close(file_stream *fs, ora_error *err)
{
    if (!fs->enc && !fs->failed && file_stream_open(fs, &fs->error) < 0)
        fs->failed = true; /* no samples came */
    encoder *e = fs->enc;
    fs->enc = NULL; /* freed by encoder_close, and cannot_write looks */
    if (encoder_close(e, fs->reheader ? fs->eo : NULL, NULL) < 0 && !fs->failed) {
        cannot_write(fs, &fs->error);
        fs->failed = true;
    }
    if (!fs->failed && fchmod(fs->fd, default_mode()) < 0) {
        cannot_write(fs, &fs->error);
        fs->failed = true;
    }
    if (fs->failed)
        *err = fs->error;
    return fs->failed ? -1 : 0;
}

int file_stream_name(file_stream *fs, ora_error *err)
{
    if (fs->tmp || file_stream_link(fs) == 0)
        return 0;
    cannot_write(fs, err);
    return -1;
}

int file_stream_restart(file_stream *fs, ora_error *err)
{
    if (fs->enc)
        encoder_close(fs->enc, NULL, NULL);
    fs->enc = NULL, fs->failed = false;
    *fs->error.msg = '\0';
    if (ftruncate(fs->fd, 0) < 0 || lseek(fs->fd, 0, SEEK_SET) < 0) {
        cannot_write(fs, err);
        return -1;
    }
    return 0;
}

void file_stream_free(file_stream *fs)
{
    if (fs->enc)
        encoder_close(fs->enc, NULL, NULL);
    if (fs->fd >= 0)
        close(fs->fd);
    if (fs->tmp)
        unlink(fs->tmp); /* fails harmlessly once renamed */
    free(fs->tmp);
    fs->enc = NULL, fs->tmp = NULL, fs->fd = -1;
}

/* ── Whole buffers, for programs that hold one ───────────────────────── */

int ora_encode_memory(const ora_audio *au, ora_format fmt,
                      const ora_encode_options *eo, char **data, size_t *len,
                      ora_error *err)
{
    if (au->n == 0) {
        ora_set_error(err, "there is no audio to write.");
        return -1;
    }
    int fd = temp_file_unnamed();
    encoder *e = fd >= 0 ? encoder_open(fd, fmt, au->rate, eo, err) : NULL;
    int rc = e && encoder_sink(e, au->samples, au->n) == 0 ? 0 : -1;
    if (e && encoder_close(e, NULL, err) < 0)
        rc = -1;
    struct stat st;
    if (rc == 0 && fstat(fd, &st) == 0 && (*data = malloc((size_t)st.st_size + 1))) {
        *len = (size_t)st.st_size;
        rc = lseek(fd, 0, SEEK_SET) == 0 && read_all(fd, *data, *len) ? 0 : -1;
        if (rc < 0)
            free(*data), *data = NULL;
    } else
        rc = -1;
    if (rc < 0 && !*err->msg)
        ora_set_error(err, "cannot encode the audio: %s", strerror(errno));
    if (fd >= 0)
        close(fd);
    return rc;
}

/* ── Standard output: WAV with an open-ended header, or raw PCM ──────── */

static void put32(unsigned char *p, unsigned long v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* A pipe cannot seek back to fill in the sizes, so they say "as long as
 * the stream": players (aplay, sox, ffmpeg) and libsndfile take that. */
void ora_wav_stream_header(int rate, unsigned char hdr[44])
{
    memcpy(hdr, "RIFF\xff\xff\xff\xffWAVEfmt \x10\0\0\0\1\0\1\0", 24);
    put32(hdr + 24, (unsigned long)rate);
    put32(hdr + 28, (unsigned long)rate * 2);
    memcpy(hdr + 32, "\2\0\x10\0data\xff\xff\xff\xff", 12);
}

void wav_header(int rate, size_t n, unsigned char hdr[44])
{
    ora_wav_stream_header(rate, hdr);
    if (n * 2 + 36 < 0xffffffffUL) {
        put32(hdr + 4, (unsigned long)(n * 2 + 36));
        put32(hdr + 40, (unsigned long)(n * 2));
    }
}

static int encode_to_stdout(const ora_audio *au, bool raw, ora_error *err)
{
    unsigned char hdr[44];
    wav_header(au->rate, au->n, hdr);
    bool ok = (raw || fwrite(hdr, 1, 44, stdout) == 44);
    for (size_t pos = 0; ok && pos < au->n; pos += BLOCK_FRAMES) {
        size_t k = au->n - pos < BLOCK_FRAMES ? au->n - pos : BLOCK_FRAMES;
        ok = fwrite(au->samples + pos, 2, k, stdout) == k; /* little-endian hosts */
    }
    if (!ok || fflush(stdout) != 0) {
        ora_set_error(err, "cannot write audio to standard output: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int ora_encode(const ora_audio *au, const char *path, ora_format fmt,
               const ora_encode_options *eo, ora_error *err)
{
    if (au->n == 0) {
        ora_set_error(err, "there is no audio to write.");
        return -1;
    }
    if (strcmp(path, "-") == 0)
        return encode_to_stdout(au, eo && eo->raw, err);
    file_stream fs;
    file_stream_init(&fs, path, fmt, eo, au->rate);
    int rc = file_stream_sink(&fs, au->samples, au->n);
    if (file_stream_close(&fs, err) < 0 || (rc == 0 && file_stream_name(&fs, err) < 0))
        rc = -1;
    ora_out_file f = {path, NULL, 0, fs.tmp};
    if (rc == 0)
        rc = ora_write_files(&f, 1, err);
    file_stream_free(&fs);
    return rc;
}

int ora_encode_file(const ora_audio *au, const char *path, ora_format fmt,
                    const ora_tags *tags, ora_error *err)
{
    ora_encode_options eo = {tags, NULL, 0, -1, false};
    return ora_encode(au, path, fmt, &eo, err);
}

void ora_tags_from_article(const ora_article *a, ora_tags *t)
{
    memset(t, 0, sizeof *t);
    t->title = a->title;
    t->artist = a->byline && *a->byline != '(' ? a->byline : a->site;
    t->album = a->site;
    t->date = a->published;
    t->comment = a->url;
    t->genre = "Speech";
}
