/* The reader for pages: libxml2's HTML parser, then metadata (JSON-LD, meta
 * tags), then the body from the container that the site rules name.
 *
 * Header fields prefer what the page shows (the site rule's title element)
 * over what it declares (JSON-LD, Open Graph), because declarations are
 * often shortened for social cards; dates and authors prefer declarations,
 * which are machine-readable. */
#include "internal.h"
#include "jsonld.h"
#include "selector.h"
#include "site.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char *og_title, *og_description, *og_site, *og_url, *canonical;
    char *published, *modified, *author, *content_tier, *doc_title;
} page_meta;

typedef struct {
    const site_rules *rules;
    const boilerplate *bp;
    const char *paid_selector;
    ora_article *a;
    bool stopped; /* reached the paywall */
} body_walk;

static bool is_tag(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcasecmp((const char *)n->name, name) == 0;
}

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

/* Elements whose content is never article text. */
static bool never_text(xmlNodePtr n)
{
    static const char *const tags[] = {"script", "style", "noscript", "template",
                                       "svg", "button", "form", "iframe",
                                       "select", "input", "img", "video",
                                       "audio", "picture", "source", NULL};
    for (const char *const *t = tags; *t; t++)
        if (is_tag(n, *t))
            return true;
    if (xmlHasProp(n, BAD_CAST "hidden"))
        return true;
    char *style = prop(n, "style");
    bool hidden = style && (strstr(style, "display:none") || strstr(style, "display: none"));
    free(style);
    return hidden;
}

static void gather_text(xmlNodePtr n, const site_rules *r, strbuf *b)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            sb_adds(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (never_text(c) || selector_matches(c, r->credit) ||
                selector_matches(c, r->drop))
                continue;
            if (is_tag(c, "br"))
                sb_addc(b, '\n');
            gather_text(c->children, r, b);
        }
    }
}

/* The visible text of an element, squashed; NULL when blank. */
static char *element_text(xmlNodePtr n, const site_rules *r)
{
    strbuf b;
    sb_init(&b);
    gather_text(n->children, r, &b);
    char *t = text_squash(b.s ? b.s : "", b.len);
    sb_free(&b);
    if (!*t) {
        free(t);
        return NULL;
    }
    return t;
}

static void read_meta_tag(xmlNodePtr n, page_meta *m)
{
    char *key = prop(n, "property");
    if (!key)
        key = prop(n, "name");
    if (!key)
        return;
    char *content = prop(n, "content");
    const char *k = key;
    if (str_starts_with(k, "og:article:"))
        k += 3;
    if (strcmp(k, "og:title") == 0) set_once(&m->og_title, content);
    else if (strcmp(k, "og:description") == 0) set_once(&m->og_description, content);
    else if (strcmp(k, "og:site_name") == 0) set_once(&m->og_site, content);
    else if (strcmp(k, "og:url") == 0) set_once(&m->og_url, content);
    else if (strcmp(k, "article:published_time") == 0) set_once(&m->published, content);
    else if (strcmp(k, "article:modified_time") == 0) set_once(&m->modified, content);
    else if (strcmp(k, "article:author") == 0 || strcmp(k, "author") == 0) set_once(&m->author, content);
    else if (strcmp(k, "article:content_tier") == 0) set_once(&m->content_tier, content);
    else free(content);
    free(key);
}

