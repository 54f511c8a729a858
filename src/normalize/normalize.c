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

#include <ctype.h>
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

/* Writes the pending copied bytes, merging with a previous copy so a
 * long stretch of plain text is one span. */
static void flush_copy(pass *p)
{
    size_t from = p->pend_from, to = p->pend_to;
    if (from == to)
        return;
    p->pend_from = p->pend_to = 0;
    ora_normalized *o = p->out;
    size_t start = p->text.len;
    sb_add(&p->text, p->s + from, to - from);
    ora_span *last = o->n_spans ? &o->spans[o->n_spans - 1] : NULL;
    if (p->last_is_copy && last && last->src_end == from && last->out_end == start) {
        last->out_end = p->text.len;
        last->src_end = to;
        return;
    }
    add_span(p, start, from, to);
    p->last_is_copy = true;
}

static void emit_words(pass *p, size_t from, size_t to, const char *words, bool respelled)
{
    flush_copy(p);
    size_t start = p->text.len;
    if (respelled)
        respell_apply(&p->nz->respell, &p->text, words);
    else
        sb_adds(&p->text, words);
    add_span(p, start, from, to);
    p->last_is_copy = false;
}

void emit(pass *p, size_t from, size_t to, const char *words)
{
    emit_words(p, from, to, words, true);
}

/* Words eSpeak NG reads right as they are, which the respellings must
 * not touch: the "plus" of a name ("Canal+") is /ply/, where a sign's
 * "plus" is respelled /plys/. */
void emit_as_written(pass *p, size_t from, size_t to, const char *words)
{
    emit_words(p, from, to, words, false);
}

size_t emit_built(pass *p, size_t from, size_t to, strbuf *b)
{
    emit(p, from, to, b->s ? b->s : "");
    sb_free(b);
    return to - from;
}

size_t emit_cardinal_with(pass *p, size_t from, size_t to, unsigned long long v, const char *before,
                          const char *after)
{
    strbuf b;
    sb_init(&b);
    sb_adds(&b, before);
    num_style st = style(p, false, false);
    num_cardinal(&b, v, &st);
    sb_adds(&b, after);
    return emit_built(p, from, to, &b);
}

size_t emit_cardinal(pass *p, size_t from, size_t to, unsigned long long v)
{
    return emit_cardinal_with(p, from, to, v, "", "");
}

/* Copies source bytes [from, to) unchanged. Copies of consecutive bytes
 * are gathered and written at once. */
void copy(pass *p, size_t from, size_t to)
{
    if (p->pend_from != p->pend_to && p->pend_to != from)
        flush_copy(p);
    if (p->pend_from == p->pend_to)
        p->pend_from = from;
    p->pend_to = to;
}

/* ── Rule dispatch ─────────────────────────────────────────────────────── */

typedef size_t (*rule_fn)(pass *p, size_t i);

/* Most specific first: "lemonde.fr" is an address before it is a word,
 * "24h/24" a rate before "24h" is a time, "04 72 10 30 81" a phone number
 * before "04" is a number. The rules are grouped by the first character
 * they can start with, which keeps the pass fast on plain words. */
static const rule_fn digit_rules[] = {
    rule_lexicon,           rule_address,  rule_phone,      rule_dashed_sets, rule_id_groups, rule_iso_date,   rule_scientific,
    rule_pace,              rule_per,      rule_chrono,   rule_time,     rule_numeric_date, rule_day_month,
    rule_day_before_month,
    rule_day_month_numeric, rule_fraction, rule_dimensions, rule_power_of_ten, rule_times_sign,
    rule_alnum,             rule_number};
static const rule_fn upper_rules[] = {rule_spaced_times, rule_address, rule_weekday_span, rule_year_part, rule_compass_point, rule_month_capitals, rule_lexicon, rule_dotted_initials, rule_money_prefix, rule_roman_heading,
                                      rule_roman,   rule_glued_subclass, rule_inclusive, rule_rating, rule_iban, rule_alnum,
                                      rule_acronym_plural, rule_acronym, rule_titlecase_acronym,
                                      rule_word_number_unit, rule_unit_alone, rule_french_name,
                                      rule_lost_accents, rule_glued_acronym, rule_mixed_initials,
                                      rule_name_spelling, rule_initial_th};
