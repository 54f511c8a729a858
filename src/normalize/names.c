/* Names of other languages whose spelling tells their language, said the
 * way French news readers say them where eSpeak NG 1.51's French rules
 * read them wrong: Italian soft g ("Giorgia", "Moggi"), Polish w, sz, cz
 * ("Lewandowski", "Morawiecki"), Dutch long vowels ("De Croo",
 * "Molenbeek"), Korean given names ("Kim Jong-un"), an ng before y
 * ("Pyongyang"), a Swedish -sson ("Andersson"). Each rule needs a
 * spelling or a context French never has, so that a French name is never
 * touched. And loan words capitalized before French ("Football : le…"),
 * which eSpeak NG would give to its English voice. */
#include "normalize.h"

#include <string.h>
#include <strings.h>

/* The word lists: the language switch's, else read on first use. */
static const foreign_lists *word_lists_of(const pass *p)
{
    return p->nz->foreign.n ? &p->nz->foreign : lazy_lists_get(p->nz->word_lists);
}

/* Whether a list has s[0, n) as a common word ("arpeggio"): such a word
 * capitalized is that word, not a name. */
static bool listed_common_word(const pass *p, const char *s, size_t n)
{
    const foreign_lists *fl = word_lists_of(p);
    return fl->n && foreign_common_word(fl, s, n);
}

/* ── Italian ───────────────────────────────────────────────────────────── */

/* Whether the g at k of s[0, n) opens an Italian soft g before a, o, u or
 * the word's end: "gi" after any letter but g, or at the start ("Giorgio",
 * "Biagio"), "ggi" ("Moggi", "Baggio"); a gi at the end ("Luigi") is not
 * one. At k is the first g; *g_len is 1 or 2. */
static bool italian_soft_g(const char *s, size_t n, size_t k, size_t *g_len)
{
    size_t g = k + 1 < n && s[k + 1] == 'g' ? 2 : 1;
    size_t v = k + g + 1; /* the letter after the i */
    if ((s[k] | 0x20) != 'g' || k + g >= n || s[k + g] != 'i')
        return false;
    if (k > 0 && (s[k - 1] | 0x20) == 'g')
        return false; /* the second g of "gg" */
    if (v < n ? !strchr("aou", s[v]) : g == 1)
        return false; /* "Gigi", "Luigi": eSpeak NG says them right */
    return *g_len = g, true;
}

/* Whether the capitalized ASCII word s[0, n) is an Italian name by its
 * spelling: it opens with Gia, Gio, Giu ("Giorgia", "Gianni",
 * "Giuseppe"), or has a ggi before a, o, u or its end ("Moggi",
 * "Reggiani"). French spells neither: its gi before a vowel is /ʒj/
 * ("Giono", a French writer, is in names.pls). */
static bool italian_name_spelling(const char *s, size_t n)
{
    size_t g;
    if (n >= 4 && italian_soft_g(s, n, 0, &g))
        return true;
    for (size_t k = 1; k + 2 < n; k++)
        if (s[k] == 'g' && italian_soft_g(s, n, k, &g) && g == 2)
            return true;
    return false;
}

/* "Giovanni", "Giorgia Meloni", "Gianni Infantino", "Moggi", "Baggio":
 * eSpeak NG 1.51 reads an Italian gi before a vowel the French way, /ʒj/
 * ("Zjovani", "mOgi" for ggi), where French news readers say /dʒ/. A
 * capitalized name Italian by its spelling (italian_name_spelling) has
 * each soft g written dj, and the u after it ou ("Giuseppe" is
 * "Djouseppe"). A word a list has in lower case ("arpeggio") is a
 * common word and keeps eSpeak NG's reading. */
static size_t say_italian_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 4 || !italian_name_spelling(s, n) || listed_common_word(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0, g; k < n;) {
        if (!italian_soft_g(s, n, k, &g)) {
            sb_addc(&b, s[k++]);
            continue;
        }
        sb_adds(&b, k == 0 ? "Dj" : "dj");
        k += g + 1; /* past the g or gg and the i */
        if (k == n)
            sb_addc(&b, 'i'); /* "Moggi": the i is the vowel */
        else if (s[k] == 'u')
            sb_addc(&b, 'o');
    }
    return emit_built(p, i, e, &b);
}

/* ── Polish ────────────────────────────────────────────────────────────── */

/* Whether the word s[0, n) ends with one of the "*ending" lines of set,
 * the word being longer. A few compares, no hashing: this runs on most
 * capitalized words. */
static bool has_ending_in(const word_set *set, const char *s, size_t n)
{
    for (size_t k = 0; k < set->n_endings; k++) {
        size_t l = set->ending_len[k];
        if (l < n && s[n - 1] == set->endings[k][l - 1] &&
            memcmp(s + n - l, set->endings[k], l) == 0)
            return true;
    }
    return false;
}

static bool is_vowel_letter(char c)
{
    return c && strchr("aeiouyAEIOUY", c) != NULL;
}

/* Whether the e at k is one eSpeak NG would make mute, a single consonant
 * and a vowel after it ("Lewandowski": /l@v/), and not the e of ie (see
 * polish_letters): Polish has no mute e, French readers say é. */
static bool mute_e_of_name(const char *s, size_t n, size_t k)
{
    return k > 0 && s[k - 1] != 'i' && k + 2 < n && !is_vowel_letter(s[k + 1]) &&
           is_vowel_letter(s[k + 2]);
}

/* French letters for the Polish ones at k of s[0, n): w is v, sz ch, cz
 * tch, the c of ck after a vowel ts, an ie before a consonant iè, a
 * would-be mute e é, u ou.
 * Returns how many letters it read, and writes them to b. */
static size_t polish_letters(strbuf *b, const char *s, size_t n, size_t k)
{
    char c = s[k], next = k + 1 < n ? s[k + 1] : '\0';
    if (c == 'w' || c == 'W')
        return sb_addc(b, c == 'W' ? 'V' : 'v'), 1;
    if ((c == 's' || c == 'S') && next == 'z')
        return sb_adds(b, c == 'S' ? "Ch" : "ch"), 2;
    if ((c == 'c' || c == 'C') && next == 'z')
        return sb_adds(b, c == 'C' ? "Tch" : "tch"), 2;
    if (c == 'c' && next == 'k' && k > 0 && is_vowel_letter(s[k - 1]))
        return sb_adds(b, "ts"), 1; /* after a consonant ("Lancki") French drops the t */
    if (c == 'i' && next == 'e' && k + 2 < n && !is_vowel_letter(s[k + 2]))
        return sb_adds(b, "i\xC3\xA8"), 2;
    if (c == 'e' && mute_e_of_name(s, n, k))
        return sb_adds(b, "\xC3\xA9"), 1;
    if (c == 'u' && (k == 0 || !strchr("aeo", s[k - 1])))
        return sb_adds(b, "ou"), 1; /* "Biskupski": a Polish u is ou, not the French /y/ */
    return sb_addc(b, c), 1;
}

/* "Lewandowski", "Morawiecki", "Kwasniewski", "Mickiewicz", "Wozniacki":
 * eSpeak NG 1.51's French rules hand -ewski and a w to the English voice
 * (/l,u:a#nd'oUskI/) and read the rest as French letters ("Kaczynski"
 * /kakzE~ski/), where French news readers say the Polish letters their
 * French way: "Lévandovski", "Moraviètski", "Katchynski". A capitalized
 * name with a Polish surname's ending (polish-endings.txt: -ski, -cki,
 * -wicz…, which French words never have) has them
 * respelled (polish_letters); other letters and a name with no such
 * ending ("Tusk", "Nowak") are left to eSpeak NG. */
static size_t say_polish_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 5 || !has_ending_in(&p->nz->polish_endings, s, n) ||
        listed_common_word(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < n;)
        k += polish_letters(&b, s, n, k);
    if (b.len == n && memcmp(b.s, s, n) == 0) {
        sb_free(&b);
        return 0; /* "Kaminski", "Polanski": eSpeak NG reads them right */
    }
    return emit_built(p, i, e, &b);
}

