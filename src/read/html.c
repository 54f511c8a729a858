/* The reader for pages: libxml2's HTML parser on the page's own encoding,
 * then metadata (JSON-LD, Open Graph, article:, Dublin Core, <title>,
 * <html lang>), then the body: from the container that the site rules name,
 * or, for sites without rules, from the containers the scoring fallback
 * picks (readability.c).
 *
 * Header fields prefer what the page shows (the site rule's title element)
 * over what it declares (JSON-LD, Open Graph), because declarations are
 * often shortened for social cards; dates and authors prefer declarations,
 * which are machine-readable. */
#include "charset.h"
#include "internal.h"
#include "jsonld.h"
#include "readability.h"
#include "selector.h"
#include "site.h"
#include "squash.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Marks a <br> in gathered text until paragraphs are split at "<br><br>". */
#define BR_MARK '\x01'
/* A block or list mostly made of link text is navigation ("Lire aussi",
 * related articles), not article. */
#define MAX_LINK_DENSITY 0.5
/* Bytes of text from which a paragraph is prose whatever its links. */
#define LONG_PARAGRAPH 200
/* A paid-part selector whose matches hold less text is a subscribe box. */
#define MIN_PAID_TEXT 200

typedef struct {
    char *og_title, *og_description, *og_site, *og_url, *canonical;
    char *published, *modified, *author, *content_tier, *doc_title;
    char *publisher, *lang, *dc_title;
} page_meta;

typedef struct {
    const site_rules *rules;
    const boilerplate *bp;
    const readability_words *words; /* set on pages read by the fallback */
    const char *paid_selector;      /* NULL when it names no article part */
    ora_article *a;
    bool stopped; /* reached the paywall or the end of the article */
    size_t container_len; /* visible text of the containers walked */
    strbuf run;   /* inline text waiting for the next block boundary */
} body_walk;

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? text_squash((char *)v, strlen((char *)v)) : NULL;
    xmlFree(v);
    return s;
}

static void set_once(char **field, char *value)
{
    if (!*field && value && *value)
        *field = value;
    else
        free(value);
}

static bool style_hides(xmlNodePtr n)
{
    if (!xmlHasProp(n, BAD_CAST "style"))
        return false;
    char *style = prop(n, "style");
    bool hidden = false;
    if (style) {
        for (char *p = style; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        hidden = strstr(style, "display:none") || strstr(style, "display: none") ||
                 strstr(style, "visibility:hidden") || strstr(style, "visibility: hidden");
    }
    free(style);
    return hidden;
}

/* Elements whose content is never article text. */
static bool never_text(xmlNodePtr n)
{
    static const char *const tags[] = {"script", "style", "noscript", "template",
                                       "svg", "button", "form", "iframe", "select",
                                       "input", "textarea", "img", "video", "audio",
                                       "picture", "source", "object", "embed",
                                       "canvas", "map", "aside", "nav", "head",
                                       "title", "meta", "link", NULL};
    if ((node_is_one_of(n, tags) && !(node_is(n, "form") && readability_page_form(n))) ||
        xmlHasProp(n, BAD_CAST "hidden"))
        return true;
    char *aria = xmlHasProp(n, BAD_CAST "aria-hidden") ? prop(n, "aria-hidden") : NULL;
    bool hidden = aria && strcmp(aria, "true") == 0 && !node_is(n, "figcaption") &&
                  !node_is(n, "span");
    free(aria);
    return hidden || style_hides(n);
}

static void gather_text(xmlNodePtr n, const site_rules *r, strbuf *b)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                sb_adds(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (never_text(c) || selector_matches(c, r->credit) ||
                selector_matches(c, r->drop))
                continue;
            if (node_is(c, "br"))
                sb_addc(b, BR_MARK);
            else if (node_is(c, "p") || node_is(c, "div") || node_is(c, "li"))
                sb_addc(b, ' '); /* block edges separate words */
            gather_text(c->children, r, b);
        }
    }
}

/* Squashes text; a lone <br> becomes a space. NULL when blank. */
static char *squash_piece(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (t && squash_into(s, n, t, false) > 0)
        return t;
    free(t);
    return NULL;
}

/* The visible text of an element, squashed; NULL when blank. */
static char *element_text(xmlNodePtr n, const site_rules *r)
{
    strbuf b;
    sb_init(&b);
    gather_text(n->children, r, &b);
    char *t = squash_piece(b.s ? b.s : "", b.len);
    sb_free(&b);
    return t;
}

