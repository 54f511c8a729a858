/* Transcripts: one cue per sentence (--cues sentence), timed by eSpeak
 * NG's sentence events and showing the text as written ("18 novembre
 * 2024", not the words the voice says), found through the normalizer's
 * alignment; short cues and word times are captions.c's. Also WebVTT,
 * SubRip and the --report JSON, which gathers the same times with the
 * metadata. */
#include "internal.h"

#include <json-c/json.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void ora_transcript_free(ora_transcript *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->cues[i].text);
    free(t->cues);
    for (size_t i = 0; i < t->n_words; i++)
        free(t->words[i].text);
    free(t->words);
    if (t->glue)
        phrase_list_free(t->glue);
    free(t->glue);
    memset(t, 0, sizeof *t);
}

static int add_cue(ora_transcript *t, size_t segment, long start, long end,
                   char *text)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        ora_cue *c = realloc(t->cues, cap * sizeof *c);
        if (!c)
            return -1;
        t->cues = c, t->cap = cap;
    }
    t->cues[t->n++] = (ora_cue){start, end, segment, text, true};
    return 0;
}

int ora_transcript_add_segment(ora_transcript *t, size_t segment,
                               const char *written, const ora_normalized *nz,
                               const ora_mark *marks, size_t n_marks,
                               size_t end, int rate)
{
    size_t wlen = strlen(written);
    for (size_t k = 0; k < n_marks; k++) {
        size_t from = k == 0 ? 0 : normalized_source_of(nz, utf8_byte_of_char(nz->text, nz->len, marks[k].char_pos), wlen, NULL);
        size_t to = k + 1 < n_marks ? normalized_source_of(nz, utf8_byte_of_char(nz->text, nz->len, marks[k + 1].char_pos), wlen, NULL) : wlen;
        size_t stop = k + 1 < n_marks ? marks[k + 1].sample : end;
        long start_ms = (long)llround(marks[k].sample * 1000.0 / rate);
        long end_ms = (long)llround(stop * 1000.0 / rate);
        char *text = to > from ? text_squash(written + from, to - from) : NULL;
        if (!text || !*text) { /* nothing written here: the previous cue goes on */
            free(text);
            if (t->n && t->cues[t->n - 1].segment == segment)
                t->cues[t->n - 1].end_ms = end_ms;
            continue;
        }
        if (add_cue(t, segment, start_ms, end_ms, text) < 0) {
            free(text);
            return -1;
        }
    }
    return 0;
}

static void timestamp(strbuf *b, long ms, char frac_sep)
{
    if (ms < 0)
        ms = 0;
    sb_printf(b, "%02ld:%02ld:%02ld%c%03ld", ms / 3600000, ms / 60000 % 60,
              ms / 1000 % 60, frac_sep, ms % 1000);
}

/* WebVTT cue text: "&", "<" and ">" must be escaped, and "-->" cannot
 * appear; a cue's text has no blank line (one line, or two joined by a
 * single '\n'). */
static void vtt_text(strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            sb_adds(b, "&amp;");
        else if (*s == '<')
            sb_adds(b, "&lt;");
        else if (*s == '>')
            sb_adds(b, "&gt;");
        else
            sb_addc(b, *s);
    }
}

char *ora_transcript_vtt(const ora_transcript *t)
{
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "WEBVTT\n");
    for (size_t i = 0; i < t->n; i++) {
        const ora_cue *c = &t->cues[i];
        sb_printf(&b, "\n%zu\n", i + 1);
        timestamp(&b, c->start_ms, '.');
        sb_adds(&b, " --> ");
        timestamp(&b, c->end_ms > c->start_ms ? c->end_ms : c->start_ms + 1, '.');
        sb_addc(&b, '\n');
        vtt_text(&b, c->text);
        sb_addc(&b, '\n');
    }
    return sb_take(&b);
}

char *ora_transcript_srt(const ora_transcript *t)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < t->n; i++) {
        const ora_cue *c = &t->cues[i];
        sb_printf(&b, "%s%zu\n", i ? "\n" : "", i + 1);
        timestamp(&b, c->start_ms, ',');
        sb_adds(&b, " --> ");
        timestamp(&b, c->end_ms > c->start_ms ? c->end_ms : c->start_ms + 1, ',');
        sb_printf(&b, "\n%s\n", c->text);
    }
    return sb_take(&b);
}

/* ── --report ─────────────────────────────────────────────────────────── */

static json_object *str_or_null(const char *s)
{
    return s && *s ? json_object_new_string(s) : NULL;
}

/* Doubles keep a short text form so the JSON says 6.656, not
 * 6.6559999999999997. */
