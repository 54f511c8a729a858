/* The reader for plain text: a browser copy ("select all, copy": menus,
 * cookie text, "Lire aussi", footers and all) or bare prose.
 *
 * A copy has no markup, so each line is judged by its own shape, the way
 * jusText judges paragraphs: its length, whether it ends a sentence, and
 * its share of function words (those of every language, rules/LANG/
 * stopwords.txt; prose has many, menus and link lists few). A line is good (prose), near-good,
 * short or bad; short and near-good lines then take the class of their
 * neighbours, so a sub-heading or a pull-quote attribution between two
 * paragraphs is kept and a short link among menus is not.
 *
 * The article is the stretch of lines where prose outweighs furniture
 * (the best-scoring run: prose words count for it, furniture lines
 * against it), cut at an end marker ("Commentaires") or a paywall cue.
 * Its head (title, lede, byline, dates) is read upwards from where the
 * prose starts, with the datelines of dateline.c as landmarks when there
 * are some. Landmarks help; none is required: bare prose is read as it
 * is, its first line the title when it looks like one.
 *
 * When no stretch of prose is long enough, the input is no article: the
 * cue phrases of rules/fr/not-article.txt and the shape of the lines say
 * what it is instead (a consent wall, an error page, a login form, a
 * front page, a page of links). */
#include "internal.h"
#include "dateline.h"
#include "squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { BAD, SHORT, NEAR, GOOD };

/* jusText's thresholds, in characters, words and stopword shares, set on
 * French copies. */
#define SHORT_CHARS 50
#define LONG_CHARS 200
#define GOOD_STOPS 0.22
#define NEAR_STOPS 0.15
/* What a furniture line costs the article stretch, in prose words. */
#define BAD_COST 6
/* A stretch this strong stops at the next end marker: what follows is
 * comments or related articles, however wordy. */
#define STRONG_RUN 100
/* How far above the prose the head (title, dateline, lede) is sought. */
#define HEAD_WINDOW 40
/* A body shorter than this, in words, is no article unless the input is
 * bare prose. */
#define MIN_ARTICLE_WORDS 60
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

typedef struct {
    char *s;
    size_t len, words;
    double stops;      /* share of function words */
    bool bullet;       /* the copy gave it a list bullet (removed) */
    bool sentence;     /* ends like a sentence */
    bool full_stop;    /* ends on . ! ? …, perhaps inside quotes */
    bool drop, credit, end, cut, meta;
    bool prefix_alone; /* "By" alone over the author's name */
    bool credit_in;    /* a photo credit somewhere in it: a caption */
    bool listed;       /* in a run of headlines or links */
    bool cells;        /* a table's row: cells the copy parted with tabs */
    char *raw;         /* such a row as copied, tabs kept */
    bool embed;        /* an embedded social post or its signature */
    bool stamped;      /* opens on a time, "21h40 La participation …": a post of a live */
    bool picture;      /* an image's file name ("0042-photo-x.jpg"), an alt text a copy shows */
    bool code;         /* a listing of program code ("var x = f(y);"), as a page shows it in <pre> */
    bool tight;        /* right under the line before, no blank line between */
    int own;           /* class from its own features */
    int cls;           /* class after its neighbours had their say */
} line;

/* Function words in an open-addressing table: every word of the input is
 * looked up, so a probe must cost about one comparison. */
#define STOP_SLOTS 4096

typedef struct {
    line *l;
    size_t n;
    boilerplate bp;
    read_cues cues; /* rules/fr/dateline.txt, furniture.txt */
    phrase_list stops;
    const char *stop_slot[STOP_SLOTS];
    size_t stop_max; /* the longest function word, in bytes */
    seen_set seen; /* hashes of the blocks read, so none is read twice */
    ora_article *a;
    size_t body, stop; /* the article's lines: [body, stop) */
    size_t title_at, lede_at, byline_at;
    size_t box; /* the line after the end marker: an author box may start there */
} reader;

/* ── Lines ───────────────────────────────────────────────────────────── */

/* Separators a copy keeps but no one reads: line and paragraph separators
 * become spaces, zero-width characters and soft hyphens go. */
static bool direction_mark(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, 0xE2, n - (size_t)(p - s))); p++)
        if ((size_t)(p - s) + 2 < n && (unsigned char)p[1] == 0x80 &&
            ((unsigned char)p[2] == 0x8E || (unsigned char)p[2] == 0x8F))
            return true;
    return false;
}

static char *clean_line(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    /* squash_into already turns the separators into spaces and drops the
     * zero-width characters but the direction marks (U+200E, U+200F) */
    size_t k = squash_into(s, n, out, false);
    if (direction_mark(out, k)) {
        size_t o = 0;
        for (size_t i = 0; i < k; i++) {
            if (i + 2 < k && (unsigned char)out[i] == 0xE2 && (unsigned char)out[i + 1] == 0x80 &&
                ((unsigned char)out[i + 2] == 0x8E || (unsigned char)out[i + 2] == 0x8F)) {
                i += 2;
                continue;
            }
            out[o++] = out[i];
        }
        k = squash_into(out, o, out, false); /* a mark between two spaces */
    }
    out[k] = '\0';
    return out;
}

/* The length of a list bullet at the start of s, 0 if none. */
static size_t bullet_len(const char *s)
{
    static const char *const bullets[] = {"\xE2\x80\xA2 ", "\xE2\x97\xA6 ",
                                          "\xE2\x96\xAA ", "- ", "* ", NULL};
    for (const char *const *b = bullets; *b; b++)
        if (str_starts_with(s, *b))
            return strlen(*b);
    return 0;
}

/* A counter glued to the text by the copy ("219Cette caisse…", a like or
 * comment count): digits straight against a capitalized word cannot open
 * a sentence. Returns how many bytes to skip. */
static size_t glued_counter(const char *s)
{
    size_t i = 0;
    while (isdigit((unsigned char)s[i]) && i < 7)
        i++;
    if (!i || i == 7 || !latin_capital_at(s + i))
        return 0;
    size_t c = (unsigned char)s[i] < 0x80 ? 1 : 2;
    return latin_lower_at(s + i + c) && strchr(s + i, ' ') ? i : 0;
}

static void add_line(reader *r, size_t *cap, char *t, char *raw, bool tight)
{
    if (r->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        line *grown = realloc(r->l, *cap * sizeof *r->l);
        if (!grown) {
            free(t);
            return;
        }
        r->l = grown;
    }
    line *l = &r->l[r->n++];
    memset(l, 0, sizeof *l);
    size_t b = bullet_len(t);
    size_t g = glued_counter(t + b);
    if (b || g) {
        memmove(t, t + b + g, strlen(t + b + g) + 1);
        l->bullet = b > 0;
    }
    l->s = t;
    l->cells = raw != NULL;
    l->raw = raw;
    l->tight = tight && r->n > 1;
}

static void split_lines(reader *r, const char *data, size_t len)
{
    size_t cap = 0;
    bool tight = false; /* no blank line since the last line kept */
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        char *t = clean_line(data + i, end - i);
        const char *tab = memchr(data + i, '\t', end - i);
        bool cells = tab && memchr(tab + 1, '\t', end - (size_t)(tab + 1 - data));
        if (t && t[0]) {
            add_line(r, &cap, t, cells ? ora_strndup(data + i, end - i) : NULL, tight);
            tight = true;
        } else {
            free(t);
            tight = false;
        }
        i = end + 1;
    }
}

/* ── Features ────────────────────────────────────────────────────────── */

static bool ends_sentence(const char *s, size_t n)
{
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ')' || c == ';' ||
           c == '"' || (n >= 2 && strcmp(s + n - 2, "\xC2\xBB") == 0) || /* » */
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\x9D") == 0) ||            /* ” */
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0);            /* … */
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* A sentence that really ends: a headline may end on a quote, a
 * paragraph ends on a full stop, perhaps inside the quote ('.»'). */