static void read_meta_tag(xmlNodePtr n, page_meta *m)
{
    char *key = prop(n, "property");
    if (!key)
        key = prop(n, "name");
    if (!key)
        key = prop(n, "itemprop");
    if (!key)
        return;
    for (char *p = key; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    char *content = prop(n, "content"), dc[64];
    if (!content) /* some pages write value= */
        content = prop(n, "value");
    const char *k = key;
    if (str_starts_with(k, "og:article:"))
        k += 3;
    if (str_starts_with(k, "dcterms.")) { /* dcterms.creator = dc.creator */
        snprintf(dc, sizeof dc, "dc.%s", k + strlen("dcterms."));
        k = dc;
    }
    if (strcmp(k, "og:title") == 0) set_once(&m->og_title, content);
    else if (strcmp(k, "og:description") == 0 || strcmp(k, "description") == 0) set_once(&m->og_description, content);
    else if (strcmp(k, "og:site_name") == 0) set_once(&m->og_site, content);
    else if (strcmp(k, "og:url") == 0) set_once(&m->og_url, content);
    else if (strcmp(k, "article:published_time") == 0 || strcmp(k, "datepublished") == 0 ||
             strcmp(k, "dc.date") == 0 || strcmp(k, "dc.date.issued") == 0) set_once(&m->published, content);
    else if (strcmp(k, "article:modified_time") == 0 || strcmp(k, "datemodified") == 0 ||
             strcmp(k, "dc.modified") == 0) set_once(&m->modified, content);
    else if (strcmp(k, "article:author") == 0 || strcmp(k, "author") == 0 ||
             strcmp(k, "dc.creator") == 0) set_once(&m->author, content);
    else if (strcmp(k, "article:content_tier") == 0) set_once(&m->content_tier, content);
    else if (strcmp(k, "publisher") == 0 || strcmp(k, "dc.publisher") == 0) set_once(&m->publisher, content);
    else if (strcmp(k, "dc.language") == 0 || strcmp(k, "language") == 0 ||
             strcmp(k, "content-language") == 0) set_once(&m->lang, content);
    else if (strcmp(k, "dc.title") == 0) set_once(&m->dc_title, content);
    else free(content);
    free(key);
}

/* One pass over the whole tree for metadata, wherever pages put it. */
static void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(n, "meta")) {
            read_meta_tag(n, m);
        } else if (node_is(n, "title") && !m->doc_title) {
            xmlChar *t = xmlNodeGetContent(n);
            if (t)
                set_once(&m->doc_title, text_squash((char *)t, strlen((char *)t)));
            xmlFree(t);
        } else if (node_is(n, "link")) {
            char *rel = prop(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                set_once(&m->canonical, prop(n, "href"));
            free(rel);
        } else if (node_is(n, "script")) {
            char *type = prop(n, "type");
            if (type && strcasecmp(type, "application/ld+json") == 0) {
                xmlChar *t = xmlNodeGetContent(n);
                if (t)
                    jsonld_read((char *)t, strlen((char *)t), j);
                xmlFree(t);
            }
            free(type);
            continue;
        }
        read_metadata(n->children, m, j);
    }
}

static void page_meta_free(page_meta *m)
{
    free(m->og_title), free(m->og_description), free(m->og_site);
    free(m->og_url), free(m->canonical), free(m->published);
    free(m->modified), free(m->author), free(m->content_tier);
    free(m->doc_title), free(m->publisher), free(m->lang), free(m->dc_title);
}

/* ── The body ──────────────────────────────────────────────────────────── */

static void add_block(body_walk *w, ora_block_kind kind, char *text);

static bool at_paywall(body_walk *w, xmlNodePtr n)
{
    if (!selector_matches(n, w->rules->cut) &&
        !selector_matches(n, w->paid_selector))
        return false;
    char *pct = prop(n, "data-percentage");
    if (pct && atof(pct) > 0 && atof(pct) <= 100)
        w->a->remaining_percent = atof(pct);
    else {
        char *t = element_text(n, w->rules);
        if (t && w->a->remaining_percent < 0)
            w->a->remaining_percent = paywall_percent(t);
        free(t);
    }
    free(pct);
    return true;
}

