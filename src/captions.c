/* Caption cues that fit a screen, and when each written word is said.
 *
 * eSpeak NG tells where each word starts: its word events give a position
 * in characters of the text it was given (the normalized words) and a
 * sample. The normalizer's alignment takes that position back to the word
 * as written, so "2024", said "deux mille vingt-quatre", starts where
 * "deux" does. A written word that no event names (inside a stretch the
 * normalizer rewrote as a whole, or past the end of a snippet's speech)
 * gets its share, by length, of the time between its timed neighbours.
 *
 * Those times decide the cues: a sentence is cut, at a clause mark where
 * one is near, else between words, into the fewest cues that each fit
 * ORA_CUE_LINES balanced lines of ORA_CUE_LINE_WIDTH characters and last
 * at most ORA_CUE_MAX_MS; a small dynamic programme over the places to cut
 * weighs the number of cues, the kind of each cut, and how full each cue
 * is. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uniwidth.h>

/* One written word: a run of text between spaces (a no-break space, as
 * in "73,51 %" or "« oui »", keeps its two sides together). */
typedef struct {
    size_t from, to;   /* bytes of the written text */
    size_t width;      /* characters on a screen */
    size_t start;      /* sample where it starts to be said */
    bool timed;        /* start comes from a word event */
    bool sentence_end; /* a sentence ends with it */
    bool glue;         /* leans on the next word ("une", "de") */
    bool bound;        /* said with the next as one ("50 000": cinquante mille) */
} token;

typedef struct {
    token *v;
    size_t n;
    size_t end; /* sample where the segment's speech ends */
} tokens;

/* Zero-width characters that the written text may hold: never shown. */
static bool invisible(uint32_t cp)
{
    return cp == 0x200B || cp == 0xFEFF || cp == 0xAD;
}

static bool separates_words(uint32_t cp)
{
    return utf8_is_space(cp) && cp != 0xA0 && cp != 0x202F && cp != 0x2007;
}

static size_t width_of(uint32_t cp)
{
    if (invisible(cp))
        return 0;
    int w = uc_width(cp, "UTF-8");
    return w > 0 ? (size_t)w : 0;
}

static int add_token(tokens *tk, size_t *cap, size_t from, size_t to, size_t width)
{
    if (tk->n == *cap) {
        size_t grown = *cap ? *cap * 2 : 64;
        token *v = realloc(tk->v, grown * sizeof *v);
        if (!v)
            return -1;
        tk->v = v, *cap = grown;
    }
    tk->v[tk->n++] = (token){from, to, width, 0, false, false, false, false};
    return 0;
}

static int split_words(const char *s, size_t len, tokens *tk)
{
    size_t cap = 0, from = 0, width = 0;
    bool in = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int l = utf8_decode(s + i, len - i, &cp);
        size_t step = l > 0 ? (size_t)l : 1;
        if (l <= 0)
            cp = 0xFFFD;
        if (separates_words(cp)) {
            if (in && add_token(tk, &cap, from, i, width) < 0)
                return -1;
            in = false;
        } else {
            if (!in)
                from = i, width = 0, in = true;
            width += width_of(cp);
        }
        i += step;
    }
    return in ? add_token(tk, &cap, from, len, width) : 0;
}

/* ── From eSpeak NG's characters back to the written text ─────────────── */

/* Walks a text's code points forward; a position behind it starts over. */
typedef struct {
    const char *s;
    size_t len, ch, byte;
} char_cursor;

static size_t byte_at(char_cursor *c, size_t ch)
{
    if (ch < c->ch)
        c->ch = c->byte = 0;
    while (c->ch < ch && c->byte < c->len) {
        uint32_t cp;
        int l = utf8_decode(c->s + c->byte, c->len - c->byte, &cp);
        c->byte += l > 0 ? (size_t)l : 1;
        c->ch++;
    }
    return c->byte;
}

/* The first token that ends after written offset w, from *k on. */
static size_t token_at(const tokens *tk, size_t w, size_t *k)
{
    while (*k < tk->n && tk->v[*k].to <= w)
        (*k)++;
    return *k;
}

/* Written offsets of marks, in order; a mark that goes back is dropped
 * (SIZE_MAX). */
