/* What the normalizer's rule files share: the normalizer's data, one pass
 * over a text, output with alignment, and the scanning helpers every rule
 * uses. Not part of the public API.
 *
 * A rule is a function that looks at the source at byte i (always at a word
 * boundary), and either returns 0 (not mine) or writes words with emit()
 * and returns how many source bytes it consumed. */
#ifndef ORA_NORMALIZE_H
#define ORA_NORMALIZE_H

#include <string.h>

#include "lexicon.h"
#include "numwords.h"

/* One unit or currency: "km" → kilomètre / kilomètres. */
typedef struct {
    char *symbol, *singular, *plural;
    bool feminine;
    bool alone; /* said without a number too: "le prix du m²" */
    bool digits; /* said only after digits: "un CV" is a résumé */
    bool period; /* a length of time: "2 jours/2 nuits" is no dose */
    bool glued; /* said only glued to its digits: "48H", not "article 1519 H" */
    uint32_t next_same; /* 1 + the next unit whose symbol starts with the same byte, 0: none */
} unit_name;

typedef struct {
    unit_name *items;
    size_t n;
    uint32_t first[256]; /* 1 + the first unit whose symbol starts with a byte, 0: none */
    bool alone_pair[1024]; /* first two bytes of the symbols said alone, hashed */
} unit_table;

static inline size_t unit_pair_hash(const char *s)
{
    return ((size_t)(unsigned char)s[0] * 31 + (unsigned char)s[1]) & 1023;
}

/* A currency: "€" → euro / euros, centime / centimes, "d'euros". */
typedef struct {
    char *symbol, *singular, *plural, *cent_singular, *cent_plural, *of_form;
} currency_name;

typedef struct {
    currency_name *items;
    size_t n;
    bool starts[256]; /* the first bytes of the symbols: most words start none */
} currency_table;

/* A substitution in generated words that eSpeak NG would misread. */
typedef struct {
    char *from, *to;
    size_t from_len;
    bool prefix; /* matches the start of a word, not only a whole word */
    uint32_t next_same; /* 1 + the next entry whose from starts with the same byte, 0: none */
} respelling;

typedef struct {
    respelling *items;
    size_t n;
    uint32_t first[256]; /* 1 + the first entry whose from starts with a byte, 0: none */
} respell_table;

/* A word list from a data file with a hash index, so that asking whether
 * a word is in it costs one look-up, not a pass over the list. */
#define WORD_SET_BITS 4096

typedef struct {
    phrase_list list;
    size_t *slots; /* index + 1 into list.items, 0 when empty */
    size_t n_slots;
    /* a bit per word's hash: most words asked are in no set, and the bits
     * say so from the cache, where a probe read a word's bytes */
    uint64_t bits[WORD_SET_BITS / 64];
    const char **endings; /* the "*tion" lines, without the star */
    size_t *ending_len;
    size_t n_endings;
} word_set;

int word_set_load(const char *rel, word_set *ws, ora_error *err);
void word_set_free(word_set *ws);
bool word_set_has(const word_set *ws, const char *s, size_t n);

/* Another language's word list (foreign.c): the hash of each word folded
 * to lower case, with flags saying what the lists know of it. */
typedef struct {
    char lang[8];
    uint64_t *slots; /* high bits of a word's hash, its flags in the low byte; 0: empty */
    uint64_t *seen;  /* a bit per hash seen: a cheap "surely not" */
    uint64_t *only;  /* the same, for the words only this list has in lower case */
    size_t mask;     /* slots - 1, the count a power of two */
    size_t n_words;
} foreign_list;

typedef struct {
    foreign_list *v;
    size_t n;
    word_set titles; /* Monsieur, Saint: a name follows, said in French */
    script_voices scripts; /* a run of their letters is said by their voice */
} foreign_lists;

int foreign_lists_load(foreign_lists *fl, ora_error *err);
void foreign_lists_free(foreign_lists *fl);
/* Whether one of the other languages' lists has the word (any case). */
bool foreign_has_word(const foreign_lists *fl, const char *s, size_t n);
/* Whether another language's list has the word in lower case: a common
 * word ("replace", "equal", "sage"), not a name or an acronym. */
bool foreign_common_word(const foreign_lists *fl, const char *s, size_t n);
/* Whether a list has the word capitalized, a name ("Paul", "Sophie"). */
bool foreign_proper_name(const foreign_lists *fl, const char *s, size_t n);
/* Whether another language's list has s in lower case and French's has not
 * ("game", "the"; not "match"). */
