/* Ogg Vorbis (libvorbisenc) and Ogg Opus (libopus) written by oralise
 * itself, so that the comment header can carry chapters. Both take samples
 * as they come and write pages to the file as they fill: nothing grows with
 * the length of the article. */
#include "encode.h"

#include <math.h>
#include <ogg/ogg.h>
#include <opus.h>
#include <stdlib.h>
#include <string.h>
#include <vorbis/vorbisenc.h>

#define BLOCK 4096

static int put_page(byte_out *out, const ogg_page *og)
{
    return bo_add(out, og->header, (size_t)og->header_len) |
           bo_add(out, og->body, (size_t)og->body_len);
}

/* Writes the pages that are full, or with force every page pending: audio
 * starts on a fresh page after the headers, as the specs ask. */
static int write_pages(ogg_stream_state *os, bool force, byte_out *out)
{
    ogg_page og;
    int rc = 0;
    while (force ? ogg_stream_flush(os, &og) : ogg_stream_pageout(os, &og))
        rc |= put_page(out, &og);
    return rc;
}

static int flush_pages(ogg_stream_state *os, byte_out *out) { return write_pages(os, true, out); }
static int drain_pages(ogg_stream_state *os, byte_out *out) { return write_pages(os, false, out); }

/* A serial number that differs between runs is not needed: one stream. */
#define SERIAL 0x6f72616c /* "oral" */

/* ── Vorbis ─────────────────────────────────────────────────────────────── */

/* A decoder that follows the encoder packet by packet (enc_vorbis_monitor):
 * its own setup, read from the header packets as a player reads it. */
typedef struct {
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ora_audio_sink sink;
    void *user;
    int16_t pcm[BLOCK];
    bool failed;
} vorbis_follower;

struct enc_vorbis {
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ogg_stream_state os;
    byte_out *out;
    strbuf heads[3]; /* the header packets, for a follower */
    vorbis_follower *follow;
};

static int16_t float_to_s16(float v)
{
    float x = v * 32768.0f;
    x = x > 32767.0f ? 32767.0f : x < -32768.0f ? -32768.0f : x;
    return (int16_t)lrintf(x);
}

/* Decodes one packet and hands what it completes to the sink; libvorbis
 * trims the end as a player does (the last packet's granule position). */
static void follow_packet(vorbis_follower *f, ogg_packet *op)
{
    if (f->failed)
        return;
    if (vorbis_synthesis(&f->vb, op) == 0)
        vorbis_synthesis_blockin(&f->vd, &f->vb);
    float **pcm;
    int n;
    while ((n = vorbis_synthesis_pcmout(&f->vd, &pcm)) > 0) {
        int k = n < BLOCK ? n : BLOCK;
        for (int i = 0; i < k; i++)
            f->pcm[i] = float_to_s16(pcm[0][i]);
        vorbis_synthesis_read(&f->vd, k);
        if (f->sink(f->user, f->pcm, (size_t)k) < 0) {
            f->failed = true;
            return;
        }
    }
}

static void follower_free(vorbis_follower *f)
{
    if (!f)
        return;
    vorbis_block_clear(&f->vb);
    vorbis_dsp_clear(&f->vd);
    vorbis_comment_clear(&f->vc);
    vorbis_info_clear(&f->vi);
    free(f);
}

int enc_vorbis_monitor(enc_vorbis *e, ora_audio_sink sink, void *user)
{
    vorbis_follower *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    vorbis_info_init(&f->vi);
    vorbis_comment_init(&f->vc);
    int rc = 0;
    for (long i = 0; rc == 0 && i < 3; i++) {
        ogg_packet op = {(unsigned char *)e->heads[i].s, (long)e->heads[i].len, i == 0, 0, 0, i};
        rc = vorbis_synthesis_headerin(&f->vi, &f->vc, &op);
    }
    if (rc != 0 || vorbis_synthesis_init(&f->vd, &f->vi) != 0) {
        vorbis_comment_clear(&f->vc);
        vorbis_info_clear(&f->vi);
        free(f);
        return -1;
    }
    vorbis_block_init(&f->vd, &f->vb);
    f->sink = sink, f->user = user;
    e->follow = f;
    return 0;
}

