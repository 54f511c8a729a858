/* The normalizer: written French → words eSpeak NG reads right.
 *
 * One left-to-right pass. At each word boundary the rules are tried in a
 * fixed order, most specific first (an e-mail address before a lexicon
 * entry, a phone number before a plain number); the first that matches
 * consumes its source bytes and writes words. Everything else is copied.
 * Each output piece records the source bytes it came from, so a transcript
 * can show "18 novembre 2024" while the voice says the words.
 *
 * The rules live by family in normalize_numbers.c, normalize_time.c,
 * normalize_units.c and normalize_words.c; the words they need (feminine
 * nouns, units, currencies, abbreviations, acronyms) live in lexicons/fr/. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

/* ── Output with alignment ─────────────────────────────────────────────── */

static void add_span(pass *p, size_t out_start, size_t src_start, size_t src_end)
{
    ora_normalized *o = p->out;
    if (o->n_spans == o->cap_spans) {
        size_t cap = o->cap_spans ? o->cap_spans * 2 : 64;
        ora_span *s = realloc(o->spans, cap * sizeof *s);
        if (!s)
            return;
        o->spans = s, o->cap_spans = cap;
    }
    o->spans[o->n_spans++] = (ora_span){out_start, p->text.len, src_start, src_end};
}

void emit(pass *p, size_t from, size_t to, const char *words)
{
    size_t start = p->text.len;
    respell_apply(&p->nz->respell, &p->text, words);
    add_span(p, start, from, to);
}

/* Copies source bytes [from, to) unchanged, merging with a previous copy
 * so a long stretch of plain text is one span. */
void copy(pass *p, size_t from, size_t to)
{
    ora_normalized *o = p->out;
    ora_span *last = o->n_spans ? &o->spans[o->n_spans - 1] : NULL;
    size_t start = p->text.len;
    sb_add(&p->text, p->s + from, to - from);
    bool last_is_copy = last && last->src_end == from && last->out_end == start &&
                        last->out_end - last->out_start == last->src_end - last->src_start &&
                        memcmp(p->text.s + last->out_start, p->s + last->src_start,
                               last->src_end - last->src_start) == 0;
    if (last_is_copy) {
        last->out_end = p->text.len;
        last->src_end = to;
        return;
    }
    add_span(p, start, from, to);
}

/* ── Rule dispatch ─────────────────────────────────────────────────────── */

typedef size_t (*rule_fn)(pass *p, size_t i);

/* Most specific first: "lemonde.fr" is an address before it is a word,
 * "24h/24" a rate before "24h" is a time, "04 72 10 30 81" a phone number
 * before "04" is a number. */
static const rule_fn word_rules[] = {
    rule_address,       rule_lexicon, rule_money_prefix, rule_signed_number,
    rule_roman,         rule_phone,   rule_iso_date,     rule_per,
    rule_time,          rule_numeric_date, rule_day_month, rule_fraction,
    rule_alnum,         rule_number,  rule_acronym};

static size_t apply_rules(pass *p, size_t i)
{
    size_t n = rule_symbol(p, i);
    if (n || !at_boundary(p, i))
        return n;
    for (size_t k = 0; !n && k < sizeof word_rules / sizeof *word_rules; k++)
        n = word_rules[k](p, i);
    return n;
}

/* ── Public API ────────────────────────────────────────────────────────── */

static num_dialect dialect_of(const char *voice)
{
    if (voice && str_starts_with(voice, "fr-be"))
        return NUM_BE;
    if (voice && str_starts_with(voice, "fr-ch"))
        return NUM_CH;
    return NUM_FR;
}

