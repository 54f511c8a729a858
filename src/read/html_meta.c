/* What a page declares about itself: <meta> tags (Open Graph, article:,
 * Dublin Core, itemprop), <title>, the canonical link, JSON-LD, the
 * language; read in one pass over the whole tree, wherever pages put it. */
#include "html.h"
#include "squash.h"

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

static void read_meta_tag(xmlNodePtr n, page_meta *m)
{
    char *key = node_prop(n, "property");
    if (!key)
        key = node_prop(n, "name");
    if (!key)
        key = node_prop(n, "itemprop");
    if (!key)
        return;
    for (char *p = key; *p; p++)
        *p = (char)tolower((unsigned char)*p);
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
    if (strcmp(k, "og:title") == 0) set_once(&m->og_title, content);
    else if (strcmp(k, "og:description") == 0 || strcmp(k, "description") == 0) set_once(&m->og_description, content);
    else if (strcmp(k, "og:site_name") == 0) set_once(&m->og_site, content);
    else if (strcmp(k, "og:type") == 0) set_once(&m->og_type, content);
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
    else if (strcmp(k, "dc.title") == 0 || strcmp(k, "headline") == 0 ||
             strcmp(k, "twitter:title") == 0) set_once(&m->meta_title, content);
    else free(content);
    free(key);
}

/* One pass over the whole tree for metadata, wherever pages put it. */
void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j)
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
        read_metadata(n->children, m, j);
    }
}

void page_meta_free(page_meta *m)
{
    free(m->og_title), free(m->og_description), free(m->og_site);
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
        char *host = urls[i] && strstr(urls[i], "://") ? url_host(urls[i]) : NULL;
        if (host && strchr(host, '.'))
            return host;
        free(host);
    }
    return NULL;
}