/* ── Romanian ──────────────────────────────────────────────────────── */

/* "Popescu", "Georgescu", "Iliescu", "Grindeanu": eSpeak NG 1.51 reads the
 * final u of a Romanian surname as the French u, /y/ ("popEsky"), where
 * French news readers say ou (France wrote "Ionesco", "Enesco"). A
 * capitalized name with a Romanian surname's ending (romanian-endings.txt:
 * -escu, -eanu, which French words never have) ends in ou, and the ea of
 * -eanu, which eSpeak NG hands to English, is éa. Other letters are left
 * to eSpeak NG: without its diacritics ("Ceausescu" for Ceaușescu) the
 * spelling does not tell a Romanian s from ș. */
static size_t say_romanian_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 6 || s[n - 1] != 'u' || !has_ending_in(&p->nz->romanian_endings, s, n) ||
        listed_common_word(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    bool eanu = memcmp(s + n - 4, "eanu", 4) == 0;
    sb_add(&b, s, n - (eanu ? 4 : 1));
    sb_adds(&b, eanu ? "\xC3\xA9" "anou" : "ou");
    return emit_built(p, i, e, &b);
}

/* ── Dutch and Flemish ─────────────────────────────────────────────────── */

static bool vowel_after(const char *s, size_t n, size_t k)
{
    for (; k < n; k++)
        if (is_vowel_letter(s[k]))
            return true;
    return false;
}

/* Whether the oo at k is one eSpeak NG 1.51's French rules give to the
 * English voice: before a consonant and e ("boomer"), k ("book"), st
 * ("booster"), t after a consonant ("boot"), or no vowel up to the end
 * ("pool", "Croo", "Vervoort"). Elsewhere it reads French letters
 * ("Joossens", "Hoogland"), which is left alone. */
static bool english_oo(const char *s, size_t n, size_t k)
{
    size_t a = k + 2;
    if (!vowel_after(s, n, a))
        return true;
    return s[a] == 'k' || (s[a] == 's' && a + 1 < n && s[a + 1] == 't') ||
           (s[a] == 't' && k > 0 && !is_vowel_letter(s[k - 1])) ||
           (!is_vowel_letter(s[a]) && a + 1 < n && s[a + 1] == 'e');
}

/* Whether a doubled o or e opens at k that eSpeak NG would read as
 * English, where the name is Dutch's long vowel ("Croo", "Peeters",
 * "Molenbeek"): every ee but a final one ("Windee": English), an oo as
 * english_oo says but before u ("Belooussov": a French transcription of
 * Russian). */
static bool dutch_long_vowel_at(const char *s, size_t n, size_t k)
{
    char c = s[k];
    size_t after = k + 2;
    if ((c != 'o' && c != 'e') || after > n || s[k + 1] != c || (k > 0 && s[k - 1] == c))
        return false;
    if (after == n)
        return c == 'o'; /* "Croo", not "Windee" */
    if (s[after] == c || (c == 'o' && s[after] == 'u'))
        return false;
    return c == 'e' || english_oo(s, n, k);
}

/* Whether a list has s[0, n) as a common word, French or English, in
 * any case ("Bloom" of "Bloomberg"); with accents_lost, also as a French
 * word whose accents were lost, as capitals often drop them ("Etalez",
 * "Melangez" open a recipe's steps; "Heros"). */
static bool common_word_cased(const pass *p, const char *s, size_t n, bool accents_lost)
{
    char lower[64];
    bool shared;
    if (n >= sizeof lower)
        return false;
    for (size_t k = 0; k < n; k++)
        lower[k] = (char)(s[k] | 0x20);
    return listed_common_word(p, lower, n) || french_plain_word(p->nz->accents, lower, n) ||
           (accents_lost && accent_restore_or_shared(p->nz->accents, lower, n, &shared));
}

static bool common_word_any_case(const pass *p, const char *s, size_t n)
{
    return common_word_cased(p, s, n, false);
}

static bool common_word_accents_lost(const pass *p, const char *s, size_t n)
{
    return common_word_cased(p, s, n, true);
}

/* Whether the name s[0, n) is an English compound or name by its long
 * vowel at k: a part of four letters or more over that vowel is a common
 * word ("Bloomberg", "Needham", "Facebookant", "Sheeran", "Tweetant"), or
 * it ends as English and Irish names do (english-name-endings.txt: -ey,
 * -ing, -gan: "Toomey", "Booking", "Coogan"). */
static bool english_over_long_vowel(const pass *p, const char *s, size_t n, size_t k)
{
    if (has_ending_in(&p->nz->english_name_endings, s, n))
        return true;
    for (size_t from = 0; from <= k; from++)
        for (size_t to = k + 2; to <= n; to++)
            if (to - from >= 4 && to - from < n &&
                common_word_any_case(p, s + from, to - from))
                return true;
    return false;
}

/* Whether s[0, n) is spelled as English transcribes South Asian and
 * Arabic names, whose ee and oo are /i:/ and /u:/ as eSpeak NG's English
 * voice says ("Rasheed", "Shaheen", "Farooq"): an sh (Dutch writes sch,
 * sj) or a q without u. Their endings (-eed, -ood) are in
 * english-name-endings.txt. */
static bool transcribed_long_vowels(const char *s, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++)
        if (((s[k] | 0x20) == 's' && s[k + 1] == 'h') ||
            ((s[k] | 0x20) == 'q' && s[k + 1] != 'u'))
            return true;
    return s[n - 1] == 'q';
}

/* The first Dutch long vowel of s[0, n) (see dutch_long_vowel_at), n if
 * none. */
static size_t first_long_vowel(const char *s, size_t n)
{
    for (size_t k = 1; k + 1 < n; k++)
        if (s[k] == s[k + 1] && (s[k] == 'o' || s[k] == 'e') &&
            dutch_long_vowel_at(s, n, k))
            return k;
    return n;
}

/* French letters for a Dutch long vowel at k: oo is ô, but o before r
 * (French says an open o there: "Vervorte"); ee is é before one
 * consonant, or one and r or l, and a vowel ("Pétersse", "Zébrugge"),
 * else è ("Molenbèk"). */
static void add_long_vowel(strbuf *b, const char *s, size_t n, size_t k)
{
    if (s[k] == 'o') {
        sb_adds(b, k + 2 < n && s[k + 2] == 'r' ? "o" : "\xC3\xB4");
        return;
    }
    size_t c = k + 2; /* consonants after: one, or one and r or l, open the syllable */
    bool liquid =
        c + 2 < n && !is_vowel_letter(s[c]) && (s[c + 1] == 'r' || s[c + 1] == 'l');
    bool open = c + 1 < n && !is_vowel_letter(s[c]) && is_vowel_letter(s[c + 1 + liquid]);
    sb_adds(b, open ? "\xC3\xA9" : "\xC3\xA8");
}

/* Adds what keeps the final consonant of the Dutch name s[0, n) heard,
 * which French letters would make mute: an e after a t or d, se after
 * one s. Says whether it added anything. */
static bool keep_final_heard(strbuf *b, const char *s, size_t n)
{
    char last = s[n - 1];
    if (last == 't' || last == 'd')
        return sb_addc(b, 'e'), true;
    if (last == 's' && s[n - 2] != 's')
        return sb_adds(b, "se"), true;
    return false;
}

/* "Croo", "Peeters", "Vervoort", "Molenbeek", "Groot": eSpeak NG 1.51's
 * French rules hand a word with oo or ee to the English voice (/kr'u:/,
 * /p'i:t3z/), where French news readers say the Dutch vowels (Crô,
 * Pétersse, Vervorte). A capitalized name no list holds, with such a
 * vowel (dutch_long_vowel_at) and no English sign (english_over_long_vowel,
 * transcribed_long_vowels), has its long vowels written in French letters
 * and its final consonant kept heard: a final t or d takes an e, a final
 * s is sse. Names the lists hold ("Cooper", "Reeves", "Rooney") keep
 * eSpeak NG's reading. */