static void mark_offsets(const ora_mark *m, size_t n, const ora_normalized *nz,
                         size_t written_len, size_t *out)
{
    char_cursor cc = {nz->text, nz->len, 0, 0};
    size_t span = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = normalized_source_of(nz, byte_at(&cc, m[i].char_pos), written_len, &span);
        out[i] = w >= last ? w : SIZE_MAX;
        if (w >= last)
            last = w;
    }
}

/* Each written word takes the time of the first word event that falls in
 * it; the events of "deux mille vingt-quatre" after the first add nothing
 * to "2024". */
static void time_from_words(tokens *tk, const ora_mark *words, const size_t *at, size_t n)
{
    size_t k = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (at[i] == SIZE_MAX || token_at(tk, at[i], &k) == tk->n)
            continue;
        token *t = &tk->v[k];
        if (!t->timed && words[i].sample >= last)
            t->start = last = words[i].sample, t->timed = true;
    }
}

/* Untimed tokens after token a (SIZE_MAX: the segment's start) and before
 * b share [ta, tb) with a by length. */
static void share_time(tokens *tk, size_t a, size_t b, size_t ta, size_t tb)
{
    size_t first = a == SIZE_MAX ? 0 : a, total = 0, acc = 0;
    for (size_t k = first; k < b; k++)
        total += tk->v[k].width + 1;
    if (tb < ta)
        tb = ta;
    for (size_t k = first; k < b; k++) {
        if (!tk->v[k].timed)
            tk->v[k].start = ta + (size_t)((double)(tb - ta) * acc / (total ? total : 1));
        acc += tk->v[k].width + 1;
    }
}

static void fill_gaps(tokens *tk, size_t start)
{
    size_t a = SIZE_MAX, ta = start;
    for (size_t k = 0; k <= tk->n; k++) {
        if (k < tk->n && !tk->v[k].timed)
            continue;
        size_t tb = k < tk->n ? tk->v[k].start : tk->end;
        share_time(tk, a, k, ta, tb);
        a = k, ta = tb;
    }
    size_t floor = start;
    for (size_t k = 0; k < tk->n; k++) { /* never back in time, never past the end */
        token *t = &tk->v[k];
        t->start = t->start < floor ? floor : t->start > tk->end ? tk->end : t->start;
        floor = t->start;
    }
}

static void mark_sentence_ends(tokens *tk, const size_t *at, size_t n)
{
    size_t k = 0;
    for (size_t i = 1; i < n; i++) /* the first sentence starts the segment */
        if (at[i] != SIZE_MAX && token_at(tk, at[i], &k) > 0)
            tk->v[k - 1].sentence_end = true;
    if (tk->n)
        tk->v[tk->n - 1].sentence_end = true;
}

static int time_tokens(tokens *tk, const char *written, const ora_normalized *nz,
                       const ora_marks *m, size_t start)
{
    size_t wlen = strlen(written), most = m->n > m->n_words ? m->n : m->n_words;
    size_t *at = malloc((most + 1) * sizeof *at);
    if (!at)
        return -1;
    mark_offsets(m->words, m->n_words, nz, wlen, at);
    time_from_words(tk, m->words, at, m->n_words);
    fill_gaps(tk, start);
    mark_offsets(m->v, m->n, nz, wlen, at);
    mark_sentence_ends(tk, at, m->n);
    free(at);
    return 0;
}

/* Written words that the normalizer rewrote as a whole ("50 000", "n° 5")
 * are never parted: a cue that ends on "50" would show a number the voice
 * has not said. */
static void mark_bound(tokens *tk, const ora_normalized *nz)
{
    size_t k = 0;
    for (size_t i = 0; i < nz->n_spans; i++) {
        const ora_span *sp = &nz->spans[i];
        if (sp->out_end - sp->out_start == sp->src_end - sp->src_start)
            continue; /* copied */
        while (k < tk->n && tk->v[k].to <= sp->src_start)
            k++;
        for (size_t b = k; b + 1 < tk->n && tk->v[b + 1].from < sp->src_end; b++)
            tk->v[b].bound = true;
    }
}

static size_t token_end(const tokens *tk, size_t k)
{
    return k + 1 < tk->n ? tk->v[k + 1].start : tk->end;
}

static long ms_of(size_t sample, int rate)
{
    return (long)llround((double)sample * 1000.0 / rate);
}

/* ── Words ────────────────────────────────────────────────────────────── */

