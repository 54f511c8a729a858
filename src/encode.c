/* Encoding with libsndfile, always through a temporary file.
 *
 * The output is written to ".NAME.XXXXXX" in the destination folder and
 * renamed over NAME only when complete, so a failed or interrupted run
 * never leaves a partial file, and a file that was there stays intact.
 * (A failed sf_open for writing would itself leave an empty file behind.)
 * Samples go out in blocks: one large write into Ogg Vorbis crashes inside
 * libvorbis. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <samplerate.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK_FRAMES 65536
#define OPUS_RATE 24000 /* enough for speech, half the bitrate of 48 kHz */

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

static bool is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* Tags must be set before the first write. LAME takes MP3 tags as Latin-1,
 * so a UTF-8 "é" would come out as "Ã©": MP3 gets only ASCII tags until it
 * has an ID3v2 writer of its own. */
static void set_tags(SNDFILE *sf, const ora_tags *t, ora_format fmt)
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
        if (tags[i].v && *tags[i].v && (fmt != ORA_FMT_MP3 || is_ascii(tags[i].v)))
            sf_set_string(sf, tags[i].id, tags[i].v);
}

/* Resamples to rate with libsamplerate; returns new samples or NULL. */
static int16_t *resample(const ora_audio *au, int rate, size_t *n_out)
{
    double ratio = (double)rate / au->rate;
    size_t n = au->n, cap = (size_t)(n * ratio) + 16;
    float *in = malloc(n * sizeof *in + 1), *out = malloc(cap * sizeof *out);
    int16_t *res = malloc(cap * sizeof *res + 1);
    if (!in || !out || !res) {
        free(in), free(out), free(res);
        return NULL;
    }
    src_short_to_float_array(au->samples, in, (int)n);
    SRC_DATA d = {in, out, (long)n, (long)cap, 0, 0, 1, ratio};
    int rc = src_simple(&d, SRC_SINC_MEDIUM_QUALITY, 1);
    if (rc == 0) {
        src_float_to_short_array(out, res, (int)d.output_frames_gen);
        *n_out = (size_t)d.output_frames_gen;
    }
    free(in), free(out);
    if (rc != 0) {
        free(res);
        return NULL;
    }
    return res;
}

static int write_frames(SNDFILE *sf, const int16_t *s, size_t n, ora_error *err)
{
    for (size_t done = 0; done < n;) {
        size_t k = n - done < BLOCK_FRAMES ? n - done : BLOCK_FRAMES;
        if (sf_writef_short(sf, s + done, (sf_count_t)k) != (sf_count_t)k) {
            ora_set_error(err, "cannot write audio: %s", sf_strerror(sf));
            return -1;
        }
        done += k;
    }
    return 0;
}

static int write_sndfile(SNDFILE *sf, const ora_audio *au, ora_format fmt,
                         const ora_tags *tags, ora_error *err)
{
    set_tags(sf, tags, fmt);
    if (fmt != ORA_FMT_WAV && fmt != ORA_FMT_FLAC) {
        double q = 0.5; /* quality set before the bitrate mode, per libsndfile */
        sf_command(sf, SFC_SET_VBR_ENCODING_QUALITY, &q, sizeof q);
    }
    if (fmt != ORA_FMT_OPUS || au->rate == OPUS_RATE)
        return write_frames(sf, au->samples, au->n, err);
    size_t n;
    int16_t *res = resample(au, OPUS_RATE, &n);
    if (!res) {
        ora_set_error(err, "cannot resample the audio for Opus.");
        return -1;
    }
    int rc = write_frames(sf, res, n, err);
    free(res);
    return rc;
}

static SF_INFO info_for(const ora_audio *au, ora_format fmt)
{
    SF_INFO info = {0};
    info.samplerate = fmt == ORA_FMT_OPUS ? OPUS_RATE : au->rate;
    info.channels = 1;
    info.format = sf_format(fmt);
    return info;
}

