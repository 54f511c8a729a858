/* The reader for browser copies ("select all, copy"): one block a line.
 *
 * A copy has no markup, so structure comes from anchors and from the shape
 * of lines. The meta lines ("Par …", "Publié le …", "| Le 19 février 2020")
 * are the most reliable landmark on French news pages: the title, lede and
 * byline stand right above them, the body below, and the navigation that
 * precedes the title is dropped with everything else above it.
 *
 * In the body, prose lines (sentences of some length) are the article;
 * short lines are kept only as sub-headings standing between two pieces of
 * prose, or as a caption when a photo credit follows them. Everything else
 * (share buttons, promotions, video titles) is furniture. The body ends at a
 * paywall cue (truncated), at an end marker such as "Commentaires" or the
 * signature line, or when prose stops for good. The phrases come from the
 * same rules/fr/boilerplate-*.txt files as the page reader's. */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A run of this many lines without prose after the body means the article
 * is over (footer, link lists), even without an end marker. */
#define MAX_LINES_WITHOUT_PROSE 12
/* How far below a short line the prose may start for it to be a heading
 * (a photo and its caption may sit between them). */
#define HEADING_LOOKAHEAD 4

typedef struct {
    char **lines;
    size_t n;
} line_list;

typedef struct {
    const line_list *ll;
    const boilerplate *bp;
    ora_article *a;
} text_reader;

/* Splits on newlines; squashes spaces; keeps non-blank lines only. */
static void split_lines(const char *data, size_t len, line_list *ll)
{
    size_t cap = 0;
    ll->lines = NULL, ll->n = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        char *t = text_squash(data + i, end - i);
        if (t[0] && ll->n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(ll->lines, cap * sizeof *ll->lines);
            if (!grown) {
                free(t);
                break;
            }
            ll->lines = grown;
        }
        if (t[0])
            ll->lines[ll->n++] = t;
        else
            free(t);
        i = end + 1;
    }
}

static void free_lines(line_list *ll)
{
    for (size_t i = 0; i < ll->n; i++)
        free(ll->lines[i]);
    free(ll->lines);
}

/* The length of a list bullet at the start of s, 0 if none. */
static size_t bullet_len(const char *s)
{
    if (str_starts_with(s, "\xE2\x80\xA2 ")) /* • */
        return 4;
    if (str_starts_with(s, "- ") || str_starts_with(s, "* "))
        return 2;
    return 0;
}

static const char *after_prefix(const char *s, const char *const *prefixes)
{
    for (; *prefixes; prefixes++)
        if (str_starts_with(s, *prefixes))
            return s + strlen(*prefixes);
    return NULL;
}

static const char *const byline_prefixes[] = {"Par ", "De notre ", "By ",
                                              "Un texte de ", NULL};
static const char *const published_prefixes[] = {
    "Publié le ", "Publié aujourd'hui", "Mis à jour le ", "| Le ", "Le ", NULL};
static const char *const modified_markers[] = {
    "modifié le ", "Mis à jour le ", "mis à jour le ", "Modifié le ", NULL};

static bool parse_published(const char *s, ora_article *a)
{
    const char *p = after_prefix(s, published_prefixes);
    char iso[32];
    if (!p || !parse_french_datetime(p, iso))
        return false;
    if (a) {
        free(a->published);
        a->published = ora_strdup(iso);
        for (const char *const *m = modified_markers; *m; m++) {
            const char *q = strstr(p, *m);
            if (q && parse_french_datetime(q + strlen(*m), iso)) {
                free(a->modified);
                a->modified = ora_strdup(iso);
                break;
            }
        }
    }
    return true;
}

static bool is_byline(const char *s) { return after_prefix(s, byline_prefixes) != NULL; }
static bool is_dateline(const char *s) { return parse_published(s, NULL); }

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (*p)
            n++;
        while (*p && *p != ' ')
            p++;
    }
    return n;
}

static bool ends_sentence(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ')' ||
           c == '"' || (n >= 2 && strcmp(s + n - 2, "\xC2\xBB") == 0) || /* » */
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0);            /* … */
}

/* A line of article prose: a sentence of some length, or a long line. */
static bool is_prose(const char *s)
{
    return (ends_sentence(s) && count_words(s) >= 8) || strlen(s) >= 200;
}