static int vorbis_drain(enc_vorbis *e)
{
    ogg_packet op;
    int rc = 0;
    while (vorbis_analysis_blockout(&e->vd, &e->vb) == 1) {
        vorbis_analysis(&e->vb, NULL);
        vorbis_bitrate_addblock(&e->vb);
        while (vorbis_bitrate_flushpacket(&e->vd, &op)) {
            ogg_stream_packetin(&e->os, &op);
            rc |= drain_pages(&e->os, e->out);
            if (e->follow) {
                follow_packet(e->follow, &op);
                rc |= e->follow->failed ? -1 : 0;
            }
        }
    }
    return rc;
}

static int vorbis_headers(enc_vorbis *e, const ora_encode_options *eo)
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
    const ogg_packet *hs[3] = {&h, &hc, &hcode};
    for (int i = 0; i < 3; i++)
        sb_add(&e->heads[i], (const char *)hs[i]->packet, (size_t)hs[i]->bytes);
    ogg_stream_packetin(&e->os, &h);
    int rc = flush_pages(&e->os, e->out); /* the identification page alone */
    ogg_stream_packetin(&e->os, &hc);
    ogg_stream_packetin(&e->os, &hcode);
    return rc | flush_pages(&e->os, e->out);
}

enc_vorbis *enc_vorbis_open(int rate, const ora_encode_options *eo, byte_out *out,
                        ora_error *err)
{
    enc_vorbis *e = calloc(1, sizeof *e);
    if (!e) {
        ora_set_error(err, "out of memory while encoding Ogg Vorbis.");
        return NULL;
    }
    e->out = out;
    vorbis_info_init(&e->vi);
    double q = eo && eo->quality >= 0 ? eo->quality : 0.4;
    /* Below 0.1 (about 30 kbit/s here) Vorbis overshoots peaks by 2 dB and
     * more, past what the limiter can make room for. */
    if (vorbis_encode_init_vbr(&e->vi, 1, rate, (float)(0.1 + q * 0.9)) != 0) {
        vorbis_info_clear(&e->vi);
        free(e);
        ora_set_error(err, "Ogg Vorbis cannot encode mono audio at %d Hz.", rate);
        return NULL;
    }
    vorbis_analysis_init(&e->vd, &e->vi);
    vorbis_block_init(&e->vd, &e->vb);
    ogg_stream_init(&e->os, SERIAL);
    if (vorbis_headers(e, eo) < 0)
        out->failed = true;
    return e;
}

int enc_vorbis_write(enc_vorbis *e, const int16_t *s, size_t n)
{
    int rc = 0;
    for (size_t pos = 0; rc == 0 && pos < n; pos += BLOCK) {
        size_t k = n - pos < BLOCK ? n - pos : BLOCK;
        float **buf = vorbis_analysis_buffer(&e->vd, (int)k);
        for (size_t i = 0; i < k; i++)
            buf[0][i] = s[pos + i] / 32768.0f;
        vorbis_analysis_wrote(&e->vd, (int)k);
        rc = vorbis_drain(e);
    }
    return rc;
}

int enc_vorbis_close(enc_vorbis *e)
{
    vorbis_analysis_wrote(&e->vd, 0); /* the end */
    int rc = vorbis_drain(e);
    rc |= flush_pages(&e->os, e->out);
    ogg_stream_clear(&e->os);
    vorbis_block_clear(&e->vb);
    vorbis_dsp_clear(&e->vd);
    vorbis_comment_clear(&e->vc);
    vorbis_info_clear(&e->vi);
    for (int i = 0; i < 3; i++)
        sb_free(&e->heads[i]);
    follower_free(e->follow);
    free(e);
    return rc;
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
                        int rate, int preskip, byte_out *out)
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

/* 20 ms frames. Granule positions count 48 kHz samples from the start,
 * pre-skip included, and the last one trims the padding: so each packet
 * waits in pending until the next one shows it was not the last. */
struct enc_opus {
    OpusEncoder *enc;
    ogg_stream_state os;
    byte_out *out;
    int frame, mul, lookahead, preskip48;
    int16_t pcm[960];
    int fill;
    uint64_t n, coded; /* samples in, samples through the coder */
    unsigned char pending[4000];
    opus_int32 pending_len;
    long no;
    bool failed;
    OpusDecoder *dec; /* enc_opus_monitor */
    ora_audio_sink monitor;
    void *monitor_user;
    uint64_t decoded; /* samples handed to monitor, pre-skip included */
};

/* The packet just made, decoded: the pre-skip dropped, and nothing past
 * the input's end (the padding that flushed the coder). */