static bool ends_full_stop(const char *s, size_t n)
{
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\''))
            n--;
        else if (n >= 3 && (strncmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 || /* ” */
                            strncmp(s + n - 3, "\xE2\x80\x99", 3) == 0))  /* ’ */
            n -= 3;
        else
            break;
    }
    if (n >= 2 && strncmp(s + n - 2, "\xC2\xBB", 2) == 0) { /* » */
        n -= 2;
        while (n && s[n - 1] == ' ')
            n--;
        if (n >= 2 && strncmp(s + n - 2, "\xC2\xA0", 2) == 0)
            n -= 2;
    }
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' ||
           (n >= 3 && strncmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* Is the word [w, w+n) a function word? Folds ASCII and Latin-1 capitals
 * and the typographic apostrophe. */
static bool is_stopword(const reader *r, const char *w, size_t n)
{
    char buf[32];
    size_t k = 0;
    if (n > r->stop_max + 2)
        return false; /* longer than any function word, folded or not */
    for (size_t i = 0; i < n && k + 2 < sizeof buf; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            buf[k++] = '\'';
            i += 2;
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)w[i + 1] >= 0x80 &&
                   (unsigned char)w[i + 1] <= 0x9E) {
            buf[k++] = (char)c, buf[k++] = (char)(w[++i] + 0x20);
        } else {
            buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
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

static void measure(const reader *r, line *l)
{
    size_t words = 0, stops = 0;
    for (const char *p = l->s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t n = 0;
        while (p[n] && p[n] != ' ')
            n++;
        size_t a = 0, b = n; /* strip punctuation around the word */
        while (a < b && word_punct(p[a]))
            a++;
        while (b > a && word_punct(p[b - 1]))
            b--;
        words++;
        if (b > a && is_stopword(r, p + a, b - a))
            stops++;
        p += n;
    }
    l->len = strlen(l->s);
    l->words = words;
    l->stops = words ? (double)stops / (double)words : 0;
    l->sentence = ends_sentence(l->s, l->len);
    l->full_stop = ends_full_stop(l->s, l->len);
}

/* "21h40 La participation…", "10:42 Grève…": the time of a live post
 * before its headline. */
static bool stamped(const char *s)
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
 * which French sets apart on both sides. */
static bool glued_label(const char *s)
{
    for (const char *p = strstr(s, " :"); p; p = strstr(p + 2, " :"))
        if (latin_capital_at(p + 2))
            return true;
    return false;
}

/* A line's class from its own features. */
static int own_class(const line *l)
{
    if (l->drop || l->credit || l->credit_in || l->meta || l->cells ||
        (!l->full_stop && glued_label(l->s)))
        return BAD; /* a caption that carries its credit is no prose either,
                     * nor a table's row (the table is not read) */
    if ((l->full_stop && l->words >= 10 && l->stops >= GOOD_STOPS) ||
        (l->len >= LONG_CHARS && l->stops >= GOOD_STOPS))
        return GOOD;
    if (l->len < SHORT_CHARS)
        return SHORT;
    if ((l->sentence && l->words >= 5 && l->stops >= NEAR_STOPS) ||
        (l->words >= 8 && l->stops >= GOOD_STOPS))
        return NEAR;
    return BAD;
}


/* Program code as a technical article quotes it: braces, brackets,
 * parentheses, semicolons and signs make a good share of its characters,
 * as they never do in prose, a menu or a credit. */
static bool code_listing(const line *l)
{
    if (l->len < 20 || !strpbrk(l->s, "{}[]();=<>"))
        return false; /* most lines: one pass in the C library's scan */
    size_t signs = 0, kinds = 0, spaces = 0;
    bool seen[128] = {false};
    for (const char *p = l->s; *p; p++) {
        switch (*p) {
        case '{': case '}': case '[': case ']': case '(': case ')':
        case ';': case '=': case '<': case '>':
            signs++;
            kinds += !seen[(unsigned char)*p];
            seen[(unsigned char)*p] = true;
            break;
        case ' ':
            spaces++;
            break;
        default:
            break;
        }
    }
    return signs >= 4 && kinds >= 3 && signs * 100 >= (l->len - spaces) * 6;
}

/* One word ending in a picture's extension: a file name that stands for
 * the image's text ("0042-photo-port.jpg"), not a credit nor a caption. */
static bool picture_file(const line *l)
{
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", NULL};
    if (l->words != 1)
        return false;
    for (size_t i = 0; ext[i]; i++) {
        size_t n = strlen(ext[i]);
        if (l->len > n && strcasecmp(l->s + l->len - n, ext[i]) == 0)
            return true;
    }
    return false;
}

/* A legend signed by its photographer or agency: a sentence, then one
 * word that is a credit, not prose ("… Malouda. AGENCE_X", "… vous...
 * J.Dupont"): capitals only, or a '_', '.' or '/' inside. */
static bool signed_legend(const line *l)
{
    const char *sign = NULL;
    for (const char *p = l->s; p[0] && p[1]; p++)
        if (p[0] == '.' && p[1] == ' ')
            sign = p + 2;
    if (!sign || !*sign || strchr(sign, ' ') || !isupper((unsigned char)sign[0]))
        return false;
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
/* "Tapie en 2008. AFP/Jean Dupont": a caption that carries its credit, one
 * sentence of three words or more, then the credit. It is not read, but
 * unlike a bare credit line it does not make the line above a caption. */
static bool caption_then_credit(const reader *r, const char *s)
{
    const char *dot = strstr(s, ". ");
    if (!dot || boilerplate_is_credit(&r->bp, dot + 2) == false)
        return false;
    size_t words = 1;
    for (const char *p = s; p < dot; p++)
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

/* Text in a language without a list of function words (Korean, Arabic,
 * Greek…): its long lines hold none of any language we know, where prose
 * in a known one has a fifth of them. */
static bool no_function_words(const reader *r)
{
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

/* Links a box inside the article may hold under its label. */
#define INLINE_BOX_LINKS 6

/* "Related" over a few headlines (two or more), then the article's prose
 * again, two paragraphs in a row: a box of links set inside the article,
 * not its end. Reader comments and teasers under an article alternate names,
 * dates and buttons with their text, and the next article opens on its
 * dateline. Returns the line after the box, or 0 when i opens none. */
static size_t inline_box_end(const reader *r, size_t i)
{
    size_t k = i + 1;
    for (; k < r->n && k <= i + INLINE_BOX_LINKS; k++) {
        const line *l = &r->l[k];
        if (l->own == GOOD)
            break;
        if (l->full_stop || l->words < 2 || l->words > 20 || l->meta || l->end || l->cut ||
            l->bullet != r->l[i + 1].bullet)
            return 0;
    }
    if (k < i + 3 || k + 1 >= r->n)
        return 0; /* one headline and its text: the next article ("En savoir plus") */
    const line *a = &r->l[k], *b = &r->l[k + 1];
    return a->own == GOOD && a->full_stop && b->own == GOOD && b->full_stop ? k : 0;
}

/* An end marker that only labels a box of links inside the article is
 * furniture: the label and its links are not read, and the article goes
 * on under them. */
static void keep_inline_boxes(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!r->l[i].end || r->l[i].len > 40)
            continue;
        size_t end = inline_box_end(r, i);
        if (!end)
            continue;
        r->l[i].end = false;
        r->l[i].drop = true;
        for (size_t k = i; k < end; k++)
            r->l[k].own = r->l[k].cls = BAD, r->l[k].listed = true;
    }
}

static void classify(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->l[i];
        measure(r, l);
        dateline d;
        l->meta = l->len < 300 && dateline_parse(&r->cues, l->s, &d);
        const char *core = l->s; /* ">> A lire aussi : …" */
        while (*core == '>' || *core == ' ')
            core++;
        l->drop = boilerplate_is_drop(&r->bp, core) ||
                  (l->len < 300 && cue_link_announcer(&r->cues, core));
        /* captions are short: a paragraph is not matched against every
         * credit pattern (many open on '*', which the fast path cannot skip) */
        l->credit_in = l->len < 300 && boilerplate_is_credit(&r->bp, l->s);
        l->credit = l->len < 80 && l->credit_in && !caption_then_credit(r, l->s);
        l->credit_in |= l->len < 300 && signed_legend(l); /* a legend, not a credit alone */
        l->credit_in |= l->len >= 300 && credit_after_legend(r, l);
        l->picture = picture_file(l);
        l->code = code_listing(l);
        if (l->picture)
            l->drop = true, l->credit = l->credit_in = false;
        l->end = l->len < 200 && boilerplate_is_end(&r->bp, l->s);
        l->cut = l->len < 300 && boilerplate_is_cut(&r->bp, l->s);
        l->own = l->cls = own_class(l);
        l->stamped = stamped(l->s);
    }
    if (no_function_words(r))
        judge_by_shape(r);
    drop_cut_teasers(r);
    keep_inline_boxes(r);
}

/* ── Context: jusText's smoothing ────────────────────────────────────── */

/* A small letter or a digit right against a capital, inside a word: the
 * labels of buttons and links that a copy ran together. */
static bool glued_words(const char *s)
{
    for (const char *p = s + 1; *p; p++) {
        unsigned char c = (unsigned char)p[-1];
        if ((islower(c) || isdigit(c)) && latin_capital_at(p))
            return true;
    }
    return false;
}

/* "Lire aussi", "À voir aussi" (the see-also cues): the line after it is
 * a link. */
static bool announces_link(const reader *r, const char *s)
{
    const cue_list *l = &r->cues.see_also;
    for (size_t i = 0; i < l->n; i++)
        if (strcasestr(s, l->s[i]))
            return true;
    return cue_link_announcer(&r->cues, s);
}

/* The class of the nearest line before (dir -1) or after (+1) i that is
 * neither short nor, with skip_near, near-good; the edges count as bad.
 * Credits, table rows and "Lire aussi" links are transparent: a caption's
 * credit or a link set in the body does not make the heading after it
 * furniture. */
static int neighbour(const reader *r, size_t i, int dir, bool skip_near)
{
    for (size_t j = i; dir < 0 ? j-- > 0 : ++j < r->n;) {
        int c = r->l[j].cls;
        if (c == SHORT || (skip_near && c == NEAR) || r->l[j].credit || r->l[j].cells || r->l[j].code ||
            r->l[j].listed || (r->l[j].drop && announces_link(r, r->l[j].s)))
            continue;
        return c == NEAR ? NEAR : c;
    }
    return BAD;
}

/* Lines a list whose bullets the copy lost may run to. */
#define MAX_LOST_BULLETS 12

/* Could the line be an item of a list, read as text? A few words with
 * function words, no label, no furniture. */
static bool enumerated(const line *l)
{
    return l->len > 1 && strchr(",;", l->s[l->len - 1]);
}

/* Function words, or an enumeration's comma (its own, or the item's
 * above it for the last one): "Processeur X 3960," "16 Go de mémoire". */
static bool item_shaped(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    bool worded = l->stops >= GOOD_STOPS || enumerated(l) || (i > 0 && enumerated(&r->l[i - 1]));
    return !l->bullet && l->words >= 3 && l->words <= 40 && worded &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut &&
           l->s[l->len - 1] != ':';
}

/* An item of a list whose bullets the copy lost (Chrome's copies give
 * a list as lines with no bullet and no blank line): one of a run of
 * item-shaped lines under a line of prose that announces them with a
 * colon ("Ceux que je retiens :"). Headlines under "À lire aussi :" are
 * no items: the announcing line must be prose of six words or more. */
static bool unbulleted_item(const reader *r, size_t i)
{
    for (size_t k = i, items = 0; k > 0 && items < MAX_LOST_BULLETS; k--, items++) {
        if (r->l[k - 1].picture && k > 1)
            k--; /* a picture's file name between the list and its announce */
        const line *above = &r->l[k - 1];
        if (!r->l[k].picture && !item_shaped(r, k))
            return false;
        if (above->s[above->len - 1] == ':')
            return above->own >= NEAR && above->words >= 6 && !above->bullet && !above->drop &&
                   !announces_link(r, above->s);
    }
    return false;
}

/* A list's items stay together: bullets right after a line announcing them
 * (": "), or a run of bullets that read as sentences, or lines a prose
 * line announces when the copy lost their bullets. */
static bool list_item_line(const reader *r, size_t i)
{
    if (!r->l[i].bullet)
        return unbulleted_item(r, i);
    size_t j = i;
    while (j > 0 && r->l[j - 1].bullet)
        j--;
    if (j > 0 && (r->l[j - 1].drop || announces_link(r, r->l[j - 1].s)))
        return false; /* the links under "À lire aussi" */
    char last = r->l[i].s[r->l[i].len - 1];
    return (j > 0 && r->l[j - 1].s[r->l[j - 1].len - 1] == ':' && r->l[j - 1].cls != BAD) ||
           (r->l[i].words >= 4 && r->l[i].stops >= NEAR_STOPS &&
            (last == '.' || last == ';' || last == ','));
}

/* A label: a word or three, no sentence, no dateline, no bullet. */
static bool label_line(const line *l)
{
    return l->words >= 1 && l->words <= 3 && !l->meta && !l->bullet &&
           !strchr(".;,:!?", l->s[l->len - 1]);
}

/* A data table copied cell by cell: a long run of short lines, many of
 * them numbers. It is not read, and it does not part the article. */
static bool table_cells(const reader *r, size_t from, size_t to)
{
    size_t digits = 0, words = 0;
    for (size_t k = from; k < to; k++) {
        digits += strpbrk(r->l[k].s, "0123456789") != NULL;
        words += r->l[k].words;
    }
    return digits * 3 >= to - from && words <= 3 * (to - from);
}

/* "— Jean Dupont (@jdupont) June 1, 2018": the signature of an embedded
 * social post, whose text is the line above. */
static bool post_signature(const line *l)
{
    return (str_starts_with(l->s, "\xE2\x80\x94 ") || str_starts_with(l->s, "- ")) &&
           strstr(l->s, "(@") && l->len < 200;
}

/* "Birthdays, mostly.", "Personne n'a bougé.": a short sentence of the
 * prose, capital first, full stop last, a function word inside or a
 * comma; a menu's links and a share bar's buttons end on none. */
static bool short_sentence(const line *l)
{
    return l->full_stop && l->words >= 3 && latin_capital_at(l->s) && (l->stops > 0 || strchr(l->s, ',')) &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !l->bullet;
}

/* "Jardin partagé :" over a sentence or two: a label and what it labels. */
static bool label_pair(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return i + 1 < r->n && l->own == SHORT && l->words <= 8 && l->s[l->len - 1] == ':' &&
           !l->bullet && !l->drop && !l->meta && !l->end && !l->cut &&
           r->l[i + 1].own >= NEAR && !r->l[i + 1].bullet;
}

/* Two labelled paragraphs in a row or more (and the line announcing them,
 * when it ends on a colon) are the article's, like the prose around them:
 * alone, each pair reads as furniture (a short line and a near-sentence). */
static void labelled_pairs(reader *r)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (label_pair(r, j))
            j += 2;
        if (j - i >= 4) {
            for (size_t k = i; k < j; k++)
                r->l[k].cls = GOOD;
            if (i > 0 && r->l[i - 1].own >= NEAR && r->l[i - 1].s[r->l[i - 1].len - 1] == ':')
                r->l[i - 1].cls = GOOD;
        }
        i = j > i ? j : i + 1;
    }
}

