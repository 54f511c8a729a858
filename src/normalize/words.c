/* Words that are not read as written: lexicon entries (abbreviations,
 * acronyms, names), Roman numerals, letters mixed with digits ("G20"),
 * unknown all-capitals words and web or e-mail addresses. */
#include "normalize.h"

#include <ctype.h>
#include <string.h>

static bool alias_is_lower_word(const char *alias, const char *s, size_t n);
static bool beside_spelled_acronym(const pass *p, size_t i, size_t e);
static bool held_as_acronym(const pass *p, size_t i, size_t e);
static bool word_alias_is_acronym(const pass *p, const char *alias, size_t i, size_t e);
static size_t caps_run(const pass *p, size_t i, size_t e);
static bool only_ivx(const char *s, size_t n);

/* ── Lexicon ───────────────────────────────────────────────────────────── */

/* Abbreviation marks after a word: "M.", "J.-C.", "n°". */
static size_t skip_abbreviation_marks(const pass *p, size_t e)
{
    for (;;) {
        size_t a = apostrophe_at(p, e);
        if (e < p->len && (p->s[e] == '.' || p->s[e] == '-'))
            e++;
        else if (a && is_letter_at(p->s, p->len, e + a))
            e += a; /* "prud'hommes", "dos-d'âne": one word of the lexicon */
        else if (starts_with_at(p, e, "\xC2\xB0") || starts_with_at(p, e, "\xC2\xBA"))
            e += 2; /* "n°" and "nº" */
        else
            return e;
    }
}

/* Where a lexicon match may end: after a word, or after marks that close
 * an abbreviation ("n°1": the mark ends it even before a digit). */
static bool may_end_at(const pass *p, size_t e)
{
    if (!is_word_at(p->s, p->len, e))
        return true;
    unsigned char last = (unsigned char)p->s[e - 1];
    return last == '.' || last == 0xB0 || last == 0xBA;
}

/* Whether a determiner stands before i that is no part of a name: "le
 * Gal", "Le Gal" opening a sentence, but not "Thibault Le Gal", where a
 * capitalized Le after a name is the surname's. */
static bool name_free_determiner_before(const pass *p, size_t i)
{
    word_ref d = prev_word(p, i);
    if (!word_in(p, d, &p->nz->determiners))
        return false;
    if (!word_capitalized(p, d) || d.start < 2 || p->s[d.start - 1] != ' ')
        return true;
    word_ref before = prev_word(p, d.start);
    return before.end != d.start - 1 || !word_capitalized(p, before);
}

/* "Me" is Maître only before a name: "Me Delmas", not "Me voilà"; "vol."
 * is volume only before a number: "vol. 3", not "la conduite du vol.";
 * "dos" is the French word but in a name ("José Eduardo dos Santos");
 * "Gal" is général only after a determiner ("le Gal", not "Gal Gadot"). */
static bool context_missing_after(const pass *p, size_t i, size_t e)
{
    word_ref w = {i, e};
    if (word_in(p, w, &p->nz->before_name)) { /* a Roman number is no name: "pl. III" */
        word_ref n = next_word(p, e);
        return !word_capitalized(p, n) || only_ivx(p->s + n.start, n.end - n.start);
    }
    if (word_in(p, w, &p->nz->not_before_name))
        return word_capitalized(p, next_word(p, e));
    if (word_in(p, w, &p->nz->after_determiner))
        return !name_free_determiner_before(p, i);
    if (word_in(p, w, &p->nz->before_colon)) {
        size_t k = e + space_len(p->s, p->len, e);
        return k >= p->len || p->s[k] != ':';
    }
    if (!word_in(p, w, &p->nz->before_number))
        return false;
    size_t k = e + space_len(p->s, p->len, e), r;
    if (k < p->len && p->s[k] == ':')
        k += 1 + space_len(p->s, p->len, k + 1); /* "Tel : 04 94…" */
    if (k + 1 < p->len && p->s[k] == '+' && is_digit(p->s[k + 1]))
        k++; /* "Tel +33 4…" */
    if (k >= p->len)
        return true;
    r = k;
    while (r < p->len && strchr("IVXLC", p->s[r]) && p->s[r])
        r++; /* a Roman number is a word of these letters: "vol. IV", not "vol. Le" */
    if (k + 1 < p->len && strchr("LRD", p->s[k]) && p->s[k]) {
        size_t d = k + 1 + (p->s[k + 1] == '.'); /* "art. D4622-1", "art. R.413-17", "art. R. 413-17": */
        d += space_len(p->s, p->len, d);          /* a code's article after its letter */
        if (d < p->len && is_digit(p->s[d]))
            return false;
    }
    return !is_digit(p->s[k]) && (r == k || is_letter_at(p->s, p->len, r));
}

/* Candidate ends of up to three tokens from i, shortest first. A token is
 * words joined by abbreviation marks ("J.-C."); a candidate ends after
 * each word and after each full stop. */
static size_t lexicon_candidates(const pass *p, size_t i, size_t ends[8])
{
    size_t n = 0, j = i;
    for (int tokens = 0; tokens < 3 && j < p->len; tokens++) {
        size_t e = j;
        for (;;) {
            size_t we = word_end(p, e), me = skip_abbreviation_marks(p, we);
            if (we > e && n < 8)
                ends[n++] = we;
            for (size_t k = we + 1; k <= me && n < 8; k++)
                if (p->s[k - 1] == '.' || k == me)
                    ends[n++] = k;
            if (me == e || me == we || !is_word_at(p->s, p->len, me))
                e = me;
            else {
                e = me;
                continue;
            }
            break;
        }
        if (e == j || e >= p->len || p->s[e] != ' ')
            break;
        j = e + 1;
    }
    return n;
}

static bool ends_line(const pass *p, size_t e)
{
    while (e < p->len && (p->s[e] == ' ' || p->s[e] == '\t'))
        e++;
    return e == p->len || p->s[e] == '\n' || p->s[e] == '\r';
}

/* Whether w, capitalized, is a stopword ("Le", "Il", "Mais"): a word that
 * opens a sentence rather than a name. */
static bool capitalized_stopword(const pass *p, word_ref w)
{
    char lower[12];
    size_t n = w.end - w.start;
    if (n == 0 || n >= sizeof lower || !is_upper_ascii(p->s[w.start]))
        return false;
    for (size_t k = 0; k < n; k++)
        lower[k] = (char)tolower((unsigned char)p->s[w.start + k]);
    return word_set_has(&p->nz->function_words, lower, n);
}

/* Whether an abbreviation's full stop at e - 1 also ends the sentence, so
 * that the voice pauses after "etcétéra": the line ends, or a stopword
 * follows ("etc. Le marché", "av. J.-C. Les Romains"). A title's alias
 * ("Monsieur") and a street's ("avenue") come before names: "M. Le Pen",
 * "av. La Fayette" go on. */
static bool stop_ends_sentence(const pass *p, size_t e, const char *alias)
{
    if (ends_line(p, e))
        return true;
    word_ref n = next_word(p, e);
    return n.start == e + 1 && !is_upper_ascii(alias[0]) && capitalized_stopword(p, n) &&
           !word_set_has(&p->nz->street_nouns, alias, strlen(alias));
}

/* Whether the lexicon has a head that is this capitalized one in lower
 * case ("Env" → "env"): see capitalized_abbreviation. */
static bool lower_head_known(const lexicon *lx, const char *s, size_t n)
{
    char lower[16];
    if (n < 3 || n >= sizeof lower || !is_upper_ascii(s[0]))
        return false;
    memcpy(lower, s, n);
    lower[0] = (char)tolower((unsigned char)lower[0]);
    return lexicon_may_start(lx, (unsigned char)lower[0]) && lexicon_has_head(lx, lower, n);
}

/* "Rdv", "Svp": three letters or more and no vowel, which no word is. */
static bool vowelless(const char *s, size_t n)
{
    if (n < 3)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!isalpha((unsigned char)s[k]) || strchr("aeiouyAEIOUY", s[k]))
            return false;
    return true;
}

/* "Env.", "Tél.", "Chap.": an abbreviation the lexicon has in lower case,
 * capitalized at the head of a sentence or a line. Three letters at
 * least before its full stop: a capital and a stop alone ("P. Dupont")
 * are an initial. Without a stop, a word of no vowel ("Rdv en 2026").
 * The lexicon's own capitalized entries come first. */
static const char *capitalized_abbreviation(const pass *p, size_t i, size_t e)
{
    char lower[16];
    size_t n = e - i;
    bool dotted = n && p->s[e - 1] == '.';
    if (n >= sizeof lower || !is_upper_ascii(p->s[i]) || (dotted ? n < 4 : !vowelless(p->s + i, n)))
        return NULL;
    for (size_t k = 1; k + dotted < n; k++)
        if (!islower((unsigned char)p->s[i + k]) && (unsigned char)p->s[i + k] < 0x80)
            return NULL; /* one word: "Env.", not "J.-C." */
    memcpy(lower, p->s + i, n);
    lower[0] = (char)tolower((unsigned char)lower[0]);
    return lexicon_lookup(&p->nz->lex, lower, n);
}

/* Whether an initial and a space stand before i ("El H. M. Fall",
 * "et J. M. Coetzee"), after a capitalized word, a short one ("et",
 * "par") or no word: then an "M." at i is the next initial, not
 * "Monsieur". After a longer small-letter word or a number, the capital
 * closed a sentence ("le plan B. M. Dupont"). */
static bool after_spaced_initial(const pass *p, size_t i)
{
    if (i < 3 || p->s[i - 1] != ' ' || p->s[i - 2] != '.' || !is_upper_ascii(p->s[i - 3]))
        return false;
    size_t k = i - 3;
    if (k > 0 && p->s[k - 1] != ' ')
        return false;
    if (k < 2 || !isalnum((unsigned char)p->s[k - 2]))
        return true;
    size_t w = k - 1;
    while (w > 0 && isalnum((unsigned char)p->s[w - 1]))
        w--;
    return is_upper_ascii(p->s[w]) || (k - 1 - w <= 3 && !is_digit(p->s[w]));
}

/* Whether a hyphen joins i to an initial or a first name before it
 * ("A.-M. Julien", "Jean-M. Durand"): an "M." at i is the compound first
 * name's second initial, not "Monsieur". */
static bool after_hyphened_initial(const pass *p, size_t i)
{
    return i >= 3 && p->s[i - 1] == '-' &&
           ((p->s[i - 2] == '.' && is_upper_ascii(p->s[i - 3])) || is_letter_at(p->s, p->len, prev_char_start(p->s, i - 1)));
}

static bool capitalized_function_word(const pass *p, word_ref w);
static const foreign_lists *word_lists(const pass *p);

/* "Seydina M. Ndiaye": a capitalized word before "M." and a name is a
 * first name, and the M. its middle initial, when French has no such
 * word ("Après M. Karoubi", "Merci M. Dupont" keep Monsieur) or the word
 * lists know it as a name of four letters or more. Not an acronym ("CNRS
 * M. Dupont"), nor a word with an accent, which the accents index cannot
 * always tell French. */
static bool first_name_before_initial(const pass *p, word_ref w)
{
    size_t n = w.end - w.start;
    if (n < 3 || n >= 64 || !islower((unsigned char)p->s[w.start + 1]) || capitalized_function_word(p, w))
        return false;
    if (!ascii_only(p->s + w.start, n))
        return false; /* "Près M. Dupont": the accents index tells no "près" from "prés" */
    return !french_word_any_case(p, p->s + w.start, n) ||
           (n >= 4 && foreign_proper_name(word_lists(p), p->s + w.start, n)); /* "Jean"; not "Mon" */
}

/* "Hans Zimmer et Lebo M.", "Lebo M. chante": an "M." right after a
 * capitalized word, with no name after it (the text ends, a sign, or a
 * word in small letters that is no particle of a name as in "M. le
 * maire", "M. de Villepin"), is that name's initial, not "Monsieur". */
static bool initial_after_name(const pass *p, size_t i)
{
    static const char *const particles[] = {"le", "la", "les", "l", "de", "du", "d", "des"};
    if (i + 1 >= p->len || p->s[i + 1] != '.' || i < 2 || p->s[i - 1] != ' ')
        return false;
    word_ref before = prev_word(p, i);
    if (before.end + 1 != i || !is_upper_ascii(p->s[before.start]))
        return false;
    size_t k = i + 2;
    while (k < p->len && p->s[k] == ' ')
        k++;
    if (k >= p->len || !is_word_at(p->s, p->len, k))
        return true; /* "Lebo M." ends the text or a clause */
    word_ref next = {k, word_end(p, k)};
    if (is_upper_ascii(p->s[k]))
        return first_name_before_initial(p, before);
    return p->s[k] >= 'a' && p->s[k] <= 'z' && !word_among(p, next, particles, sizeof particles / sizeof *particles);
}

/* Whether another language's list has s[0, n) as a common word that the
 * French list lacks ("cost", "daily"). */
static bool foreign_not_french(const pass *p, const foreign_lists *fl, const char *s, size_t n)
{
    return foreign_only_word(fl, s, n) && !french_word_any_case(p, s, n);
}

/* Whether the capitalized word at i follows, a space apart, a
 * capitalized word of another language that French lacks ("Daily Mail",
 * "Sunday Times"): it is part of that language's name, and a French
 * respelling of the lexicon ("Mail": Mèl) would break the name eSpeak
 * NG reads whole in that language. */
static bool in_foreign_name(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    size_t n = w.end - w.start;
    char lower[64];
    if (!is_upper_ascii(p->s[i]) || n < 2 || n >= sizeof lower || w.end + 1 != i || p->s[w.end] != ' ' ||
        !is_upper_ascii(p->s[w.start]) || !ascii_only(p->s + w.start, n))
        return false;
    for (size_t k = 0; k < n; k++)
        lower[k] = (char)tolower((unsigned char)p->s[w.start + k]);
    const foreign_lists *fl = word_lists(p);
    return fl->n && foreign_not_french(p, fl, lower, n);
}

/* Lexicon entries, longest first: "av. J.-C." before "J.-C.". */
size_t rule_lexicon(pass *p, size_t i)
{
    const lexicon *lx = &p->nz->lex;
    if (i >= 2 && p->s[i - 1] == '.' && is_letter_at(p->s, p->len, i - 2) &&
        (i == 2 || !is_letter_at(p->s, p->len, prev_char_start(p->s, i - 2))))
        return 0; /* "S.M.", "N.B.": the M of dotted initials is no "M." */
    if (p->s[i] == 'M' && (after_spaced_initial(p, i) || after_hyphened_initial(p, i) || initial_after_name(p, i)))
        return 0; /* "El H. M. Fall", "J. M. Coetzee", "A.-M. Julien", "Lebo M." */
    if (i >= 2 && p->s[i - 1] == '-' && is_upper_ascii(p->s[i - 2]) && p->s[i] >= 'a' && p->s[i] <= 'z')
        return 0; /* "Daily E-mail": the part of a word an English name keeps whole */
    size_t hl = lexicon_head_len(p->s + i, p->len - i);
    if ((!lexicon_may_start(lx, (unsigned char)p->s[i]) || !lexicon_has_head(lx, p->s + i, hl)) &&
        (((i + hl >= p->len || p->s[i + hl] != '.') && !vowelless(p->s + i, hl)) ||
         !lower_head_known(lx, p->s + i, hl)))
        return 0;
    size_t ends[8];
    size_t n = lexicon_candidates(p, i, ends);
    while (n--) {
        size_t e = ends[n];
        if (!may_end_at(p, e))
            continue;
        const char *alias = lexicon_lookup(&p->nz->lex, p->s + i, e - i);
        bool capital = false;
        if (!alias && (alias = capitalized_abbreviation(p, i, e)))
            capital = true; /* "Env. 300 pers.": the lexicon's "env." */
        if (alias && word_alias_is_acronym(p, alias, i, e))
            continue; /* the capitals rule decides */
        if (alias && in_foreign_name(p, i))
            return 0;
        if (alias && !context_missing_after(p, i, e)) {
            strbuf b;
            sb_init(&b);
            sb_adds(&b, alias);
            if (capital && b.s[0] >= 'a' && b.s[0] <= 'z')
                b.s[0] = (char)(b.s[0] - 'a' + 'A');
            if (after_apostrophe(p, i) && apostrophe_start(p, i) > 0 &&
                is_upper_ascii(p->s[apostrophe_start(p, i) - 1]) && b.len > 2 &&
                b.s[1] == ' ' && is_upper_ascii(b.s[0]))
                b.s[0] = (char)tolower((unsigned char)b.s[0]); /* "L'ONG": see rule_acronym */
            if (is_word_at(p->s, p->len, e))
                sb_addc(&b, ' '); /* "n°1" → numéro un */
            else if (p->s[e - 1] == '.' && stop_ends_sentence(p, e, alias))
                sb_addc(&b, '.'); /* "etc." ends the sentence too */
            return emit_built(p, i, e, &b);
        }
    }
    return 0;
}

/* ── Roman numerals ────────────────────────────────────────────────────── */

static int roman_digit(char c)
{
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

/* The value of a numeral in canonical form ("XIV", not "VIX" or "IIII"),
 * 0 otherwise: a word that only looks like a numeral is not one. */
static int roman_value(const char *s, size_t n)
{
    int total = 0;
    for (size_t k = 0; k < n; k++) {
        int v = roman_digit(s[k]), next = k + 1 < n ? roman_digit(s[k + 1]) : 0;
        if (!v)
            return 0;
        total += v < next ? -v : v;
    }
    if (total <= 0 || total >= 4000)
        return 0;
    static const struct {
        int v;
        const char *s;
    } parts[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                 {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                 {5, "V"},    {4, "IV"},   {1, "I"}};
    char canon[32];
    size_t c = 0;
    int rest = total;
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
        while (rest >= parts[k].v && c + 3 < sizeof canon) {
            for (const char *q = parts[k].s; *q; q++)
                canon[c++] = *q;
            rest -= parts[k].v;
        }
    return c == n && memcmp(canon, s, n) == 0 ? total : 0;
}

static bool only_ivx(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X')
            return false;
    return true;
}

/* "XXIe siècle", "IIIe République", "Ier", "Ire": Roman ordinals. One
 * letter other than I, V, X is a word: "Le", "Ce", "Me". */
static size_t roman_ordinal(pass *p, size_t i, size_t j, int v)
{
    if (j - i == 1 && !only_ivx(p->s + i, 1))
        return 0;
    /* "XXI eme siècle", "XIX ème": the suffix set apart by a space; the
     * long suffixes, which no word is, and a lone "e" after two numerals
     * or more before a word in lower case ("XIX e siècle", a copy's lost
     * superscript), where "e" is no Italian "and" */
    static const char *const spaced[] = {" ème", " eme", " èmes", " emes", " e",
                                         " er", " re", " ère"};
    for (size_t k = 0; k < sizeof spaced / sizeof *spaced; k++) {
        if (!word_is(p, j, spaced[k]))
            continue;
        bool first = k >= 5; /* "Livre I er", "la I re partie": only one is first */
        if (first != (v == 1))
            continue;
        word_ref next = next_word(p, j + strlen(spaced[k]));
        if (strcmp(spaced[k], " e") == 0 &&
            (j - i < 2 || next.start != j + 3 || next.end == next.start || p->s[j + 2] != ' ' ||
             p->s[next.start] < 'a' || p->s[next.start] > 'z'))
            continue;
        strbuf b;
        sb_init(&b);
        num_style st = style(p, false, false);
        num_ordinal(&b, (unsigned long long)v, first && k > 5, spaced[k][strlen(spaced[k]) - 1] == 's', &st);
        return emit_built(p, i, j + strlen(spaced[k]), &b);
    }
    static const struct {
        const char *s;
        bool fem, plural;
    } sfx[] = {{"èmes", 0, 1}, {"ème", 0, 0}, {"ère", 1, 0}, {"er", 0, 0},
               {"re", 1, 0},   {"es", 0, 1},  {"e", 0, 0},    {"è", 0, 0}, {"eme", 0, 0},
               {"\xE1\xB5\x89\xCA\xB3", 0, 0}, {"\xCA\xB3\xE1\xB5\x89", 1, 0},
               {"\xE1\xB5\x89", 0, 0}}; /* Iᵉʳ, Iʳᵉ, XXᵉ */
    /* "le II° millénaire", "XV° siècle": a degree sign or º for the small
     * o of an ordinal (not "V°", verso); "la fin du XIX siècle": a
     * century's number that lost its "e" */
    size_t degree = (word_is(p, j, "\xC2\xB0") || word_is(p, j, "\xC2\xBA")) && (j - i > 1 || p->s[i] != 'V') ? 2 : 0;
    if (degree || word_is(p, j, " siècle") || word_is(p, j, " siècles") || word_is(p, j, " millénaire")) {
        strbuf b;
        sb_init(&b);
        num_style st = style(p, false, false);
        num_ordinal(&b, (unsigned long long)v, false, false, &st);
        return emit_built(p, i, j + degree, &b);
    }
    for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
        if (!word_is(p, j, sfx[k].s))
            continue;
        const char *sf = sfx[k].s;
        bool first_only = sf[0] == 'r' || strcmp(sf, "ère") == 0 || strcmp(sf, "er") == 0 ||
                          (strlen(sf) == 5 && (unsigned char)sf[0] != 0xC3); /* ᵉʳ, ʳᵉ; not "èmes" */
        if (first_only != (v == 1))
            return 0; /* "IIer" is no ordinal; "Ie" neither */
        strbuf b;
        sb_init(&b);
        num_style st = style(p, false, false);
        size_t e = j + strlen(sfx[k].s);
        /* "la fin du XIXèmes siècle": the noun's number, not the ending's */
        num_ordinal(&b, (unsigned long long)v, sfx[k].fem, sfx[k].plural && !word_is(p, e, " siècle"), &st);
        if (!sfx[k].fem && starts_with_at(p, e, " s.") && !is_word_at(p->s, p->len, e + 3)) {
            sb_adds(&b, sfx[k].plural ? " siècles" : " siècle"); /* "le XXIe s." */
            /* the full stop stays where it may end the sentence */
            bool inside = e + 4 < p->len && p->s[e + 3] == ' ' && p->s[e + 4] >= 'a' && p->s[e + 4] <= 'z';
            e += inside ? 3 : 2;
        }
        return emit_built(p, i, e, &b);
    }
    return 0;
}

/* "Le", "Pour": a word that opens a sentence, not a name (both callers
 * have checked that w is capitalized). */
static bool capitalized_function_word(const pass *p, word_ref w)
{
    static const char *const words[] = {"le", "la", "les", "l", "un", "une", "des", "du", "de",
                                        "d", "au", "aux", "en", "et", "ce", "cette", "ces",
                                        "par", "pour", "sur", "dans", "avec", "sans", "selon",
                                        "chez", "contre", "entre", "après", "avant", "sous"};
    return word_among(p, w, words, sizeof words / sizeof *words);
}

/* A word that names someone or something and may take a regnal number:
 * "Louis", "Pie", "Vatican"; not "Le" or "En" at a sentence start. */
static bool names_before(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    if (w.end != i - 1 || p->s[w.end] != ' ')
        return false;
    if (word_in(p, w, &p->nz->label_nouns))
        return true; /* "tome III", "chapitre IV" */
    if (!word_capitalized(p, w) || w.end - w.start < 2)
        return false;
    size_t second = w.start + 1;
    while (second < w.end && ((unsigned char)p->s[second] & 0xC0) == 0x80)
        second++;
    if (second < w.end && isupper((unsigned char)p->s[second]))
        return false; /* an all-capitals word: "SNCF VI" */
    return !capitalized_function_word(p, w);
}

/* "Louis XIV" → Louis quatorze: a Roman number after a name, made of I, V
 * and X only (so never "CIA", "MIX", "DI"), up to 39. */
/* "au III de l'article", "du I de l'article", "du II,": a part of a law
 * text, said as a plain number ("au trois"). */
static bool law_part(const pass *p, size_t i, size_t j)
{
    word_ref w = prev_word(p, i);
    bool at = w.end - w.start == 2 && w.end + 1 == i && (p->s[w.start] | 0x20) == (unsigned char)'a' &&
              p->s[w.start + 1] == 'u';
    bool of = w.end - w.start == 2 && w.end + 1 == i && (p->s[w.start] | 0x20) == (unsigned char)'d' &&
              p->s[w.start + 1] == 'u';
    if (!at && !of)
        return false;
    if (j < p->len && (p->s[j] == ',' || p->s[j] == '.' || p->s[j] == ';' || p->s[j] == ')'))
        return true;
    /* "au II de l'article", "du I s'appliquent": a part named, then
     * words; not a name ("du I Ching") */
    word_ref next = next_word(p, j);
    return next.start == j + 1 && next.end > next.start && !word_capitalized(p, next);
}

/* "Les I et II s'appliquent", "I, II et III", "du I à III": a lone I, V
 * or X joined to a Roman number of two letters or more is one too. */
static bool joined_to_roman(const pass *p, size_t j)
{
    static const char *const joins[] = {", ", " et ", " à ", " ou "};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++) {
        if (!starts_with_at(p, j, joins[k]))
            continue;
        size_t a = j + strlen(joins[k]), b = a;
        while (b < p->len && roman_digit(p->s[b]))
            b++;
        return b - a >= 2 && only_ivx(p->s + a, b - a) && roman_value(p->s + a, b - a) &&
               !is_word_at(p->s, p->len, b);
    }
    return false;
}

