/* JSON-LD reading with json-c. Articles hide in arrays, in "@graph", and
 * under many @type names; isAccessibleForFree comes as a boolean or as any
 * of the strings "False", "false", "http://schema.org/False". Pages often
 * write its strings HTML-escaped ("d&#039;AMD"): JSON does not decode
 * that, so the entities are decoded here. */
#include "jsonld.h"

#include <json.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void jsonld_init(jsonld_info *j)
{
    memset(j, 0, sizeof *j);
    j->free_access = -1;
}

void jsonld_free(jsonld_info *j)
{
    free(j->headline), free(j->description), free(j->published);
    free(j->modified), free(j->authors), free(j->publisher), free(j->url);
    free(j->lang), free(j->paid_selector), free(j->body_first), free(j->body_last);
    free(j->body_text);
    jsonld_init(j);
}

static const char *get_string(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v))
        return NULL;
    if (json_object_is_type(v, json_type_array) && json_object_array_length(v))
        v = json_object_array_get_idx(v, 0);
    if (json_object_is_type(v, json_type_object)) {
        json_object *name;
        if (json_object_object_get_ex(v, "name", &name) ||
            json_object_object_get_ex(v, "@id", &name))
            v = name;
    }
    return json_object_is_type(v, json_type_string) ? json_object_get_string(v)
                                                     : NULL;
}

