/* Each line's own class, from its features (length, ending, share of
 * function words) and the cues it matches: prose, near-prose, short or
 * furniture; credits, datelines, end markers, teasers cut to fit, sign-up
 * boxes, buttons, paywalls. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* jusText's length thresholds, in characters, set on French copies. */
#define SHORT_CHARS 50
#define LONG_CHARS 200

static bool ends_sentence(const char *s, size_t n)
{
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ')' || c == ';' ||
           c == '"' || (n >= 2 && strcmp(s + n - 2, "\xC2\xBB") == 0) || /* » */
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\x9D") == 0) ||            /* ” */
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0) ||          /* … */
           ends_on_script_stop(s, n);
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The shape bit of a folded word of n bytes: its length and its first
 * two and last bytes. */
static size_t shape_bit(size_t n, unsigned char b0, unsigned char b1, unsigned char last)
{
    uint32_t h = (uint32_t)n * 0x9E3779B1u;
    h = (h ^ b0) * 0x85EBCA6Bu;
    h = (h ^ b1) * 0xC2B2AE35u;
    h = (h ^ last) * 0x27D4EB2Fu;
    return (h >> 16) % STOP_SHAPE_BITS;
}

/* The byte at i of w as text_is_stopword folds it, for a word without ’
 * (folding then keeps every byte's place): A-Z and the Latin-1 capitals
 * after 0xC3 in lower case. */
static unsigned char folded_byte(const char *w, size_t i)
{
    unsigned char c = (unsigned char)w[i];
    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c + ('a' - 'A'));
    if (i > 0 && (unsigned char)w[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
        return (unsigned char)(c + 0x20);
    return c;
}

/* The function words of every language (a copy of a German page has the
 * same shape), indexed for is_stopword. */
int text_load_stopwords(reader *r, ora_error *err)
{
    if (lang_all_stopwords(&r->stops, err) < 0)
        return -1;
    for (size_t i = 0; i < r->stops.n && i < STOP_SLOTS / 2; i++) {
        size_t h = hash_text(r->stops.items[i]) % STOP_SLOTS;
        while (r->stop_slot[h])
            h = (h + 1) % STOP_SLOTS;
        const char *w = r->stops.items[i];
        r->stop_slot[h] = w;
        size_t n = strlen(w);
        r->stop_max = n > r->stop_max ? n : r->stop_max;
        if (n) {
            size_t b = shape_bit(n, (unsigned char)w[0], n > 1 ? (unsigned char)w[1] : 0,
                                 (unsigned char)w[n - 1]);
            r->stop_shape[b / 64] |= 1ull << (b % 64);
        }
    }
    return 0;
}

/* Is the word [w, w+n) a function word? Folds ASCII and Latin-1 capitals
 * and the typographic apostrophe. */
bool text_is_stopword(const reader *r, const char *w, size_t n)
{
    char buf[32];
    size_t k = 0;
    if (n > r->stop_max + 2)
        return false; /* longer than any function word, folded or not */
    if (n && !memchr(w, 0xE2, n)) { /* no ’: the folded word has n bytes */
        size_t b = shape_bit(n, folded_byte(w, 0), n > 1 ? folded_byte(w, 1) : 0, folded_byte(w, n - 1));
        if (!(r->stop_shape[b / 64] >> (b % 64) & 1))
            return false;
    }
    for (size_t i = 0; i < n && k + 2 < sizeof buf; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            buf[k++] = '\'';
            i += 2;
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)w[i + 1] >= 0x80 &&
                   (unsigned char)w[i + 1] <= 0x9E) {
            buf[k++] = (char)c, buf[k++] = (char)folded_byte(w, ++i); /* a capital's two bytes together */
        } else {
            buf[k++] = (char)folded_byte(w, i);
        }
    }
    buf[k] = '\0';
    for (size_t h = hash_text(buf) % STOP_SLOTS;; h = (h + 1) % STOP_SLOTS) {
        if (!r->stop_slot[h])
            return false;
        if (strcmp(r->stop_slot[h], buf) == 0)
            return true;
    }
}

/* ASCII punctuation stripped around a word before it is looked up. */
static bool word_punct(char c)
{
    switch (c) {
    case '"': case '\'': case '(': case ')': case ',': case '.':
    case ';': case ':': case '!': case '?':
        return true;
    default:
        return false;
    }
}

/* A sentence's stop inside the line: after a small letter (not an
 * initial's, "J. K."), perhaps closing a parenthesis ("(+Fred en
 * goûteur). Fin"), then a space and a capital. A line that ends on a
 * colon announces what follows (a list) and stays near-good. */
static bool has_inner_stop(const line *l)
{
    if (!l->len || l->s[l->len - 1] == ':')
        return false;
    for (const char *p = l->s + 1; p[0] && p[1] && p[2]; p++) /* a stop by comparisons: a byte each */
        if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ' && latin_capital_at(p + 2) &&
            (latin_lower_at(p - 1) || (p[-1] == ')' && p - 1 > l->s && latin_lower_at(p - 2))))
            return true;
    return false;
}

/* "n'est", "l'a", "qu'il": an elided word and the word it leans on are
 * one token, and both are function words of French; the part after the
 * apostrophe says it ("est", "a", "il"). */
static bool elided_stopword(const reader *r, const char *w, size_t n)
{
    for (size_t i = 1; i + 1 < n && i <= 3; i++) {
        size_t a = w[i] == '\'' ? 1 : (i + 3 <= n && memcmp(w + i, "\xE2\x80\x99", 3) == 0) ? 3 : 0;
        if (a)
            return i + a < n && text_is_stopword(r, w + i + a, n - i - a);
    }
    return false;
}

/* A token that is only a French quote mark, set apart by spaces: « or ».
 * (A dash stays a word: it parts a footer's fields, "X — 2013-09-29 —
 * Permalink", which must not look worded.) */
static bool lone_mark(const char *p, size_t n)
{
    return n == 2 && (memcmp(p, "\xC2\xAB", 2) == 0 || memcmp(p, "\xC2\xBB", 2) == 0);
}

static void measure(const reader *r, line *l)
{
    size_t words = 0, stops = 0;
    for (const char *p = l->s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t n = 0;
        bool wide = false; /* Thai, kana, Han? */
        while (p[n] && p[n] != ' ')
            wide |= unspaced_lead((unsigned char)p[n++]);
        if (lone_mark(p, n)) { /* "« arrogant »" as a copy spaces it: the marks are no words */
            p += n;
            continue;
        }
        size_t a = 0, b = n; /* strip punctuation around the word */
        while (a < b && word_punct(p[a]))
            a++;
        while (b > a && word_punct(p[b - 1]))
            b--;
        words += wide ? token_words(p, n) : 1; /* Chinese, Japanese: each character a word; Thai: a few */
        if (b > a && (text_is_stopword(r, p + a, b - a) || elided_stopword(r, p + a, b - a)))
            stops++;
        p += n;
    }
    l->len = strlen(l->s);
    l->words = words;
    l->stops = words ? (double)stops / (double)words : 0;
    l->sentence = ends_sentence(l->s, l->len);
    l->full_stop = ends_full_stop(l->s, l->len);
    l->inner_stop = has_inner_stop(l);
}

/* "21h40 La participation…", "10:42 Grève…": the time of a live post
 * before its headline. */
bool text_opens_on_time(const char *s)
{
    size_t i = 0;
    while (isdigit((unsigned char)s[i]) && i < 2)
        i++;
    if (!i || (s[i] != 'h' && s[i] != ':') || !isdigit((unsigned char)s[i + 1]) ||
        !isdigit((unsigned char)s[i + 2]) || s[i + 3] != ' ')
        return false;
    const char *t = s + i + 4;
    if (str_starts_with(t, "- ")) /* "9h05 - La Bourse…" */
        t += 2;
    else if (str_starts_with(t, "\xE2\x80\x93 ") || str_starts_with(t, "\xE2\x80\x94 "))
        t += 4; /* – or — */
    return latin_capital_at(t);
}