static size_t roman_cardinal(pass *p, size_t i, size_t j, int v)
{
    if (j == i + 1 && only_ivx(p->s + i, 1) && !is_word_at(p->s, p->len, j) && joined_to_roman(p, j))
        return emit_cardinal(p, i, j, (unsigned long long)v);
    if (only_ivx(p->s + i, j - i) && v <= 39 && !is_word_at(p->s, p->len, j) && law_part(p, i, j))
        return emit_cardinal(p, i, j, (unsigned long long)v);
    if (!only_ivx(p->s + i, j - i) || v > 39 || is_word_at(p->s, p->len, j) || !names_before(p, i))
        return 0;
    if (v == 1) {
        /* "Dagobert I", "François I": a ruler's first is "premier";
         * "annexe I", "type I": a label's is "un"; a lone "I" after any
         * other word (English) stays. */
        if (word_in(p, prev_word(p, i), &p->nz->label_nouns))
            return emit_cardinal(p, i, j, 1);
        if (!word_in(p, prev_word(p, i), &p->nz->regnal_names))
            return 0;
        emit(p, i, j, "premier");
        return j - i;
    }
    /* a lone X after a name that takes no number is a letter: "Monsieur
     * X", "Mister X", "Series X"; "Charles X", "Pie X", "tome X" count */
    if (j == i + 1 && v == 10 && !word_in(p, prev_word(p, i), &p->nz->regnal_names) &&
        !word_in(p, prev_word(p, i), &p->nz->label_nouns))
        return 0;
    return emit_cardinal(p, i, j, (unsigned long long)v);
}

/* "VI. Conclusion", "IV) Les causes": a numbered part at a line start. */
size_t rule_roman_heading(pass *p, size_t i)
{
    if (i > 0 && p->s[i - 1] != '\n')
        return 0;
    size_t j = i;
    while (j < p->len && roman_digit(p->s[j]))
        j++;
    int v = j > i && j - i <= 8 && only_ivx(p->s + i, j - i) ? roman_value(p->s + i, j - i) : 0;
    if (!v || j + 1 >= p->len || (p->s[j] != '.' && p->s[j] != ')' && p->s[j] != '-'))
        return 0;
    /* "IV. Les causes", "III.-Le directeur", "I. ― Les frais" */
    size_t k = j + 1;
    bool dash_after = p->s[j] == '.' && (p->s[k] == '-' || starts_with_at(p, k, "\xE2\x80\x95") ||
                                         starts_with_at(p, k, "\xE2\x80\x93"));
    if (p->s[k] != ' ' && !dash_after)
        return 0;
    if (dash_after && p->s[k] == '-' && k + 1 < p->len && p->s[k + 1] != ' ') {
        /* "II.-Une": eSpeak NG reads ".-" glued as no stop (/dYzyn/) */
        return emit_cardinal_with(p, i, k + 1, (unsigned long long)v, "", ". ");
    }
    return emit_cardinal(p, i, j, (unsigned long long)v);
}

/* The length of the capitals that open "GPIIb", "GPIIIa", "GPIb": an
 * acronym of two letters or more glued to a Roman class and its subclass
 * letter (a to d), the word being s[0, n); 0 for any other word. */
static size_t caps_before_subclass(const char *s, size_t n)
{
    if (n < 4 || s[n - 1] < 'a' || s[n - 1] > 'd')
        return 0;
    size_t r = n - 1;
    while (r > 0 && s[r - 1] && strchr("IVX", s[r - 1]))
        r--;
    if (r < 2 || r == n - 1 || roman_value(s + r, n - 1 - r) == 0)
        return 0;
    for (size_t k = 0; k < r; k++)
        if (!is_upper_ascii(s[k]))
            return 0;
    return r;
}

/* Whether a Roman class and letter, alone or glued to an acronym, end
 * at the slash at k: "IIb/", "GPIIb/" yes, "FooIIb/" no. */
static bool subclass_before_slash(const pass *p, size_t k)
{
    if (k < 2 || p->s[k - 1] < 'a' || p->s[k - 1] > 'd')
        return false;
    size_t b = k - 1;
    while (b > 0 && strchr("IVX", p->s[b - 1]) && p->s[b - 1])
        b--;
    if (b == k - 1)
        return false;
    size_t w = b;
    while (w > 0 && is_upper_ascii(p->s[w - 1]))
        w--;
    return (w == 0 || !is_word_at(p->s, p->len, w - 1)) &&
           (w == b || caps_before_subclass(p->s + w, k - w) == b - w);
}

/* "trois A": the class v and its subclass letter, written at j. */
static size_t emit_subclass(pass *p, size_t i, size_t j, int v, strbuf *b)
{
    num_style st = style(p, false, false);
    num_cardinal(b, (unsigned long long)v, &st);
    sb_printf(b, " %c", p->s[j] - 'a' + 'A');
    return emit_built(p, i, j + 1, b);
}

/* "stade IIIa", "GP IIb/IIIa", "type Ib": a class and its subclass
 * letter, said "trois A". One I needs a label noun before it ("type"). */
static size_t roman_subclass(pass *p, size_t i, size_t j, int v)
{
    if (j >= p->len || p->s[j] < 'a' || p->s[j] > 'd' || is_word_at(p->s, p->len, j + 1) ||
        !only_ivx(p->s + i, j - i) || v > 39 ||
        (j - i == 1 && !word_in(p, prev_word(p, i), &p->nz->label_nouns)) ||
        (i > 1 && p->s[i - 1] == '/' && !subclass_before_slash(p, i - 1)))
        return 0; /* "FooIIb/IIIa": the first is glued to a word, so both stay */
    strbuf b;
    sb_init(&b);
    return emit_subclass(p, i, j, v, &b);
}

/* "GPIIb/IIIa", "GPIb": a receptor's acronym glued to its Roman class and
 * subclass letter, which eSpeak NG reads as one word; said as the acronym
 * and the class apart ("G P deux B"), as "GP IIb" already is. */
size_t rule_glued_subclass(pass *p, size_t i)
{
    size_t k = i;
    while (k < p->len && p->s[k] >= 'A' && p->s[k] <= 'Z')
        k++; /* most capitalized words: a small letter but a-d after the capitals */
    if (k - i < 3 || k >= p->len || p->s[k] < 'a' || p->s[k] > 'd')
        return 0;
    size_t e = word_end(p, i), caps = caps_before_subclass(p->s + i, e - i);
    if (!caps)
        return 0;
    strbuf b;
    sb_init(&b);
    say_capitals(p, &b, p->s + i, caps);
    sb_addc(&b, ' ');
    return emit_subclass(p, i, e - 1, roman_value(p->s + i + caps, e - 1 - i - caps), &b);
}

size_t rule_roman(pass *p, size_t i)
{
    size_t j = i;
    while (j < p->len && roman_digit(p->s[j]))
        j++;
    if (j == i || j - i > 12)
        return 0;
    int v = roman_value(p->s + i, j - i);
    if (!v)
        return 0;
    size_t sub = roman_subclass(p, i, j, v);
    if (sub)
        return sub;
    size_t n = roman_ordinal(p, i, j, v);
    return n ? n : roman_cardinal(p, i, j, v);
}

/* ── Capitals: acronyms and initialisms ────────────────────────────────── */

/* A capital vowel letter, A E I O U Y: one bit each (this runs on every
 * letter of the short words the capitals and initials rules look at). */
static bool is_vowel(char c)
{
    unsigned d = (unsigned)(unsigned char)c - 'A';
    return d < 26 && ((0x1104111u >> d) & 1u);
}

/* Two consonants that may start a French syllable: "PR", "TR", "CH";
 * and "SH", as CH, PH and TH, in the names French takes from English
 * ("SHELL", "SHAPE"). */
static bool onset_pair(char a, char b)
{
    static const char *const pairs[] = {"BL", "BR", "CL", "CR", "DR", "FL", "FR", "GL", "GR",
                                        "KL", "KR", "PL", "PR", "TR", "VR", "CH", "PH", "TH", "SH",
                                        "GN", "SC", "SK", "SL", "SM", "SN", "SP", "ST",
                                        "CN"}; /* "CNIL", "CNED", "CNAV": acronyms only */
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (pairs[k][0] == a && pairs[k][1] == b)
            return true;
    return false;
}

/* Two consonants that may straddle syllables: "INSEE" (n-s), "ARTE" (r-t). */
static bool split_pair(char a, char b)
{
    return onset_pair(a, b) || a == b || /* "GUERRE", "ASSE" */
           (strchr("LMNRS", a) && strchr("BCDFGKPSTVZ", b) && !(a == 'N' && b == 'P')) ||
           (a == 'N' && b == 'R') || /* "INRIA", "INRAP": as in "Henri" */
           (strchr("BCDFGKPTQ", a) && strchr("TSMN", b)) || /* "ACTE", "OPTION", "ABSENT", "AQMI", "AFNOR" */
           (strchr("LR", a) && strchr("MN", b)); /* "FERME", "INFORMATIONS", "PALME" */
}

/* Two consonants that may end a word: "OUEST", "PORT", "FISC", "SALT". */
static bool final_pair(char a, char b)
{
    static const char *const pairs[] = {"ST", "RS", "RT", "RD", "RN", "RM", "RC", "RK", "RG",
                                        "RP", "RF", "LT", "LK", "LD", "LS", "LF", "NT", "ND",
                                        "NS", "NC", "NK", "NG", "MS", "MP", "CT", "PT", "KS",
                                        "CS", "PS", "TS", "SC", "SK", "SP", "FT", "CK", "CH",
                                        "PH", "TH", "SH", "LL", "SS", "TT", "FF", "NN", "MM",
                                        "MB"}; /* "COLOMB", "APLOMB" */
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (pairs[k][0] == a && pairs[k][1] == b)
            return true;
    return false;
}

/* Whether three capitals cannot be said as a French word: no vowel, or
 * two consonants that open ("TTA") or end ("ABC") no French syllable.
 * "CRI", "PLI", "ARC" can be said. */
static bool three_letters_unsayable(const char *s)
{
    bool c0 = !is_vowel(s[0]), c1 = !is_vowel(s[1]), c2 = !is_vowel(s[2]);
    return (c0 && c1 && c2) || (c0 && c1 && !onset_pair(s[0], s[1])) ||
           (c1 && c2 && !final_pair(s[1], s[2]));
}

/* Capitals words this long are read as words whatever their letters:
 * acronyms that are spelled have eight letters at most ("DIRECCTE" is
 * said as a word too); longer ones are names in capitals. */
#define SPELLED_MAX 9

/* Whether French can say a capitals word as a word: four letters or
 * more, syllables of consonant–vowel shape, no cluster French cannot
 * begin or end a syllable with. Unknown three-letter words are spelled:
 * that is what "EDF", "CGT" and "PDG" are. */
static bool pronounceable(const char *s, size_t n)
{
    if (n < 4)
        return false;
    if (n >= SPELLED_MAX) /* "MARCDARGENT": no one spells eleven letters */
        return true;
    size_t vowels = 0;
    for (size_t k = 0; k < n; k++)
        vowels += is_vowel(s[k]);
    if (vowels == 0 || vowels * 5 < n)
        return false;
    /* "COCT", "CNOCT": one syllable closed by two stops is said letter by
     * letter ("ANACT", of two syllables, is a word); "GN" opens no
     * French word but "gnome" */
    if (vowels == 1 && strchr("BCDGKPT", s[n - 1]) && strchr("BCDGKPT", s[n - 2]))
        return false;
    if (s[0] == 'G' && s[1] == 'N')
        return false;
    /* "EIIL", "IUUT": a doubled I or U opens no French syllable ("HAWAII"
     * ends on one) */
    for (size_t k = 0; k + 2 < n; k++)
        if ((s[k] == 'I' || s[k] == 'U') && s[k + 1] == s[k])
            return false;
    /* "STRASBOURG", "CHRONIQUE", "PSYCHOLOGIE": an acronym of seven letters
     * or more is rare and a word French can say is not, so with vowels
     * enough it is read as a word whatever its clusters */
    if (n >= 7 && vowels * 10 >= n * 3)
        return true;
    for (size_t k = 0; k < n; k++) {
        if (is_vowel(s[k]))
            continue;
        size_t run = 1;
        while (k + run < n && !is_vowel(s[k + run]))
            run++;
        bool start = k == 0, end = k + run == n;
        /* "ENTRETIEN", "LETTRE", "EXCLU": a coda then a syllable onset;
         * "DIRECCTE": a doubled letter is one sound; so is CH, PH, TH
         * ("TECHNIQUE" splits as tec-nique, "SCHEMA" opens as "sch") */
        bool digraph = run == 3 && s[k + 1] == 'H' && strchr("CPT", s[k]);
        if (run == 3 && !start && !end &&
            (onset_pair(s[k + 1], s[k + 2]) || (s[k] == s[k + 1] && split_pair(s[k + 1], s[k + 2])) ||
             (s[k + 1] == s[k + 2] && split_pair(s[k], s[k + 1])) || /* "AFSSA" */
             (digraph && split_pair(s[k], s[k + 2])))) {
            k += 2;
            continue;
        }
        if (run == 3 && start && ((digraph && strchr("RL", s[k + 2])) ||
                                  (s[0] == 'S' && (onset_pair(s[1], s[2]) ||
                                                   (s[1] == 'C' && s[2] == 'H'))))) {
            k += 2; /* "CHRONO", "STRATEGIE", "SCHEMA" open as French words do */
            continue;
        }
        if (run > 2 || (run == 2 && start && !onset_pair(s[k], s[k + 1])) ||
            (run == 2 && end && !final_pair(s[k], s[k + 1])) ||
            (run == 2 && !start && !end && !split_pair(s[k], s[k + 1])))
            return false;
        k += run - 1;
    }
    for (size_t k = 0; k + 3 < n; k++) /* "OUEST" is a word, "AIEA" letters */
        if (is_vowel(s[k]) && is_vowel(s[k + 1]) && is_vowel(s[k + 2]) && is_vowel(s[k + 3]))
            return false;
    /* "AE" is no French vowel, nor "EA" before a consonant at the start:
     * "AESH", "SEAE", "EACS" are letters ("CEDEAO" is a word) */
    for (size_t k = 0; k + 1 < n; k++)
        if (s[k] == 'A' && s[k + 1] == 'E')
            return false;
    /* nor a doubled A or U, which French spelling never writes: "SAAQ",
     * "DAAF" are letters ("ZOOM", "INSEE", "HAWAII" stay words); nor a
     * doubled E before a vowel: "AJEEA" ("DREETS", "INSEE" are words) */
    for (size_t k = 0; k + 1 < n; k++)
        if (((s[k] == 'A' || s[k] == 'U') && s[k + 1] == s[k]) ||
            (s[k] == 'E' && s[k + 1] == 'E' && k + 2 < n && is_vowel(s[k + 2])))
            return false;
    return !(s[0] == 'E' && s[1] == 'A' && !is_vowel(s[2]));
}

static void spell(strbuf *b, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            sb_addc(b, ' ');
        sb_addc(b, s[k]);
    }
}

/* Whether an alias only writes the word in lower case ("CE" → "ce"): it
 * is for the word in a headline, not for letters inside a code ("CE1"). */
