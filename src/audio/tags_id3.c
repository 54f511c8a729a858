/* An ID3v2.4 tag written by oralise: libsndfile hands MP3 tags to LAME as
 * Latin-1 (UTF-8 "é" becomes "Ã©"), and has no chapters. Text frames use
 * encoding 3 (UTF-8, allowed from v2.4 on); chapters are CHAP frames named
 * chp0, chp1… with an ordered top-level CTOC listing them, each with a TIT2
 * sub-frame, as podcast players read them (ID3v2 Chapter Frame Addendum). */
#include "encode.h"

#include <stdio.h>
#include <string.h>

/* Sizes in v2.4 headers are "synchsafe": 7 bits a byte. */
static void synchsafe(strbuf *b, size_t v)
{
    for (int shift = 21; shift >= 0; shift -= 7)
        sb_addc(b, (char)(v >> shift & 0x7f));
}

static void be32(strbuf *b, unsigned long v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        sb_addc(b, (char)(v >> shift & 0xff));
}

static void frame(strbuf *b, const char id[4], const strbuf *body)
{
    sb_add(b, id, 4);
    synchsafe(b, body->len);
    sb_add(b, "\0\0", 2); /* no flags */
    sb_add(b, body->s ? body->s : "", body->len);
}

/* A text frame: encoding byte 3 (UTF-8), then the text. */
static void text_frame(strbuf *b, const char id[4], const char *text)
{
    if (!text || !*text)
        return;
    strbuf body;
    sb_init(&body);
    sb_addc(&body, 3);
    sb_adds(&body, text);
    frame(b, id, &body);
    sb_free(&body);
}

/* COMM: encoding, language, empty description, text. */
static void comment_frame(strbuf *b, const char *text)
{
    if (!text || !*text)
        return;
    strbuf body;
    sb_init(&body);
    sb_addc(&body, 3);
    sb_add(&body, "fra", 3);
    sb_add(&body, "\0", 1);
    sb_adds(&body, text);
    frame(b, "COMM", &body);
    sb_free(&body);
}

static void chap_frame(strbuf *b, size_t i, const ora_chapter *c)
{
    strbuf body;
    sb_init(&body);
    sb_printf(&body, "chp%zu", i);
    sb_add(&body, "\0", 1);
    be32(&body, (unsigned long)(c->start_ms > 0 ? c->start_ms : 0));
    be32(&body, (unsigned long)(c->end_ms > 0 ? c->end_ms : 0));
    be32(&body, 0xffffffffUL), be32(&body, 0xffffffffUL); /* no byte offsets */
    text_frame(&body, "TIT2", c->title);
    frame(b, "CHAP", &body);
    sb_free(&body);
}

static void ctoc_frame(strbuf *b, size_t n)
{
    strbuf body;
    sb_init(&body);
    sb_add(&body, "toc\0", 4);
    sb_addc(&body, 0x03); /* top-level, ordered */
    sb_addc(&body, (char)n);
    for (size_t i = 0; i < n; i++) {
        sb_printf(&body, "chp%zu", i);
        sb_add(&body, "\0", 1);
    }
    frame(b, "CTOC", &body);
    sb_free(&body);
}

int id3v2_build(const ora_encode_options *eo, strbuf *out)
{
    strbuf f;
    sb_init(&f);
    const ora_tags *t = eo->tags;
    if (t) {
        text_frame(&f, "TIT2", t->title);
        text_frame(&f, "TPE1", t->artist);
        text_frame(&f, "TALB", t->album);
        char date[20] = ""; /* ID3v2.4 time stamps have no time zone */
        if (t->date)
            snprintf(date, sizeof date, "%.*s", (int)strcspn(t->date, "Z+"), t->date);
        text_frame(&f, "TDRC", date);
        text_frame(&f, "TCON", t->genre);
        comment_frame(&f, t->comment);
    }
    text_frame(&f, "TSSE", "oralise " ORA_VERSION);
    size_t n = eo->n_chapters < 255 ? eo->n_chapters : 255; /* CTOC counts in a byte */
    if (n) {
        ctoc_frame(&f, n);
        for (size_t i = 0; i < n; i++)
            chap_frame(&f, i, &eo->chapters[i]);
    }
    sb_add(out, "ID3\4\0\0", 6); /* v2.4.0, no flags */
    synchsafe(out, f.len);
    int rc = sb_add(out, f.s ? f.s : "", f.len);
    sb_free(&f);
    return rc;
}
