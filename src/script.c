/* From article to script: what is said, in what order, with what pauses.
 * Every editorial choice (captions or not, the announcement, the paywall
 * notice) is made here and nowhere else. The script stays in written form;
 * ora_script_normalize turns it into words. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *byline, *published, *notice, *notice_unknown;
    char *table, *table_untitled;
    char *excerpt, *excerpt_paywall;
} templates;

void ora_script_options_default(ora_script_options *o)
{
    o->captions = false;
    o->tables = false;
    o->notice = true;
    o->notice_text = NULL;
    o->pause_title_ms = 900;
    o->pause_paragraph_ms = 600;
    o->pause_notice_ms = 1200;
    o->intro_text = NULL;
    o->outro_text = NULL;
}

const char *ora_segment_role_name(ora_segment_role role)
{
    static const char *const names[] = {"title",   "lede",    "byline", "date",
                                        "heading", "paragraph", "quote",
                                        "list_item", "caption", "notice",
                                        "intro", "outro", "table"};
    return names[role];
}

static int load_templates(templates *t, ora_error *err)
{
    memset(t, 0, sizeof *t);
    char *path = data_path("rules/fr/script.txt"), *text;
    size_t len;
    int rc = read_whole_file(path, &text, &len, err);
    free(path);
    if (rc < 0)
        return -1;
    char *save = NULL; /* strtok_r: a caller may be inside its own strtok loop */
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(line, '=');
        if (line[0] == '#' || !eq)
            continue;
        char *key = text_squash(line, (size_t)(eq - line));
        char *val = text_squash(eq + 1, strlen(eq + 1));
        char **f = strcmp(key, "byline") == 0           ? &t->byline
                   : strcmp(key, "published") == 0      ? &t->published
                   : strcmp(key, "notice") == 0         ? &t->notice
                   : strcmp(key, "notice_unknown") == 0 ? &t->notice_unknown
                   : strcmp(key, "table") == 0          ? &t->table
                   : strcmp(key, "table_untitled") == 0 ? &t->table_untitled
                   : strcmp(key, "excerpt") == 0        ? &t->excerpt
                   : strcmp(key, "excerpt_paywall") == 0 ? &t->excerpt_paywall
                                                        : NULL;
        if (f) {
            free(*f);
            *f = val;
        } else {
            free(val);
        }
        free(key);
    }
    free(text);
    return 0;
}

static void free_templates(templates *t)
{
    free(t->byline), free(t->published), free(t->notice), free(t->notice_unknown);
    free(t->table), free(t->table_untitled);
    free(t->excerpt), free(t->excerpt_paywall);
}

/* Replaces "{name}" in tpl by value. */
static char *fill(const char *tpl, const char *name, const char *value)
{
    strbuf b;
    sb_init(&b);
    char key[32];
    snprintf(key, sizeof key, "{%s}", name);
    for (const char *p = tpl; *p;) {
        const char *hit = strstr(p, key);
        if (!hit) {
            sb_adds(&b, p);
            break;
        }
        sb_add(&b, p, (size_t)(hit - p));
        sb_adds(&b, value);
        p = hit + strlen(key);
    }
    return sb_take(&b);
}

static int add_segment(ora_script *s, ora_segment_role role, const char *text,
                       int pause_ms)
{
    if (str_blank(text))
        return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        ora_segment *g = realloc(s->segs, cap * sizeof *g);
        if (!g)
            return -1;
        s->segs = g, s->cap = cap;
    }
    ora_segment *g = &s->segs[s->n++];
    g->role = role;
    g->written = ora_strdup(text);
    g->spoken = NULL;
    g->pause_ms = pause_ms;
    g->runs = NULL, g->n_runs = 0;
    return 0;
}

/* "2024-11-18T01:58…" → "18 novembre 2024" (written form). */
static bool iso_to_french(const char *iso, char *out, size_t n)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31)
        return false;
    snprintf(out, n, d == 1 ? "%der %s %d" : "%d %s %d", d, french_month(m), y);
    return true;
}