static bool alias_is_lower_word(const char *alias, const char *s, size_t n)
{
    if (strlen(alias) != n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (alias[k] != tolower((unsigned char)s[k]))
            return false;
    return true;
}

/* How the E at k of a capitals word said as a word sounds: 'e' leaves it
 * to eSpeak NG, 'a' is é, 'g' is è. An acronym has no mute e but its last
 * letter: MEDEF is Médef and SEPA Sépa (eSpeak NG would say "m(e)def",
 * "s(e)pa"), CESE is Cèse, NUPES Nupès, INED Inèd (eSpeak NG takes "Ined"
 * for English), CEDEAO Cédéao. An E before a cluster it closes
 * ("DETRESFA": the second E) or a nasal ("SGEN") is left as it is. A
 * surname in capitals after a first name ("Jean LEBRUN") and the French
 * prefixes re-, de- ("REPORTAGE") keep their mute e. */
static char capitals_e_sound(const char *s, size_t n, size_t k)
{
    if (k + 1 >= n)
        return 'e';
    char next = s[k + 1];
    if (is_vowel(next)) /* "EU", "EI", "EA(U)" are French vowels; "EO", "EAO" hiatus */
        return next == 'O' || (next == 'A' && k + 2 < n && is_vowel(s[k + 2]) && s[k + 2] != 'U')
                   ? 'a' : 'e';
    size_t v = k + 1;
    while (v < n && !is_vowel(s[v]))
        v++;
    size_t c = v - k - 1;
    if ((next == 'N' || next == 'M') && c != 1)
        return 'e'; /* a nasal vowel */
    if (v == n) { /* the last syllable, closed: "-ES", "-ED", "-ER"; "-IER" is a word's */
        size_t before = 0;
        while (before < k && !is_vowel(s[k - 1 - before]))
            before++;
        /* "BRUXELLES", "LONDRES", "SÉRIES": a French plural or name, not "NUPES", "ANSES" */
        bool french_es = next == 'S' && c == 1 &&
                         (before == 0 || before > 2 ||
                          (before == 2 && (s[k - 1] == s[k - 2] ||
                                           (k > 2 && onset_pair(s[k - 2], s[k - 1])))));
        /* "CERN", "VERT": after two consonants eSpeak NG already says è,
         * and an è would make it say a French word's silent last letter */
        return french_es || c > 1 || (next == 'R' && k > 0 && s[k - 1] == 'I') ? 'e' : 'g';
    }
    if (v == n - 1 && s[v] == 'E')
        return 'g'; /* "CESE", "ADEME": the last e is mute, so this one is closed */
    bool open = c == 1 || (c == 2 && next != 'S' && next != s[k + 2] && onset_pair(next, s[k + 2]));
    if (!open || (k == 1 && c == 1 && (s[0] == 'R' || s[0] == 'D')))
        return 'e';
    return 'a';
}

/* "DREETS", "DREES": no French word doubles its E before a consonant, so
 * this is an acronym's è, and the consonants after it are all heard:
 * eSpeak NG would say "Drets" and "Dres" as French spells them, with
 * their last letters mute ("dré", "dr"). */
static void say_doubled_e(strbuf *b, const char *rest, size_t n)
{
    sb_adds(b, "\xC3\xA8");
    for (size_t k = 0; k < n; k++)
        sb_addc(b, (char)tolower((unsigned char)rest[k]));
    if (n && n <= 2 && !is_vowel(rest[0]) && (rest[n - 1] == 'S' || rest[n - 1] == 'T'))
        sb_addc(b, (char)tolower((unsigned char)rest[n - 1]));
}

/* A capitals word French can say, written for eSpeak NG: a capital, then
 * lower case, the E marked where the letters say how it sounds; a name
 * ("Jean LEBRUN", the dateline "PARIS -") as French spells it. */
static void say_capitals_word(strbuf *b, const char *s, size_t n, bool name)
{
    for (size_t k = 0; k < n; k++) {
        if (!name && s[k] == 'E' && k > 0 && k + 2 < n && s[k + 1] == 'E') {
            say_doubled_e(b, s + k + 2, n - k - 2);
            return;
        }
        char e = s[k] == 'E' && !name ? capitals_e_sound(s, n, k) : 'e';
        if (e == 'a')
            sb_adds(b, k ? "\xC3\xA9" : "\xC3\x89");
        else if (e == 'g')
            sb_adds(b, k ? "\xC3\xA8" : "\xC3\x88");
        else
            sb_addc(b, k ? (char)tolower((unsigned char)s[k]) : s[k]);
        if (e == 'g' && k + 2 == n && s[k + 1] == 'S') {
            sb_adds(b, "ss"); /* "Ansèss": eSpeak NG drops a lone final s */
            return;
        }
        if (e == 'g' && k + 2 == n && s[k + 1] == 'T') {
            sb_adds(b, "te"); /* "Afssète": and a final t after è */
            return;
        }
    }
    /* "AGAS", "FNAS": an acronym's final s after a lone vowel is heard
     * too ("Agass"); eSpeak NG drops it as French spells words ("aga").
     * A surname's (after a first name) keeps French spelling. */
    if (!name && n >= 4 && s[n - 1] == 'S' && strchr("AIOUY", s[n - 2]) && !is_vowel(s[n - 3]))
        sb_addc(b, 's');
}

/* Whether the capitals word at s follows a name or a title: "Jean
 * DUPONT", "M. LEBRUN" is a surname, said as French spells it; so is a
 * dateline or a label opening its line ("CARTES - Après…", "PARIS :",
 * "CHARLEROI- 13 novembre", "LYON | …"). */
static bool after_name(const pass *p, const char *s)
{
    size_t i = (size_t)(s - p->s);
    if (i == 0 || p->s[i - 1] == '\n') {
        size_t e = word_end(p, i);
        /* "CHARLEROI- 13 novembre", "LYON | Le…", "GENÈVE — Le…" too */
        return starts_with_at(p, e, " - ") || starts_with_at(p, e, " \xE2\x80\x93 ") ||
               starts_with_at(p, e, " \xE2\x80\x94 ") || starts_with_at(p, e, "- ") ||
               starts_with_at(p, e, " | ") || starts_with_at(p, e, " :") || starts_with_at(p, e, ":") ||
               starts_with_at(p, e, " (");
    }
    if (i < 2 || p->s[i - 1] != ' ')
        return false;
    size_t end = p->s[i - 2] == '.' ? i - 2 : i - 1; /* "M. LEBRUN" */
    word_ref w = prev_word(p, end);
    if (w.end != end)
        return false;
    size_t len = w.end - w.start;
    if (!word_capitalized(p, w) || capitalized_function_word(p, w))
        return false;
    return len == 1 ? p->s[w.end] == '.' : caps_run(p, w.start, w.end) < len;
}

/* Whether the word at i follows a title: "M. DESCHAMPS", "Mme DURAND". */
static bool after_title(const pass *p, size_t i)
{
    if (i < 2 || p->s[i - 1] != ' ')
        return false;
    size_t e = i - 1; /* the title ends before the space, its full stop too */
    if (p->s[e - 1] == '.')
        e--;
    word_ref w = prev_word(p, e);
    return w.end == e && word_in(p, w, &p->nz->name_titles);
}

/* The word lists: the language switch's, else read on first use. */
static const foreign_lists *word_lists(const pass *p)
{
    return p->nz->foreign.n ? &p->nz->foreign : lazy_lists_get(p->nz->word_lists);
}

/* "REPLACE 2", "EQUAL": a common word of English (French too, or not) in
 * capitals is a name made of it, not an acronym: its E are not an
 * acronym's, and eSpeak NG is left to read it (Replace, Equal). Not when
 * French has the word with accents ("SCHEMA", "GEODE": schéma, géode). */
static bool common_word_capitals(const pass *p, const char *s, size_t n)
{
    return n >= 4 && foreign_common_word(word_lists(p), s, n) &&
           !accent_restore(p->nz->accents, s, n);
}

/* A capitals word said as a name: "GAME" → Game. */
static void add_title_case(strbuf *b, const char *s, size_t n)
{
    sb_addc(b, s[0]);
    for (size_t k = 1; k < n; k++)
        sb_addc(b, (char)tolower((unsigned char)s[k]));
}

/* The lexicon's word for a capitals word said as a word, looked up in
 * title case: "MYTHES" is "Mythes", which espeak-french.pls respells
 * (eSpeak NG reads it as English in capitals as in small letters). */
/* A capitals word in title case into t (size bytes); false when it does
 * not fit. */
static bool title_case_copy(const char *s, size_t n, char *t, size_t size)
{
    if (n >= size)
        return false;
    t[0] = s[0];
    for (size_t k = 1; k < n; k++)
        t[k] = (char)tolower((unsigned char)s[k]);
    return true;
}

static const char *title_case_alias(const pass *p, const char *s, size_t n)
{
    char t[64];
    if (n < 2 || !title_case_copy(s, n, t, sizeof t))
        return NULL;
    return lexicon_lookup(&p->nz->lex, t, n);
}

/* "CONTACTEZ-ME", "« ME DÉSINSCRIRE »": a headline's word whose title
 * case the lexicon reads before a name only ("Me" → maître, as in "ME
 * DUPONT") is a pronoun there: after a hyphen, or before a word French
 * has. */
static bool headline_pronoun(const pass *p, size_t i, size_t e)
{
    char t[16];
    size_t n = e - i;
    if (!title_case_copy(p->s + i, n, t, sizeof t) || !word_set_has(&p->nz->before_name, t, n))
        return false;
    word_ref next = next_word(p, e);
    return (i > 0 && p->s[i - 1] == '-') || next.end == next.start ||
           french_word_any_case(p, p->s + next.start, next.end - next.start);
}

/* A capitals word said as a word, in title case or as the lexicon says it. */
static void add_capitals_as_word(const pass *p, strbuf *b, const char *s, size_t n)
{
    const char *alias = title_case_alias(p, s, n);
    if (alias)
        sb_adds(b, alias);
    else
        add_title_case(b, s, n);
}

/* Whether the capitals word [a, e) is a common word of the other language. */
static bool foreign_capitals_at(const pass *p, size_t a, size_t e)
{
    return e - a >= 2 && caps_run(p, a, e) == e - a &&
           foreign_common_word(word_lists(p), p->s + a, e - a);
}

/* Whether the word is English only: no French word, accents given back
 * or not ("game"; not "the", which may be "thé", nor "categories"). */
static bool english_only_capitals(const pass *p, size_t a, size_t e)
{
    return foreign_only_word(word_lists(p), p->s + a, e - a) && common_word_capitals(p, p->s + a, e - a);
}

/* "THE GAME": two capitals words beside each other that are both common
 * words of English, one of them English only, are English, said as a
 * name ("The Game") for eSpeak NG's switch. "TECHNIQUES PAR CATEGORIES"
 * stays: French has them all, with accents given back. */
static bool foreign_capitals_pair(const pass *p, size_t i, size_t e)
{
    if (!foreign_capitals_at(p, i, e))
        return false;
    bool own = english_only_capitals(p, i, e);
    if (e + 1 < p->len && p->s[e] == ' ') {
        size_t ne = word_end(p, e + 1);
        if (foreign_capitals_at(p, e + 1, ne) && (own || english_only_capitals(p, e + 1, ne)))
            return true;
    }
    if (i < 2 || p->s[i - 1] != ' ')
        return false;
    size_t a = i - 1;
    while (a > 0 && is_upper_ascii(p->s[a - 1]))
        a--;
    return !word_ends_before(p->s, p->len, a) &&
           foreign_capitals_at(p, a, i - 1) && (own || english_only_capitals(p, a, i - 1));
}

/* "COMMERCES", "AFFAIRES": a plain French word in capitals, said as the
 * word; the E of an acronym said as a word ("NUPES": Nupèss) is not its. */
static bool french_word_capitals(const pass *p, const char *s, size_t n)
{
    return n >= 4 && french_word_any_case(p, s, n);
}

/* "Paul NGUYEN", "Luc SCHMITT" after "Sophie": a surname in capitals after
 * a first name the word lists know, read as a word even when its letters
 * look like an acronym's. Six letters or more, or two vowels: "Nice
 * OGCN" stays spelled. */
static bool surname_after_first_name(const pass *p, const char *s, size_t n)
{
    size_t i = (size_t)(s - p->s), vowels = 0;
    for (size_t k = 0; k < n; k++)
        vowels += is_vowel(s[k]);
    if (n < 4 || vowels == 0 || (n < 6 && vowels < 2) || i < 2 || p->s[i - 1] != ' ')
        return false;
    word_ref w = prev_word(p, i - 1);
    return w.end == i - 1 && w.end - w.start >= 3 && word_capitalized(p, w) &&
           caps_run(p, w.start, w.end) == 1 && !capitalized_function_word(p, w) &&
           foreign_proper_name(word_lists(p), p->s + w.start, w.end - w.start);
}

static const char *e_accents_shared(const char *w);

/* "SANTE", "FETES", "SECURITE": a capitals word the French list has only
 * with accents (one word for the spelling, accent_restore), the accents
 * that capitals leave out; NULL when none. Not a surname ("Jean DENIS"
 * is no dénis). */
static const char *capitals_accented(const pass *p, const char *s, size_t n)
{
    char lower[64];
    if (n < 4 || n >= sizeof lower || after_name(p, s))
        return NULL;
    for (size_t k = 0; k < n; k++)
        lower[k] = (char)tolower((unsigned char)s[k]);
    if (!accent_maybe(p->nz->accents, lower, n))
        return NULL;
    bool shared;
    const char *w = accent_restore_or_shared(p->nz->accents, lower, n, &shared);
    if (w && shared)
        w = e_accents_shared(w); /* "FETES": fêtes, fêtés */
    /* "LONDRES" is no londrès: an accent only on a last "ès" is as often
     * a place's name that French spells without it, left to the guess of
     * say_capitals_word */
    size_t len = w ? strlen(w) : 0;
    if (w && len == n + 1 && memcmp(w + len - 3, "\xC3\xA8s", 3) == 0 && memcmp(w, lower, n - 2) == 0)
        return NULL;
    return w;
}

/* The accented word in title case: "Santé", "Écoles". */
static void add_accented_title_case(strbuf *b, const char *w)
{
    if ((unsigned char)w[0] == 0xC3 && (unsigned char)w[1] >= 0xA0 && (unsigned char)w[1] <= 0xBE) {
        sb_addc(b, w[0]);
        sb_addc(b, (char)(w[1] - 0x20)); /* é (C3 A9) → É (C3 89) */
        sb_adds(b, w + 2);
    } else {
        sb_addc(b, (char)toupper((unsigned char)w[0]));
        sb_adds(b, w + 1);
    }
}

void say_capitals(const pass *p, strbuf *b, const char *s, size_t n)
{
    const char *alias = lexicon_lookup(&p->nz->lex, s, n), *accented;
    if (alias) {
        sb_adds(b, alias);
    } else if (french_word_capitals(p, s, n) || (pronounceable(s, n) && common_word_capitals(p, s, n))) {
        add_capitals_as_word(p, b, s, n);
    } else if ((accented = capitals_accented(p, s, n))) {
        add_accented_title_case(b, accented);
    } else if (pronounceable(s, n)) {
        say_capitals_word(b, s, n, after_name(p, s));
    } else if (surname_after_first_name(p, s, n)) {
        add_title_case(b, s, n);
    } else {
        spell(b, s, n);
    }
}

static size_t caps_run(const pass *p, size_t i, size_t e)
{
    size_t k = i;
    while (k < e && is_upper_ascii(p->s[k]))
        k++;
    return k - i;
}

/* Whether the code point at i is a lower-case letter (ASCII or Latin-1):
 * é is, É is not. */
static bool lower_at(const pass *p, size_t i)
{
    unsigned char c = (unsigned char)p->s[i];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    uint32_t cp;
    int l = utf8_decode(p->s + i, p->len - i, &cp);
    return l && ((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x100 && cp < 0x180 && cp % 2));
}

/* A line written in capitals: a headline, a button ("OK TOUT ACCEPTER").
 * Its words are words, not initials; only the lexicon's acronyms are
 * spelled. A line is looked at up to 240 bytes each way: longer lines are
 * text, not headlines. */
static bool in_capitals_line(const pass *p, size_t i)
{
    size_t a = i, e = i;
    while (a > 0 && p->s[a - 1] != '\n' && i - a < 240)
        a--;
    while (e < p->len && p->s[e] != '\n' && e - i < 240)
        e++;
    if ((a > 0 && p->s[a - 1] != '\n') || (e < p->len && p->s[e] != '\n'))
        return false;
    size_t caps_words = 0;
    for (size_t k = a; k < e;) {
        if (!is_letter_at(p->s, p->len, k)) {
            k++;
            continue;
        }
        size_t we = word_end(p, k), letters = 0;
        for (size_t q = k; q < we; q++) {
            if (lower_at(p, q))
                return false;
            letters += is_upper_ascii(p->s[q]);
        }
        caps_words += letters >= 2;
        k = we;
    }
    return caps_words >= 2;
}

/* Whether the word at w is in capitals, with a vowel: "EXCLUSIVE". */
static bool capitals_word(const pass *p, word_ref w)
{
    if (w.end - w.start < 2)
        return false;
    bool vowel = false;
    for (size_t q = w.start; q < w.end; q++) {
        if (lower_at(p, q) || is_digit(p->s[q]))
            return false;
        vowel |= strchr("AEIOUY", p->s[q]) != NULL || (unsigned char)p->s[q] == 0xC3;
    }
    return vowel;
}

/* A capitals word a headline may hold inside a sentence: not one of four
 * letters or more that French cannot say, which is an acronym whatever
 * stands beside it ("Lorsqu'OSEO BDPME": Oséo, B D P M E), unless it is a
 * French word ("MON COMPTE"). */
static bool phrase_word(const pass *p, word_ref w)
{
    size_t n = w.end - w.start;
    if (!capitals_word(p, w))
        return false;
    return n < 4 || caps_run(p, w.start, w.end) != n || pronounceable(p->s + w.start, n) ||
           french_word_capitals(p, p->s + w.start, n) || lexicon_lookup(&p->nz->lex, p->s + w.start, n);
}

/* Whether [i, e) is three capitals the lexicon does not hold ("FIN",
 * "UCL"; not "USA", "TER"). */
static bool unlisted_three_capitals(const pass *p, size_t i, size_t e)
{
    return e - i == 3 && caps_run(p, i, e) == 3 && !lexicon_lookup(&p->nz->lex, p->s + i, 3);
}

/* Whether the three letters at i are a common word of French or English
 * ("fin", "new"), in whatever case. */
static bool common_three_letters(const pass *p, size_t i)
{
    return french_word_any_case(p, p->s + i, 3) || foreign_common_word(word_lists(p), p->s + i, 3);
}

/* Whether a capitals word beside a three-letter one makes a headline of
 * them: not three letters that no list has ("UCL"), an acronym itself:
 * "CHU UCL Namur" is two acronyms, not the words "Chu" and "UCL". */
static bool headline_neighbour(const pass *p, word_ref w)
{
    if (!phrase_word(p, w))
        return false;
    return !unlisted_three_capitals(p, w.start, w.end) || common_three_letters(p, w.start);
}

/* A headline's words: the whole line in capitals, or the word between
 * other capitals words that French can say ("LETTRE EXCLUSIVE ABONNÉS"
 * at the head of a sentence). */
static bool in_capitals_phrase(const pass *p, size_t i, size_t e)
{
    if (in_capitals_line(p, i))
        return true;
    word_ref w = {i, e};
    if (!phrase_word(p, w))
        return false;
    word_ref before = prev_word(p, i), after = next_word(p, e);
    bool spaced_before = before.end < i && p->s[before.end] == ' ';
    bool spaced_after = after.start > e && p->s[e] == ' ';
    bool (*beside)(const pass *, word_ref) = e - i == 3 ? headline_neighbour : phrase_word;
    return (spaced_before && beside(p, before)) || (spaced_after && beside(p, after));
}

/* "LA FIN DU MONDE", "NEW YORK": a headline's three-letter word that
 * French or English has as a common word ("fin", "new") is that word.
 * eSpeak NG spells every short capitals word its dictionary lacks
 * ("F I N", "N E W"), so it is written in lower case for it. Initialisms
 * that are words too ("USA", "TER", "SOS") are the lexicon's, looked up
 * first; two-letter words ("AS", "US") are left: more of them are
 * initials. */
static bool short_headline_word(const pass *p, size_t i, size_t e)
{
    return unlisted_three_capitals(p, i, e) && common_three_letters(p, i) && in_capitals_phrase(p, i, e);
}

/* Whether the capitals word at [s, e) is said letter by letter: not a
 * word of the lexicon ("DE" → de), not a word French can say, not a
 * French word ("COMPTES", which say_capitals reads as one), and not a
 * headline's short word ("FIN"). */
static bool spelled_capitals(const pass *p, size_t s, size_t e)
{
    if (e - s < 2 || caps_run(p, s, e) != e - s || short_headline_word(p, s, e))
        return false;
    const char *alias = lexicon_lookup(&p->nz->lex, p->s + s, e - s);
    return alias ? !alias_is_lower_word(alias, p->s + s, e - s) && strchr(alias, ' ')
                 : !pronounceable(p->s + s, e - s) && !french_word_capitals(p, p->s + s, e - s);
}

/* "PPE-DE", "NF EN 12815": a short capitals word that is also a French
 * word ("DE", "EN") is a letter of a code when it is joined to initials, in
 * a sentence that is not written in capitals. */
static bool beside_spelled_acronym(const pass *p, size_t i, size_t e)
{
    if (in_capitals_line(p, i))
        return false;
    bool joined_before = i > 1 && (p->s[i - 1] == ' ' || p->s[i - 1] == '-');
    bool joined_after = e + 1 < p->len && (p->s[e] == ' ' || p->s[e] == '-');
    const char *alias = lexicon_lookup(&p->nz->lex, p->s + i, e - i);
    if (e < p->len && p->s[e] == ' ' && alias && word_set_has(&p->nz->determiners, alias, strlen(alias)))
        joined_after = false; /* "LA SPA": a determiner before an initialism is one */
    word_ref before = joined_before ? prev_word(p, i - 1) : (word_ref){i, i};
    return (joined_before && before.end == i - 1 &&
            spelled_capitals(p, before.start, before.end)) ||
           (joined_after && spelled_capitals(p, e + 1, word_end(p, e + 1)));
}

/* Whether the capitals word [s, e) is said letter by letter, alone or
 * as a letter of a code ("PPE-DE"); not "HORIZON" in "HORIZON-PFT". */
static bool spelled_here(const pass *p, size_t s, size_t e)
{
    return e > s && caps_run(p, s, e) == e - s && !pronounceable(p->s + s, e - s) &&
           (spelled_capitals(p, s, e) || beside_spelled_acronym(p, s, e));
}

/* "SI-RH", "CGT-FO": a hyphen between two sets of initials, said as one
 * run of letters. eSpeak NG joins the letters the hyphen ties ("I-R" is
 * "yèr"); a space keeps each letter whole. */
size_t rule_initials_hyphen(pass *p, size_t i)
{
    if (p->s[i] != '-' || i == 0 || i + 1 >= p->len)
        return 0;
    word_ref before = prev_word(p, i);
    size_t e = word_end(p, i + 1);
    if (before.end != i || !spelled_here(p, before.start, before.end) || !spelled_here(p, i + 1, e))
        return 0;
    emit(p, i, i + 1, " ");
    return 1;
}

/* "(CES)" after its words, "2006/123/CE", "CE, 3 mai 2021" opening a
 * reference, "PPE-DE": a capitals word that is also French ("ces", "ce",
 * "de") is an acronym when the marks of a reference or code hold it. */
static bool held_as_acronym(const pass *p, size_t i, size_t e)
{
    bool bracketed = i > 0 && p->s[i - 1] == '(' && e < p->len && p->s[e] == ')';
    bool after_number = i > 1 && p->s[i - 1] == '/' && is_digit(p->s[i - 2]);
    bool opens_reference = e < p->len && p->s[e] == ',' &&
                           (i == 0 || p->s[i - 1] == '\n' ||
                            (i > 1 && p->s[i - 1] == ' ' && p->s[i - 2] == ';'));
    return bracketed || after_number || opens_reference || beside_spelled_acronym(p, i, e);
}

/* "CES" → "ces" is the lexicon's word for a headline or a stressed word
 * ("Il est DE retour", "et DES gens"). It is an acronym after the words it
 * stands for ("(CES)"), and, for a determiner, where no noun can follow it
 * in a sentence written in lower case: after another determiner ("le
 * CE a voté"), before punctuation ("une fiche de réception CE.") or
 * before an elided de ("la réception CE d'un type"); before other elided
 * words "ce" is the pronoun ("C'est CE qu'il faut"). */
static bool word_alias_is_acronym(const pass *p, const char *alias, size_t i, size_t e)
{
    if (!alias_is_lower_word(alias, p->s + i, e - i))
        return false;
    if (held_as_acronym(p, i, e))
        return true;
    if (!word_set_has(&p->nz->determiners, alias, e - i) || in_capitals_phrase(p, i, e))
        return false;
    word_ref before = prev_word(p, i), after = next_word(p, e);
    bool elided_de = after.end == after.start + 1 && (p->s[after.start] | 0x20) == 'd' &&
                     apostrophe_at(p, after.end);
    bool noun_may_follow = after.end > after.start && !elided_de;
    return (before.end < i && word_in(p, before, &p->nz->determiners)) || !noun_may_follow;
}

/* "QU’IL", "AUJOURD’HUI", "PRESQU’ÎLE": capitals cut by an apostrophe
 * that are one French word or two elided ones, not acronyms: the part
 * before an apostrophe with a letter after it, or the part after one with
 * two capitals or more before it ("L’ONU" keeps its acronym). */
static bool elided_capitals(const pass *p, size_t i, size_t e)
{
    size_t a = apostrophe_at(p, e);
    if (a && is_letter_at(p->s, p->len, e + a))
        return true;
    if (!after_apostrophe(p, i))
        return false;
    size_t before = apostrophe_start(p, i), run = 0;
    while (run < before && is_upper_ascii(p->s[before - run - 1]))
        run++;
    return run >= 2;
}


/* The linking words of a place's name: "Port-au-Prince", "Aix-en-Provence". */
static bool linking_word(const char *s, size_t n)
{
    static const char *const words[] = {"AU", "AUX", "EN", "DE", "DES", "DU", "LA", "LE", "LES",
                                        "ET", "SUR", "SOUS", "L\xC3\x88S"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(words[k], s, n) == 0)
            return true;
    return false;
}

/* How a part of a capitals compound is said: 'l' a linking word, 'w' a
 * word, 0 an acronym (see rule_capitals_compound). */
static char compound_part(const pass *p, size_t a, size_t b, size_t letters, bool *anchor)
{
    const char *s = p->s + a;
    size_t n = b - a;
    bool ascii = n == letters;
    if (letters >= 2 && letters <= 4 && linking_word(s, n))
        return 'l';
    if (letters >= 4 && (!ascii || pronounceable(s, n) || french_word_capitals(p, s, n))) {
        *anchor = true; /* accents are a word's: no acronym has them */
        return 'w';
    }
    if (letters != 3)
        return 0;
    if (!ascii)
        return 'w';
    const char *alias = lexicon_lookup(&p->nz->lex, s, n);
    if (alias) /* "PAS" is "pas" in a headline, "USA" letters */
        return alias_is_lower_word(alias, s, n) ? 'l' : 0;
    bool vowel = false;
    for (size_t k = 0; k < n; k++)
        vowel |= is_vowel(s[k]);
    return vowel ? 'w' : 0;
}

/* A part of a capitals compound in small letters but its first when it
 * opens the name: ASCII, and É → é. */
static void add_lowered(strbuf *b, const char *s, size_t n, bool first)
{
    size_t kept = first ? ((unsigned char)s[0] < 0x80 ? 1 : 2) : 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (k < kept)
            sb_addc(b, (char)c);
        else if (c < 0x80)
            sb_addc(b, (char)tolower(c));
        else
            sb_addc(b, (char)(k > 0 && (unsigned char)s[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E ? c + 0x20 : c));
    }
}

/* "PORT-AU-PRINCE", "AIX-EN-PROVENCE", "SAINT-JEAN-DE-LUZ": a name in
 * capitals joined by hyphens, as datelines and headlines write places.
 * Its parts were read one by one, and the short ones spelled ("Port-A
 * U-Prince"). It is said as the name: the linking words in small
 * letters, the other parts in title case. Only when a part of four
 * letters or more is a word, and no part is an acronym: a short part
 * that links nothing ("OM"), a three-letter one the lexicon has ("USA")
 * or one without a vowel, a longer one French cannot say ("CFDT").
 * "PPE-DE", "UE-USA", "CGT-FO" stay letters. */
static size_t rule_capitals_compound(pass *p, size_t i)
{
    enum { MAX_PARTS = 8 };
    size_t starts[MAX_PARTS], ends[MAX_PARTS], parts = 0, k = i;
    char kinds[MAX_PARTS];
    bool anchor = false;
    if (i > 0 && (p->s[i - 1] == '-' || is_word_at(p->s, p->len, prev_char_start(p->s, i))))
        return 0;
    for (;;) {
        size_t a = k, letters = 0, l;
        while ((l = capital_at(p, k)) > 0)
            k += l, letters++;
        if (parts == MAX_PARTS || !letters || !(kinds[parts] = compound_part(p, a, k, letters, &anchor)))
            return 0;
        starts[parts] = a, ends[parts++] = k;
        if (k + 1 < p->len && p->s[k] == '-' && capital_at(p, k + 1))
            k++;
        else
            break;
    }
    if (parts < 2 || !anchor || is_word_at(p->s, p->len, k) || (k < p->len && is_digit(p->s[k])))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t q = 0; q < parts; q++) {
        const char *s = p->s + starts[q];
        size_t n = ends[q] - starts[q];
        if (q)
            sb_addc(&b, '-');
        if (kinds[q] == 'w' && n == ends[q] - starts[q] && caps_run(p, starts[q], ends[q]) == n)
            add_capitals_as_word(p, &b, s, n);
        else
            add_lowered(&b, s, n, q == 0 || kinds[q] == 'w');
    }
    return emit_built(p, i, k, &b);
}

