/* Tables in the body: a data table (a caption, headers, a grid of short
 * cells) becomes one table block, a row a line, each cell with its column's
 * header; a table that lays out the page is walked as any other box. A
 * list of short terms and values (<dl>: "Sodium" / "210mg" / "9%") is read
 * term by term, each with its values. */
#include "html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

/* What a table that lays out a page holds, and a data table does not. */
static bool holds_block(xmlNodePtr n)
{
    static const char *const blocks[] = {"table", "p", "div", "ul", "ol", "h1",
                                         "h2", "h3", "h4", "h5", "h6", "blockquote",
                                         "section", "article", "form", "iframe", NULL};
    return holds_one_of(n, blocks);
}

#define MAX_ROWS 2000
/* A cell longer than this is prose laid out by a table, not a figure. */
#define MAX_CELL_TEXT 300

/* Words from which a cell is an item of news or a sentence, not a term
 * or a figure, and the columns a table may have to be read as a list. */
#define ITEM_WORDS 5
#define MAX_COLUMNS 16

/* Bytes of a figure's cell at most ("75.86%", "1 254 €"). */
#define FIGURE_CELL 12

/* What a table's columns hold, over all its rows. */
typedef struct {
    size_t words[MAX_COLUMNS], cells[MAX_COLUMNS]; /* words, and cells not empty */
    bool some_figure[MAX_COLUMNS];                 /* a cell with a digit */
    bool all_figures[MAX_COLUMNS];                 /* every row a short cell with a digit */
    size_t widest;                                 /* cells of the longest row */
} column_stats;

static void columns_of(const node_list *rows, column_stats *s)
{
    memset(s, 0, sizeof *s);
    for (size_t c = 0; c < MAX_COLUMNS; c++)
        s->all_figures[c] = true;
    for (size_t i = 0; i < rows->n; i++) {
        size_t col = 0;
        for (xmlNodePtr k = rows->nodes[i]->children; k && col < MAX_COLUMNS; k = k->next) {
            if (!is_cell(k))
                continue;
            xmlChar *x = xmlNodeGetContent(k);
            const char *text = x ? (const char *)x : "";
            size_t n = word_count(text), len = strlen(text);
            bool figure = n && strpbrk(text, "0123456789");
            s->words[col] += n, s->cells[col] += n > 0;
            s->some_figure[col] |= figure;
            s->all_figures[col] &= figure && len <= FIGURE_CELL;
            xmlFree(x);
            col++;
        }
        for (size_t c = col; c < MAX_COLUMNS; c++)
            s->all_figures[c] = false; /* a row without that cell */
        s->widest = col > s->widest ? col : s->widest;
    }
}

/* A list laid out by a table: one column of items ("9/10 - Fermeture du
 * centre de dépistage", a sentence), the others empty or holding a link
 * or an icon ("cliquez ici", a PDF's picture) without a figure. No column
 * of data stands beside the items, which the walk reads as paragraphs. */
static bool list_in_table(const node_list *rows, const column_stats *s)
{
    size_t items = 0, item_col = 0;
    for (size_t c = 0; c < MAX_COLUMNS; c++)
        if (s->cells[c] && s->words[c] >= ITEM_WORDS * s->cells[c])
            items++, item_col = c;
    if (items != 1)
        return false;
    for (size_t c = 0; c < MAX_COLUMNS; c++)
        if (c != item_col && s->some_figure[c])
            return false;
    return s->cells[item_col] * 2 > rows->n;
}

/* Whether a column past the first (the rows' labels) holds a figure in
 * every row, as a small table of counts has ("Hommes | 154 | 75.86%",
 * three rows), which no page lays out for its text. */
static bool column_of_figures(const column_stats *s)
{
    for (size_t c = 1; c < s->widest; c++)
        if (s->all_figures[c])
            return true;
    return false;
}

/* After Readability's _isDataTable: a table laid out for figures (a caption,
 * headers, a grid of short cells, or a column of figures), not a page
 * laid out with a table. */
