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

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ── The body ──────────────────────────────────────────────────────────── */

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
            w->a->remaining_percent = paywall_percent(w->cues, t);
        free(t);
    }
    free(pct);
    return true;
}

static void add_block(body_walk *w, ora_block_kind kind, char *text);

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

/* Text loose between blocks (not in a <p>) that is only a link ("Voir
 * les résultats dans votre commune") or a label of a few words without a
 * sentence ("EN DIRECT", "Épinglé") is page furniture. */
static bool run_is_furniture(const body_walk *w)
{
    char *t = squash_piece(w->run.s, w->run.len);
    if (!t)
        return true;
    size_t n = strlen(t);
    bool sentence = n && strchr(".!?:»\"", t[n - 1]);
    bool link_only = w->run_links * 10 >= n * 9 && n < 100;
    bool label = !sentence && n <= 25 && word_count(t) <= 3;
    free(t);
    return (link_only && !sentence) || label;
}

static void flush_run(body_walk *w)
{
    if (w->run.len && !run_is_furniture(w))
        add_split_paragraphs(w, ORA_BLOCK_PARAGRAPH, w->run.s, w->run.len);
    sb_free(&w->run);
    w->run_links = 0;
}

static void walk_body(body_walk *w, xmlNodePtr n, bool in_quote);

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
    if (is_link_block(w, n, kind, b.s ? b.s : "", b.len)) {
        sb_free(&b);
        return;
    }
    add_split_paragraphs(w, kind, b.s ? b.s : "", b.len);
    sb_free(&b);
}

/* ── Tables ────────────────────────────────────────────────────────────── */

static void read_figcaptions(body_walk *w, xmlNodePtr n)
{
    for (; n && !w->stopped; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || skip_element(w, n))
            continue;
        if (node_is(n, "figcaption"))
            read_block(w, n, ORA_BLOCK_CAPTION, false);
        else
            read_figcaptions(w, n->children);
    }
}

/* A picture's own words (alt, title): a block right after it that says
 * them again is its legend, not a paragraph. */
static void note_picture(body_walk *w, xmlNodePtr img)
{
    char *alt = prop(img, "alt"), *title = prop(img, "title");
    w->alt_hash = alt && word_count(alt) >= 3 ? folded_hash(alt) : 0;
    w->alt_hash2 = title && word_count(title) >= 3 ? folded_hash(title) : 0;
    free(alt), free(title);
}

static void walk_node(body_walk *w, xmlNodePtr n, bool in_quote)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            sb_adds(&w->run, (const char *)n->content);
        return;
    }
    if (n->type == XML_ELEMENT_NODE && node_is(n, "img"))
        note_picture(w, n);
    if (n->type != XML_ELEMENT_NODE || skip_element(w, n))
        return;
    if (at_paywall(w, n)) {
        flush_run(w);
        w->stopped = true;
        w->a->truncated = true;
        return;
    }
    ora_block_kind kind;
    if (readability_inline(n) && !has_block_inside(n)) {
        if (node_is(n, "br"))
            sb_addc(&w->run, BR_MARK);
        else
        {
            size_t before = w->run.len;
            gather_text(n->children, w->rules, &w->run);
            if (node_is(n, "a"))
                w->run_links += w->run.len - before;
        }
        return;
    }
    flush_run(w);
    if (node_is(n, "table") && take_table(w, n))
        return;
    if (node_is(n, "figure") && !selector_find(n->children, "blockquote, table")) {
        /* a picture: its legend, not its buttons ("Agrandir") or credit */
        read_figcaptions(w, n->children);
        return;
    }
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

/* ── Lines that are page furniture, whatever the site ──────────────────── */

/* Has this text been read already? Remembers it if not. Short blocks
 * (a "Oui" in a list, a one-word heading) may repeat. */
static bool read_before(body_walk *w, const char *text, uint64_t h)
{
    if (strlen(text) < 40)
        return false;
    return seen_set_add(&w->seen, h);
}

static void add_block(body_walk *w, ora_block_kind kind, char *text)
{
    ora_article *a = w->a;
    drop_glued_counter(text);
    /* one cheap hash decides whether the slower comparisons are needed */
    uint64_t h = folded_hash(text);
    if (boilerplate_is_cut(w->bp, text)) {
        w->stopped = true;
        a->truncated = true;
        if (a->remaining_percent < 0)
            a->remaining_percent = paywall_percent(w->cues, text);
    } else if (boilerplate_is_end(w->bp, text)) {
        /* before any text it is a header's link ("Réagir"), not the end */
        w->stopped = a->n_blocks > 0;
    } else if (!has_word(text) || boilerplate_is_drop(w->bp, text) ||
               (strlen(text) < 300 && cue_link_announcer(w->cues, text)) ||
               (strlen(text) < 60 && boilerplate_is_credit(w->bp, text)) ||
               is_credit_line(w->cues, text) || is_meta_line(w->cues, text) ||
               cue_counter_line(w->cues, text) ||
               is_initials(text) || is_post_signature(text) ||
               cue_wire_signature(w->cues, w->bp, text) ||
               (h == w->title_hash && same_folded(text, a->title)) || is_kicker(a, text) ||
               is_header_label(a, kind, text) ||
               (h == w->lede_hash && same_folded(text, a->lede) && (w->lede_shown = true)) ||
               take_signature(w->cues, a, text) ||
               (a->byline && strncmp(text, a->byline, strlen(a->byline)) == 0 &&
                strlen(text) < strlen(a->byline) + 40) ||
               read_before(w, text, h)) {
        /* furniture, the header repeated, the signature, or a repeat */
    } else {
        if (kind == ORA_BLOCK_PARAGRAPH &&
            (looks_like_caption(w->cues, text) ||
             (h && (h == w->alt_hash || h == w->alt_hash2))))
            kind = ORA_BLOCK_CAPTION;
        ora_article_add_block(a, kind, text);
    }
    w->alt_hash = w->alt_hash2 = 0;
    free(text);
}

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