/* Unknown all-capitals words: spelled ("S N C F") or said as a word. In a
 * headline they are left to eSpeak NG, which reads capitals as words. */
/* "PDFs", "APIs", "ONGs": initials with an English plural s, which
 * French does not say ("des P D F"); eSpeak NG spelled the s or read the
 * whole as a word ("APIs": /api/). Only initials said letter by letter,
 * or the lexicon's: "ALLEZs" is no plural of initials. */
size_t rule_acronym_plural(pass *p, size_t i)
{
    size_t e = word_end(p, i), n = e - i;
    if (n < 3 || n > 7 || p->s[e - 1] != 's' || caps_run(p, i, e) != n - 1)
        return 0;
    if (!spelled_capitals(p, i, e - 1) && !lexicon_lookup(&p->nz->lex, p->s + i, n - 1))
        return 0;
    strbuf b;
    sb_init(&b);
    say_capitals(p, &b, p->s + i, n - 1);
    return emit_built(p, i, e, &b);
}

size_t rule_acronym(pass *p, size_t i)
{
    size_t compound = rule_capitals_compound(p, i);
    if (compound)
        return compound;
    size_t e = word_end(p, i), n = caps_run(p, i, e);
    if (n < 2 || i + n != e)
        return 0;
    if (elided_capitals(p, i, e)) {
        strbuf b;
        sb_init(&b);
        bool after = after_apostrophe(p, i);
        for (size_t k = i; k < e; k++)
            sb_addc(&b, k == i && !after ? p->s[k] : (char)tolower((unsigned char)p->s[k]));
        return emit_built(p, i, e, &b);
    }
    const char *alias = lexicon_lookup(&p->nz->lex, p->s + i, n);
    if (!alias && n >= 3 && after_title(p, i)) { /* "M. DESCHAMPS": a surname */
        strbuf b;
        sb_init(&b);
        say_capitals_word(&b, p->s + i, n, true);
        return emit_built(p, i, e, &b);
    }
    if (alias && word_alias_is_acronym(p, alias, i, e)) {
        strbuf b;
        sb_init(&b);
        if (pronounceable(p->s + i, n))
            say_capitals(p, &b, p->s + i, n);
        else
            spell(&b, p->s + i, n);
        return emit_built(p, i, e, &b);
    }
    int roman = !alias && only_ivx(p->s + i, n) ? roman_value(p->s + i, n) : 0;
    if (roman) /* "le XV de France", "les XIII": a number, never "Xiii" */
        return emit_cardinal(p, i, e, (unsigned long long)roman);
    /* "l'ETAT", "RESULTATS TECHNIQUES": a French word whose capitals lost
     * their accents; in a sentence, three letters ("EPI") and a word
     * defined in brackets are acronyms */
    if (!alias && foreign_capitals_pair(p, i, e)) {
        strbuf b;
        sb_init(&b);
        add_title_case(&b, p->s + i, n);
        return emit_built(p, i, e, &b);
    }
    bool heading = !alias && in_capitals_phrase(p, i, e);
    bool defined = !alias && held_as_acronym(p, i, e);
    const char *accented = !alias && !defined && n >= (heading ? 3u : 4u)
                               ? accent_shared(p->nz->accents, p->s + i, n) : NULL;
    /* alone in a sentence, a capitals word is as often a name (LONDRES is
     * no "londrès"): only the lost É that opens a word is given back there
     * (l'ETAT, l'ECOLE) */
    if (accented && (heading || strncmp(accented, "\xC3\xA9", 2) == 0)) {
        strbuf b;
        sb_init(&b);
        sb_adds(&b, heading ? "" : "\xC3\x89");
        sb_adds(&b, heading ? accented : accented + 2);
        return emit_built(p, i, e, &b);
    }
    if (heading && short_headline_word(p, i, e)) {
        strbuf b;
        sb_init(&b);
        add_title_case(&b, p->s + i, n);
        return emit_built(p, i, e, &b);
    }
    if (heading && title_case_alias(p, p->s + i, n)) {
        strbuf b;
        sb_init(&b);
        if (headline_pronoun(p, i, e))
            add_title_case(&b, p->s + i, n);
        else
            add_capitals_as_word(p, &b, p->s + i, n);
        return emit_built(p, i, e, &b);
    }
    /* "le CRI TTA": a headline's word that no list has and French cannot
     * say is initials; eSpeak NG would read "TTA" as "ta" */
    if (heading && (n != 3 || caps_run(p, i, e) != 3 || !three_letters_unsayable(p->s + i)))
        return 0;

    strbuf b;
    sb_init(&b);
    say_capitals(p, &b, p->s + i, n);
    /* "L'ANPE": eSpeak NG reads "L'A N P E" as "L apostrophe A" (after a
     * capital L only: "l'A N P E" it elides); with the first letter in
     * lower case ("L'a N P E") it elides. */
    if (after_apostrophe(p, i) && apostrophe_start(p, i) > 0 &&
        is_upper_ascii(p->s[apostrophe_start(p, i) - 1]) && b.len > 2 && b.s[1] == ' ')
        b.s[0] = (char)tolower((unsigned char)b.s[0]);
    return emit_built(p, i, e, &b);
}

/* "le Fmi", "les Pme", "l'Ue": an acronym spelled in capitals, written
 * with one capital as African and Belgian papers often write them;
 * eSpeak NG read "fmi", "pm", "u". Said as its capitals are when the word
 * is neither French nor English ("le Cap", "la Fed", "les Usa" of "user"
 * stay words). */
static bool spelled_title_case(const pass *p, size_t i, size_t e)
{
    const foreign_lists *fl = word_lists(p);
    size_t n = e - i; /* the word lists fold case */
    return n <= 5 && fl->n && !french_word_any_case(p, p->s + i, n) && !foreign_has_word(fl, p->s + i, n);
}

/* Whether an elided article ("l’Armp") or a bracket ("(Armp)") stands
 * before i, or, when any says so, an article in small letters ("son
 * Dg"): where a title-case word is a thing, not a person. After "de" or
 * "le" it is as often a place ("de Metz", "de Lacq", "le Burgh"). */
static bool after_article_or_bracket(const pass *p, size_t i, bool any_article)
{
    if (i > 0 && p->s[i - 1] == '(')
        return true;
    if (after_apostrophe(p, i)) {
        size_t a = apostrophe_start(p, i);
        return a > 0 && (p->s[a - 1] | 0x20) == 'l' && (a == 1 || !isalpha((unsigned char)p->s[a - 2]));
    }
    word_ref w = prev_word(p, i);
    return any_article && w.end == i - 1 && p->s[w.start] >= 'a' && word_in(p, w, &p->nz->determiners);
}

/* "l’Armp", "(Armp)", "son Dg": initials the press writes with one
 * capital, which no lexicon lists, spelled when no word list has them
 * and French cannot say them: no vowel, after an article or a bracket;
 * one vowel and pronounceable says no ("Armp"), after an elided article
 * or a bracket, and an opening French may have: "Kwon", "Ndoye", "Pskov"
 * are names whose first letters French lacks, not initials. */
static bool unlisted_title_initialism(const pass *p, size_t i, size_t e, const char *upper)
{
    size_t n = e - i, vowels = 0;
    for (size_t k = 0; k < n; k++)
        vowels += is_vowel(upper[k]);
    if (n > 5 || vowels > 1 || (vowels ? n < 4 || pronounceable(upper, n) : n < 2))
        return false;
    if (vowels && !is_vowel(upper[0]) && !is_vowel(upper[1]) && !onset_pair(upper[0], upper[1]))
        return false;
    const foreign_lists *fl = word_lists(p);
    return fl->n && after_article_or_bracket(p, i, vowels == 0) && !french_word_any_case(p, p->s + i, n) &&
           !foreign_has_word(fl, p->s + i, n);
}

/* "le Medef", "le Pacs", "l'Unédic": the press writes the acronyms it
 * says as words with one capital. When the lexicon says such a word in
 * capitals otherwise than eSpeak NG reads the capitalized spelling (the
 * final s of "Pacss", the é of "Médef"), its alias is used. Only words of
 * four letters or more whose alias is itself a name: "LES" → les is for
 * headlines, not for "Les" at the head of a sentence. */
size_t rule_titlecase_acronym(pass *p, size_t i)
{
    size_t e = word_end(p, i);
    char upper[16];
    if (e - i < 2 || e - i >= sizeof upper)
        return 0;
    for (size_t k = i; k < e; k++) {
        char c = p->s[k];
        if (k > i ? !(c >= 'a' && c <= 'z') : !is_upper_ascii(c))
            return 0;
        upper[k - i] = (char)toupper((unsigned char)c);
    }
    const char *alias = lexicon_lookup(&p->nz->lex, upper, e - i);
    if (!alias && unlisted_title_initialism(p, i, e, upper)) {
        strbuf b;
        sb_init(&b);
        spell(&b, upper, e - i);
        return emit_built(p, i, e, &b);
    }
    if (!alias || (strlen(alias) == e - i && memcmp(alias, p->s + i, e - i) == 0))
        return 0;
    if (strchr(alias, ' ') ? !spelled_title_case(p, i, e)
                           : e - i < 4 || !(is_upper_ascii(alias[0]) || strncmp(alias, "\xC3\x89", 2) == 0))
        return 0;
    emit(p, i, e, alias);
    return e - i;
}

/* Whether the name at [i, e) ends in a consonant and y ("Sarkozy"). */
static bool final_consonant_y(const pass *p, size_t i, size_t e)
{
    return e - i >= 3 && p->s[e - 1] == 'y' && p->s[e - 2] >= 'a' && p->s[e - 2] <= 'z' &&
           !strchr("aeiouy", p->s[e - 2]);
}

/* Whether the word at [i, e) ends in a consonant and -ys ("Alys",
 * "Thalys"), which eSpeak NG 1.51 hands to its English voice (/'aliz/,
 * /T'A:liz/) where French says -isse. */
static bool final_consonant_ys(const pass *p, size_t i, size_t e)
{
    return e - i >= 4 && p->s[e - 1] == 's' && final_consonant_y(p, i, e - 1);
}

/* The length of a final th or ths ("Beyrouth", "Wisigoths"), 0 if none. */
static size_t final_th(const pass *p, size_t i, size_t e)
{
    size_t s = e - i >= 5 && p->s[e - 1] == 's';
    return e - i >= 4 + s && p->s[e - 2 - s] == 't' && p->s[e - 1 - s] == 'h' ? 2 + s : 0;
}

/* "d'Estaing", "Fontaing": French says a final -aing /ɛ̃/, eSpeak NG 1.51
 * /ɛ̃g/. No other language writes it, so the name is respelled -in, not
 * -ain: eSpeak NG makes the liaison of "certain" after -ain ("d'Estain
 * avait" /dEstE~navE/), and a name takes none. */
static size_t say_final_aing(pass *p, size_t i, size_t e)
{
    if (e - i < 5 || memcmp(p->s + e - 4, "aing", 4) != 0)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, e - i - 4);
    sb_adds(&b, "in");
    return emit_built(p, i, e, &b);
}

/* Whether the name at [i, e) ends in a consonant and -ed ("Ahmed",
 * "Alfred"), which eSpeak NG 1.51's French rules hand to the English voice
 * (/moUh'amId/, /'oUbd/), where French says -ède. */
static bool final_consonant_ed(const pass *p, size_t i, size_t e)
{
    return e - i >= 4 && p->s[e - 1] == 'd' && p->s[e - 2] == 'e' && p->s[e - 3] >= 'a' &&
           p->s[e - 3] <= 'z' && !strchr("aeiouy", p->s[e - 3]);
}

/* Whether the word at [i, e) is a capital and lower-case letters. */
static bool capitalized_word(const pass *p, size_t i, size_t e)
{
    uint32_t cp;
    size_t first = (size_t)utf8_decode(p->s + i, e - i, &cp);
    if (!first || lower_at(p, i))
        return false;
    for (size_t k = i + first, l; k < e; k += l)
        if (!lower_at(p, k) || !(l = (size_t)utf8_decode(p->s + k, e - k, &cp)))
            return false;
    return true;
}

/* Whether the word w is another language's common word and no French
 * one ("cost", "from"). */
static bool foreign_phrase_word(const pass *p, const foreign_lists *fl, word_ref w)
{
    size_t n = w.end - w.start;
    return n >= 2 && n < 64 && lower_at(p, w.start) && ascii_only(p->s + w.start, n) &&
           foreign_not_french(p, fl, p->s + w.start, n);
}

/* Whether the name at [i, e) stands in another language's phrase: two
 * of its common words beside it, on one side or one on each ("Levelized
 * cost of…", a paper's English title). One alone may be a name's particle
 * ("bin Mohammed": bin is an English word too). */
static bool in_foreign_phrase(const pass *p, const foreign_lists *fl, size_t i, size_t e)
{
    word_ref before = prev_word(p, i), after = next_word(p, e);
    bool b = foreign_phrase_word(p, fl, before), a = foreign_phrase_word(p, fl, after);
    return (a && b) || (a && foreign_phrase_word(p, fl, next_word(p, after.end))) ||
           (b && foreign_phrase_word(p, fl, prev_word(p, before.start)));
}

/* Whether the word lists say the name at [i, e) is another language's
 * and keeps eSpeak NG's reading. A name ending in -ed is, only when the
 * list has it as a common word ("United", "Limited"): the English list
 * holds names of every origin ("Ahmed", "Mohammed", "Alfred"), and French
 * says -ède even for its own ("Ted", "Fred"). Any other name is, when a
 * list has it at all ("Johnny", "Kennedy"), but not when a French accent
 * marks it ("Valéry": English has Valery). Without a list nothing tells:
 * all are left to eSpeak NG. */
static bool kept_foreign(const pass *p, size_t i, size_t e, bool ed)
{
    const foreign_lists *fl = word_lists(p);
    if (!fl->n)
        return true;
    if (in_foreign_phrase(p, fl, i, e))
        return true;
    if (ed)
        return foreign_common_word(fl, p->s + i, e - i);
    return ascii_only(p->s + i, e - i) && foreign_has_word(fl, p->s + i, e - i);
}

/* "Thionville", "Thiais", "Thouars", "Thiam": eSpeak NG 1.51's French
 * rules hand many capitalized words opening on Th and a vowel to the
 * English voice (/T,aIoUnv'Il/). French says a t there, in its own names
 * ("Thonon", which eSpeak NG reads right) as in others. A name no other
 * language's word list holds (see kept_foreign: "Thames", "Thor" stay
 * English) is written with a t; "tt" before an i and a vowel, which a
 * single t would have eSpeak NG say /s/ ("Tionville" is /sjO~vil/), and
 * only there: eSpeak NG hands some words to English whatever their th
 * ("Tinkpad"), and spells a "Tt" opening them. */