/* A title is a short line that does not end a sentence. */
static bool looks_like_title(const char *s)
{
    size_t n = strlen(s);
    return n >= 15 && n <= 300 && !bullet_len(s) && s[n - 1] != '.' &&
           strchr(s, ' ') != NULL;
}

/* "Ophélie Ostermann": two to five words, each capitalized, nothing else. */
static bool looks_like_name(const char *s)
{
    size_t words = count_words(s);
    if (words < 2 || words > 5 || strpbrk(s, ".:!?,;0123456789"))
        return false;
    for (const char *p = s; *p; p++)
        if ((p == s || p[-1] == ' ') && islower((unsigned char)*p))
            return false;
    return true;
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

/* A photo caption in a copy: one sentence that ends on where and when the
 * photo was taken ("…, à Bruxelles, le 7 mai."). */
static bool looks_like_caption(const char *s)
{
    const char *p = strstr(s, ", le ");
    if (!p || strstr(s, ". ") != NULL)
        return false;
    char iso[32];
    const char *q = p + strlen(", le ");
    int day = atoi(q);
    if (parse_french_datetime(q, iso))
        return true;
    /* "le 7 mai." has no year */
    while (isdigit((unsigned char)*q))
        q++;
    if (str_starts_with(q, "er"))
        q += 2;
    if (day < 1 || *q != ' ')
        return false;
    q++;
    const char *end = strchr(q, '.');
    return end && end[1] == '\0' && french_month(q, (size_t)(end - q));
}

/* Furniture whatever its place: boilerplate phrases and short credits. */
static bool is_furniture(const text_reader *r, const char *s)
{
    return boilerplate_is_drop(r->bp, s) ||
           (strlen(s) < 60 && boilerplate_is_credit(r->bp, s));
}

/* Index of the first meta line (byline or date) after a title, or n. */
static size_t find_meta(const line_list *ll)
{
    for (size_t i = 1; i < ll->n; i++)
        if (is_byline(ll->lines[i]) || is_dateline(ll->lines[i]))
            return i;
    return ll->n;
}

/* Reads title, lede and an unprefixed byline above the meta line. */
static void read_head(text_reader *r, size_t meta)
{
    const line_list *ll = r->ll;
    ora_article *a = r->a;
    const char *lede = NULL, *title = NULL;
    for (size_t i = meta; i-- > 0;) {
        const char *s = ll->lines[i];
        if (is_furniture(r, s) || bullet_len(s))
            continue;
        if (!a->byline && !lede && !title && i + 1 == meta && looks_like_name(s)) {
            a->byline = undouble(s);
            continue;
        }
        if (!lede && !title && ends_sentence(s) && strlen(s) > 60) {
            lede = s;
            continue;
        }
        if (looks_like_title(s)) {
            title = s;
            break;
        }
        if (lede) /* the line above a lede must be the title */
            break;
    }
    a->title = ora_strdup(title);
    a->lede = ora_strdup(lede);
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
    return t;
}

/* Reads meta lines right after the head; returns the first body line. */
static size_t read_meta(text_reader *r, size_t i)
{
    const line_list *ll = r->ll;
    ora_article *a = r->a;
    for (; i < ll->n; i++) {
        const char *s = ll->lines[i];
        const char *by = after_prefix(s, byline_prefixes);
        if (by && !a->byline) {
            a->byline = byline_text(by);
        } else if (!a->published && parse_published(s, a)) {
            /* dates read */
        } else if (!is_furniture(r, s)) {
            break;
        }
    }
    return i;
}

/* The signature line under an article repeats the byline. */
static bool is_signature(const ora_article *a, const char *s)
{
    if (!a->byline || strlen(a->byline) < 5)
        return false;
    const char *p = after_prefix(s, byline_prefixes);
    p = p ? p : s;
    size_t name = strcspn(a->byline, "(,");
    while (name && a->byline[name - 1] == ' ')
        name--;
    return name >= 5 && strncmp(p, a->byline, name) == 0 && strlen(p) < name + 60;
}

static bool same_as_title(const ora_article *a, const char *s)
{
    if (!a->title)
        return false;
    size_t n = strlen(a->title);
    return strncmp(s, a->title, n) == 0 && (s[n] == '\0' || (s[n] == '.' && !s[n + 1]));
}

static bool is_credit_line(const text_reader *r, size_t i)
{
    return i < r->ll->n && strlen(r->ll->lines[i]) < 60 &&
           boilerplate_is_credit(r->bp, r->ll->lines[i]);
}

/* A short line is a sub-heading when prose stands above it (or the body
 * just started) and prose follows within a few lines. */
static bool is_heading(const text_reader *r, size_t i, bool prose_above)
{
    const char *s = r->ll->lines[i];
    size_t n = strlen(s);
    if (!prose_above || n < 3 || n > 150 || bullet_len(s))
        return false;
    if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == ':' || s[n - 1] == ';')
        return false;
    for (size_t j = i + 1; j < r->ll->n && j <= i + HEADING_LOOKAHEAD; j++) {
        const char *t = r->ll->lines[j];
        if (is_prose(t) && !is_furniture(r, t))
            return true;
        if (boilerplate_is_end(r->bp, t) || boilerplate_is_cut(r->bp, t))
            return false;
    }
    return false;
}