/* "… de l'article :Lien copié": a button's label glued after a colon,
 * which French sets apart on both sides. A word follows the capital: a
 * capital alone is a smiley (":P", ":D"). */
bool text_glued_label(const char *s)
{
    for (const char *p = strstr(s, " :"); p; p = strstr(p + 2, " :")) {
        const unsigned char *after = (const unsigned char *)p + 2 + ((unsigned char)p[2] < 0x80 ? 1 : 2);
        if (latin_capital_at(p + 2) && (islower(*after) || *after >= 0xC3))
            return true;
    }
    return false;
}

/* Words of a line that ends a sentence inside, not at its end, to be
 * prose: two sentences, the last one's stop dropped (a method's steps
 * as some sites set them: "… add the mince. Cook until browned"). */
#define INNER_STOP_WORDS 15

/* A line's class from its own features. */
static int own_class(const line *l)
{
    if (l->drop || l->credit || l->credit_in || l->meta || l->cells ||
        (!l->full_stop && text_glued_label(l->s)))
        return BAD; /* a caption that carries its credit is no prose either,
                     * nor a table's row (the table is not read) */
    if ((l->full_stop && l->words >= 10 && l->stops >= GOOD_STOPS) ||
        (l->len >= LONG_CHARS && l->stops >= GOOD_STOPS) ||
        (l->full_stop && l->len >= 2 * LONG_CHARS && l->stops >= NEAR_STOPS) ||
        (l->words >= INNER_STOP_WORDS && l->stops >= GOOD_STOPS && l->inner_stop))
        return GOOD; /* sentences of 400 characters are prose with a near share */
    if (l->len < SHORT_CHARS)
        return SHORT;
    if ((l->sentence && l->words >= 5 && l->stops >= NEAR_STOPS) ||
        (l->words >= 8 && l->stops >= GOOD_STOPS))
        return NEAR;
    return BAD;
}

/* Parts of a row of links at least, and words of a part at most. */
#define PIPED_PARTS 3
#define PIPED_PART_WORDS 10

/* "Les derniers blogs mis à jour | Les dernières notes publiées | Les tags
 * les plus populaires": a blog platform's footer, links set in a row
 * between pipes. Three parts or more, each a few words, none ending on a
 * full stop ("Créez votre blog !" is a link). A headline's "Laurentides |
 * Un accident…" has two parts; a dateline is meta before this is asked. */
static bool piped_links(const line *l)
{
    const char *p = strstr(l->s, " | ");
    if (!p || l->words > PIPED_PARTS * PIPED_PART_WORDS)
        return false;
    size_t parts = 0;
    for (const char *part = l->s; part;) {
        const char *bar = strstr(part, " | ");
        size_t n = bar ? (size_t)(bar - part) : strlen(part);
        size_t words = 1;
        for (size_t k = 0; k < n; k++)
            words += part[k] == ' ';
        if (!n || part[n - 1] == '.' || words > PIPED_PART_WORDS)
            return false;
        parts++;
        part = bar ? bar + 3 : NULL;
    }
    return parts >= PIPED_PARTS;
}

/* Program code as a technical article quotes it: braces, brackets,
 * parentheses, semicolons and signs make a good share of its characters,
 * as they never do in prose, a menu or a credit. */
static bool code_listing(const line *l)
{
    static const char signs_set[] = "{}[]();=<>";
    const char *first = l->len < 20 ? NULL : strpbrk(l->s, signs_set);
    if (!first)
        return false; /* most lines: one pass in the C library's scan */
    size_t signs = 0, kinds = 0, spaces = 0;
    bool seen[128] = {false};
    for (const char *p = first; p; p = strpbrk(p + 1, signs_set)) {
        signs++; /* from sign to sign: prose's "(…)" holds two */
        kinds += !seen[(unsigned char)*p];
        seen[(unsigned char)*p] = true;
    }
    if (signs < 4 || kinds < 3)
        return false;
    for (const char *p = l->s; *p; p++)
        spaces += *p == ' ';
    return signs * 100 >= (l->len - spaces) * 6;
}

/* Bytes a line must have to be judged a blob, and the bytes of a word
 * that no language writes (escaped data, a minified script's run). */
#define BLOB_MIN_BYTES 200
#define BLOB_WORD_BYTES 40

/* A page's script or data the copy showed as text ("(function() {
 * document.addEventListener(… JSON.parse('\\x7b\\x22component…"): a
 * third of its bytes or more are ASCII words of forty bytes or more, and
 * it holds a script's signs. No reader wants it spoken; a listing an
 * article quotes has short lines. */
static bool blob_line(const line *l)
{
    if (l->len < BLOB_MIN_BYTES || !strpbrk(l->s, "{};="))
        return false;
    size_t long_bytes = 0;
    for (const char *p = l->s; *p;) {
        size_t n = strcspn(p, " "), ascii = 0;
        for (size_t k = 0; k < n; k++)
            ascii += (unsigned char)p[k] < 0x80;
        if (n >= BLOB_WORD_BYTES && ascii == n) /* Chinese or Thai runs words together, unspaced */
            long_bytes += n;
        p += n;
        p += strspn(p, " ");
    }
    return long_bytes * 3 >= l->len;
}

/* Bytes of a code listing's short line: "});", "try {", "dtp.go();". */
#define CODE_FRAGMENT_BYTES 60

/* A listing's line too short to count its signs ("});", "*\/", "}", a
 * call "dtp.go();", "} catch( err ) {", a tag "<head>"), or its comment
 * ("/\* create our server…", "// …"): a sign of code in it, and at its
 * end a sign no sentence ends on. */
static bool code_fragment(const line *l)
{
    if (str_starts_with(l->s, "/*") || str_starts_with(l->s, "*/") || str_starts_with(l->s, "//") ||
        str_starts_with(l->s, "* "))
        return true;
    char last = l->s[l->len - 1];
    if (l->len > CODE_FRAGMENT_BYTES)
        return false;
    if (l->s[0] == '<' && last == '>')
        return true; /* markup: "<html>", "</head>" */
    return strpbrk(l->s, "{}();=") && (last == ';' || last == '{' || last == '}' || last == ')' || !strchr(l->s, ' '));
}

/* Does the line open a comment that it does not close ("/\* Before we go
 * any further…")? */
static bool opens_comment(const line *l)
{
    return str_starts_with(l->s, "/*") && !strstr(l->s + 2, "*/");
}

/* Lines of a listing after its code line i: its short lines and comments
 * (a blank line may part them: listings have blank lines), and the lines
 * of a comment it opened, up to the one that closes it. */
static void spread_code_down(reader *r, size_t i)
{
    bool comment = false;
    for (size_t j = i + 1; j < r->n; j++) {
        line *l = &r->l[j];
        bool in = l->code || comment || code_fragment(l);
        if (!in)
            return;
        comment = comment ? !strstr(l->s, "*/") : opens_comment(l);
        l->code = true;
    }
}

/* A listing copied line under line: its lines too short or too worded to
 * count as code by their signs (braces alone, calls, its comments) are
 * the listing's too, under its code lines and tight over them. */
static void spread_code(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!r->l[i].code)
            continue;
        for (size_t j = i; j > 0 && r->l[j].tight && !r->l[j - 1].code && code_fragment(&r->l[j - 1]); j--)
            r->l[j - 1].code = true;
        spread_code_down(r, i);
    }
}

/* Bytes of a headline a copy repeats with spaces at least. */
#define REPEATED_OPENING_BYTES 20

/* Words after a repeated opening that make it a paragraph's: a teaser's
 * headline goes on with a few words, a picture's legend, which Chrome
 * gives twice (its alt text and its caption) before the paragraph it
 * stands in, with a paragraph. */
#define OPENING_THEN_PROSE_WORDS 20