size_t rule_initial_th(pass *p, size_t i)
{
    if (i + 3 > p->len || p->s[i] != 'T' || p->s[i + 1] != 'h' || !lower_at(p, i + 2) ||
        (p->s[i + 2] > 0 && p->s[i + 2] < 0x7f && !strchr("aeiouy", p->s[i + 2])))
        return 0;
    size_t e = word_end(p, i);
    if (e - i < 4 || e - i >= 64 || !capitalized_word(p, i, e) || kept_foreign(p, i, e, false))
        return 0;
    if (french_word_any_case(p, p->s + i, e - i))
        return 0; /* a French word at a sentence's head ("Thermostat") is read right */
    strbuf b;
    sb_init(&b);
    sb_adds(&b, p->s[i + 2] == 'i' && i + 3 < e && strchr("aeiouy", p->s[i + 3]) ? "Tt" : "T");
    sb_add(&b, p->s + i + 2, e - i - 2);
    return emit_built(p, i, e, &b);
}

/* "Sarkozy", "Cergy", "Neuilly", "Élisabeth", "Édith", "Ahmed":
 * eSpeak NG 1.51's French rules hand a word ending in a consonant and y,
 * in -ys, in th, or in a consonant and -ed to the English voice ("Sarkozy" is
 * /sA@k0zi/, "Élisabeth" /Il'IseIb@T/). A name no other language's word
 * list holds (see kept_foreign) is read the way a French news reader says
 * an unknown name, in French spelling: its y is an i, its -ed -ède, and,
 * when an accent says the name is French (English names end in th too:
 * Ainsworth), its final th a t, written tte since eSpeak NG would leave a
 * lone final t mute ("Élisabette"), but the mute end of -goth. A th
 * inside a name is left alone: eSpeak NG reads most of them in French
 * ("Thierry"), and a t in its place would change the vowel before it
 * ("Bethoncourt"). French words of the same kind are respelled by
 * espeak-french.pls, and a few names by names.pls ("Beyrouth"). */
size_t rule_french_name(pass *p, size_t i)
{
    size_t e = word_end(p, i), th = final_th(p, i, e);
    bool y = final_consonant_y(p, i, e), ed = !y && !th && final_consonant_ed(p, i, e);
    bool ys = !y && !th && !ed && final_consonant_ys(p, i, e);
    if (!y && !th && !ed && !ys && p->s[e - 1] == 'g')
        return say_final_aing(p, i, e);
    if (th && ascii_only(p->s + i, e - i))
        th = 0; /* English names end in th too (Ainsworth): an accent says French */
    if ((!y && !th && !ed && !ys) || !capitalized_word(p, i, e) || kept_foreign(p, i, e, ed))
        return 0;
    strbuf b;
    sb_init(&b);
    if (y) {
        sb_add(&b, p->s + i, e - i - 1);
        sb_addc(&b, 'i');
    } else if (ys) {
        sb_add(&b, p->s + i, e - i - 2);
        /* "Alisse": the s French sounds; "les Grammys": a plural's, mute */
        sb_adds(&b, after_plural_determiner(p, i) ? "i" : "isse");
    } else if (ed) {
        sb_add(&b, p->s + i, e - i - 2);
        sb_adds(&b, "\xC3\xA8" "de");
    } else {
        size_t t = e - th; /* the t of th */
        bool goth = t - i >= 2 && p->s[t - 2] == 'g' && p->s[t - 1] == 'o';
        sb_add(&b, p->s + i, t + 1 - i);
        sb_adds(&b, goth ? "" : "te");
        sb_adds(&b, th == 3 ? "s" : "");
    }
    return emit_built(p, i, e, &b);
}

/* "thrombotique", "thrombocytopénie": eSpeak NG 1.51's French rules hand
 * a word opening with th and a consonant to the English voice
 * (/Tr,0mb@t'i:k/). The French words of Debian's list are respelled by
 * espeak-french.pls ("thrombose"); one it lacks, that the English list
 * does not hold either (it holds "three", "through", "thriller" and their
 * forms), is a French word built on a learned root, and French says its
 * th as t. Only in lower case: a capital may open a name. */
size_t rule_learned_thr(pass *p, size_t i)
{
    size_t e = word_end(p, i);
    if (e - i < 5 || memcmp(p->s + i, "th", 2) != 0 || !(p->s[i + 2] >= 'a' && p->s[i + 2] <= 'z') ||
        strchr("aeiouy", p->s[i + 2]))
        return 0;
    const foreign_lists *fl = word_lists(p);
    if (!fl->n || foreign_has_word(fl, p->s + i, e - i))
        return 0; /* no list to tell, or an English word: left to eSpeak NG */
    strbuf b;
    sb_init(&b);
    sb_addc(&b, 't');
    sb_add(&b, p->s + i + 2, e - i - 2);
    return emit_built(p, i, e, &b);
}

/* "article L1235-3", "art. R4624-10": a code's article glued to its
 * letter, said as "L. 1235-3" is, its parts joined by "tiret" (a pause
 * would make "A320-200" two numbers, but a code's dash is read). Only
 * after a label noun, and with a code's letter: L, R, D. */
static size_t glued_code_article(pass *p, size_t i, size_t e)
{
    size_t before = i;
    while (before > 0 && p->s[before - 1] == ' ')
        before--;
    word_ref label = prev_word(p, before > 0 && p->s[before - 1] == '.' ? before - 1 : i); /* "art." */
    if (e - i < 4 || !strchr("LRD", p->s[i]) || !is_digit(p->s[i + 1]) ||
        !word_in(p, label, &p->nz->label_nouns))
        return 0;
    size_t k = i + 1 + digits_at(p->s, e, i + 1);
    if (k + 1 >= p->len || p->s[k] != '-' || !is_digit(p->s[k + 1]))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%c ", p->s[i]);
    for (size_t d = i + 1;;) {
        size_t n = digits_at(p->s, p->len, d);
        say_number_text(p, &b, p->s + d, n, false);
        d += n;
        if (d + 1 >= p->len || p->s[d] != '-' || !is_digit(p->s[d + 1]) ||
            is_word_at(p->s, p->len, d + 1 + digits_at(p->s, p->len, d + 1)))
            return emit_built(p, i, d, &b);
        sb_adds(&b, " tiret ");
        d++;
    }
}

/* Whether a dash that opens an aside (" -de l'ONU- sont") stands earlier
 * on the line: a dash after a word then closes it, and is no sign. */
static bool aside_open_before(const pass *p, size_t i)
{
    for (size_t k = i; k > 1 && i - k < 240 && p->s[k - 1] != '\n'; k--)
        if (p->s[k - 1] == '-' && p->s[k - 2] == ' ' && is_letter_at(p->s, p->len, k))
            return true;
    return false;
}

/* "AA-", "BBB-", "O-", "HER2-", "ST-": a minus glued after a short code in
 * capitals (a rating, a blood group, a marker) and before a space or a
 * mark is said "moins", as its plus is said "plus"; eSpeak NG says
 * nothing for it. Not the dash that closes an aside. */
size_t rule_code_minus(pass *p, size_t i)
{
    if (p->s[i] != '-' || (i + 1 < p->len && (is_word_at(p->s, p->len, i + 1) || p->s[i + 1] == '-')))
        return 0;
    size_t b = i;
    while (b > 0 && is_digit(p->s[b - 1]))
        b--;
    size_t letters = 0;
    while (b > 0 && is_upper_ascii(p->s[b - 1]))
        b--, letters++;
    if (letters < 1 || letters > 4 || word_ends_before(p->s, p->len, b) ||
        aside_open_before(p, b) || only_ivx(p->s + b, letters))
        return 0; /* "Titre II- les causes": a heading's dash */
    word_ref next = next_word(p, i + 1);
    if (i + 1 < p->len && p->s[i + 1] == ' ' && next.end > next.start &&
        (!lower_at(p, next.start) || apostrophe_at(p, next.end)))
        return 0; /* "PSG- l'OM", "Lyon- Marseille": a match's dash */
    emit(p, i, i + 1, " moins");
    return 1;
}

/* "PM2,5", "PM2.5": a code of capitals and a number of one or two digits
 * with one decimal, as fine particles are named; the length of the
 * decimal's mark and digit, 0 when none ("A6, 5", "A1.2.3" are not). */
static size_t code_decimal(const pass *p, size_t i, size_t e, size_t caps)
{
    size_t d = e - i - caps;
    if (caps > 3 || d < 1 || d > 2 || caps_run(p, i, e) != caps || e + 2 > p->len ||
        (p->s[e] != ',' && p->s[e] != '.') || !is_digit(p->s[e + 1]))
        return 0;
    size_t after = e + 2;
    if (after < p->len && (is_word_at(p->s, p->len, after) ||
                           ((p->s[after] == ',' || p->s[after] == '.') && after + 1 < p->len && is_digit(p->s[after + 1]))))
        return 0;
    return 2;
}

/* "IPv6", "SNMPv3": a protocol's capitals, a "v" and its version. Spelled
 * letter by letter, the v too, then the number. */
static size_t versioned_capitals(pass *p, size_t i, size_t e)
{
    size_t n = caps_run(p, i, e);
    if (n < 2 || n > 6 || i + n + 1 >= e || p->s[i + n] != 'v' || digits_at(p->s, e, i + n + 1) != e - i - n - 1)
        return 0;
    strbuf b;
    sb_init(&b);
    spell(&b, p->s + i, n);
    sb_adds(&b, " v ");
    say_number_text(p, &b, p->s + i + n + 1, e - i - n - 1, false);
    return emit_built(p, i, e, &b);
}

/* Capitals mixed with digits: "G20" → G vingt, "H5N1" → H cinq N un,
 * "5G" → cinq G, "A13" → A treize. */
size_t rule_alnum(pass *p, size_t i)
{
    size_t e = word_end(p, i), caps = 0, digits = 0;
    size_t version = versioned_capitals(p, i, e);
    if (version)
        return version;
    for (size_t k = i; k < e; k++) {
        if (is_upper_ascii(p->s[k]))
            caps++;
        else if (is_digit(p->s[k]))
            digits++;
        else
            return 0;
    }
    if (!caps || !digits || e - i > 12)
        return 0;
    size_t code = caps == 1 ? glued_code_article(p, i, e) : 0;
    if (code)
        return code;
    if (caps == 1 && p->s[e - 1] == 'K' && is_digit(p->s[i]))
        return 0; /* "45K": thousands, the number rule's */
    const char *scale_word;
    size_t cl;
    if (caps == 1 && p->s[e - 1] == 'M' && is_digit(p->s[i]) &&
        (scale_letters(p, e - 1, false, &scale_word) || currency_at(p, e, &cl)))
        return 0; /* "2M de vues", "3M€": millions, the number rule's */
    size_t d = digits_at(p->s, e, i);
    if (caps == 1 && d && e - i - d == 2 && p->s[i + d] == 'M' && (p->s[e - 1] == '2' || p->s[e - 1] == '3'))
        return 0; /* "100M2", "21M3": square and cubic metres, the number rule's */
    if (d && unit_glued_at(p, i + d, e))
        return 0; /* "8MP", "110CV": a measure, the number rule's */
    static const char *const ordinals[] = {"ER", "ERS", "RE", "RES", "EME", "EMES"};
    for (size_t k = 0; d && k < sizeof ordinals / sizeof *ordinals; k++)
        if (e - i - d == strlen(ordinals[k]) && memcmp(p->s + i + d, ordinals[k], e - i - d) == 0)
            return 0; /* "1ER ÉPISODE": an ordinal in a headline */
    strbuf b;
    sb_init(&b);
    for (size_t k = i; k < e;) {
        if (b.len)
            sb_addc(&b, ' ');
        size_t n = caps_run(p, k, e);
        const char *alias = n > 1 ? lexicon_lookup(&p->nz->lex, p->s + k, n) : NULL;
        if (n == 1)
            sb_addc(&b, p->s[k]);
        else if (n && alias && (alias_is_lower_word(alias, p->s + k, n) || (n <= 3 && !is_upper_ascii(alias[0]))))
            spell(&b, p->s + k, n); /* "CE1": C E un, not "ce un"; "OK12", "RDV2":
                                       a word's alias (oké) is no code's letters */
        else if (n)
            say_capitals(p, &b, p->s + k, n);
        else
            say_number_text(p, &b, p->s + k, n = digits_at(p->s, e, k), false);
        k += n;
    }
    size_t frac = code_decimal(p, i, e, caps);
    if (frac) { /* "PM2,5": P M deux virgule cinq */
        num_style st = style(p, false, false);
        sb_adds(&b, " virgule ");
        num_decimal_digits(&b, p->s + e + 1, 1, &st);
        return emit_built(p, i, e + frac, &b);
    }
    /* "DDR3-1600", "A320-200": two numbers a hyphen would join into one
     * ("trois-mille six cents", "vingt-deux cents"); a pause keeps them two */
    if (is_digit(p->s[e - 1]) && e + 1 < p->len && p->s[e] == '-' && is_digit(p->s[e + 1])) {
        sb_adds(&b, ", ");
        return emit_built(p, i, e + 1, &b);
    }
    return emit_built(p, i, e, &b);
}

/* Whether n small letters at s have the shape of initials: three to
 * five, no vowel or only the first ("asbl"), and French cannot say them.
 * The cheap test, first: initials have no vowel ("sdf", "sncf") or open
 * on their only one ("asbl"); other short words say themselves ("dans",
 * "les"), and three letters with a vowel are a word of some language
 * ("tra", "von") more often than initials. upper gets them in capitals. */
static bool initials_shape(const char *s, size_t n, char upper[6])
{
    if (n < 3 || n > 5)
        return false;
    for (size_t k = 1; k < n; k++)
        if (is_vowel((char)(s[k] & ~0x20)))
            return false;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < 'a' || s[k] > 'z')
            return false;
        upper[k] = (char)(s[k] - 'a' + 'A');
    }
    return !(is_vowel(upper[0]) && (n == 3 || pronounceable(upper, n)));
}

/* Writes into b how initials of that shape are said, as the lexicon
 * reads the capitals ("S N C F") or spelled ("A S B L"); false when
 * they are a word after all: of the lexicon, a plural, a sound, a word
 * of the lists. Only with the word lists, which tell words from
 * initials. */
static bool say_initials(const pass *p, const char *s, size_t n, const char *upper, strbuf *b)
{
    const char *alias = lexicon_lookup(&p->nz->lex, upper, n);
    if (alias && alias_is_lower_word(alias, upper, n))
        return false; /* the lexicon's word for a headline ("DES" → des) */
    if (!alias && is_vowel(upper[0]) && upper[n - 1] == 'S')
        return false; /* "devs": a plural */
    if (!alias && upper[n - 1] == upper[n - 2])
        return false; /* "hmm", "pff", "brr": a sound, not letters */
    const foreign_lists *fl = word_lists(p);
    if (!fl->n || !french_list_loaded(p->nz->accents) || french_plain_word(p->nz->accents, s, n) ||
        foreign_common_word(fl, s, n))
        return false;
    if (alias)
        sb_adds(b, alias); /* "tva", "sncf": the acronym's reading */
    else
        spell(b, upper, n);
    return true;
}

/* ── Web and e-mail addresses ──────────────────────────────────────────── */

/* The length of the letter or digit at k, 0 if none. Hosts and paths
 * may hold accented letters ("Québec.ca", "l'Humanité.fr"); the quotes,
 * dashes and spaces beyond ASCII end an address. */
static size_t address_letter_len(const pass *p, size_t k)
{
    unsigned char c = (unsigned char)p->s[k];
    if (c < 0x80)
        return isalnum(c) ? 1 : 0;
    uint32_t cp; /* a letter is a whole character: it decodes */
    return is_letter_at(p->s, p->len, k) ? (size_t)utf8_decode(p->s + k, p->len - k, &cp) : 0;
}

static size_t address_char_len(const pass *p, size_t k)
{
    char c = p->s[k];
    return c && strchr(".-_@/:%?=&~#+", c) ? 1 : address_letter_len(p, k);
}

/* Whether the host part [s, e) ends with a known top-level domain. */
static bool host_has_tld(const pass *p, size_t s, size_t e)
{
    size_t dot = e;
    while (dot > s && p->s[dot - 1] != '.')
        dot--;
    if (dot <= s + 1)
        return false;
    size_t label = dot - 1;
    while (label > s && p->s[label - 1] != '.' && !isalpha((unsigned char)p->s[label - 1]))
        label--;
    if (label == s || p->s[label - 1] == '.')
        return false; /* "3.ml", "1.2.cm": a number before a unit, no host */
    char tld[16];
    size_t n = e - dot;
    if (n < 2 || n >= sizeof tld)
        return false;
    if (islower((unsigned char)p->s[s]) && isupper((unsigned char)p->s[dot]) &&
        islower((unsigned char)p->s[dot + 1]))
        return false; /* "il est venu.De plus": a sentence missing its space */
    for (size_t k = 0; k < n; k++)
        tld[k] = (char)tolower((unsigned char)p->s[dot + k]);
    tld[n] = '\0';
    return word_set_has(&p->nz->tlds, tld, n);
}

/* "contact@meaux.frTarifs (entrée)": a page that lost the space after
 * an address, its top-level domain glued to the capitalized word after
 * it. The end of that domain, or e when the host's last label is no
 * known domain followed by a capital and a small letter. */
static size_t glued_tld_end(const pass *p, size_t s, size_t e)
{
    size_t dot = e;
    while (dot > s && p->s[dot - 1] != '.')
        dot--;
    /* the first capital with a small letter after it, two to seven bytes in */
    for (size_t n = 2; dot > s && n < 8 && dot + n + 1 < e; n++)
        if (is_upper_ascii(p->s[dot + n]) && p->s[dot + n + 1] >= 'a' && p->s[dot + n + 1] <= 'z')
            return word_set_has(&p->nz->tlds, p->s + dot, n) ? dot + n : e;
    return e;
}

/* Whether [s, e), after an at sign, a scheme ("https://") or "www.", is a host
 * of any top-level domain: labels of small letters, digits and hyphens,
 * the last of two to ten small letters. Nothing else has a dotted name
 * there. */
static bool mail_host(const pass *p, size_t s, size_t e)
{
    size_t dot = e;
    while (dot > s && p->s[dot - 1] != '.')
        dot--;
    if (dot <= s + 1 || e - dot < 2 || e - dot > 10)
        return false;
    for (size_t k = dot; k < e; k++)
        if (p->s[k] < 'a' || p->s[k] > 'z')
            return false;
    for (size_t k = s; k < dot; k++)
        if (!islower((unsigned char)p->s[k]) && !isdigit((unsigned char)p->s[k]) && !strchr(".-", p->s[k]))
            return false;
    return true;
}

/* Whether [s, e) is four numbers of at most three digits between dots. */
static bool ipv4_host(const pass *p, size_t s, size_t e)
{
    int groups = 0;
    for (size_t k = s; k < e; groups++) {
        size_t d = digits_at(p->s, e, k);
        if (d < 1 || d > 3)
            return false;
        k += d;
        if (k < e && p->s[k++] != '.')
            return false;
    }
    return groups == 4;
}

/* The extent of an address at i, 0 if there is none. */
static size_t address_end(const pass *p, size_t i, size_t *host_start)
{
    size_t e = i;
    for (size_t n; e < p->len && (n = address_char_len(p, e));)
        e += n;
    while (e > i && strchr(".-_:?&#,", p->s[e - 1]))
        e--; /* the sentence's full stop, not the address's; a last slash
              * is the address's, and not said */
    size_t h = i;
    if (e - i > 3 && starts_with_at(p, i, "http")) {
        const char *sl = memchr(p->s + i, '/', e - i);
        if (!sl || sl + 2 > p->s + e || sl[1] != '/')
            return 0;
        h = (size_t)(sl - p->s) + 2;
    }
    const char *at = memchr(p->s + h, '@', e - h);
    if (at)
        h = (size_t)(at - p->s) + 1;
    size_t he = h;
    while (he < e && p->s[he] != '/' && p->s[he] != ':' && p->s[he] != '?')
        he++;
    *host_start = h;
    if (at && at > p->s + i && mail_host(p, h, he))
        return e; /* "faq@icda.bio": a domain no list has, after an at sign */
    if (!at && (h > i || starts_with_at(p, h, "www.")) && mail_host(p, h, he))
        return e; /* "https://fr.starlabs.systems/…", "www.ma-boutique.shop":
                   * so is one after a scheme or "www." */
    if (h > i && ipv4_host(p, h, he))
        return e; /* "https://192.168.1.3": a machine's address */
    if (he == e && !host_has_tld(p, h, he))
        e = he = glued_tld_end(p, h, he); /* "meaux.frTarifs" */
    return host_has_tld(p, h, he) ? e : 0;
}

/* "lemonde.fr" → lemonde point fr; "a.b@c.fr" → a point b arobase c point
 * fr; "https://" is not said. */
/* Whether a link's path says something ("/de-wilson-a-cahuzac"), rather
 * than coding it ("/FGXVbPzICy", "/?id=42&p=3"): a listener is given the
 * site alone then. */
