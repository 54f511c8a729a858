/* The genders of French nouns, from a Hunspell dictionary that gives them
 * (lexicons/fr/noun-genders.txt names it): "tarte/S.() po:nom is:fem".
 * A number ending in "un" agrees with the noun after it, and the short
 * lists of feminine-nouns.txt cannot know every noun of a text ("vingt et
 * une tartes", "une minijupe"). A noun given both genders ("livre",
 * "poste") or none ("ministre", is:epi) is left to those lists.
 *
 * The dictionary (2.6 MB) is read the first time a gender is asked, which
 * most texts never do: only a number ending in 1 asks. It is kept as a
 * table of hashes, two bits of gender under each. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

/* The bits kept under each word: the genders its noun lines give, and
 * whether it has a noun line at all and an adjective line. */
enum { G_FEMININE = 1, G_MASCULINE = 2, G_NOUN = 4, G_ADJECTIVE = 8, G_BITS = 15 };

struct gender_index {
    bool tried;
    uint64_t *slots; /* the hash's high bits, G_BITS in the low four */
    size_t mask;
};

gender_index *gender_index_new(void)
{
    return calloc(1, sizeof(gender_index));
}

void gender_index_free(gender_index *g)
{
    if (g)
        free(g->slots);
    free(g);
}

static uint64_t word_hash(const char *s, size_t n)
{
    return (fnv1a(s, n) & ~(uint64_t)G_BITS) | 16; /* never 0: 0 marks an empty slot */
}

static uint64_t *slot_of(gender_index *g, uint64_t key)
{
    size_t k = (size_t)(key >> 20) & g->mask;
    while (g->slots[k] && (g->slots[k] & ~(uint64_t)G_BITS) != key)
        k = (k + 1) & g->mask;
    return &g->slots[k];
}

/* "tarte/S.() po:nom is:fem": the noun and its gender; "magnifique/S.()
 * po:adj is:epi": an adjective; 0 for other lines (verbs, adverbs, the
 * count on the first line). */
static unsigned line_gender(const char *line, size_t len, size_t *word_len)
{
    size_t w = strcspn(line, "/ \t");
    *word_len = w < len ? w : len;
    unsigned bits = memmem(line, len, "po:adj", 6) ? G_ADJECTIVE : 0;
    const char *nom = memmem(line, len, "po:nom", 6);
    if (!nom)
        return bits;
    size_t rest = len - (size_t)(nom - line);
    if (memmem(nom, rest, "is:fem", 6))
        return bits | G_NOUN | G_FEMININE;
    return bits | G_NOUN | (memmem(nom, rest, "is:mas", 6) ? G_MASCULINE : 0);
}

static void add_lines(gender_index *g, const char *text, size_t len)
{
    for (const char *line = text; line < text + len;) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t l = nl ? (size_t)(nl - line) : (size_t)(text + len - line), w = 0;
        unsigned gender = line_gender(line, l, &w);
        uint64_t key = gender && w ? word_hash(line, w) : 0;
        if (key)
            *slot_of(g, key) |= key | gender;
        line += l + 1;
    }
}

/* The first dictionary of the list that can be read. */
static char *read_dictionary(size_t *len)
{
    phrase_list paths;
    ora_error err;
    char *text = NULL;
    if (phrase_list_load("lexicons/fr/noun-genders.txt", &paths, &err) < 0)
        return NULL;
    for (size_t i = 0; !text && i < paths.n; i++)
        if (read_whole_file(paths.items[i], &text, len, &err) < 0)
            text = NULL;
    phrase_list_free(&paths);
    return text;
}

static void load(gender_index *g)
{
    g->tried = true;
    size_t len = 0;
    char *text = read_dictionary(&len);
    size_t lines = 0;
    for (size_t i = 0; text && i < len; i++)
        lines += text[i] == '\n';
    size_t slots = 1024;
    while (text && slots < lines * 2)
        slots *= 2;
    if (text && (g->slots = calloc(slots, sizeof *g->slots))) {
        g->mask = slots - 1;
        add_lines(g, text, len);
    }
    free(text);
}

/* 'f' or 'm' for a noun of one gender; for a word with no gender of its
 * own but an adjective's line, 'A' when it is no noun ("magnifique") and
 * 'a' when it is one too ("jeune"); 0 for the rest. */
char dictionary_gender(gender_index *g, const char *s, size_t n)
{
    if (!g || n == 0)
        return 0;
    if (!g->tried)
        load(g);
    if (!g->slots)
        return 0;
    uint64_t v = *slot_of(g, word_hash(s, n)) & G_BITS;
    unsigned gender = v & (G_FEMININE | G_MASCULINE);
    if (gender == G_FEMININE || gender == G_MASCULINE)
        return gender == G_FEMININE ? 'f' : 'm';
    if (v & G_ADJECTIVE)
        return v & G_NOUN ? 'a' : 'A';
    return 0;
}