static size_t say_dutch_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 4)
        return 0;
    size_t k = first_long_vowel(s, n);
    if (k == n || transcribed_long_vowels(s, n) || common_word_any_case(p, s, n) ||
        english_over_long_vowel(p, s, n, k))
        return 0; /* "Naveed"; "Alcool" opens a sentence; "Bloomberg" */
    const foreign_lists *fl = word_lists_of(p);
    if (!fl->n || foreign_has_word(fl, s, n) ||
        word_set_has(&p->nz->korean_surnames, s, n))
        return 0; /* no list to tell English names, a name it holds, "Yoon" */
    strbuf b;
    sb_init(&b);
    for (size_t j = 0; j < n;) {
        if (dutch_long_vowel_at(s, n, j)) {
            add_long_vowel(&b, s, n, j);
            j += 2;
        } else if ((s[j] | 0x20) == 'g' && j + 2 < n && s[j + 1] == 'e' &&
                   dutch_long_vowel_at(s, n, j + 1)) {
            sb_adds(&b, s[j++] == 'G' ? "Gu" : "gu"); /* "Geel": Dutch g is hard */
        } else {
            sb_addc(&b, s[j++]);
        }
    }
    keep_final_heard(&b, s, n);
    return emit_built(p, i, e, &b);
}

/* Whether the ae at k of s[0, n) is Flemish's long a: after a letter, with
 * one to three consonants and no vowel after it to the end ("Praet",
 * "Daems", "De Maegt", "Claes"). Inside a name it is as often Latin or
 * French ("Gaetan", "Caesar", "Michael"), which is left alone; so is a
 * final "aen", French's nasal vowel ("Caen", /kɑ̃/, which eSpeak NG says),
 * and a final "ael", Hebrew's a-el of given names ("Mael", "Yael",
 * "Nathanael"), rarer in Flemish names than they are in French text. */
static bool flemish_ae_at(const char *s, size_t n, size_t k)
{
    if (k == 0 || s[k] != 'a' || s[k + 1] != 'e' || n - (k + 2) < 1 || n - (k + 2) > 3)
        return false;
    if (n - (k + 2) == 1 && (s[k + 2] == 'n' || s[k + 2] == 'l'))
        return false;
    return !vowel_after(s, n, k + 2);
}

/* Whether the ij at k of s[0, n) is Dutch's diphthong: after a letter,
 * before a consonant or at the end ("Marijke", "Dijsselbloem"); before a
 * vowel it is an i and a j ("Beijing", "Nijinsky", "Mijail"). Before n
 * and a consonant ("Rijnmond") it is left: French letters cannot keep
 * the n from nasalizing there. */
static bool dutch_ij_at(const char *s, size_t n, size_t k)
{
    size_t a = k + 2;
    if (k == 0 || s[k] != 'i' || s[k + 1] != 'j')
        return false;
    if (a == n)
        return true;
    return !is_vowel_letter(s[a]) &&
           !((s[a] == 'n' || s[a] == 'm') && a + 1 < n && !is_vowel_letter(s[a + 1]));
}

/* "Praet", "Daems", "Claes", "Marijke", "Dijsselbloem": eSpeak NG 1.51
 * reads the Flemish ae as two vowels (/pra'E/) and the Dutch ij as i and
 * j (/ma'riZk/), where French news readers say a and èï ("Prate",
 * "Marèïkeu"). A capitalized name no list holds, with such an ae
 * (flemish_ae_at) or ij (dutch_ij_at), has them respelled, its final
 * consonant kept heard as say_dutch_name keeps it, and the final e of an
 * ij name said (Dutch has no mute e: /ma'rɛikə/), and its final n kept
 * a consonant. */
static size_t say_flemish_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    const foreign_lists *fl = word_lists_of(p);
    if (n < 4 || !fl->n || foreign_has_word(fl, s, n) || common_word_any_case(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    bool changed = false, ij = false;
    for (size_t j = 0; j < n;) {
        if (j + 1 < n && flemish_ae_at(s, n, j)) {
            sb_addc(&b, 'a');
            j += 2, changed = true;
        } else if (j + 1 < n && dutch_ij_at(s, n, j)) {
            sb_adds(&b, "\xC3\xA8\xC3\xAF");
            j += 2, changed = ij = true;
        } else {
            sb_addc(&b, s[j++]);
        }
    }
    if (!changed) {
        sb_free(&b);
        return 0;
    }
    char last = s[n - 1];
    if (!keep_final_heard(&b, s, n) && ij) {
        if (last == 'e' && !is_vowel_letter(s[n - 2]))
            sb_adds(&b, "u");
        else if ((last == 'n' || last == 'm') && s[n - 2] == 'j')
            sb_addc(&b, 'e'); /* "Ostijn": Ostèïne, not the nasal of "Ostèïn" */
    }
    return emit_built(p, i, e, &b);
}

/* ── Serbian and Croatian ────────────────────────────────────────────── */

/* Whether s[0, n) is spelled as Serbian and Croatian write their Latin
 * letters, one sound a letter: no doubled letter, no q, w, x or y, none
 * of French's digraphs (ou, au, eu, ch, ph, th, gn). "Guillevic",
 * "Titouanic" are not. */
static bool serbo_croatian_spelling(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char c = (char)(s[k] | 0x20), next = k + 1 < n ? s[k + 1] : '\0';
        if (strchr("qwxy", c) || next == c || ((c == 'o' || c == 'a' || c == 'e') && next == 'u') ||
            (strchr("cpt", c) && next == 'h') || (c == 'g' && next == 'n'))
            return false;
    }
    return true;
}

/* "Djokovic", "Vucic", "Mladic", "Karadzic", "Petrovic": eSpeak NG 1.51
 * reads the final ić of a Serbian or Croatian surname written without
 * its diacritics as the French -ic of "public" (/dZokov'ik/), where
 * French news readers say "itch" (Djokovitch). A capitalized name with
 * such an ending (slavic-endings.txt: -vic, -dic…) and that spelling
 * (serbo_croatian_spelling), which no list holds, ends in itch; its u is
 * ou and a would-be mute e é, as in the Polish names. */
static size_t say_slavic_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    const word_set *set = &p->nz->slavic_endings;
    if (n < 5 || !has_ending_in(set, s, n) || word_set_has(set, s, n) ||
        !serbo_croatian_spelling(s, n) || common_word_any_case(p, s, n) ||
        foreign_has_word(word_lists_of(p), s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k + 1 < n; k++) {
        if (s[k] == 'u' && (k == 0 || !is_vowel_letter(s[k - 1])))
            sb_adds(&b, "ou");
        else if (s[k] == 'e' && mute_e_of_name(s, n, k))
            sb_adds(&b, "\xC3\xA9");
        else
            sb_addc(&b, s[k]);
    }
    sb_adds(&b, "tch");
    return emit_built(p, i, e, &b);
}

/* ── Korean ────────────────────────────────────────────────────────────── */

/* The longest of the strings of set[] (longest first) that s[k, n)
 * opens with, its length; 0 if none. */
static size_t longest_opening(const char *s, size_t n, size_t k, const char *const *set,
                              size_t count)
{
    for (size_t j = 0; j < count; j++) {
        size_t l = strlen(set[j]);
        if (k + l <= n && memcmp(s + k, set[j], l) == 0)
            return l;
    }
    return 0;
}

/* Whether s[0, n), in lower case but perhaps its first letter, is one
 * syllable of romanized Korean: an initial consonant, a vowel, a final
 * consonant ("jong", "un", "hyeon", "chung", "hee", "moon"). "Jean",
 * "Pierre", "Harvey" are not: a given name after "Kim" may be French. */