static bool path_reads_as_words(const char *s, const char *e)
{
    if (e - s > 80)
        return false;
    int joins = 0, segments = 0; /* "/de-wilson-a-cahuzac-une-idee…/": an article's title */
    int digits = 0, capitals = 0; /* of the part since the last sign */
    for (const char *q = s; q < e; q++) {
        if (strchr("?=&%#", *q) || ((*q == '-' || *q == '_') && ++joins > 6) ||
            (*q == '/' && q + 1 < e && ++segments > 4))
            return false;
        if (q > s && isupper((unsigned char)*q) && islower((unsigned char)q[-1]))
            return false; /* capitals inside a word: a code */
        if (!isalnum((unsigned char)*q))
            digits = capitals = 0;
        digits += isdigit((unsigned char)*q) != 0;
        capitals += isupper((unsigned char)*q) != 0;
        if (digits && capitals >= 2)
            return false; /* "/O1DEXYHYUP": capitals and digits, a code too */
    }
    return true;
}

/* "test.html", "rapport_2024.pdf": a file's name, then a dot and an
 * extension of file-extensions.tsv, said "test point h t m l". eSpeak NG
 * drops the dot and reads "html" as letters run together. */
static size_t file_name(pass *p, size_t i)
{
    size_t k = i;
    while (k < p->len && (isalnum((unsigned char)p->s[k]) || p->s[k] == '_' || p->s[k] == '-'))
        k++;
    if (k == i || k + 2 >= p->len || p->s[k] != '.')
        return 0;
    size_t e = k + 1;
    while (e < p->len && isalnum((unsigned char)p->s[e]))
        e++;
    if (is_word_at(p->s, p->len, e) || (e < p->len && (p->s[e] == '/' || p->s[e] == '@' || p->s[e] == '_')) ||
        (e + 1 < p->len && p->s[e] == '.' && isalnum((unsigned char)p->s[e + 1])))
        return 0;
    const char *said = respell_exact(&p->nz->file_extensions, p->s + k + 1, e - k - 1);
    if (!said)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, k - i);
    sb_adds(&b, " point ");
    sb_adds(&b, said);
    return emit_built(p, i, e, &b);
}

/* "rec.arts.movies", "fr.wikipedia.org.blah": three or more lower-case
 * parts of two letters or more joined by dots, no space: a name a
 * machine reads (a newsgroup, a package), said with "point". Two parts
 * may be a sentence missing its space ("fin.puis"), so they stay. */
static size_t dotted_name(pass *p, size_t i)
{
    size_t k = i, parts = 0;
    for (;;) {
        size_t b = k;
        while (k < p->len && ((p->s[k] >= 'a' && p->s[k] <= 'z') || is_digit(p->s[k])))
            k++;
        bool more = k + 2 < p->len && p->s[k] == '.' && p->s[k + 1] >= 'a' && p->s[k + 1] <= 'z';
        if (k - b < (more || parts < 2 ? 2u : 1u)) /* "comp.lang.c": the last may be a letter */
            return 0;
        parts++;
        if (!more)
            break;
        k++;
    }
    if (parts < 3 || is_word_at(p->s, p->len, k) || (k < p->len && (p->s[k] == '@' || p->s[k] == '/')))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t q = i; q < k; q++) {
        if (p->s[q] == '.')
            sb_adds(&b, " point ");
        else
            sb_addc(&b, p->s[q]);
    }
    return emit_built(p, i, k, &b);
}

/* A part of an address the lexicon says ("youtube.com": Youtioube point
 * com, as eSpeak NG would read the name alone otherwise), at its start k:
 * its length, 0 if there is none. */
static size_t say_known_label(const pass *p, size_t k, size_t e, strbuf *b)
{
    if (k > 0 && isalnum((unsigned char)p->s[k - 1]))
        return 0;
    size_t l = k;
    while (l < e && isalnum((unsigned char)p->s[l]))
        l++;
    const char *alias = l > k + 2 ? lexicon_lookup(&p->nz->lex, p->s + k, l - k) : NULL;
    if (!alias || strchr(alias, ' '))
        return 0;
    sb_adds(b, alias);
    return l - k;
}

/* The end of the small letters that open a label of an address at k
 * (before e), or k when k is inside a label. */
static size_t label_letters_end(const pass *p, size_t k, size_t e)
{
    if (k > 0 && isalnum((unsigned char)p->s[k - 1]))
        return k;
    size_t l = k;
    while (l < e && p->s[l] >= 'a' && p->s[l] <= 'z')
        l++;
    return l;
}

/* "adsbl69@hotmail.com": a label of an address, or its letters before
 * the digits that end it ("bdf0b3f41f13" is a code), that has the shape
 * of initials, spelled as they are in a sentence; eSpeak NG would say
 * "adsbl" /adzbl/. */
static size_t say_initials_label(const pass *p, size_t k, size_t e, strbuf *b)
{
    size_t l = label_letters_end(p, k, e);
    if (l == k)
        return 0;
    size_t d = l;
    while (d < e && isdigit((unsigned char)p->s[d]))
        d++;
    char upper[6];
    if ((d < e && isalpha((unsigned char)p->s[d])) || !initials_shape(p->s + k, l - k, upper) ||
        !say_initials(p, p->s + k, l - k, upper, b))
        return 0;
    if (l < e && isdigit((unsigned char)p->s[l]))
        sb_addc(b, ' ');
    return l - k;
}

/* Whether a piece of an address label is a French word: a function word
 * ("le", "au", "une") or a word of the list of four letters or more, as
 * written or without its accents, even when several words lose theirs
 * the same way ("etoiles": étoiles and étoilés). */
static bool french_piece(const pass *p, const char *s, size_t n)
{
    return (n >= 2 && word_set_has(&p->nz->function_words, s, n)) ||
           (n >= 4 && (french_plain_word(p->nz->accents, s, n) || accent_shared(p->nz->accents, s, n)));
}

/* Whether the accents of a word change how eSpeak NG reads its letters:
 * those of e ("universite" ends mute) and the cedilla ("garcon"); ô, â, î
 * and û lengthen a vowel at most ("impots"), and an address is left as
 * written then. */
static bool accents_heard(const char *w)
{
    for (const char *a = strstr(w, "\xC3"); a; a = strstr(a + 1, "\xC3")) {
        unsigned char c = (unsigned char)a[1];
        if (c == 0xA9 || c == 0xA8 || c == 0xAA || c == 0xAB || c == 0xA7)
            return true;
    }
    return false;
}

static void say_piece(const pass *p, const char *s, size_t n, strbuf *b)
{
    const char *accented = n >= 4 && !french_plain_word(p->nz->accents, s, n)
                               ? accent_shared(p->nz->accents, s, n) : NULL;
    if (accented && accents_heard(accented))
        sb_adds(b, accented);
    else
        sb_add(b, s, n);
}

/* The ways, up to two, to cut s into `parts` French pieces; cut[] gets
 * the ends of the pieces of the first way found. */
static int cut_label(const pass *p, const char *s, size_t n, int parts, size_t *cut)
{
    if (parts == 1) {
        cut[0] = n;
        return french_piece(p, s, n);
    }
    int found = 0;
    for (size_t a = 2; a + 2 * (size_t)(parts - 1) <= n && found < 2; a++) {
        size_t rest[4];
        if (!french_piece(p, s, a))
            continue;
        int ways = cut_label(p, s + a, n - a, parts - 1, rest);
        if (ways && found == 0) {
            cut[0] = a;
            for (int k = 0; k < parts - 1; k++)
                cut[k + 1] = a + rest[k];
        }
        found += ways;
    }
    return found;
}

/* A label of an address in French words run together or typed without
 * accents, as a reader says it: "universite" → université,
 * "lireauhavre" → lire au havre, "unesaisongraphique" → une saison
 * graphique. eSpeak NG reads the run as one word ("unesaison" with a z,
 * "universite" with a mute e). Do no harm: only small letters, and a run
 * cut into the fewest French words (four at most) in one way only; else
 * as written. */
static size_t say_french_label(const pass *p, size_t k, size_t e, strbuf *b)
{
    size_t l = label_letters_end(p, k, e);
    const char *s = p->s + k;
    size_t n = l - k;
    if (n < 4 || n > 40 || (l < e && isalnum((unsigned char)p->s[l])) ||
        french_plain_word(p->nz->accents, s, n))
        return 0;
    const char *accented = accent_restore(p->nz->accents, s, n);
    if (accented) {
        if (!accents_heard(accented))
            return 0;
        sb_adds(b, accented);
        return n;
    }
    for (int parts = 2; parts <= 4 && n >= 6; parts++) {
        size_t cut[4];
        int ways = cut_label(p, s, n, parts, cut);
        if (ways > 1)
            break;
        if (ways == 0)
            continue;
        if (n - cut[parts - 2] <= 2)
            return 0; /* "bossuet", "brunet": a name's ending, not "bossu et" */
        for (int q = 0, from = 0; q < parts; from = (int)cut[q++]) {
            sb_adds(b, q ? " " : "");
            say_piece(p, s + from, cut[q] - (size_t)from, b);
        }
        return n;
    }
    return 0;
}

/* The top-level domain at k, the last label of the host ending at he,
 * said as tlds-said.tsv says it ("lalibre.be": point bé, not eSpeak NG's
 * English "bee"): its length, 0 if the table has no row for it. */
static size_t say_tld(const pass *p, size_t k, size_t he, strbuf *b)
{
    char tld[8];
    if (k == 0 || p->s[k - 1] != '.' || he - k < 2 || he - k >= sizeof tld)
        return 0;
    for (size_t q = k; q < he; q++)
        if (!isalpha((unsigned char)(tld[q - k] = (char)tolower((unsigned char)p->s[q]))))
            return 0;
    tld[he - k] = '\0';
    const respelling *r = respelling_at(&p->nz->tld_said, tld);
    if (!r || strlen(r->from) != he - k)
        return 0; /* none, or a prefix of the ending */
    sb_adds(b, r->to);
    return he - k;
}

/* The length of an opening quote at k that a glued sentence opens with
 * ("présidentielle.«Si", "Zunyou.\"Cela"), 0 if none. */
static size_t opening_quote_len(const pass *p, size_t k)
{
    if (k + 2 < p->len && memcmp(p->s + k, "\xC2\xAB", 2) == 0)
        return 2;
    return k + 1 < p->len && p->s[k] == '"' && is_upper_ascii(p->s[k + 1]) ? 1 : 0;
}

/* Whether an elided article or pronoun's apostrophe is at k, a letter
 * then a small letter: "vigilance.L'épidémie", "Yellen.L’ancienne". */
static bool elision_at(const pass *p, size_t k)
{
    size_t q = apostrophe_at(p, k);
    return q && k + q < p->len && lower_at(p, k + q);
}

/* Whether the full stop at i closes a number of two digits or more that
 * stands alone ("l'article 27.Même son"): neither a decimal nor a
 * section number ("1.2.Le") nor a list's item ("2.Alain", which
 * numbers.c reads). */
static bool after_free_number(const pass *p, size_t i)
{
    size_t k = i;
    while (k > 0 && isdigit((unsigned char)p->s[k - 1]))
        k--;
    return i - k >= 2 && k > 0 && p->s[k - 1] == ' ';
}

/* "mois.Au cours", "Twitter.Une", "».Cette", "(clause 30).La": two
 * sentences a page glued together, a full stop between a word ending in
 * small letters (or a closing quote or bracket) and a word of a capital
 * and small letters. eSpeak NG reads "mois.Au" as one word with a
 * "point" in it, and "problem?Exiger" as one word; a space parts them.
 * An address goes on past the next word ("www.Lemonde.fr",
 * "jean.Dupont@free.fr") and is its rule's. */
size_t rule_glued_stop(pass *p, size_t i)
{
    bool after_word = i >= 2 && lower_at(p, prev_char_start(p->s, i)) &&
                      lower_at(p, prev_char_start(p->s, prev_char_start(p->s, i)));
    bool after_quote = (i >= 2 && memcmp(p->s + i - 2, "\xC2\xBB", 2) == 0) ||
                       (i >= 2 && (p->s[i - 1] == ')' || p->s[i - 1] == '"') && p->s[i] == '.');
    if (!after_word && !after_quote && !(p->s[i] == '.' && after_free_number(p, i)))
        return 0;
    size_t open = opening_quote_len(p, i + 1), start = i + 1 + open;
    size_t e = word_end(p, start), second = start + (is_upper_ascii(p->s[start]) ? 1 : 2);
    if (!open && e == second && elision_at(p, second))
        e = word_end(p, second + apostrophe_at(p, second)), second = e; /* L'épidémie */
    else if (!word_capitalized(p, (word_ref){start, e}) || second >= e || !lower_at(p, second))
        return 0;
    if (e + 1 < p->len && (p->s[e] == '.' || p->s[e] == '@') && isalnum((unsigned char)p->s[e + 1]))
        return 0;
    char stop[3] = {p->s[i], ' ', 0};
    emit(p, i, i + 1, stop);
    return 1;
}

/* Whether c is one of the ASCII characters of set (never NUL, nor the
 * byte of a longer character that strchr would find in a « of set). */
static bool ascii_in(char c, const char *set)
{
    return c != '\0' && (unsigned char)c < 0x80 && strchr(set, c) != NULL;
}

/* Whether a mark that ends before k closes its word: the text ends
 * there, or a space or a sign follows. */
static bool mark_closes(const pass *p, size_t k)
{
    return k == p->len || ascii_in(p->s[k], " \n\t.,;:!?)\"'");
}

/* Whether the lone star at i is a footnote's call or mark, or opens
 * emphasis closed by another on its line. */
static bool lone_star_unsaid(const pass *p, size_t i)
{
    bool line_start = i == 0 || p->s[i - 1] == '\n';
    bool word_before = word_ends_before(p->s, p->len, i);
    bool word_after = i + 1 < p->len && is_word_at(p->s, p->len, i + 1);
    /* "(si besoin)*", "« Le Cid »*": a call after a closing bracket or quote */
    bool closed_before = i > 0 && (p->s[i - 1] == ')' || p->s[i - 1] == '"' ||
                                   (i > 1 && starts_with_at(p, i - 2, "\xC2\xBB")));
    /* "Montant global : 117 900 FCFA *": a spaced call closing its line */
    bool line_end = i + 1 == p->len || p->s[i + 1] == '\n';
    if ((line_start && i + 1 < p->len && p->s[i + 1] == ' ') || (i > 0 && p->s[i - 1] == ' ' && line_end) ||
        ((word_before || closed_before) && mark_closes(p, i + 1)) ||
        (i > 0 && p->s[i - 1] == '(' && i + 1 < p->len && p->s[i + 1] == ')'))
        return true;
    if (word_before || !word_after)
        return false;
    for (size_t k = i + 1; k < p->len && p->s[k] != '\n'; k++)
        if (p->s[k] == '*')
            return word_ends_before(p->s, p->len, k) && mark_closes(p, k + 1);
    return line_start; /* "*Offre valable en magasin": the note a call refers to */
}

/* "**Costello**", "__Le 3 août__": the marks of emphasis a text keeps
 * from Markdown, two or three stars or underscores that open a word (a
 * space or nothing before, a letter or digit after) or close one. eSpeak
 * NG says each star ("astérisque"); a reader says none. So is a lone
 * star that calls a footnote ("supplémentaires*", "(*)") or opens its
 * line ("* Les prénoms ont été changés", "*Offre valable…"), or marks
 * emphasis ("*Bob*"), or closes its line after a space ("FCFA *").
 * Runs between spaces ("note * en") and a star inside a word are left. */
size_t rule_emphasis_marks(pass *p, size_t i)
{
    char mark = p->s[i];
    if (mark != '*' && mark != '_')
        return 0;
    size_t e = i;
    while (e < p->len && p->s[e] == mark)
        e++;
    if (e - i > 3 || (i > 0 && p->s[i - 1] == mark))
        return 0;
    if (e - i == 1) {
        if (mark != '*' || !lone_star_unsaid(p, i))
            return 0;
        emit(p, i, e, "");
        return 1;
    }
    bool word_before = word_ends_before(p->s, p->len, i);
    bool word_after = e < p->len && is_word_at(p->s, p->len, e);
    bool open_before = i == 0 || ascii_in(p->s[i - 1], " \n\t(\"'") ||
                       (i >= 2 && memcmp(p->s + i - 2, "\xC2\xAB", 2) == 0); /* « */
    bool closes_after = mark_closes(p, e) || starts_with_at(p, e, "\xC2\xBB");
    /* "** La licence promotionnelle…": the mark of a note, opening its line */
    bool note_mark = mark == '*' && (i == 0 || p->s[i - 1] == '\n') && e < p->len && p->s[e] == ' ';
    if (!(open_before && word_after) && !(word_before && closes_after) && !note_mark)
        return 0;
    emit(p, i, e, "");
    return e - i;
}

/* "+ Le courant perturbé devrait…": a plus sign opening its line before a
 * capitalized word is a list's bullet, which eSpeak NG said "plus"; "+ 5 %"
 * and "+5 %" before a number stay a sign. */
size_t rule_plus_bullet(pass *p, size_t i)
{
    if (p->s[i] != '+' || (i > 0 && p->s[i - 1] != '\n') || i + 2 >= p->len || p->s[i + 1] != ' ' ||
        !capital_at(p, i + 2))
        return 0;
    emit(p, i, i + 2, "");
    return 2;
}

/* "(ats/nxp)", "(afp/reuters)": the agencies and desk a Swiss or Belgian
 * page signs a paragraph with, in small letters joined by slashes, at
 * its end. A news reader does not read them; eSpeak NG would say "nxp" as
 * letters. Only at the end of a paragraph: "(et/ou)" inside a sentence
 * is words. */
size_t rule_agency_credit(pass *p, size_t i)
{
    size_t k = i + 1, groups = 0;
    for (;;) {
        size_t b = k;
        while (k < p->len && p->s[k] >= 'a' && p->s[k] <= 'z')
            k++;
        if (k - b < 2 || k - b > 8)
            return 0;
        groups++;
        if (k < p->len && p->s[k] == '/') {
            k++;
            continue;
        }
        break;
    }
    if (groups < 2 || k >= p->len || p->s[k] != ')')
        return 0;
    size_t end = k + 1, after = end;
    while (after < p->len && (p->s[after] == ' ' || p->s[after] == '\t'))
        after++;
    if (after < p->len && p->s[after] != '\n' && p->s[after] != '\r')
        return 0;
    emit(p, i, end, "");
    return end - i;
}

/* "l'asbl", "un cdd", "la sncf": initials written in small letters
 * (initials_shape) that no list has as a word, said as initials.
 * eSpeak NG would say "asbl" /azbl/. Not before an apostrophe ("qu'"). */
size_t rule_lower_initialism(pass *p, size_t i, size_t e)
{
    char upper[6];
    if (!initials_shape(p->s + i, e - i, upper))
        return 0;
    if (apostrophe_at(p, e) || (e < p->len && !strchr(" ,;:!?)]/\n", p->s[e])) ||
        (i > 0 && !strchr(" ('\"/\n", p->s[i - 1]) && !after_apostrophe(p, i)) ||
        (i > 1 && p->s[i - 1] == ' ' && is_digit(p->s[i - 2])))
        return 0; /* "caf&eacute;", "3kg", "bd." are no initials, nor "4 bds": a count's noun */
    strbuf b;
    sb_init(&b);
    if (!say_initials(p, p->s + i, e - i, upper, &b)) {
        sb_free(&b);
        return 0;
    }
    return emit_built(p, i, e, &b);
}

/* Whether the address from host to e is a link, with a path, to a host
 * of short links or pictures (lexicons/fr/silent-hosts.txt). */
static bool silent_link(const pass *p, size_t host, size_t e)
{
    size_t he = host;
    while (he < e && p->s[he] != '/')
        he++;
    if (he + 1 >= e)
        return false;
    size_t h = starts_with_at(p, host, "www.") ? host + 4 : host;
    return word_set_has(&p->nz->silent_hosts, p->s + h, he - h);
}

/* "/chateaubourg-87471524": five digits or more in a path are an
 * identifier, said digit by digit; fewer are a number ("/id/278"), which
 * eSpeak NG says. Returns the digits' length, 0 when not so. */
static size_t say_long_digits(const pass *p, size_t k, size_t end, strbuf *b)
{
    size_t d = digits_at(p->s, end, k);
    if (d < 5 || (k > 0 && is_digit(p->s[k - 1])))
        return 0;
    if (b->len && b->s[b->len - 1] != ' ')
        sb_addc(b, ' ');
    for (size_t q = 0; q < d; q++) {
        if (q)
            sb_addc(b, ' ');
        sb_addc(b, p->s[k + q]);
    }
    return d;
}