/* "un arrêt réflexe (52e) ;": an item of an enumeration the sentence
 * above announced, its bullet lost in the copy. No headline ends so. */
static bool item_of_sentence(const line *l)
{
    return l->len > 1 && l->s[l->len - 1] == ';';
}

static void smooth(reader *r)
{
    /* Embedded posts are not the article's: neither the signature nor
     * the text over it is read, and neither parts the article. */
    for (size_t i = 0; i < r->n; i++) {
        if (!post_signature(&r->l[i]))
            continue;
        r->l[i].cls = BAD, r->l[i].listed = r->l[i].embed = true;
        if (i > 0 && r->l[i - 1].len < 400)
            r->l[i - 1].cls = BAD, r->l[i - 1].listed = r->l[i - 1].embed = true;
    }
    /* Under "À lire aussi :" stand links: the bulleted ones, or one
     * headline without a full stop. */
    for (size_t i = 0; i + 1 < r->n; i++) {
        if (r->l[i].len > 40 || !announces_link(r, r->l[i].s))
            continue;
        size_t j = i + 1;
        if (!r->l[j].bullet && !r->l[j].full_stop)
            r->l[j].cls = BAD, r->l[j].listed = true;
        for (; j < r->n && r->l[j].bullet; j++)
            r->l[j].cls = BAD, r->l[j].listed = true;
    }
    /* Bullets set between two paragraphs with nothing announcing them,
     * none ending like a sentence's part (".", ";", ","), are links to
     * other articles inside the body; so are such lines that a copy
     * without bullets gives as one block, no blank line between them but
     * blank lines around (Chrome's copy of a list). */
    for (size_t i = 1; i < r->n;) {
        size_t j = i;
        bool bullets = r->l[i].bullet, block = !r->l[i].tight;
        while (j < r->n && (bullets ? r->l[j].bullet : j == i || r->l[j].tight) &&
               !strchr(".;,:", r->l[j].s[r->l[j].len - 1]) && r->l[j].words <= 20)
            j++;
        bool parted = bullets ? j > i : block && j >= i + 2 && j < r->n && !r->l[j].tight;
        /* one bullet under a label ("Plus", "En lien") is a link too */
        bool labelled = bullets && j == i + 1 && label_line(&r->l[i - 1]);
        if (parted && j < r->n && !r->l[j].bullet &&
            ((r->l[i - 1].own == GOOD && r->l[i - 1].full_stop) || labelled) &&
            r->l[j].own == GOOD && r->l[j].full_stop)
            for (size_t k = labelled ? i - 1 : i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed = true;
        i = j > i ? j : i + 1;
    }
    /* Three timed lines or more in a row, no prose under any (a news
     * ticker: "23:12 Rallye…", "22:05 NBA…"), are headlines, not the
     * posts of a live, whose times stand over their text. */
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (j < r->n && r->l[j].stamped && !r->l[j].full_stop && r->l[j].len < 200)
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD;
        i = j > i ? j : i + 1;
    }
    /* A run of three short lines or more is a menu, a share bar or a
     * table's cells, not a heading: it is furniture wherever it stands. */
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (j < r->n && r->l[j].cls == SHORT && !list_item_line(r, j) && !short_sentence(&r->l[j]))
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD;
        if (j - i >= 6 && table_cells(r, i, j))
            for (size_t k = i; k < j; k++)
                r->l[k].cells = true;
        i = j > i ? j : i + 1;
    }
    /* So is a run of three lines or more that are not sentences (no full
     * stop) and not long: a list of headlines, "Lire aussi" and the like,
     * however many function words they hold. */
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (j < r->n && r->l[j].cls != BAD && !r->l[j].full_stop && r->l[j].len < 160 &&
               !list_item_line(r, j) && !item_of_sentence(&r->l[j]) &&
               !cue_counter_line(&r->cues, r->l[j].s)) /* "43 réactions" over a title */
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed = true;
        i = j > i ? j : i + 1;
    }
    int *next = malloc(r->n * sizeof *next);
    if (!next)
        return;
    for (size_t i = 0; i < r->n; i++) {
        int c = r->l[i].cls;
        if (c == BAD && !r->l[i].listed && unbulleted_item(r, i))
            c = GOOD; /* an enumeration's item, named things without function words */
        else if (c == SHORT) {
            int p = neighbour(r, i, -1, true), n = neighbour(r, i, 1, true);
            if (list_item_line(r, i) && (p == GOOD || n == GOOD))
                c = GOOD;
            else if (p == GOOD && n == GOOD)
                c = GOOD;
            else if ((p == BAD && neighbour(r, i, -1, false) == NEAR) ||
                     (n == BAD && neighbour(r, i, 1, false) == NEAR))
                c = p == GOOD || n == GOOD ? GOOD : BAD;
            else
                c = BAD;
        } else if (c == NEAR) {
            int p = neighbour(r, i, -1, true), n = neighbour(r, i, 1, true);
            c = p == BAD && n == BAD ? BAD : GOOD;
        }
        next[i] = c;
    }
    for (size_t i = 0; i < r->n; i++)
        r->l[i].cls = next[i];
    free(next);
    labelled_pairs(r);
    /* A live post: its time and headline over its text. */
    for (size_t i = 0; i + 1 < r->n; i++)
        /* a headline's share of function words is low: only furniture
         * (a credit, a dateline, a boilerplate line) is no post's heading */
        if (r->l[i].stamped && !r->l[i].drop && !r->l[i].meta && !r->l[i].credit_in &&
            r->l[i].len < 200 && r->l[i + 1].cls == GOOD &&
            !r->l[i + 1].stamped)
            r->l[i].cls = GOOD;
}

/* ── The article's stretch ───────────────────────────────────────────── */

static long line_score(const line *l)
{
    if (l->cls == GOOD)
        return (long)l->words;
    if (l->meta || l->credit || l->cells || l->embed || l->code)
        return 0; /* datelines, credits, tables, embeds and code belong to articles too */
    return l->drop ? -2 : -BAD_COST;
}

/* The best-scoring run of lines (Kadane's), stopped at an end marker once
 * the run is strong. Returns false when no line scores. */
static bool find_stretch(reader *r)
{
    long best = 0, run = 0;
    size_t start = 0;
    r->body = r->stop = 0;
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->l[i];
        /* the marker may stand past a share bar or an author box: while
         * the run that made the strong stretch goes on, what follows the
         * marker (reader comments, however long) is not the article */
        if ((l->end || l->cut) && best >= STRONG_RUN && run > 0 && start == r->body)
            break;
        if (run <= 0)
            run = 0, start = i;
        run += line_score(l);
        if (run > best)
            best = run, r->body = start, r->stop = i + 1;
    }
    return best > 0;
}

/* A paywall cue inside the stretch ends it, and so does an end marker
 * once the prose above it is long ("Réagir" in a share bar under the
 * lede is no end); a cue right after the stretch still says the article
 * is cut. */
static void end_stretch(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->n && i < r->stop + 8; i++) {
        const line *l = &r->l[i];
        if (l->cut) {
            r->a->truncated = true;
            r->a->remaining_percent = paywall_percent(&r->cues, l->s);
        }
        if ((l->cut || (l->end && words >= STRONG_RUN)) && i > r->body) {
            if (i < r->stop)
                r->stop = i;
            r->box = i + 1;
            return;
        }
        if (l->cls == GOOD) {
            if (i >= r->stop)
                return;
            words += l->words;
        }
    }
}

/* "AFP" alone under the last paragraph: the agency signs the article
 * (a bare credit line, after a strong run of prose and a paragraph that
 * ends). When no good line comes within the next three, what follows is
 * the page's (a newsletter box, a ticker), not more article: a credit
 * under a picture inside the article has prose right after its caption. */