/* "Lady Gaga Writes Open Letter Lady Gaga Writes Open Letter: 'It Is…'":
 * the same headline two or three times, spaced (an image's alt text, the
 * link's title and the link, as Chrome copies a teaser), the last perhaps
 * going on. The line keeps the last one; returns whether it was cut and
 * is a teaser's: not when a paragraph goes on after it. */
static bool unrepeat_opening(line *l)
{
    size_t n = strlen(l->s);
    for (size_t k = REPEATED_OPENING_BYTES; 2 * k + 1 <= n; k++) {
        if (l->s[k] != ' ' || memcmp(l->s, l->s + k + 1, k) != 0)
            continue;
        size_t from = k + 1;
        while (from + 2 * k + 1 <= n && l->s[from + k] == ' ' && memcmp(l->s, l->s + from + k + 1, k) == 0)
            from += k + 1; /* a third time */
        memmove(l->s, l->s + from, n - from + 1);
        return spaced_words_upto(l->s + k, OPENING_THEN_PROSE_WORDS) < OPENING_THEN_PROSE_WORDS;
    }
    return false;
}

/* "Fire destroys theaterFire destroys theater", "Jane DoeJane Doe": a
 * link glued to itself, as a copy that keeps alt texts gives a thumbnail
 * (or an avatar) whose alt text repeats the link beside it. No sentence
 * of prose says itself twice. The line is cut to one; returns whether it
 * was. */
static bool undouble(line *l)
{
    size_t half = text_doubled_half(l->s);
    if (half >= 6) {
        l->s[half] = '\0';
        return true;
    }
    return unrepeat_opening(l);
}

/* A teaser's headline, four words or more, said twice: a thumbnail. */
#define TEASER_WORDS 4

/* "00:00 / 01:32": a media player's clock, times and a slash only. */
static bool player_clock(const line *l)
{
    if (l->len < 9 || l->len > 24 || !strchr(l->s, '/') || !strchr(l->s, ':'))
        return false;
    return strspn(l->s, "0123456789:/ ") == l->len;
}

/* Words a picture's file name may hold: uploads keep their spaces
 * ("skimming scheme seized cash and cards.jpg"). */
#define PICTURE_FILE_WORDS 12

/* A line ending in a picture's extension, no sentence before it: a file
 * name that stands for the image's text ("0042-photo-port.jpg"), not a
 * credit nor a caption. */
static bool picture_file(const line *l)
{
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", NULL};
    if (l->words > PICTURE_FILE_WORDS || strstr(l->s, ". ") || strstr(l->s, "? ") || strstr(l->s, "! "))
        return false;
    for (size_t i = 0; ext[i]; i++) {
        size_t n = strlen(ext[i]);
        if (l->len > n && strcasecmp(l->s + l->len - n, ext[i]) == 0)
            return true;
    }
    return false;
}

/* Words of a download link at most: "MP3 - 8.4 Mo", "Télécharger le
 * rapport (PDF, 2,3 Mo)". */
#define FILE_LINK_WORDS 8

/* Whether s[k…] is a file size's unit, a whole word: "Mo", "KB", "octets". */
static bool size_unit_at(const char *s, size_t k)
{
    static const char *const units[] = {"octets", "Ko", "Mo", "Go", "KB", "MB", "GB", "kB", "Kio", "Mio", NULL};
    for (size_t u = 0; units[u]; u++) {
        size_t n = strlen(units[u]);
        if (strncmp(s + k, units[u], n) == 0 && !isalnum((unsigned char)s[k + n]))
            return true;
    }
    return false;
}

/* Whether s[k…] is a file format's name in capitals, a whole word. */
static bool file_format_at(const char *s, size_t k)
{
    static const char *const formats[] = {"PDF", "MP3", "MP4", "M4A", "OGG", "WAV", "FLAC", "EPUB", "ZIP",
                                          "DOC", "DOCX", "ODT", "ODS", "XLS", "XLSX", "PPT", "PPTX", "CSV",
                                          "JPG", "PNG", NULL};
    if (k > 0 && isalnum((unsigned char)s[k - 1]))
        return false;
    for (size_t f = 0; formats[f]; f++) {
        size_t n = strlen(formats[f]);
        if (strncmp(s + k, formats[f], n) == 0 && !isalnum((unsigned char)s[k + n]))
            return true;
    }
    return false;
}

/* Does s give a day or an hour: a number before a month's name ("10
 * septembre") or a clock's time ("9 h 30", "17h")? Practical information
 * (">> Samedi 10 septembre de 9 h 30 à 17 h 30 à l'Hôtel de Ville"),
 * which a headline of a promoted article does not give. */
bool text_gives_a_day(const reader *r, const char *s)
{
    bool number = false;
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, " ,");
        size_t d = strspn(p, "0123456789");
        bool digits = n && d == n;
        if ((number && cue_month(&r->cues, p, n) >= 0) || (number && n == 1 && *p == 'h') ||
            (d && d <= 2 && d < n && p[d] == 'h' && (n == d + 1 || isdigit((unsigned char)p[d + 1]))))
            return true;
        number = digits && n <= 2;
        p += n;
        p += strspn(p, " ,");
    }
    return false;
}

/* ">> Covid-19 en France… Suivez les indicateurs au quotidien",
 * "→ Notre dossier": a link that an arrow opens, as pages set a promoted
 * article between paragraphs; "Thème : … ? →", "← Thème : … ?": the
 * links to a blog's next and last posts. A headline, no sentence of the
 * prose, though it may ask. */
static bool arrowed_link(const reader *r, const line *l)
{
    bool arrow = cue_prefix(&r->cues.link_arrow, l->s) > 0 || cue_closes(&r->cues.link_arrow_last, l->s, l->len);
    return arrow && (!l->full_stop || l->s[l->len - 1] == '?') && l->len <= 200 && !text_gives_a_day(r, l->s);
}

/* A numbered reference under the article, as a bibliography gives it:
 * "(1) Ministère de la Santé… Disponible sur : https://…", "[3] …
 * https://…": a call's number, then a source with its address. A
 * listener gets nothing from it; the article's own footnotes carry no
 * address. */
static bool reference_line(const line *l)
{
    const char *s = l->s;
    char close = *s == '(' ? ')' : *s == '[' ? ']' : 0;
    size_t d = close ? strspn(s + 1, "0123456789") : 0;
    return d && d <= 3 && s[1 + d] == close && s[2 + d] == ' ' && strstr(s, "http") != NULL;
}

/* A short line that gives a file's format and its size (a number, then
 * Ko, Mo, MB…), no sentence: the label of a download link ("MP3 - 8.4
 * Mo", "(PDF, 245 Ko)"), not the article's text. */
static bool file_link(const line *l)
{
    if (l->words > FILE_LINK_WORDS || strstr(l->s, ". "))
        return false;
    bool size = false, format = false;
    for (size_t k = 0; k < l->len; k++) {
        const char *s = l->s;
        if (isdigit((unsigned char)s[k]) && !isdigit((unsigned char)s[k + 1]))
            size |= (s[k + 1] == ' ' && size_unit_at(s, k + 2)) || size_unit_at(s, k + 1);
        format |= isupper((unsigned char)s[k]) && file_format_at(s, k);
    }
    return size && format;
}

/* Two or three words, each a capital and small letters: a photographer's
 * or a studio's name ("Studio Lenoir", "Anne Le Goff"), not a button
 * ("LEARN MORE"). */
static bool signing_name(const char *sign)
{
    size_t words = 0;
    for (const char *p = sign; *p; p++) {
        if (p != sign && p[-1] != ' ')
            continue;
        words++;
        const char *q = p + ((unsigned char)*p < 0x80 || !p[1] ? 1 : 2);
        if (!latin_capital_at(p) || !latin_lower_at(q))
            return false;
    }
    return words >= 2 && words <= 3;
}

/* Tokens of a credit in capitals at most. */
#define CAPITALS_CREDIT_TOKENS 4

/* "DDM - F.P.", "AFP - J.D.": a paper's or an agency's initials and a
 * photographer's, joined by a dash; every token capitals and stops, or
 * the dash. */