static bool korean_syllable(const char *s, size_t n)
{
    static const char *const initials[] = {"kk", "tt", "pp", "ss", "jj", "ch", "g",
                                           "k",  "n",  "d",  "t",  "r",  "l",  "m",
                                           "b",  "p",  "s",  "j",  "h"};
    static const char *const vowels[] = {
        "yae", "yeo", "wae", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we",
        "wi",  "yu",  "eu",  "ui", "ee", "oo", "a",  "e",  "o",  "u",  "i"};
    static const char *const finals[] = {"ng", "k", "n", "t", "l", "m", "p", "g"};
    char w[8];
    if (n == 0 || n > 6)
        return false;
    for (size_t k = 0; k < n; k++) {
        if ((s[k] | 0x20) < 'a' || (s[k] | 0x20) > 'z' || (k > 0 && s[k] < 'a'))
            return false;
        w[k] = (char)(s[k] | 0x20);
    }
    size_t k = longest_opening(w, n, 0, initials, sizeof initials / sizeof *initials);
    size_t v = longest_opening(w, n, k, vowels, sizeof vowels / sizeof *vowels);
    if (!v)
        return false;
    k += v;
    return k == n ||
           k + longest_opening(w, n, k, finals, sizeof finals / sizeof *finals) == n;
}

/* French letters for the romanized Korean letters at k of the syllable
 * s[0, n): eo is o, ee i, oo ou, ae è, oe wé, ch tch, j dj, a g before e
 * or i gu, u ou (a final ung oun: "ng" after ou reads English), e é, a
 * final in ine; a capital stays one ("Ae" → È). Returns how many letters
 * it read. */
static size_t korean_letters(strbuf *b, const char *s, size_t n, size_t k)
{
    char c = (char)(s[k] | 0x20), next = k + 1 < n ? s[k + 1] : '\0';
    const char *out = NULL;
    size_t used = 1;
    if (c == 'e' && next == 'o')
        out = "o", used = 2;
    else if ((c == 'e' && next == 'e') || (c == 'o' && next == 'o'))
        out = c == 'e' ? "i" : "ou", used = 2; /* "Chung-hee", "Ki-moon" */
    else if (c == 'e' && next == 'u')
        out = "eu", used = 2;
    else if (c == 'a' && next == 'e')
        out = "\xC3\xA8", used = 2;
    else if (c == 'o' && next == 'e')
        out = "w\xC3\xA9", used = 2;
    else if (c == 'c' && next == 'h')
        out = "tch", used = 2;
    else if (c == 'j')
        out = "dj";
    else if (c == 'g' && (next == 'e' || next == 'i'))
        out = "gu";
    else if (c == 'u' && k + 3 == n && s[k + 1] == 'n' && s[k + 2] == 'g')
        out = "oun", used = 3;
    else if (c == 'u')
        out = "ou";
    else if (c == 'e')
        out = "\xC3\xA9";
    else if (c == 'i' && k + 2 == n && next == 'n')
        out = "ine", used = 2;
    if (!out) {
        sb_addc(b, s[k]);
        return 1;
    }
    if (k != 0 || !is_upper_ascii(s[0]))
        sb_adds(b, out);
    else if (out[0] == '\xC3')
        sb_addc(b, out[0]), sb_addc(b, (char)(out[1] - 0x20)),
            sb_adds(b, out + 2); /* é → É */
    else
        sb_addc(b, (char)(out[0] - 'a' + 'A')), sb_adds(b, out + 1);
    return used;
}

static void add_korean_syllable(strbuf *b, const char *s, size_t n)
{
    for (size_t k = 0; k < n;)
        k += korean_letters(b, s, n, k);
}

/* "Kim Jong-un", "Moon Jae-in", "Park Geun-hye", "Kim Il-sung": a
 * hyphenated given name of two syllables right after a Korean surname
 * (korean-surnames.txt) is romanized Korean, whose letters eSpeak NG reads
 * as French ones ("Jong-un" /ZO~gW~/). It is written as French readers say
 * it: "Djong-oun", "Djè-ine", "Gueun-hyé", "Il-soun". A name with no such
 * surname before it, or whose parts are no Korean syllables
 * (korean_syllable: "Kim Jean-Pierre", "Lee Harvey-Oswald"), is left
 * alone. */
static size_t say_korean_name(pass *p, size_t i, size_t e1)
{
    if (e1 + 1 >= p->len || p->s[e1] != '-' || i < 2 || p->s[i - 1] != ' ')
        return 0;
    size_t e2 = word_end(p, e1 + 1);
    if (!korean_syllable(p->s + i, e1 - i) ||
        !korean_syllable(p->s + e1 + 1, e2 - e1 - 1) || (e2 < p->len && p->s[e2] == '-'))
        return 0;
    word_ref before = prev_word(p, i);
    if (before.end != i - 1 || !word_set_has(&p->nz->korean_surnames, p->s + before.start,
                                             before.end - before.start))
        return 0;
    strbuf b;
    sb_init(&b);
    add_korean_syllable(&b, p->s + i, e1 - i);
    sb_addc(&b, '-');
    add_korean_syllable(&b, p->s + e1 + 1, e2 - e1 - 1);
    return emit_built(p, i, e2, &b);
}

/* ── Japanese ──────────────────────────────────────────────────────────── */

/* Whether Hepburn writes the vowel v after the consonant or cluster on:
 * not si, zi, ti, di, tu, du, hu (shi, ji, chi, tsu, fu), yi, ye, wi,
 * wu, we; ky and its kin, f and ts only before what they stand before. */
static bool hepburn_pair(const char *on, size_t l, char v)
{
    if (l == 2 && on[1] == 'y')
        return strchr("auo", v) != NULL;
    if (on[0] == 'f' || (l == 2 && on[0] == 't'))
        return v == 'u';
    if (l == 2)
        return true; /* sh, ch */
    switch (on[0]) {
    case 's':
    case 'z': return v != 'i';
    case 't':
    case 'd': return v != 'i' && v != 'u';
    case 'h': return v != 'u';
    case 'y': return v != 'i' && v != 'e';
    case 'w': return v == 'a' || v == 'o';
    default: return true;
    }
}

/* The length of the Hepburn syllable (a mora) at k of the lower-case
 * s[0, n), or 0: a vowel; a consonant, or ky, sh, ch, ts…, and a vowel
 * (hepburn_pair); a final n, or one before a consonant. A doubled
 * consonant is none: "Hattori" reads well as it is, and Finnish names
 * double theirs ("Pekka", "Jukka"). */
static size_t hepburn_mora(const char *s, size_t n, size_t k)
{
    static const char *const vowels = "aiueo";
    char c = s[k], next = k + 1 < n ? s[k + 1] : '\0';
    if (strchr(vowels, c))
        return 1;
    if (next && strchr(vowels, next))
        return strchr("kgsztdnhbpmyrwfj", c) && hepburn_pair(s + k, 1, next) ? 2 : 0;
    bool cluster = (next == 'y' && strchr("kgnhbpmr", c)) || (next == 'h' && (c == 's' || c == 'c')) ||
                   (c == 't' && next == 's');
    if (cluster && k + 2 < n && strchr(vowels, s[k + 2]) && hepburn_pair(s + k, 2, s[k + 2]))
        return 3;
    return c == 'n' && next != 'y' ? 1 : 0; /* a final n, or one before a consonant */
}

/* How many Hepburn syllables the lower-case s[0, n) is made of, or 0
 * when it is not all such syllables or has no letter Japanese names have
 * and French, Italian and Spanish ones lack: a k, sh, ts, ky and its kin,
 * fu or zu. "Romano", "Obama", "Murano" are syllables but have none;
 * nor is ch one (French "Chinon"), nor j ("Josette"), nor ny
 * ("Benyamin"). A doubled letter or oe is Dutch, English or Finnish
 * ("Koen", "Sheeran", "Pekka"). */
static size_t japanese_morae(const char *s, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++)
        if (s[k + 1] == s[k] || (s[k] == 'o' && s[k + 1] == 'e'))
            return 0;
    size_t morae = 0;
    bool cue = false;
    for (size_t k = 0; k < n; morae++) {
        size_t l = hepburn_mora(s, n, k);
        if (!l)
            return 0;
        cue |= s[k] == 'k' || (l == 3 && s[k] != 'c' && s[k] != 'n') ||
               (l == 2 && (s[k] == 'f' || s[k] == 'z') && s[k + 1] == 'u');
        k += l;
    }
    return cue ? morae : 0;
}

