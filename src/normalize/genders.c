/* The genders of French nouns, from a Hunspell dictionary that gives them
 * (lexicons/fr/noun-genders.txt names it): "tarte/S.() po:nom is:fem".
 * A number ending in "un" agrees with the noun after it, and the short
 * lists of feminine-nouns.txt cannot know every noun of a text ("vingt et
 * une tartes", "une minijupe"). A noun given both genders ("livre",
 * "poste") or none ("ministre", is:epi) is left to those lists.
 *
 * Many feminine nouns have no line of their own: "paire" and "ronde" are
 * made from "pair/F." and "rond/F." by the suffix rules of the affix file
 * beside the dictionary, which are applied to every noun here.
 *
 * The dictionary (2.6 MB) is read the first time a gender is asked, which
 * most texts never do: only a number ending in 1 asks. It is kept as a
 * table of hashes, four bits under each. */
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

/* A suffix rule of the affix file that makes a feminine form: "SFX F.
 * er ère/L'D'Q' er is:fem is:sg". The dictionary lists "premier/F.()
 * po:nom" once; "première", "paire", "ronde" and "étudiante" are only
 * made by such rules, so a noun's feminine forms are found by applying
 * them to it. */
typedef struct {
    char flag[2];
    char strip[16], add[24], cond[64];
} feminine_rule;

typedef struct {
    feminine_rule *items;
    size_t n;
} feminine_rules;

static bool copy_field(char *to, size_t size, const char *s, size_t n)
{
    if (n >= size)
        return false;
    memcpy(to, s, n);
    to[n] = '\0';
    if (n == 1 && s[0] == '0')
        to[0] = '\0'; /* "0": nothing stripped or added */
    return true;
}

/* Reads "SFX flag strip add[/flags] condition morphology…" when the
 * morphology says is:fem. */
static bool parse_rule(const char *line, size_t len, feminine_rule *r)
{
    if (len < 4 || memcmp(line, "SFX ", 4) != 0 || !memmem(line, len, "is:fem", 6))
        return false;
    const char *field[5];
    size_t flen[5], k = 0;
    for (size_t i = 3; i < len && k < 5; k++) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        field[k] = line + i;
        while (i < len && line[i] != ' ' && line[i] != '\t')
            i++;
        flen[k] = (size_t)(line + i - field[k]);
    }
    if (k < 5 || flen[0] != 2)
        return false;
    memcpy(r->flag, field[0], 2);
    size_t add_len = strcspn(field[2], "/ \t");
    return copy_field(r->strip, sizeof r->strip, field[1], flen[1]) &&
           copy_field(r->add, sizeof r->add, field[2], add_len < flen[2] ? add_len : flen[2]) &&
           copy_field(r->cond, sizeof r->cond, field[3], flen[3]);
}

static int compare_flags(const void *a, const void *b)
{
    return memcmp(((const feminine_rule *)a)->flag, ((const feminine_rule *)b)->flag, 2);
}

