/* Ogg Vorbis (libvorbisenc) and Ogg Opus (libopus) written by oralise
 * itself, into memory, so that the comment header can carry chapters.
 * Both streams are fed in blocks, never the whole article at once. */
#include "encode.h"

#include <ogg/ogg.h>
#include <opus.h>
#include <stdlib.h>
#include <string.h>
#include <vorbis/vorbisenc.h>

#define BLOCK 4096

static int put_page(strbuf *out, const ogg_page *og)
{
    return sb_add(out, (const char *)og->header, (size_t)og->header_len) |
           sb_add(out, (const char *)og->body, (size_t)og->body_len);
}

/* Writes the pages that are full, or with force every page pending: audio
 * starts on a fresh page after the headers, as the specs ask. */
static int write_pages(ogg_stream_state *os, bool force, strbuf *out)
{
    ogg_page og;
    int rc = 0;
    while (force ? ogg_stream_flush(os, &og) : ogg_stream_pageout(os, &og))
        rc |= put_page(out, &og);
    return rc;
}

static int flush_pages(ogg_stream_state *os, strbuf *out) { return write_pages(os, true, out); }
static int drain_pages(ogg_stream_state *os, strbuf *out) { return write_pages(os, false, out); }

/* A serial number that differs between runs is not needed: one stream. */
#define SERIAL 0x6f72616c /* "oral" */

/* ── Vorbis ─────────────────────────────────────────────────────────────── */

typedef struct {
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ogg_stream_state os;
} vorbis_enc;

static int vorbis_drain(vorbis_enc *e, strbuf *out)
{
    ogg_packet op;
    int rc = 0;
    while (vorbis_analysis_blockout(&e->vd, &e->vb) == 1) {
        vorbis_analysis(&e->vb, NULL);
        vorbis_bitrate_addblock(&e->vb);
        while (vorbis_bitrate_flushpacket(&e->vd, &op)) {
            ogg_stream_packetin(&e->os, &op);
            rc |= drain_pages(&e->os, out);
        }
    }
    return rc;
}

static int vorbis_headers(vorbis_enc *e, const ora_encode_options *eo, strbuf *out)
{
    comment_list c;
    if (comments_build(eo, &c) < 0)
        return -1;
    vorbis_comment_init(&e->vc);
    for (size_t i = 0; i < c.n; i++) {
        char *eq = strchr(c.items[i], '=');
        *eq = '\0';
        vorbis_comment_add_tag(&e->vc, c.items[i], eq + 1);
    }
    comments_free(&c);
    ogg_packet h, hc, hcode;
    vorbis_analysis_headerout(&e->vd, &e->vc, &h, &hc, &hcode);
    ogg_stream_packetin(&e->os, &h);
    int rc = flush_pages(&e->os, out); /* the identification page alone */
    ogg_stream_packetin(&e->os, &hc);
    ogg_stream_packetin(&e->os, &hcode);
    return rc | flush_pages(&e->os, out);
}

int encode_vorbis(const ora_audio *au, const ora_encode_options *eo,
                  strbuf *out, ora_error *err)
{
    vorbis_enc e;
    memset(&e, 0, sizeof e);
    vorbis_info_init(&e.vi);
    double q = eo && eo->quality >= 0 ? eo->quality : 0.4;
    /* Below 0.1 (about 30 kbit/s here) Vorbis overshoots peaks by 2 dB and
     * more, past what the limiter can make room for. */
    if (vorbis_encode_init_vbr(&e.vi, 1, au->rate, (float)(0.1 + q * 0.9)) != 0) {
        vorbis_info_clear(&e.vi);
        ora_set_error(err, "Ogg Vorbis cannot encode mono audio at %d Hz.", au->rate);
        return -1;
    }
    vorbis_analysis_init(&e.vd, &e.vi);
    vorbis_block_init(&e.vd, &e.vb);
    ogg_stream_init(&e.os, SERIAL);
    int rc = vorbis_headers(&e, eo, out);
    for (size_t pos = 0; rc == 0 && pos <= au->n; pos += BLOCK) {
        size_t k = au->n - pos < BLOCK ? au->n - pos : BLOCK;
        if (k) {
            float **buf = vorbis_analysis_buffer(&e.vd, (int)k);
            for (size_t i = 0; i < k; i++)
                buf[0][i] = au->samples[pos + i] / 32768.0f;
        }
        vorbis_analysis_wrote(&e.vd, (int)k); /* 0 marks the end */
        rc = vorbis_drain(&e, out);
        if (k == 0)
            break;
    }
    rc |= flush_pages(&e.os, out);
    ogg_stream_clear(&e.os);
    vorbis_block_clear(&e.vb);
    vorbis_dsp_clear(&e.vd);
    vorbis_comment_clear(&e.vc);
    vorbis_info_clear(&e.vi);
    if (rc)
        ora_set_error(err, "out of memory while encoding Ogg Vorbis.");
    return rc ? -1 : 0;
}

