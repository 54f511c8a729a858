/* Which language an article is written in, from its own words.
 *
 * Pages declare a language (<html lang>, JSON-LD, meta tags) that is often
 * a template's, not the article's, and browser copies declare none. The
 * commonest function words of the text decide instead, when one language
 * clearly leads: a French article quoting an English title stays French.
 * The words are data (rules/lang/stopwords.txt). */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Below this many function words the text is too short to judge. */
#define MIN_VOTES 12
/* The leader must have this many times the votes of the runner-up. */
#define LEAD_FACTOR 2
/* Enough text to decide; reading more changes nothing. */
#define MAX_WORDS 3000

typedef struct {
    char code[8];
    char **words;
    size_t n;
    size_t votes;
} lang_words;

static void free_langs(lang_words *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < l[i].n; k++)
            free(l[i].words[k]);
        free(l[i].words);
    }
    free(l);
}

/* One language a line: its code, then its words. */
static lang_words *load_langs(size_t *n)
{
    phrase_list pl;
    ora_error err;
    *n = 0;
    if (phrase_list_load("rules/lang/stopwords.txt", &pl, &err) < 0)
        return NULL;
    lang_words *l = calloc(pl.n ? pl.n : 1, sizeof *l);
    for (size_t i = 0; l && i < pl.n; i++) {
        char *save = NULL, *w = strtok_r(pl.items[i], " ", &save);
        if (!w || strlen(w) >= sizeof l->code)
            continue;
        lang_words *x = &l[(*n)++];
        strcpy(x->code, w);
        while ((w = strtok_r(NULL, " ", &save))) {
            char **grown = realloc(x->words, (x->n + 1) * sizeof *grown);
            if (!grown)
                break;
            x->words = grown;
            x->words[x->n++] = ora_strdup(w);
        }
    }
    phrase_list_free(&pl);
    return l;
}

static void vote(lang_words *l, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < l[i].n; k++)
            if (strlen(l[i].words[k]) == len && strncmp(l[i].words[k], w, len) == 0) {
                l[i].votes++;
                break;
            }
}

/* Words are runs of letters (any byte of a UTF-8 letter counts), lowered;
 * an apostrophe ends a word, so "l'article" gives "l" and "article". */
static size_t count_votes(lang_words *l, size_t n, const char *text, size_t budget)
{
    char w[32];
    size_t len = 0, words = 0;
    for (const char *p = text;; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80 || isalpha(c)) {
            if (len < sizeof w - 1)
                w[len++] = (char)tolower(c);
            continue;
        }
        if (len) {
            vote(l, n, w, len);
            words++;
            len = 0;
        }
        if (!c || words >= budget)
            return words;
    }
}

const char *lang_guess(const ora_article *a, char *code, size_t size)
{
    size_t n;
    lang_words *l = load_langs(&n);
    if (!l)
        return NULL;
    size_t words = 0;
    if (a->title)
        words += count_votes(l, n, a->title, MAX_WORDS);
    if (a->lede)
        words += count_votes(l, n, a->lede, MAX_WORDS);
    for (size_t b = 0; b < a->n_blocks && words < MAX_WORDS; b++)
        words += count_votes(l, n, a->blocks[b].text, MAX_WORDS - words);
    size_t best = 0, second = 0;
    for (size_t i = 1; i < n; i++)
        if (l[i].votes > l[best].votes)
            best = i;
    for (size_t i = 0; i < n; i++)
        if (i != best && l[i].votes > second)
            second = l[i].votes;
    const char *found = NULL;
    if (n && l[best].votes >= MIN_VOTES && l[best].votes >= LEAD_FACTOR * second &&
        strlen(l[best].code) < size) {
        strcpy(code, l[best].code);
        found = code;
    }
    free_langs(l, n);
    return found;
}