bool foreign_only_word(const foreign_lists *fl, const char *s, size_t n);
/* The lists for a look-up when the language switch is off: read at the
 * first call, empty when they cannot be read. */
typedef struct {
    bool tried;
    foreign_lists lists;
} lazy_lists;
const foreign_lists *lazy_lists_get(lazy_lists *l);
/* Appends the runs of foreign words in s to out->runs, in order. */
int foreign_find_runs(const foreign_lists *fl, const char *s, size_t len,
                      ora_normalized *out);

/* Genders of nouns from a Hunspell dictionary (genders.c): 'f', 'm', or 0
 * when it knows none, or both. The dictionary is read at the first call. */
typedef struct gender_index gender_index;
gender_index *gender_index_new(void);
void gender_index_free(gender_index *g);
char dictionary_gender(gender_index *g, const char *s, size_t n);

/* Accents of words written without them, in capitals or not (accents.c). */
typedef struct accent_index accent_index;
accent_index *accent_index_new(void);
void accent_index_free(accent_index *x);
/* The accented word a word written without its accents stands for
 * ("SECURITE" → sécurité), NULL when there is none or more than one, or
 * the spelling is a word itself. The index is built at the first call. */
const char *accent_restore(accent_index *x, const char *s, size_t n);
/* The same, and for a spelling of several accented words the accents
 * they all share ("SECURISE" → sécurise: sécurise and sécurisé have its
 * é). NULL where they share none, or the spelling is a word itself. */
const char *accent_shared(accent_index *x, const char *s, size_t n);
/* accent_shared's word, and in *shared whether several words share it
 * (accent_restore gives it when not). */
const char *accent_restore_or_shared(accent_index *x, const char *s, size_t n, bool *shared);
/* A cheap first test for accent_restore: false when the word surely has
 * no accented form (most words of a text), true when it may. */
bool accent_maybe(accent_index *x, const char *s, size_t n);
/* Whether the list holds this plain lower-case word of four letters or
 * more ("commerces"; not "nupes"). */
bool french_plain_word(accent_index *x, const char *lower, size_t n);
/* Whether the list holds this lower-case word, accented or plain
 * ("désinscrire", "commerces"; not "desinscrire"). */
bool french_word_as_written(accent_index *x, const char *lower, size_t n);
/* Whether the French word list could be read (french_plain_word knows
 * words); the first call builds its index. */
bool french_list_loaded(accent_index *x);
/* The French word list of lexicons/fr/word-lists.tsv (foreign.c), NULL
 * when it names none; the caller frees it. */
char *french_word_list_path(void);