static void end_at_signature(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (i > r->body && l->credit && l->words <= 3 && words >= STRONG_RUN &&
            r->l[i - 1].cls == GOOD && r->l[i - 1].full_stop) {
            bool more = false;
            for (size_t j = i + 1; j < r->n && j <= i + 3 && !more; j++)
                more = r->l[j].cls == GOOD;
            if (!more) {
                r->stop = i;
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* In a live page every post opens on its time. After the last post's
 * text, a heading without a time is no post's: the page's own blocks
 * (an offer, "Nos vidéos" and their teasers) begin there. */
static void end_live(reader *r)
{
    size_t posts = 0, last = 0;
    for (size_t i = r->body; i < r->stop; i++)
        if (r->l[i].stamped && !r->l[i].full_stop && r->l[i].len < 200)
            posts++, last = i;
    if (posts < 3)
        return;
    for (size_t i = last + 2; i < r->stop; i++) {
        const line *l = &r->l[i];
        char c = l->s[l->len - 1];
        /* a short quote closing the post is no heading */
        if (l->cls == GOOD && l->own != GOOD && !l->stamped && l->len >= 2 && l->words <= 12 &&
            !l->bullet && !strchr(".,;:\"", c) && memcmp(l->s + l->len - 2, "\xC2\xBB", 2) != 0 &&
            r->l[i - 1].cls == GOOD) {
            r->stop = i;
            return;
        }
    }
}

/* Lines and prose words of one teaser in a list of them. */
#define TEASER_LINES 5
#define TEASER_WORDS 60

/* Teasers of other articles under the article, each a date alone on its
 * line, perhaps a rubric, a headline and a sentence or two: the item that
 * starts at the dateline i, or 0 when what follows i is not one. Returns
 * the next item's dateline, or the end of the stretch. */
static size_t teaser_end(const reader *r, size_t i)
{
    bool headline = false;
    size_t words = 0, k = i + 1;
    for (; k < r->stop && k <= i + TEASER_LINES && !r->l[k].meta; k++) {
        const line *l = &r->l[k];
        headline |= !l->full_stop && !l->bullet && !l->stamped && l->words >= 4 && l->words <= 20;
        words += l->cls == GOOD ? l->words : 0;
    }
    bool next = k < r->stop && r->l[k].meta;
    return headline && words <= TEASER_WORDS && (next || k == r->stop) ? k : 0;
}

/* A list of teasers under the article ("07.04.17 / Diplomatie / Des
 * frappes qui rebattent les cartes en Asie / Jugé «imprévisible», …")
 * scores like prose, headline and sentence by sentence. Three items or
 * more, each opening on a bare date, after a strong run of prose, end the
 * stretch at the first one; in an article, a date alone on its line over
 * a headline comes back once, not item after item. */
static void end_teasers(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (l->meta && l->words <= 4 && words >= STRONG_RUN) {
            size_t items = 0;
            for (size_t k = i; k < r->stop && r->l[k].meta && r->l[k].words <= 4;) {
                size_t next = teaser_end(r, k);
                if (!next)
                    break;
                items++, k = next;
            }
            if (items >= 3) {
                r->stop = i;
                while (r->stop > r->body && r->l[r->stop - 1].cls != GOOD)
                    r->stop--;
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* Prose words after a "Lire aussi" heading beyond which it is no box of
 * teasers: the article goes on under it. */
#define SEE_ALSO_TAIL 80

/* "À lire aussi" alone on its line under a strong run of prose, and
 * nothing under it but teasers (headlines, and sentences of 40 words at
 * most, 80 in all): the article ended above it. Inside an article, the
 * box holds a link or two and the prose goes on, long. */
static void end_at_see_also(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (words >= STRONG_RUN && l->len <= 40 && l->own != GOOD && announces_link(r, l->s)) {
            size_t tail = 0, longest = 0;
            for (size_t k = i + 1; k < r->stop; k++)
                if (r->l[k].cls == GOOD && r->l[k].full_stop) { /* headlines aside */
                    tail += r->l[k].words;
                    longest = r->l[k].words > longest ? r->l[k].words : longest;
                }
            if (tail <= SEE_ALSO_TAIL && longest <= 40) {
                r->stop = i;
                while (r->stop > r->body && r->l[r->stop - 1].cls != GOOD)
                    r->stop--;
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* Does text hold a word starting with the five letters at w (ASCII case
 * folded)? */
static bool has_stem(const char *text, const char *w)
{
    for (const char *p = text; *p; p++)
        if ((p == text || !isalpha((unsigned char)p[-1])) && strncasecmp(p, w, 5) == 0)
            return true;
    return false;
}

/* Stems (five letters, from words of seven or more) of line i found in
 * lines [from, to) other than i. */
static size_t stems_in(const reader *r, size_t i, size_t from, size_t to)
{
    size_t shared = 0;
    const char *s = r->l[i].s;
    for (const char *p = s; *p; p++) {
        if (p > s && isalpha((unsigned char)p[-1]))
            continue;
        size_t len = 0;
        while (isalpha((unsigned char)p[len]))
            len++;
        if (len < 7)
            continue;
        for (size_t j = from; j < to; j++)
            if (j != i && has_stem(r->l[j].s, p)) {
                shared++;
                break;
            }
    }
    return shared;
}

/* A blurb glued under the article ("…Profitez de nos offres…") talks
 * like the furniture under it, not like the article: its long words come
 * back in the lines below and nowhere in the prose above. */
static void drop_last_blurb(reader *r)
{
    size_t i = r->stop ? r->stop - 1 : 0;
    if (r->stop < r->body + 4 || r->l[i].words > 30 || r->l[i].cls != GOOD)
        return;
    size_t below = r->stop + 8 < r->n ? r->stop + 8 : r->n;
    if (stems_in(r, i, r->stop, below) >= 3 && stems_in(r, i, r->body, i) == 0)
        r->stop = i;
}

/* A box after the article's end (opening hours, an address, a contact
 * under a share bar) can outscore the furniture that parts it from the
 * article, so the stretch takes it in. What gives it away: a run of
 * furniture with a real piece of furniture in it (a share bar, a link
 * list) ends on a box heading, and what follows is little and not all
 * prose (an address, a line of hours), where an article's last
 * paragraphs are sentences. */
static void drop_box(reader *r)
{
    size_t tail = r->stop;
    while (tail > r->body && line_score(&r->l[tail - 1]) >= 0)
        tail--;
    size_t gap = tail;
    while (gap > r->body && line_score(&r->l[gap - 1]) < 0)
        gap--;
    if (gap <= r->body || tail - gap < 2 || tail == r->stop)
        return;
    const line *head = &r->l[tail - 1];
    if (head->own == BAD || head->full_stop || head->len >= 80 || head->bullet)
        return; /* no heading over it: an ad line or a share bar inside the body */
    bool furniture = false;
    for (size_t i = gap; i + 1 < tail; i++)
        furniture |= r->l[i].own == BAD && !r->l[i].meta;
    size_t above = 0, words = 0;
    bool prose_only = true;
    for (size_t i = r->body; i < gap; i++)
        above += r->l[i].cls == GOOD ? r->l[i].words : 0;
    for (size_t i = tail; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (l->cls != GOOD)
            continue;
        words += l->words;
        prose_only &= l->own == GOOD && l->full_stop && l->words <= 30;
        if (l->words > 30)
            return; /* a paragraph of its own: the article goes on */
    }
    /* the box may go on past the stretch: an address, a phone number */
    for (size_t i = r->stop; i < r->n && i < r->stop + 2 && r->l[i].own != GOOD; i++)
        prose_only &= r->l[i].own == BAD || r->l[i].full_stop || r->l[i].drop;
    if (furniture && !prose_only && words <= 40 && words * 3 < above)
        r->stop = gap;
}

/* ── Head: title, lede, byline, dates ────────────────────────────────── */

/* "Accueil » Société » Trafic": more closing chevrons than opening ones
 * are the arrows of a breadcrumb, not quotes. */
static bool breadcrumb(const char *s)
{
    int open = 0, close = 0;
    for (const char *p = s; (p = strstr(p, "\xC2")); p++)
        open += (unsigned char)p[1] == 0xAB, close += (unsigned char)p[1] == 0xBB;
    return close > open && close >= 1 && open == 0 && strstr(s, " \xC2\xBB ");
}

/* "U.N.", "U.S.": initials, each a capital and its dot; a headline may
 * end on them, its dot no full stop. */
static bool ends_on_initials(const char *s, size_t n)
{
    size_t k = 0;
    while (n >= 2 && s[n - 1] == '.' && s[n - 2] >= 'A' && s[n - 2] <= 'Z')
        n -= 2, k++;
    return k >= 2 && (n == 0 || s[n - 1] == ' ');
}

/* Two to thirty words, no full stop at the end, not a list item. */
static bool title_like(const line *l)
{
    if (l->len < 12 || l->len > 250 || l->words < 2 || l->words > 30 || l->bullet ||
        l->drop || l->credit || l->meta || l->end || l->cut)
        return false;
    char c = l->s[l->len - 1];
    return (c != '.' || ends_on_initials(l->s, l->len)) && c != ':' && c != ',' && c != ';' &&
           !strchr(l->s, '|') &&
           !l->credit_in && !breadcrumb(l->s);
}

/* A short link, unpunctuated, that is neither a dateline nor a name. */
static bool link_like(const line *l)
{
    return l->len < 40 && !l->sentence && !l->meta && !l->credit;
}

/* In a menu: a short link among short links. */
static bool in_menu(const reader *r, size_t i)
{
    int links = 0;
    for (size_t j = i > 2 ? i - 2 : 0; j < r->n && j <= i + 2; j++)
        links += j != i && link_like(&r->l[j]);
    return link_like(&r->l[i]) && links >= 3;
}

static bool same_text(const char *a, const char *b)
{
    size_t n = strlen(a);
    return strncmp(a, b, n) == 0 && (b[n] == '\0' || (b[n] == '.' && !b[n + 1]));
}

/* Does the copy show line i again: the same line, or (opening) a longer
 * one that opens with it (a picture's alt text or legend that repeats the
 * title and adds the credit, "X Ayn Rand (Credit: …)")? */
static bool shown_again(const reader *r, size_t i, bool opening)
{
    const line *l = &r->l[i];
    for (size_t j = 0; j < r->n; j++)
        if (j != i && r->l[j].len >= l->len && strncmp(r->l[j].s, l->s, l->len) == 0 &&
            (r->l[j].len == l->len || (opening && r->l[j].s[l->len] == ' ')))
            return true;
    return false;
}

static bool repeated(const reader *r, size_t i)
{
    return shown_again(r, i, true);
}

/* "Jean Dupont": two to five capitalized words, nothing else. */
static bool name_like(const reader *r, const line *l)
{
    if (l->words < 2 || l->words > 5 || l->meta || l->drop || strpbrk(l->s, ".:!?;0123456789|"))
        return false; /* "Par Jean Dupont" is a dateline, read as one; "READ MORE" a button */
    if (cue_prefix(&r->cues.article, l->s))
        return false; /* "Le Quotidien" is a paper, not a person */
    for (const char *p = l->s; *p; p++)
        if ((p == l->s || p[-1] == ' ') && !latin_capital_at(p))
            return false;
    return true;
}

/* "By" alone on its line over the author's name ("by" / "Jane Doe": a
 * layout that sets them apart): the two are one dateline. The prefix line
 * is marked meta: it places the title over it, and the name beside it is
 * no title but the byline. */
static void split_bylines(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        line *l = &r->l[i];
        for (size_t k = 0; k < r->cues.byline.n && !l->meta; k++) {
            /* a prefix such as "By", not a field's label ("Auteur :", which
             * heads an author box after the article) */
            size_t n = r->cues.byline.len[k];
            while (n && r->cues.byline.s[k][n - 1] == ' ')
                n--;
            if (n && !memchr(r->cues.byline.s[k], ':', n) && l->len == n && strncmp(l->s, r->cues.byline.s[k], n) == 0 &&
                name_like(r, &r->l[i + 1]))
                l->meta = l->prefix_alone = true;
        }
    }
}

/* A copy sometimes doubles a name ("Jean DupontJean Dupont": the visible
 * name and a hidden one): keep one. */
static char *undouble(const char *s)
{
    size_t n = strlen(s);
    if (n % 2 == 0 && n && memcmp(s, s + n / 2, n / 2) == 0)
        return ora_strndup(s, n / 2);
    return ora_strdup(s);
}

/* "Jean Dupont(Bruxelles)" as copies glue it → "Jean Dupont (Bruxelles)". */
static char *byline_text(const char *s)
{
    strbuf b;
    sb_init(&b);
    for (const char *p = s; *p; p++) {
        if (*p == '(' && p > s && p[-1] != ' ')
            sb_addc(&b, ' ');
        sb_addc(&b, *p);
    }
    char *t = text_squash(b.s ? b.s : "", b.len);
    sb_free(&b);
    char *u = undouble(t);
    free(t);
    return u;
}

static void take_dateline(reader *r, const char *s)
{
    dateline d;
    ora_article *a = r->a;
    if (!dateline_parse(&r->cues, s, &d))
        return;
    if (d.published[0] && !a->published)
        a->published = ora_strdup(d.published);
    if (d.modified[0] && !a->modified)
        a->modified = ora_strdup(d.modified);
    if (d.byline[0] && !a->byline)
        a->byline = byline_text(d.byline);
}

/* Under "Sur le même sujet" or "À lire aussi" (an end marker or a
 * see-also cue) within six lines, with no prose between: a box of links to
 * other articles (their labels, headlines, bylines). */
static bool in_see_also_box(const reader *r, size_t i)
{
    for (size_t j = i; j-- > 0 && i - j <= 6;) {
        if (r->l[j].cls == GOOD)
            return false;
        if (r->l[j].len <= 40 && (r->l[j].end || announces_link(r, r->l[j].s)))
            return true;
    }
    return false;
}

/* A dateline that names the author ("By Jane Doe") within three lines
 * under line i: a line of capitalized words over it is a short title
 * ("Broken Pledge"), not the author's name. */
static bool byline_under(const reader *r, size_t i)
{
    for (size_t j = i + 1; j < r->n && j <= i + 3; j++) {
        dateline d;
        if (r->l[j].meta && dateline_parse(&r->cues, r->l[j].s, &d) && d.byline[0])
            return true;
    }
    return false;
}

/* A label of three words at most that the copy shows three times or
 * more ("Recommendation image", a picture's alt text under each teaser;
 * a button): no headline. */
static bool repeated_label(const reader *r, size_t i)
{
    if (r->l[i].words > 3)
        return false;
    int seen = 0;
    for (size_t j = 0; j < r->n && seen < 3; j++)
        seen += r->l[j].len == r->l[i].len && strcmp(r->l[j].s, r->l[i].s) == 0;
    return seen >= 3;
}

/* The same headline again within two lines (over and under its rubric,
 * or twice in a row as a copy gives a title and its hidden repeat): a
 * list of links to other articles does not name one twice. */
static bool doubled(const reader *r, size_t i)
{
    for (size_t j = i > 2 ? i - 2 : 0; j < r->n && j <= i + 2; j++)
        if (j != i && r->l[j].len == r->l[i].len && r->l[i].words >= 4 && strcmp(r->l[j].s, r->l[i].s) == 0)
            return true;
    return false;
}

/* The title's score as a candidate at i, the prose starting at body: near
 * the prose, with a dateline or a lede under it (or a dateline over it),
 * not in a menu. */
static long title_score(const reader *r, size_t i, size_t body)
{
    const line *l = &r->l[i];
    long s = 100 - (long)(i < body ? body - i : i - body);
    if (i >= body)
        body = i + 4; /* in the stretch: the lines under it may be its lede */
    bool under = false, over = false, lede = false, right_under = false;
    for (size_t j = i + 1; j < r->n && j <= i + 5; j++) {
        under |= r->l[j].meta;
        lede |= j <= i + 3 && j < body && r->l[j].full_stop && r->l[j].own >= NEAR &&
                r->l[j].len >= 40 && r->l[j].s[r->l[j].len - 1] != '?';
    }
    /* a title over its lede may stand far above the dateline, past a
     * photo's credit and a share bar: furniture does not count */
    for (size_t j = i + 1, seen = 0; lede && !under && j < r->n && seen < 5; j++) {
        under |= r->l[j].meta;
        seen += r->l[j].cls != BAD && !r->l[j].credit;
    }
    for (size_t j = i > 2 ? i - 2 : 0; j < i; j++)
        over |= r->l[j].meta;
    /* a dateline within two lines under it, not counting photo credits
     * nor the title shown again (a layout's second headline); a menu's
     * link between them says the line is a link of that menu */
    for (size_t j = i + 1, steps = 0; j < r->n && j <= i + 6 && !right_under; j++) {
        if (r->l[j].credit || strcmp(r->l[j].s, l->s) == 0)
            continue;
        if (++steps > 2 || (!r->l[j].meta && in_menu(r, j)))
            break;
        right_under = r->l[j].meta;
    }
    /* right under a dateline, as some layouts set the date over the title */
    bool right_over = i > 0 && r->l[i - 1].meta && !r->l[i - 1].drop;
    s += under ? 40 : over ? 25 : 0;
    s += right_under || right_over ? 30 : 0;
    if (latin_lower_at(l->s) || l->s[0] == '.')
        s -= 40; /* a title opens on a capital, not on "… mais" */
    if (glued_words(l->s) || glued_label(l->s))
        s -= 30; /* "Écouter4 minAjouter à ma liste": buttons a copy ran together */
    if (l->words > 20)
        s -= 40;
    if (l->full_stop && l->words > 12)
        s -= 20; /* a long sentence is a lede or a teaser, rarely a title */
    s += lede ? 25 : 0;
    if (l->words >= 4 && repeated(r, i))
        s += 15; /* a title comes back (in a breadcrumb, a share box) */
    if ((in_menu(r, i) || l->listed || (i > 0 && announces_link(r, r->l[i - 1].s))) &&
        !right_under && !right_over && !doubled(r, i))
        s -= 60;
    if (in_see_also_box(r, i))
        s -= 60; /* a linked article's headline and byline, under "Sur le même sujet" */
    s += 3 * (long)(l->words < 12 ? l->words : 12); /* a title says something */
    return s;
}

/* An author box: a name alone on its line, then a sentence that opens
 * with it ("Jane Doe" / "Jane Doe is an editor at …"): the name is no
 * title, the sentence no lede. */
static bool author_bio(const reader *r, size_t i)
{
    const line *name = i > 0 ? &r->l[i - 1] : NULL;
    return name && name_like(r, name) && strncmp(r->l[i].s, name->s, name->len) == 0 &&
           r->l[i].s[name->len] == ' ';
}

/* A lede: a sentence or two standing above the body, under the title. */
static bool lede_like(const line *l)
{
    return l->sentence && l->len >= 40 && l->len <= 600 && l->own >= NEAR &&
           !l->bullet && !l->drop;
}

/* A picture's own text over its legend, which repeats it and adds the
 * credit ("Le port au matin" over "Le port au matin - © X"): a copy that
 * keeps the images' alt texts (Chrome's) gives both. */
static bool alt_over_legend(const reader *r, size_t i)
{
    const line *l = &r->l[i], *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    return next && next->credit_in && !l->credit_in && l->words >= 2 && next->len > l->len &&
           strncmp(next->s, l->s, l->len) == 0;
}

/* A paragraph that opens on someone's words ("« Le bois doit sécher
 * lentement », explique…", "“You won’t…,” one user said."): a legend
 * names what the picture shows, it does not open on a quote. */
static bool quoted_prose(const line *l)
{
    return l->own == GOOD && (str_starts_with(l->s, "\xC2\xAB") || str_starts_with(l->s, "\xE2\x80\x9C") ||
                              l->s[0] == '"');
}

/* A caption: the line over a short credit ("© AFP", "Getty Images"), or
 * a picture's text over its legend. */
static bool is_caption_at(const reader *r, size_t i)
{
    const line *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    return (next && next->credit && !r->l[i].credit_in && r->l[i].len >= 20 &&
            r->l[i].words <= 30 && !r->l[i].meta && !r->l[i].drop && !quoted_prose(&r->l[i])) ||
           alt_over_legend(r, i);
}

/* A lede set as a headline, without its full stop ("Découvrez ci-dessous
 * un point de la situation, transport par transport"): a phrase of prose
 * (function words, a comma inside, small letters after the first word),
 * not a link or a caption, right over the prose or opening it. */
static bool unpunctuated_lede_at(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    bool phrase = l->words >= 8 && l->words <= 40 && l->stops >= NEAR_STOPS &&
                  strchr(l->s, ',') && !l->bullet && !l->drop && !l->meta &&
                  !l->credit_in && !l->end && !l->cut && !l->sentence;
    if (!phrase || is_caption_at(r, i) || (i > 0 && announces_link(r, r->l[i - 1].s)))
        return false;
    size_t capitals = 0;
    for (const char *p = strchr(l->s, ' '); p; p = strchr(p + 1, ' '))
        capitals += latin_capital_at(p + 1);
    return capitals * 3 < l->words;
}

/* Where such a lede stands under the title, or r->n. */
static size_t unpunctuated_lede(const reader *r, size_t title)
{
    if (r->body < r->stop && r->body > title && unpunctuated_lede_at(r, r->body))
        return r->body;
    if (r->body > title + 1 && unpunctuated_lede_at(r, r->body - 1))
        return r->body - 1;
    return r->n;
}

/* "Éditorial", "Chronique", "Enquête": a heading of one to three words on
 * the first line, over the prose, is its title, not furniture (a menu's
 * word is in the furniture lists). */
static bool heading_word(const line *l)
{
    char last = l->len ? l->s[l->len - 1] : 0;
    return l->words >= 1 && l->words <= 3 && l->len <= 60 && latin_capital_at(l->s) && !l->bullet &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !strchr(".:,;|", last);
}

/* Where a name alone on its line ends ("Anne Roux - France Télévisions":
 * the name, then its desk after a dash), 0 when the line is no name. */
static size_t name_part(const reader *r, const line *l)
{
    if (l->stops > 0 || l->bullet || l->drop || l->meta || l->credit_in)
        return 0; /* "The Road Ahead" is a sub-heading: names hold no function word */
    const char *dash = strstr(l->s, " - ");
    if (!dash)
        dash = strstr(l->s, " \xE2\x80\x94 "); /* — */
    size_t n = dash ? (size_t)(dash - l->s) : l->len;
    char buf[96];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, l->s, n);
    buf[n] = '\0';
    line name = {.s = buf, .len = n, .words = 1};
    for (size_t k = 0; k < n; k++)
        name.words += buf[k] == ' ';
    return name.words <= 3 && name_like(r, &name) ? n : 0;
}

/* A name alone on its line right under the title, or under a short lede
 * under it: the byline of a layout that sets it without "Par" and without
 * a date. A sub-heading stands lower, after the body's first paragraph.
 * Returns its line, or r->n. */
static size_t name_under_title(const reader *r, size_t title)
{
    size_t i = title + 1;
    if (i < r->stop && r->l[i].own >= NEAR && r->l[i].words <= 30 && lede_like(&r->l[i]))
        i++;
    return i < r->stop && name_part(r, &r->l[i]) ? i : r->n;
}

/* "Harbour Bridge Reopens After Two-Year Repair" : three in four of its
 * words of four letters or more open on a capital, as English sets its
 * titles (and a French kicker may, "Ligue des Champions"). */
static bool title_case(const line *l)
{
    size_t long_words = 0, capitals = 0;
    for (const char *p = l->s; *p; p++) {
        if (p > l->s && p[-1] != ' ')
            continue;
        size_t n = strcspn(p, " ");
        if (n < 4 || !(latin_capital_at(p) || latin_lower_at(p)))
            continue;
        long_words++;
        capitals += latin_capital_at(p);
    }
    return long_words >= 3 && capitals * 4 >= long_words * 3;
}

/* "Trump Has Shown Receptiveness To Obama's Agenda. Does He Actually
 * Mean It?": a headline may ask, in title case, where prose does not. */
static bool headline_question(const line *l)
{
    return l->len >= 12 && l->words <= 20 && l->s[l->len - 1] == '?' && title_case(l);
}

/* A headline in title case right over a longer line that is none (a
 * phrase, "City officials say the work came in under budget"): a title
 * over its dek, which the dateline under the dek pulled the choice to.
 * A kicker over a title is shorter than five words; a title holds a
 * function word or two ("of", "the"), a rubric's names none. */
static bool title_over_dek(const reader *r, size_t head, size_t dek)
{
    const line *h = &r->l[head], *d = &r->l[dek];
    return title_like(h) && title_case(h) && h->words >= 5 && h->stops > 0 && !title_case(d) &&
           !strstr(h->s, " / ") && !strstr(h->s, " & ") && /* a rubric's path, "Risk / Security & X" */
           d->words >= 8 && d->words > h->words && !in_menu(r, head) && !h->listed &&
           !is_caption_at(r, head) && !(head > 0 && announces_link(r, r->l[head - 1].s));
}

static void read_head(reader *r)
{
    ora_article *a = r->a;
    /* Prose before a dateline at the top of the stretch is the head
     * (a lede above "Le Monde | 05.07.2011 à 22h09"), not the body. */
    size_t goods = 0;
    for (size_t i = r->body; i < r->stop && goods < 3; i++) {
        if (r->l[i].meta) {
            r->body = i + 1;
            goods = 0;
        } else if (r->l[i].cls == GOOD && !title_case(&r->l[i])) {
            goods++; /* headlines in title case over the title are teasers, no prose */
        }
    }
    size_t from = r->body > HEAD_WINDOW ? r->body - HEAD_WINDOW : 0;
    /* The stretch may open on its own title (a short line that smoothing
     * joined to the prose under it). */
    size_t to = r->body;
    while (to < r->stop && to < r->body + 2 &&
           (!r->l[to].full_stop || ends_on_initials(r->l[to].s, r->l[to].len) || headline_question(&r->l[to])))
        to++;
    /* Or on a notice over the title ("This story is unlisted…"): one
     * paragraph, then a headline the copy shows again as it is (the
     * layout's second headline; a picture's alt text opens its legend),
     * then the prose. */
    if (to == r->body && to + 2 < r->stop && r->l[to].full_stop && title_like(&r->l[to + 1]) &&
        !r->l[to + 1].full_stop && r->l[to + 1].words >= 4 && shown_again(r, to + 1, false))
        to += 2;
    long best = -1000;
    size_t title = r->n;
    for (size_t i = to; i-- > from;) {
        /* a name over its handle over the dateline counts as beside it */
        bool beside_meta = (i > 0 && r->l[i - 1].meta) || (i + 1 < r->n && r->l[i + 1].meta) ||
                           (i + 2 < r->n && r->l[i + 2].meta && r->l[i + 1].words == 1 &&
                            !r->l[i + 1].full_stop);
        /* a line over a credit is a caption, unless the copy shows it
         * again elsewhere (share boxes, a breadcrumb): a title over its photo */
        bool caption = (is_caption_at(r, i) && !(r->l[i].words >= 4 && repeated(r, i))) ||
                       alt_over_legend(r, i);
        /* neither a name nor a desk ("X avec AFP") by the dateline */
        if (title_like(&r->l[i]) && !caption && !cue_counter_line(&r->cues, r->l[i].s) &&
            !repeated_label(r, i) && !(i + 1 < r->n && author_bio(r, i + 1)) &&
            !(name_like(r, &r->l[i]) && beside_meta && !byline_under(r, i)) &&
            !cue_wire_signature(&r->cues, &r->bp, r->l[i].s)) {
            long s = title_score(r, i, r->body);
#ifdef TEXT_DEBUG
            fprintf(stderr, "title? %zu %ld %.60s\n", i, s, r->l[i].s);
#endif
            if (s > best)
                best = s, title = i;
        }
    }
    if (title == r->n && r->body == 1 && heading_word(&r->l[0]))
        title = 0;
    if (title < r->n && title >= r->body)
        r->body = title + 1;
    r->title_at = title;
    r->lede_at = r->n;
    r->byline_at = title < r->n ? name_under_title(r, title) : r->n;
    if (title < r->n) {
        a->title = ora_strdup(r->l[title].s);
        for (size_t i = title + 1; i < r->body; i++) {
            if (r->lede_at == r->n && lede_like(&r->l[i]) && !is_caption_at(r, i) &&
                !same_text(a->title, r->l[i].s) && !author_bio(r, i))
                r->lede_at = i;
        }
    }
    /* A lede may stand below the dateline too: the first paragraph, short,
     * that furniture parts from the rest or a longer paragraph follows
     * (or that the copy repeats, as the page shows it twice). */
    if (r->lede_at == r->n && title < r->n) {
        size_t i = r->body;
        while (i < r->stop && (r->l[i].cls != GOOD || is_caption_at(r, i) ||
                               same_text(a->title, r->l[i].s)))
            i++;
        size_t j = i + 1;
        while (j < r->stop && r->l[j].cls != GOOD && r->l[j].own != BAD)
            j++;
        if (i < r->stop && j < r->stop && i <= r->body + 12 && r->l[i].len < 300 &&
            r->l[i].full_stop &&
            (r->l[j].own == BAD || r->l[j].stamped || j == r->byline_at ||
             r->l[j].words > r->l[i].words + r->l[i].words / 2 ||
             strcmp(r->l[j].s, r->l[i].s) == 0) &&
            !r->l[j].credit && !r->l[j].meta)
            r->lede_at = i;
    }
    if (r->lede_at == r->n && title < r->n)
        r->lede_at = unpunctuated_lede(r, title);
    if (r->lede_at < r->n)
        a->lede = ora_strdup(r->l[r->lede_at].s);
    /* Datelines near the title, above or below it, then in the first
     * lines of the body. */
    size_t top = title < r->n ? (title > 5 ? title - 5 : 0) : from;
    size_t below = title < r->n ? title + 1 : top;
    /* the datelines under the title first, then those over it */
    for (size_t k = below; k < r->body + (below - top); k++) {
        size_t i = k < r->body ? k : below - 1 - (k - r->body);
        if (r->l[i].meta) {
            take_dateline(r, r->l[i].s);
            if (r->l[i].prefix_alone && !a->byline)
                a->byline = byline_text(r->l[i + 1].s);
            /* an unprefixed name beside the dateline is the byline, unless
             * a dateline right under it names the author (a rubric, "Love
             * Lives", over the date, "By X" under it) */
            for (int d = -2; d <= 1 && !a->byline && !byline_under(r, i); d += d == -1 ? 2 : 1) {
                size_t j = i + (size_t)(long)d;
                if (j < r->n && j != title && name_like(r, &r->l[j]))
                    a->byline = byline_text(r->l[j].s);
            }
        }
    }
    for (size_t i = r->body; i < r->stop && i < r->body + 6; i++)
        if (r->l[i].meta)
            take_dateline(r, r->l[i].s);
    if (!a->byline && r->byline_at < r->n) {
        const line *l = &r->l[r->byline_at];
        char *name = ora_strndup(l->s, name_part(r, l));
        a->byline = name ? byline_text(name) : NULL;
        free(name);
    }
    /* "Auteur : X" right under a short piece */
    for (size_t i = r->stop; i < r->n && i < r->stop + 2 && !r->box; i++)
        if (r->l[i].meta)
            take_dateline(r, r->l[i].s);
    /* An author box under the article ("Auteur / Lucie Marchand /
     * 03/02/2021 / …") says who and when, if the head did not. */
    for (size_t i = r->box; r->box && i < r->n && i < r->box + 3; i++) {
        if (!a->byline && name_like(r, &r->l[i]))
            a->byline = byline_text(r->l[i].s);
        else if (r->l[i].meta)
            take_dateline(r, r->l[i].s);
    }
}

/* In a language whose titles capitalize their words (rules/title-case.txt),
 * a title-case line right over the chosen title, which is none, is the
 * title, and the line under it its dek: the lede, unless there is one. */
static void title_over_its_dek(reader *r)
{
    size_t t = r->title_at;
    char code[8];
    if (t == r->n || t == 0 || !title_over_dek(r, t - 1, t) || !lang_guess(r->a, code, sizeof code))
        return;
    phrase_list langs;
    ora_error err;
    if (phrase_list_load("rules/title-case.txt", &langs, &err) < 0)
        return;
    bool listed = false;
    for (size_t i = 0; i < langs.n; i++)
        listed |= strcmp(langs.items[i], code) == 0;
    phrase_list_free(&langs);
    if (!listed)
        return;
    ora_article *a = r->a;
    if (!a->lede)
        a->lede = a->title, r->lede_at = t;
    else
        free(a->title);
    a->title = ora_strdup(r->l[t - 1].s);
    r->title_at = t - 1;
}

/* ── Body ────────────────────────────────────────────────────────────── */

/* The signature line under an article repeats the byline. */
static bool is_signature(const reader *r, const char *s)
{
    const ora_article *a = r->a;
    if (!a->byline || strlen(a->byline) < 5)
        return false;
    char name[128];
    const char *p = dateline_byline(&r->cues, s, name, sizeof name) ? name : s;
    size_t n = strcspn(a->byline, "(,");
    while (n && a->byline[n - 1] == ' ')
        n--;
    return n >= 5 && strncmp(p, a->byline, n) == 0 && strlen(p) < n + 60;
}

/* A photo caption in a copy: one sentence that ends on where and when the
 * photo was taken ("…, à Bruxelles, le 7 mai."). */
static bool looks_like_caption(const reader *r, const char *s)
{
    if (strstr(s, ". ") != NULL)
        return false;
    const char *q = NULL; /* after ", le " */
    for (const char *p = strstr(s, ", "); p && !q; p = strstr(p + 2, ", ")) {
        size_t on = cue_prefix(&r->cues.on, p + 2);
        q = on ? p + 2 + on : NULL;
    }
    if (!q)
        return false;
    char iso[32];
    if (dateline_date(&r->cues, q, iso))
        return true;
    int day = atoi(q);
    while (isdigit((unsigned char)*q))
        q++;
    q += cue_opens(&r->cues.ordinal, q);
    if (day < 1 || day > 31 || *q != ' ')
        return false;
    q++;
    const char *end = strchr(q, '.');
    return end && end[1] == '\0' && cue_month(&r->cues, q, (size_t)(end - q));
}

/* A whole block's hash, eight bytes at a time: blocks add up to the
 * whole input, and FNV byte by byte was a tenth of the reading. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 29);
}

/* Has this text been read already (a repeated paragraph, the lede again)?
 * Remembers it when not. */
/* Quotes, spaces and closing marks around a block, which a repeat of it
 * may add or drop: a pull quote gives a paragraph's words without the
 * quotation marks the paragraph has. */
static bool quote_or_stop(const char *p, bool closing)
{
    unsigned char c = (unsigned char)p[0];
    if (c == ' ' || c == '"' || c == '\'' || (closing && strchr(".!?", c)))
        return true;
    if (c == 0xC2) /* « » */
        return (unsigned char)p[1] == (closing ? 0xBB : 0xAB);
    return c == 0xE2 && (unsigned char)p[1] == 0x80 &&
           (closing ? (unsigned char)p[2] == 0x9D || (unsigned char)p[2] == 0xA6
                    : (unsigned char)p[2] == 0x9C); /* “ ” … */
}

/* The span [*a, *n) of s without the quotes around it. */
static void quoted_core(const char *s, size_t *a, size_t *n)
{
    *a = 0, *n = strlen(s);
    while (*a < *n && quote_or_stop(s + *a, false))
        *a += (unsigned char)s[*a] < 0x80 ? 1 : (unsigned char)s[*a] == 0xC2 ? 2 : 3;
    while (*n > *a) {
        size_t k = (unsigned char)s[*n - 1] < 0x80 ? 1
                   : *n - *a >= 3 && (unsigned char)s[*n - 3] == 0xE2 ? 3 : 2;
        if (!quote_or_stop(s + *n - k, true))
            break;
        *n -= k;
    }
}

/* Is this code point part of a word? Latin-1's signs (« », NBSP, °) and
 * the punctuation and symbol blocks (quotes, dashes, arrows) are not. */
static bool word_char(uint32_t cp)
{
    return cp >= 0xC0 && !(cp >= 0x2000 && cp < 0x2C00) && cp != 0x3000 && cp != 0xFEFF;
}

/* A block's hash on its letters and digits alone, ASCII folded: a repeat
 * of a paragraph may add or drop the quotes around it (a pull quote), or
 * write its quotes and apostrophes another way (“ ” for ", ’ for '), as a
 * page's two versions of one paragraph do. */
static uint64_t hash_block(const char *s)
{
    size_t n = strlen(s), o = 0;
    char small[512] = "", *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return hash_bytes(s, n);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (isalnum(c))
                buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            i++;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        if (l && word_char(cp))
            memcpy(buf + o, s + i, (size_t)l), o += (size_t)l;
        i += l ? (size_t)l : 1;
    }
    uint64_t h = hash_bytes(buf, o);
    if (buf != small)
        free(buf);
    return h;
}

/* Does a line of [from, to) hold the words of s, quotes aside? */
static bool quoted_later(const reader *r, const char *s, size_t from, size_t to)
{
    size_t a, n;
    quoted_core(s, &a, &n);
    char *core = ora_strndup(s + a, n - a);
    bool found = false;
    for (size_t j = from; core && j < to && !found; j++)
        found = r->l[j].len > n - a && strstr(r->l[j].s, core);
    free(core);
    return found;
}

static bool already_read(reader *r, const char *s)
{
    return seen_set_add(&r->seen, hash_block(s));
}

/* A pull quote: a paragraph of the stretch that a later one repeats, or
 * quotes whole when a name signs it (the page set it in large type beside
 * the text). The later one is read, in its place; the earlier one and its
 * attribution ("Jean Dupont" over his role) are not. Marks them in pulled,
 * indexed from r->body, and keeps the hashes of the lines for read_body. */
static void find_pull_quotes(reader *r, bool *pulled, uint64_t *hash)
{
    seen_set later = {0};
    for (size_t i = r->stop; i-- > r->body;) {
        const line *l = &r->l[i];
        if (l->cls != GOOD || l->len < 60 || l->bullet)
            continue;
        hash[i - r->body] = hash_block(l->s);
        bool repeat = seen_set_add(&later, hash[i - r->body]);
        if (!repeat && !(i + 1 < r->stop && name_like(r, &r->l[i + 1]) &&
                         quoted_later(r, l->s, i + 2, r->stop)))
            continue;
        pulled[i - r->body] = true;
        size_t k = i + 1;
        if (k < r->stop && name_like(r, &r->l[k])) {
            pulled[k++ - r->body] = true;
            if (k < r->stop && !r->l[k].full_stop && r->l[k].words <= 12)
                pulled[k - r->body] = true; /* the role under the name */
        }
    }
    seen_set_free(&later);
}

/* A short line between prose, without a full stop: a sub-heading. */
static bool heading_like(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->stamped && !l->full_stop)
        return true;
    if (l->own != SHORT && !(l->own == BAD && l->len < 150))
        return false;
    char c = l->s[l->len - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || l->bullet)
        return false;
    /* a pull-quote attribution ("— Jean Dupont") is no heading */
    return !str_starts_with(l->s, "\xE2\x80\x94") && !str_starts_with(l->s, "\xE2\x80\x93") &&
           !str_starts_with(l->s, "- ");
}

/* A related article's headline: long for a sub-heading, no full stop. */
static bool headline_shape(const line *l)
{
    char c = l->s[l->len - 1];
    return l->words >= 8 && l->words <= 20 && !l->full_stop && !l->bullet && !l->meta &&
           !l->credit && !l->stamped && c != '.' && c != ',' && c != ';' && c != ':';
}

/* Two long headlines in a row between prose are links to other articles:
 * a sub-heading is short and followed by the prose it introduces, not by
 * another headline. */
static bool related_pair(const reader *r, size_t i)
{
    return i > 0 && i + 2 < r->stop && headline_shape(&r->l[i]) &&
           headline_shape(&r->l[i + 1]) && r->l[i - 1].own == GOOD && r->l[i + 2].own == GOOD;
}

static bool has_prose(const ora_article *a)
{
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH)
            return true;
    return false;
}

/* The cells of a row as copied ("Essence 95\t1,742\t…"), each squashed. */
static size_t row_cells(const char *raw, char **cells, size_t max)
{
    size_t n = 0;
    for (const char *p = raw; n < max;) {
        const char *tab = strchr(p, '\t');
        size_t len = tab ? (size_t)(tab - p) : strlen(p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == '\n'))
            len--;
        cells[n++] = clean_line(p, len);
        if (!tab)
            break;
        p = tab + 1;
    }
    return n;
}

#define MAX_CELLS 32

/* A table copied row by row, its cells parted by tabs: one table block,
 * the caption (the line over it, when it is one) first, then each row as
 * "header : value, …" under the first row's headers. Returns the line
 * after the table. */
static size_t read_table(reader *r, size_t i, const char *caption)
{
    char *head[MAX_CELLS], *cells[MAX_CELLS];
    size_t nh = row_cells(r->l[i].raw, head, MAX_CELLS);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, caption ? caption : "");
    for (i++; i < r->stop && r->l[i].raw; i++) {
        size_t nc = row_cells(r->l[i].raw, cells, MAX_CELLS);
        sb_addc(&b, '\n');
        for (size_t k = 0; k < nc; k++) {
            if (k)
                sb_adds(&b, ", ");
            if (k < nh && head[k] && head[k][0])
                sb_printf(&b, "%s : ", head[k]);
            sb_adds(&b, cells[k] ? cells[k] : "");
            free(cells[k]);
        }
    }
    for (size_t k = 0; k < nh; k++)
        free(head[k]);
    if (b.s)
        ora_article_add_block(r->a, ORA_BLOCK_TABLE, b.s);
    sb_free(&b);
    return i;
}

/* The line over a table is its caption when it is short and no sentence. */
static bool table_caption(const reader *r, size_t i)
{
    return i + 2 < r->stop && r->l[i + 1].raw && r->l[i + 2].raw && !r->l[i].cells &&
           r->l[i].len < 200 && r->l[i].s[r->l[i].len - 1] != '.';
}

static void read_body(reader *r)
{
    ora_article *a = r->a;
    if (a->lede)
        already_read(r, a->lede); /* the lede is not read again as the first paragraph */
    bool *pulled = calloc(r->stop - r->body + 1, sizeof *pulled);
    uint64_t *hash = calloc(r->stop - r->body + 1, sizeof *hash); /* 0: not worked out */
    if (pulled && hash)
        find_pull_quotes(r, pulled, hash);
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (pulled && hash && pulled[i - r->body])
            continue;
        if (l->raw && i + 1 < r->stop && r->l[i + 1].raw) {
            const char *caption = i > 0 && table_caption(r, i - 1) ? r->l[i - 1].s : NULL;
            i = read_table(r, i, caption) - 1;
            continue;
        }
        if (table_caption(r, i))
            continue; /* read with its table */
        if (l->meta || l->credit || l->drop || i == r->title_at || i == r->lede_at || i == r->byline_at ||
            (l->credit_in && l->len < 80))
            continue;
        if (has_prose(a) && is_signature(r, l->s))
            break;
        if (i > 0 && r->l[i - 1].credit && l->words <= 15 && !(i >= 2 && is_caption_at(r, i - 2)) &&
            !is_caption_at(r, i))
            continue; /* a caption under its credit, as some copies give them */
        /* a credit after the article's last line is its copyright line */
        if ((is_caption_at(r, i) && i + 1 < r->stop) ||
            (a->n_blocks == 0 && looks_like_caption(r, l->s))) {
            if (!already_read(r, l->s))
                ora_article_add_block(a, ORA_BLOCK_CAPTION, l->s);
            continue;
        }
        if (l->code) { /* a listing the prose quotes: the stretch holds it, so prose is around */
            if (!already_read(r, l->s))
                ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
            continue;
        }
        if (l->cls != GOOD || (a->title && same_text(a->title, l->s)) ||
            seen_set_add(&r->seen, hash && hash[i - r->body] ? hash[i - r->body] : hash_block(l->s)))
            continue;
        if (has_prose(a) && related_pair(r, i)) {
            i++;
            continue;
        }
        if (l->bullet)
            ora_article_add_block(a, ORA_BLOCK_LIST_ITEM, l->s);
        else if (heading_like(r, i) && !unbulleted_item(r, i)) {
            if (has_prose(a) || (a->lede && l->stamped))
                ora_article_add_block(a, ORA_BLOCK_HEADING, l->s);
        } else
            ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
    }
    free(pulled);
    free(hash);
    /* a heading with nothing under it is furniture */
    while (a->n_blocks && a->blocks[a->n_blocks - 1].kind == ORA_BLOCK_HEADING) {
        free(a->blocks[--a->n_blocks].text);
    }
}

/* ── No article ──────────────────────────────────────────────────────── */

static size_t body_words(const ora_article *a)
{
    size_t w = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (a->blocks[i].kind == ORA_BLOCK_CAPTION)
            continue;
        w += spaced_words(a->blocks[i].text);
    }
    return w;
}

