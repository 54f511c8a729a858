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
/* Samples handed to libvorbis at a time: after each block it codes, it
 * moves all it holds down its buffer, so the more it is given at once,
 * the more it copies (4,096 at a time: 0.065 s of copying on the
 * 34-minute article; oggenc gives 1,024). */
#define VORBIS_PIECE 1024

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

/* oggenc's own default (-q 3): about 47 kbit/s for eSpeak NG's speech at
 * 22,050 Hz, against 59 at 0.46 (--quality 0.4 on oralise's scale), for
 * 6 % less encoding time on the 34-minute article. */
#define VORBIS_DEFAULT_QUALITY 0.3

/* A decoder that follows the encoder packet by packet (enc_vorbis_monitor):
 * its own setup, read from the header packets as a player reads it.
 *
 * With a guard (enc_vorbis_guard), only the packets whose audio could come
 * near the guard's peak are decoded: the others hand the sink the input
 * they were coded from. Decoding costs a sixth of encoding, most of what
 * the check costs, and a packet's audio depends only on the input under
 * its window and the one before. Where that input stays SKIP_MARGIN_DB
 * under the guard, Vorbis at oggenc's default quality never brought the
 * decoded audio more than 1.1 dB over it (every packet decoded and
 * compared, two 7,000-word articles: 70 % of the packets skipped, the
 * loudest of them decoding to -3.4 dBTP against a guard of -1.05), and
 * the loudness moves by 0.02 LU. After skipped packets, the one before is
 * decoded again first, for the overlap. */
#define SKIP_MARGIN_DB 3.5   /* under the guard: a packet's input that far under is not decoded */
#define SKIP_MIN_QUALITY 0.3 /* below it Vorbis moves peaks more: every packet is decoded */
#define RING (1 << 16)       /* input samples kept (the coder is 2 long blocks behind) */
#define SUB 64               /* samples per peak kept (sub-block of the ring) */
#define MAX_SKIPPED 8192     /* samples of one packet handed on as input */

typedef struct {
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ora_audio_sink sink;
    void *user;
    int16_t pcm[BLOCK];
    strbuf last;  /* the packet before, for decoding again after a skip */
    ogg_int64_t last_granule;
    long last_no;
    bool synced;  /* the decoder has the packet before in it */
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
    stage *behind; /* the follower in a thread of its own, or NULL */
    strbuf batch;  /* packets for it, not sent yet */
    double quality;
    int skip_under;  /* a packet whose input stays under this is not decoded; 0: all are */
    int16_t *ring;   /* the last RING input samples, for the follower */
    uint16_t peaks[RING / SUB]; /* the largest |sample| of each SUB of them */
    uint64_t written;
    ogg_int64_t granule; /* the end of the audio of the packets so far */
    int16_t skipped[MAX_SKIPPED];
};

/* A sample of [-1, 1] as 16 bits, rounded to the nearest, ties to even,
 * as lrintf does, without its call (-O2 keeps lrintf a call into libm):
 * adding and taking away 1.5 * 2^23 leaves a float under 2^22 in size
 * rounded to a whole number. */
static int16_t unit_to_s16(float v)
{
    float x = v * 32768.0f;
    x = x > 32767.0f ? 32767.0f : x < -32768.0f ? -32768.0f : x;
    return (int16_t)((x + 12582912.0f) - 12582912.0f);
}

static void keep_last(vorbis_follower *f, const ogg_packet *op)
{
    f->last.len = 0;
    if (sb_add(&f->last, (const char *)op->packet, (size_t)op->bytes) < 0)
        f->failed = true;
    f->last_granule = op->granulepos, f->last_no = (long)op->packetno;
}

/* Hands the sink the input a packet was coded from, in place of its
 * audio: the decoder loses its place. */
static void skip_packet(vorbis_follower *f, ogg_packet *op, const int16_t *input, size_t n)
{
    if (f->failed)
        return;
    keep_last(f, op);
    f->synced = false;
    if (n && f->sink(f->user, input, n) < 0)
        f->failed = true;
}

/* Decodes one packet and hands what it completes to the sink; libvorbis
 * trims the end as a player does (the last packet's granule position). */