/* Whether the lower-case s[0, n) has a pair of letters English names do
 * not have and Japanese ones do: ts, fu, zu, or ky, ry, hy… before a
 * vowel. An sh is as often English ("Joshua", "Sheridan", "Keisha"). In
 * a word all of Hepburn's syllables, each such pair opens one, so it is
 * also a letter japanese_morae counts. */
static bool japanese_only(const char *s, size_t n)
{
    for (size_t k = 0; k + 2 < n; k++) {
        char c = s[k], next = s[k + 1];
        if ((c == 't' && next == 's') || ((c == 'f' || c == 'z') && next == 'u') ||
            (next == 'y' && strchr("kgrhbpm", c) && strchr("auo", s[k + 2])))
            return true;
    }
    return false;
}

/* French letters for the Japanese ones at k of the lower-case s[0, n)
 * (first letter capitalized back by the caller): u is ou, e é, sh ch, ch
 * tch, j dj, the y of ky… i, an s between vowels ss (but in names French
 * has long said with a z: keep_z, "Osaka", "Nagasaki"), g before e or i
 * gu, ai, oi, ui aï, oï, ouï. Returns how many letters it read. */
static size_t japanese_letters(strbuf *b, const char *s, size_t n, size_t k, bool keep_z)
{
    char c = s[k], next = k + 1 < n ? s[k + 1] : '\0';
    bool after_vowel = k > 0 && strchr("aiueo", s[k - 1]);
    if (c == 'u')
        return sb_adds(b, k > 0 && s[k - 1] == 'o' ? "u" : "ou"), 1;
    if (c == 'e')
        return sb_adds(b, "\xC3\xA9"), 1;
    if (c == 'i' && after_vowel && s[k - 1] != 'i' && s[k - 1] != 'e')
        return sb_adds(b, "\xC3\xAF"), 1;
    if (c == 's' && next == 'h')
        return sb_adds(b, "ch"), 2;
    if (c == 'c' && next == 'h')
        return sb_adds(b, "tch"), 2;
    if (c == 'j')
        return sb_adds(b, "dj"), 1;
    if (c == 'y' && k > 0 && !after_vowel)
        return sb_addc(b, 'i'), 1;
    if (c == 's' && after_vowel && strchr("aiueo", next) && !keep_z)
        return sb_adds(b, "ss"), 1;
    if (c == 'g' && (next == 'e' || next == 'i'))
        return sb_adds(b, "gu"), 1;
    return sb_addc(b, c), 1;
}

/* "Fukushima", "Suzuki", "Sasaki", "Kishida", "Mitsubishi": eSpeak NG
 * 1.51 reads a romanized Japanese name with French letters (/fykySim'a/,
 * /sazak'i/), where French news readers say its u ou, its s s, its sh ch
 * ("Foukouchima", "Sassaki", "Kichida"). A capitalized name of three
 * Hepburn syllables or more with a Japanese letter (japanese_morae), that
 * no French list holds, has its letters respelled (japanese_letters). */
static size_t say_japanese_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    char lower[64];
    if (n < 4 || n >= sizeof lower)
        return 0;
    for (size_t k = 0; k < n; k++)
        lower[k] = (char)(p->s[i + k] | 0x20);
    /* Two syllables are as often a Chinese name ("Shen", "Shui-bian",
     * hyphenated as Korean ones are) or an English one ("Mike"). A final
     * e or en is French, Dutch or English ("Karine", "Bekende",
     * "Ganshoren"), rare in Japanese names. A name the English list has
     * needs letters English names lack: "Korea", "Kenyan" have only a k,
     * "Joshua" an sh. */
    size_t morae = japanese_morae(lower, n);
    const foreign_lists *fl = word_lists_of(p);
    if (morae < 3 || lower[n - 1] == 'e' || (lower[n - 1] == 'n' && lower[n - 2] == 'e') ||
        !fl->n || (i > 0 && p->s[i - 1] == '-') || (e < p->len && p->s[e] == '-') ||
        common_word_any_case(p, p->s + i, n))
        return 0;
    bool listed = foreign_has_word(fl, p->s + i, n);
    if (listed && !japanese_only(lower, n))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < n;)
        k += japanese_letters(&b, lower, n, k, listed);
    if (b.len && b.s[0] >= 'a' && b.s[0] <= 'z')
        b.s[0] = (char)(b.s[0] - 'a' + 'A');
    if (b.len == n && strncasecmp(b.s, p->s + i, n) == 0) {
        sb_free(&b);
        return 0; /* "Tanaka": eSpeak NG reads it right */
    }
    return emit_built(p, i, e, &b);
}

/* ── ng before y ───────────────────────────────────────────────────────── */

/* "Pyongyang", "Xiangyang", "Songyang": romanized Korean and Chinese end
 * a syllable with ng before one opening with y, where eSpeak NG reads the
 * g as French does before y, /ʒ/ ("pjO~ZjA~g"). French writes ngy in no
 * name ("strongyle" is a lower-case word of its list), so a capitalized
 * name with it is parted there, "Pyong-yang", and its g is heard. */
static size_t say_ng_y_name(pass *p, size_t i, size_t e)
{
    const char *s = p->s + i, *ngy = NULL;
    size_t n = e - i;
    for (size_t k = 1; k + 3 < n && !ngy; k++)
        if (s[k] == 'n' && s[k + 1] == 'g' && s[k + 2] == 'y')
            ngy = s + k;
    if (!ngy || common_word_any_case(p, s, n))
        return 0; /* "Strongyle" opens a sentence */
    strbuf b;
    sb_init(&b);
    sb_add(&b, s, (size_t)(ngy - s) + 2);
    sb_addc(&b, '-');
    sb_add(&b, ngy + 2, n - (size_t)(ngy - s) - 2);
    return emit_built(p, i, e, &b);
}

/* ── Swedish -sson ─────────────────────────────────────────────────────── */

/* "Andersson", "Johansson", "Kristersson", "Larsson": a Swedish or
 * Icelandic patronym ends in a consonant and -sson, which eSpeak NG reads
 * as the French -sson of "buisson", /sO~/, where French news readers say
 * -sonne. French names have a vowel before their -sson ("Besson",
 * "Masson", "Poisson"), which is left alone; the Swedish one is written
 * -ssonne. */
static size_t say_swedish_sson(pass *p, size_t i, size_t e)
{
    const char *s = p->s + i;
    size_t n = e - i;
    if (n < 6 || memcmp(s + n - 4, "sson", 4) != 0 || is_vowel_letter(s[n - 5]) ||
        listed_common_word(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, s, n);
    sb_adds(&b, "ne");
    return emit_built(p, i, e, &b);
}

/* ── gh before a consonant ─────────────────────────────────────────── */

/* Whether the gh at k of s[0, n) is the Arabic one, in a French
 * transcription: after a lone a, e, o or u ("Maghreb", "Zeghdar",
 * "Baghdadi") and before a consonant that is not t, n, s or h. English
 * writes igh, augh, eigh, ough ("Highland", "McLaughlin", "Poughkeepsie")
 * and ght, ghn, ghs, which are left. */
static bool arabic_gh_at(const char *s, size_t n, size_t k)
{
    if (k < 1 || k + 2 >= n || s[k] != 'g' || s[k + 1] != 'h' || !strchr("aeou", s[k - 1]))
        return false;
    if (k >= 2 && is_vowel_letter(s[k - 2]))
        return false;
    return strchr("bcdfgjklmpqrvwz", s[k + 2]) != NULL;
}

/* "Maghreb", "Baghdadi", "Zeghdar", "Doghmi", "Laghmani": eSpeak NG 1.51's
 * French rules hand a gh before a consonant to the English voice
 * (/m'agrEb/ with English vowels, /z'EgdA@/), where French readers say the
 * Arabic gh as g. A capitalized word with such a gh (arabic_gh_at) has it
 * written g ("Magreb", "Bagdadi"); the lower-case French words of the kind
 * ("maghrébin") are in espeak-french.pls. */
static size_t say_gh_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    bool found = false;
    for (size_t k = 1; k + 2 < n && !found; k++)
        found = arabic_gh_at(s, n, k);
    if (!found)
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < n; k++) {
        sb_addc(&b, s[k]);
        k += arabic_gh_at(s, n, k); /* past the h */
    }
    return emit_built(p, i, e, &b);
}

