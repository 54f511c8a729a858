/* Helpers for the audio tests: decode any format with libsndfile and
 * measure it with libebur128; pull the comment packet out of an Ogg
 * stream; walk the frames of an ID3v2.4 tag. Header-only, like testutil.h. */
#ifndef ORA_AUDIOUTIL_H
#define ORA_AUDIOUTIL_H

#include "testutil.h"

#include <ebur128.h>
#include <math.h>

typedef struct {
    double lufs, peak_dbtp, seconds;
    int rate;
} au_level;

/* Decodes path and measures integrated loudness and true peak. */
static inline bool au_measure(const char *path, au_level *l)
{
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf)
        return false;
    ebur128_state *st = ebur128_init((unsigned)info.channels, (unsigned long)info.samplerate,
                                     EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    float buf[8192];
    sf_count_t n, total = 0;
    while ((n = sf_readf_float(sf, buf, 8192 / info.channels)) > 0) {
        ebur128_add_frames_float(st, buf, (size_t)n);
        total += n;
    }
    double peak = 0;
    ebur128_loudness_global(st, &l->lufs);
    ebur128_true_peak(st, 0, &peak);
    l->peak_dbtp = 20 * log10(peak);
    l->rate = info.samplerate;
    l->seconds = (double)total / info.samplerate;
    ebur128_destroy(&st);
    sf_close(sf);
    return true;
}

static inline unsigned long au_le32(const unsigned char *p)
{
    return p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* The second packet of an Ogg stream (the comment header), reassembled
 * from the pages' lacing values; *len gets its size. */
static inline unsigned char *au_ogg_comment_packet(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static unsigned char page[65536 + 282];
    unsigned char *pkt = NULL;
    size_t plen = 0;
    int packet = 0;
    while (packet < 2 && fread(page, 1, 27, f) == 27 && memcmp(page, "OggS", 4) == 0) {
        int nseg = page[26];
        unsigned char lace[255];
        if (fread(lace, 1, (size_t)nseg, f) != (size_t)nseg)
            break;
        for (int i = 0; i < nseg && packet < 2; i++) {
            unsigned char seg[255];
            if (fread(seg, 1, lace[i], f) != lace[i])
                break;
            if (packet == 1) {
                pkt = realloc(pkt, plen + lace[i] + 1);
                memcpy(pkt + plen, seg, lace[i]);
                plen += lace[i];
            }
            if (lace[i] < 255)
                packet++;
        }
    }
    fclose(f);
    *len = plen;
    return pkt;
}

/* Whether the Vorbis/Opus comment packet holds exactly "entry". */
static inline bool au_has_comment(const unsigned char *pkt, size_t len, const char *entry)
{
    size_t pos = pkt[0] == 3 ? 7 : 8; /* "\3vorbis" or "OpusTags" */
    pos += 4 + au_le32(pkt + pos);    /* vendor */
    unsigned long n = au_le32(pkt + pos);
    pos += 4;
    for (unsigned long i = 0; i < n && pos + 4 <= len; i++) {
        unsigned long l = au_le32(pkt + pos);
        pos += 4;
        if (l == strlen(entry) && memcmp(pkt + pos, entry, l) == 0)
            return true;
        pos += l;
    }
    return false;
}

static inline size_t au_synchsafe(const unsigned char *p)
{
    return (size_t)p[0] << 21 | (size_t)p[1] << 14 | (size_t)p[2] << 7 | p[3];
}

/* Finds the frame id in an ID3v2.4 frame area [p, p+n): its body. */
static inline const unsigned char *au_id3_frame(const unsigned char *p, size_t n,
                                                const char *id, size_t skip,
                                                size_t *body_len)
{
    for (size_t pos = 0; pos + 10 <= n;) {
        size_t sz = au_synchsafe(p + pos + 4);
        if (memcmp(p + pos, id, 4) == 0 && skip-- == 0) {
            *body_len = sz;
            return p + pos + 10;
        }
        if (p[pos] == 0)
            break;
        pos += 10 + sz;
    }
    return NULL;
}

/* The UTF-8 text of a text frame (encoding byte 3), or NULL. */
static inline char *au_id3_text(const unsigned char *frames, size_t n, const char *id, size_t skip)
{
    size_t len;
    const unsigned char *b = au_id3_frame(frames, n, id, skip, &len);
    if (!b || len < 1 || b[0] != 3)
        return NULL;
    return strndup((const char *)b + 1, len - 1);
}

#endif
