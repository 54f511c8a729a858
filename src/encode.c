/* Encoding: every format is made in memory, then written through a
 * temporary file renamed at the end (ora_write_files), so a failed or
 * interrupted run never leaves a partial file, and a file that was there
 * stays intact. WAV, FLAC and MP3 audio go through libsndfile (in blocks);
 * Ogg Vorbis and Opus are written by encode_ogg.c so that they carry
 * chapters; MP3 gets oralise's own UTF-8 ID3v2 tag in front of LAME's
 * frames. "-" streams WAV or raw PCM to standard output. */
#include "encode.h"

#include <errno.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK_FRAMES 65536

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

static void set_quality(SNDFILE *sf, ora_format fmt, double q)
{
    if (fmt == ORA_FMT_MP3 && q >= 0) /* before the bitrate mode, per libsndfile */
        sf_command(sf, SFC_SET_VBR_ENCODING_QUALITY, &q, sizeof q);
    if (fmt == ORA_FMT_FLAC && q >= 0) { /* lossless: quality buys smaller files */
        double level = q;
        sf_command(sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
    }
}

static SF_INFO info_for(const ora_audio *au, ora_format fmt)
{
    SF_INFO info = {0};
    info.samplerate = au->rate;
    info.channels = 1;
    info.format = sf_format(fmt);
    return info;
}

/* ── libsndfile into memory ──────────────────────────────────────────── */

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
    if (m->buf.len < end) { /* grow by the gap; its bytes are overwritten */
        size_t old = m->buf.len;
        if (sb_add(&m->buf, p, end - old) < 0)
            return 0;
    }
    memcpy(m->buf.s + m->pos, p, (size_t)n);
    m->pos += n;
    return n;
}

static int encode_sndfile(const ora_audio *au, ora_format fmt,
                          const ora_encode_options *eo, strbuf *out, ora_error *err)
{
    SF_VIRTUAL_IO io = {mem_len, mem_seek, mem_read, mem_write, mem_tell};
    memfile m = {{0}, 0};
    SF_INFO info = info_for(au, fmt);
    SNDFILE *sf = sf_open_virtual(&io, SFM_WRITE, &info, &m);
    if (!sf) {
        ora_set_error(err, "cannot encode: %s", sf_strerror(NULL));
        return -1;
    }
    if (fmt != ORA_FMT_MP3)
        set_tags(sf, eo->tags);
    set_quality(sf, fmt, eo->quality);
    int rc = write_frames(sf, au->samples, au->n, err);
    if (sf_close(sf) != 0 && rc == 0) {
        ora_set_error(err, "cannot finish encoding the audio.");
        rc = -1;
    }
    if (rc == 0 && fmt == ORA_FMT_MP3) /* oralise's UTF-8 tag first */
        rc = id3v2_build(eo, out);
    if (rc == 0 && out->len == 0) { /* hand the buffer over: WAV is large */
        sb_free(out);
        *out = m.buf;
        return 0;
    }
    if (rc == 0)
        rc = sb_add(out, m.buf.s ? m.buf.s : "", m.buf.len);
    sb_free(&m.buf);
    return rc;
}

static bool opus_rate(int rate)
{
    return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
}

static int encode_any(const ora_audio *au, ora_format fmt,
                      const ora_encode_options *eo, strbuf *out, ora_error *err)
{
    if (fmt == ORA_FMT_OGG)
        return encode_vorbis(au, eo, out, err);
    if (fmt != ORA_FMT_OPUS)
        return encode_sndfile(au, fmt, eo, out, err);
    if (opus_rate(au->rate))
        return encode_opus(au, eo, out, err);
    ora_audio res;
    if (ora_audio_resample(au, ORA_OPUS_RATE, &res, err) < 0)
        return -1;
    int rc = encode_opus(&res, eo, out, err);
    ora_audio_free(&res);
    return rc;
}