/* Blocks: what a listener hears as one piece. */
static bool block_kind(xmlNodePtr n, ora_block_kind *kind)
{
    static const char *const headings[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    if (node_is(n, "p") || node_is(n, "pre") || node_is(n, "dd"))
        *kind = ORA_BLOCK_PARAGRAPH;
    else if (node_is_one_of(n, headings))
        *kind = ORA_BLOCK_HEADING;
    else if (node_is(n, "blockquote"))
        *kind = ORA_BLOCK_QUOTE;
    else if (node_is(n, "li"))
        *kind = ORA_BLOCK_LIST_ITEM;
    else if (node_is(n, "figcaption"))
        *kind = ORA_BLOCK_CAPTION;
    else
        return false;
    return true;
}

/* Inline elements flow into the paragraph around them. */
static bool is_inline(xmlNodePtr n)
{
    static const char *const tags[] = {"a", "span", "b", "strong", "i", "em", "u",
                                       "s", "small", "sup", "sub", "abbr", "cite",
                                       "q", "time", "mark", "font", "code", "br",
                                       "bdi", "bdo", "dfn", "kbd", "var", "ins",
                                       "del", "wbr", "data", "label", NULL};
    return node_is_one_of(n, tags);
}

static bool has_block_inside(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (!is_inline(c) || has_block_inside(c)))
            return true;
    return false;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Adds the paragraphs of gathered text: "<br><br>" separates two. */
static void add_split_paragraphs(body_walk *w, ora_block_kind kind, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n && !w->stopped; i++) {
        if (s[i] != BR_MARK)
            continue;
        size_t j = i + 1;
        while (j < n && (isspace((unsigned char)s[j])))
            j++;
        if (j < n && s[j] == BR_MARK) {
            char *t = squash_piece(s + start, i - start);
            if (t)
                add_block(w, kind, t);
            start = j + 1;
            i = j;
        }
    }
    char *t = start < n ? squash_piece(s + start, n - start) : NULL;
    if (t && !w->stopped)
        add_block(w, kind, t);
    else
        free(t);
}

static void flush_run(body_walk *w)
{
    if (w->run.len)
        add_split_paragraphs(w, ORA_BLOCK_PARAGRAPH, w->run.s, w->run.len);
    sb_free(&w->run);
}

/* What a body element is not: dropped by the rules, hidden, navigation. */
static bool skip_element(const body_walk *w, xmlNodePtr n)
{
    static const char *const lists[] = {"ul", "ol", "dl", "table", "div", "section", NULL};
    if (never_text(n) || selector_matches(n, w->rules->drop))
        return true;
    /* An unlikely name on an element holding most of the article is a
     * wrapper's ("has-sidebar"), not a sidebar's. */
    if (w->words && readability_unlikely(w->words, n) &&
        visible_text(n) * 2 < w->container_len)
        return true;
    return node_is_one_of(n, lists) && link_density(n) > MAX_LINK_DENSITY;
}

static void walk_body(body_walk *w, xmlNodePtr n, bool in_quote);

/* A list item of links is a related article; a short paragraph of links is
 * an inline "Lire aussi". A long paragraph with many links is still prose. */
static bool is_link_block(xmlNodePtr n, ora_block_kind kind, size_t text_len)
{
    if (kind == ORA_BLOCK_CAPTION || link_density(n) <= MAX_LINK_DENSITY)
        return false;
    return kind == ORA_BLOCK_LIST_ITEM || text_len < LONG_PARAGRAPH;
}

/* One block element: its text, split at "<br><br>", or its parts when it
 * holds other blocks (a quote of several paragraphs, a list in an item). */
static void read_block(body_walk *w, xmlNodePtr n, ora_block_kind kind, bool in_quote)
{
    if (kind == ORA_BLOCK_PARAGRAPH && in_quote)
        kind = ORA_BLOCK_QUOTE;
    if ((kind == ORA_BLOCK_QUOTE || kind == ORA_BLOCK_LIST_ITEM) && has_block_inside(n)) {
        walk_body(w, n->children, kind == ORA_BLOCK_QUOTE);
        flush_run(w);
        return;
    }
    strbuf b;
    sb_init(&b);
    gather_text(n->children, w->rules, &b);
    if (is_link_block(n, kind, b.len)) {
        sb_free(&b);
        return;
    }
    add_split_paragraphs(w, kind, b.s ? b.s : "", b.len);
    sb_free(&b);
}

/* ── Tables ────────────────────────────────────────────────────────────── */

