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
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* ── The body ──────────────────────────────────────────────────────────── */

/* ── Tables ────────────────────────────────────────────────────────────── */

/* ── Lines that are page furniture, whatever the site ──────────────────── */

/* ── The header ────────────────────────────────────────────────────────── */

/* ── Is it an article at all? ──────────────────────────────────────────── */

/* ── The paid part named by JSON-LD ────────────────────────────────────── */

/* ── The page ──────────────────────────────────────────────────────────── */

typedef struct {
    boilerplate bp;
    read_cues cues;
    site_rules site, generic;
    readability_words words;
    phrase_list not_article, shop;
    const char *host; /* the page's, when it says where it lives */
} reader_data;

static int read_page(xmlDocPtr doc, const reader_data *d, ora_article *a,
                     const page_meta *m, const jsonld_info *j)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const site_rules *r = &d->site;
    bool has_rules = r->hosts != NULL, lede_declared;
    fill_header(&d->cues, a, root, r, &d->generic, &d->words, m, j, has_rules, d->host,
                &lede_declared);
    read_lang(a, root, j, m);
    node_list containers;
    readability_stats st;
    if (find_containers(root, r, &d->words, a->title, &containers, &st) < 0)
        return -1;
    body_walk w = {r, &d->generic, &d->shop, &d->bp, &d->cues, has_rules ? NULL : &d->words,
                   usable_paid_selector(root, j->paid_selector, &containers), a,
                   false, 0, false, {0}, 0, 0, {0}, 0, 0, 0, d->host};
    w.title_hash = a->title ? folded_hash(a->title) : 0;
    w.lede_hash = a->lede ? folded_hash(a->lede) : 0;
    size_t largest = 0, most = 0; /* the article's own container, not a joined sibling */
    for (size_t i = 0; w.words && i < containers.n; i++) {
        size_t len = visible_text(containers.nodes[i]);
        w.container_len += len;
        if (len > most)
            most = len, largest = i;
    }
    if (!containers.n)
        walk_body(&w, root->children, false);
    for (size_t i = 0; i < containers.n && !w.stopped; i++) {
        if (i > largest && ends_before(&w, containers.nodes[i - 1], containers.nodes[i]))
            break;
        xmlNodePtr c = containers.nodes[i];
        if (is_embed_box(c) || is_shop_box(&w, c) ||
            (containers.n > 1 && visible_text(c) * 2 < w.container_len && skip_element(&w, c)))
            continue; /* a sibling that is only an embed's label, a shop, or furniture */
        if (containers.nodes[i]->type == XML_ELEMENT_NODE &&
            (block_kind(containers.nodes[i], &(ora_block_kind){0}) ||
             readability_inline(containers.nodes[i]) || node_is(containers.nodes[i], "figure")))
            walk_node(&w, containers.nodes[i], false); /* a sibling paragraph */
        else
            walk_body(&w, containers.nodes[i]->children, false);
    }
    flush_run(&w);
    seen_set_free(&w.seen);
    trim_trailing_box(a);
    fill_date(a, root, &containers);
    date_from_text(&d->cues, a, root, &d->generic);
    node_list_free(&containers);
    finish_lede(a, lede_declared, w.lede_shown);
    if (!prose_paragraphs(a) && a->lede && (w.lede_shown || !lede_declared)) {
        /* a brief whose only paragraph is its chapo: that is the body */
        add_first_paragraph(a, a->lede);
        free(a->lede);
        a->lede = NULL;
    }
    /* after the body, whose signature line names a person better than an
     * author meta that often names a desk */
    if (!a->byline) { /* an element whose class names a signature */
        bool after_h1 = false;
        a->byline = usable_byline(&d->cues, find_named(root, &d->generic, &d->words.byline,
                                                       &after_h1, 3, 200));
    }
    set_once(&a->byline, ora_strdup(person_author(m)));
    bool locked = m->content_tier && strcmp(m->content_tier, "locked") == 0;
    a->truncated = a->truncated || j->free_access == 0 || locked;
    const char *why = judge_page(a, root, m, j, &st, &d->not_article);
    if (why && !a->not_article)
        a->not_article = ora_strdup(why);
    return 0;
}

static void free_rules(reader_data *d)
{
    boilerplate_free(&d->bp);
    read_cues_free(&d->cues);
    site_rules_free(&d->site);
    site_rules_free(&d->generic);
    readability_words_free(&d->words);
    phrase_list_free(&d->not_article);
    phrase_list_free(&d->shop);
}

static int load_rules(const char *host, reader_data *d, ora_error *err)
{
    memset(d, 0, sizeof *d);
    if (boilerplate_load(&d->bp, err) < 0 || read_cues_load(&d->cues, err) < 0 ||
        site_rules_load(host, &d->site, err) < 0 ||
        site_rules_load(NULL, &d->generic, err) < 0 ||
        readability_words_load(&d->words, err) < 0 ||
        phrase_list_load("rules/fr/not-article-page.txt", &d->not_article, err) < 0 ||
        phrase_list_load("rules/fr/shop-links.txt", &d->shop, err) < 0) {
        free_rules(d);
        return -1;
    }
    return 0;
}

static int read_html(const char *data, size_t len, char *taken, ora_article *a,
                     ora_error *err)
{
    if (len > (size_t)INT32_MAX) {
        free(taken);
        ora_set_error(err, "the page is too large to read (over 2 GB).");
        return -1;
    }
    htmlDocPtr doc = parse_page(data, len, taken);
    if (!doc || !xmlDocGetRootElement(doc)) {
        ora_set_error(err, "the page could not be parsed as HTML.");
        xmlFreeDoc(doc);
        return -1;
    }
    int depth = tree_depth(xmlDocGetRootElement(doc));
    if (depth > MAX_PAGE_DEPTH) {
        ora_set_error(err, "the page nests its elements %d deep, more than the %d oralise reads: "
                      "it cannot be read whole.", depth, MAX_PAGE_DEPTH);
        xmlFreeDoc(doc);
        return -1;
    }
    page_meta m = {0};
    jsonld_info j;
    jsonld_init(&j);
    read_metadata(xmlDocGetRootElement(doc), &m, &j);
    reader_data d;
    char *host = page_host(&m, &j, a->url);
    int rc = load_rules(host, &d, err);
    if (rc == 0) {
        d.host = host;
        rc = read_page(doc, &d, a, &m, &j);
        if (rc < 0)
            ora_set_error(err, "out of memory while reading the page.");
        free_rules(&d);
    }
    free(host);
    page_meta_free(&m);
    jsonld_free(&j);
    xmlFreeDoc(doc);
    return rc;
}

int ora_read_html(const char *data, size_t len, ora_article *a, ora_error *err)
{
    return read_html(data, len, NULL, a, err);
}

int html_read_taken(char *data, size_t len, ora_article *a, ora_error *err)
{
    return read_html(data, len, data, a, err);
}