static bool capitals_credit(const char *sign)
{
    size_t tokens = 0, capitals = 0;
    for (const char *p = sign; *p;) {
        size_t n = strcspn(p, " ");
        bool dash = (n == 1 && *p == '-') || (n == 3 && strncmp(p, "\xE2\x80\x93", 3) == 0);
        size_t caps = 0, k = 0;
        while (k < n && (isupper((unsigned char)p[k]) || p[k] == '.'))
            caps += isupper((unsigned char)p[k++]);
        if ((!dash && (k < n || caps == 0)) || ++tokens > CAPITALS_CREDIT_TOKENS)
            return false;
        capitals += caps >= 2;
        p += n;
        p += strspn(p, " ");
    }
    return tokens >= 2 && capitals >= 1;
}

/* Words before the credit of a legend signed by names around a slash. */
#define LEGEND_WORDS 20

/* Capitalized words of a photographer's name after an agency's slash. */
#define AGENCY_NAME_WORDS 3

/* "REUTERS/Tatyana Makeyeva", "AFP/Ludovic Marin": a wire's credit, the
 * agency in capitals glued to its photographer's name by a slash; no
 * sentence is so made, however long the legend before it. */
static bool agency_slash_credit(const char *sign)
{
    size_t caps = strspn(sign, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), words = 0;
    if (caps < 2 || sign[caps] != '/')
        return false;
    for (const char *p = sign + caps + 1; *p; p++)
        if (p == sign + caps + 1 || p[-1] == ' ')
            if (!latin_capital_at(p) || ++words > AGENCY_NAME_WORDS)
                return false;
    return words >= 1 && !strpbrk(sign, ".!?,;:0123456789");
}

/* A legend signed by its photographer or agency: a sentence of four words
 * or more, then a credit, not prose ("… Malouda. AGENCE_X", "… vous...
 * J.Dupont", "… du marché. Studio Lenoir", "… mardi soir. Jean Dupont / Le
 * Courrier", names around a slash only after a legend's few words): one
 * word in capitals only, or with a '_', '.' or '/' inside, or a name. */
static bool signed_legend(const line *l)
{
    const char *sign = NULL;
    for (const char *p = l->s; p[0] && p[1]; p++)
        if (p[0] == '.' && p[1] == ' ')
            sign = p + 2;
    if (!sign || !*sign || !isupper((unsigned char)sign[0]))
        return false;
    if (strchr(sign, ' ')) { /* after a sentence's end, not initials ("S.C. Church") */
        size_t words = 0;
        for (const char *p = l->s; p < sign; p++)
            words += *p == ' ';
        if (sign - l->s < 3)
            return false; /* ". Studio Lenoir": no sentence before the credit */
        const char *last = sign - 3; /* the letter before the stop, perhaps two bytes */
        if (((unsigned char)*last & 0xC0) == 0x80 && last > l->s)
            last--;
        return words >= 4 && (latin_lower_at(last) || isdigit((unsigned char)*last)) && strlen(sign) <= 40 &&
               ((!strpbrk(sign, ".!?,;:0123456789") &&
                 ((strlen(sign) <= 30 && signing_name(sign)) || (words <= LEGEND_WORDS && names_around_slash(sign)))) ||
                capitals_credit(sign) || agency_slash_credit(sign));
    }
    size_t n = strlen(sign);
    if (n < 2 || n > 30 || strchr(".!?,;:", sign[n - 1]))
        return false;
    bool caps = true, joined = false;
    for (const char *p = sign; *p; p++) {
        caps &= !islower((unsigned char)*p) && (unsigned char)*p < 0x80;
        joined |= p > sign && strchr("_./", *p);
    }
    return caps || joined;
}

/* Bytes of a credit in parentheses: a sentence would be longer. */
#define PAREN_CREDIT_BYTES 60

/* A legend that ends on its credit in parentheses, after its sentence:
 * "… on Wednesday. (Mike Cason/mcason@al.com)", "… mardi. (Photo Jean
 * Dupont)", "(Jean Dupont / Le Courrier)": names around a slash, an
 * address or "Photo" inside; or in square brackets, where a dash may part
 * the agency from the name ("… de Vaud. [Keystone - Jean Dupont]"). A title's
 * "(2/4)" follows no sentence, and its digits are no names. */
/* A slash between names, tight or spaced: "Doe/AP", "John Doe / AP". */
static bool between_names(const char *slash)
{
    if (isalpha((unsigned char)slash[-1]) && isalpha((unsigned char)slash[1]))
        return true;
    return slash[-1] == ' ' && isalpha((unsigned char)slash[-2]) && slash[1] == ' ' &&
           isalpha((unsigned char)slash[2]);
}

/* Longest credit after a pipe, in bytes. */
#define PIPED_CREDIT_BYTES 40

/* "Gerald Schömbs via Unsplash": a name (two or three capitalized words)
 * via a source of capitalized words. */
static bool name_via_source(const char *s)
{
    const char *via = strstr(s, " via ");
    if (!via || (size_t)(via - s) >= PIPED_CREDIT_BYTES)
        return false;
    char name[PIPED_CREDIT_BYTES];
    memcpy(name, s, (size_t)(via - s));
    name[via - s] = '\0';
    if (!signing_name(name))
        return false;
    size_t words = 0;
    for (const char *p = via + 5; *p; p++)
        if (p == via + 5 || p[-1] == ' ')
            if (!latin_capital_at(p) || ++words > 3)
                return false;
    return true;
}

/* "… en voie de disparition. | Gerald Schömbs via Unsplash": a legend
 * that a copy gives with its credit after a pipe, as the page set them
 * side by side. The credit is names and no sentence. */
static bool legend_with_piped_credit(const line *l)
{
    const char *pipe = text_last_pipe(l->s);
    if (!pipe || pipe - l->s < 2 || l->words < 4 || !strchr(".!?", pipe[-1]))
        return false;
    const char *credit = pipe + 3;
    return strlen(credit) <= PIPED_CREDIT_BYTES && !strpbrk(credit, ".!?,;:0123456789") &&
           (name_via_source(credit) || signing_name(credit) || names_around_slash(credit));
}

/* Words of a work of art's legend at most. */
#define ARTWORK_LEGEND_WORDS 14

/* "Les Tricheurs (détail), Valentin de Boulogne (1591-1632)": a picture
 * of a work of art, its title then its artist and the artist's years of
 * life, no sentence; a paragraph would go on after such years. */
static bool artwork_legend(const line *l)
{
    size_t n = l->len;
    if (l->words < 3 || l->words > ARTWORK_LEGEND_WORDS || n < 12 || l->s[n - 1] != ')' || l->s[n - 11] != '(' ||
        !strchr(l->s, ','))
        return false;
    const char *y = l->s + n - 10; /* "1591-1632)" */
    for (int k = 0; k < 9; k++)
        if (k == 4 ? y[k] != '-' : !isdigit((unsigned char)y[k]))
            return false;
    return atoi(y) < atoi(y + 5) && latin_capital_at(l->s);
}

/* A dash between capitalized names, spaced: "Keystone - Jean Dupont". */
static bool dash_between_names(const char *dash, const char *group)
{
    return dash > group + 1 && dash[-1] == ' ' && dash[1] == ' ' && isalpha((unsigned char)dash[-2]) &&
           latin_capital_at(dash + 2) && latin_capital_at(group);
}