/* The rows of a table, not those of tables nested in it. */
static void table_rows(xmlNodePtr n, node_list *rows)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || node_is(c, "table"))
            continue;
        if (node_is(c, "tr")) {
            if (rows->n < rows->cap)
                rows->nodes[rows->n++] = c;
        } else {
            table_rows(c, rows);
        }
    }
}

static bool is_cell(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && (node_is(n, "td") || node_is(n, "th"));
}

static bool holds_block(xmlNodePtr n)
{
    static const char *const blocks[] = {"table", "p", "div", "ul", "ol", "h1",
                                         "h2", "h3", "h4", "h5", "h6", "blockquote",
                                         "section", "article", "form", "iframe", NULL};
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (node_is_one_of(c, blocks) || holds_block(c)))
            return true;
    return false;
}

#define MAX_ROWS 2000
/* A cell longer than this is prose laid out by a table, not a figure. */
#define MAX_CELL_TEXT 300

/* After Readability's _isDataTable: a table laid out for figures (a caption,
 * headers, or a grid of short cells), not a page laid out with a table. */
static bool is_data_table(xmlNodePtr t, node_list *rows)
{
    char *role = prop(t, "role");
    bool presentation = role && strcmp(role, "presentation") == 0;
    free(role);
    if (presentation || holds_block(t))
        return false;
    table_rows(t, rows);
    size_t cols = 0, th = 0;
    for (size_t i = 0; i < rows->n; i++) {
        size_t c = 0;
        for (xmlNodePtr k = rows->nodes[i]->children; k; k = k->next) {
            if (!is_cell(k))
                continue;
            c++, th += node_is(k, "th");
            xmlChar *txt = xmlNodeGetContent(k);
            size_t len = txt ? strlen((char *)txt) : 0;
            xmlFree(txt);
            if (len > MAX_CELL_TEXT)
                return false;
        }
        cols = c > cols ? c : cols;
    }
    if (rows->n < 2 || cols < 2)
        return false;
    bool captioned = false;
    for (xmlNodePtr c = t->children; c; c = c->next)
        captioned |= c->type == XML_ELEMENT_NODE &&
                     (node_is(c, "caption") || node_is(c, "thead"));
    return captioned || th > 0 || rows->n * cols > 10;
}

static char *cell_text(xmlNodePtr c, const site_rules *r)
{
    char *t = element_text(c, r);
    if (t) /* a line of the block is a row: no newline inside a cell */
        for (char *p = t; *p; p++)
            if (*p == '\n' || *p == BR_MARK)
                *p = ' ';
    return t;
}

/* The column headers: the first row when it is all <th> (or in <thead>). */
static size_t header_row(const node_list *rows, const site_rules *r, char **heads,
                         size_t max)
{
    if (!rows->n)
        return 0;
    xmlNodePtr first = rows->nodes[0];
    bool in_head = first->parent && node_is(first->parent, "thead");
    for (xmlNodePtr k = first->children; k; k = k->next)
        if (is_cell(k) && !node_is(k, "th") && !in_head)
            return 0;
    size_t n = 0;
    for (xmlNodePtr k = first->children; k && n < max; k = k->next)
        if (is_cell(k))
            heads[n++] = cell_text(k, r);
    return n;
}

static void read_table(body_walk *w, xmlNodePtr t, node_list *rows)
{
    strbuf b;
    sb_init(&b);
    for (xmlNodePtr c = t->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && node_is(c, "caption")) {
            char *cap = cell_text(c, w->rules);
            if (cap)
                sb_adds(&b, cap);
            free(cap);
        }
    char *heads[64] = {0};
    size_t nh = header_row(rows, w->rules, heads, 64);
    for (size_t i = nh ? 1 : 0; i < rows->n; i++) {
        size_t col = 0, cells = 0;
        for (xmlNodePtr k = rows->nodes[i]->children; k; k = k->next) {
            if (!is_cell(k))
                continue;
            char *v = cell_text(k, w->rules);
            const char *h = col < nh ? heads[col] : NULL;
            col++;
            if (!v)
                continue;
            sb_adds(&b, cells++ ? ", " : "\n");
            if (h && *h)
                sb_printf(&b, "%s : %s", h, v);
            else
                sb_adds(&b, v);
            free(v);
        }
    }
    for (size_t i = 0; i < nh; i++)
        free(heads[i]);
    if (b.s && strchr(b.s, '\n'))
        ora_article_add_block(w->a, ORA_BLOCK_TABLE, b.s);
    sb_free(&b);
}