/* When the lede was not above the meta lines, it is the first prose line
 * below them if furniture, not more prose, follows it. */
static bool is_lede_below(const text_reader *r, size_t i)
{
    for (size_t b = 0; b < r->a->n_blocks; b++)
        if (r->a->blocks[b].kind != ORA_BLOCK_CAPTION)
            return false;
    if (r->a->lede || strlen(r->ll->lines[i]) >= 400)
        return false;
    size_t next = i + 1;
    while (next < r->ll->n && is_furniture(r, r->ll->lines[next]))
        next++;
    return next < r->ll->n && !is_prose(r->ll->lines[next]);
}

/* Where a body line stops the article: a paywall cut (truncated) or an end
 * marker. */
static bool body_ends(text_reader *r, const char *s)
{
    if (boilerplate_is_cut(r->bp, s)) {
        r->a->truncated = true;
        r->a->remaining_percent = paywall_percent(s);
        return true;
    }
    return boilerplate_is_end(r->bp, s) ||
           (r->a->n_blocks > 0 && is_signature(r->a, s));
}

static void read_body(text_reader *r, size_t i)
{
    const line_list *ll = r->ll;
    ora_article *a = r->a;
    bool prose_above = true, in_list = false;
    size_t since_prose = 0;
    for (; i < ll->n && since_prose < MAX_LINES_WITHOUT_PROSE; i++) {
        const char *s = ll->lines[i];
        if (body_ends(r, s))
            return;
        since_prose++;
        if (is_furniture(r, s) || (same_as_title(a, s) && !is_credit_line(r, i + 1)))
            continue;
        size_t bl = bullet_len(s);
        if (is_credit_line(r, i + 1) || (a->n_blocks == 0 && looks_like_caption(s))) {
            ora_article_add_block(a, ORA_BLOCK_CAPTION, s);
        } else if (bl && in_list) {
            ora_article_add_block(a, ORA_BLOCK_LIST_ITEM, s + bl);
            since_prose = 0;
        } else if (is_prose(s)) {
            bool lede = is_lede_below(r, i);
            if (lede)
                a->lede = ora_strdup(s);
            else
                ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, s);
            in_list = s[strlen(s) - 1] == ':';
            prose_above = !lede; /* a heading stands between body paragraphs */
            since_prose = 0;
            continue;
        } else if (is_heading(r, i, prose_above)) {
            ora_article_add_block(a, ORA_BLOCK_HEADING, s);
        }
        prose_above = false;
    }
}

int ora_read_text(const char *data, size_t len, ora_article *a, ora_error *err)
{
    boilerplate bp;
    if (boilerplate_load(&bp, err) < 0)
        return -1;
    line_list ll;
    split_lines(data, len, &ll);
    text_reader r = {&ll, &bp, a};
    size_t meta = find_meta(&ll);
    size_t body = 0;
    if (meta < ll.n) {
        read_head(&r, meta);
        body = read_meta(&r, meta);
    } else {
        /* No meta line: the first title-like line is the title. */
        for (; body < ll.n; body++)
            if (!is_furniture(&r, ll.lines[body]) && looks_like_title(ll.lines[body]))
                break;
        if (body < ll.n)
            a->title = ora_strdup(ll.lines[body++]);
    }
    read_body(&r, body);
    a->lang = ora_strdup("fr");
    free_lines(&ll);
    boilerplate_free(&bp);
    return 0;
}