/* How many lines match a cue of this kind ("consent", "error", "login"). */
static size_t count_cues(const reader *r, const phrase_list *cues, const char *kind)
{
    size_t hits = 0;
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < r->n; i++) {
        if (r->l[i].len > 300)
            continue;
        b.len = 0;
        sb_printf(&b, "%s|%s", kind, r->l[i].s);
        if (phrase_list_matches(cues, b.s))
            hits++;
    }
    sb_free(&b);
    return hits;
}

/* The number a heading opens on ("3. Réparer les fuites", "3) …", "#3 …"),
 * or -1. */
static int heading_number(const char *s)
{
    if (*s == '#')
        s++;
    if (!isdigit((unsigned char)*s))
        return -1;
    int n = atoi(s);
    while (isdigit((unsigned char)*s))
        s++;
    return (s[0] == '.' || s[0] == ')' || s[0] == ' ') && n < 1000 ? n : -1;
}

/* Teasers: a front page alternates headlines and one-sentence summaries,
 * so its "article" is as many headings as paragraphs, all short. A list
 * article has that shape too ("Huit gestes pour…": a numbered heading and
 * a short paragraph, eight times), but its headings count up; so has a
 * guide in parts ("Réserver tôt", "Bien dormir"), but its headings are
 * short, a headline's five words or more on average. */