static bool legend_with_credit_in_parentheses(const line *l)
{
    char last = l->len ? l->s[l->len - 1] : '\0';
    if (l->len < 8 || (last != ')' && last != ']') || l->words < 6)
        return false;
    bool square = last == ']'; /* "… de Vaud. [Keystone - Jean Dupont]" */
    const char *open = strrchr(l->s, square ? '[' : '(');
    if (!open || open - l->s < 4 || open[-1] != ' ' || open[-2] != '.')
        return false;
    const char *group = open + 1, *close = l->s + l->len - 1;
    if (close - group > PAREN_CREDIT_BYTES || memchr(group, *open, (size_t)(close - group)))
        return false;
    for (const char *p = group; p < close; p++)
        if (*p == '@' || (*p == '/' && p > group + 1 && between_names(p)) ||
            (square && *p == '-' && dash_between_names(p, group)))
            return true;
    return strncasecmp(group, "photo", 5) == 0 || strncmp(group, "\xC2\xA9", 2) == 0; /* "(©Plateau de Beille)" */
}

/* "Tapie en 2008. AFP/Jean Dupont", "Verre d'eau sur une table©Jean
 * Martin": a caption that carries its credit, one sentence of three words
 * or more, then the credit. It is not read, but
 * unlike a bare credit line it does not make the line above a caption. */
static bool caption_then_credit(const reader *r, const char *s)
{
    const char *dot = strstr(s, ". "), *mark = strstr(s, "\xC2\xA9");
    if (mark && (mark == s || mark[-1] == ' '))
        mark = NULL; /* glued only: "…en bois©Jean Martin"; "Michel Daerden © Belga" is a credit line */
    const char *end = dot && boilerplate_is_credit(&r->bp, dot + 2) ? dot : mark;
    if (!end)
        return false;
    size_t words = 1;
    for (const char *p = s; p < end; p++)
        words += *p == ' ';
    return words >= 3;
}

/* A long legend that ends on its credit, which is no sentence ("… with
 * American agents. Credit Jean Dupont/Agence X — Getty Images"): only the
 * last part is matched, and only when it does not end like a sentence, so
 * a paragraph whose last sentence opens on "Photo…" stays prose. */
static bool credit_after_legend(const reader *r, const line *l)
{
    if (l->len > 1500 || l->full_stop || l->sentence)
        return false;
    const char *tail = NULL;
    for (const char *p = strstr(l->s, ". "); p; p = strstr(p + 2, ". "))
        tail = p + 2;
    return tail && strlen(tail) < 120 && boilerplate_is_credit(&r->bp, tail);
}

/* "23 choses que toutes les filles des années 2000…": a headline a teaser
 * box cut to fit, one phrase of a dozen words at most ending on the
 * ellipsis. An article may end a sentence that way, but not two lines in
 * a row. */
static bool cut_to_fit(const line *l)
{
    size_t n = l->len, end;
    if (n >= 3 && strcmp(l->s + n - 3, "\xE2\x80\xA6") == 0)
        end = n - 3;
    else if (n >= 4 && strcmp(l->s + n - 3, "...") == 0 && l->s[n - 4] != '.')
        end = n - 3;
    else
        return false;
    if (l->words < 3 || l->words > 12)
        return false;
    for (size_t i = 0; i + 1 < end; i++) /* one phrase: no sentence ends inside */
        if (strchr(".!?", l->s[i]) && l->s[i + 1] == ' ')
            return false;
    return true;
}

/* Lines under an arrowed announcer a copy may give its link or clip in:
 * the picture's alt text, then the card. */
#define ANNOUNCED_LINES 2
#define ANNOUNCED_WORDS 40

/* ">> Revoir le sujet du 12h45 sur l'explosion :" over the clip's title
 * ("À Gaza, des doutes planent… [RTS]"): the lines it announces, no
 * sentence of the prose, are the link's, not read. */
static void drop_announced_media(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        const line *a = &r->l[i];
        if (!a->drop || a->s[a->len - 1] != ':' || !cue_prefix(&r->cues.link_arrow, a->s))
            continue;
        for (size_t k = i + 1; k < r->n && k <= i + ANNOUNCED_LINES; k++) {
            line *l = &r->l[k];
            if (l->full_stop || l->words > ANNOUNCED_WORDS || l->meta)
                break;
            l->drop = true, l->own = l->cls = BAD;
        }
    }
}

/* Bytes of the shortest text a teaser card gives twice. */
#define GLUED_TWICE_MIN 10

/* "Tour de France à l’EHPADTour de France à l’EHPAD", "Établissements de
 * santé…, le top des recherches 2020Établissements de santé…, le top
 * des…": a card that a copy gives twice, glued (its picture's alt text,
 * then its link), the second perhaps cut short. No sentence of prose
 * says itself again so. */
static bool glued_twice(const line *l)
{
    size_t n = l->len;
    if (n % 2 == 0 && n >= 2 * GLUED_TWICE_MIN && memcmp(l->s, l->s + n / 2, n / 2) == 0)
        return true;
    if (n < 3 || strcmp(l->s + n - 3, "\xE2\x80\xA6") != 0)
        return false;
    size_t body = n - 3;
    for (size_t k = (body + 1) / 2; k + GLUED_TWICE_MIN <= body; k++)
        if (l->s[k] == l->s[0] && memcmp(l->s, l->s + k, body - k) == 0)
            return true;
    return false;
}

/* "[EN VIDÉO] ", "[PHOTOS] ": a label in capitals and brackets opening
 * the line, as teasers announce their medium. */
static bool opens_on_bracketed_label(const line *l)
{
    if (l->s[0] != '[')
        return false;
    size_t k = 1, letters = 0;
    for (; k < l->len && l->s[k] != ']'; k++) {
        unsigned char c = (unsigned char)l->s[k];
        if (c >= 'a' && c <= 'z')
            return false; /* "[sic]", "[…] la suite" */
        letters += c >= 'A' && c <= 'Z';
    }
    return k < l->len && letters >= 3 && k + 1 < l->len && l->s[k + 1] == ' ';
}

/* "[EN VIDÉO] Découvrez… En une vingtaine de secondes, un occupant…
 * voit défiler toute...", or an excerpt cut short under a label of
 * related articles: a teaser, however long, wherever it stands (above
 * the article, the label does not end it). */
static void drop_cut_teasers_labelled(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        line *t = &r->l[i];
        const line *label = i > 0 ? &r->l[i - 1] : NULL;
        /* a label right under the dateline ("Commentaires") is the
         * head's link, and the standfirst under it no teaser */
        bool head_link = i > 1 && r->l[i - 2].meta;
        bool under_label = label && label->end && !label->full_stop && label->words <= RELATED_LABEL_WORDS &&
                           !head_link;
        if (ends_on_ellipsis(t->s, t->len) && (under_label || opens_on_bracketed_label(t)))
            t->drop = true, t->own = t->cls = BAD;
    }
}

/* Lines cut to fit, two within three lines of each other: a teaser box. */
static void drop_cut_teasers(reader *r)
{
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < r->n; i++) {
        if (!cut_to_fit(&r->l[i]))
            continue;
        if (last != SIZE_MAX && i - last <= 3) {
            r->l[i].own = r->l[i].cls = r->l[last].own = r->l[last].cls = BAD;
            r->l[i].listed = r->l[last].listed = true; /* no title either */
        }
        last = i;
    }
}

/* Long sentences that say how much of a text's prose is function words. */
#define LEVEL_MIN_WORDS 15
#define LEVEL_MIN_LINES 3
/* The share the thresholds were set for is French and English prose's:
 * the long sentences of the dev copies hold a median 0.30 to 0.45 of
 * such words. An inflected language says with endings what French says
 * with words, and its list is shorter: Polish and Hungarian prose hold
 * 0.20 to 0.27. Below this level, the shares are scaled up to it. */
#define PROSE_LEVEL 0.29

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median share of function words in the text's long sentences, or a
 * negative value when it has too few of them to tell. */
static double prose_level(const reader *r)
{
    double *v = malloc(r->n * sizeof *v);
    size_t k = 0;
    if (!v)
        return -1;
    for (size_t i = 0; i < r->n; i++)
        if (r->l[i].words >= LEVEL_MIN_WORDS && r->l[i].full_stop)
            v[k++] = r->l[i].stops;
    double level = -1;
    if (k >= LEVEL_MIN_LINES) {
        qsort(v, k, sizeof *v, by_value);
        level = v[k / 2];
    }
    free(v);
    return level;
}