struct ora_normalizer {
    lexicon lex;
    word_set feminine;      /* nouns; "*tion" entries are endings */
    word_set masculine;     /* exceptions to the feminine endings */
    word_set label_nouns;   /* page, article: a number after is a label */
    word_set season_nouns;  /* saison, exercice: "2023-2024" after is one span */
    word_set score_words;   /* gagne, contre: "13-07" beside is a score */
    word_set reference_cues; /* voir, cf.: "voir [2]" says the note it points to */
    word_set street_nouns;  /* rue, avenue: the number before is a house's */
    word_set phone_cues;    /* appeler, composez: a short number after */
    word_set country_codes; /* 33, 32, 1: a glued "+33612345678" parts after it */
    word_set silent_hosts;  /* t.co, bit.ly: a link to one is not said */
    word_set before_name;   /* "Me": expanded only before a name */
    word_set not_before_name; /* "dos": respelled except before a name ("dos Santos") */
    word_set after_determiner; /* "Gal": général after "le", not in "Gal Gadot" */
    word_set before_number; /* "vol.": expanded only before a number */
    word_set before_colon;  /* "ex": exemple only before a colon */
    word_set before_unit;   /* le, du, par: a unit symbol without a number after */
    word_set tlds;          /* fr, com: the end of a domain name */
    word_set regnal_names;  /* François, Dagobert: "I" after them is premier */
    word_set name_titles;   /* M., Madame: a surname in capitals follows */
    word_set determiners;   /* le, ces: a noun follows */
    word_set act_marks;     /* UE, CE: "(UE) 2016/679" is an act's reference */
    word_set korean_surnames; /* Kim, Moon: a hyphenated given name after is Korean */
    word_set polish_endings;  /* -ski, -wicz: a name ending so is Polish */
    word_set romanian_endings; /* -escu, -eanu: a name ending so is Romanian */
    word_set slavic_endings; /* -vic, -dic: a name ending so is Serbian, Croatian */
    word_set english_name_endings; /* -ey, -ing: a name ending so is English */
    word_set glued_words;   /* par, dans: glued to the word before when a space is lost */
    word_set glued_before_capital; /* de, après: glued to the name after ("d'aprèsJacques") */
    word_set function_words; /* le, dans, pour: capitalized, no rule rewrites them */
    unit_table units;
    currency_table currencies;
    respell_table respell;
    respell_table tld_said; /* be → bé: endings eSpeak NG would read as a word */
    respell_table file_extensions; /* "pdf": p d f, in "rapport.pdf" */
    respell_table after_amount; /* CC → charges comprises, after an amount of money */
    respell_table year_parts; /* T1 → premier trimestre, before a year */
    respell_table compass_points; /* SO → sud-ouest, after a wind */
    respell_table loan_nouns; /* supporter → supportèr, where a noun stands */
    respell_table name_endings; /* -willer → -vilère at the end of a name */
    respell_table english_switch; /* -all → -al: what eSpeak NG hands to English */
    num_dialect dialect;
    foreign_lists foreign;  /* empty unless lang switch is on */
    lazy_lists *word_lists; /* the same lists, read when a rule first asks with the switch off */
    accent_index *accents;  /* built when a capitals word first needs it */
    gender_index *genders;  /* read when a number ending in 1 first asks */
    bool may_start[256]; /* bytes a rule can start with; others are copied */
    bool glued_last[256]; /* last letters of glued_words: a word ending otherwise has none */
    bool loan_first[256]; /* first letters of loan_nouns: a word starting otherwise is none */
};

typedef struct {
    const ora_normalizer *nz;
    const char *s;
    size_t len;
    ora_normalized *out;
    strbuf text;
    bool last_is_copy; /* the last span holds copied bytes: extend it */
    size_t pend_from, pend_to; /* source bytes to copy, not yet written */
    /* the words word_end was last asked, by the low bits of their start:
     * the rules tried on a word each ask it again, and ask the next word's
     * end between (MEMO_WORDS entries) */
    struct word_memo {
        size_t from, to;
    } *memo;
} pass;

#define MEMO_WORDS 4

/* The end of the word at i: word_end_scan finds it and notes it in the
 * pass's memo, which word_end asks first, inline (the rules tried on a
 * word each ask again: half the calls, each a call for a look-up). */
size_t word_end_scan(const pass *p, size_t i);
static inline size_t word_end(const pass *p, size_t i)
{
    const struct word_memo *m = p->memo ? &p->memo[i % MEMO_WORDS] : NULL;
    return m && m->from == i ? m->to : word_end_scan(p, i);
}

/* ── Output (normalize.c) ──────────────────────────────────────────────── */

/* Writes words for source bytes [from, to), respelled for eSpeak NG. */
void emit(pass *p, size_t from, size_t to, const char *words);
/* The same, not respelled: words eSpeak NG reads right as written. */
void emit_as_written(pass *p, size_t from, size_t to, const char *words);
/* Emits the words built in b for [from, to), frees b, returns to - from:
 * the usual last step of a rule. */
size_t emit_built(pass *p, size_t from, size_t to, strbuf *b);
/* Emits the cardinal v (masculine, variable) for [from, to). */
size_t emit_cardinal(pass *p, size_t from, size_t to, unsigned long long v);
/* The same between words: "années " before, ". " after. */
size_t emit_cardinal_with(pass *p, size_t from, size_t to, unsigned long long v, const char *before,
                          const char *after);
/* Copies source bytes [from, to) unchanged. */
void copy(pass *p, size_t from, size_t to);

/* ── Scanning (normalize_scan.c) ───────────────────────────────────────── */

/* The tests every rule makes on every word are inline: as calls they
 * cost more than they test. A non-ASCII letter is is_letter_beyond_ascii's. */
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
/* 0-9, A-Z, a-z as a bit set of the 256 byte values: one shift and one
 * test a byte, in word_end's loop over most letters of a text. */