static bool is_punct(uint32_t cp)
{
    return uc_is_general_category(cp, UC_CATEGORY_P);
}

/* The token's bytes without invisible characters, and without the
 * punctuation at either end when bare. */
static char *token_text(const char *s, const token *t, bool bare)
{
    size_t from = t->from, to = t->to;
    while (bare && from < to) {
        uint32_t cp;
        int l = utf8_decode(s + from, to - from, &cp);
        if (l <= 0 || !(is_punct(cp) || invisible(cp)))
            break;
        from += (size_t)l;
    }
    while (bare && to > from) {
        size_t b = to - 1;
        while (b > from && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
        uint32_t cp;
        int l = utf8_decode(s + b, to - b, &cp);
        if (l <= 0 || !(is_punct(cp) || invisible(cp)))
            break;
        to = b;
    }
    strbuf b;
    sb_init(&b);
    for (size_t i = from; i < to;) {
        uint32_t cp;
        int l = utf8_decode(s + i, to - i, &cp);
        size_t step = l > 0 ? (size_t)l : 1;
        if (l <= 0 || !invisible(cp))
            sb_add(&b, s + i, step);
        i += step;
    }
    if (!b.s)
        sb_adds(&b, "");
    return sb_take(&b);
}

static int add_word(ora_transcript *t, ora_word w)
{
    if (t->n_words == t->cap_words) {
        size_t cap = t->cap_words ? t->cap_words * 2 : 256;
        ora_word *v = realloc(t->words, cap * sizeof *v);
        if (!v)
            return -1;
        t->words = v, t->cap_words = cap;
    }
    t->words[t->n_words++] = w;
    return 0;
}

static int add_words(ora_transcript *t, size_t segment, const char *written,
                     const tokens *tk, int rate)
{
    for (size_t k = 0; k < tk->n; k++) {
        char *text = token_text(written, &tk->v[k], true);
        if (!text)
            return -1;
        if (!*text) { /* a dash, a lone quote: no word */
            free(text);
            continue;
        }
        ora_word w = {ms_of(tk->v[k].start, rate), ms_of(token_end(tk, k), rate), segment, text};
        if (add_word(t, w) < 0) {
            free(text);
            return -1;
        }
    }
    return 0;
}

/* The words that end no line when another place will do, read once per
 * transcript; a missing file only makes the cuts plainer. */
static const phrase_list *glue_words(ora_transcript *t)
{
    if (!t->glue && (t->glue = calloc(1, sizeof(phrase_list)))) {
        ora_error err;
        if (phrase_list_load("rules/fr/caption-glue.txt", t->glue, &err) < 0)
            memset(t->glue, 0, sizeof(phrase_list));
    }
    return t->glue;
}

static bool in_list(const phrase_list *pl, const char *word)
{
    for (size_t i = 0; pl && i < pl->n; i++)
        if (strcmp(pl->items[i], word) == 0)
            return true;
    return false;
}

static void mark_glue(const phrase_list *pl, const char *s, tokens *tk)
{
    for (size_t k = 0; pl && pl->n && k < tk->n; k++) {
        char *w = token_text(s, &tk->v[k], true);
        size_t n;
        uint8_t *lower = w ? u8_tolower((const uint8_t *)w, strlen(w) + 1, NULL, NULL, NULL, &n) : NULL;
        tk->v[k].glue = lower && in_list(pl, (const char *)lower);
        free(lower);
        free(w);
    }
}

/* ── Cues ─────────────────────────────────────────────────────────────── */

#define CUE_WIDTH (ORA_CUE_LINES * ORA_CUE_LINE_WIDTH)
/* What a cut between two words of one clause costs against a cut at a
 * comma (1) and a cue more (1): three cues cut at clause marks read
 * better than two cut inside a clause. After a word that leans on the
 * next one, more still. */
#define WORD_CUT 6.0
#define GLUE_CUT 3.0
#define BOUND_CUT 100.0 /* only when nothing else fits */

static bool closing(uint32_t c)
{
    return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0xBB || c == 0x201D ||
           c == 0x2019;
}

/* The sign that ends a token: its last character, or the clause mark
 * before its closing quotes and brackets ("oui »," is a comma), or ')'
 * for a closing quote or bracket. */
static uint32_t last_sign(const char *s, const token *t)
{
    uint32_t last = 0, before = 0;
    for (size_t i = t->from; i < t->to;) {
        uint32_t c;
        int l = utf8_decode(s + i, t->to - i, &c);
        if (l <= 0)
            return 0;
        last = c;
        if (!closing(c))
            before = c;
        i += (size_t)l;
    }
    if (!closing(last))
        return last;
    return before == ',' || before == ';' || before == ':' || before == 0x2026 ? before : ')';
}

static uint32_t first_sign(const char *s, const token *t)
{
    uint32_t cp = 0;
    return utf8_decode(s + t->from, t->to - t->from, &cp) > 0 ? cp : 0;
}

/* What cutting after token k costs: nothing at a sentence's end, little
 * where a clause ends, most between two words of one clause. */
static double cut_cost(const char *s, const tokens *tk, size_t k)
{
    if (tk->v[k].sentence_end)
        return 0;
    if (tk->v[k].bound)
        return BOUND_CUT;
    uint32_t last = last_sign(s, &tk->v[k]), next = first_sign(s, &tk->v[k + 1]);
    if (last == ';' || last == ':' || next == 0x2014 || next == 0x2013)
        return 0.5;
    if (last == ',' || last == 0x2026 || next == '(')
        return 1;
    if (last == ')' || next == 0xAB || next == '"' || next == 0x201C)
        return 1.5;
    return tk->v[k].glue ? WORD_CUT + GLUE_CUT : WORD_CUT;
}

/* Characters of tokens [i, j) on one line. */
static size_t line_width(const tokens *tk, size_t i, size_t j)
{
    size_t w = 0;
    for (size_t k = i; k < j; k++)
        w += tk->v[k].width + (k > i);
    return w;
}

/* Where the second line of cue [i, j) starts: j when one line is enough,
 * the most even cut that fits (a clause mark preferred when about as
 * even), or SIZE_MAX when the words fit no two lines. */
static size_t line_break(const char *s, const tokens *tk, size_t i, size_t j)
{
    size_t all = line_width(tk, i, j);
    if (all <= ORA_CUE_LINE_WIDTH)
        return j;
    if (all > CUE_WIDTH || ORA_CUE_LINES < 2) /* 84 characters even read as one line */
        return SIZE_MAX;
    size_t best = SIZE_MAX, first = 0;
    double best_score = HUGE_VAL;
    for (size_t m = i + 1; m < j; m++) {
        first += tk->v[m - 1].width + (m - 1 > i);
        size_t second = all - first - 1;
        if (first > ORA_CUE_LINE_WIDTH || second > ORA_CUE_LINE_WIDTH)
            continue;
        /* In characters: as even as can be, but a clause mark or a word
         * that stands alone is worth a few characters of unevenness. */
        double cost = cut_cost(s, tk, m - 1);
        double score = (double)(first > second ? first : second) +
                       (cost < WORD_CUT ? -4.0 : cost >= BOUND_CUT ? BOUND_CUT
                                               : cost > WORD_CUT ? 4.0 : 0.0) +
                       (first > second ? 0.5 : 0);
        if (score < best_score)
            best_score = score, best = m;
    }
    return best;
}

static bool cue_fits(const char *s, const tokens *tk, size_t i, size_t j, size_t max_samples)
{
    return token_end(tk, j - 1) - tk->v[i].start <= max_samples &&
           line_break(s, tk, i, j) != SIZE_MAX;
}

static double cue_cost(const char *s, const tokens *tk, size_t i, size_t j)
{
    double fill = (double)line_width(tk, i, j) / CUE_WIDTH, empty = fill < 1 ? 1 - fill : 0;
    return 1 + cut_cost(s, tk, j - 1) + 2 * empty * empty;
}

/* The cheapest cuts of sentence [from, to): cut[j] is where the cue that
 * ends before token j starts. */
static int plan_cues(const char *s, const tokens *tk, size_t from, size_t to,
                     size_t max_samples, size_t *cut)
{
    size_t n = to - from;
    double *best = malloc((n + 1) * sizeof *best);
    if (!best)
        return -1;
    best[0] = 0;
    for (size_t j = 1; j <= n; j++) {
        best[j] = HUGE_VAL;
        for (size_t i = j; i-- > 0;) {
            /* One word alone is always a cue, even too long or too slow. */
            if (i + 1 < j && !cue_fits(s, tk, from + i, from + j, max_samples))
                break; /* longer cues fit no better */
            double c = best[i] + cue_cost(s, tk, from + i, from + j);
            if (c < best[j])
                best[j] = c, cut[j] = i;
        }
    }
    free(best);
    return 0;
}

static char *cue_text(const char *s, const tokens *tk, size_t i, size_t j)
{
    size_t m = line_break(s, tk, i, j);
    strbuf b;
    sb_init(&b);
    for (size_t k = i; k < j; k++) {
        if (k > i)
            sb_addc(&b, k == m ? '\n' : ' ');
        char *w = token_text(s, &tk->v[k], false);
        if (w)
            sb_adds(&b, w);
        free(w);
    }
    if (!b.s)
        sb_adds(&b, "");
    return sb_take(&b);
}

static int add_cue(ora_transcript *t, ora_cue c)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        ora_cue *v = realloc(t->cues, cap * sizeof *v);
        if (!v)
            return -1;
        t->cues = v, t->cap = cap;
    }
    t->cues[t->n++] = c;
    return 0;
}