/* Text in a language without a list of function words (Korean, Arabic,
 * Polish, Hungarian…): its sentences hold none of any language we know,
 * or only words another language's list happens to share ("a", "na",
 * "de"), where prose in a known one has a fifth of them or more. On the
 * dev copies, a known language's long sentences hold a median 0.29 of them
 * and more; Polish held 0.07 and Hungarian 0.11 before they had lists,
 * Korean holds none. Sentences are measured, not headlines, which hold
 * few ("Mayor Says City Will Hire Teachers"); a text with too few long
 * sentences to measure is judged by its long lines, under 0.02. */
static bool no_function_words(const reader *r, double level)
{
    if (level >= 0)
        return level < NEAR_STOPS;
    double words = 0, stops = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->l[i].words >= 8)
            words += (double)r->l[i].words, stops += r->l[i].stops * (double)r->l[i].words;
    return words >= MIN_ARTICLE_WORDS && stops < words * 0.02;
}

/* Without function words to count, a line's shape decides alone: one that
 * ends a sentence, or is long, reads as if it had a prose share of them. */
static void judge_by_shape(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->l[i];
        l->stops = l->full_stop || l->len >= LONG_CHARS ? GOOD_STOPS : 0;
        l->own = l->cls = own_class(l);
    }
}

/* Shares read against the text's own prose: a Polish paragraph with a
 * fifth of its words on our list is as worded as a French one with a
 * third, and must not be taken for furniture. */
static void scale_to_prose(reader *r, double level)
{
    if (level <= 0 || level >= PROSE_LEVEL)
        return;
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->l[i];
        l->stops = l->stops * PROSE_LEVEL / level;
        if (l->stops > 1)
            l->stops = 1;
        l->own = l->cls = own_class(l);
    }
}

/* "John Doe / Daily Planet", "News / Politics": capitalized words on both
 * sides of a slash, a picture's credit or a rubric's path; a name's small
 * words ("Le Courrier du Val") may stand between them. */
bool text_slash_names(const line *l)
{
    return l->words <= 8 && names_around_slash(l->s);
}

/* A credit under its caption, in no words of the credit lists: capitalized
 * words on both sides of a slash ("Jean Dupont / Le Courrier"), right
 * under a sentence (no blank line between: one legend). */
static void mark_slash_credits(reader *r)
{
    for (size_t i = 1; i < r->n; i++) {
        line *l = &r->l[i], *above = &r->l[i - 1];
        if (l->tight && !l->credit && !l->meta && text_slash_names(l) && above->full_stop &&
            above->words >= 5 && !above->meta) {
            l->credit = true;
            /* where the copy parts paragraphs with blank lines, the two
             * set together are one legend */
            if (r->spaced && above->words <= LEGEND_WORDS)
                above->credit_in = true, above->own = above->cls = BAD;
        }
    }
}

/* Words of a credit's label alone ("Crédit Photo", "Photo :"), at most. */
#define CREDIT_LABEL_WORDS 2

bool text_credit_label(const line *l)
{
    return l->credit && l->words <= CREDIT_LABEL_WORDS;
}

/* "Crédit Photo" over "Manifestation pour la journée de grève des femmes.
 * Photothèque Rouge/Martin Noda": a credit's label alone on its line
 * (the page set the value in the next element), and the legend and
 * credit it labels, one picture's text, not read. */
static void mark_labelled_credits(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        const line *label = &r->l[i];
        line *l = &r->l[i + 1];
        if (text_credit_label(label) && l->words <= LEGEND_WORDS && !l->meta &&
            !l->end && (l->credit_in || text_slash_names(l) || strchr(l->s, '/')))
            l->credit_in = true, l->own = l->cls = BAD;
    }
}

/* Whether a dateline names someone: a "Par" byline, or words before its
 * date that are no stamp ("Publié le"), no "Le" and no label ("Correction:"):
 * "marie_l - 13/12/2016 19:15", a post's signature. */
static bool names_before_date(const reader *r, const char *s, const dateline *d)
{
    char iso[32];
    if (d->byline[0])
        return true;
    if (dateline_date(&r->cues, s, iso) || cue_prefix(&r->cues.stamp, s) || cue_prefix(&r->cues.on, s) ||
        cue_prefix(&r->cues.byline, s))
        return false;
    const char *colon = strchr(s, ':'); /* "Correction: September 19": a label, no name */
    return !colon || (colon > s && isdigit((unsigned char)colon[-1]));
}

/* Whether most lines of prose stand between blank lines, as the
 * paragraphs of a page do in a browser's copy; some copies and plain
 * texts set every line right under the one before. */
static bool spaced_paragraphs(const reader *r)
{
    size_t prose = 0, apart = 0;
    for (size_t i = 1; i < r->n; i++)
        if (r->l[i].own == GOOD)
            prose++, apart += !r->l[i].tight;
    return prose > 0 && 2 * apart > prose;
}

/* Words of the pitch under the box's heading at most ("Today's
 * Headlines" over "Wake up each morning to the day's top news, analysis
 * and opinion delivered to your inbox."): the heading says it is a box. */
#define HEADED_PITCH_WORDS 25
/* Words of a heading that names a sign-up box ("Sign Up for the Us
 * Weekly Newsletter!") at most, and at least: "Sign up" alone is the
 * box's button. */
#define NAMED_BOX_WORDS 8
#define NAMED_BOX_MIN_WORDS 4

/* Pitch phrases in a paragraph longer than that which make it a pitch. */
#define LONG_PITCH_CUES 2

static bool sign_up_pitch(const reader *r, const line *l, const line *above)
{
    bool headed = above && above->words <= 4 && !above->full_stop && !above->meta && !above->end &&
                  above->s[above->len - 1] != ':';
    if (headed && l->words <= HEADED_PITCH_WORDS)
        return cue_find(&r->cues.pitch, l->s, l->len) != NULL;
    if (l->words <= PITCH_WORDS)
        return cue_pitch_sentence(&r->cues, l->s, l->len, l->words);
    if (cue_pitch_closing(&r->cues, l->s, l->len, l->words))
        return true;
    /* the box's heading glued to its pitch ("Abonnez-vous à la newsletter
     * de Slate !Les articles… tous les jours dans votre boîte mail.") */
    if (l->words <= HEADED_PITCH_WORDS + NAMED_BOX_WORDS && cue_count_inside(&r->cues.sign_up, l->s) > 0 &&
        cue_find(&r->cues.pitch, l->s, l->len))
        return true;
    /* a long one asks twice ("En vous abonnant vous soutenez… L'information
     * a un prix…"), in a box: under a short line (its heading, a button),
     * not under another paragraph */
    return above && (above->words <= PITCH_WORDS || above->drop || above->pitch) &&
           cue_count_at_words(&r->cues.pitch, l->s, LONG_PITCH_CUES) >= LONG_PITCH_CUES;
}

/* The box's heading over its pitch ("Get the morning briefing", "Ne rate
 * plus rien !"): a short line with no full stop (an exclamation aside)
 * right over it is the box's, not a sub-heading of the article. Both keep their classes (the box shapes the page like
 * any paragraph would, and the readers' choices of where the article
 * runs were made with it): they are only not read. */
static void mark_pitch_headings(reader *r)
{
    for (size_t i = 1; i < r->n; i++) {
        line *h = &r->l[i - 1];
        bool exclaims = h->len && h->s[h->len - 1] == '!' && h->words <= 6; /* "Ne rate plus rien !" */
        if (r->l[i].pitch && (!h->full_stop || exclaims) && !h->meta && !h->end && h->words <= 8)
            h->pitch = true;
    }
}

/* Words of a box's appeal over its pitch, at most. */
#define APPEAL_WORDS 60