/* The first rule of a flag, rules being sorted by flag. */
static size_t first_rule_of(const feminine_rules *rules, const char *flag)
{
    size_t lo = 0, hi = rules->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (memcmp(rules->items[mid].flag, flag, 2) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static feminine_rules read_feminine_rules(const char *text, size_t len)
{
    feminine_rules rules = {0};
    size_t cap = 0;
    for (const char *line = text; line < text + len;) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t l = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
        feminine_rule r;
        if (parse_rule(line, l, &r)) {
            if (rules.n == cap) {
                feminine_rule *more = realloc(rules.items, (cap = cap ? cap * 2 : 64) * sizeof r);
                if (!more)
                    break;
                rules.items = more;
            }
            rules.items[rules.n++] = r;
        }
        line += l + 1;
    }
    qsort(rules.items, rules.n, sizeof *rules.items, compare_flags);
    return rules;
}

/* Past one element of a condition: "[^sxz]" or one letter. */
static const char *cond_element_end(const char *c)
{
    if (*c == '[') {
        const char *close = strchr(c, ']');
        return close ? close + 1 : c + strlen(c);
    }
    uint32_t cp;
    int b = utf8_decode(c, strlen(c), &cp);
    return c + (b > 0 ? b : 1);
}

/* Whether cp is one that the element [c, end) allows: "." any, "[éiu]"
 * one of, "[^sxz]" none of, else that letter. */
static bool cond_element_allows(const char *c, const char *end, uint32_t cp)
{
    bool set = *c == '[', negate = set && c[1] == '^', found = false;
    if (*c == '.')
        return true;
    for (c += set + negate; c < end && *c != ']';) {
        uint32_t one = 0;
        int b = utf8_decode(c, (size_t)(end - c), &one);
        found |= one == cp;
        c += b > 0 ? b : 1;
    }
    return found != negate;
}

/* Whether the word's last letters meet the rule's condition ("[^e][knmrt]"). */
static bool cond_matches(const char *cond, const char *word, size_t n)
{
    uint32_t cps[64];
    size_t count = 0, elements = 0;
    for (size_t i = 0; i < n && count < 64; count++) {
        cps[count] = 0; /* a bad byte matches no letter */
        int b = utf8_decode(word + i, n - i, &cps[count]);
        i += b > 0 ? (size_t)b : 1;
    }
    for (const char *c = cond; *c; c = cond_element_end(c))
        elements++;
    if (elements > count)
        return false;
    const char *c = cond;
    for (size_t k = count - elements; k < count; k++, c = cond_element_end(c))
        if (!cond_element_allows(c, cond_element_end(c), cps[k]))
            return false;
    return true;
}

static void mark(gender_index *g, const char *word, size_t n, unsigned bits)
{
    uint64_t key = bits && n ? word_hash(word, n) : 0;
    if (key)
        *slot_of(g, key) |= key | bits;
}

/* Marks the feminine forms that the flags after "/" make of a noun. */
static void mark_feminine_forms(gender_index *g, const feminine_rules *rules, const char *line, size_t len,
                                size_t w, unsigned bits)
{
    size_t flags_end = w < len && line[w] == '/' ? w + 1 + strcspn(line + w + 1, " \t\n") : w;
    for (size_t f = w + 1; f + 2 <= flags_end && f + 2 <= len; f += 2)
        for (size_t i = first_rule_of(rules, line + f); i < rules->n && !memcmp(rules->items[i].flag, line + f, 2); i++) {
            const feminine_rule *r = &rules->items[i];
            size_t strip = strlen(r->strip), add = strlen(r->add);
            char form[96];
            if (strip > w || w - strip + add > sizeof form ||
                memcmp(line + w - strip, r->strip, strip) != 0 || !cond_matches(r->cond, line, w))
                continue;
            memcpy(form, line, w - strip);
            memcpy(form + w - strip, r->add, add);
            mark(g, form, w - strip + add, (bits & G_ADJECTIVE) | G_NOUN | G_FEMININE);
        }
}

static void add_lines(gender_index *g, const feminine_rules *rules, const char *text, size_t len)
{
    for (const char *line = text; line < text + len;) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t l = nl ? (size_t)(nl - line) : (size_t)(text + len - line), w = 0;
        unsigned bits = line_gender(line, l, &w);
        mark(g, line, w, bits);
        if ((bits & G_NOUN) && !(bits & G_FEMININE))
            mark_feminine_forms(g, rules, line, l, w, bits);
        line += l + 1;
    }
}

/* The first dictionary of the list that can be read, and its affix
 * file beside it ("fr.dic", "fr.aff"), NULL if it has none. */
static char *read_dictionary(size_t *len, char **affixes, size_t *affixes_len)
{
    phrase_list paths;
    ora_error err;
    char *text = NULL;
    *affixes = NULL;
    if (phrase_list_load("lexicons/fr/noun-genders.txt", &paths, &err) < 0)
        return NULL;
    for (size_t i = 0; !text && i < paths.n; i++) {
        if (read_whole_file(paths.items[i], &text, len, &err) < 0) {
            text = NULL;
            continue;
        }
        char *aff = ora_strdup(paths.items[i]);
        size_t n = aff ? strlen(aff) : 0;
        if (n > 4 && !strcmp(aff + n - 4, ".dic"))
            memcpy(aff + n - 4, ".aff", 4);
        if (!aff || n <= 4 || read_whole_file(aff, affixes, affixes_len, &err) < 0)
            *affixes = NULL;
        free(aff);
    }
    phrase_list_free(&paths);
    return text;
}

static void load(gender_index *g)
{
    g->tried = true;
    size_t len = 0, affixes_len = 0;
    char *affixes = NULL, *text = read_dictionary(&len, &affixes, &affixes_len);
    feminine_rules rules = affixes ? read_feminine_rules(affixes, affixes_len) : (feminine_rules){0};
    size_t lines = 0;
    for (size_t i = 0; text && i < len; i++)
        lines += text[i] == '\n';
    size_t slots = 1024;
    while (text && slots < lines * 3) /* room for the feminine forms too */
        slots *= 2;
    if (text && (g->slots = calloc(slots, sizeof *g->slots))) {
        g->mask = slots - 1;
        add_lines(g, &rules, text, len);
    }
    free(rules.items);
    free(affixes);
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