/* ── Names ending in a, o, i ───────────────────────────────────────── */

/* Whether c is a consonant letter that, with r or l after it, opens a
 * syllable ("Pedro", "Federica"). */
static bool opens_with_liquid(char c)
{
    return c && strchr("bcdfgkptv", c) != NULL;
}

/* The French letters for the e at k of the name s[0, n), or NULL to keep
 * it: an e eSpeak NG would make mute, a single consonant (or one and r,
 * l) and a vowel after it, is é ("Renato", "Pedro"); an e before n and
 * another consonant, which eSpeak NG nasalizes, is è ("Lorenzo": French
 * readers say /ɛn/); an e before a or o is é when ea_eo allows ("Leo").
 * An e after a, o or e is part of a digraph and is kept, and so is an
 * opening E before a consonant, which eSpeak NG already says é. */
static const char *romance_e(const char *s, size_t n, size_t k, bool ea_eo)
{
    bool cap = s[k] == 'E';
    char a = k + 1 < n ? s[k + 1] : '\0', b = k + 2 < n ? s[k + 2] : '\0';
    char c = k + 3 < n ? s[k + 3] : '\0';
    if (k > 0 && strchr("aeo", s[k - 1]))
        return NULL;
    if (a == 'n' && b && strchr("cdfgjkstvz", b))
        return cap ? "\xC3\x88" : "\xC3\xA8";
    if (cap)
        return NULL; /* "Elena", "Eduardo": eSpeak NG says an opening e é */
    bool one = a && !is_vowel_letter(a) && a != 'x' && a != 'h' && is_vowel_letter(b) &&
               b != 'y'; /* "Kenya": eSpeak NG says é before ny */
    bool liquid = opens_with_liquid(a) && (b == 'r' || b == 'l') && is_vowel_letter(c);
    if (one || liquid || (ea_eo && (a == 'a' || a == 'o')))
        return "\xC3\xA9";
    return NULL;
}

/* Adds s[0, upto) of the name s[0, n) to b with each e romance_e
 * respells respelled; whether one was. */
static bool add_romance_es(strbuf *b, const char *s, size_t n, size_t upto, bool ea_eo)
{
    bool changed = false;
    for (size_t k = 0; k < upto; k++) {
        const char *fr = s[k] == 'e' || s[k] == 'E' ? romance_e(s, n, k, ea_eo) : NULL;
        if (fr)
            sb_adds(b, fr), changed = true;
        else
            sb_addc(b, s[k]);
    }
    return changed;
}

/* "Leo", "Neo", "Teo", "Geo": a name of a consonant, e and a or o, which
 * eSpeak NG reads with a mute e (/l@o/), where French readers say Léo,
 * Néo. A common word of either list ("Tea", "Sea", "Lea") is left. */
static size_t say_short_eo_name(pass *p, size_t i, size_t e)
{
    const char *s = p->s + i;
    if (s[1] != 'e' || (s[2] != 'a' && s[2] != 'o') || is_vowel_letter((char)(s[0] | 0x20)) ||
        !word_lists_of(p)->n || common_word_any_case(p, s, 3))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_addc(&b, s[0]);
    sb_adds(&b, "\xC3\xA9");
    sb_addc(&b, s[2]);
    return emit_built(p, i, e, &b);
}

/* Whether the name s[0, n) holds a vowel spelling of French, not of
 * Italian, Spanish or Portuguese: eau, ais, ait, aill ("Delaisi"). Such
 * a name ending in a, o or i is French. Not ou, which French writes in
 * Arabic names too ("Bouteflika": Boutéflika). */
static bool french_vowel_spelling(const char *s, size_t n)
{
    static const char *const spellings[] = {"eau", "ais", "ait", "aill"};
    for (size_t k = 0; k < sizeof spellings / sizeof *spellings; k++) {
        size_t l = strlen(spellings[k]);
        for (size_t q = 0; q + l <= n; q++)
            if (strncasecmp(s + q, spellings[k], l) == 0)
                return true;
    }
    return false;
}

/* "Renato", "Federico", "Teresa", "Modena", "Lorenzo", "Fiorentina":
 * eSpeak NG 1.51 reads the e of an Italian, Spanish or Portuguese name
 * the French way, mute or nasal (/r@nato/, /f@d@riko/, /lorA~zo/), where
 * French news readers say é and èn. French words and names seldom end in
 * a, o or i with no accent, so a capitalized name so ending that no list
 * has as a common word ("Media", "Memo") is read as a Romance one: each
 * such e is written é or è (romance_e). "ea" and "eo" only in a name the
 * English list does not hold ("Andrea", but "Chelsea"); "Henri" keeps
 * its nasal (n before r). */
static size_t say_romance_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n == 3)
        return say_short_eo_name(p, i, e);
    if (n < 4 || !strchr("aoi", s[n - 1]) || (s[n - 1] == 'i' && is_vowel_letter(s[n - 2])) ||
        french_vowel_spelling(s, n) || common_word_any_case(p, s, n))
        return 0; /* "Reederei": a German -ei; "Charleroi": a French -oi */
    const foreign_lists *fl = word_lists_of(p);
    if (!fl->n)
        return 0; /* no list to tell common words */
    strbuf b;
    sb_init(&b);
    if (!add_romance_es(&b, s, n, n, !foreign_has_word(fl, s, n))) {
        sb_free(&b);
        return 0;
    }
    return emit_built(p, i, e, &b);
}


/* The name [i, e) with its final s heard, doubled and an e after it
 * ("Marcusse", "Carlosse"), its e said as in the Romance names. */
static size_t say_final_s_heard(pass *p, size_t i, size_t e)
{
    strbuf b;
    sb_init(&b);
    add_romance_es(&b, p->s + i, e - i, e - i, false);
    sb_adds(&b, "se");
    return emit_built(p, i, e, &b);
}

/* "Marcus", "Markus", "Lazarus", "Juventus": eSpeak NG 1.51 makes the s
 * of some names in -us mute (/marky/, /ZyvA~ty/), as in French "jus" or
 * "reçus", where French readers say the s of a Latin or foreign name
 * (/markys/). A capitalized name ending in a consonant and us that no
 * list has as a common word ("Camus", "Virus", "Venus" are) gets its s
 * doubled and an e after it ("Marcusse"), and its e said as in the
 * Romance names (romance_e: "Juvèntusse"). A vowel before the u ("Gaius",
 * "Klaus", "Confucius") leaves the name alone: eSpeak NG reads those. */
static size_t say_latin_us_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 5 || is_vowel_letter(s[n - 3]) || s[n - 3] == 'y' || !word_lists_of(p)->n ||
        common_word_any_case(p, s, n))
        return 0;
    return say_final_s_heard(p, i, e);
}

/* How many vowel groups s[0, n) holds: "Carlos" two, "Gros" one. */
static size_t vowel_groups(const char *s, size_t n)
{
    size_t groups = 0;
    for (size_t k = 0; k < n; k++)
        groups += is_vowel_letter((char)(s[k] | 0x20)) &&
                  (k == 0 || !is_vowel_letter((char)(s[k - 1] | 0x20)));
    return groups;
}

/* Whether s[0, n) is a French surname of an article and a one-syllable
 * word, whose s is mute: "Ducros", "Legros", "Laclos", "Dubos". */
static bool article_and_syllable(const char *s, size_t n)
{
    size_t a = n > 3 && (memcmp(s, "Du", 2) == 0 || memcmp(s, "Le", 2) == 0 ||
                         memcmp(s, "La", 2) == 0 || memcmp(s, "De", 2) == 0) ? 2 : 0;
    if (a && s[2] == 's')
        a = 3; /* "Desbos" */
    return a && vowel_groups(s + a, n - a) == 1;
}