static void monitor_packet(enc_opus *e)
{
    int16_t pcm[960];
    int k = opus_decode(e->dec, e->pending, e->pending_len, pcm, e->frame, 0);
    if (k < 0) {
        e->failed = true;
        return;
    }
    uint64_t from = e->decoded, to = e->decoded + (uint64_t)k, end = e->n + (uint64_t)e->lookahead;
    uint64_t a = from > (uint64_t)e->lookahead ? from : (uint64_t)e->lookahead;
    uint64_t b = to < end ? to : end;
    if (b > a && e->monitor(e->monitor_user, pcm + (a - from), (size_t)(b - a)) < 0)
        e->failed = true;
    e->decoded = to;
}

int enc_opus_monitor(enc_opus *e, ora_audio_sink sink, void *user)
{
    int code = 0;
    e->dec = opus_decoder_create(e->frame * 50, 1, &code);
    e->monitor = sink, e->monitor_user = user;
    return e->dec ? 0 : -1;
}

static void enc_opus_emit(enc_opus *e, bool last)
{
    if (e->pending_len <= 0)
        return;
    ogg_int64_t g = e->preskip48 + (ogg_int64_t)(last ? e->n : e->coded) * e->mul;
    packet_in(&e->os, e->pending, (size_t)e->pending_len, g, e->no++, false, last);
    if (drain_pages(&e->os, e->out))
        e->failed = true;
}

static void enc_opus_frame(enc_opus *e)
{
    for (int i = e->fill; i < e->frame; i++)
        e->pcm[i] = 0;
    enc_opus_emit(e, false);
    e->pending_len = opus_encode(e->enc, e->pcm, e->frame, e->pending, sizeof e->pending);
    if (e->pending_len < 0)
        e->failed = true;
    else if (e->dec)
        monitor_packet(e);
    e->coded += (uint64_t)e->frame;
    e->fill = 0;
}

enc_opus *enc_opus_open(int rate, const ora_encode_options *eo, byte_out *out,
                    ora_error *err)
{
    int code = 0;
    enc_opus *e = calloc(1, sizeof *e);
    if (e)
        e->enc = opus_encoder_create(rate, 1, OPUS_APPLICATION_VOIP, &code);
    if (!e || !e->enc) {
        ora_set_error(err, "Opus cannot encode at %d Hz: %s", rate, opus_strerror(code));
        free(e);
        return NULL;
    }
    double q = eo && eo->quality >= 0 ? eo->quality : 0.4;
    /* 16 to 64 kbit/s: below 16 the coder distorts peaks by 3 dB and more,
     * and the loudness check needs four encodings to hold -1 dBTP. */
    opus_encoder_ctl(e->enc, OPUS_SET_BITRATE((opus_int32)(16000 + q * 48000)));
    opus_encoder_ctl(e->enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    /* Complexity 10 (the default) costs about twice 3 (Debian's libopus,
     * 24 kHz speech), and coding is the largest cost of an .opus file. */
    opus_encoder_ctl(e->enc, OPUS_SET_COMPLEXITY(3));
    opus_int32 la = 0;
    opus_encoder_ctl(e->enc, OPUS_GET_LOOKAHEAD(&la));
    e->out = out;
    e->frame = rate / 50, e->mul = 48000 / rate;
    e->lookahead = (int)la, e->preskip48 = (int)la * e->mul;
    e->no = 2;
    ogg_stream_init(&e->os, SERIAL);
    if (opus_headers(&e->os, eo, rate, e->preskip48, out))
        e->failed = true;
    return e;
}

int enc_opus_write(enc_opus *e, const int16_t *s, size_t n)
{
    e->n += n;
    while (n && !e->failed) {
        int k = e->frame - e->fill < (int)n ? e->frame - e->fill : (int)n;
        memcpy(e->pcm + e->fill, s, (size_t)k * sizeof *s);
        e->fill += k, s += k, n -= (size_t)k;
        if (e->fill == e->frame)
            enc_opus_frame(e);
    }
    return e->failed ? -1 : 0;
}

int enc_opus_close(enc_opus *e)
{
    /* The coder's look-ahead is flushed with silence. */
    while (!e->failed && (e->fill > 0 || e->coded < e->n + (uint64_t)e->lookahead))
        enc_opus_frame(e);
    enc_opus_emit(e, true);
    int rc = e->failed | flush_pages(&e->os, e->out);
    ogg_stream_clear(&e->os);
    opus_encoder_destroy(e->enc);
    if (e->dec)
        opus_decoder_destroy(e->dec);
    free(e);
    return rc ? -1 : 0;
}