size_t rule_address(pass *p, size_t i)
{
    size_t r = i;
    for (size_t n; r < p->len && ((n = address_letter_len(p, r)) || p->s[r] == '-' || p->s[r] == '_');)
        r += n ? n : 1;
    if (r == i || r + 1 >= p->len || (p->s[r] != '.' && p->s[r] != '@' && p->s[r] != ':') ||
        (!isalnum((unsigned char)p->s[r + 1]) && p->s[r + 1] != '/'))
        return 0; /* most words: no dot, at sign or colon inside */
    size_t host, e = address_end(p, i, &host);
    if (!e) {
        size_t n = file_name(p, i);
        return n ? n : dotted_name(p, i);
    }
    if (silent_link(p, host, e)) {
        emit(p, i, e, "");
        return e - i;
    }
    strbuf b;
    sb_init(&b);
    size_t k = i;
    const char *slash = starts_with_at(p, i, "http") ? memchr(p->s + i, '/', e - i) : NULL;
    if (slash && slash + 1 < p->s + e && slash[1] == '/')
        k = (size_t)(slash - p->s) + 2; /* "https://" is not said */
    if (e - k > 4 && memcmp(p->s + k, "www.", 4) == 0) {
        sb_adds(&b, "w w w point ");
        k += 4;
    }
    size_t said_end = e;
    if (slash || !memchr(p->s + i, '@', e - i)) {
        /* a link's long path is no help to a listener: its site is
         * ("pic.twitter.com/AaIeKA0h8f" too, written without http) */
        const char *path = memchr(p->s + host, '/', e - host);
        if (path && !path_reads_as_words(path, p->s + e))
            said_end = (size_t)(path - p->s);
    }
    if (said_end > k && p->s[said_end - 1] == '/')
        said_end--;
    size_t he = host;
    while (he < said_end && p->s[he] != '/' && p->s[he] != ':' && p->s[he] != '?')
        he++;
    /* in a site's name a hyphen joins words ("service-public"); an
     * address is written down by its listener, hyphen and all */
    bool mail = !slash && memchr(p->s + i, '@', e - i);
    for (; k < said_end; k++) {
        char c = p->s[k];
        const char *w = c == '.' ? " point " : c == '@' ? " arobase " : c == '/' ? " slash "
                      : c == '_' ? " tiret bas " : c == '-' && mail ? " tiret "
                      : c == '-' && k > he ? " " : NULL; /* a path's words: "/se-deplacer" */
        size_t label = w ? 0 : say_tld(p, k, he, &b);
        if (!w && !label && k >= he)
            label = say_long_digits(p, k, said_end, &b);
        if (!w && !label)
            label = say_known_label(p, k, said_end, &b);
        if (!w && !label)
            label = say_initials_label(p, k, said_end, &b);
        if (!w && !label)
            label = say_french_label(p, k, said_end, &b);
        if (w)
            sb_adds(&b, w);
        else if (label)
            k += label - 1;
        else
            sb_addc(&b, c);
    }
    if (e < p->len && is_upper_ascii(p->s[e]))
        sb_adds(&b, ". "); /* "meaux.frTarifs": the next sentence, its space lost */
    return emit_built(p, i, e, &b);
}

/* "[s]on ordre du jour", "l[a] ministre": letters an editor put in
 * brackets inside a quoted word are read as part of it; eSpeak NG would
 * cut the word at each bracket. Only letters glued to the word. */
size_t rule_bracketed_letters(pass *p, size_t i)
{
    size_t k = i + 1;
    while (k < p->len && k - i <= 12 && p->s[k] != ']' && is_letter_at(p->s, p->len, k))
        k++;
    if (k == i + 1 || k >= p->len || p->s[k] != ']')
        return 0;
    bool glued = word_ends_before(p->s, p->len, i) ||
                 is_letter_at(p->s, p->len, k + 1);
    if (!glued)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i + 1, k - i - 1);
    return emit_built(p, i, k + 1, &b);
}

/* Whether a word of reference-cues.txt stands before i, its
 * abbreviation's stop perhaps between ("cf. [4]"). */
static bool points_to_note(const pass *p, size_t i)
{
    size_t e = i;
    while (e > 0 && p->s[e - 1] == ' ')
        e--;
    if (e > 0 && p->s[e - 1] == '.')
        e--;
    return word_in(p, prev_word(p, e), &p->nz->reference_cues);
}

/* "Bangui [2], ancien consul", "en 1606 [2].": a footnote call, a number
 * of one to three digits in brackets after a word or a mark that ends
 * one. A reader does not say it, and eSpeak NG said "deux". A bracket at
 * the start of a line or after a sign ("= [3]") is left alone, and so is
 * one that a word points to ("voir [2]", "cf. [4]"): eSpeak NG says it. */
size_t rule_footnote_call(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i + 1);
    if (d == 0 || d > 3 || i + 1 + d >= p->len || p->s[i + 1 + d] != ']' || i == 0 ||
        points_to_note(p, i))
        return 0;
    size_t c = prev_char_start(p->s, i); /* the character before, past one space */
    if (p->s[c] == ' ') {
        if (c == 0)
            return 0;
        c = prev_char_start(p->s, c);
    }
    bool after_word = is_word_at(p->s, p->len, c) || (p->s[c] && strchr(".,;:)]\"'", p->s[c])) ||
                      starts_with_at(p, c, "\xC2\xBB") || starts_with_at(p, c, "\xE2\x80\x9D");
    if (!after_word)
        return 0;
    emit(p, i, i + 2 + d, "");
    return 2 + d;
}

/* "Chambre famille(1) 765 €", "les adhérents(2)." : a note's call in
 * brackets glued to a word of three letters or more, a number of one or
 * two digits, closing the word. eSpeak NG said "famille un". "f(1)" (one
 * letter) and "article 3(1)" (a digit before) are left. */
size_t rule_glued_note_call(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i + 1);
    if (d == 0 || d > 2 || i + 1 + d >= p->len || p->s[i + 1 + d] != ')' || i == 0 ||
        is_word_at(p->s, p->len, i + 2 + d))
        return 0;
    word_ref w = prev_word(p, i);
    if (w.end != i || w.end - w.start < 3)
        return 0;
    for (size_t k = w.start; k < w.end; k++)
        if (is_digit(p->s[k]))
            return 0;
    emit(p, i, i + 2 + d, "");
    return 2 + d;
}

/* ── Inclusive writing ─────────────────────────────────────────────────── */

/* A middle dot between word parts: U+00B7 or U+22C5. */
static size_t middle_dot(const pass *p, size_t j)
{
    if (starts_with_at(p, j, "\xC2\xB7"))
        return 2;
    return starts_with_at(p, j, "\xE2\x8B\x85") ? 3 : 0;
}

/* An ending in brackets: "(e)", "(es)", "(se)", "(S)"; its length with the
 * brackets and a trailing "s" ("salarié(e)s"), 0 when there is none. Short
 * letters only, in the case of the word: "f(x)" and "(voir)" are not. */
static size_t bracket_ending(const pass *p, size_t j, bool upper, size_t *letters)
{
    if (j >= p->len || p->s[j] != '(')
        return 0;
    size_t k = j + 1;
    while (k < p->len && k - j <= 5 &&
           (upper ? is_upper_ascii(p->s[k]) : (p->s[k] >= 'a' && p->s[k] <= 'z')))
        k++;
    if (k == j + 1 || k >= p->len || p->s[k] != ')')
        return 0;
    *letters = k - j - 1;
    k++;
    if (k < p->len && p->s[k] == (upper ? 'S' : 's'))
        k++;
    return is_word_at(p->s, p->len, k) ? 0 : k - j;
}

/* One word in inclusive writing: its masculine base [i, base_end), where
 * it ends, whether it is plural, and the ending that makes its feminine
 * when that is known ("élu·e" → e, "ancien·ne" → ne, "époux(se)" → se in
 * place of the x). */
typedef struct {
    size_t base_end, end, fem, fem_len;
    size_t fem_cut; /* bytes of the base the feminine ending replaces */
    bool plural;
} inclusive_word;

/* How many bytes at the end of a base [b, e) a feminine ending f
 * replaces, as French makes these feminines regularly: époux(se) →
 * épouse, actif(ve) → active, chercheur(euse) → chercheuse,
 * directeur(rice) → directrice, acteur(trice) → actrice. -1: unknown. */
static int feminine_cut(const char *b, size_t n, const char *f, size_t fl)
{
    static const struct {
        const char *base_end, *ending;
        int cut;
    } rules[] = {{"x", "se", 1},     {"f", "ve", 1},      {"eur", "euse", 3},
                 {"eur", "rice", 3}, {"teur", "trice", 4}};
    for (size_t k = 0; k < sizeof rules / sizeof *rules; k++) {
        size_t bl = strlen(rules[k].base_end);
        if (fl == strlen(rules[k].ending) && memcmp(f, rules[k].ending, fl) == 0 && n > bl + 1 &&
            memcmp(b + n - bl, rules[k].base_end, bl) == 0)
            return rules[k].cut;
    }
    return -1;
}

/* An ending of inclusive writing set apart by a full stop or a hyphen
 * ("agent.e.s", "salarié-e-s"): those marks join other things too, so
 * only the endings French feminines and plurals are made of count. */
static bool plain_inclusive_ending(const char *s, size_t n)
{
    static const char *const endings[] = {"e",    "es",    "s",     "ne",     "nes",   "se",   "ses",
                                          "euse", "euses", "rice",  "rices",  "trice", "trices", "ice",
                                          "ices", "ve",    "ves",   "le",     "les",   "te",   "tes"};
    return one_of(s, n, endings, sizeof endings / sizeof *endings);
}

/* The mark before an ending at j and its length: a middle dot, or a full
 * stop or hyphen before one of the plain endings. */
static size_t inclusive_mark(const pass *p, size_t j, bool *plain)
{
    size_t dl = middle_dot(p, j);
    if (dl)
        return dl;
    if (j + 1 >= p->len || (p->s[j] != '.' && p->s[j] != '-' && p->s[j] != '/'))
        return 0;
    size_t e = word_end(p, j + 1);
    if (!plain_inclusive_ending(p->s + j + 1, e - j - 1))
        return 0;
    *plain = true;
    return 1;
}

/* "présent.es", "élu.es", "développeurs.euses", "acteurs.rices", "ami.s":
 * one plural ending after a full stop. Addresses end so too ("elpais.es",
 * "rtve.es", "huffingtonpost.es"), so "es" counts only after the endings
 * of the words that take it (é, i, u, d, -nt, -at, -it, -ut, -eur), and a
 * longer ending only after the masculine it is made from (-eur, -teur,
 * -en). The word is in lower case. */
static bool dotted_plural_ending(const pass *p, size_t i, size_t base_end, size_t fem, size_t fem_len)
{
    if (base_end >= p->len || base_end - i < 3)
        return false;
    /* "ami.s", "Génération.s": the plural's s, which no address ends on */
    if (fem_len == 1 && p->s[fem] == 's')
        return p->s[base_end] == '.' && p->s[base_end - 1] != 's' && p->s[base_end - 1] != 'x';
    if (is_upper_ascii(p->s[i]))
        return false;
    /* "élu-es", "adhérent-es": a hyphen before "es" too, which no word is */
    bool hyphen = p->s[base_end] == '-' && fem_len == 2;
    if (p->s[base_end] != '.' && !hyphen)
        return false;
    size_t b = base_end;
    if (p->s[b - 1] == 's') /* "développeurs.euses": the masculine plural first */
        b--;
    const char *f = p->s + fem;
    if (fem_len == 2 && f[0] == 'e' && f[1] == 's') {
        char last = p->s[b - 1];
        bool acute = b >= 2 && (unsigned char)p->s[b - 2] == 0xC3 && (unsigned char)last == 0xA9;
        char before = b >= 2 ? p->s[b - 2] : 0;
        bool t_ending = last == 't' && (before == 'n' || before == 'a' || before == 'i' || before == 'u');
        bool eur = b - i > 3 && memcmp(p->s + b - 3, "eur", 3) == 0;
        /* "doctorants.es": the masculine plural first, after -nt, -at,
         * -eur, -é only ("elpais.es" is an address) */
        return (b == base_end && (acute || last == 'i' || last == 'u' || last == 'd' || t_ending || eur)) ||
               (b < base_end && (acute || t_ending || eur));
    }
    static const char *const longer[] = {"euses", "rices", "trices", "ices", "nes"};
    static const char *const masculine[] = {"eur", "eur", "teur", "eur", "en"};
    for (size_t k = 0; k < sizeof longer / sizeof *longer; k++) {
        size_t ml = strlen(masculine[k]);
        if (fem_len == strlen(longer[k]) && memcmp(f, longer[k], fem_len) == 0 && b - i > ml &&
            memcmp(p->s + b - ml, masculine[k], ml) == 0)
            return true;
    }
    return false;
}

/* "époux/se", "ancien/ne", "lecteurs/trices", "candidat/es": after a
 * slash, which joins alternatives and units too ("m/s"), only a feminine
 * ending of a word of three letters or more, alone, singular or plural. */
static bool slash_feminine(const pass *p, size_t i, size_t base_end, size_t fem, size_t fem_len)
{
    static const char *const endings[] = {"e",     "se",   "ne",    "le",    "te",     "ve",
                                          "euse",  "rice", "trice", "es",    "euses",  "rices",
                                          "trices", "nes", "ses"};
    if (base_end >= p->len || p->s[base_end] != '/')
        return true; /* not a slash: nothing to check */
    return base_end - i >= 3 &&
           one_of(p->s + fem, fem_len, endings, sizeof endings / sizeof *endings);
}

/* Whether an inclusive ending can follow the word ending at j: a mark
 * (middle dot, '.', '-', '/'), a bracket, or a space and a bracket. Most
 * words have none, and inclusive_parse is asked of most. */
static bool ending_may_follow(const pass *p, size_t j)
{
    if (j >= p->len)
        return false;
    char c = p->s[j];
    return c == '.' || c == '-' || c == '/' || c == '(' || c == '\xC2' || c == '\xE2' ||
           (c == ' ' && j + 1 < p->len && p->s[j + 1] == '(');
}

static bool inclusive_parse(const pass *p, size_t i, inclusive_word *w)
{
    size_t j = word_end(p, i), dl, letters = 0;
    if (!ending_may_follow(p, j))
        return false;
    bool upper = j > i + 1 && caps_run(p, i, j) == j - i, plain = false;
    int parts = 0;
    memset(w, 0, sizeof *w);
    w->base_end = j;
    while ((dl = inclusive_mark(p, j, &plain)) > 0) {
        size_t k = j + dl, e = word_end(p, k);
        if (e == k || e - k > 6)
            return false;
        for (size_t q = k; q < e; q++)
            if ((unsigned char)p->s[q] < 0x80 && !(p->s[q] >= 'a' && p->s[q] <= 'z'))
                return false;
        w->plural = p->s[e - 1] == 's';
        if (!parts)
            w->fem = k, w->fem_len = e - k;
        parts++;
        j = e;
    }
    /* "elpais.es" is a Spanish address and "Gers-les" no word: a lone
     * plain ending must be a feminine's "e", a plural one after a full
     * stop and a word that takes it ("présent.es"), or two endings follow */
    bool slash = w->base_end < p->len && p->s[w->base_end] == '/';
    if (plain && (slash ? parts != 1 || !slash_feminine(p, i, w->base_end, w->fem, w->fem_len)
                        : parts == 1 && !(w->fem_len == 1 && p->s[w->fem] == 'e') &&
                              !dotted_plural_ending(p, i, w->base_end, w->fem, w->fem_len)))
        return false;
    if (plain && j < p->len && (p->s[j] == '.' || p->s[j] == '-' || p->s[j] == '/') &&
        is_letter_at(p->s, p->len, j + 1))
        return false; /* "agent.e.com": more follows than endings */
    size_t bl = parts ? 0 : bracket_ending(p, j, upper, &letters), gap = 0;
    if (!parts && !bl && j + 1 < p->len && p->s[j] == ' ' && j > i + 2) {
        /* "condamné (e)", "salarié (es)": the ending set apart by a
         * space; only e, es, s, which no list item or aside is */
        bl = p->s[j + 1] == '(' ? bracket_ending(p, j + 1, upper, &letters) : 0;
        const char *f = p->s + j + 2;
        bool ending = bl && bl == letters + 2 &&
                      ((letters == 1 && ((f[0] | 0x20) == 'e' || (f[0] | 0x20) == 's')) ||
                       (letters == 2 && (f[0] | 0x20) == 'e' && (f[1] | 0x20) == 's'));
        /* after what takes such an ending: "condamné", "élu", "inscrit",
         * "candidat"; not a list item after a noun ("cas (e)", "point (e)") */
        char last = p->s[j - 1];
        ending = ending &&
                 (((unsigned char)last == 0xA9 && (unsigned char)p->s[j - 2] == 0xC3) ||
                  last == 'i' || last == 'u' ||
                  (last == 't' && (p->s[j - 2] == 'a' || p->s[j - 2] == 'i'))) &&
                 !word_in(p, prev_word(p, j), &p->nz->label_nouns);
        gap = ending ? 1 : 0;
        if (!ending)
            bl = 0;
    }
    if (bl) {
        j += gap;
        w->plural = (p->s[j + bl - 1] | 0x20) == 's' || (p->s[j + bl - 2] | 0x20) == 's';
        w->fem = j + 1, w->fem_len = letters;
        parts = 1;
        j += bl;
    }
    if (!parts || w->base_end < i + 2 - (upper ? 0 : 0) || w->base_end == i)
        return false;
    /* the feminine is known when the ending is "e", or the base's last
     * consonant doubled and "e" */
    const char *f = p->s + w->fem;
    char last = p->s[w->base_end - 1];
    bool simple = parts == 1 && ((w->fem_len == 1 && (f[0] | 0x20) == 'e') ||
                                 (w->fem_len == 2 && f[0] == last && (f[1] | 0x20) == 'e'));
    int cut = parts == 1 && !simple && !upper
                  ? feminine_cut(p->s + i, w->base_end - i, f, w->fem_len) : -1;
    if (cut >= 0)
        w->fem_cut = (size_t)cut;
    else if (!simple)
        w->fem_len = 0;
    w->end = j;
    return true;
}

/* The word that ends b, from `at`, as the lexicon respells it: the forms
 * built here are words no rule read yet ("sympathisante", which eSpeak NG
 * 1.51 hands to its English voice). */
static void respell_built_word(const pass *p, strbuf *b, size_t at)
{
    const char *alias = lexicon_lookup(&p->nz->lex, b->s + at, b->len - at);
    if (alias) {
        b->len = at;
        sb_adds(b, alias);
    }
}

static void add_masculine(const pass *p, strbuf *b, size_t i, const inclusive_word *w)
{
    size_t at = b->len;
    sb_add(b, p->s + i, w->base_end - i);
    char last = (char)(p->s[w->base_end - 1] | 0x20);
    if (w->plural && last != 's' && last != 'x')
        sb_addc(b, is_upper_ascii(p->s[w->base_end - 1]) ? 'S' : 's');
    respell_built_word(p, b, at);
}

/* The feminine's ending after its base, already in b: "conseiller.e"
 * and "Cher.e" make -ère, the accent French adds there; other endings are
 * added as written. */
static void add_feminine_ending(const pass *p, strbuf *b, const inclusive_word *w)
{
    const char *f = p->s + w->fem;
    bool e_only = w->fem_len == 1 && (f[0] | 0x20) == 'e' && !w->fem_cut;
    if (e_only && b->len >= 3 && (b->s[b->len - 2] | 0x20) == 'e' && (b->s[b->len - 1] | 0x20) == 'r') {
        bool upper = b->s[b->len - 1] == 'R';
        b->len -= 2;
        sb_adds(b, upper ? "\xC3\x88RE" : "\xC3\xA8re");
        return;
    }
    sb_add(b, f, w->fem_len);
}

/* "salarié·es", "chercheur·eus·e·s", "tou·te·s", "substance(s)": a plural
 * is read as the masculine plural ("salariés", "chercheurs", "tous",
 * "substances"). A singular is read as both forms when each feminine
 * adds an ending or makes a regular feminine ("Un·e élu·e" → un élu ou
 * une élue, "marié(e)" → marié ou mariée, "époux(se)" → époux ou épouse,
 * "directeur(rice)" → directeur ou directrice), the words that follow one
 * another said together; otherwise as the masculine. Each ending
 * is a few lower-case letters (capitals in a word in capitals), or the
 * word is left as written. */
size_t rule_inclusive(pass *p, size_t i)
{
    inclusive_word run[8];
    size_t starts[8], n = 0;
    if (!inclusive_parse(p, i, &run[0]) || run[0].base_end < i + 2)
        return 0;
    starts[n++] = i;
    bool both = !run[0].plural && run[0].fem_len;
    while (both && n < 8) {
        size_t k = run[n - 1].end;
        if (k + 1 >= p->len || p->s[k] != ' ' || !is_letter_at(p->s, p->len, k + 1) ||
            !inclusive_parse(p, k + 1, &run[n]) || run[n].plural || !run[n].fem_len)
            break;
        starts[n++] = k + 1;
    }
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < n; k++) {
        if (k)
            sb_addc(&b, ' ');
        add_masculine(p, &b, starts[k], &run[k]);
    }
    if (both) {
        sb_adds(&b, " ou ");
        for (size_t k = 0; k < n; k++) {
            if (k)
                sb_addc(&b, ' ');
            /* "Un·e élu·e": the feminine follows in lower case */
            size_t at = b.len;
            sb_add(&b, p->s + starts[k], run[k].base_end - starts[k] - run[k].fem_cut);
            add_feminine_ending(p, &b, &run[k]);
            if (k == 0 && n > 1 && !is_upper_ascii(p->s[starts[k] + 1]))
                b.s[at] = (char)tolower((unsigned char)b.s[at]);
            respell_built_word(p, &b, at);
        }
    }
    return emit_built(p, i, run[n - 1].end, &b);
}