/* "AIDEZ CONTRE ATTAQUE" / "Depuis 2012, nous vous offrons une information
 * de qualité… nous avons besoin de votre aide" / "Faites un don…": a
 * short paragraph that speaks to the reader, between a box's heading and
 * its pitch, is the box's appeal. Run before the headings are marked, so
 * that the heading over the appeal is the box's too. */
static void mark_pitch_appeals(reader *r)
{
    for (size_t i = 2; i < r->n; i++) {
        line *p = &r->l[i - 1];
        const line *h = &r->l[i - 2];
        if (r->l[i].pitch && !p->pitch && p->words <= APPEAL_WORDS && !p->meta && !p->end &&
            cue_speaks_to_reader(&r->cues, p->s) && h->words <= 4 && !h->full_stop && !h->meta && !h->end &&
            h->len && h->s[h->len - 1] != ':')
            p->pitch = true;
    }
}

/* A button's label as a copy gives it: a word or three, no sentence. */
#define BUTTON_WORDS 3

static bool button_label(const line *l)
{
    return l->words >= 1 && l->words <= BUTTON_WORDS && !l->full_stop && l->own != GOOD && !l->meta && !l->end &&
           (l->drop || isupper((unsigned char)l->s[0]) || (unsigned char)l->s[0] >= 0xC3);
}

/* The box's button right under its pitch, no blank line between
 * ("Valider", "Je m'inscris"): the box's too. */
static void mark_pitch_buttons(reader *r)
{
    for (size_t i = 1; i < r->n; i++)
        if (r->l[i - 1].pitch && r->l[i].tight && button_label(&r->l[i]))
            r->l[i].pitch = true;
}

/* Words of a call to act's question at most ("Vous souhaitez mettre en
 * place des plans de formation au sein de votre entreprise ?"). */
#define CALL_WORDS 25

/* A button a call to act ends on, as a copy gives it: a few words that
 * open on a button's verb, a hyphen after it too ("Contactez-nous"). */
static bool act_button(const reader *r, const line *b)
{
    if (b->words > BUTTON_WORDS || b->full_stop || b->meta || b->end)
        return false;
    size_t verb = cue_opens(&r->cues.button, b->s);
    return cue_prefix(&r->cues.button, b->s) || (verb && (verb == b->len || b->s[verb] == '-'));
}

/* "Vous souhaitez … ?" over "Contactez-nous": a question to the reader
 * right over a button is a call to act that a business's blog sets under
 * its post, not a question the article asks (it answers those under
 * them). Both are only not read, as a sign-up box's lines. */
static void mark_calls_to_act(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        line *q = &r->l[i], *b = &r->l[i + 1];
        if (q->len && q->s[q->len - 1] == '?' && q->words <= CALL_WORDS && !q->meta && !q->end &&
            cue_speaks_to_reader(&r->cues, q->s) && act_button(r, b))
            q->pitch = b->pitch = true;
    }
}

/* Lines under a sign-up box within which the prose goes on: a short
 * sentence and a sub-heading may come first ("Le vote aura lieu lundi.",
 * "Et maintenant ?"). */
#define PROSE_AFTER_BOX_LINES 4

/* A line of prose among the n lines from i on. */
static bool prose_within(const reader *r, size_t i, size_t n)
{
    for (size_t k = i; k < r->n && k < i + n; k++)
        if (r->l[k].own == GOOD)
            return true;
    return false;
}

/* A heading that names a sign-up box though the boilerplate has no
 * phrase for it: a sign-up cue inside a short line that is no sentence
 * (an exclamation mark aside: such headings call out). */
static bool named_sign_up_heading(const reader *r, const line *h)
{
    return h->words >= NAMED_BOX_MIN_WORDS && h->words <= NAMED_BOX_WORDS &&
           cue_count_inside(&r->cues.sign_up, h->s) > 0 && !h->meta && !h->end &&
           (!h->full_stop || h->s[h->len - 1] == '!');
}

/* Words of the sentence of a box that names a newsletter and has a
 * field, at most: its heading, the newsletter's name, the sentence, the
 * field make the box, however long the sentence ("Des recommandations de
 * séries télé…, livrées chaque semaine. Laissez L'actualité…"). */
#define TITLED_PITCH_WORDS 40

/* Words of a newsletter's own name under the box's heading, at most. */
#define NEWSLETTER_TITLE_WORDS 4

/* "Temps libre" under "Les infolettres L'actualité": the name of one of
 * the site's newsletters, between the box's heading and its sentence. */
static bool newsletter_title(const line *l)
{
    return l->words <= NEWSLETTER_TITLE_WORDS && !l->full_stop && !l->meta && !l->drop && l->tight;
}

/* "Envoyez-moi aussi les offres exclusives de L'actualité.": the
 * consent a sign-up form asks right under its field, a short sentence,
 * the box's too. */
static void consent_under(reader *r, size_t field)
{
    size_t k = field + 1;
    if (k < r->n && r->l[k].tight && r->l[k].full_stop && r->l[k].words <= PITCH_WORDS && !r->l[k].meta)
        r->l[k].pitch = true;
}

/* A sign-up box whose pitch names no inbox: a heading the boilerplate
 * drops ("Recevez notre newsletter"), a short sentence ("L'essentiel de
 * l'actualité chaque matin."), and the box's button, which Chrome's
 * copies keep ("Je m'inscris"). The three in a row are the box's, where
 * an article's short sentence under an ad's label goes on as prose; a
 * heading that names the box (the sign-up cues) needs no button when
 * prose follows. A heading the boilerplate does not know ("Sign Up for
 * the Us Weekly Newsletter!") names the box too; under the article's
 * end, over the footer, its sentence is the box's though it reads like
 * prose ("You will receive the latest news and updates…"). The heading may
 * name one of the site's newsletters over the sentence ("Les
 * infolettres", "Temps libre"), and the consent under the field is the
 * box's too. */
static void mark_sign_up_boxes(reader *r)
{
    for (size_t i = 0; i + 2 < r->n; i++) {
        line *h = &r->l[i], *p = &r->l[i + 1], *b = &r->l[i + 2], *title = NULL;
        bool dropped = h->drop && !h->full_stop && h->words <= 6 && !text_announces_link(r, h->s);
        bool heading = named_sign_up_heading(r, h);
        /* "Les infolettres", "Temps libre", its sentence: a heading that
         * names the box over one of the site's newsletters (the cues are
         * sought only then: most lines are no such heading) */
        bool titled = i + 3 < r->n && h->words <= NAMED_BOX_WORDS && !h->full_stop && !h->meta &&
                      newsletter_title(p);
        if (!dropped && !heading && !titled)
            continue;
        /* "Recevez notre newsletter": no button needed */
        bool named = cue_count_inside(&r->cues.sign_up, h->s) > 0;
        if (named && titled)
            title = p, p = b, b = &r->l[i + 3], heading = true;
        if (!dropped && !heading)
            continue;
        /* under a heading that names the box, its sentence may be long
         * enough to look like prose ("You will receive the latest news…") */
        /* "Newsletter", its sentence and its button or field ("Courriel"):
         * the sentence may read like prose ("Restez informé ! Recevez des
         * alertes…") and be longer than a pitch alone */
        bool button = button_label(b), boxed = named && button;
        if ((p->own == GOOD && !heading && !boxed) || !p->full_stop ||
            p->words > (boxed ? (title ? TITLED_PITCH_WORDS : HEADED_PITCH_WORDS) : PITCH_WORDS) || p->meta ||
            p->credit_in || p->drop)
            continue;
        if (button) {
            h->pitch = p->pitch = b->pitch = true;
            consent_under(r, (size_t)(b - r->l));
        } else if (named && prose_within(r, i + 2, PROSE_AFTER_BOX_LINES) && p->own != GOOD)
            h->pitch = p->pitch = true; /* inside the article: the prose goes on under it */
        else if (heading && p->own != BAD && !prose_within(r, i + 2, 2))
            h->pitch = p->pitch = true; /* under its end, where the prose would take it in */
        if (title)
            title->pitch = h->pitch;
    }
}