/* A byline lost in a copy ("Par  (Washington, correspondant)") names no one:
 * saying only the parenthesis would puzzle a listener. */
static bool byline_names_someone(const char *b)
{
    return b && *b && *b != '(';
}

static void add_announcement(ora_script *s, const ora_article *a,
                             const templates *t, int pause)
{
    if (byline_names_someone(a->byline) && t->byline) {
        char *line = fill(t->byline, "byline", a->byline);
        add_segment(s, ORA_SEG_BYLINE, line, pause / 2);
        free(line);
    }
    char date[64];
    if (t->published && iso_to_french(a->published, date, sizeof date)) {
        char *line = fill(t->published, "date", date);
        add_segment(s, ORA_SEG_DATE, line, pause);
        free(line);
    }
}

static ora_segment_role role_of(ora_block_kind k)
{
    switch (k) {
    case ORA_BLOCK_HEADING: return ORA_SEG_HEADING;
    case ORA_BLOCK_QUOTE: return ORA_SEG_QUOTE;
    case ORA_BLOCK_CAPTION: return ORA_SEG_CAPTION;
    case ORA_BLOCK_LIST_ITEM: return ORA_SEG_LIST_ITEM;
    default: return ORA_SEG_PARAGRAPH;
    }
}

/* A table is announced by its caption; its rows, a stream of figures
 * without the page's layout, are read only on request, each with its
 * headers so that a listener knows which figure is which. */
static void add_table(ora_script *s, const char *text, const ora_script_options *o,
                      const templates *t)
{
    size_t cap_len = strcspn(text, "\n");
    char *caption = ora_strndup(text, cap_len);
    size_t n = strlen(caption);
    while (n && strchr(" .:", caption[n - 1]))
        caption[--n] = '\0'; /* the template ends the sentence */
    char *line = n && t->table ? fill(t->table, "caption", caption)
                               : ora_strdup(t->table_untitled ? t->table_untitled : "");
    add_segment(s, ORA_SEG_TABLE, line, o->pause_paragraph_ms);
    free(line);
    free(caption);
    for (const char *row = text + cap_len; o->tables && *row;) {
        row++; /* the newline */
        size_t len = strcspn(row, "\n");
        strbuf b;
        sb_init(&b);
        sb_add(&b, row, len);
        if (len && !strchr(".!?", row[len - 1]))
            sb_addc(&b, '.');
        if (b.s)
            add_segment(s, ORA_SEG_TABLE, b.s, o->pause_paragraph_ms);
        sb_free(&b);
        row += len;
    }
}

static void add_notice(ora_script *s, const ora_article *a,
                       const ora_script_options *o, const templates *t)
{
    if (!a->truncated || !o->notice)
        return;
    if (s->n)
        s->segs[s->n - 1].pause_ms = o->pause_notice_ms;
    char *line;
    if (o->notice_text) {
        line = ora_strdup(o->notice_text);
    } else if (a->remaining_percent >= 0 && t->notice) {
        char pct[16];
        snprintf(pct, sizeof pct, "%.0f", round(a->remaining_percent));
        line = fill(t->notice, "percent", pct);
    } else {
        line = ora_strdup(t->notice_unknown ? t->notice_unknown : "");
    }
    add_segment(s, ORA_SEG_NOTICE, line, 0);
    free(line);
}

char *script_excerpt_line(bool paywall, ora_error *err)
{
    templates t;
    if (load_templates(&t, err) < 0)
        return NULL;
    char **line = paywall ? &t.excerpt_paywall : &t.excerpt;
    char *text = *line ? *line : ora_strdup("");
    *line = NULL;
    free_templates(&t);
    if (!text)
        ora_set_error(err, "out of memory.");
    return text;
}