/* "Carlos", "Santos", "Ramos", "Marcos", "Papadopoulos", "Olympiakos":
 * eSpeak NG 1.51 reads a final os as in French "gros" (/karlo/), where
 * French readers say the s of a Spanish, Portuguese or Greek name
 * (/karlɔs/). A capitalized name of two syllables or more ending in a
 * consonant or i and os, that no list has as a word or as a plural
 * ("Propos", "Photos", "Latinos", "Echos" are) and no plural determiner
 * stands before ("les Navajos"), gets its s doubled and
 * an e after it ("Carlosse"), its other e said as in the Romance names.
 * French surnames of an article and a syllable keep their mute s
 * ("Ducros", "Legros"). */
static size_t say_iberian_os_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 5 || (is_vowel_letter(s[n - 3]) && s[n - 3] != 'i') || vowel_groups(s, n) < 2 ||
        article_and_syllable(s, n) || !word_lists_of(p)->n || common_word_accents_lost(p, s, n) ||
        common_word_any_case(p, s, n - 1) || after_plural_determiner(p, i))
        return 0;
    return say_final_s_heard(p, i, e);
}

/* Whether the letter at k of s[0, n), before a final "ez", ends the
 * stem of a Spanish surname: a consonant ("Pérez", "Gómez"), or the u
 * of gu, qu ("Rodriguez", "Vazquez"). */
static bool spanish_ez_stem(const char *s, size_t k)
{
    if (s[k] == 'u')
        return k > 0 && (s[k - 1] == 'g' || s[k - 1] == 'q');
    return !is_vowel_letter(s[k]) && s[k] != 'y';
}

/* "Perez", "Gomez", "Alvarez", "Rodriguez", "Benitez": eSpeak NG 1.51
 * reads a final ez as the French one of "nez", "avez" (/gome/), where
 * French readers say the z of a Spanish surname (/gɔmɛz/). A capitalized
 * name ending in ez after a consonant (spanish_ez_stem) that no list has
 * as a word ("Chez", "Allez", "Consultez", "Forez", "Suez", "Etalez" are) ends in
 * èz, its other e said as in the Romance names ("Pérèz", "Ménèndèz"). A
 * name after a hyphen is left: "Saint-Tropez" keeps its mute z. */
static size_t say_spanish_ez_name(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const char *s = p->s + i;
    if (n < 5 || !spanish_ez_stem(s, n - 3) || (i > 0 && p->s[i - 1] == '-') ||
        !word_lists_of(p)->n || common_word_accents_lost(p, s, n))
        return 0;
    strbuf b;
    sb_init(&b);
    add_romance_es(&b, s, n, n - 2, false);
    sb_adds(&b, "\xC3\xA8z");
    return emit_built(p, i, e, &b);
}

/* ── Regional endings ─────────────────────────────────────────────────── */

/* "Guebwiller", "Bischwiller", "Riquewihr": a capitalized name that ends
 * in an ending of name-endings.tsv, with at least three letters before
 * it, has the ending respelled ("Guebvilère"): eSpeak NG reads the
 * Alsatian w as English w and -iller as in "fille". */
/* The row of a table of name spellings that the name s[0, n) ends with
 * (or opens with, for a row written with a final *), with at least
 * `rest` letters of the name left beside it; an opening keeps one more
 * ("Wa" opens "Wade", not "Wax"). NULL if none. */
static const respelling *name_row(const respell_table *t, const char *s, size_t n, size_t rest)
{
    for (size_t k = 0; k < t->n; k++) {
        const respelling *r = &t->items[k];
        size_t l = r->from_len;
        if (n < l + rest + r->prefix)
            continue;
        const char *part = r->prefix ? s : s + n - l;
        /* the part's first byte first: it turns most rows away */
        if ((l == 0 || part[0] == r->from[0]) && memcmp(part, r->from, l) == 0)
            return r;
    }
    return NULL;
}

/* The name [i, e) with the part row r matched written as r says. */
static size_t say_name_row(pass *p, size_t i, size_t e, const respelling *r)
{
    size_t n = e - i, l = strlen(r->from);
    strbuf b;
    sb_init(&b);
    if (r->prefix) {
        sb_adds(&b, r->to);
        sb_add(&b, p->s + i + l, n - l);
    } else {
        sb_add(&b, p->s + i, n - l);
        sb_adds(&b, r->to);
    }
    return emit_built(p, i, e, &b);
}

static size_t say_name_ending(pass *p, size_t i, size_t e)
{
    const respelling *r = name_row(&p->nz->name_endings, p->s + i, e - i, 3);
    return r ? say_name_row(p, i, e, r) : 0;
}

/* ── Loan words capitalized ────────────────────────────────────────────── */

/* Whether a French word follows the word ending at e: past spaces and a
 * colon or comma, a lower-case word of the French list ("Jury : verdict
 * demain"), a determiner ("le", "de": determiners.txt), or a capitalized
 * one no list holds ("Football Atlantique Rochelais"). An English word
 * after ("Hall of Fame", "Jury duty") makes the capitalized word a part of
 * an English name. */
static bool french_word_follows(const pass *p, size_t e)
{
    while (e < p->len && (p->s[e] == ' ' || p->s[e] == ':' || p->s[e] == ','))
        e++;
    size_t end = e < p->len ? word_end(p, e) : e, n = end - e;
    if (n < 2 || n >= 64)
        return false;
    const char *w = p->s + e;
    if (w[0] >= 'a' && w[0] <= 'z')
        return word_set_has(&p->nz->determiners, w, n) ||
               (french_plain_word(p->nz->accents, w, n) && !listed_common_word(p, w, n));
    if (!capitalized_ascii(w, n))
        return (unsigned char)w[0] >= 0x80; /* "Élite", "Évreux" */
    const foreign_lists *fl = word_lists_of(p);
    return fl->n && !foreign_has_word(fl, w, n);
}

/* "Football : le PSG…", "Jury populaire", "le Football Atlantique
 * Rochelais": a loan word of both Debian lists that espeak-french.pls
 * respells in lower case only ("foutbol", "juri": capitalized, it is as
 * often an English name, "Hall of Famer"), capitalized at a sentence's or
 * a French name's head. eSpeak NG hands the capitalized spelling to its
 * English voice (/f'UtbO:l/); when a French word follows
 * (french_word_follows), the word is French and takes the lexicon's
 * respelling, capitalized. */
static size_t say_capitalized_loan(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    char lower[64];
    if (n >= sizeof lower)
        return 0;
    memcpy(lower, p->s + i, n);
    lower[0] = (char)(lower[0] | 0x20);
    if (!lexicon_has_head(&p->nz->lex, lower, n))
        return 0; /* the cheap look-up first: most words are no entry */
    const char *alias = lexicon_lookup(&p->nz->lex, lower, n);
    if (!alias || !listed_common_word(p, lower, n) ||
        !french_plain_word(p->nz->accents, lower, n) || !french_word_follows(p, e))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, alias);
    if (b.len && b.s[0] >= 'a' && b.s[0] <= 'z')
        b.s[0] = (char)(b.s[0] - 'a' + 'A');
    return emit_built(p, i, e, &b);
}

/* ── Names eSpeak NG hands to English ──────────────────────────────────── */

/* The row of english-switch.tsv the name s[0, n) matches, NULL if none:
 * an ending with a letter before it, or an opening with two after it. */
static const respelling *english_switch_of(const pass *p, const char *s, size_t n)
{
    return name_row(&p->nz->english_switch, s, n, 1);
}

/* Whether a name no list has is written the way French transcribes
 * names, with ou or a letter English lacks ("Modou", "Souadou",
 * "Soulèye"): the name beside it is then no English one. An unknown
 * name alone ("Bocock") says nothing of "Randall". */
static bool french_spelt_name(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80 || ((s[k] | 0x20) == 'o' && k + 1 < n && s[k + 1] == 'u'))
            return true;
    return false;
}

/* What the capitalized word beside a name tells of its language: a word
 * an English list has (English), a name no list has that eSpeak NG reads
 * with its French rules ("Macky", "Abdoulaye", "Soulèye": French), or
 * nothing: no capitalized word there, a French word ("Mensuelle Small
 * Cap"), or one of three letters or less, as often a particle or
 * initials as a name ("De Wever", "Cac Small"). */