static const rule_fn other_rules[] = {rule_lexicon, rule_money_prefix, rule_phone,
                                      rule_bracketed_area_code, rule_signed_number, rule_agency_credit};

static size_t try_rules(pass *p, size_t i, const rule_fn *rules, size_t n_rules)
{
    size_t n = 0;
    for (size_t k = 0; !n && k < n_rules; k++)
        n = rules[k](p, i);
    return n;
}

#define TRY(list) try_rules(p, i, list, sizeof list / sizeof *list)
#define TRY_AT(at, list) try_rules(p, at, list, sizeof list / sizeof *list)

/* "Adultes38 euros": the word, a space, then the amount said by the
 * rules of numbers, which the word glued to it kept from them. */
static size_t glued_count(pass *p, size_t i, size_t e)
{
    if (e - i < 5 || !is_digit(p->s[e - 1]))
        return 0;
    size_t d = glued_count_at(p, i, e);
    if (!d)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, d - i);
    sb_addc(&b, ' ');
    emit_built(p, i, d, &b);
    size_t n = TRY_AT(d, digit_rules);
    return d - i + n;
}

/* "le quarantième jour", "la centième": an ordinal the text spells out,
 * which eSpeak NG misreads as the numbers it writes (/sjɛm/ for
 * /tjɛm/); the respellings of espeak-respell.tsv apply to it too. */
__attribute__((noinline)) static size_t written_ordinal(pass *p, size_t i, size_t e)
{
    char word[64];
    if (e - i >= sizeof word)
        return 0;
    memcpy(word, p->s + i, e - i);
    word[e - i] = '\0';
    strbuf b;
    sb_init(&b);
    respell_apply(&p->nz->respell, &b, word);
    bool same = b.s && strcmp(b.s, word) == 0;
    sb_free(&b);
    if (same)
        return 0;
    emit(p, i, e, word); /* emit respells */
    return e - i;
}

/* A word that elides before a vowel: "d'", "l'", "qu'", "jusqu'", and
 * "L'", "Qu'" opening a sentence. */
static bool elides(const pass *p, size_t i, size_t e)
{
    char c = (char)tolower((unsigned char)p->s[i]);
    return (e == i + 1 && strchr("cdjlmnst", c)) ||
           (e >= i + 2 && tolower((unsigned char)p->s[e - 2]) == 'q' && p->s[e - 1] == 'u');
}

/* "l’ école", "d' 1 an", "L’ État": an elided word cut from the next one
 * by a space (pages that set the apostrophe apart). eSpeak NG says a lone
 * "l'" as the letter L, so the space goes; the word after is read by
 * the rules as any other. */
static size_t elision_space(pass *p, size_t i, size_t e)
{
    size_t a = apostrophe_at(p, e);
    if (after_apostrophe(p, i) || (i >= 3 && memcmp(p->s + i - 3, "\xE2\x80\x98", 3) == 0))
        return 0; /* "les lettres 'S' et 'K'": a letter in quotes */
    if (!a || e + a + 1 >= p->len || p->s[e + a] != ' ' || !elides(p, i, e) ||
        !is_word_at(p->s, p->len, e + a + 1))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, e + a - i);
    return emit_built(p, i, e + a + 1, &b);
}

/* "manger;avant", "fumer;après": a semicolon between two words with no
 * space after it (a list run together). eSpeak NG reads the two words as
 * one; a space parts them. */
static size_t glued_semicolon(pass *p, size_t i)
{
    if (i == 0 || i + 1 >= p->len || !is_letter_at(p->s, p->len, prev_char_start(p->s, i)) ||
        !is_letter_at(p->s, p->len, i + 1))
        return 0;
    emit(p, i, i + 1, "; ");
    return 1;
}

/* Two sentences glued at the stop at i ("mois.Au", "problem?Exiger"):
 * the cheap test before the rule's. */
static size_t glued_stop_after(pass *p, size_t i)
{
    return i >= 2 && i + 2 < p->len && p->s[i + 1] != ' ' && p->s[i + 1] != '\n' ? rule_glued_stop(p, i) : 0;
}

/* Whether a capital A-Z stands in s[0, n): "aprèsJacques", "macOS". */
static bool has_inner_capital(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is_upper_ascii(s[k]))
            return true;
    return false;
}

