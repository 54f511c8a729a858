/* The talking book's two synchronized documents: the article as XHTML,
 * each sentence in a span with an id, and its Media Overlay (SMIL), one
 * <par> per sentence pairing that id with the stretch of audio that says
 * it. Both are made from the script, so what is shown is exactly what is
 * said: title, lede, byline, date, headings, paragraphs, captions when
 * they are read, and the paywall notice as a final section. */
#include "publish.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPS_NS "http://www.idpf.org/2007/ops"
#define SMIL_NS "http://www.w3.org/ns/SMIL"

static long sample_ms(const epub_book *b, size_t sample)
{
    return (long)llround(sample * 1000.0 / b->rate);
}

void clock_value(long ms, char out[32])
{
    snprintf(out, 32, "%ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60,
             ms / 1000 % 60, ms % 1000);
}

long epub_overlay_ms(const epub_book *b)
{
    return sample_ms(b, b->n_samples);
}

/* ── The content document ─────────────────────────────────────────────── */

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The sentences of segment i, each in a span with its id (k walks the
 * list); the spaces between them stay outside, so a highlight covers
 * only words. */
static void sentence_spans(xml_out *x, const epub_book *b, size_t i, size_t *k)
{
    const char *w = b->script->segs[i].written;
    const sentence_list *l = b->sentences;
    size_t at = 0, len = strlen(w);
    for (; *k < l->n && l->v[*k].segment == i; (*k)++) {
        size_t from = l->v[*k].from < at ? at : l->v[*k].from, to = l->v[*k].to;
        to = to > len ? len : to < from ? from : to;
        while (from < to && space(w[from]))
            from++;
        while (to > from && space(w[to - 1]))
            to--;
        xo_text(x, w + at, from - at);
        char id[32];
        snprintf(id, sizeof id, "s%zu", *k + 1);
        xo_start(x, "span");
        xo_attr(x, "id", id);
        xo_text(x, w + from, to - from);
        xo_end(x);
        at = to;
    }
    xo_text(x, w + at, len - at);
}

static const char *element_of(ora_segment_role r)
{
    return r == ORA_SEG_TITLE ? "h1" : r == ORA_SEG_HEADING ? "h2"
           : r == ORA_SEG_LIST_ITEM ? "li" : "p";
}

/* The roles that look alike as paragraphs get a class, for the CSS. */
static const char *class_of(ora_segment_role r)
{
    switch (r) {
    case ORA_SEG_TITLE:
    case ORA_SEG_HEADING:
    case ORA_SEG_PARAGRAPH:
    case ORA_SEG_LIST_ITEM:
    case ORA_SEG_QUOTE:
    case ORA_SEG_NOTICE: return NULL; /* its section has the class */
    default: return ora_segment_role_name(r);
    }
}

/* One segment, in the element its role calls for; a quote in a
 * blockquote, the notice in a section of its own. */
static void segment_block(xml_out *x, const epub_book *b, size_t i, size_t *k)
{
    ora_segment_role r = b->script->segs[i].role;
    char id[32];
    snprintf(id, sizeof id, "b%zu", i + 1);
    if (r == ORA_SEG_QUOTE)
        xo_start(x, "blockquote");
    if (r == ORA_SEG_NOTICE) {
        xo_start(x, "section");
        xo_attr(x, "class", "notice");
    }
    xo_start(x, element_of(r));
    xo_attr(x, "id", id);
    xo_attr(x, "class", class_of(r));
    sentence_spans(x, b, i, k);
    xo_end(x);
    if (r == ORA_SEG_QUOTE || r == ORA_SEG_NOTICE)
        xo_end(x);
    xo_text(x, "\n", 1);
}

static void content_head(xml_out *x, const epub_book *b)
{
    x->failed |= xmlTextWriterStartDTD(x->w, BAD_CAST "html", NULL, NULL) < 0 ||
                 xmlTextWriterEndDTD(x->w) < 0;
    xo_start(x, "html");
    xo_attr(x, "xmlns", XHTML_NS);
    xo_attr(x, "xmlns:epub", OPS_NS);
    xo_attr(x, "lang", b->lang);
    xo_attr(x, "xml:lang", b->lang);
    xo_text(x, "\n", 1);
    xo_start(x, "head");
    xo_start(x, "meta");
    xo_attr(x, "charset", "utf-8");
    xo_end(x);
    const char *title = b->article->title;
    xo_element(x, "title", title && *title ? title : b->script->segs[0].written);
    xo_start(x, "link");
    xo_attr(x, "rel", "stylesheet");
    xo_attr(x, "type", "text/css");
    xo_attr(x, "href", EPUB_CSS);
    xo_end(x);
    xo_end(x);
    xo_text(x, "\n", 1);
}