/* A data table becomes one table block; a layout table is walked. */
static bool take_table(body_walk *w, xmlNodePtr n)
{
    node_list rows = {NULL, 0, 0};
    rows.nodes = malloc(MAX_ROWS * sizeof *rows.nodes);
    if (!rows.nodes)
        return false;
    rows.cap = MAX_ROWS;
    bool data = is_data_table(n, &rows);
    if (data)
        read_table(w, n, &rows);
    node_list_free(&rows);
    return data;
}

static void walk_node(body_walk *w, xmlNodePtr n, bool in_quote)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            sb_adds(&w->run, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE || skip_element(w, n))
        return;
    if (at_paywall(w, n)) {
        flush_run(w);
        w->stopped = true;
        w->a->truncated = true;
        return;
    }
    ora_block_kind kind;
    if (is_inline(n) && !has_block_inside(n)) {
        if (node_is(n, "br"))
            sb_addc(&w->run, BR_MARK);
        else
            gather_text(n->children, w->rules, &w->run);
        return;
    }
    flush_run(w);
    if (node_is(n, "table") && take_table(w, n))
        return;
    if (block_kind(n, &kind))
        read_block(w, n, kind, in_quote);
    else
        walk_body(w, n->children, in_quote || node_is(n, "blockquote"));
    flush_run(w);
}

static void walk_body(body_walk *w, xmlNodePtr n, bool in_quote)
{
    for (; n && !w->stopped; n = n->next)
        walk_node(w, n, in_quote);
}

/* A short block naming the author ("Un texte de …", "Auteur : …") is the
 * byline, not article text. */
static bool take_signature(ora_article *a, const char *text)
{
    static const char *const prefixes[] = {"Un texte de ", "Auteur : ", "Auteurs : ",
                                           "Auteur: ", "Texte : ", "Par ", NULL};
    if (strlen(text) > 100)
        return false;
    for (const char *const *p = prefixes; *p; p++) {
        if (!str_starts_with(text, *p))
            continue;
        const char *name = text + strlen(*p);
        if (!*name || islower((unsigned char)*name)) /* "Par ailleurs, …" */
            return false;
        if (!a->byline)
            a->byline = ora_strdup(name);
        return true;
    }
    return false;
}

static void add_block(body_walk *w, ora_block_kind kind, char *text)
{
    ora_article *a = w->a;
    if (boilerplate_is_cut(w->bp, text)) {
        w->stopped = true;
        a->truncated = true;
        if (a->remaining_percent < 0)
            a->remaining_percent = paywall_percent(text);
    } else if (a->n_blocks > 0 && boilerplate_is_end(w->bp, text)) {
        w->stopped = true;
    } else if (boilerplate_is_drop(w->bp, text) ||
               (strlen(text) < 60 && boilerplate_is_credit(w->bp, text)) ||
               same_text(text, a->title) || same_text(text, a->lede) ||
               take_signature(a, text) ||
               (a->byline && strncmp(text, a->byline, strlen(a->byline)) == 0 &&
                strlen(text) < strlen(a->byline) + 40)) {
        /* furniture, the header repeated, or the signature */
    } else {
        ora_article_add_block(a, kind, text);
    }
    free(text);
}

/* ── The header ────────────────────────────────────────────────────────── */

static char *rule_text(xmlNodePtr root, const char *sel, const site_rules *r)
{
    xmlNodePtr n = selector_find_first_of(root, sel);
    return n ? element_text(n, r) : NULL;
}

static char *strip_par(char *byline)
{
    if (!byline)
        return NULL;
    const char *p = byline;
    if (str_starts_with(p, "Par ") || str_starts_with(p, "By ") ||
        str_starts_with(p, "par ") || str_starts_with(p, "by "))
        p = strchr(p, ' ') + 1;
    char *s = ora_strdup(p);
    free(byline);
    return s;
}

/* "Titre | Le Site" or "Titre - Le Site" → "Titre". */
static char *strip_site_suffix(const char *title)
{
    if (!title)
        return NULL;
    static const char *const seps[] = {" | ", " - ", " — ", " – ", " : ", NULL};
    for (const char *const *s = seps; *s; s++) {
        const char *last = NULL;
        for (const char *p = strstr(title, *s); p; p = strstr(p + 1, *s))
            last = p;
        if (last && strlen(last) < 40 && last - title > 15)
            return ora_strndup(title, (size_t)(last - title));
    }
    return ora_strdup(title);
}