/* One pass over the whole tree for metadata, wherever pages put it. */
static void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_tag(n, "meta")) {
            read_meta_tag(n, m);
        } else if (is_tag(n, "title") && !m->doc_title) {
            xmlChar *t = xmlNodeGetContent(n);
            if (t)
                set_once(&m->doc_title, text_squash((char *)t, strlen((char *)t)));
            xmlFree(t);
        } else if (is_tag(n, "link")) {
            char *rel = prop(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                set_once(&m->canonical, prop(n, "href"));
            free(rel);
        } else if (is_tag(n, "script")) {
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
    free(m->doc_title);
}

static bool at_paywall(body_walk *w, xmlNodePtr n)
{
    if (!selector_matches(n, w->rules->cut) &&
        !selector_matches(n, w->paid_selector))
        return false;
    char *pct = prop(n, "data-percentage");
    if (pct)
        w->a->remaining_percent = atof(pct);
    else {
        char *t = element_text(n, w->rules);
        if (t)
            w->a->remaining_percent = paywall_percent(t);
        free(t);
    }
    free(pct);
    return true;
}

static ora_block_kind block_kind(xmlNodePtr n, bool *is_block)
{
    *is_block = true;
    if (is_tag(n, "p"))
        return ORA_BLOCK_PARAGRAPH;
    if (is_tag(n, "h2") || is_tag(n, "h3") || is_tag(n, "h4") ||
        is_tag(n, "h5") || is_tag(n, "h6"))
        return ORA_BLOCK_HEADING;
    if (is_tag(n, "blockquote"))
        return ORA_BLOCK_QUOTE;
    if (is_tag(n, "li"))
        return ORA_BLOCK_LIST_ITEM;
    if (is_tag(n, "figcaption"))
        return ORA_BLOCK_CAPTION;
    *is_block = false;
    return ORA_BLOCK_PARAGRAPH;
}

static void add_text_block(body_walk *w, ora_block_kind kind, char *text)
{
    if (boilerplate_is_cut(w->bp, text)) {
        w->stopped = true;
        w->a->truncated = true;
        if (w->a->remaining_percent < 0)
            w->a->remaining_percent = paywall_percent(text);
    } else if (!boilerplate_is_drop(w->bp, text)) {
        ora_article_add_block(w->a, kind, text);
    }
    free(text);
}

static void walk_body(body_walk *w, xmlNodePtr n)
{
    for (; n && !w->stopped; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n) ||
            selector_matches(n, w->rules->drop))
            continue;
        if (at_paywall(w, n)) {
            w->stopped = true;
            w->a->truncated = true;
            return;
        }
        bool is_block;
        ora_block_kind kind = block_kind(n, &is_block);
        if (!is_block) {
            walk_body(w, n->children);
            continue;
        }
        char *text = element_text(n, w->rules);
        if (text)
            add_text_block(w, kind, text);
    }
}

static char *rule_text(xmlNodePtr root, const char *sel, const site_rules *r)
{
    xmlNodePtr n = sel ? selector_find(root, sel) : NULL;
    return n ? element_text(n, r) : NULL;
}

static char *strip_par(char *byline)
{
    if (!byline)
        return NULL;
    const char *p = byline;
    if (str_starts_with(p, "Par ") || str_starts_with(p, "By "))
        p = strchr(p, ' ') + 1;
    char *s = ora_strdup(p);
    free(byline);
    return s;
}

static void fill_header(ora_article *a, xmlNodePtr root, const site_rules *r,
                        page_meta *m, jsonld_info *j)
{
    set_once(&a->title, rule_text(root, r->title, r));
    set_once(&a->title, ora_strdup(j->headline));
    set_once(&a->title, ora_strdup(m->og_title));
    set_once(&a->title, ora_strdup(m->doc_title));
    set_once(&a->lede, rule_text(root, r->lede, r));
    set_once(&a->lede, ora_strdup(j->description));
    set_once(&a->lede, ora_strdup(m->og_description));
    set_once(&a->byline, strip_par(rule_text(root, r->byline, r)));
    set_once(&a->byline, ora_strdup(j->authors));
    set_once(&a->byline, ora_strdup(m->author));
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

static void read_lang(ora_article *a, xmlNodePtr root, const jsonld_info *j)
{
    char *lang = prop(root, "lang");
    set_once(&a->lang, lang);
    set_once(&a->lang, ora_strdup(j->lang));
    if (a->lang) { /* the primary subtag is what selects a voice */
        a->lang[strcspn(a->lang, "-_")] = '\0';
    }
}

static void read_page(xmlDocPtr doc, const boilerplate *bp, ora_article *a,
                      const site_rules *r, page_meta *m, jsonld_info *j)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    fill_header(a, root, r, m, j);
    read_lang(a, root, j);
    xmlNodePtr container = selector_find(root, r->article);
    body_walk w = {r, bp, j->paid_selector, a, false};
    walk_body(&w, container ? container->children : root->children);
    bool locked = m->content_tier && strcmp(m->content_tier, "locked") == 0;
    a->truncated = a->truncated || w.stopped || j->free_access == 0 || locked;
}

int ora_read_html(const char *data, size_t len, ora_article *a, ora_error *err)
{
    if (len > (size_t)INT32_MAX) {
        ora_set_error(err, "the page is too large to read (over 2 GB).");
        return -1;
    }
    htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, NULL,
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
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
    char *host = url_host(m.canonical ? m.canonical : m.og_url ? m.og_url : j.url);
    int rc = boilerplate_load(&bp, err);
    if (rc == 0 && (rc = site_rules_load(host, &r, err)) < 0)
        boilerplate_free(&bp);
    if (rc == 0) {
        read_page(doc, &bp, a, &r, &m, &j);
        site_rules_free(&r);
        boilerplate_free(&bp);
    }
    free(host);
    page_meta_free(&m);
    jsonld_free(&j);
    xmlFreeDoc(doc);
    return rc;
}