static bool front_page(const ora_article *a)
{
    size_t heads = 0, paras = 0, counted = 0, head_words = 0, words = body_words(a);
    int next = -1;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const char *t = a->blocks[i].text;
        /* a live's posts have timed headings; a front page's have none */
        if (a->blocks[i].kind == ORA_BLOCK_HEADING && !stamped(t)) {
            heads++;
            head_words += spaced_words(t);
            int n = heading_number(t);
            counted += n >= 0 && (next < 0 || n == next);
            next = n >= 0 ? n + 1 : next;
        }
        paras += a->blocks[i].kind == ORA_BLOCK_PARAGRAPH;
    }
    if (counted * 4 >= heads * 3 || head_words < 5 * heads)
        return false; /* a headline says something; "Book early" heads a part */
    return heads >= 4 && heads * 2 >= paras && paras && words / paras < 40;
}

/* A consent wall has prose too: its "article" is mostly about cookies. A
 * paragraph of it names two things of the wall (cookies and partners,
 * consent and personal data) or is short; an article's paragraph that
 * only mentions cookies (baked ones, or a browser's) is none. */
static bool consent_prose(const reader *r)
{
    phrase_list cues;
    ora_error err;
    if (phrase_list_load_folded("rules/fr/not-article.txt", &cues, &err) < 0)
        return false;
    size_t cue = 0, all = 0;
    strbuf b;
    sb_init(&b);
    for (size_t i = r->body; i < r->stop; i++) {
        if (r->l[i].cls != GOOD)
            continue;
        all += r->l[i].words;
        b.len = 0;
        sb_printf(&b, "consent|%s", r->l[i].s);
        size_t hits = r->l[i].len < 1000 ? phrase_list_count(&cues, b.s) : 0;
        if (hits >= 2 || (hits == 1 && r->l[i].words <= 30))
            cue += r->l[i].words;
    }
    sb_free(&b);
    phrase_list_free(&cues);
    return all && cue * 2 >= all;
}