/* Decodes HTML entities in place (each is longer than its UTF-8). */
static void decode_entities(char *s)
{
    char *out = s;
    for (const char *p = s; *p;) {
        size_t len = 0;
        /* the ';' within the entity's longest length after the '&' */
        uint32_t c = *p == '&' ? html_entity_at(p, strnlen(p, HTML_ENTITY_BODY_MAX + 2), &len) : 0;
        if (c) {
            out += utf8_encode(c, out);
            p += len;
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
}

static void set_once(char **field, const char *value)
{
    if (!*field && value && *value) {
        char *raw = ora_strdup(value);
        if (!raw)
            return;
        decode_entities(raw); /* before squashing: "&nbsp;" is a space */
        *field = text_squash(raw, strlen(raw));
        free(raw);
    }
}

jsonld_kind jsonld_type_kind(const char *s, size_t n)
{
    static const char *const articles[] = {"BlogPosting", "Report", NULL};
    /* a recipe or a how-to: a text to read, in steps, though no article
     * (its fields are a card's, not the page's) */
    static const char *const methods[] = {"Recipe", "HowTo", NULL};
    for (size_t i = 0; i + 7 <= n; i++)
        if (memcmp(s + i, "Article", 7) == 0)
            return JSONLD_ARTICLE;
    for (const char *const *name = articles; *name; name++)
        if (strlen(*name) == n && memcmp(s, *name, n) == 0)
            return JSONLD_ARTICLE;
    for (const char *const *name = methods; *name; name++)
        if (strlen(*name) == n && memcmp(s, *name, n) == 0)
            return JSONLD_METHOD;
    return JSONLD_OTHER;
}

/* Is the object of that kind (one of its @type names)? */
static bool type_is(json_object *o, jsonld_kind kind)
{
    json_object *t;
    if (!json_object_object_get_ex(o, "@type", &t))
        return false;
    size_t n = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
    for (size_t i = 0; i < n; i++) {
        json_object *ti = json_object_is_type(t, json_type_array)
                              ? json_object_array_get_idx(t, i) : t;
        const char *s = json_object_get_string(ti);
        if (s && jsonld_type_kind(s, strlen(s)) == kind)
            return true;
    }
    return false;
}

static bool type_is_article(json_object *o)
{
    return type_is(o, JSONLD_ARTICLE);
}

static bool type_is_method(json_object *o)
{
    return type_is(o, JSONLD_METHOD);
}

/* 1 free, 0 paid, -1 unknown. */
static int read_free_flag(json_object *o)
{
    json_object *v;
    if (!json_object_object_get_ex(o, "isAccessibleForFree", &v))
        return -1;
    if (json_object_is_type(v, json_type_boolean))
        return json_object_get_boolean(v);
    const char *s = json_object_get_string(v);
    if (!s)
        return -1;
    const char *slash = strrchr(s, '/');
    if (slash)
        s = slash + 1;
    if (strcasecmp(s, "false") == 0)
        return 0;
    if (strcasecmp(s, "true") == 0)
        return 1;
    return -1;
}

static void read_authors(json_object *o, jsonld_info *j)
{
    json_object *v;
    if (j->authors || !json_object_object_get_ex(o, "author", &v))
        return;
    strbuf b;
    sb_init(&b);
    size_t n = json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 1;
    for (size_t i = 0; i < n; i++) {
        json_object *a = json_object_is_type(v, json_type_array)
                             ? json_object_array_get_idx(v, i) : v;
        json_object *name = a;
        if (json_object_is_type(a, json_type_object) &&
            !json_object_object_get_ex(a, "name", &name))
            continue;
        const char *s = json_object_get_string(name);
        if (!json_object_is_type(name, json_type_string) || !s || !*s)
            continue;
        if (b.len)
            sb_adds(&b, ", ");
        sb_adds(&b, s);
    }
    if (b.len) {
        j->authors = sb_take(&b);
        if (j->authors)
            decode_entities(j->authors);
    }
    sb_free(&b);
}

static void read_paid_part(json_object *o, jsonld_info *j)
{
    json_object *parts;
    if (!json_object_object_get_ex(o, "hasPart", &parts))
        return;
    size_t n = json_object_is_type(parts, json_type_array) ? json_object_array_length(parts) : 1;
    for (size_t i = 0; i < n; i++) {
        json_object *p = json_object_is_type(parts, json_type_array)
                             ? json_object_array_get_idx(parts, i) : parts;
        if (json_object_is_type(p, json_type_object) && read_free_flag(p) == 0)
            set_once(&j->paid_selector, get_string(p, "cssSelector"));
    }
}

/* Bytes of each anchor of a declared text, about; and the declared text
 * under which no anchor is taken (a teaser's summary, not an article;
 * a method of two steps, not worth finding). */
#define ANCHOR_BYTES 60
#define ANCHORED_TEXT_MIN 400
#define ANCHORED_METHOD_MIN 150

/* s with its tags dropped, entities decoded and whitespace folded to
 * single spaces, trimmed (the caller frees). */
static char *plain_text(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    if (!out)
        return NULL;
    bool space = true;
    for (const char *p = s; *p; p++) {
        if (*p == '<' && strchr(p, '>')) { /* "<p>", "<br/>": a tag is a space */
            p = strchr(p, '>');
            if (!space)
                *o++ = ' ', space = true;
            continue;
        }
        bool blank = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (blank && space)
            continue;
        *o++ = blank ? ' ' : *p;
        space = blank;
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    decode_entities(out);
    return out;
}

/* The first (from the start) or the last (at the end) words of s, about
 * ANCHOR_BYTES of them, cut at spaces so that no character is split. */
static char *anchor_of(const char *s, bool at_end)
{
    size_t n = strlen(s);
    if (n <= ANCHOR_BYTES)
        return ora_strdup(s);
    if (!at_end) {
        const char *cut = strchr(s + ANCHOR_BYTES, ' ');
        return ora_strndup(s, cut ? (size_t)(cut - s) : n);
    }
    const char *from = s + n - ANCHOR_BYTES;
    while (from > s && from[-1] != ' ')
        from--;
    return ora_strdup(from);
}

/* Sets the anchors from a declared text, once; an article's body replaces
 * a method's (a blog's post holds its recipe's card, not the reverse). */
static void set_body(jsonld_info *j, const char *first_text, const char *last_text, size_t len,
                     bool article)
{
    if ((j->body_first && !(article && j->body_of_method)) ||
        len < (article ? ANCHORED_TEXT_MIN : ANCHORED_METHOD_MIN))
        return;
    free(j->body_first), free(j->body_last);
    j->body_first = j->body_last = NULL;
    j->body_of_method = !article;
    char *first = plain_text(first_text), *last = plain_text(last_text);
    if (first && last && *first && *last) {
        j->body_first = anchor_of(first, false);
        j->body_last = anchor_of(last, true);
        j->body_len = len;
    }
    free(first), free(last);
}

void jsonld_declare_steps(jsonld_info *j, const char *first, const char *last, size_t len)
{
    set_body(j, first, last, len, false);
}

/* A recipe's method as declared: its first and last steps' texts and the
 * length of all of them (what anchors them must be as long as an
 * article). */
typedef struct {
    const char *first, *last;
    size_t len;
} method_steps;

/* Every step's text in order: a string, a HowToStep's "text", the steps
 * of a HowToSection. */
static void walk_steps(json_object *o, int depth, method_steps *m)
{
    if (!o || depth > 4)
        return;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            walk_steps(json_object_array_get_idx(o, i), depth + 1, m);
        return;
    }
    json_object *v;
    if (!json_object_is_type(o, json_type_string) && json_object_object_get_ex(o, "itemListElement", &v)) {
        walk_steps(v, depth + 1, m);
        return;
    }
    const char *t = json_object_is_type(o, json_type_string) ? json_object_get_string(o) : get_string(o, "text");
    if (!t)
        return;
    m->first = m->first ? m->first : t;
    m->last = t;
    m->len += strlen(t);
}

/* A recipe's method runs from its first step to its last. (Its first
 * ingredients would anchor the whole card, but a card often holds its
 * tags between them and the method, and a page may show the ingredients
 * otherwise than it declares them.) */
static void read_method(json_object *o, jsonld_info *j)
{
    json_object *steps;
    if (!json_object_object_get_ex(o, "recipeInstructions", &steps) &&
        !json_object_object_get_ex(o, "step", &steps))
        return;
    method_steps m = {0};
    walk_steps(steps, 0, &m);
    if (m.first)
        set_body(j, m.first, m.last, m.len, false);
}

static void read_article(json_object *o, jsonld_info *j)
{
    const char *body = get_string(o, "articleBody");
    if (body) {
        set_body(j, body, body, strlen(body), true);
        if (!j->body_text)
            j->body_text = ora_strdup(body); /* as written: its line breaks part paragraphs */
    }
    set_once(&j->headline, get_string(o, "headline"));
    set_once(&j->description, get_string(o, "description"));
    set_once(&j->published, get_string(o, "datePublished"));
    set_once(&j->modified, get_string(o, "dateModified"));
    set_once(&j->url, get_string(o, "url"));
    set_once(&j->url, get_string(o, "mainEntityOfPage"));
    set_once(&j->lang, get_string(o, "inLanguage"));
    json_object *pub;
    if (json_object_object_get_ex(o, "publisher", &pub))
        set_once(&j->publisher, get_string(pub, "name"));
    read_authors(o, j);
    if (j->free_access < 0)
        j->free_access = read_free_flag(o);
    read_paid_part(o, j);
}

static void walk(json_object *o, jsonld_info *j, int depth)
{
    if (!o || depth > 8)
        return;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            walk(json_object_array_get_idx(o, i), j, depth + 1);
        return;
    }
    if (!json_object_is_type(o, json_type_object))
        return;
    if (type_is_method(o)) {
        j->is_method = true;
        read_method(o, j);
    }
    if (type_is_article(o)) {
        j->is_article = true;
        read_article(o, j);
    }
    json_object *graph;
    if (json_object_object_get_ex(o, "@graph", &graph))
        walk(graph, j, depth + 1);
}

void jsonld_read(const char *json, size_t len, jsonld_info *j)
{
    json_tokener *tok = json_tokener_new();
    json_object *o = json_tokener_parse_ex(tok, json, (int)len);
    if (o && json_tokener_get_error(tok) == json_tokener_success)
        walk(o, j, 0);
    json_object_put(o);
    json_tokener_free(tok);
}

/* Whether the body's text at p opens a paragraph's break: a line break,
 * or a tag that parts blocks ("<p>", "</p>", "<br>"); *skip its length. */
static bool paragraph_break(const char *p, size_t *skip)
{
    if (*p == '\n' || *p == '\r')
        return *skip = 1, true;
    static const char *const tags[] = {"<p>", "<p ", "</p>", "<br>", "<br/>", "<br />", NULL};
    for (size_t k = 0; tags[k]; k++) {
        size_t n = strlen(tags[k]);
        if (strncasecmp(p, tags[k], n) == 0) {
            const char *end = strchr(p, '>');
            return *skip = end ? (size_t)(end - p) + 1 : n, true;
        }
    }
    return false;
}

void jsonld_add_body(const jsonld_info *j, ora_article *a)
{
    const char *s = j->body_text;
    if (!s)
        return;
    for (const char *start = s, *p = s;; ) {
        size_t skip = 0;
        bool end = !*p;
        if (end || paragraph_break(p, &skip)) {
            char *piece = ora_strndup(start, (size_t)(p - start));
            char *text = piece ? plain_text(piece) : NULL;
            if (text && *text)
                ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, text);
            free(piece), free(text);
            if (end)
                return;
            p += skip;
            start = p;
            continue;
        }
        p++;
    }
}