/* ── Opus (RFC 7845) ────────────────────────────────────────────────────── */

static void le16(strbuf *b, unsigned v) { sb_addc(b, (char)(v & 255)), sb_addc(b, (char)(v >> 8 & 255)); }
static void le32(strbuf *b, unsigned long v) { le16(b, (unsigned)(v & 0xffff)), le16(b, (unsigned)(v >> 16 & 0xffff)); }

static int packet_in(ogg_stream_state *os, const void *data, size_t len,
                     ogg_int64_t granule, long no, bool bos, bool eos)
{
    ogg_packet op = {(unsigned char *)data, (long)len, bos, eos, granule, no};
    return ogg_stream_packetin(os, &op);
}

static int opus_headers(ogg_stream_state *os, const ora_encode_options *eo,
                        int rate, int preskip, strbuf *out)
{
    strbuf h;
    sb_init(&h);
    sb_add(&h, "OpusHead\1\1", 10);
    le16(&h, (unsigned)preskip);
    le32(&h, (unsigned long)rate);
    le16(&h, 0), sb_add(&h, "\0", 1); /* gain 0, mapping family 0 */
    packet_in(os, h.s, h.len, 0, 0, true, false);
    int rc = flush_pages(os, out);
    h.len = 0;
    comment_list c;
    rc |= comments_build(eo, &c);
    const char *vendor = opus_get_version_string();
    sb_add(&h, "OpusTags", 8);
    le32(&h, strlen(vendor)), sb_adds(&h, vendor);
    le32(&h, c.n);
    for (size_t i = 0; i < c.n; i++)
        le32(&h, strlen(c.items[i])), sb_adds(&h, c.items[i]);
    comments_free(&c);
    packet_in(os, h.s, h.len, 0, 1, false, false);
    rc |= flush_pages(os, out);
    sb_free(&h);
    return rc;
}

/* Encodes 20 ms frames; the granule positions count 48 kHz samples from
 * the start, pre-skip included, and the last one trims the padding. */
static int opus_frames(OpusEncoder *enc, ogg_stream_state *os, const ora_audio *au,
                       int preskip_in, int preskip48, strbuf *out)
{
    int frame = au->rate / 50, mul = 48000 / au->rate;
    size_t total = au->n + (size_t)preskip_in; /* flush the look-ahead */
    int16_t pcm[960];
    unsigned char pkt[4000];
    long no = 2;
    int rc = 0;
    for (size_t pos = 0; rc == 0 && pos < total; pos += (size_t)frame) {
        for (int i = 0; i < frame; i++)
            pcm[i] = pos + (size_t)i < au->n ? au->samples[pos + (size_t)i] : 0;
        opus_int32 len = opus_encode(enc, pcm, frame, pkt, sizeof pkt);
        if (len < 0)
            return -1;
        bool last = pos + (size_t)frame >= total;
        ogg_int64_t g = preskip48 + (ogg_int64_t)(last ? au->n : pos + (size_t)frame) * mul;
        packet_in(os, pkt, (size_t)len, g, no++, false, last);
        rc |= drain_pages(os, out);
    }
    return rc | flush_pages(os, out);
}

int encode_opus(const ora_audio *au, const ora_encode_options *eo,
                strbuf *out, ora_error *err)
{
    int e = 0;
    OpusEncoder *enc = opus_encoder_create(au->rate, 1, OPUS_APPLICATION_VOIP, &e);
    if (!enc) {
        ora_set_error(err, "Opus cannot encode at %d Hz: %s", au->rate, opus_strerror(e));
        return -1;
    }
    double q = eo && eo->quality >= 0 ? eo->quality : 0.4;
    /* 16 to 64 kbit/s: below 16 the coder distorts peaks by 3 dB and more,
     * and the loudness check needs four encodings to hold -1 dBTP. */
    opus_encoder_ctl(enc, OPUS_SET_BITRATE((opus_int32)(16000 + q * 48000)));
    opus_encoder_ctl(enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    /* Complexity 10 (the default) costs about twice 3 (Debian's libopus,
     * 24 kHz speech), and coding is the largest cost of an .opus file. */
    opus_encoder_ctl(enc, OPUS_SET_COMPLEXITY(3));
    opus_int32 la = 0;
    opus_encoder_ctl(enc, OPUS_GET_LOOKAHEAD(&la));
    int preskip48 = (int)la * (48000 / au->rate);
    ogg_stream_state os;
    ogg_stream_init(&os, SERIAL);
    int rc = opus_headers(&os, eo, au->rate, preskip48, out);
    rc |= opus_frames(enc, &os, au, (int)la, preskip48, out);
    ogg_stream_clear(&os);
    opus_encoder_destroy(enc);
    if (rc)
        ora_set_error(err, "cannot encode Ogg Opus.");
    return rc ? -1 : 0;
}
