/* Repeats: a block known by its letters and digits, so that none is read
 * twice; pull quotes; words a line shares with others. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A whole block's hash, eight bytes at a time: blocks add up to the
 * whole input, and FNV byte by byte was a tenth of the reading. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 29);
}

/* Quotes, spaces and closing marks around a block, which a repeat of it
 * may add or drop: a pull quote gives a paragraph's words without the
 * quotation marks the paragraph has. */
static bool quote_or_stop(const char *p, bool closing)
{
    unsigned char c = (unsigned char)p[0];
    if (c == ' ' || c == '"' || c == '\'' || (closing && strchr(".!?", c)))
        return true;
    if (c == 0xC2) /* « » */
        return (unsigned char)p[1] == (closing ? 0xBB : 0xAB);
    return c == 0xE2 && (unsigned char)p[1] == 0x80 &&
           (closing ? (unsigned char)p[2] == 0x9D || (unsigned char)p[2] == 0xA6
                    : (unsigned char)p[2] == 0x9C); /* “ ” … */
}

/* The span [*a, *n) of s without the quotes around it. */
static void quoted_core(const char *s, size_t *a, size_t *n)
{
    *a = 0, *n = strlen(s);
    while (*a < *n && quote_or_stop(s + *a, false))
        *a += (unsigned char)s[*a] < 0x80 ? 1 : (unsigned char)s[*a] == 0xC2 ? 2 : 3;
    while (*n > *a) {
        size_t k = (unsigned char)s[*n - 1] < 0x80 ? 1
                   : *n - *a >= 3 && (unsigned char)s[*n - 3] == 0xE2 ? 3 : 2;
        if (!quote_or_stop(s + *n - k, true))
            break;
        *n -= k;
    }
}

/* Is this code point part of a word? Latin-1's signs (« », NBSP, °) and
 * the punctuation and symbol blocks (quotes, dashes, arrows) are not. */
static bool word_char(uint32_t cp)
{
    return cp >= 0xC0 && !(cp >= 0x2000 && cp < 0x2C00) && cp != 0x3000 && cp != 0xFEFF;
}

/* The length of the word character (letter or digit, as a block's hash
 * counts them) at s[i], 0 when it is none; *step is the bytes to skip. */
static size_t word_char_at(const char *s, size_t n, size_t i, size_t *step)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* by arithmetic: isalnum() asks the locale every byte */
        *step = 1;
        return ascii_alnum_lower(c) != 0;
    }
    uint32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    *step = l ? (size_t)l : 1;
    return l && word_char(cp) ? (size_t)l : 0;
}

/* Does s hold a letter or a digit? A line of punctuation alone (".",
 * "* * *") is no paragraph. */
bool text_has_word(const char *s)
{
    size_t n = strlen(s), step;
    for (size_t i = 0; i < n; i += step)
        if (word_char_at(s, n, i, &step))
            return true;
    return false;
}

/* The bytes of an item's number opening s ("6. ", "12) "), or 0. */
static size_t item_number(const char *s)
{
    size_t i = 0;
    while (i < 3 && isdigit((unsigned char)s[i]))
        i++;
    return i > 0 && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' ? i + 2 : 0;
}

/* A block's hash on its letters and digits alone, ASCII folded: a repeat
 * of a paragraph may add or drop the quotes around it (a pull quote), or
 * write its quotes and apostrophes another way (“ ” for ", ’ for '), as a
 * page's two versions of one paragraph do; a list's item may be given
 * again without its number (the alt text of its picture, in Chrome's
 * copies). */
uint64_t text_hash_block(const char *s)
{
    s += item_number(s);
    size_t n = strlen(s), o = 0;
    char small[512], *buf = n < sizeof small ? small : malloc(n + 1);
    small[0] = '\0'; /* GCC cannot see that the bytes hashed are the bytes written */
    if (!buf)
        return hash_bytes(s, n);
    size_t step;
    for (size_t i = 0; i < n; i += step) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* most bytes: word_char_at's test, here a table's; */
            step = 1;   /* stored without a branch, kept when not 0 */
            buf[o] = (char)alnum_folds[c];
            o += alnum_folds[c] != 0;
            continue;
        }
        size_t k = word_char_at(s, n, i, &step);
        memcpy(buf + o, s + i, k), o += k;
    }
    uint64_t h = hash_bytes(buf, o);
    if (buf != small)
        free(buf);
    return h;
}