static inline bool is_ascii_alnum(unsigned char c)
{
    static const uint64_t alnum[4] = {0x03FF000000000000ull, 0x07FFFFFE07FFFFFEull, 0, 0};
    return alnum[c >> 6] >> (c & 63) & 1;
}
bool ascii_only(const char *s, size_t n);
bool is_letter_beyond_ascii(const char *s, size_t len, size_t i);
static inline bool is_letter_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return is_letter_beyond_ascii(s, len, i);
}
static inline bool is_word_at(const char *s, size_t len, size_t i)
{
    return i < len && (is_digit(s[i]) || is_letter_at(s, len, i));
}
/* Start of the code point that ends just before i. */
static inline size_t prev_char_start(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    return j ? j - 1 : 0;
}

/* Whether a word's letter or digit ends just before i: "1" in "1ᵉʳ", "s"
 * in "supplémentaires*", "Canal" in "Canal+". */
static inline bool word_ends_before(const char *s, size_t len, size_t i)
{
    return i > 0 && is_word_at(s, len, prev_char_start(s, i));
}
static inline bool at_boundary(const pass *p, size_t i)
{
    return !word_ends_before(p->s, p->len, i);
}
/* A space that may separate thousands or a number from its unit: ' ',
 * U+00A0, U+202F, U+2009. Returns its length, 0 if none. */
size_t space_len(const char *s, size_t len, size_t i);
size_t digits_at(const char *s, size_t len, size_t i);
/* Digits with their decimals after a comma ("67,8"), 0 if no digit. */
size_t decimal_digits_at(const char *s, size_t len, size_t i);
/* A hyphen or en dash between two ends of a range, spaces around it or
 * not ("9h-12h", "2 °C – 8 °C"): its bytes from j with the spaces, 0 if
 * there is none. */
size_t range_dash_between(const pass *p, size_t j);
unsigned long long to_ull(const char *s, size_t n);

/* Inline: the rules call it with literals, whose length the compiler
 * then knows (it was a tenth of the normalizer's time as a call). */
static inline bool starts_with_at(const pass *p, size_t i, const char *lit)
{
    if (i >= p->len || p->s[i] != lit[0])
        return false; /* the common case, before the length */
    size_t l = strlen(lit);
    return i + l <= p->len && memcmp(p->s + i, lit, l) == 0;
}
/* Whether source bytes at i start with lit and the word ends there
 * (inline, as above). */
static inline bool word_is(const pass *p, size_t i, const char *lit)
{
    return starts_with_at(p, i, lit) && !is_word_at(p->s, p->len, i + strlen(lit));
}
/* Whether the source bytes before e end with lit (inline, as above). */
static inline bool ends_with_bytes(const pass *p, size_t e, const char *lit)
{
    size_t n = strlen(lit);
    return e >= n && memcmp(p->s + e - n, lit, n) == 0;
}
/* Whether an apostrophe (' or ’) ends just before i, and where it starts. */
bool after_apostrophe(const pass *p, size_t i);
size_t apostrophe_start(const pass *p, size_t i);
size_t apostrophe_at(const pass *p, size_t i); /* the bytes of ' or ’ at i, 0 when none */

typedef struct {
    size_t start, end; /* empty when start == end */
} word_ref;

/* The word after optional spaces at i, and the one before i. */
word_ref next_word(const pass *p, size_t i);
word_ref prev_word(const pass *p, size_t i);
/* Whether the French list holds the word in small letters ("Thermes", "FIN"). */
bool french_word_any_case(const pass *p, const char *s, size_t n);
bool word_in(const pass *p, word_ref w, const word_set *set);
bool after_plural_determiner(const pass *p, size_t i);
/* Whether [s, s+n) is one of the count strings of list. */
bool one_of(const char *s, size_t n, const char *const *list, size_t count);
/* Whether w is one of words, its first letter in either case. */
bool word_among(const pass *p, word_ref w, const char *const *words, size_t n);
bool word_is_feminine(const pass *p, word_ref w);
/* Whether the word before i, past a "le" or "les", is "entre": the two
 * ends of a span after it are joined by "et" ("entre 10-15 ans"). */
bool after_between(const pass *p, size_t i);
bool word_capitalized(const pass *p, word_ref w);
/* The bytes of the capital letter at k (ASCII, or É, È…), 0 if none. */
size_t capital_at(const pass *p, size_t k);
bool capitalized_ascii(const char *s, size_t n); /* "Sall", not "SALL" or "Sallé" */
/* A word that ends in s or x: likely a plural noun. */
bool word_plural_like(const pass *p, word_ref w);

