/* What a page declares about itself: <meta> tags (Open Graph, article:,
 * Dublin Core, itemprop), <title>, the canonical link, JSON-LD, the
 * language; read in one pass over the whole tree, wherever pages put it. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void set_once(char **field, char *value)
{
    if (!*field && value && *value)
        *field = value;
    else
        free(value);
}

/* The field each <meta> key fills (og:article: and dcterms. keys are read
 * as article: and dc. ones). */
static const struct {
    const char *key;
    size_t field;
} meta_keys[] = {
    {"og:title", offsetof(page_meta, og_title)},
    {"og:description", offsetof(page_meta, og_description)},
    {"description", offsetof(page_meta, og_description)},
    {"og:site_name", offsetof(page_meta, og_site)},
    {"og:type", offsetof(page_meta, og_type)},
    {"og:url", offsetof(page_meta, og_url)},
    {"article:published_time", offsetof(page_meta, published)},
    {"datepublished", offsetof(page_meta, published)},
    {"dc.date", offsetof(page_meta, published)},
    {"dc.date.issued", offsetof(page_meta, published)},
    {"article:modified_time", offsetof(page_meta, modified)},
    {"datemodified", offsetof(page_meta, modified)},
    {"dc.modified", offsetof(page_meta, modified)},
    {"article:author", offsetof(page_meta, author)},
    {"author", offsetof(page_meta, author)},
    {"dc.creator", offsetof(page_meta, author)},
    {"article:content_tier", offsetof(page_meta, content_tier)},
    {"publisher", offsetof(page_meta, publisher)},
    {"dc.publisher", offsetof(page_meta, publisher)},
    {"dc.language", offsetof(page_meta, lang)},
    {"language", offsetof(page_meta, lang)},
    {"content-language", offsetof(page_meta, lang)},
    {"dc.title", offsetof(page_meta, meta_title)},
    {"headline", offsetof(page_meta, meta_title)},
    {"twitter:title", offsetof(page_meta, meta_title)},
};

static char **meta_field(page_meta *m, const char *key)
{
    for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++)
        if (strcmp(key, meta_keys[i].key) == 0)
            return (char **)((char *)m + meta_keys[i].field);
    return NULL;
}