/* Does a line of [from, to) hold the words of s, quotes aside? */
static bool quoted_later(const reader *r, const char *s, size_t from, size_t to)
{
    size_t a, n;
    quoted_core(s, &a, &n);
    char *core = ora_strndup(s + a, n - a);
    bool found = false;
    for (size_t j = from; core && j < to && !found; j++)
        found = r->l[j].len > n - a && strstr(r->l[j].s, core);
    free(core);
    return found;
}

/* Has this text been read already (a repeated paragraph, the lede again)?
 * Remembers it when not. */
bool text_already_read(reader *r, const char *s)
{
    return seen_set_add(&r->seen, text_hash_block(s));
}

/* Lines around a pull quote where the paragraph it is taken from may
 * stand, and words such a quote has at most. */
#define PULL_REACH 6
#define PULL_QUOTE_WORDS 40

/* A sentence the page set apart in large type, taken from a paragraph
 * near it ("On opioid addiction, Trump has committed…" a few lines under
 * the paragraph that holds it): one sentence, found whole in a longer
 * line within six lines. */
static bool sentence_pulled_from_near(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->words > PULL_QUOTE_WORDS || several_sentences(l->s))
        return false;
    size_t from = i > r->body + PULL_REACH ? i - PULL_REACH : r->body;
    size_t to = i + PULL_REACH + 1 < r->stop ? i + PULL_REACH + 1 : r->stop;
    return quoted_later(r, l->s, from, i) || quoted_later(r, l->s, i + 1, to);
}

/* Does the paragraph at i come back later in the stretch? */
static bool repeated_later(const reader *r, const seen_set *later, const uint64_t *hash, size_t i)
{
    return i >= r->body && i < r->stop && hash[i - r->body] && seen_set_has(later, hash[i - r->body]);
}

/* Lines of the stretch by their letters (bare_letters), made at the
 * first pull quote of several sentences sought: most copies have none. */
typedef struct {
    char **bare;
    const char **others;
} stretch_letters;

static bool make_stretch_letters(const reader *r, stretch_letters *sl)
{
    size_t n = r->stop - r->body;
    sl->bare = calloc(n + 1, sizeof *sl->bare);
    sl->others = calloc(n + 1, sizeof *sl->others);
    for (size_t j = 0; sl->bare && j < n; j++)
        sl->bare[j] = r->l[r->body + j].cls == GOOD ? bare_letters(r->l[r->body + j].s, r->l[r->body + j].len) : NULL;
    return sl->bare && sl->others;
}

static void stretch_letters_free(const reader *r, stretch_letters *sl)
{
    for (size_t j = 0; sl->bare && j < r->stop - r->body; j++)
        free(sl->bare[j]);
    free(sl->bare), free(sl->others);
}

/* Under a pull quote, who speaks (speaker_shape), no sentence; a line
 * opening on a hyphen is a copy's list item. */
static bool attribution_line(const line *l)
{
    return !l->full_stop && speaker_shape(l->s, l->words, false);
}

/* A pull quote of several sentences over who speaks, that a longer line
 * further on says, cut with who speaks (sentences_said_in); not one above
 * (a teaser of the article, cut short, says its first paragraph). The
 * speaker's line is sought first: the letters of the stretch are made
 * for such a quote only. */
static bool sentences_pulled(const reader *r, stretch_letters *sl, size_t i)
{
    const line *l = &r->l[i];
    if (l->words > PULL_QUOTE_WORDS || i + 1 >= r->stop || !attribution_line(&r->l[i + 1]))
        return false;
    if ((!sl->bare && !make_stretch_letters(r, sl)) || !sl->others)
        return false;
    for (size_t j = r->body; j < r->stop; j++)
        sl->others[j - r->body] = j > i && r->l[j].len > l->len ? sl->bare[j - r->body] : NULL;
    return sentences_said_in(l->s, sl->others, r->stop - r->body);
}