/* An author meta that is a link is no byline; one that names the desk or
 * the publisher is kept, as the last resort it is (a signature line in the
 * body, read before it, names a person better). */
static const char *person_author(const page_meta *m)
{
    const char *s = m->author;
    return s && !strstr(s, "://") ? s : NULL;
}

static bool title_matches_declared(const char *h1, const jsonld_info *j, const page_meta *m)
{
    const char *declared[] = {j->headline, m->og_title, m->dc_title, m->doc_title};
    for (size_t i = 0; i < 4; i++)
        if (h1 && declared[i] && strlen(h1) > 10 &&
            strncasecmp(h1, declared[i], strlen(h1) < strlen(declared[i]) ? strlen(h1) : strlen(declared[i])) == 0)
            return true;
    return false;
}

static void fill_title(ora_article *a, xmlNodePtr root, const site_rules *r,
                       const page_meta *m, const jsonld_info *j, bool has_rules)
{
    char *shown = rule_text(root, r->title, r);
    if (shown && (has_rules || title_matches_declared(shown, j, m)))
        set_once(&a->title, shown);
    else
        free(shown);
    set_once(&a->title, ora_strdup(j->headline));
    set_once(&a->title, ora_strdup(m->og_title));
    set_once(&a->title, ora_strdup(m->dc_title));
    set_once(&a->title, strip_site_suffix(m->doc_title));
    set_once(&a->title, rule_text(root, r->title, r));
}

/* The first paragraph-like element whose text begins with prefix and is
 * longer than it: where a shortened description comes from. */
static char *find_longer(xmlNodePtr n, const char *prefix, size_t plen,
                         const site_rules *r)
{
    static const char *const tags[] = {"p", "h2", "div", "span", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is_one_of(n, tags) && !has_block_inside(n)) {
            char *t = element_text(n, r);
            if (t && strlen(t) > plen && strncmp(t, prefix, plen) == 0)
                return t;
            free(t);
        } else {
            char *hit = find_longer(n->children, prefix, plen, r);
            if (hit)
                return hit;
        }
    }
    return NULL;
}

/* Descriptions are often cut for search engines ("…", "..."): the page
 * shows the whole lede somewhere; use that when it is found. */
static void complete_lede(ora_article *a, xmlNodePtr root, const site_rules *r)
{
    if (!a->lede || strlen(a->lede) < 40)
        return;
    size_t plen = strlen(a->lede) * 3 / 4;
    while (plen && ((unsigned char)a->lede[plen] & 0xC0) == 0x80)
        plen--; /* not inside a UTF-8 sequence */
    char *full = find_longer(root, a->lede, plen, r);
    if (full && strlen(full) < 1000) {
        free(a->lede);
        a->lede = full;
    } else {
        free(full);
    }
}

static void fill_header(ora_article *a, xmlNodePtr root, const site_rules *r,
                        const page_meta *m, const jsonld_info *j, bool has_rules)
{
    fill_title(a, root, r, m, j, has_rules);
    set_once(&a->lede, rule_text(root, r->lede, r));
    if (!a->lede) {
        set_once(&a->lede, ora_strdup(j->description));
        set_once(&a->lede, ora_strdup(m->og_description));
        complete_lede(a, root, r);
    }
    if (has_rules)
        set_once(&a->byline, strip_par(rule_text(root, r->byline, r)));
    set_once(&a->byline, ora_strdup(j->authors));
    set_once(&a->site, ora_strdup(j->publisher));
    set_once(&a->site, ora_strdup(m->og_site));
    set_once(&a->url, ora_strdup(m->canonical));
    set_once(&a->url, ora_strdup(m->og_url));
    set_once(&a->url, ora_strdup(j->url));
    set_once(&a->published, ora_strdup(j->published));
    set_once(&a->published, ora_strdup(m->published));
    set_once(&a->modified, ora_strdup(j->modified));
    set_once(&a->modified, ora_strdup(m->modified));
    if (!a->published) {
        char *d = rule_text(root, r->date, r), iso[32];
        const char *p = d && str_starts_with(d, "Publié le ") ? d + strlen("Publié le ") : d;
        if (p && parse_french_datetime(p, iso))
            a->published = ora_strdup(iso);
        free(d);
    }
}