static void follow_packet(vorbis_follower *f, ogg_packet *op)
{
    if (f->failed)
        return;
    if (!f->synced && f->last.len) { /* the window before, without its audio */
        ogg_packet before = {(unsigned char *)f->last.s, (long)f->last.len, 0, 0,
                             f->last_granule, f->last_no};
        vorbis_synthesis_restart(&f->vd);
        if (vorbis_synthesis(&f->vb, &before) == 0)
            vorbis_synthesis_blockin(&f->vd, &f->vb);
    }
    f->synced = true;
    keep_last(f, op);
    if (vorbis_synthesis(&f->vb, op) == 0)
        vorbis_synthesis_blockin(&f->vd, &f->vb);
    float **pcm;
    int n;
    while ((n = vorbis_synthesis_pcmout(&f->vd, &pcm)) > 0) {
        int k = n < BLOCK ? n : BLOCK;
        for (int i = 0; i < k; i++)
            f->pcm[i] = unit_to_s16(pcm[0][i]);
        vorbis_synthesis_read(&f->vd, k);
        if (f->sink(f->user, f->pcm, (size_t)k) < 0) {
            f->failed = true;
            return;
        }
    }
}

/* Packets on their way to a follower in another thread go in batches
 * (one wake-up of the thread per batch, not per packet), each packet as
 * its place, its length, then its bytes. */
#define BATCH 32768

typedef struct {
    ogg_int64_t granulepos;
    long packetno;
    long eos;
    long bytes;
    long skipped; /* -1: decode it; else the samples of input that follow */
} packet_head;

/* A packet, decoded or, with input, skipped. */
static void follow_one(vorbis_follower *f, ogg_packet *op, const int16_t *input, long n)
{
    if (n < 0)
        follow_packet(f, op);
    else
        skip_packet(f, op, input, (size_t)n);
}

static int follow_message(void *user, const void *data, size_t len, long tag)
{
    vorbis_follower *f = user;
    (void)tag;
    for (size_t at = 0; at + sizeof(packet_head) <= len && !f->failed;) {
        packet_head h;
        memcpy(&h, (const char *)data + at, sizeof h);
        at += sizeof h;
        ogg_packet op = {(unsigned char *)data + at, h.bytes, 0, h.eos, h.granulepos, h.packetno};
        at += (size_t)h.bytes;
        int16_t input[MAX_SKIPPED];
        size_t n = h.skipped > 0 ? (size_t)h.skipped : 0;
        memcpy(input, (const char *)data + at, n * sizeof *input);
        at += n * sizeof *input;
        follow_one(f, &op, input, h.skipped);
    }
    return f->failed ? -1 : 0;
}

static int send_batch(enc_vorbis *e)
{
    int rc = e->batch.len ? stage_put(e->behind, e->batch.s, e->batch.len, 0) : 0;
    e->batch.len = 0;
    return rc;
}

/* The input of [a, b) from the ring; false if it is no longer there. */
static bool from_ring(const enc_vorbis *e, uint64_t a, uint64_t b, int16_t *dst)
{
    if (b > e->written || e->written - a > RING)
        return false;
    size_t at = (size_t)(a % RING), n = (size_t)(b - a);
    size_t first = n < RING - at ? n : RING - at; /* to the end of the ring, then from its start */
    memcpy(dst, e->ring + at, first * sizeof *dst);
    memcpy(dst + first, e->ring, (n - first) * sizeof *dst);
    return true;
}

/* The samples of input standing in for packet op's audio, into
 * e->skipped; -1 if it must be decoded: its window or the one before
 * reaches within SKIP_MARGIN_DB of the guard, or the input is gone. */
static long skippable(enc_vorbis *e, const ogg_packet *op)
{
    ogg_int64_t a = e->granule, b = op->granulepos;
    e->granule = b > a ? b : a;
    if (!e->skip_under || b < a || b - a > MAX_SKIPPED)
        return -1;
    ogg_int64_t reach = vorbis_info_blocksize(&e->vi, 1) / 2;
    uint64_t from = (uint64_t)(a > reach ? a - reach : 0);
    uint64_t to = (uint64_t)b + (uint64_t)reach;
    to = to < e->written ? to : e->written;
    if (e->written - from > RING - SUB) /* the SUB holding `from` may be overwritten */
        return -1;
    for (uint64_t i = from / SUB; i <= (to - 1) / SUB; i++)
        if (e->peaks[i % (RING / SUB)] >= e->skip_under)
            return -1;
    return from_ring(e, (uint64_t)a, (uint64_t)b, e->skipped) ? (long)(b - a) : -1;
}