static const char *what_instead(const reader *r, size_t furniture)
{
    ora_article *a = r->a;
    size_t words = body_words(a);
    if (words >= MIN_ARTICLE_WORDS) {
        if (front_page(a))
            return "a front page of headlines";
        /* a consent wall is a few paragraphs, not a long article */
        return words < 400 && consent_prose(r) ? "a consent wall" : NULL;
    }
    /* a short piece (a podcast's summary) under its title and byline */
    if (words && a->title && a->byline)
        return NULL;
    if (furniture == 0)
        return NULL; /* bare prose, however short, is what the user wrote */
    phrase_list cues;
    ora_error err;
    const char *what = NULL;
    if (phrase_list_load_folded("rules/fr/not-article.txt", &cues, &err) == 0) {
        if (count_cues(r, &cues, "error"))
            what = "an error page";
        else if (count_cues(r, &cues, "login") >= 2)
            what = "a login form";
        else if (count_cues(r, &cues, "consent"))
            what = "a consent wall";
        else if (count_cues(r, &cues, "links"))
            what = "a page of links";
        phrase_list_free(&cues);
    }
    if (!what) {
        size_t goods = 0;
        for (size_t i = 0; i < r->n; i++)
            goods += r->l[i].own == GOOD;
        /* no cue says what it is: say what is known, that it is short */
        what = goods >= 4 ? "a front page of headlines"
                          : "a scrap of text, too short for an article (under " \
                            STRINGIFY(MIN_ARTICLE_WORDS) " words)";
    }
    return what;
}