static void read_lang(ora_article *a, xmlNodePtr root, const jsonld_info *j,
                      const page_meta *m)
{
    set_once(&a->lang, prop(root, "lang"));
    set_once(&a->lang, prop(root, "xml:lang"));
    set_once(&a->lang, ora_strdup(j->lang));
    set_once(&a->lang, ora_strdup(m->lang));
    if (a->lang) { /* the primary subtag is what selects a voice */
        a->lang[strcspn(a->lang, "-_")] = '\0';
        for (char *p = a->lang; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
}

static size_t count_words_in(const ora_article *a, const char *const *words)
{
    size_t n = 0;
    for (size_t b = 0; b < a->n_blocks && b < 40; b++)
        for (const char *const *w = words; *w; w++)
            for (const char *p = strstr(a->blocks[b].text, *w); p; p = strstr(p + 1, *w))
                n++;
    return n;
}

/* Pages built from an English template keep lang="en" over French text
 * (and the reverse): the commonest function words of the body decide
 * between the two when they disagree clearly with the declaration. */
static void check_lang(ora_article *a)
{
    static const char *const fr[] = {" le ", " la ", " les ", " des ", " est ",
                                     " et ", " une ", " du ", " que ", NULL};
    static const char *const en[] = {" the ", " and ", " of ", " to ", " is ",
                                     " that ", " with ", " was ", NULL};
    size_t nfr = count_words_in(a, fr), nen = count_words_in(a, en);
    const char *guess = nfr > 3 * nen + 10 ? "fr" : nen > 3 * nfr + 10 ? "en" : NULL;
    if (guess && (!a->lang || strcmp(a->lang, "fr") == 0 || strcmp(a->lang, "en") == 0)) {
        free(a->lang);
        a->lang = ora_strdup(guess);
    }
}

/* ── The paid part named by JSON-LD ────────────────────────────────────── */

static void paid_text_len(xmlNodePtr n, const char *sel, size_t *len, bool *inside)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (selector_matches(n, sel)) {
            xmlChar *t = xmlNodeGetContent(n);
            *len += t ? strlen((const char *)t) : 0;
            xmlFree(t);
            *inside = true;
            continue;
        }
        paid_text_len(n->children, sel, len, inside);
    }
}

static bool contains(xmlNodePtr outer, xmlNodePtr inner)
{
    for (xmlNodePtr p = inner; p; p = p->parent)
        if (p == outer)
            return true;
    return false;
}

/* hasPart.cssSelector is where the paid part starts, unless it matches
 * nothing, only a subscribe box, or the whole article (then the page holds
 * the free part only and the selector says nothing about where it ends). */
static const char *usable_paid_selector(xmlNodePtr root, const char *sel,
                                        const node_list *containers)
{
    if (!sel || !selector_valid(sel))
        return NULL;
    size_t len = 0;
    bool found = false;
    paid_text_len(root, sel, &len, &found);
    if (!found || len < MIN_PAID_TEXT)
        return NULL;
    for (size_t i = 0; i < containers->n; i++)
        for (xmlNodePtr p = containers->nodes[i]; p; p = p->parent)
            if (p->type == XML_ELEMENT_NODE && selector_matches(p, sel) &&
                contains(p, containers->nodes[i]))
                return NULL;
    return sel;
}

/* ── The page ──────────────────────────────────────────────────────────── */

static int find_containers(xmlNodePtr root, const site_rules *r,
                           const readability_words *words, node_list *out,
                           readability_stats *st)
{
    memset(out, 0, sizeof *out);
    memset(st, 0, sizeof *st);
    xmlNodePtr c = selector_find_first_of(root, r->article);
    if (c) {
        out->nodes = malloc(sizeof *out->nodes);
        if (!out->nodes)
            return -1;
        out->nodes[0] = c, out->n = out->cap = 1;
        return 0;
    }
    return readability_find(root, words, out, st);
}