/* A <meta>'s key (property, name or itemprop), lower-cased. */
static char *meta_key(xmlNodePtr n)
{
    char *key = node_prop(n, "property");
    if (!key)
        key = node_prop(n, "name");
    if (!key)
        key = node_prop(n, "itemprop");
    for (char *p = key; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return key;
}

/* A declared date names its year ("2017-01-09", "Mon Aug 03 12:45:00 EDT
 * 2015"); "10:05", a time alone, is no date: a later key may give one. */
bool holds_year(const char *s)
{
    for (const char *p = s; p && *p; p++)
        if ((p == s || !isdigit((unsigned char)p[-1])) && strspn(p, "0123456789") == 4 &&
            (p[0] == '1' || p[0] == '2'))
            return true;
    return false;
}

static void read_meta_tag(xmlNodePtr n, page_meta *m)
{
    char *key = meta_key(n);
    if (!key)
        return;
    char *content = node_prop(n, "content"), dc[64];
    if (!content) /* some pages write value= */
        content = node_prop(n, "value");
    const char *k = key;
    if (str_starts_with(k, "og:article:"))
        k += 3;
    if (str_starts_with(k, "dcterms.")) { /* dcterms.creator = dc.creator */
        snprintf(dc, sizeof dc, "dc.%s", k + strlen("dcterms."));
        k = dc;
    }
    char **field = meta_field(m, k);
    if (content && strcmp(k, "description") == 0)
        set_once(&m->description, ora_strdup(content)); /* also apart: Open Graph's may be cut */
    bool date = field == &m->published || field == &m->modified;
    if (field && (!date || holds_year(content)))
        set_once(field, content);
    else
        free(content);
    free(key);
}

/* One pass over the whole tree for metadata, wherever pages put it. */
/* Microdata's type of an element ("https://schema.org/Recipe"): an
 * article or a recipe the page declares, as JSON-LD's @type does. */
static void read_itemtype(xmlNodePtr n, jsonld_info *j)
{
    char *type = node_prop(n, "itemtype");
    if (type) {
        /* several URLs may be given, parted by spaces */
        for (char *t = type; *t;) {
            size_t len = strcspn(t, " ");
            const char *name = t + len;
            while (name > t && name[-1] != '/')
                name--;
            jsonld_kind kind = jsonld_type_kind(name, (size_t)(t + len - name));
            j->is_article |= kind == JSONLD_ARTICLE;
            j->is_method |= kind == JSONLD_METHOD;
            t += len + strspn(t + len, " ");
        }
        free(type);
    }
}

/* Microdata's steps of a recipe, as the walk meets them: the first's and
 * the last's text, the length of all. */
typedef struct {
    xmlChar *first, *last;
    size_t len;
} steps_seen;

/* An element marked itemprop=recipeInstructions (the whole method, or one
 * step of it). */
static void note_steps(xmlNodePtr n, steps_seen *st)
{
    char *prop = node_prop(n, "itemprop");
    bool step = prop && strcmp(prop, "recipeInstructions") == 0;
    free(prop);
    if (!step)
        return;
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return;
    st->len += strlen((const char *)t);
    if (!st->first)
        st->first = t;
    else {
        xmlFree(st->last);
        st->last = t;
    }
}

static void read_metadata_in(xmlNodePtr n, page_meta *m, jsonld_info *j, steps_seen *st)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        read_itemtype(n, j);
        note_steps(n, st);
        if (node_is(n, "meta")) {
            read_meta_tag(n, m);
        } else if (node_is(n, "title") && !m->doc_title) {
            xmlChar *t = xmlNodeGetContent(n);
            if (t)
                set_once(&m->doc_title, text_squash((char *)t, strlen((char *)t)));
            xmlFree(t);
        } else if (node_is(n, "link")) {
            char *rel = node_prop(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                set_once(&m->canonical, node_prop(n, "href"));
            free(rel);
        } else if (node_is(n, "script")) {
            char *type = node_prop(n, "type");
            if (type && strcasecmp(type, "application/ld+json") == 0) {
                xmlChar *t = xmlNodeGetContent(n);
                if (t)
                    jsonld_read((char *)t, strlen((char *)t), j);
                xmlFree(t);
            }
            free(type);
            continue;
        }
        read_metadata_in(n->children, m, j, st);
    }
}

void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j)
{
    steps_seen st = {NULL, NULL, 0};
    read_metadata_in(n, m, j, &st);
    if (st.first)
        jsonld_declare_steps(j, (const char *)st.first, (const char *)(st.last ? st.last : st.first), st.len);
    xmlFree(st.first);
    xmlFree(st.last);
}

void page_meta_free(page_meta *m)
{
    free(m->og_title), free(m->og_description), free(m->description), free(m->og_site);
    free(m->og_url), free(m->canonical), free(m->published);
    free(m->modified), free(m->author), free(m->content_tier);
    free(m->doc_title), free(m->publisher), free(m->lang), free(m->meta_title);
    free(m->og_type);
}

void read_lang(ora_article *a, xmlNodePtr root, const jsonld_info *j,
               const page_meta *m)
{
    set_once(&a->lang, node_prop(root, "lang"));
    set_once(&a->lang, node_prop(root, "xml:lang"));
    set_once(&a->lang, ora_strdup(j->lang));
    set_once(&a->lang, ora_strdup(m->lang));
    if (a->lang) { /* the primary subtag is what selects a voice */
        a->lang[strcspn(a->lang, "-_")] = '\0';
        for (char *p = a->lang; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
}

/* The page's host from the first absolute URL it declares (a canonical
 * link may be relative), else from the address it was fetched from. */
char *page_host(const page_meta *m, const jsonld_info *j, const char *fetched_from)
{
    const char *urls[] = {m->canonical, m->og_url, j->url, fetched_from};
    for (size_t i = 0; i < 4; i++) {
        bool absolute = urls[i] && (strstr(urls[i], "://") || strncmp(urls[i], "//", 2) == 0);
        char *host = absolute ? url_host(urls[i]) : NULL;
        if (host && strchr(host, '.'))
            return host;
        free(host);
    }
    return NULL;
}