int epub_content_xhtml(const epub_book *b, char **xhtml, size_t *len, ora_error *err)
{
    xml_out x;
    if (xo_open(&x, false, err) < 0)
        return -1;
    content_head(&x, b);
    xo_start(&x, "body");
    xo_start(&x, "main");
    xo_text(&x, "\n", 1);
    bool in_list = false;
    size_t k = 0;
    for (size_t i = 0; i < b->script->n; i++) {
        bool item = b->script->segs[i].role == ORA_SEG_LIST_ITEM;
        if (item != in_list) { /* a run of list items is one list */
            if (in_list)
                xo_end(&x), xo_text(&x, "\n", 1);
            else
                xo_start(&x, "ul");
            in_list = item;
        }
        segment_block(&x, b, i, &k);
    }
    if (in_list)
        xo_end(&x);
    xo_end(&x); /* main */
    xo_end(&x); /* body */
    xo_end(&x); /* html */
    return xo_close(&x, xhtml, len, "book's text", err);
}

/* ── The Media Overlay ────────────────────────────────────────────────── */

/* Clip k runs from its sentence's start to the next one's, the first
 * from the very start and the last to the very end: the clips tile the
 * audio, so a reading system plays the pauses (and --pad's silences) too,
 * and the overlay lasts exactly as long as the audio. */
static void clip(const epub_book *b, size_t k, long *begin, long *end)
{
    const sentence_list *l = b->sentences;
    *begin = k == 0 ? 0 : sample_ms(b, b->lead + l->v[k].start);
    *end = k + 1 < l->n ? sample_ms(b, b->lead + l->v[k + 1].start) : epub_overlay_ms(b);
    if (*end <= *begin)
        *end = *begin + 1;
}

static void par(xml_out *x, const epub_book *b, size_t k)
{
    char id[32], src[64], t0[32], t1[32];
    long begin, end;
    clip(b, k, &begin, &end);
    clock_value(begin, t0);
    clock_value(end, t1);
    snprintf(id, sizeof id, "p%zu", k + 1);
    snprintf(src, sizeof src, EPUB_CONTENT "#s%zu", k + 1);
    xo_start(x, "par");
    xo_attr(x, "id", id);
    xo_start(x, "text");
    xo_attr(x, "src", src);
    xo_end(x);
    xo_start(x, "audio");
    xo_attr(x, "src", EPUB_AUDIO);
    xo_attr(x, "clipBegin", t0);
    xo_attr(x, "clipEnd", t1);
    xo_end(x);
    xo_end(x);
}

int epub_overlay_smil(const epub_book *b, char **smil, size_t *len, ora_error *err)
{
    xml_out x;
    if (xo_open(&x, true, err) < 0)
        return -1;
    xo_start(&x, "smil");
    xo_attr(&x, "xmlns", SMIL_NS);
    xo_attr(&x, "xmlns:epub", OPS_NS);
    xo_attr(&x, "version", "3.0");
    xo_start(&x, "body");
    const sentence_list *l = b->sentences;
    /* One seq per block, pointing at it, so that a reader can skip or
     * leave a block as a whole. */
    for (size_t k = 0; k < l->n;) {
        size_t seg = l->v[k].segment;
        char id[32], ref[64];
        snprintf(id, sizeof id, "q%zu", seg + 1);
        snprintf(ref, sizeof ref, EPUB_CONTENT "#b%zu", seg + 1);
        xo_start(&x, "seq");
        xo_attr(&x, "id", id);
        xo_attr(&x, "epub:textref", ref);
        for (; k < l->n && l->v[k].segment == seg; k++)
            par(&x, b, k);
        xo_end(&x);
    }
    xo_end(&x);
    xo_end(&x);
    return xo_close(&x, smil, len, "book's Media Overlay", err);
}
