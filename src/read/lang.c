/* Which language an article is written in, from its own words.
 *
 * Pages declare a language (<html lang>, JSON-LD, meta tags) that is often
 * a template's, not the article's, and browser copies declare none. The
 * commonest function words of the text decide instead, when one language
 * clearly leads: a French article quoting an English title stays French.
 *
 * The words are data: each language's function words in
 * rules/LANG/stopwords.txt (LANG, the folder's name, is the code of the
 * eSpeak NG voice that speaks it), the same lists the text reader uses for
 * a line's share of function words. A language is one folder with such a
 * file. Only a word that one list alone holds votes: "de", "la" or "que",
 * in several lists, vote for none, so that the lists need no care about
 * each other. */
#include "internal.h"

#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Below this many votes the text is too short to judge. Words that two
 * lists share do not vote, so the votes of another language in a text are
 * rare (an English "over", a Dutch "door"): eight, with three times the
 * runner-up's, find the language of a paragraph of thirty words or so and
 * never took a French paragraph of the corpus for another language. */
#define MIN_VOTES 8
/* The leader must have this many times the votes of the runner-up. */
#define LEAD_FACTOR 3
/* Enough text to decide; reading more changes nothing. */
#define MAX_WORDS 3000
/* The longest word looked up, in bytes; longer ones are no function words. */
#define MAX_WORD 31
/* A word in two lists or more. */
#define SHARED (-1)

typedef struct {
    char *word; /* NULL: a free slot */
    int lang;   /* its language's index, or SHARED */
} voter;

typedef struct {
    char (*codes)[8];
    size_t *votes;
    size_t n_langs;
    voter *slots; /* open addressing, kept at most half full */
    size_t cap;
} lang_table;

static uint64_t word_hash(const char *w, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
    return h;
}

static voter *slot_of(const lang_table *t, const char *w, size_t n)
{
    for (size_t k = word_hash(w, n) & (t->cap - 1);; k = (k + 1) & (t->cap - 1)) {
        voter *v = &t->slots[k];
        if (!v->word || (strlen(v->word) == n && memcmp(v->word, w, n) == 0))
            return v;
    }
}

static int grow(lang_table *t)
{
    size_t cap = t->cap ? 2 * t->cap : 1024;
    voter *slots = calloc(cap, sizeof *slots), *old = t->slots;
    if (!slots)
        return -1;
    size_t old_cap = t->cap;
    t->slots = slots, t->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].word)
            *slot_of(t, old[i].word, strlen(old[i].word)) = old[i];
    free(old);
    return 0;
}

/* A word of language lang: a voter for it, unless another list has it. */
static int add_word(lang_table *t, size_t *used, const char *w, int lang)
{
    if (2 * (*used + 1) > t->cap && grow(t) < 0)
        return -1;
    voter *v = slot_of(t, w, strlen(w));
    if (v->word) {
        if (v->lang != lang)
            v->lang = SHARED;
        return 0;
    }
    if (!(v->word = ora_strdup(w)))
        return -1;
    v->lang = lang;
    (*used)++;
    return 0;
}

static void free_table(lang_table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].word);
    free(t->slots);
    free(t->codes);
    free(t->votes);
}

static int by_code(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The folders of rules/ that hold a stopwords.txt, in order of their
 * names (so that the outcome does not hang on the order of a directory). */
static int find_langs(lang_table *t)
{
    char *dir = data_path("rules");
    DIR *d = opendir(dir);
    free(dir);
    if (!d)
        return -1;
    size_t cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n >= sizeof *t->codes)
            continue;
        char rel[64];
        snprintf(rel, sizeof rel, "rules/%.7s/stopwords.txt", e->d_name); /* n < 8 */
        char *path = data_path(rel);
        FILE *f = fopen(path, "r");
        free(path);
        if (!f)
            continue;
        fclose(f);
        if (t->n_langs == cap) {
            cap = cap ? 2 * cap : 8;
            char(*grown)[8] = realloc(t->codes, cap * sizeof *grown);
            if (!grown)
                break;
            t->codes = grown;
        }
        memcpy(t->codes[t->n_langs++], e->d_name, n + 1);
    }
    closedir(d);
    if (t->n_langs)
        qsort(t->codes, t->n_langs, sizeof *t->codes, by_code);
    t->votes = calloc(t->n_langs ? t->n_langs : 1, sizeof *t->votes);
    return t->votes ? 0 : -1;
}

/* The function words of one language of the table. */
static int load_stopwords(const lang_table *t, size_t i, phrase_list *pl, ora_error *err)
{
    char rel[64];
    snprintf(rel, sizeof rel, "rules/%.7s/stopwords.txt", t->codes[i]);
    return phrase_list_load(rel, pl, err);
}

int lang_all_stopwords(phrase_list *pl, ora_error *err)
{
    lang_table t;
    memset(&t, 0, sizeof t);
    memset(pl, 0, sizeof *pl);
    if (find_langs(&t) < 0 || t.n_langs == 0) {
        free_table(&t);
        ora_set_error(err, "no function words found under rules/*/stopwords.txt.");
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < t.n_langs && rc == 0; i++) {
        phrase_list one;
        if ((rc = load_stopwords(&t, i, &one, err)) < 0)
            break;
        char **all = realloc(pl->items, (pl->n + one.n + 1) * sizeof *all);
        if (!all) {
            phrase_list_free(&one);
            ora_set_error(err, "out of memory.");
            rc = -1;
            break;
        }
        memcpy(all + pl->n, one.items, one.n * sizeof *all);
        pl->items = all, pl->n += one.n;
        free(one.items);
    }
    free_table(&t);
    if (rc < 0)
        phrase_list_free(pl);
    return rc;
}