/* A temporary name beside the destination: ".NAME.XXXXXX". */
static char *temp_name_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    strbuf b;
    sb_init(&b);
    if (slash)
        sb_add(&b, path, (size_t)(slash - path) + 1);
    sb_printf(&b, ".%s.XXXXXX", slash ? slash + 1 : path);
    return sb_take(&b);
}

static mode_t default_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static int encode_to_file(const ora_audio *au, const char *path, ora_format fmt,
                          const ora_tags *tags, ora_error *err)
{
    char *tmp = temp_name_for(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        ora_set_error(err, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    SF_INFO info = info_for(au, fmt);
    SNDFILE *sf = sf_open_fd(fd, SFM_WRITE, &info, 1);
    int rc = -1;
    if (!sf) {
        ora_set_error(err, "cannot encode %s: %s", path, sf_strerror(NULL));
        close(fd);
    } else {
        rc = write_sndfile(sf, au, fmt, tags, err);
        if (sf_close(sf) != 0 && rc == 0) {
            ora_set_error(err, "cannot finish writing %s (is the disk full?).", path);
            rc = -1;
        }
    }
    if (rc == 0 && (chmod(tmp, default_mode()) < 0 || rename(tmp, path) < 0)) {
        ora_set_error(err, "cannot write %s: %s", path, strerror(errno));
        rc = -1;
    }
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

/* ── WAV to standard output, through memory (a pipe cannot seek back to
 *    fill in the header) ─────────────────────────────────────────────── */

typedef struct {
    strbuf buf;
    sf_count_t pos;
} memfile;

static sf_count_t mem_len(void *u) { return (sf_count_t)((memfile *)u)->buf.len; }
static sf_count_t mem_tell(void *u) { return ((memfile *)u)->pos; }
static sf_count_t mem_read(void *p, sf_count_t n, void *u)
{
    memfile *m = u;
    sf_count_t left = (sf_count_t)m->buf.len - m->pos;
    if (n > left)
        n = left;
    if (n > 0)
        memcpy(p, m->buf.s + m->pos, (size_t)n), m->pos += n;
    return n > 0 ? n : 0;
}
static sf_count_t mem_seek(sf_count_t off, int whence, void *u)
{
    memfile *m = u;
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : (sf_count_t)m->buf.len;
    if (base + off < 0)
        return -1;
    m->pos = base + off;
    return m->pos;
}
static sf_count_t mem_write(const void *p, sf_count_t n, void *u)
{
    memfile *m = u;
    size_t end = (size_t)(m->pos + n);
    while (m->buf.len < end)
        if (sb_addc(&m->buf, '\0') < 0)
            return 0;
    memcpy(m->buf.s + m->pos, p, (size_t)n);
    m->pos += n;
    return n;
}

static int encode_to_stdout(const ora_audio *au, const ora_tags *tags, ora_error *err)
{
    SF_VIRTUAL_IO io = {mem_len, mem_seek, mem_read, mem_write, mem_tell};
    memfile m = {{0}, 0};
    SF_INFO info = info_for(au, ORA_FMT_WAV);
    SNDFILE *sf = sf_open_virtual(&io, SFM_WRITE, &info, &m);
    if (!sf) {
        ora_set_error(err, "cannot encode WAV: %s", sf_strerror(NULL));
        return -1;
    }
    int rc = write_sndfile(sf, au, ORA_FMT_WAV, tags, err);
    sf_close(sf);
    if (rc == 0 && (fwrite(m.buf.s, 1, m.buf.len, stdout) != m.buf.len || fflush(stdout) != 0)) {
        ora_set_error(err, "cannot write audio to standard output: %s", strerror(errno));
        rc = -1;
    }
    sb_free(&m.buf);
    return rc;
}

int ora_encode_file(const ora_audio *au, const char *path, ora_format fmt,
                    const ora_tags *tags, ora_error *err)
{
    if (au->n == 0) {
        ora_set_error(err, "there is no audio to write.");
        return -1;
    }
    if (strcmp(path, "-") == 0)
        return encode_to_stdout(au, tags, err);
    return encode_to_file(au, path, fmt, tags, err);
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