/* A pull quote: a paragraph of the stretch that a later one repeats, or
 * quotes whole when a name signs it (the page set it in large type beside
 * the text), or a sentence of a paragraph near it, set apart. The later
 * one (the paragraph) is read, in its place; the earlier one and its
 * attribution ("Jean Dupont" over his role) are not. Marks them in pulled,
 * indexed from r->body, and keeps the hashes of the lines for read_body. */
void text_find_pull_quotes(reader *r, bool *pulled, uint64_t *hash)
{
    seen_set later = {0};
    stretch_letters letters = {0};
    for (size_t i = r->stop; i-- > r->body;) {
        const line *l = &r->l[i];
        if (l->cls != GOOD || l->len < 60 || l->bullet)
            continue;
        hash[i - r->body] = text_hash_block(l->s);
        /* a list's item given again without its number (its picture's
         * alt text) is no pull quote: the item is read, the repeat not */
        bool repeat = seen_set_add(&later, hash[i - r->body]) && !item_number(l->s);
        /* two paragraphs in a row given again are a passage the page
         * repeats (a summary card, a print version): read the first time,
         * in their place, not moved to the repeat */
        if (repeat && repeated_later(r, &later, hash, i + 1))
            repeat = false;
        else if (repeat && i > r->body) {
            uint64_t above = text_hash_block(r->l[i - 1].s);
            repeat = above == hash[i - r->body] || !seen_set_has(&later, above);
        }
        bool sentences = false;
        if (!repeat && !(i + 1 < r->stop && text_name_like(r, &r->l[i + 1]) &&
                         quoted_later(r, l->s, i + 2, r->stop)) &&
            !sentence_pulled_from_near(r, i) && !(sentences = sentences_pulled(r, &letters, i)))
            continue;
        pulled[i - r->body] = true;
        size_t k = i + 1;
        if (sentences && k < r->stop && attribution_line(&r->l[k])) {
            pulled[k - r->body] = true;
        } else if (k < r->stop && text_name_like(r, &r->l[k])) {
            pulled[k++ - r->body] = true;
            if (k < r->stop && !r->l[k].full_stop && r->l[k].words <= 12)
                pulled[k - r->body] = true; /* the role under the name */
        }
    }
    seen_set_free(&later);
    stretch_letters_free(r, &letters);
}

size_t text_copies_of(const reader *r, size_t i, size_t from, size_t to, size_t most)
{
    size_t n = 0;
    for (size_t j = from; j < to && n < most; j++)
        n += r->l[j].len == r->l[i].len && strcmp(r->l[j].s, r->l[i].s) == 0;
    return n;
}

size_t text_doubled_half(const char *s)
{
    size_t n = strlen(s);
    return n && n % 2 == 0 && memcmp(s, s + n / 2, n / 2) == 0 ? n / 2 : 0;
}

/* Does text hold a word starting with the five letters at w (ASCII case
 * folded)? */
static bool has_stem(const char *text, const char *w)
{
    for (const char *p = text; *p; p++)
        if ((p == text || !isalpha((unsigned char)p[-1])) && strncasecmp(p, w, 5) == 0)
            return true;
    return false;
}

size_t text_stems_in(const reader *r, size_t i, size_t from, size_t to, size_t min_len, size_t *sought)
{
    size_t shared = 0, words = 0;
    const char *s = r->l[i].s;
    for (const char *p = s; *p; p++) {
        if (p > s && isalpha((unsigned char)p[-1]))
            continue;
        size_t len = 0;
        while (isalpha((unsigned char)p[len]))
            len++;
        if (len < min_len || len < 5)
            continue;
        words++;
        for (size_t j = from; j < to; j++)
            if (j != i && has_stem(r->l[j].s, p)) {
                shared++;
                break;
            }
    }
    if (sought)
        *sought = words;
    return shared;
}