static int follow(enc_vorbis *e, ogg_packet *op)
{
    long skipped = skippable(e, op);
    if (!e->behind) {
        follow_one(e->follow, op, e->skipped, skipped);
        return e->follow->failed ? -1 : 0;
    }
    packet_head h = {op->granulepos, (long)op->packetno, op->e_o_s, op->bytes, skipped};
    if (sb_add(&e->batch, (const char *)&h, sizeof h) < 0 ||
        sb_add(&e->batch, (const char *)op->packet, (size_t)op->bytes) < 0 ||
        (skipped > 0 && sb_add(&e->batch, (const char *)e->skipped,
                               (size_t)skipped * sizeof *e->skipped) < 0))
        return -1;
    return e->batch.len >= BATCH || op->e_o_s ? send_batch(e) : 0;
}

void enc_vorbis_guard(enc_vorbis *e, double limit_dbtp)
{
    if (e->quality < SKIP_MIN_QUALITY || !(e->ring = malloc(RING * sizeof *e->ring)))
        return;
    e->skip_under = (int)(32768 * pow(10.0, (limit_dbtp - SKIP_MARGIN_DB) / 20));
}

static void follower_free(vorbis_follower *f)
{
    if (!f)
        return;
    vorbis_block_clear(&f->vb);
    vorbis_dsp_clear(&f->vd);
    vorbis_comment_clear(&f->vc);
    vorbis_info_clear(&f->vi);
    sb_free(&f->last);
    free(f);
}

int enc_vorbis_monitor(enc_vorbis *e, ora_audio_sink sink, void *user, bool threaded)
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
    /* Without a thread, the follower runs here (an error then only means
     * the check costs the encoder's core). */
    if (threaded)
        e->behind = stage_new(follow_message, f);
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
            if (e->follow)
                rc |= follow(e, &op);
        }
    }
    return rc;
}

static int fill_comments(vorbis_comment *vc, const ora_encode_options *eo)
{
    comment_list c;
    if (comments_build(eo, &c) < 0)
        return -1;
    vorbis_comment_init(vc);
    for (size_t i = 0; i < c.n; i++) {
        char *eq = strchr(c.items[i], '=');
        *eq = '\0';
        vorbis_comment_add_tag(vc, c.items[i], eq + 1);
    }
    comments_free(&c);
    return 0;
}

/* The three header packets on their pages: the identification page alone,
 * then the comments and the codebooks. */
static int header_pages(ogg_stream_state *os, ogg_packet *h, byte_out *out)
{
    ogg_stream_packetin(os, &h[0]);
    int rc = flush_pages(os, out);
    ogg_stream_packetin(os, &h[1]);
    ogg_stream_packetin(os, &h[2]);
    return rc | flush_pages(os, out);
}

static int vorbis_headers(enc_vorbis *e, const ora_encode_options *eo)
{
    if (fill_comments(&e->vc, eo) < 0)
        return -1;
    ogg_packet h[3];
    vorbis_analysis_headerout(&e->vd, &e->vc, &h[0], &h[1], &h[2]);
    for (int i = 0; i < 3; i++)
        sb_add(&e->heads[i], (const char *)h[i].packet, (size_t)h[i].bytes);
    return header_pages(&e->os, h, e->out);
}