int ora_script_build(const ora_article *a, const ora_script_options *o,
                     ora_script *s, ora_error *err)
{
    templates t;
    memset(s, 0, sizeof *s);
    if (load_templates(&t, err) < 0)
        return -1;
    if (o->intro_text)
        add_segment(s, ORA_SEG_INTRO, o->intro_text, o->pause_title_ms);
    add_segment(s, ORA_SEG_TITLE, a->title, o->pause_title_ms);
    add_segment(s, ORA_SEG_LEDE, a->lede, o->pause_paragraph_ms);
    add_announcement(s, a, &t, o->pause_title_ms);
    for (size_t i = 0; i < a->n_blocks; i++) {
        const ora_block *b = &a->blocks[i];
        if (b->kind == ORA_BLOCK_CAPTION && !o->captions)
            continue;
        if (b->kind == ORA_BLOCK_TABLE) {
            add_table(s, b->text, o, &t);
            continue;
        }
        add_segment(s, role_of(b->kind), b->text, o->pause_paragraph_ms);
    }
    add_notice(s, a, o, &t);
    if (o->outro_text && s->n) {
        s->segs[s->n - 1].pause_ms = o->pause_notice_ms;
        add_segment(s, ORA_SEG_OUTRO, o->outro_text, 0);
    }
    free_templates(&t);
    if (s->n == 0) {
        ora_set_error(err, "the article has nothing to read.");
        return -1;
    }
    return 0;
}

void ora_script_free(ora_script *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->segs[i].written);
        free(s->segs[i].spoken);
        free(s->segs[i].runs);
    }
    free(s->segs);
    memset(s, 0, sizeof *s);
}

int segment_set_spoken(ora_segment *g, const ora_normalized *nz)
{
    free(g->spoken);
    free(g->runs);
    g->runs = NULL, g->n_runs = 0;
    g->spoken = ora_strdup(nz->text ? nz->text : "");
    if (nz->n_runs) {
        g->runs = malloc(nz->n_runs * sizeof *g->runs);
        if (!g->runs)
            return -1;
        memcpy(g->runs, nz->runs, nz->n_runs * sizeof *g->runs);
        g->n_runs = nz->n_runs;
    }
    return g->spoken ? 0 : -1;
}

int ora_script_normalize(ora_script *s, const ora_normalizer *n, ora_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *w = s->segs[i].written;
        ora_normalized nz;
        if (ora_normalize(n, w, strlen(w), &nz, err) < 0)
            return -1;
        int rc = segment_set_spoken(&s->segs[i], &nz);
        ora_normalized_free(&nz);
        if (rc < 0) {
            ora_set_error(err, "out of memory while normalizing");
            return -1;
        }
    }
    return 0;
}

static void ssml_text(strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&')
            sb_adds(b, "&amp;");
        else if (c == '<')
            sb_adds(b, "&lt;");
        else if (c == '>')
            sb_adds(b, "&gt;");
        else if (c < 0x20) /* XML 1.0 has no place for controls; a space */
            sb_addc(b, ' ');
        else
            sb_addc(b, (char)c);
    }
}

/* What speak.c gives eSpeak NG, call by call, said as SSML: the runs are
 * the <voice> elements. */
char *ora_segment_ssml(const ora_segment *g, const char *lang)
{
    const char *t = g->spoken ? g->spoken : g->written;
    size_t len = strlen(t), at = 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"");
    ssml_text(&b, lang, strlen(lang));
    sb_adds(&b, "\">");
    for (size_t k = 0; k < g->n_runs; k++) {
        const ora_lang_run *r = &g->runs[k];
        if (r->start < at || r->end > len || r->start >= r->end)
            continue;
        ssml_text(&b, t + at, r->start - at);
        sb_adds(&b, "<voice xml:lang=\"");
        ssml_text(&b, r->lang, strlen(r->lang));
        sb_adds(&b, "\">");
        ssml_text(&b, t + r->start, r->end - r->start);
        sb_adds(&b, "</voice>");
        at = r->end;
    }
    ssml_text(&b, t + at, len - at);
    sb_adds(&b, "</speak>");
    return sb_take(&b);
}