/* The cues of sentence [from, to), in order. */
static int add_sentence_cues(ora_transcript *t, size_t segment, const char *s,
                             const tokens *tk, size_t from, size_t to, int rate)
{
    size_t n = to - from, *cut = malloc((n + 1) * sizeof *cut);
    size_t max_samples = (size_t)rate * ORA_CUE_MAX_MS / 1000;
    if (!cut || plan_cues(s, tk, from, to, max_samples, cut) < 0) {
        free(cut);
        return -1;
    }
    size_t count = 0; /* the cuts, read back from the end, put in order */
    for (size_t j = n; j > 0; j = cut[j])
        count++;
    size_t *ends = malloc((count + 1) * sizeof *ends), k = count;
    for (size_t j = n; ends && j > 0; j = cut[j])
        ends[--k] = j;
    int rc = ends ? 0 : -1;
    for (size_t c = 0, i = 0; rc == 0 && c < count; i = ends[c++]) {
        size_t a = from + i, b = from + ends[c];
        ora_cue cue = {ms_of(tk->v[a].start, rate), ms_of(token_end(tk, b - 1), rate), segment,
                       cue_text(s, tk, a, b), b == to};
        if (!cue.text || add_cue(t, cue) < 0) {
            free(cue.text);
            rc = -1;
        }
    }
    free(ends);
    free(cut);
    return rc;
}