/* ── Entry ───────────────────────────────────────────────────────────── */

static int load_rules(reader *r, ora_error *err)
{
    if (boilerplate_load(&r->bp, err) < 0)
        return -1;
    if (read_cues_load(&r->cues, err) < 0) {
        boilerplate_free(&r->bp);
        return -1;
    }
    /* every language's: a copy of a German page has the same shape */
    if (lang_all_stopwords(&r->stops, err) < 0) {
        boilerplate_free(&r->bp);
        read_cues_free(&r->cues);
        return -1;
    }
    for (size_t i = 0; i < r->stops.n && i < STOP_SLOTS / 2; i++) {
        size_t h = hash_text(r->stops.items[i]) % STOP_SLOTS;
        while (r->stop_slot[h])
            h = (h + 1) % STOP_SLOTS;
        r->stop_slot[h] = r->stops.items[i];
        size_t n = strlen(r->stops.items[i]);
        r->stop_max = n > r->stop_max ? n : r->stop_max;
    }
    return 0;
}

/* Furniture lines in a row that part the article from a box under it. */
#define BOX_GAP 4

/* Lines of [from, to), not page furniture, that the page shows again
 * under the stretch. */
static size_t shown_below(const reader *r, const seen_set *below, size_t from, size_t to)
{
    size_t again = 0;
    for (size_t k = from; k < to; k++) {
        const line *l = &r->l[k];
        again += l->words >= 4 && !l->drop && !l->meta && !l->credit_in && !l->end &&
                 seen_set_has(below, hash_block(l->s));
    }
    return again;
}

/* A box of teasers under the article ("À la une": a picture's text, a
 * headline, again and again) reads like prose line by line, but its
 * headlines come back further down the page (a "most read" list), where
 * an article's own lines do not. After a strong run of prose, a part set
 * off by a gap of furniture, with two lines or more that the page shows
 * again under the stretch, ends the article before the gap. */
static void end_before_repeated(reader *r)
{
    seen_set below = {0};
    for (size_t i = r->stop; i < r->n; i++)
        if (r->l[i].words >= 4)
            seen_set_add(&below, hash_block(r->l[i].s));
    size_t words = 0, gap = 0, gap_at = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        if (r->l[i].cls != GOOD) {
            if (!gap++)
                gap_at = i;
            continue;
        }
        if (gap >= BOX_GAP && words >= STRONG_RUN) {
            size_t end = i, run = 0; /* the part: up to the next gap */
            for (; end < r->stop && run < BOX_GAP; end++)
                run = r->l[end].cls == GOOD ? 0 : run + 1;
            if (shown_below(r, &below, i, end) >= 2) {
                r->stop = gap_at;
                break;
            }
        }
        gap = 0;
        words += r->l[i].words;
    }
    seen_set_free(&below);
}

int ora_read_text(const char *data, size_t len, ora_article *a, ora_error *err)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    if (load_rules(&r, err) < 0)
        return -1;
    split_lines(&r, data, len);
    classify(&r);
    split_bylines(&r);
    smooth(&r);
    if (find_stretch(&r)) {
        end_stretch(&r);
        drop_box(&r);
        end_at_signature(&r);
        end_live(&r);
        end_teasers(&r);
        end_at_see_also(&r);
        end_before_repeated(&r);
        drop_last_blurb(&r);
        read_head(&r);
        read_body(&r);
        title_over_its_dek(&r);
    } else if (r.n) {
        /* nothing scores: still say what the top of the input is */
        r.body = r.stop = 0;
        r.title_at = r.lede_at = r.byline_at = r.n;
        for (size_t i = 0; i < r.n && !a->title; i++)
            if (title_like(&r.l[i]) && !in_menu(&r, i))
                a->title = ora_strdup(r.l[i].s);
    }
#ifdef TEXT_DEBUG /* -DTEXT_DEBUG: each line's own and smoothed class, for tuning */
    for (size_t i = 0; i < r.n; i++)
        fprintf(stderr, "%4zu %c%c %s%s%s %3zu %.2f %.70s\n", i, "bsnG"[r.l[i].own],
                "bsnG"[r.l[i].cls], i >= r.body && i < r.stop ? "|" : " ",
                r.l[i].meta ? "M" : r.l[i].credit_in ? "c" : " ", r.l[i].end ? "E" : r.l[i].drop ? "d" : " ",
                r.l[i].words, r.l[i].stops, r.l[i].s);
#endif
    /* Furniture: what is neither the article nor its head. Bare prose
     * has none, even when its title line stands alone. */
    size_t furniture = 0;
    for (size_t i = 0; i < r.n; i++)
        furniture += r.l[i].cls == BAD && (i < r.body || i >= r.stop) && i != r.title_at &&
                     i != r.lede_at && !r.l[i].meta;
    const char *instead = what_instead(&r, furniture);
    if (instead)
        a->not_article = ora_strdup(instead);
    a->lang = ora_strdup("fr");
    for (size_t i = 0; i < r.n; i++)
        free(r.l[i].s), free(r.l[i].raw);
    free(r.l);
    seen_set_free(&r.seen);
    phrase_list_free(&r.stops);
    boilerplate_free(&r.bp);
    read_cues_free(&r.cues);
    return 0;
}