/* "Le", "Dans", "Pour": a sentence opens on a capitalized function word
 * (rules/fr/stopwords.txt) more often than on a name. Of the rules for
 * capitals, only the lexicon ("Me": maître) and a number word before a
 * unit ("Un ml") read one; those for names, acronyms and numerals, a
 * fifth of the time on news text, are not tried. (In lower case the
 * rules turn a function word away sooner than the list can be asked.) */
static size_t capitalized_function_word(pass *p, size_t i, size_t e)
{
    char lower[12];
    size_t n = e - i;
    if (n < 2 || n >= sizeof lower || e + 1 >= p->len || p->s[e] != ' ' || p->s[e + 1] == '(')
        return 0; /* "Elus (e)s": see rule_inclusive */
    lower[0] = (char)(p->s[i] | 0x20);
    for (size_t k = 1; k < n; k++) {
        char c = p->s[i + k];
        if (c < 'a' || c > 'z')
            return 0;
        lower[k] = c;
    }
    if (!word_set_has(&p->nz->function_words, lower, n))
        return 0;
    size_t used = rule_lexicon(p, i);
    if (!used)
        used = word_number_unit(p, i, e);
    if (!used && n == 2)
        used = rule_weekday_span(p, i); /* "Je 30 mai": jeudi */
    if (!used)
        copy(p, i, e);
    return used ? used : n;
}

/* A word in lower case: most of a text. Only an address or a lexicon
 * entry can start with one, and the word's end tells both apart cheaply. */
static size_t lower_word_rules(pass *p, size_t i)
{
    size_t e = word_end(p, i), n = 0;
    char after = e < p->len ? p->s[e] : '\0';
    if ((after == '\'' || after == '\xE2') && e - i <= 7 && (n = elision_space(p, i, e)))
        return n;
    if (e == i + 1 && (after == '-' || after == '+'))
        n = rule_relative_index(p, i);
    else if (after == ' ' && e + 1 < p->len && p->s[e + 1] == '(')
        n = rule_inclusive(p, i); /* "condamné (e)" */
    bool joined = after == '.' || after == '@' || after == ':' || after == '-' || after == '_';
    if (!n && (after == '.' || after == '-' || after == '/') && e + 1 < p->len &&
        p->s[e + 1] && strchr("eilnrstv", p->s[e + 1])) /* the letters endings begin with */
        n = rule_inclusive(p, i); /* "agent.e.s", "salarié-e-s", "époux/se" */
    if (!n && p->s[i] == 'x' && e - i >= 2 && e - i <= 3 && is_digit(p->s[i + 1]))
        n = rule_times_prefix(p, i); /* "x3" */
    if (n)
        ;
    else if (joined)
        n = rule_address(p, i);
    else if (e == i + 1 && p->s[i] == 'x')
        n = rule_spaced_times(p, i);
    else if (after == ' ' && e - i <= 6 && e - i >= 2 && !(e - i == 4 && (n = rule_plus_number(p, i))))
        n = word_number_unit(p, i, e);
    else if (after == '\xC2' || after == '\xE2' || after == '(')
        n = rule_inclusive(p, i);
    if (!n && e - i <= 5)
        n = rule_unit_alone(p, i); /* "le prix du m²" */
    if (!n)
        n = glued_count(p, i, e); /* "enfants15 €" */
    if (!n && e - i >= 8 && (p->s[e - 1] == 'e' || p->s[e - 1] == 's') &&
        (ends_with_bytes(p, e, "i\xC3\xA8me") || ends_with_bytes(p, e, "i\xC3\xA8mes")))
        n = written_ordinal(p, i, e);
    if (!n && (unsigned char)p->s[i] == 0xC3 && !is_word_at(p->s, p->len, e))
        n = rule_french_name(p, i); /* "Élisabeth": a capital with an accent */
    if (!n && e - i >= 6 && p->nz->loan_first[(unsigned char)p->s[i]] &&
        (p->s[e - 1] == 'r' || (p->s[e - 1] == 's' && p->s[e - 2] == 'r')) &&
        p->s[e - 2 - (p->s[e - 1] == 's')] == 'e')
        n = rule_loan_noun(p, i, e); /* "les supporters": the noun, not the verb */
    const lexicon *lx = &p->nz->lex;
    /* the word is the lexicon's head: both end at the first byte that is
     * no letter or digit */
    if (!n && e - i == 3)
        n = p->s[i] == 't' ? rule_shootout(p, i) : rule_weekday_span(p, i); /* "(5-4 tab)"; "lun.-ven.", before the lexicon's "lun." */
    if (!n && e - i == 2 && e + 1 < p->len && (after == '-' || is_digit(p->s[e + 1])))
        n = rule_weekday_span(p, i); /* "me 5 juin", "lu-ve 17h" */
    if (!n && lexicon_may_start(lx, (unsigned char)p->s[i]) && lexicon_has_head(lx, p->s + i, e - i))
        n = rule_lexicon(p, i);
    if (!n && e - i >= 5 && p->s[i] == 't' && p->s[i + 1] == 'h') /* "thrombotique", after the lexicon */
        n = rule_learned_thr(p, i);
    if (!n && e - i >= 4)
        n = lost_accents_at(p, i, e); /* "brievement" */
    if (!n && e - i >= 5 && is_upper_ascii(p->s[e - 1]))
        n = rule_glued_acronym(p, i); /* "macOS" */
    if (!n && p->s[i] == 'i' && e - i >= 4)
        n = rule_i_product(p, i, e); /* "iPhone" */
    if (!n && e - i <= 5)
        n = rule_lower_initialism(p, i, e); /* "l'asbl" */
    if (!n && e - i >= 7 && p->nz->glued_last[(unsigned char)p->s[e - 1]])
        n = rule_glued_word(p, i, e); /* "prévuespar" */
    if (!n && e - i >= 4 && has_inner_capital(p->s + i + 1, e - i - 1))
        n = rule_glued_capital(p, i, e); /* "d'aprèsJacques" */
    if (!n) {
        copy(p, i, e);
        n = e - i;
        if (after == ',') /* "19 bis,20" */
            n += rule_list_comma(p, e);
    }
    return n;
}