/* Words of a wall's greeting over its count. */
#define GREETING_WORDS 15

/* A wall may open on a line to the reader ("It is great to see that you
 * are enjoying the website."): short, no quote, right over the wall's
 * line, it is the wall's too. */
static void wall_greeting(reader *r, size_t i)
{
    line *g = i > 0 ? &r->l[i - 1] : NULL;
    if (g && g->words <= GREETING_WORDS && g->full_stop && !g->meta && cue_speaks_to_reader(&r->cues, g->s) &&
        !strstr(g->s, "«") && !strstr(g->s, "“") && !strchr(g->s, '"'))
        g->cut = true;
}

/* Buttons a share bar may set on one line. */
#define ROW_BUTTONS 8

/* The length of the button's label at p: up to a space, or up to a
 * capital glued to a small letter ("PartagerFacebookTwitter": Chrome
 * copies a share bar's links without spaces). */
static size_t button_len(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ' ') {
        n++;
        if (p[n] >= 'A' && p[n] <= 'Z' && p[n - 1] >= 'a' && p[n - 1] <= 'z')
            break;
    }
    return n;
}

/* A row of buttons copied as one line ("Print Email", "Share Tweet
 * WhatsApp Email", "PartagerFacebookTwitter"): two labels or more, each a
 * button the boilerplate drops on its own. No name is made of them. */
static bool button_row(const reader *r, const line *l)
{
    if (l->words > ROW_BUTTONS || l->len >= 80)
        return false;
    char word[80];
    size_t labels = 0;
    for (const char *p = l->s; *p; labels++) {
        size_t n = button_len(p);
        if (n == 0 || n >= sizeof word)
            return false;
        memcpy(word, p, n);
        word[n] = 0;
        if (!boilerplate_is_drop(&r->bp, word))
            return false;
        p += n;
        p += *p == ' ';
    }
    return labels >= 2;
}

/* "1 of 6", "1 / 6", "2 sur 12": a slide's number in a gallery. */
static bool slide_counter(const char *s)
{
    char *end;
    long first = strtol(s, &end, 10);
    if (end == s || first < 1 || *end != ' ')
        return false;
    const char *sep = end + 1;
    size_t n = strcspn(sep, " ");
    bool word = n >= 2 && n <= 3;
    for (size_t k = 0; word && k < n; k++)
        word = islower((unsigned char)sep[k]);
    if (!(word || (n == 1 && *sep == '/')) || sep[n] != ' ')
        return false;
    const char *last = sep + n + 1;
    long total = strtol(last, &end, 10);
    return end != last && *end == '\0' && total >= first;
}

/* "Photos: A night of lanterns" over "1 of 5" is a gallery's title, not a
 * credit: the line above it is no caption. */
static void unmark_gallery_titles(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++)
        if (r->l[i].credit && r->l[i + 1].tight && slide_counter(r->l[i + 1].s))
            r->l[i].credit = r->l[i].credit_in = false;
}

/* Words of a line of a schedule, at most ("Départ Bayonne le 5 juin 2015"). */
#define SCHEDULE_WORDS 8

/* The day of a line that opens on a few words and holds a date: no
 * update, no stamp word ("Publié"), no "Par"; "" otherwise. A date alone
 * ("14/10/2020") is a teaser's stamp, not a schedule's step. */
static void schedule_day(const reader *r, const line *l, char day[11])
{
    dateline d;
    day[0] = '\0';
    if (l->meta && l->words <= SCHEDULE_WORDS && !isdigit((unsigned char)l->s[0]) &&
        dateline_date(&r->cues, l->s, (char[32]){0}) == 0 && text_bare_date(r, l->s, &d))
        memcpy(day, d.published, 10), day[10] = '\0'; /* YYYY-MM-DD */
}

/* "Départ Bayonne le 5 juin 2015" over "Arrivée Paris le 26 septembre
 * 2015": two lines in a row, each a few words and a date, on different
 * days, no stamp word or byline in either: a schedule the article gives,
 * read as it is, not the article's date line twice. */
static void unmark_schedules(reader *r)
{
    char a[11], b[11];
    for (size_t i = 0; i + 1 < r->n; i++) {
        if (!r->l[i].meta || !r->l[i + 1].meta)
            continue;
        schedule_day(r, &r->l[i], a);
        schedule_day(r, &r->l[i + 1], b);
        if (!a[0] || !b[0] || strcmp(a, b) == 0)
            continue;
        for (size_t k = i; k <= i + 1; k++) {
            line *l = &r->l[k];
            l->meta = l->named = false;
            l->own = l->cls = own_class(l);
        }
    }
}

void text_classify(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->l[i];
        bool twice = undouble(l);
        measure(r, l);
        dateline d;
        l->meta = l->len < 300 && !l->cells && dateline_parse(&r->cues, l->s, &d); /* a table row is no dateline */
        l->named = l->meta && names_before_date(r, l->s, &d);
        const char *core = l->s; /* ">> A lire aussi : …" */
        while (*core == '>' || *core == ' ')
            core++;
        l->drop = boilerplate_is_drop(&r->bp, core) ||
                  (l->len < 300 && cue_link_announcer(&r->cues, l->s)) || button_row(r, l) ||
                  (l->len < 300 && media_card_shape(l->s));
        l->pitch = sign_up_pitch(r, l, i > 0 ? &r->l[i - 1] : NULL);
        /* captions are short: a paragraph is not matched against every
         * credit pattern (many open on '*', which the fast path cannot skip) */
        l->credit_in = l->len < 300 && boilerplate_is_credit(&r->bp, l->s);
        l->credit = l->len < 80 && l->credit_in && !caption_then_credit(r, l->s);
        l->credit_in |= l->len < 300 && (signed_legend(l) || legend_with_credit_in_parentheses(l) ||
                                          legend_with_piped_credit(l) || artwork_legend(l)); /* a legend, not a credit alone */
        l->credit_in |= l->len >= 300 && credit_after_legend(r, l);
        l->picture = picture_file(l);
        l->drop |= file_link(l) || arrowed_link(r, l) || (l->len < 400 && glued_twice(l)) || reference_line(l) ||
                   (!l->meta && piped_links(l));
        l->drop |= player_clock(l) || (twice && l->words >= TEASER_WORDS) ||
                   (l->len < 60 && !l->meta && cue_reading_time(&r->cues, l->s));
        l->code = code_listing(l);
        if (blob_line(l))
            l->code = l->drop = true; /* costs the stretch nothing, as code does, and is not read */
        if (l->picture)
            l->drop = true, l->credit = l->credit_in = false;
        l->end = l->len < 200 && boilerplate_is_end(&r->bp, l->s);
        l->cut = l->len < 300 && boilerplate_is_cut(&r->bp, l->s);
        if (l->len < 300 && l->words >= 4 && cue_metered_wall(&r->cues, l->s))
            l->cut = true, wall_greeting(r, i);
        l->own = l->cls = own_class(l);
        l->stamped = text_opens_on_time(l->s);
    }
    unmark_schedules(r);
    spread_code(r);
    mark_pitch_appeals(r);
    mark_pitch_headings(r);
    mark_pitch_buttons(r);
    mark_calls_to_act(r);
    mark_sign_up_boxes(r);
    double level = prose_level(r);
    if (no_function_words(r, level))
        judge_by_shape(r);
    else
        scale_to_prose(r, level);
    r->spaced = spaced_paragraphs(r); /* for the legends over their credit */
    unmark_gallery_titles(r);
    mark_slash_credits(r);
    mark_labelled_credits(r);
    drop_cut_teasers(r);
    drop_announced_media(r);
    drop_cut_teasers_labelled(r);
    r->spaced = spaced_paragraphs(r);
}

/* "Lire aussi", "À voir aussi" (the see-also cues): the line after it is
 * a link. */
bool text_announces_link(const reader *r, const char *s)
{
    return cue_count_inside(&r->cues.see_also, s) > 0 || cue_link_announcer(&r->cues, s);
}
