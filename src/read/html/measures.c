/* Measures of text the HTML reader's judgments share: words, sentences,
 * folded comparisons and hashes, the prose an article holds. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

/* Words between spaces; in Chinese and Japanese, which part no words,
 * each character counts as one (a word is one or two of them), so that
 * an article in those scripts is not a page "without text". */
size_t word_count(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; s && *s; s++) {
        if ((unsigned char)*s >= 0xE3 && unspaced_letter_at(s)) {
            n++, in = false, s += 2;
            continue;
        }
        bool sp = isspace((unsigned char)*s);
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* Does the text end as a sentence, a quotation or an announce (".", "!",
 * "?", ":", "»", '"')? A label or a link's words do not. */
bool ends_sentence(const char *t)
{
    size_t n = strlen(t);
    return n && strchr(".!?:»\"", t[n - 1]);
}

/* A hash of the text folded (case, apostrophes, spaces, punctuation), so
 * that a print or AMP copy of the article, or a paragraph repeated by a
 * pull quote, matches what was read. */
uint64_t folded_hash(const char *text)
{
    /* letters and digits only, ASCII lower-cased: spaces, apostrophes and
     * punctuation, where copies differ, do not count */
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned c = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p; /* no locale call */
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            h = (h ^ c) * 1099511628211ULL;
    }
    return h;
}

bool same_folded(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t na = strlen(a), nb = strlen(b);
    if (na > 2 * nb + 8 || nb > 2 * na + 8)
        return false; /* folding does not halve a text */
    char *fa = malloc(na + 1), *fb = malloc(nb + 1);
    bool same = false;
    if (fa && fb) {
        squash_into(a, na, fa, true);
        squash_into(b, nb, fb, true);
        same = strcmp(fa, fb) == 0;
    }
    free(fa), free(fb);
    return same;
}

size_t sentence_count(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        if (strchr(".!?", *p) && (p[1] == ' ' || !p[1]) && p > s && !isupper((unsigned char)p[-1]))
            n++;
    return n;
}

/* Paragraphs of prose: sentences, not a line of a menu. */
size_t prose_paragraphs(const ora_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH && word_count(a->blocks[i].text) >= 20 &&
            strpbrk(a->blocks[i].text, ".!?"))
            n++;
    return n;
}

/* The words a listener would hear as the article. */
size_t prose_words(const ora_article *a)
{
    size_t n = word_count(a->lede);
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH || a->blocks[i].kind == ORA_BLOCK_QUOTE)
            n += word_count(a->blocks[i].text);
    return n;
}

/* The letters and digits of a text, without accents and lower-cased
 * ("L'Écho du Périgord" → "lechoduperigord"), to compare with a host. */
char *bare_letters(const char *s, size_t n)
{
    size_t len = 0;
    uint8_t *d = u8_normalize(UNINORM_NFKD, (const uint8_t *)s, n, NULL, &len);
    char *out = d ? malloc(len + 1) : NULL;
    size_t o = 0;
    for (size_t i = 0; out && i < len; i++)
        if (isalnum(d[i]))
            out[o++] = (char)tolower(d[i]);
    if (out)
        out[o] = '\0';
    free(d);
    return out;
}