int ora_encode_memory(const ora_audio *au, ora_format fmt,
                      const ora_encode_options *eo, char **data, size_t *len,
                      ora_error *err)
{
    static const ora_encode_options none = {NULL, NULL, 0, -1, false};
    if (au->n == 0) {
        ora_set_error(err, "there is no audio to write.");
        return -1;
    }
    strbuf out;
    sb_init(&out);
    if (encode_any(au, fmt, eo ? eo : &none, &out, err) < 0) {
        sb_free(&out);
        return -1;
    }
    *len = out.len;
    *data = sb_take(&out);
    return 0;
}

/* Decodes an encoded file from memory (libsndfile reads all five formats)
 * and measures it: lossy coders move loudness and peaks, so the pipeline
 * checks what a listener will actually get. */
int ora_loudness_of_encoded(const char *data, size_t len, ora_loudness *l,
                            ora_error *err)
{
    SF_VIRTUAL_IO io = {mem_len, mem_seek, mem_read, mem_write, mem_tell};
    memfile m = {{(char *)data, len, len}, 0};
    SF_INFO info = {0};
    SNDFILE *sf = sf_open_virtual(&io, SFM_READ, &info, &m);
    if (!sf || info.channels != 1) {
        if (sf)
            sf_close(sf);
        ora_set_error(err, "cannot decode the encoded audio to check it.");
        return -1;
    }
    ora_audio au;
    ora_audio_init(&au, info.samplerate);
    int16_t buf[BLOCK_FRAMES];
    sf_count_t k;
    int rc = 0;
    while (rc == 0 && (k = sf_readf_short(sf, buf, BLOCK_FRAMES)) > 0)
        rc = ora_audio_append(&au, buf, (size_t)k);
    sf_close(sf);
    if (rc == 0)
        rc = ora_loudness_measure(&au, l, err);
    else
        ora_set_error(err, "out of memory while checking the audio.");
    ora_audio_free(&au);
    return rc;
}

/* ── WAV and FLAC to a file as they are spoken ───────────────────────── */

static int file_stream_open(ora_file_stream *fs)
{
    fs->tmp = temp_name_for(fs->path);
    int fd = mkstemp(fs->tmp);
    if (fd < 0)
        return -1;
    SF_INFO info = info_for(fs->au, fs->fmt);
    SNDFILE *sf = sf_open_fd(fd, SFM_WRITE, &info, 1);
    if (!sf) {
        close(fd);
        return -1;
    }
    set_tags(sf, fs->eo ? fs->eo->tags : NULL); /* before the first write */
    set_quality(sf, fs->fmt, fs->eo ? fs->eo->quality : -1);
    fs->sf = sf;
    return 0;
}

int ora_file_stream_sink(void *user, const int16_t *s, size_t n)
{
    ora_file_stream *fs = user;
    if (!fs->sf && !fs->failed && file_stream_open(fs) < 0)
        fs->failed = true;
    if (fs->failed)
        return -1;
    if (sf_writef_short(fs->sf, s, (sf_count_t)n) != (sf_count_t)n)
        fs->failed = true;
    return fs->failed ? -1 : 0;
}

int ora_file_stream_close(ora_file_stream *fs, ora_error *err)
{
    bool ok = fs->sf && !fs->failed;
    if (fs->sf && sf_close(fs->sf) != 0)
        ok = false;
    fs->sf = NULL;
    if (ok && chmod(fs->tmp, default_mode()) < 0)
        ok = false;
    if (!ok)
        ora_set_error(err, "cannot write %s: %s", fs->path,
                      errno ? strerror(errno) : "the encoder failed");
    return ok ? 0 : -1;
}

void ora_file_stream_free(ora_file_stream *fs)
{
    if (fs->sf)
        sf_close(fs->sf);
    if (fs->tmp)
        unlink(fs->tmp); /* fails harmlessly once renamed */
    free(fs->tmp);
    fs->sf = NULL, fs->tmp = NULL;
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

static void wav_header(int rate, size_t n, unsigned char hdr[44])
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
    char *data;
    size_t len;
    if (ora_encode_memory(au, fmt, eo, &data, &len, err) < 0)
        return -1;
    ora_out_file f = {path, data, len, NULL};
    int rc = ora_write_files(&f, 1, err);
    free(data);
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