/* Whether the word at [i, e) stands alone, not in an address, a file name
 * or an elision: "jusqu'", "lorsqu'" keep their spelling, and so does
 * "site.fr" or "user_name". */
static bool free_standing(const pass *p, size_t i, size_t e)
{
    char before = i ? p->s[i - 1] : ' ', after = e < p->len ? p->s[e] : ' ';
    if (strchr("./@_:#\\&=", before) || apostrophe_at(p, e) || strchr("@_/#\\&=", after))
        return false;
    return !(after == '.' || after == ':') || e + 1 >= p->len || !is_word_at(p->s, p->len, e + 1);
}

/* Whether a French determiner comes before [i, e): "le regime", "la
 * video", "des beta-tests" are French nouns, but "local media", "a
 * specification", "the present" may be English. */
static bool after_determiner(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    return w.end > w.start && word_in(p, w, &p->nz->determiners);
}

/* "Ethiopie", "Koweit": a capitalized word that lost its opening É is
 * left to eSpeak NG, which says the E as é anyway, unless the lexicon
 * respells the accented word (espeak-places.pls: "Éthiopie", which
 * eSpeak NG reads with its English voice, accent or none): then it is
 * the lexicon's word. */
static size_t opening_e_alias(pass *p, size_t i, size_t e)
{
    char word[64];
    size_t n = e - i;
    if (n + 1 >= sizeof word)
        return 0;
    memcpy(word, "\xC3\x89", 2);
    memcpy(word + 2, p->s + i + 1, n - 1);
    const char *alias = lexicon_lookup(&p->nz->lex, word, n + 1);
    if (!alias)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, alias);
    return emit_built(p, i, e, &b);
}

/* "decrypte" (décrypte, décrypté), "equipe" (équipe, équipé): a spelling
 * of several words keeps the accents they share when one is on an e, which
 * eSpeak NG would say /@/ (/dekrypt/ for /d@krypt/); the final e, where
 * the words part, stays as written. Shared accents on other letters
 * ("flute": flûte, flûté) change nothing eSpeak NG says, and the 1990
 * spelling drops them: those words are left alone. */
static const char *e_accents_shared(const char *w)
{
    for (const char *c = w; c && (c = strchr(c, '\xC3')); c++)
        if (c[1] == '\xA9' || c[1] == '\xA8' || c[1] == '\xAA')
            return w;
    return NULL;
}

/* "brievement", "idee", "redacteur", "Evangeliste": a word typed without
 * its accents, which eSpeak NG reads as written (/r@daktWr/; "brievement"
 * with its English voice). The French word list gives the accents back
 * when it has exactly one accented word for the spelling and not the
 * spelling itself (accent_restore). Do no harm: a word the English list
 * holds too ("media", "present", "metal") is given its accents only after
 * a determiner, and nothing is changed without the lists. A capitalized word is as often a name ("Denis" is
 * no dénis, "Pise" no pisé): only the lost É that opens a word is given
 * back there, the convention that left capitals unaccented, with the
 * word's other accents ("Saint-Jean-Evangeliste"). */
size_t lost_accents_at(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    if (n < 4 || !accent_maybe(p->nz->accents, p->s + i, n))
        return 0;
    bool capital = p->s[i] == 'E';
    for (size_t k = i + capital; k < e; k++)
        if (p->s[k] < 'a' || p->s[k] > 'z')
            return 0;
    if (!free_standing(p, i, e))
        return 0;
    bool shared;
    const char *accented = accent_restore_or_shared(p->nz->accents, p->s + i, n, &shared);
    if (shared)
        accented = capital ? NULL : e_accents_shared(accented);
    /* "Etat", "Economie": eSpeak NG says an opening E as é, the word is
     * left as written */
    if (!accented || (capital && (strncmp(accented, "\xC3\xA9", 2) != 0 ||
                                  (strlen(accented + 2) == n - 1 && memcmp(accented + 2, p->s + i + 1, n - 1) == 0))))
        return 0;
    const foreign_lists *fl = word_lists(p);
    if (!fl->n || (foreign_has_word(fl, p->s + i, n) && (capital || !after_determiner(p, i))))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, capital ? "\xC3\x89" : "");
    sb_adds(&b, capital ? accented + 2 : accented);
    return emit_built(p, i, e, &b);
}

/* Whether the French word list holds the accented word [s, s+n) as
 * written: the accents' index gives it back for its plain spelling. */
static bool accented_french_word(accent_index *x, const char *s, size_t n)
{
    const char *r = accent_restore(x, s, n);
    return r && strlen(r) == n && memcmp(r, s, n) == 0;
}

static bool has_non_ascii(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] & 0x80)
            return true;
    return false;
}

/* "prévuespar la loi", "réservéesdans": a short word of glued-words.txt
 * glued to the word before it, a space lost (text copied from a PDF).
 * eSpeak NG reads the two as one word. Read apart only when the whole is
 * no French word and what comes before the short word is an accented
 * French word of four letters or more, in lower case. Only accented
 * ones: a plain word would need the plain words' index, built for this
 * alone (a tenth of the normalizer's time on a short text). */
size_t rule_glued_word(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    if (n > 40 || !has_non_ascii(p->s + i, n))
        return 0;
    for (size_t k = i; k < e; k++)
        if (p->s[k] >= 'A' && p->s[k] <= 'Z')
            return 0;
    accent_index *x = p->nz->accents;
    for (size_t tail = 3; tail <= 5 && tail + 4 <= n; tail++) {
        if (!word_set_has(&p->nz->glued_words, p->s + e - tail, tail) || !free_standing(p, i, e))
            continue;
        if (!has_non_ascii(p->s + i, n - tail) || accented_french_word(x, p->s + i, n) ||
            !accented_french_word(x, p->s + i, n - tail))
            return 0;
        strbuf b;
        sb_init(&b);
        sb_add(&b, p->s + i, n - tail);
        sb_addc(&b, ' ');
        sb_add(&b, p->s + e - tail, tail);
        return emit_built(p, i, e, &b);
    }
    return 0;
}

/* "d'aprèsJacques Prévert", "deAnton Tchekhov": a page that lost the
 * space between a small word and the name after it (a crawl, a title
 * glued to its credit). eSpeak NG reads the two as one word. Read apart
 * only when the part before the capital is one of the small words that
 * come before a name (glued-before-capital.txt) and the part from it is a
 * capitalized word: a brand's inner capital ("iPhone", "eBay") follows no
 * such word. */
size_t rule_glued_capital(pass *p, size_t i, size_t e)
{
    size_t k = i + 1;
    while (k < e && !is_upper_ascii(p->s[k]))
        k++;
    if (k + 2 >= e || !word_set_has(&p->nz->glued_before_capital, p->s + i, k - i))
        return 0;
    for (size_t j = k + 1; j < e; j++)
        if (!(p->s[j] >= 'a' && p->s[j] <= 'z') && (unsigned char)p->s[j] < 0x80)
            return 0; /* "deAnton", not "deSoto2" or "parTIM" */
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, k - i);
    sb_addc(&b, ' ');
    sb_add(&b, p->s + k, e - k);
    return emit_built(p, i, e, &b);
}

/* "Troisieme suite", "Deuxieme partita": a capitalized ordinal typed
 * without its accent, which eSpeak NG reads /trwaz'im/. No name ends in
 * -ieme, so the capital does not stop the French list's accents here as
 * it does for other words (lost_accents_at). */
static size_t lost_ordinal_accent(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    char lower[40];
    if (n < 6 || n >= sizeof lower || !capitalized_ascii(p->s + i, n))
        return 0;
    bool plural = p->s[e - 1] == 's';
    if (memcmp(p->s + e - 4 - plural, "ieme", 4) != 0)
        return 0;
    memcpy(lower, p->s + i, n);
    lower[0] = (char)(lower[0] | 0x20);
    const char *accented = free_standing(p, i, e) ? accent_restore(p->nz->accents, lower, n) : NULL;
    if (!accented || !isalpha((unsigned char)accented[0]))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, accented);
    b.s[0] = (char)toupper((unsigned char)b.s[0]);
    return emit_built(p, i, e, &b);
}

size_t rule_lost_accents(pass *p, size_t i)
{
    if (p->s[i] != 'E')
        return lost_ordinal_accent(p, i, word_end(p, i));
    size_t e = word_end(p, i), alias = opening_e_alias(p, i, e);
    return alias ? alias : lost_accents_at(p, i, e);
}

/* "iPhone", "iPad", "l'iMac", "iFixit": a product's name opening on an
 * "i" glued to a capitalized word, said "aïe" as its maker says it; eSpeak
 * NG read it as one French word ("ifone"). The word after it is left to
 * eSpeak NG. "iOS" (capitals) is a name of its own. */
size_t rule_i_product(pass *p, size_t i, size_t e)
{
    if (e - i < 4 || p->s[i] != 'i' || !is_upper_ascii(p->s[i + 1]) || word_ends_before(p->s, p->len, i))
        return 0;
    for (size_t k = i + 2; k < e; k++)
        if (p->s[k] < 'a' || p->s[k] > 'z')
            return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "aïe-");
    sb_add(&b, p->s + i + 1, e - i - 1);
    return emit_built(p, i, e, &b);
}

/* "OpenAI", "macOS", "NordVPN": a name glued to an acronym, which eSpeak
 * NG reads as one word ("AI" as the French ai, "OS" as the bone). The
 * name is kept as written and the acronym said as one ("Open A I", "mac
 * O S"); a Roman numeral is its number ("#ActeXIII": Acte treize).
 * Three letters in lower case at least before the capitals: "iOS",
 * "eSIM", "beIN", "McDONALD" are names of their own. */
size_t rule_glued_acronym(pass *p, size_t i)
{
    size_t e = word_end(p, i);
    if (e - i < 5 || !is_upper_ascii(p->s[e - 1]))
        return 0;
    size_t c = e, lower = 0;
    while (c > i && is_upper_ascii(p->s[c - 1]))
        c--;
    while (c - lower > i && p->s[c - lower - 1] >= 'a' && p->s[c - lower - 1] <= 'z')
        lower++;
    if (e - c < 2 || e - c > 5 || lower < 3 || !ascii_only(p->s + i, c - i))
        return 0;
    for (size_t k = i; k < c; k++)
        if (!isalpha((unsigned char)p->s[k]))
            return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, c - i);
    sb_addc(&b, ' ');
    int v = only_ivx(p->s + c, e - c) ? roman_value(p->s + c, e - c) : 0;
    num_style st = style(p, false, false);
    if (v >= 2) /* "#ActeXIII": the act's number, treize */
        num_cardinal(&b, (unsigned long long)v, &st);
    else
        say_capitals(p, &b, p->s + c, e - c);
    return emit_built(p, i, e, &b);
}

/* "InVS", "PhD", "BnF", "AfD", "GmbH": initials written with their small
 * words in lower case. eSpeak NG reads them as one word ("InVS" goes to
 * its English voice as "in", then "V S"). Read in capitals, they are
 * spelled when French cannot say them as a word, as an all-capitals
 * acronym is, or said as the lexicon says them in capitals ("PdG"). Only
 * small consonants: a small vowel may be a syllable ("CoV", "MoDem",
 * "SaaS", "MoMA", "LaREM" stay as written). Three to five letters,
 * opening on a capital, with a capital after a small letter: "TGVs" is a
 * plural, "McCoy" a name, longer ones names or brands ("LinkedIn"). */
/* The spoken form of the initials at [i, e) in b, false when they are
 * to be left as written. Apart from rule_mixed_initials, which runs on
 * most capitalized words, so that its quick test costs no stack. */
static bool say_mixed_initials(const pass *p, size_t i, size_t e, strbuf *b)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 3 || n > 5 || (s[0] == 'M' && s[1] == 'c'))
        return false;
    char upper[5];
    bool capital_after_small = false, small_vowel = false;
    for (size_t k = 0; k < n; k++) {
        bool small = s[k] >= 'a' && s[k] <= 'z';
        if (!small && !is_upper_ascii(s[k]))
            return false;
        capital_after_small |= k > 0 && !small && s[k - 1] >= 'a' && s[k - 1] <= 'z';
        small_vowel |= small && strchr("aeiouy", s[k]);
        upper[k] = small ? (char)(s[k] - 32) : s[k];
    }
    /* a small vowel may be a word's syllable: "CoV" (coronavirus) is said
     * /kov/, like "MoDem" */
    if (!capital_after_small || small_vowel || lexicon_lookup(&p->nz->lex, s, n))
        return false;
    const char *alias = lexicon_lookup(&p->nz->lex, upper, n); /* "PdG": PDG's alias */
    if ((alias && alias_is_lower_word(alias, upper, n)) || (!alias && pronounceable(upper, n)))
        return false;
    if (alias)
        sb_adds(b, alias);
    else
        spell(b, upper, n);
    return true;
}

/* "B.I.A.", "R.A.T.P.": capitals each with its stop, spelled with spaces.
 * eSpeak NG ran two vowels or a vowel and a consonant together ("bé ia",
 * "èr at èp é"); the stops say letters, however the letters would read as
 * a word. The last stop stays where the sentence ends. */
size_t rule_dotted_initials(pass *p, size_t i)
{
    if (i + 3 >= p->len || p->s[i + 1] != '.' || !is_upper_ascii(p->s[i + 2]) ||
        (i > 0 && (is_word_at(p->s, p->len, prev_char_start(p->s, i)) || p->s[i - 1] == '.' ||
                   p->s[i - 1] == '-')))
        return 0;
    size_t k = i;
    while (k + 1 < p->len && is_upper_ascii(p->s[k]) && p->s[k + 1] == '.')
        k += 2;
    if (k < p->len && (is_word_at(p->s, p->len, k) || p->s[k] == '-'))
        return 0; /* "T.N.-O.", "S.A.Rl": another kind of abbreviation */
    strbuf b;
    sb_init(&b);
    for (size_t c = i; c < k; c += 2) {
        if (c > i)
            sb_addc(&b, ' ');
        sb_addc(&b, p->s[c]);
    }
    word_ref next = next_word(p, k);
    if (ends_line(p, k) || (next.start == k + 1 && capitalized_stopword(p, next)))
        sb_addc(&b, '.');
    return emit_built(p, i, k, &b);
}

size_t rule_mixed_initials(pass *p, size_t i)
{
    size_t c = i + 1; /* most capitalized words: no capital after a small letter, seen cheaply */
    while (c < p->len && c - i < 5 && p->s[c] >= 'a' && p->s[c] <= 'z')
        c++;
    if (c == i + 1 || c >= p->len || c - i >= 5 || p->s[c] < 'A' || p->s[c] > 'Z')
        return 0; /* "InVS", "BnF": small letters right after the opening capital */
    size_t e = word_end(p, i);
    strbuf b;
    sb_init(&b);
    if (!say_mixed_initials(p, i, e, &b)) {
        sb_free(&b);
        return 0;
    }
    return emit_built(p, i, e, &b);
}

/* The spoken point of the compass written at [i, e) (compass-points.tsv),
 * NULL when it is none. */
static const char *compass_point(const pass *p, size_t i, size_t e)
{
    return respell_exact(&p->nz->compass_points, p->s + i, e - i);
}

/* Whether a wind announces the point at i: the word vent, vents or
 * secteur before it, through de, du, d', à, et, ou and other points
 * ("vent d'O", "vents de secteur N à NE", "vent de S/SO"). */
static bool wind_before(const pass *p, size_t i)
{
    static const char *const winds[] = {"vent", "vents", "Vent", "Vents", "secteur"};
    static const char *const joins[] = {"de", "du", "d", "\xC3\xA0", "et", "ou"};
    size_t at = i;
    for (int k = 0; k < 5 && at > 0; k++) {
        if (after_apostrophe(p, at))
            at = apostrophe_start(p, at);
        else if (p->s[at - 1] == '/' || p->s[at - 1] == '-')
            at--; /* "S/SO", "N-NE": two points joined */
        word_ref w = prev_word(p, at);
        if (w.end == w.start || w.end + 4 < at)
            return false; /* "Vent : SO" has a colon between; farther is no wind */
        if (word_among(p, w, winds, 5))
            return true;
        if (!word_among(p, w, joins, 6) && !compass_point(p, w.start, w.end))
            return false;
        at = w.start;
    }
    return false;
}

/* "vent de SO 30 km/h", "vent d'O", "vents de secteur N à NE": points of
 * the compass in a weather bulletin, said as words (sud-ouest), where the
 * acronym rules spelled them ("S O") or read NE as "ne". */
size_t rule_compass_point(pass *p, size_t i)
{
    size_t e = i;
    while (e < p->len && e - i < 4 && (p->s[e] == 'N' || p->s[e] == 'S' || p->s[e] == 'E' ||
                                       p->s[e] == 'O' || p->s[e] == 'W'))
        e++; /* most capitalized words: no point's letters; cheap before word_end */
    if (e == i || e - i > 3 || is_word_at(p->s, p->len, e) || !p->nz->compass_points.n)
        return 0;
    const char *said = compass_point(p, i, e);
    if (!said || !wind_before(p, i))
        return 0;
    emit(p, i, e, said);
    return e - i;
}

/* "Ba2", "Baa3", "Caa1", "Aa1", "Aaa": the grades of a credit rating
 * agency's scale (Moody's), a capital A, B or C and one or two lower-case
 * a, then 1 to 3: spelled then counted ("B A deux", "C A A un"), where
 * eSpeak NG said "ba deux". Only these shapes: "Ca" alone is a "Ça"
 * that lost its accent, and "Ca2+" an ion. */
size_t rule_rating(pass *p, size_t i)
{
    size_t e = word_end(p, i), n = e - i, a = 1;
    const char *s = p->s + i;
    if (n < 3 || n > 4 || !strchr("ABC", s[0]) || (e < p->len && p->s[e] == '+'))
        return 0;
    while (a < n && s[a] == 'a')
        a++;
    bool top = n == 3 && a == 3 && s[0] == 'A'; /* "Aaa" */
    if (!top && (a < 2 || a + 1 != n || s[a] < '1' || s[a] > '3'))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < a; k++)
        sb_printf(&b, "%s%c", k ? " " : "", (char)toupper((unsigned char)s[k]));
    if (!top) {
        num_style st = style(p, false, false);
        sb_addc(&b, ' ');
        num_cardinal(&b, (unsigned long long)(s[a] - '0'), &st);
    }
    return emit_built(p, i, e, &b);
}

/* ── Loan nouns in -er ─────────────────────────────────────────────────── */

/* The respelling loan-nouns.tsv gives the singular [i, e), NULL when none. */
static const char *loan_noun(const pass *p, size_t i, size_t e)
{
    return respell_exact(&p->nz->loan_nouns, p->s + i, e - i);
}

/* Whether w may be an infinitive or a verb form: a list of verbs
 * ("scanner, imprimer et envoyer") makes the loan word a verb too. */
static bool verb_like(const pass *p, word_ref w)
{
    size_t n = w.end - w.start;
    const char *s = p->s + w.start;
    return n >= 3 && (s[n - 1] == 'r' || (s[n - 2] == 'r' && s[n - 1] == 'e'));
}

/* Whether the singular at [i, e) stands where a noun does: after a
 * determiner that no infinitive follows ("un", "ce", "du", "son"; "le",
 * "la", "les", "l'", "de", "d'", "leur" also come before one: "le
 * reporter à lundi", "de supporter"), or as an item of a list ("(scanner,
 * appareil photo)", "journaliste, reporter et présentatrice") whose
 * neighbours are no verbs. */
static bool noun_slot(const pass *p, size_t i, size_t e)
{
    static const char *const pronouns[] = {"le", "la", "les", "l", "de", "d", "leur", "leurs"};
    word_ref before = prev_word(p, i), after = next_word(p, e);
    if (before.end > before.start && before.end == i - 1 && word_in(p, before, &p->nz->determiners))
        return !word_among(p, before, pronouns, sizeof pronouns / sizeof *pronouns);
    size_t b = i;
    while (b > 0 && p->s[b - 1] == ' ')
        b--;
    bool opens = b > 0 && (p->s[b - 1] == ',' || p->s[b - 1] == '(');
    bool closes = e < p->len && (p->s[e] == ',' || p->s[e] == ')' ||
                                 (after.end - after.start == 2 && (memcmp(p->s + after.start, "et", 2) == 0 ||
                                                                   memcmp(p->s + after.start, "ou", 2) == 0)));
    if (!opens || !closes)
        return false;
    bool sign = p->s[e] == ',' || p->s[e] == ')';
    word_ref left = prev_word(p, b - 1), right = next_word(p, sign ? e + 1 : after.end);
    return !(left.end > left.start && verb_like(p, left)) && !(right.end > right.start && verb_like(p, right));
}

/* "les supporters", "un reporter", "(scanner, appareil photo)": an
 * English loan noun in -er (loan-nouns.tsv) that eSpeak NG reads as the
 * French verb of the same spelling (/sypOrte/). A plural is always the
 * noun; a singular only where a noun stands (noun_slot): "se reporter
 * à", "de supporter" stay verbs. */
size_t rule_loan_noun(pass *p, size_t i, size_t e)
{
    bool plural = p->s[e - 1] == 's';
    const char *to = loan_noun(p, i, e - plural);
    if (!to || !free_standing(p, i, e) || (!plural && !noun_slot(p, i, e)))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, to);
    if (plural)
        sb_addc(&b, 's');
    return emit_built(p, i, e, &b);
}