static int load_table(lang_table *t)
{
    memset(t, 0, sizeof *t);
    if (find_langs(t) < 0)
        return -1;
    size_t used = 0;
    for (size_t i = 0; i < t->n_langs; i++) {
        phrase_list pl;
        ora_error err;
        if (load_stopwords(t, i, &pl, &err) < 0)
            return -1;
        int rc = 0;
        for (size_t k = 0; k < pl.n && rc == 0; k++)
            rc = add_word(t, &used, pl.items[k], (int)i);
        phrase_list_free(&pl);
        if (rc < 0)
            return -1;
    }
    return t->cap ? 0 : -1;
}

/* Words are runs of letters (any byte of a UTF-8 letter counts), lowered
 * (ASCII and the Latin-1 capitals: "À", "Über"); an apostrophe ends a
 * word, so "l'article" gives "l" and "article". */
static size_t count_votes(lang_table *t, const char *text, size_t budget)
{
    char w[MAX_WORD + 1];
    size_t len = 0, words = 0;
    bool too_long = false;
    for (const char *p = text;; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80 || isalpha(c)) {
            if (len < MAX_WORD)
                w[len++] = (char)(c <= 'Z' ? tolower(c) : c);
            else
                too_long = true;
            /* À..Þ: C3 80..9E, lowered by 0x20 (not × and ß's neighbour) */
            if (c >= 0x80 && c <= 0x9E && len >= 2 && (unsigned char)w[len - 2] == 0xC3 &&
                c != 0x97)
                w[len - 1] = (char)(c + 0x20);
            continue;
        }
        if (len) {
            const voter *v = too_long ? NULL : slot_of(t, w, len);
            if (v && v->word && v->lang != SHARED)
                t->votes[v->lang]++;
            words++;
            len = 0, too_long = false;
        }
        if (!c || words >= budget)
            return words;
    }
}

/* Letters of each listed script in s (Latin ones count in *latin). */
static void count_scripts(const script_voices *sv, const char *s, size_t *counts,
                          size_t *latin)
{
    for (size_t n = strlen(s), i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *latin += isalpha(c) != 0;
            i++;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        i += l > 0 ? (size_t)l : 1;
        const script_voice *v = l > 0 ? script_voice_of(sv, cp) : NULL;
        if (v)
            counts[v - sv->v]++;
        else
            *latin += l > 0 && cp >= 0xC0 && cp < 0x370;
    }
}

/* A text written in a script French never is (Hangul, Arabic, Greek…)
 * has no function words of ours to vote: most of its letters name it. */
#define SCRIPT_MIN_LETTERS 40

static const char *lang_of_script(const ora_article *a, char *code, size_t size)
{
    script_voices sv;
    ora_error err;
    if (script_voices_load(&sv, &err) < 0)
        return NULL;
    size_t *counts = calloc(sv.n + 1, sizeof *counts), latin = 0, all = 0, best = 0;
    for (size_t b = 0; counts && b < a->n_blocks + 2; b++) {
        const char *t = b == 0 ? a->title : b == 1 ? a->lede : a->blocks[b - 2].text;
        if (t)
            count_scripts(&sv, t, counts, &latin);
    }
    for (size_t k = 0; counts && k < sv.n; k++) {
        all += counts[k];
        best = counts[k] > counts[best] ? k : best;
    }
    /* a script only one language writes, a tenth of the letters of one it
     * shares (kana beside Han), names that language */
    size_t letters = counts && sv.n ? counts[best] : 0;
    for (size_t k = 0; counts && k < sv.n; k++)
        if (k != best && !strcmp(sv.v[k].over, sv.v[best].lang) && counts[k] * 10 >= counts[best]) {
            letters += counts[k];
            best = k;
            break;
        }
    const char *found = NULL;
    if (counts && sv.n && letters >= SCRIPT_MIN_LETTERS && letters * 2 > all + latin &&
        strlen(sv.v[best].lang) < size)
        found = strcpy(code, sv.v[best].lang);
    free(counts);
    script_voices_free(&sv);
    return found;
}

const char *lang_guess(const ora_article *a, char *code, size_t size)
{
    lang_table t;
    if (load_table(&t) < 0) {
        free_table(&t);
        return NULL;
    }
    size_t words = 0;
    if (a->title)
        words += count_votes(&t, a->title, MAX_WORDS);
    if (a->lede)
        words += count_votes(&t, a->lede, MAX_WORDS);
    for (size_t b = 0; b < a->n_blocks && words < MAX_WORDS; b++)
        words += count_votes(&t, a->blocks[b].text, MAX_WORDS - words);
    size_t best = 0, second = 0;
    for (size_t i = 1; i < t.n_langs; i++)
        if (t.votes[i] > t.votes[best])
            best = i;
    for (size_t i = 0; i < t.n_langs; i++)
        if (i != best && t.votes[i] > second)
            second = t.votes[i];
    const char *found = NULL;
    if (t.n_langs && t.votes[best] >= MIN_VOTES && t.votes[best] >= LEAD_FACTOR * second &&
        strlen(t.codes[best]) < size) {
        strcpy(code, t.codes[best]);
        found = code;
    }
    free_table(&t);
    return found ? found : lang_of_script(a, code, size);
}