static int add_short_cues(ora_transcript *t, size_t segment, const char *s,
                          const tokens *tk, int rate)
{
    for (size_t from = 0, k = 0; k < tk->n; k++) {
        if (!tk->v[k].sentence_end)
            continue;
        if (add_sentence_cues(t, segment, s, tk, from, k + 1, rate) < 0)
            return -1;
        from = k + 1;
    }
    return 0;
}

int ora_transcript_add_timed(ora_transcript *t, size_t segment, const char *written,
                             const ora_normalized *nz, const ora_marks *m,
                             size_t start, size_t end, int rate, ora_cue_style style)
{
    ora_marks none = {0};
    if (!m)
        m = &none; /* no events: every word gets a share of [start, end) */
    tokens tk = {NULL, 0, end};
    int rc = split_words(written, strlen(written), &tk);
    if (rc == 0)
        rc = time_tokens(&tk, written, nz, m, start);
    if (rc == 0) {
        mark_glue(glue_words(t), written, &tk);
        mark_bound(&tk, nz);
    }
    if (rc == 0)
        rc = add_words(t, segment, written, &tk, rate);
    if (rc == 0 && style == ORA_CUES_SHORT)
        rc = add_short_cues(t, segment, written, &tk, rate);
    else if (rc == 0) {
        ora_mark first = {0, start};
        rc = ora_transcript_add_segment(t, segment, written, nz, m->n ? m->v : &first,
                                        m->n ? m->n : 1, end, rate);
    }
    free(tk.v);
    return rc;
}

void ora_transcript_shift(ora_transcript *t, long ms)
{
    for (size_t i = 0; i < t->n; i++)
        t->cues[i].start_ms += ms, t->cues[i].end_ms += ms;
    for (size_t i = 0; i < t->n_words; i++)
        t->words[i].start_ms += ms, t->words[i].end_ms += ms;
}