num_style style(const pass *p, bool feminine, bool invariable);

/* ── Rules ─────────────────────────────────────────────────────────────── */

/* normalize_numbers.c */
size_t rule_phone(pass *p, size_t i);
/* "de", "des", "à", "et", "le"…: a small function word (numbers.c). */
bool word_is_function(const pass *p, word_ref w);
size_t rule_bracketed_area_code(pass *p, size_t i);
size_t rule_number(pass *p, size_t i);
size_t rule_signed_number(pass *p, size_t i);
size_t rule_plus_number(pass *p, size_t i);
size_t rule_relative_index(pass *p, size_t i);
size_t rule_minus_after_to(pass *p, size_t i);
size_t rule_fraction(pass *p, size_t i);
size_t rule_dashed_sets(pass *p, size_t i);
size_t rule_id_groups(pass *p, size_t i);
size_t rule_times_sign(pass *p, size_t i);
size_t rule_spaced_times(pass *p, size_t i);
size_t rule_word_number_unit(pass *p, size_t i);
size_t glued_count_at(const pass *p, size_t i, size_t e);
size_t word_number_unit(pass *p, size_t i, size_t e); /* e: the word's end */
size_t rule_dimensions(pass *p, size_t i);
size_t rule_power_of_ten(pass *p, size_t i);
size_t rule_scientific(pass *p, size_t i);
size_t rule_year_part(pass *p, size_t i);
/* Whether a power of ten with its exponent ("10⁸", "10^6") starts at k. */
bool power_of_ten_at(const pass *p, size_t k);
/* Writes a plain number (digits [i, i+n)) in words into b. */
void say_number_text(const pass *p, strbuf *b, const char *digits, size_t n,
                     bool feminine);

/* normalize_time.c */
size_t rule_time(pass *p, size_t i);
size_t rule_pace(pass *p, size_t i);
size_t rule_chrono(pass *p, size_t i);
size_t rule_numeric_date(pass *p, size_t i);
size_t rule_iso_date(pass *p, size_t i);
size_t rule_day_month(pass *p, size_t i);
size_t rule_day_month_numeric(pass *p, size_t i);
size_t rule_weekday_span(pass *p, size_t i);
size_t rule_shootout(pass *p, size_t i);
size_t rule_code_minus(pass *p, size_t i);
size_t rule_day_before_month(pass *p, size_t i);
size_t rule_per(pass *p, size_t i);

/* normalize_units.c */
size_t rule_money_prefix(pass *p, size_t i);
size_t rule_symbol(pass *p, size_t i);
size_t rule_formula_sign(pass *p, size_t i);
/* After a number with value v (frac: it had decimals) ending at j: a unit or
 * currency. Writes its words into b and returns the bytes consumed. */
/* Whether a unit symbol of two letters or more starts at j and ends the
 * word at e ("8MP", "110CV"): a measure, not a code. */
/* The bytes of the unit symbol at j ("cm" in "20cmx20cm"), 0 when none. */
size_t unit_symbol_len(const pass *p, size_t j);
bool unit_glued_at(const pass *p, size_t j, size_t e);
/* Whether a unit symbol, a percent sign or a currency follows the number ending at j
 * ("10/12 %", "15/16 °C", "18/12 €"): the numbers are a measure, not a date. */
bool measure_follows(const pass *p, size_t j);
/* Whether the unit after the spaces at j may follow a number in words
 * ("deux km"); units.tsv marks those that may not ("un CV"). */
bool unit_after_words(const pass *p, size_t j);
/* Whether the word w names a unit or a currency in full ("litres", "euros"). */
bool measure_word(const pass *p, word_ref w);
/* Whether "de" is elided before the word: a vowel, or an h that is not
 * aspirated ("d'hectares", "d'habitants", but "de hertz"). */
bool de_elides_before(const char *word);
/* Whether the text before e ends with a number and a unit ("5 mg"). */
bool quantity_ends_at(const pass *p, size_t e);
const unit_name *unit_after_fraction(const pass *p, size_t j, size_t *len);
size_t unit_after_number(const pass *p, size_t j, strbuf *b, double v,
                         bool *feminine);
size_t currency_after_number(const pass *p, size_t j, const currency_name **c,
                             const char **scale);
