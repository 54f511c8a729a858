/* The reader for browser copies ("select all, copy"): one block a line.
 *
 * A copy has no markup, so structure comes from anchors. The meta lines
 * ("Par …", "Publié le …") are the most reliable landmark on French news
 * pages: the title and lede stand right above them, the body right below,
 * and the navigation that precedes the title is dropped with everything else
 * above it. The body ends at the paywall cut (rules/fr/boilerplate-cut.txt). */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char **lines;
    size_t n;
} line_list;

/* Splits on newlines; squashes spaces; keeps non-blank lines only. */
static void split_lines(const char *data, size_t len, line_list *ll)
{
    size_t cap = 0;
    ll->lines = NULL, ll->n = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        char *t = text_squash(data + i, end - i);
        if (t[0]) {
            if (ll->n == cap) {
                cap = cap ? cap * 2 : 64;
                ll->lines = realloc(ll->lines, cap * sizeof *ll->lines);
            }
            ll->lines[ll->n++] = t;
        } else {
            free(t);
        }
        i = end + 1;
    }
}

static void free_lines(line_list *ll)
{
    for (size_t i = 0; i < ll->n; i++)
        free(ll->lines[i]);
    free(ll->lines);
}

static bool is_bullet(const char *s)
{
    return str_starts_with(s, "\xE2\x80\xA2") || str_starts_with(s, "- ") ||
           str_starts_with(s, "* ");
}

static const char *after_prefix(const char *s, const char *const *prefixes)
{
    for (; *prefixes; prefixes++)
        if (str_starts_with(s, *prefixes))
            return s + strlen(*prefixes);
    return NULL;
}

static const char *const byline_prefixes[] = {"Par ", "De notre ", "By ", NULL};
static const char *const published_prefixes[] = {
    "Publié le ", "Publié aujourd'hui", "| Le ", "Le ", NULL};
static const char *const modified_markers[] = {
    "modifié le ", "Mis à jour le ", "mis à jour le ", "Modifié le ", NULL};

static bool parse_published(const char *s, ora_article *a)
{
    const char *p = after_prefix(s, published_prefixes);
    char iso[32];
    if (!p || !parse_french_datetime(p, iso))
        return false;
    a->published = ora_strdup(iso);
    for (const char *const *m = modified_markers; *m; m++) {
        const char *q = strstr(p, *m);
        if (q && parse_french_datetime(q + strlen(*m), iso)) {
            a->modified = ora_strdup(iso);
            break;
        }
    }
    return true;
}

static bool is_byline(const char *s) { return after_prefix(s, byline_prefixes) != NULL; }

/* A title is a short line that does not end a sentence. */
static bool looks_like_title(const char *s)
{
    size_t n = strlen(s);
    return n >= 15 && n <= 300 && !is_bullet(s) && s[n - 1] != '.' &&
           strchr(s, ' ') != NULL;
}

static bool ends_sentence(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' ||
           str_starts_with(s + (n >= 2 ? n - 2 : 0), "\xC2\xBB") ||
           (n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0);
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

/* Index of the first meta line (byline or date) after a title, or n. */
static size_t find_meta(const line_list *ll, ora_article *a)
{
    for (size_t i = 1; i < ll->n; i++) {
        const char *s = ll->lines[i];
        if (is_byline(s))
            return i;
        ora_article probe;
        ora_article_init(&probe);
        bool dated = parse_published(s, &probe);
        ora_article_free(&probe);
        if (dated)
            return i;
    }
    (void)a;
    return ll->n;
}

/* Reads title and lede above the meta line, skipping boilerplate. */
static void read_head(const line_list *ll, size_t meta, const boilerplate *bp,
                      ora_article *a)
{
    size_t i = meta;
    const char *lede = NULL, *title = NULL;
    while (i-- > 0) {
        const char *s = ll->lines[i];
        if (boilerplate_is_drop(bp, s) || is_bullet(s))
            continue;
        if (!lede && !title && ends_sentence(s) && strlen(s) > 60) {
            lede = s;
            continue;
        }
        if (looks_like_title(s)) {
            title = s;
            break;
        }
        if (!title && lede) /* the line above a lede must be the title */
            break;
    }
    a->title = ora_strdup(title);
    a->lede = ora_strdup(lede);
}

/* Reads meta lines right after the head; returns the first body line. */
static size_t read_meta(const line_list *ll, size_t i, const boilerplate *bp,
                        ora_article *a)
{
    for (; i < ll->n; i++) {
        const char *s = ll->lines[i];
        const char *by = after_prefix(s, byline_prefixes);
        if (by && !a->byline) {
            a->byline = text_squash(by, strlen(by));
        } else if (!a->published && parse_published(s, a)) {
            /* dates read */
        } else if (!boilerplate_is_drop(bp, s)) {
            break;
        }
    }
    return i;
}

static void read_body(const line_list *ll, size_t i, const boilerplate *bp,
                      ora_article *a)
{
    bool first = true;
    for (; i < ll->n; i++) {
        const char *s = ll->lines[i];
        if (boilerplate_is_cut(bp, s)) {
            a->truncated = true;
            a->remaining_percent = paywall_percent(s);
            return;
        }
        if (boilerplate_is_drop(bp, s) || is_bullet(s))
            continue;
        ora_block_kind kind = ORA_BLOCK_PARAGRAPH;
        if (first && looks_like_caption(s))
            kind = ORA_BLOCK_CAPTION;
        else if (!ends_sentence(s) && strlen(s) < 120)
            kind = ORA_BLOCK_HEADING;
        first = false;
        ora_article_add_block(a, kind, s);
    }
}

int ora_read_text(const char *data, size_t len, ora_article *a, ora_error *err)
{
    boilerplate bp;
    if (boilerplate_load(&bp, err) < 0)
        return -1;
    line_list ll;
    split_lines(data, len, &ll);
    size_t meta = find_meta(&ll, a);
    size_t body = 0;
    if (meta < ll.n) {
        read_head(&ll, meta, &bp, a);
        body = read_meta(&ll, meta, &bp, a);
    } else {
        /* No meta line: the first title-like line is the title. */
        for (; body < ll.n; body++)
            if (!boilerplate_is_drop(&bp, ll.lines[body]) &&
                looks_like_title(ll.lines[body]))
                break;
        if (body < ll.n)
            a->title = ora_strdup(ll.lines[body++]);
    }
    read_body(&ll, body, &bp, a);
    a->lang = ora_strdup("fr");
    free_lines(&ll);
    boilerplate_free(&bp);
    return 0;
}