static json_object *fixed(double v, const char *fmt)
{
    char buf[32];
    snprintf(buf, sizeof buf, fmt, v);
    return json_object_new_double_s(v, buf);
}

static json_object *seconds(long ms)
{
    return fixed((double)ms / 1000.0, "%.3f");
}

static json_object *timed(const char *key, const char *text, long start, long end)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, key, str_or_null(text));
    json_object_object_add(o, "start", seconds(start));
    json_object_object_add(o, "end", seconds(end));
    return o;
}

/* The article's own JSON (--print=article), less the blocks (the report
 * has the segments) and the paywall (a key of its own here). */
static json_object *metadata(const ora_article *a)
{
    char *text = ora_article_to_json(a);
    json_object *m = text ? json_tokener_parse(text) : NULL;
    free(text);
    if (!m)
        return NULL;
    json_object_object_del(m, "blocks");
    json_object_object_del(m, "paywall");
    return m;
}

static json_object *number_or_null(double v)
{
    return isfinite(v) ? fixed(v, "%.2f") : NULL;
}

static json_object *loudness(const ora_report *r)
{
    json_object *l = json_object_new_object();
    json_object_object_add(l, "target_lufs", number_or_null(r->target_lufs));
    json_object_object_add(l, "integrated_lufs",
                           number_or_null(r->loudness ? r->loudness->integrated_lufs : NAN));
    json_object_object_add(l, "true_peak_dbtp",
                           number_or_null(r->loudness ? r->loudness->true_peak_dbtp : NAN));
    json_object_object_add(l, "gain_db", number_or_null(r->loudness ? r->loudness->gain_db : NAN));
    return l;
}

static json_object *paywall(const ora_article *a)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "truncated", json_object_new_boolean(a->truncated));
    json_object_object_add(p, "remaining_percent", number_or_null(a->remaining_percent >= 0 ? a->remaining_percent : NAN));
    return p;
}

/* Whole sentences, whatever the cues: a short cue's pieces joined up. */
static void add_sentences(json_object *sents, const ora_transcript *t)
{
    strbuf b;
    sb_init(&b);
    long start = 0;
    for (size_t i = 0; i < t->n; i++) {
        const ora_cue *c = &t->cues[i];
        if (b.len == 0)
            start = c->start_ms;
        else
            sb_addc(&b, ' ');
        for (const char *p = c->text; *p; p++)
            sb_addc(&b, *p == '\n' ? ' ' : *p);
        bool last = c->ends_sentence || i + 1 == t->n || t->cues[i + 1].segment != c->segment;
        if (last && b.s) {
            json_object_array_add(sents, timed("text", b.s, start, c->end_ms));
            sb_free(&b);
            sb_init(&b);
        }
    }
    sb_free(&b);
}

static json_object *words(const ora_transcript *t)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; t && i < t->n_words; i++)
        json_object_array_add(a, timed("text", t->words[i].text, t->words[i].start_ms,
                                       t->words[i].end_ms));
    return a;
}

char *ora_report_json(const ora_report *r)
{
    json_object *o = json_object_new_object(), *segs = json_object_new_array(),
                *chaps = json_object_new_array(), *sents = json_object_new_array();
    json_object_object_add(o, "metadata", metadata(r->article));
    json_object_object_add(o, "format", str_or_null(r->format));
    json_object_object_add(o, "sample_rate", json_object_new_int(r->sample_rate));
    json_object_object_add(o, "duration", seconds(llround(r->seconds * 1000)));
    json_object_object_add(o, "shortened", json_object_new_boolean(r->shortened));
    json_object_object_add(o, "pad", fixed(r->pad_seconds, "%.3f"));
    for (size_t i = 0; i < r->n_segments; i++) {
        const ora_report_segment *g = &r->segments[i];
        json_object *s = timed("text", g->text, g->start_ms, g->end_ms);
        json_object_object_add(s, "role", json_object_new_string(g->role));
        json_object_array_add(segs, s);
    }
    for (size_t i = 0; i < r->n_chapters; i++)
        json_object_array_add(chaps, timed("title", r->chapters[i].title,
                                           r->chapters[i].start_ms, r->chapters[i].end_ms));
    if (r->transcript)
        add_sentences(sents, r->transcript);
    json_object_object_add(o, "segments", segs);
    json_object_object_add(o, "chapters", chaps);
    json_object_object_add(o, "sentences", sents);
    json_object_object_add(o, "words", words(r->transcript));
    json_object_object_add(o, "loudness", loudness(r));
    json_object_object_add(o, "paywall", paywall(r->article));
    char *s = ora_strdup(json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, s);
    sb_addc(&b, '\n');
    free(s);
    return sb_take(&b);
}