/* The currency of the table written so ("Fr."), NULL when none is. */
const currency_name *currency_named(const pass *p, const char *symbol);
bool currency_word_at(const pass *p, size_t j, size_t e);
void say_money(const pass *p, strbuf *b, const currency_name *c,
               const char *scale, const char *ip, size_t ni, const char *fp,
               size_t nf);
const currency_name *currency_at(const pass *p, size_t i, size_t *len);

/* normalize_words.c */
size_t rule_lexicon(pass *p, size_t i);
size_t rule_roman(pass *p, size_t i);
size_t rule_roman_heading(pass *p, size_t i);
size_t rule_alnum(pass *p, size_t i);
size_t rule_acronym(pass *p, size_t i);
size_t rule_unit_alone(pass *p, size_t i);
size_t rule_bracketed_letters(pass *p, size_t i);
size_t rule_footnote_call(pass *p, size_t i);
size_t rule_glued_note_call(pass *p, size_t i);
size_t rule_iban(pass *p, size_t i);
size_t rule_list_comma(pass *p, size_t i);
/* "2M de vues", "3 Mds": million or milliard letters after a number at j (numbers.c). */
size_t scale_letters(const pass *p, size_t j, bool decimal, const char **word);
size_t rule_titlecase_acronym(pass *p, size_t i);
size_t rule_lost_accents(pass *p, size_t i);
size_t rule_glued_acronym(pass *p, size_t i);
size_t rule_i_product(pass *p, size_t i, size_t e);
size_t rule_acronym_plural(pass *p, size_t i);
size_t rule_mixed_initials(pass *p, size_t i);
size_t rule_dotted_initials(pass *p, size_t i);
size_t rule_plus_bullet(pass *p, size_t i);
size_t rule_glued_subclass(pass *p, size_t i);
size_t rule_compass_point(pass *p, size_t i);
size_t rule_month_capitals(pass *p, size_t i);
/* Whether w names a month: "mai", "MAI", "sept." after a day. */
bool names_month(const pass *p, word_ref w);
size_t rule_times_prefix(pass *p, size_t i);
size_t rule_rating(pass *p, size_t i);
size_t lost_accents_at(pass *p, size_t i, size_t e);
size_t rule_glued_word(pass *p, size_t i, size_t e); /* e: the word's end */
size_t rule_glued_capital(pass *p, size_t i, size_t e);
size_t rule_loan_noun(pass *p, size_t i, size_t e); /* "les supporters" */
size_t rule_french_name(pass *p, size_t i);
size_t rule_initial_th(pass *p, size_t i);
size_t rule_learned_thr(pass *p, size_t i);
size_t rule_name_spelling(pass *p, size_t i);
size_t rule_address(pass *p, size_t i);
size_t rule_glued_stop(pass *p, size_t i);
size_t rule_agency_credit(pass *p, size_t i);
size_t rule_emphasis_marks(pass *p, size_t i);
size_t rule_initials_hyphen(pass *p, size_t i);
size_t rule_spaced_minus(pass *p, size_t i);
size_t rule_lower_initialism(pass *p, size_t i, size_t e);
size_t rule_inclusive(pass *p, size_t i);
/* Writes an all-capitals word: a lexicon alias, a word, or letters. */
void say_capitals(const pass *p, strbuf *b, const char *s, size_t n);

/* clean.c: whether the text has forms the clean-up changes, and the
 * clean-up itself; map[k] is the source byte of clean byte k (map[out_len]
 * is len). */
bool clean_needed(const char *s, size_t len);
bool dash_opens_number(const char *s, size_t len, size_t i, size_t num);
int clean_text(const char *s, size_t len, char **out, size_t *out_len, size_t **map);

/* Data files (normalize_data.c) */
int unit_table_load(const char *rel, unit_table *t, ora_error *err);
void unit_table_free(unit_table *t);
int currency_table_load(const char *rel, currency_table *t, ora_error *err);
void currency_table_free(currency_table *t);
int respell_table_load(const char *rel, respell_table *t, ora_error *err);
void respell_table_free(respell_table *t);
/* Applies the respellings to generated words. */
void respell_apply(const respell_table *t, strbuf *out, const char *words);
/* The respelling that applies at word start w (NUL-terminated), if any. */
const respelling *respelling_at(const respell_table *t, const char *w);
/* What the table says for the n bytes at s, an entry whole ("CC",
 * "supporter"), NULL when it has none. */
const char *respell_exact(const respell_table *t, const char *s, size_t n);

#endif