static int load_builtin_lexicons(ora_normalizer *n, ora_error *err)
{
    static const char *const builtin[] = {"lexicons/fr/abbreviations.pls",
                                          "lexicons/fr/acronyms.pls",
                                          "lexicons/fr/names.pls"};
    for (size_t k = 0; k < sizeof builtin / sizeof *builtin; k++) {
        char *path = data_path(builtin[k]);
        int rc = lexicon_load_pls(&n->lex, path, err);
        free(path);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int load_word_lists(ora_normalizer *n, ora_error *err)
{
    const struct {
        const char *rel;
        phrase_list *list;
    } lists[] = {{"lexicons/fr/feminine-nouns.txt", &n->feminine},
                 {"lexicons/fr/masculine-nouns.txt", &n->masculine},
                 {"lexicons/fr/ordinal-nouns.txt", &n->ordinal_nouns},
                 {"lexicons/fr/label-nouns.txt", &n->label_nouns},
                 {"lexicons/fr/phone-cues.txt", &n->phone_cues},
                 {"lexicons/fr/before-name.txt", &n->before_name},
                 {"lexicons/fr/tlds.txt", &n->tlds}};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        if (phrase_list_load(lists[k].rel, lists[k].list, err) < 0)
            return -1;
    if (unit_table_load("lexicons/fr/units.tsv", &n->units, err) < 0 ||
        currency_table_load("lexicons/fr/currencies.tsv", &n->currencies, err) < 0 ||
        respell_table_load("lexicons/fr/espeak-respell.tsv", &n->respell, err) < 0)
        return -1;
    return 0;
}

ora_normalizer *ora_normalizer_new(const char *voice, ora_error *err)
{
    ora_normalizer *n = calloc(1, sizeof *n);
    if (!n) {
        ora_set_error(err, "out of memory");
        return NULL;
    }
    lexicon_init(&n->lex);
    n->dialect = dialect_of(voice);
    if (load_builtin_lexicons(n, err) < 0 || load_word_lists(n, err) < 0) {
        ora_normalizer_free(n);
        return NULL;
    }
    return n;
}

int ora_normalizer_add_lexicon(ora_normalizer *n, const char *path, ora_error *err)
{
    return lexicon_load_pls(&n->lex, path, err);
}

void ora_normalizer_free(ora_normalizer *n)
{
    if (!n)
        return;
    lexicon_free(&n->lex);
    phrase_list *lists[] = {&n->feminine,    &n->masculine,  &n->ordinal_nouns,
                            &n->label_nouns, &n->phone_cues, &n->before_name,
                            &n->tlds};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        phrase_list_free(lists[k]);
    unit_table_free(&n->units);
    currency_table_free(&n->currencies);
    respell_table_free(&n->respell);
    free(n);
}

int ora_normalize(const ora_normalizer *n, const char *text, size_t len,
                  ora_normalized *out, ora_error *err)
{
    memset(out, 0, sizeof *out);
    pass p = {n, text, len, out, {0}};
    sb_init(&p.text);
    for (size_t i = 0; i < len;) {
        size_t used = apply_rules(&p, i);
        if (used) {
            i += used;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(text + i, len - i, &cp);
        size_t step = l ? (size_t)l : 1;
        /* Inside a word, copy the whole word so rules do not fire mid-word. */
        if (is_word_at(text, len, i))
            step = word_end(&p, i) - i;
        copy(&p, i, i + step);
        i += step;
    }
    if (!p.text.s && len) {
        ora_set_error(err, "out of memory while normalizing");
        free(out->spans);
        memset(out, 0, sizeof *out);
        return -1;
    }
    out->len = p.text.len;
    out->text = sb_take(&p.text);
    return 0;
}

void ora_normalized_free(ora_normalized *r)
{
    free(r->text);
    free(r->spans);
    memset(r, 0, sizeof *r);
}

char *ora_normalize_string(const ora_normalizer *n, const char *text, ora_error *err)
{
    ora_normalized r;
    if (ora_normalize(n, text, strlen(text), &r, err) < 0)
        return NULL;
    char *s = r.text;
    r.text = NULL;
    ora_normalized_free(&r);
    return s;
}