int enc_vorbis_headers_again(enc_vorbis *e, const ora_encode_options *eo, strbuf *pages)
{
    vorbis_comment vc;
    if (fill_comments(&vc, eo) < 0)
        return -1;
    ogg_packet h[3];
    vorbis_analysis_headerout(&e->vd, &vc, &h[0], &h[1], &h[2]);
    ogg_stream_state os;
    ogg_stream_init(&os, SERIAL);
    byte_out bo = {-1, {0}, false};
    int rc = header_pages(&os, h, &bo);
    ogg_stream_clear(&os);
    vorbis_comment_clear(&vc);
    *pages = bo.buf;
    return rc | (bo.failed ? -1 : 0);
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
    /* Below 0.1 (about 30 kbit/s here) Vorbis overshoots peaks by 2 dB and
     * more, past what the limiter can make room for. */
    double q = eo && eo->quality >= 0 ? 0.1 + eo->quality * 0.9 : VORBIS_DEFAULT_QUALITY;
    e->quality = q;
    if (vorbis_encode_init_vbr(&e->vi, 1, rate, (float)q) != 0) {
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

/* The input into the ring, with the peak of each SUB of it. */
static void keep_input(enc_vorbis *e, const int16_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint64_t at = e->written + i;
        size_t k = SUB - (size_t)(at % SUB); /* to the end of this SUB */
        k = k < n - i ? k : n - i;
        memcpy(e->ring + at % RING, s + i, k * sizeof *s); /* RING is a whole number of SUBs */
        uint16_t *most = &e->peaks[at / SUB % (RING / SUB)];
        int m = s16_peak(s + i, k);
        *most = (uint16_t)(at % SUB && *most > m ? *most : m);
        i += k;
    }
}

/* Samples as libvorbis takes them, in runs of a fixed length, which -O2
 * vectorizes. */
static void to_float(const int16_t *s, float *d, size_t n)
{
    enum { RUN = 16 };
    size_t i = 0;
    for (; i + RUN <= n; i += RUN)
        for (int k = 0; k < RUN; k++)
            d[i + k] = s[i + k] * (1.0f / 32768);
    for (; i < n; i++)
        d[i] = s[i] * (1.0f / 32768);
}

int enc_vorbis_write(enc_vorbis *e, const int16_t *s, size_t n)
{
    int rc = 0;
    for (size_t pos = 0; rc == 0 && pos < n; pos += VORBIS_PIECE) {
        size_t k = n - pos < VORBIS_PIECE ? n - pos : VORBIS_PIECE;
        float **buf = vorbis_analysis_buffer(&e->vd, (int)k);
        to_float(s + pos, buf[0], k);
        if (e->ring)
            keep_input(e, s + pos, k);
        e->written += k;
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
    if (e->behind)
        rc |= send_batch(e);
    rc |= stage_finish(e->behind);
    sb_free(&e->batch);
    ogg_stream_clear(&e->os);
    vorbis_block_clear(&e->vb);
    vorbis_dsp_clear(&e->vd);
    vorbis_comment_clear(&e->vc);
    vorbis_info_clear(&e->vi);
    for (int i = 0; i < 3; i++)
        sb_free(&e->heads[i]);
    follower_free(e->follow);
    free(e->ring);
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
 * pre-skip included, and the last one trims the padding.
 *
 * With a guard (enc_opus_guard), each packet is decoded as soon as it is
 * made and its true peak checked. libopus at 24 kHz now and then makes a
 * burst far over its input (mostly where speech starts after digital
 * silence): the encoding then goes back to a snapshot taken before the
 * burst (the coder's and decoder's states are flat blocks of memory, so a
 * copy is a snapshot), turns that stretch of input down by the excess, and
 * encodes it again. So the frames of the last HOLD_MS wait before they go
 * to the file (and to the monitor, which sees only what is kept): one pass
 * over the article, and a second only over a few hundred milliseconds. */
#define HOLD_FRAMES 16   /* 320 ms held back */
#define SNAP_EVERY 4     /* a snapshot each 80 ms */
#define SNAPS (HOLD_FRAMES / SNAP_EVERY + 1)
#define MAX_PACKET 1500  /* one 20 ms frame at 64 kbit/s is 160 bytes */
#define RETRIES 4        /* tries at one burst before it is left to the caller */
#define RETRY_MARGIN_DB 0.3
#define RETRY_RAMP_MS 5.0

typedef struct {
    uint64_t frame; /* made before this frame was encoded */
    unsigned char *enc, *dec;
} snapshot;

typedef struct {
    unsigned char data[MAX_PACKET];
    opus_int32 len;
} held_packet;

struct enc_opus {
    OpusEncoder *enc;
    OpusDecoder *dec;
    int enc_size, dec_size;
    ogg_stream_state os;
    byte_out *out;
    int rate, frame, mul, lookahead, preskip48;
    /* Input from the first frame not yet committed on: in[k] is sample
     * in_base + k. Cuts are applied when a frame is encoded. */
    int16_t *in;
    size_t in_len, in_cap;
    uint64_t in_base, n;
    uint64_t next;      /* the next frame to encode */
    uint64_t committed; /* frames gone to the file */
    held_packet held[HOLD_FRAMES + 2];
    int16_t *decoded;   /* (HOLD_FRAMES + 2) frames of decoded audio */
    int16_t tail[TRUE_PEAK_HISTORY]; /* the last committed decoded samples */
    snapshot snap[SNAPS];
    peak_list cuts;     /* in input samples */
    float *gains;
    true_peak *tp;
    double guard;       /* linear true peak a frame must hold; 0: no guard */
    uint64_t burst_frame;
    int burst_tries;
    long no;
    bool failed, has_last, closing;
    held_packet last;   /* the packet committed last, waiting for its successor */
    ora_audio_sink monitor;
    void *monitor_user;
};

static held_packet *held_at(enc_opus *e, uint64_t f) { return &e->held[f % (HOLD_FRAMES + 2)]; }
static int16_t *decoded_at(enc_opus *e, uint64_t f)
{
    return e->decoded + (size_t)(f % (HOLD_FRAMES + 2)) * (size_t)e->frame;
}

int enc_opus_monitor(enc_opus *e, ora_audio_sink sink, void *user)
{
    e->monitor = sink, e->monitor_user = user;
    return 0;
}

void enc_opus_guard(enc_opus *e, double limit_dbtp)
{
    e->guard = pow(10.0, limit_dbtp / 20.0);
}

/* Puts the packet committed before on its page: the one after it shows it
 * was not the last; last marks the end of the stream. */
static void put_packet(enc_opus *e, const held_packet *p, uint64_t end_frame, bool last)
{
    if (e->has_last) {
        uint64_t coded = end_frame * (uint64_t)e->frame;
        ogg_int64_t g = e->preskip48 + (ogg_int64_t)(last ? e->n : coded) * e->mul;
        packet_in(&e->os, e->last.data, (size_t)e->last.len, g, e->no++, false, last);
        if (drain_pages(&e->os, e->out))
            e->failed = true;
    }
    if (p)
        e->last = *p;
    e->has_last = p != NULL;
}

/* The decoded samples of frame f that a player keeps: the pre-skip
 * dropped, and nothing past the end of the input. */
static void kept_span(const enc_opus *e, uint64_t f, size_t *from, size_t *to)
{
    uint64_t a = f * (uint64_t)e->frame, b = a + (uint64_t)e->frame;
    uint64_t lo = (uint64_t)e->lookahead, hi = e->n + (uint64_t)e->lookahead;
    uint64_t x = a > lo ? a : lo, y = b < hi ? b : hi;
    *from = x < y ? (size_t)(x - a) : 0;
    *to = x < y ? (size_t)(y - a) : 0;
}

/* Frame f leaves the hold: its packet to the file, its audio to the monitor. */
static void commit_frame(enc_opus *e, uint64_t f)
{
    put_packet(e, held_at(e, f), f, false);
    const int16_t *pcm = decoded_at(e, f);
    size_t a, b;
    kept_span(e, f, &a, &b);
    if (e->monitor && b > a && e->monitor(e->monitor_user, pcm + a, b - a) < 0)
        e->failed = true;
    memcpy(e->tail, pcm + e->frame - TRUE_PEAK_HISTORY, sizeof e->tail);
    e->committed = f + 1;
    /* The input before the frames still held is no longer needed. */
    size_t drop = (size_t)(e->committed * (uint64_t)e->frame - e->in_base);
    if (drop > 0 && drop <= e->in_len && drop >= 8 * (size_t)e->frame) {
        memmove(e->in, e->in + drop, (e->in_len - drop) * sizeof *e->in);
        e->in_len -= drop, e->in_base += drop;
    }
}

static void take_snapshot(enc_opus *e, uint64_t f)
{
    snapshot *sn = &e->snap[(f / SNAP_EVERY) % SNAPS];
    memcpy(sn->enc, e->enc, (size_t)e->enc_size);
    memcpy(sn->dec, e->dec, (size_t)e->dec_size);
    sn->frame = f;
}

/* The samples before frame f's decoded audio, for its true peak. */
static const int16_t *before_frame(enc_opus *e, uint64_t f)
{
    if (f == e->committed)
        return e->tail;
    return decoded_at(e, f - 1) + e->frame - TRUE_PEAK_HISTORY;
}

/* A burst in decoded frame f: back to a snapshot before it, with the
 * stretch turned down. false: nothing to go back to (the caller's check
 * of the whole file still sees it). */
static bool retry_burst(enc_opus *e, uint64_t f, double peak)
{
    if (f == e->burst_frame && ++e->burst_tries > RETRIES)
        return false;
    if (f != e->burst_frame)
        e->burst_frame = f, e->burst_tries = 1;
    /* Decoded frame f is input [f*frame - lookahead, +frame): turned down
     * with a frame of room on both sides, and more at each new try. */
    int64_t room = (int64_t)e->frame * e->burst_tries;
    int64_t start = (int64_t)(f * (uint64_t)e->frame) - e->lookahead - room;
    int64_t end = (int64_t)((f + 1) * (uint64_t)e->frame) - e->lookahead + room;
    if (start < 0)
        start = 0;
    uint64_t back = (uint64_t)start / (uint64_t)e->frame;
    const snapshot *best = NULL;
    for (int i = 0; i < SNAPS; i++) {
        const snapshot *sn = &e->snap[i];
        if (sn->enc && sn->frame <= back && sn->frame >= e->committed && sn->frame < e->next &&
            (!best || sn->frame > best->frame))
            best = sn;
    }
    if (!best)
        return false;
    double cut = 20 * log10(peak / e->guard) + RETRY_MARGIN_DB;
    if (peak_list_add(&e->cuts, (size_t)start, (size_t)end, cut) < 0)
        return false;
    memcpy(e->enc, best->enc, (size_t)e->enc_size);
    memcpy(e->dec, best->dec, (size_t)e->dec_size);
    e->next = best->frame;
    return true;
}

/* Encodes frame e->next from the input (silence past its end), decodes it
 * and checks it. */
static void encode_frame(enc_opus *e)
{
    uint64_t f = e->next, a = f * (uint64_t)e->frame;
    if (e->guard > 0 && f % SNAP_EVERY == 0)
        take_snapshot(e, f);
    int16_t pcm[960];
    const float *g = cut_gains(&e->cuts, (size_t)a, (size_t)a + (size_t)e->frame, e->rate, e->gains);
    for (int i = 0; i < e->frame; i++) {
        uint64_t k = a + (uint64_t)i;
        int16_t v = k < e->n ? e->in[k - e->in_base] : 0;
        pcm[i] = g ? (int16_t)lrintf(v * g[i]) : v;
    }
    held_packet *p = held_at(e, f);
    p->len = opus_encode(e->enc, pcm, e->frame, p->data, MAX_PACKET);
    int16_t *out = decoded_at(e, f);
    int k = p->len < 0 ? -1 : opus_decode(e->dec, p->data, p->len, out, e->frame, 0);
    if (k != e->frame) {
        e->failed = true;
        return;
    }
    e->next = f + 1;
    size_t from, to;
    kept_span(e, f, &from, &to);
    if (e->guard > 0 && to > from) {
        double peak = true_peak_of(e->tp, before_frame(e, f), out, (size_t)e->frame, e->guard);
        if (peak > e->guard && retry_burst(e, f, peak))
            return;
    }
    while (e->next - e->committed > HOLD_FRAMES)
        commit_frame(e, e->committed);
}

static void free_snapshots(enc_opus *e)
{
    for (int i = 0; i < SNAPS; i++)
        free(e->snap[i].enc), free(e->snap[i].dec);
}

enc_opus *enc_opus_open(int rate, const ora_encode_options *eo, byte_out *out,
                    ora_error *err)
{
    int code = 0;
    enc_opus *e = calloc(1, sizeof *e);
    if (e) {
        e->enc_size = opus_encoder_get_size(1), e->dec_size = opus_decoder_get_size(1);
        e->enc = malloc((size_t)e->enc_size), e->dec = malloc((size_t)e->dec_size);
    }
    if (!e || !e->enc || !e->dec ||
        (code = opus_encoder_init(e->enc, rate, 1, OPUS_APPLICATION_AUDIO)) != OPUS_OK ||
        (code = opus_decoder_init(e->dec, rate, 1)) != OPUS_OK) {
        ora_set_error(err, "Opus cannot encode at %d Hz: %s", rate, opus_strerror(code));
        if (e)
            free(e->enc), free(e->dec);
        free(e);
        return NULL;
    }
    double q = eo && eo->quality >= 0 ? eo->quality : 0.4;
    /* 16 to 64 kbit/s: below 16 the coder distorts peaks by 3 dB and more,
     * and the loudness check needs four encodings to hold -1 dBTP. */
    opus_encoder_ctl(e->enc, OPUS_SET_BITRATE((opus_int32)(16000 + q * 48000)));
    opus_encoder_ctl(e->enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    /* Measured on eSpeak NG speech at 24 kHz, 35 kbit/s (bench/opus_choice):
     * the "audio" application keeps more of the signal than "voip" (band
     * distance 3.3 dB against 5.2, segmental SNR 9.9 dB against 5.5) and
     * overshoots its peaks by 0.4 dB, not 1.3; complexity 4 is where the
     * band distance drops (4.8 dB at 3, 3.3 at 4, 2.6 at 10) for 25 % more
     * time than 3 (about 150x real time, against 87x at 10). */
    opus_encoder_ctl(e->enc, OPUS_SET_COMPLEXITY(4));
    opus_int32 la = 0;
    opus_encoder_ctl(e->enc, OPUS_GET_LOOKAHEAD(&la));
    e->out = out;
    e->rate = rate, e->frame = rate / 50, e->mul = 48000 / rate;
    e->lookahead = (int)la, e->preskip48 = (int)la * e->mul;
    e->no = 2;
    e->decoded = malloc((size_t)(HOLD_FRAMES + 2) * (size_t)e->frame * sizeof *e->decoded);
    e->gains = malloc((size_t)e->frame * sizeof *e->gains);
    e->tp = true_peak_new();
    bool ok = e->decoded && e->gains && e->tp;
    for (int i = 0; ok && i < SNAPS; i++) {
        e->snap[i].enc = malloc((size_t)e->enc_size), e->snap[i].dec = malloc((size_t)e->dec_size);
        e->snap[i].frame = UINT64_MAX;
        ok = e->snap[i].enc && e->snap[i].dec;
    }
    e->burst_frame = UINT64_MAX;
    ogg_stream_init(&e->os, SERIAL);
    if (!ok || opus_headers(&e->os, eo, rate, e->preskip48, out))
        e->failed = true;
    return e;
}

int enc_opus_write(enc_opus *e, const int16_t *s, size_t n)
{
    if (e->failed)
        return -1;
    if (e->in_len + n > e->in_cap) {
        size_t cap = e->in_cap ? e->in_cap : 65536;
        while (cap < e->in_len + n)
            cap *= 2;
        int16_t *grown = realloc(e->in, cap * sizeof *grown);
        if (!grown) {
            e->failed = true;
            return -1;
        }
        e->in = grown, e->in_cap = cap;
    }
    memcpy(e->in + e->in_len, s, n * sizeof *s);
    e->in_len += n, e->n += n;
    while (!e->failed && (e->next + 1) * (uint64_t)e->frame <= e->n)
        encode_frame(e);
    return e->failed ? -1 : 0;
}

int enc_opus_headers_again(enc_opus *e, const ora_encode_options *eo, strbuf *pages)
{
    ogg_stream_state os;
    ogg_stream_init(&os, SERIAL);
    byte_out bo = {-1, {0}, false};
    int rc = opus_headers(&os, eo, e->rate, e->preskip48, &bo);
    ogg_stream_clear(&os);
    *pages = bo.buf;
    return rc | (bo.failed ? -1 : 0);
}

int enc_opus_close(enc_opus *e)
{
    /* The coder's look-ahead is flushed with silence. */
    while (!e->failed && e->next * (uint64_t)e->frame < e->n + (uint64_t)e->lookahead)
        encode_frame(e);
    while (!e->failed && e->committed < e->next)
        commit_frame(e, e->committed);
    put_packet(e, NULL, e->next, true);
    int rc = e->failed | flush_pages(&e->os, e->out);
    ogg_stream_clear(&e->os);
    free(e->enc), free(e->dec), free(e->in), free(e->decoded), free(e->gains);
    true_peak_free(e->tp);
    free_snapshots(e);
    peak_list_free(&e->cuts);
    free(e);
    return rc ? -1 : 0;
}