static int read_page(xmlDocPtr doc, const boilerplate *bp, ora_article *a,
                     const site_rules *r, const page_meta *m, const jsonld_info *j,
                     const readability_words *words)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool has_rules = r->hosts != NULL;
    fill_header(a, root, r, m, j, has_rules);
    read_lang(a, root, j, m);
    node_list containers;
    readability_stats st;
    if (find_containers(root, r, words, &containers, &st) < 0)
        return -1;
    body_walk w = {r, bp, has_rules ? NULL : words,
                   usable_paid_selector(root, j->paid_selector, &containers), a,
                   false, 0, {0}};
    for (size_t i = 0; i < containers.n; i++)
        w.container_len += visible_text(containers.nodes[i]);
    if (!containers.n)
        walk_body(&w, root->children, false);
    for (size_t i = 0; i < containers.n && !w.stopped; i++) {
        if (containers.nodes[i]->type == XML_ELEMENT_NODE &&
            (block_kind(containers.nodes[i], &(ora_block_kind){0}) ||
             is_inline(containers.nodes[i])))
            walk_node(&w, containers.nodes[i], false); /* a sibling paragraph */
        else
            walk_body(&w, containers.nodes[i]->children, false);
    }
    flush_run(&w);
    node_list_free(&containers);
    /* after the body, whose signature line names a person better than an
     * author meta that often names a desk */
    set_once(&a->byline, ora_strdup(person_author(m)));
    check_lang(a);
    bool locked = m->content_tier && strcmp(m->content_tier, "locked") == 0;
    a->truncated = a->truncated || j->free_access == 0 || locked;
    return 0;
}

/* Parses in the page's own encoding (charset.c), so that a windows-1252
 * page comes out as the same UTF-8 as a UTF-8 one. The encoding is ours to
 * decide: a <meta charset> met while parsing must not switch it again. */
static htmlDocPtr parse_page(const char *data, size_t len)
{
    size_t skip, n;
    char label[40];
    const char *enc = html_charset(data, len, &skip, label);
    char *decoded = NULL;
    if (strcmp(enc, "windows-1252") == 0) {
        decoded = cp1252_to_utf8(data, len, &n);
        if (!decoded || n > (size_t)INT32_MAX) {
            free(decoded);
            return NULL;
        }
        data = decoded, len = n, enc = "UTF-8";
    }
    /* UTF-8 is libxml2's own: naming it would add a UTF-8 to UTF-8 pass. */
    if (strcmp(enc, "UTF-8") == 0)
        enc = NULL;
    htmlDocPtr doc = htmlReadMemory(data + skip, (int)(len - skip), NULL, enc,
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                        HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
    free(decoded);
    return doc;
}

/* The page's host from the first absolute URL it declares (a canonical
 * link may be relative). */
static char *page_host(const page_meta *m, const jsonld_info *j)
{
    const char *urls[] = {m->canonical, m->og_url, j->url};
    for (size_t i = 0; i < 3; i++) {
        char *host = urls[i] && strstr(urls[i], "://") ? url_host(urls[i]) : NULL;
        if (host && strchr(host, '.'))
            return host;
        free(host);
    }
    return NULL;
}

static int load_rules(const char *host, boilerplate *bp, site_rules *r,
                      readability_words *words, ora_error *err)
{
    if (boilerplate_load(bp, err) < 0)
        return -1;
    if (site_rules_load(host, r, err) < 0) {
        boilerplate_free(bp);
        return -1;
    }
    if (readability_words_load(words, err) < 0) {
        site_rules_free(r);
        boilerplate_free(bp);
        return -1;
    }
    return 0;
}

int ora_read_html(const char *data, size_t len, ora_article *a, ora_error *err)
{
    if (len > (size_t)INT32_MAX) {
        ora_set_error(err, "the page is too large to read (over 2 GB).");
        return -1;
    }
    htmlDocPtr doc = parse_page(data, len);
    if (!doc || !xmlDocGetRootElement(doc)) {
        ora_set_error(err, "the page could not be parsed as HTML.");
        xmlFreeDoc(doc);
        return -1;
    }
    page_meta m = {0};
    jsonld_info j;
    jsonld_init(&j);
    read_metadata(xmlDocGetRootElement(doc), &m, &j);
    boilerplate bp;
    site_rules r;
    readability_words words;
    char *host = page_host(&m, &j);
    int rc = load_rules(host, &bp, &r, &words, err);
    if (rc == 0) {
        rc = read_page(doc, &bp, a, &r, &m, &j, &words);
        if (rc < 0)
            ora_set_error(err, "out of memory while reading the page.");
        readability_words_free(&words);
        site_rules_free(&r);
        boilerplate_free(&bp);
    }
    free(host);
    page_meta_free(&m);
    jsonld_free(&j);
    xmlFreeDoc(doc);
    return rc;
}