static bool is_data_table(xmlNodePtr t, node_list *rows)
{
    char *role = node_prop(t, "role");
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
    column_stats s;
    columns_of(rows, &s);
    if (th == 0 && list_in_table(rows, &s))
        return false;
    bool captioned = false;
    for (xmlNodePtr c = t->children; c; c = c->next)
        captioned |= c->type == XML_ELEMENT_NODE &&
                     (node_is(c, "caption") || node_is(c, "thead"));
    return captioned || th > 0 || rows->n * cols > 10 || column_of_figures(&s);
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

/* One row as one line: its cells, each after its column's header. */
static void add_row(strbuf *b, xmlNodePtr row, const site_rules *r, char *const *heads,
                    size_t nh)
{
    size_t col = 0, cells = 0;
    for (xmlNodePtr k = row->children; k; k = k->next) {
        if (!is_cell(k))
            continue;
        char *v = cell_text(k, r);
        const char *h = col < nh ? heads[col] : NULL;
        col++;
        if (!v)
            continue;
        sb_adds(b, cells++ ? ", " : "\n");
        if (h && *h)
            sb_printf(b, "%s : %s", h, v);
        else
            sb_adds(b, v);
        free(v);
    }
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
    for (size_t i = nh ? 1 : 0; i < rows->n; i++)
        add_row(&b, rows->nodes[i], w->rules, heads, nh);
    for (size_t i = 0; i < nh; i++)
        free(heads[i]);
    if (b.s && strchr(b.s, '\n'))
        ora_article_add_block(w->a, ORA_BLOCK_TABLE, b.s);
    sb_free(&b);
}

/* A data table becomes one table block; a layout table is walked. */
bool take_table(body_walk *w, xmlNodePtr n)
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

/* Words of a term and of a value at most, for a <dl> read as fields, and
 * its terms and values at most. */
#define MAX_FIELDS 400
#define TERM_WORDS 8
#define VALUE_WORDS 12

/* A term or a value of a <dl>, its text read once. */
typedef struct {
    char *text;
    bool term;
} field;

typedef struct {
    field v[MAX_FIELDS];
    size_t n, terms;
} fields;

static void fields_free(fields *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].text);
}

/* The <dt> and <dd> children of a <dl>, also inside the <div>s that
 * HTML allows to group them; false when anything else holds text or a
 * term or value is long (a glossary's definitions are paragraphs). */
static bool fields_of(xmlNodePtr n, fields *f, const site_rules *r)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (!isspace(*p))
                    return false;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(c, "div")) {
            if (!fields_of(c, f, r))
                return false;
            continue;
        }
        bool term = node_is(c, "dt");
        if ((!term && !node_is(c, "dd")) || f->n == MAX_FIELDS)
            return false;
        char *t = element_text(c, r);
        f->v[f->n++] = (field){t, term};
        f->terms += term;
        if (word_count(t) > (term ? TERM_WORDS : VALUE_WORDS))
            return false;
    }
    return true;
}

/* The field in b ends: read it if a value followed its term. */
static void end_field(body_walk *w, strbuf *b)
{
    if (b->len && b->s[b->len - 1] != ':')
        walk_add_block(w, ORA_BLOCK_LIST_ITEM, sb_take(b));
    sb_free(b);
    sb_init(b);
}

bool take_definitions(body_walk *w, xmlNodePtr n)
{
    fields *f = calloc(1, sizeof *f); /* 400 fields: too many for the stack of a walk */
    if (!f)
        return false;
    bool taken = fields_of(n, f, w->rules) && f->terms > 0 && f->terms < f->n;
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; taken && i < f->n; i++) {
        const char *t = f->v[i].text;
        if (f->v[i].term)
            end_field(w, &b);
        if (t && *t && f->v[i].term) /* "Sodium :", as French sets a colon */
            sb_printf(&b, "%s :", t);
        else if (t && *t)
            sb_printf(&b, "%s%s", !b.len ? "" : b.s[b.len - 1] == ':' ? " " : ", ", t);
    }
    if (taken)
        end_field(w, &b);
    sb_free(&b);
    fields_free(f);
    free(f);
    return taken;
}