typedef enum { SIDE_NONE, SIDE_ENGLISH, SIDE_FRENCH, SIDE_FRENCH_SPELT } side_language;

static side_language language_of_side(const pass *p, word_ref w)
{
    size_t n = w.end - w.start;
    const char *s = p->s + w.start;
    if (n < 4 || n >= 64 || !word_capitalized(p, w))
        return SIDE_NONE;
    const foreign_lists *fl = word_lists_of(p);
    if (foreign_has_word(fl, s, n))
        return SIDE_ENGLISH;
    if (english_switch_of(p, s, n) || common_word_any_case(p, s, n))
        return SIDE_NONE;
    return french_spelt_name(s, n) ? SIDE_FRENCH_SPELT : SIDE_FRENCH;
}

/* "Macky Sall", "Aboubacry Sow", "Abdoulaye Wade", "Modou Fall": names
 * whose spelling makes eSpeak NG 1.51 read them with its English voice
 * (english-switch.tsv), /s'O:l/ for /sal/. A name no English list has
 * ("Sall", "Mbow") is French unless a word beside it is English; one
 * the lists have ("Fall", "Randall") only when the name beside it is
 * spelt as French transcribes names ("Modou Fall", not "Randall
 * Bocock"). An opening Wa needs both, no list and a French-read name
 * beside it ("Walid Diallo"): "Kanye West" and "Abdoulaye Wade" keep
 * their English W. Then the name is written as French rules read it. */
static size_t say_english_switched(pass *p, size_t i, size_t e)
{
    size_t n = e - i;
    const respelling *r = english_switch_of(p, p->s + i, n);
    const foreign_lists *fl = word_lists_of(p);
    if (!r || !fl->n)
        return 0;
    word_ref before = prev_word(p, i), after = next_word(p, e);
    side_language left = before.end + 1 == i && p->s[i - 1] == ' ' ? language_of_side(p, before) : SIDE_NONE;
    side_language right = after.start == e + 1 && p->s[e] == ' ' ? language_of_side(p, after) : SIDE_NONE;
    if (left == SIDE_ENGLISH || right == SIDE_ENGLISH)
        return 0;
    bool spelt = left == SIDE_FRENCH_SPELT || right == SIDE_FRENCH_SPELT;
    bool french_side = spelt || left == SIDE_FRENCH || right == SIDE_FRENCH;
    bool listed = foreign_has_word(fl, p->s + i, n);
    if (r->prefix ? listed || !french_side : listed && !spelt)
        return 0;
    return say_name_row(p, i, e, r);
}

/* ── Dispatch ──────────────────────────────────────────────────────────── */

/* What one pass over a capitalized word finds, so that each family's
 * rule runs only on the words that can be its own. */
typedef struct {
    bool capitalized; /* an ASCII capital, then ASCII lower case */
    bool soft_g;      /* a g before i: Italian */
    bool long_vowel;  /* a doubled o or e after the first letter: Dutch */
    bool ng_y;        /* ng before y: Korean, Chinese */
    bool polish;      /* a w, z, ck, ie or u: what polish_letters rewrites */
    bool flemish;     /* ae or ij: Flemish and Dutch */
    bool gh;          /* gh: an Arabic one before a consonant */
    bool romance;     /* an e: Italian, Spanish when a, o or i ends the name */
    bool japanese;    /* a k, sh, ts, fu, zu or a consonant and y: Japanese */
} name_cues;

static name_cues cues_of(const char *s, size_t n)
{
    char first = (char)(s[0] | 0x20), second = n > 1 ? s[1] : '\0';
    name_cues c = {.capitalized = is_upper_ascii(s[0]),
                   .soft_g = s[0] == 'G' && n > 1 && s[1] == 'i',
                   .polish = s[0] == 'W',
                   .japanese = first == 'k' || (first == 's' && second == 'h') ||
                               (first == 't' && second == 's') ||
                               ((first == 'f' || first == 'z') && second == 'u')};
    for (size_t k = 1; k < n; k++) {
        char x = s[k], next = k + 1 < n ? s[k + 1] : '\0';
        if (x < 'a' || x > 'z')
            return c.capitalized = false, c;
        switch (x) { /* most letters are none of these: one jump each */
        case 'g':
            c.soft_g |= next == 'i';
            c.gh |= next == 'h';
            break;
        case 'k': c.japanese = true; break;
        case 's': c.japanese |= next == 'h'; break;
        case 't': c.japanese |= next == 's'; break;
        case 'f': c.japanese |= next == 'u'; break;
        case 'y': c.japanese |= !is_vowel_letter(s[k - 1]); break;
        case 'o': c.long_vowel |= next == x; break;
        case 'e':
            c.long_vowel |= next == x;
            c.romance = true;
            break;
        case 'n': c.ng_y |= next == 'g' && k + 2 < n && s[k + 2] == 'y'; break;
        case 'w': c.polish = true; break;
        case 'z':
            c.polish = true;
            c.japanese |= next == 'u';
            break;
        case 'c': c.polish |= next == 'k'; break;
        case 'i':
            c.polish |= next == 'e';
            c.flemish |= next == 'j';
            break;
        case 'a': c.flemish |= next == 'e'; break;
        case 'u': /* only before an ending polish-endings.txt may hold: -ski, -cka, -wicz, -czyk */
            c.polish |= s[n - 1] == 'i' || s[n - 1] == 'a' || s[n - 1] == 'z' || s[n - 1] == 'k';
            break;
        default: break;
        }
    }
    c.romance |= s[0] == 'E';
    return c;
}

/* The families a name's last letters tell, one jump for all: a, o, i
 * (Romance names with an e), -us, -ez, and the endings of
 * name-endings.tsv, which all hold a w (has_w). */
static size_t say_by_ending(pass *p, size_t i, size_t e, bool has_e, bool has_w)
{
    switch (p->s[e - 1]) {
    case 'a':
    case 'o':
    case 'i': return has_e ? say_romance_name(p, i, e) : 0;
    case 's':
        if (p->s[e - 2] == 'o')
            return say_iberian_os_name(p, i, e);
        return p->s[e - 2] == 'u' ? say_latin_us_name(p, i, e) : 0;
    case 'z': return p->s[e - 2] == 'e' ? say_spanish_ez_name(p, i, e) : 0;
    case 'c': return p->s[e - 2] == 'i' ? say_slavic_name(p, i, e) : 0;
    case 'r': return has_w ? say_name_ending(p, i, e) : 0;
    default: return 0;
    }
}

/* A capitalized ASCII word no other rule took: the name families above,
 * most specific first (a Korean given name needs its surname before it),
 * then a loan word heading French. The word is looked at once here
 * (cues_of): these rules run on most capitalized words of a text. */
size_t rule_name_spelling(pass *p, size_t i)
{
    size_t e = word_end(p, i), n = e - i, r = 0;
    if (e < p->len && p->s[e] == '-' && (r = say_korean_name(p, i, e)))
        return r; /* "Ki-moon": a syllable may be two letters */
    if (n < 3 || n >= 64)
        return 0;
    name_cues c = cues_of(p->s + i, n);
    if (!c.capitalized)
        return 0;
    if (c.soft_g)
        r = say_italian_name(p, i, e);
    if (!r && c.polish)
        r = say_polish_name(p, i, e);
    if (!r && p->s[e - 1] == 'u')
        r = say_romanian_name(p, i, e);
    if (!r && c.long_vowel)
        r = say_dutch_name(p, i, e);
    if (!r && c.flemish)
        r = say_flemish_name(p, i, e);
    if (!r && c.ng_y)
        r = say_ng_y_name(p, i, e);
    if (!r && c.gh)
        r = say_gh_name(p, i, e);
    if (!r)
        r = say_by_ending(p, i, e, c.romance, c.polish);
    if (!r)
        r = say_swedish_sson(p, i, e);
    if (!r && c.japanese)
        r = say_japanese_name(p, i, e);
    if (!r && lexicon_may_start(&p->nz->lex, (unsigned char)(p->s[i] | 0x20)))
        r = say_capitalized_loan(p, i, e);
    if (!r)
        r = say_english_switched(p, i, e);
    return r;
}