/* "5\u00A0milliards", "vingt\u00A0euros": a no-break or thin space
 * between two words (the number before it already said as words). eSpeak
 * NG ends a phrase at it: it says the q of "cinq" before a consonant and
 * drops the liaison of "vingt euros", so it becomes a plain space. Before
 * a sign (":", "%", "€") it stays, the rules and eSpeak NG read it there. */
static size_t word_space(pass *p, size_t i)
{
    size_t l = space_len(p->s, p->len, i);
    if (l < 2 || !word_ends_before(p->s, p->len, i) ||
        !is_letter_at(p->s, p->len, i + l))
        return 0;
    emit(p, i, i + l, " ");
    return l;
}

static size_t apply_rules(pass *p, size_t i)
{
    char c = p->s[i];
    if ((unsigned char)c < 0x20) { /* NUL and other controls: a space */
        emit(p, i, i + 1, " ");
        return 1;
    }
    if (c == '|') { /* "Laurentides | Un accident…": a headline's parts, a pause; eSpeak NG says none */
        bool spaced = i > 0 && p->s[i - 1] == ' ' && i + 1 < p->len && p->s[i + 1] == ' ';
        if (!spaced)
            return 0;
        emit(p, i, i + 1, ",");
        return 1;
    }
    size_t n = c == '-' ? rule_spaced_minus(p, i) : 0;
    if (!n && c == '-')
        n = rule_initials_hyphen(p, i); /* "SI-RH" */
    if (!n && (c == '-' || c == '/' || c == '\xE2') && i > 1 &&
        (p->s[i - 1] == ' ' || (unsigned char)p->s[i - 1] >= 0x80))
        n = rule_formula_sign(p, i);
    if (!n && (c == '*' || c == '_'))
        n = rule_emphasis_marks(p, i); /* "**Costello**", before "*" as a sign */
    if (!n && c == '+')
        n = rule_plus_bullet(p, i); /* "+ Le courant…": a list's bullet */
    if (!n)
        n = c == '&' || c == '+' || c == '%' || c == '@' || c == '#' || c == '/' || c == '=' || c == '*' ||
                           c == '<' || c == '>' || c == '~' || c == '\xC2' || c == '\xE2'
                   ? rule_symbol(p, i) : 0;
    if (!n && (c == '\xC2' || c == '\xE2'))
        n = word_space(p, i);
    if (!n && c == '[')
        n = i + 1 < p->len && is_digit(p->s[i + 1]) ? rule_footnote_call(p, i) : rule_bracketed_letters(p, i);
    if (!n && c == '(' && i + 1 < p->len && is_digit(p->s[i + 1]))
        n = rule_glued_note_call(p, i); /* "famille(1)" */
    if (!n && c == '-' && !at_boundary(p, i))
        return (n = rule_minus_after_to(p, i)) ? n : rule_code_minus(p, i); /* "AA-" */
    if (n || !at_boundary(p, i))
        return n;
    if (is_digit(c)) {
        n = TRY(digit_rules);
        return n ? n + rule_list_comma(p, i + n) : 0; /* "17,18,19" */
    }
    if (is_upper_ascii(c)) {
        if (i + 1 < p->len && (p->s[i + 1] == '-' || p->s[i + 1] == '+') && (n = rule_relative_index(p, i)))
            return n; /* "N+1", "J-7" */
        size_t e = word_end(p, i);
        if ((n = elision_space(p, i, e)))
            return n; /* "L’ État" */
        if ((n = capitalized_function_word(p, i, e)) || (n = glued_count(p, i, e)))
            return n; /* "Adultes38 euros" */
        return TRY(upper_rules);
    }
    if ((c >= 'a' && c <= 'z') || ((unsigned char)c >= 0x80 && is_letter_at(p->s, p->len, i)))
        return lower_word_rules(p, i);
    return TRY(other_rules);
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

/* Letters, digits, lead bytes of non-ASCII characters, signs, currency
 * and symbol bytes, and the first bytes of lexicon entries: a byte not in
 * this set starts no rule, so a run of them is copied at once. */
static void set_may_start(ora_normalizer *n)
{
    for (int c = 0; c < 256; c++)
        n->may_start[c] = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                          c >= 0xC0 || (c && strchr("+-$&%@#/=*[(<>~_|", c)) ||
                          (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                          lexicon_may_start(&n->lex, (unsigned char)c);
}

static int load_builtin_lexicons(ora_normalizer *n, ora_error *err)
{
    static const char *const builtin[] = {"lexicons/fr/abbreviations.pls",
                                          "lexicons/fr/acronyms.pls",
                                          "lexicons/fr/names.pls",
                                          "lexicons/fr/latin.pls",
                                          "lexicons/fr/espeak-french.pls",
                                          "lexicons/fr/espeak-places.pls",
                                          "lexicons/fr/places.pls"};
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
        word_set *list;
    } lists[] = {{"lexicons/fr/feminine-nouns.txt", &n->feminine},
                 {"lexicons/fr/masculine-nouns.txt", &n->masculine},
                 {"lexicons/fr/label-nouns.txt", &n->label_nouns},
                 {"lexicons/fr/season-nouns.txt", &n->season_nouns},
                 {"lexicons/fr/score-words.txt", &n->score_words},
                 {"lexicons/fr/reference-cues.txt", &n->reference_cues},
                 {"lexicons/fr/street-nouns.txt", &n->street_nouns},
                 {"lexicons/fr/phone-cues.txt", &n->phone_cues},
                 {"lexicons/fr/phone-country-codes.txt", &n->country_codes},
                 {"lexicons/fr/silent-hosts.txt", &n->silent_hosts},
                 {"lexicons/fr/before-name.txt", &n->before_name},
                 {"lexicons/fr/not-before-name.txt", &n->not_before_name},
                 {"lexicons/fr/after-determiner.txt", &n->after_determiner},
                 {"lexicons/fr/before-number.txt", &n->before_number},
                 {"lexicons/fr/before-colon.txt", &n->before_colon},
                 {"lexicons/fr/before-unit.txt", &n->before_unit},
                 {"lexicons/fr/tlds.txt", &n->tlds},
                 {"lexicons/fr/regnal-names.txt", &n->regnal_names},
                 {"lexicons/fr/name-titles.txt", &n->name_titles},
                 {"lexicons/fr/determiners.txt", &n->determiners},
                 {"lexicons/fr/act-marks.txt", &n->act_marks},
                 {"lexicons/fr/korean-surnames.txt", &n->korean_surnames},
                 {"lexicons/fr/polish-endings.txt", &n->polish_endings},
                 {"lexicons/fr/romanian-endings.txt", &n->romanian_endings},
                 {"lexicons/fr/slavic-endings.txt", &n->slavic_endings},
                 {"lexicons/fr/english-name-endings.txt", &n->english_name_endings},
                 {"lexicons/fr/glued-words.txt", &n->glued_words},
                 {"lexicons/fr/glued-before-capital.txt", &n->glued_before_capital},
                 {"rules/fr/stopwords.txt", &n->function_words}};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        if (word_set_load(lists[k].rel, lists[k].list, err) < 0)
            return -1;
    if (unit_table_load("lexicons/fr/units.tsv", &n->units, err) < 0 ||
        currency_table_load("lexicons/fr/currencies.tsv", &n->currencies, err) < 0 ||
        respell_table_load("lexicons/fr/espeak-respell.tsv", &n->respell, err) < 0 ||
        respell_table_load("lexicons/fr/tlds-said.tsv", &n->tld_said, err) < 0 ||
        respell_table_load("lexicons/fr/file-extensions.tsv", &n->file_extensions, err) < 0 ||
        respell_table_load("lexicons/fr/after-amount.tsv", &n->after_amount, err) < 0 ||
        respell_table_load("lexicons/fr/year-parts.tsv", &n->year_parts, err) < 0 ||
        respell_table_load("lexicons/fr/compass-points.tsv", &n->compass_points, err) < 0 ||
        respell_table_load("lexicons/fr/loan-nouns.tsv", &n->loan_nouns, err) < 0 ||
        respell_table_load("lexicons/fr/name-endings.tsv", &n->name_endings, err) < 0 ||
        respell_table_load("lexicons/fr/english-switch.tsv", &n->english_switch, err) < 0)
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
    n->accents = accent_index_new();
    n->genders = gender_index_new();
    n->word_lists = calloc(1, sizeof *n->word_lists);
    if (!n->accents || !n->genders || !n->word_lists || load_builtin_lexicons(n, err) < 0 || load_word_lists(n, err) < 0) {
        ora_normalizer_free(n);
        return NULL;
    }
    set_may_start(n);
    for (size_t k = 0; k < n->glued_words.list.n; k++) {
        const char *w = n->glued_words.list.items[k];
        size_t l = strlen(w);
        if (l)
            n->glued_last[(unsigned char)w[l - 1]] = true;
    }
    for (size_t k = 0; k < n->loan_nouns.n; k++)
        n->loan_first[(unsigned char)n->loan_nouns.items[k].from[0]] = true;
    return n;
}

int ora_normalizer_add_lexicon(ora_normalizer *n, const char *path, ora_error *err)
{
    int rc = lexicon_load_pls(&n->lex, path, err);
    set_may_start(n);
    return rc;
}

int ora_normalizer_set_lang_switch(ora_normalizer *n, bool on, ora_error *err)
{
    foreign_lists_free(&n->foreign);
    return on ? foreign_lists_load(&n->foreign, err) : 0;
}

void ora_normalizer_free(ora_normalizer *n)
{
    if (!n)
        return;
    foreign_lists_free(&n->foreign);
    if (n->word_lists)
        foreign_lists_free(&n->word_lists->lists);
    free(n->word_lists);
    accent_index_free(n->accents);
    gender_index_free(n->genders);
    lexicon_free(&n->lex);
    word_set *lists[] = {&n->feminine,    &n->masculine,
                            &n->label_nouns, &n->season_nouns, &n->score_words, &n->reference_cues, &n->street_nouns, &n->phone_cues, &n->country_codes, &n->silent_hosts, &n->before_name, &n->not_before_name, &n->after_determiner, &n->before_number, &n->before_colon,
                            &n->before_unit,
                            &n->tlds, &n->regnal_names, &n->name_titles, &n->determiners, &n->act_marks,
                            &n->korean_surnames, &n->polish_endings, &n->romanian_endings, &n->slavic_endings,
                            &n->english_name_endings,
                            &n->glued_words, &n->glued_before_capital, &n->function_words};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        word_set_free(lists[k]);
    unit_table_free(&n->units);
    currency_table_free(&n->currencies);
    respell_table_free(&n->respell);
    respell_table_free(&n->tld_said);
    respell_table_free(&n->file_extensions);
    respell_table_free(&n->after_amount);
    respell_table_free(&n->year_parts);
    respell_table_free(&n->compass_points);
    respell_table_free(&n->loan_nouns);
    respell_table_free(&n->name_endings);
    respell_table_free(&n->english_switch);
    free(n);
}

static int normalize_clean(const ora_normalizer *n, const char *text, size_t len,
                           ora_normalized *out, ora_error *err)
{
    memset(out, 0, sizeof *out);
    struct word_memo memo[MEMO_WORDS];
    for (size_t k = 0; k < MEMO_WORDS; k++)
        memo[k] = (struct word_memo){SIZE_MAX, 0};
    pass p = {n, text, len, out, {0}, false, 0, 0, memo};
    sb_init(&p.text);
    for (size_t i = 0; i < len;) {
        /* a stop is looked at only where a word or a rule's words end
         * ("mois.Au", "Sarkozy.Le", "».Cette"): a run of copied bytes
         * never stops on one */
        size_t glued = text[i] == '.' || text[i] == '?' || text[i] == '!' ? glued_stop_after(&p, i)
                       : text[i] == ';' ? glued_semicolon(&p, i) : 0;
        if (glued) {
            i += glued;
            continue;
        }
        if (!n->may_start[(unsigned char)text[i]]) {
            size_t j = i + 1;
            while (j < len && !n->may_start[(unsigned char)text[j]] &&
                   !(text[j] == '.' && (text[j - 1] == ')' || text[j - 1] == '"')))
                j++; /* "(clause 30).La": a stop after a bracket may part two sentences */
            copy(&p, i, j);
            i = j;
            continue;
        }
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
    flush_copy(&p);
    /* a text may say nothing ("pic.twitter.com/AaIeKA0h8f" alone): its
     * buffer, never added to, is reserved here, and only failing that is
     * a lack of memory */
    if (!p.text.s && len && sb_reserve(&p.text, 0) < 0) {
        ora_set_error(err, "out of memory while normalizing");
        free(out->spans);
        memset(out, 0, sizeof *out);
        return -1;
    }
    out->len = p.text.len;
    out->text = sb_take(&p.text);
    return 0;
}

/* Texts with soft hyphens, NFD accents, superscripts and the like are
 * cleaned first (clean.c); the spans then point back to the written bytes. */
static int normalize_text(const ora_normalizer *n, const char *text, size_t len,
                          ora_normalized *out, ora_error *err)
{
    if (!clean_needed(text, len))
        return normalize_clean(n, text, len, out, err);
    char *clean;
    size_t clean_len, *map;
    if (clean_text(text, len, &clean, &clean_len, &map) < 0) {
        ora_set_error(err, "out of memory while normalizing");
        return -1;
    }
    int rc = normalize_clean(n, clean, clean_len, out, err);
    for (size_t k = 0; rc == 0 && k < out->n_spans; k++) {
        ora_span *sp = &out->spans[k];
        sp->src_start = map[sp->src_start];
        sp->src_end = map[sp->src_end];
    }
    free(clean);
    free(map);
    return rc;
}

/* Other languages are found in the words to say, where numbers and
 * abbreviations are already French words and cannot join a run. */
int ora_normalize(const ora_normalizer *n, const char *text, size_t len,
                  ora_normalized *out, ora_error *err)
{
    if (normalize_text(n, text, len, out, err) < 0)
        return -1;
    if (n->foreign.n && foreign_find_runs(&n->foreign, out->text, out->len, out) < 0) {
        ora_normalized_free(out);
        ora_set_error(err, "out of memory while normalizing");
        return -1;
    }
    return 0;
}

size_t normalized_source_of(const ora_normalized *nz, size_t off, size_t written_len,
                            size_t *cursor)
{
    size_t k = cursor && *cursor < nz->n_spans && off >= nz->spans[*cursor].out_start ? *cursor : 0;
    for (; k < nz->n_spans; k++) {
        const ora_span *sp = &nz->spans[k];
        if (off >= sp->out_end)
            continue;
        if (cursor)
            *cursor = k;
        if (off < sp->out_start)
            return sp->src_start < written_len ? sp->src_start : written_len;
        bool copied = sp->out_end - sp->out_start == sp->src_end - sp->src_start;
        size_t w = copied ? sp->src_start + (off - sp->out_start) : sp->src_start;
        return w < written_len ? w : written_len;
    }
    return written_len;
}

void ora_normalized_free(ora_normalized *r)
{
    free(r->text);
    free(r->runs);
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
