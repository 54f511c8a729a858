/* The reader for pages. It dispatches; the parts (html.h) decide:
 *
 *   html/parse.c      bytes to tree, in the page's own encoding
 *   html/meta.c       what the page declares (meta tags, JSON-LD, lang)
 *   html/header.c     title (html/title.c), lede (html/lede.c), byline, dates
 *   html/container.c  where the article is (site rule or readability.c)
 *   html/walk.c       the body's blocks, from those containers
 *   html/judge.c      whether the page holds an article at all
 *
 * Header fields prefer what the page shows (the site rule's title element)
 * over what it declares (JSON-LD, Open Graph), because declarations are
 * often shortened for social cards; dates and authors prefer declarations,
 * which are machine-readable. */
#include "html/html.h"
#include "read/squash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Whether the page says its text is for subscribers only. */
static bool declares_locked(const page_meta *m, const jsonld_info *j)
{
    return j->free_access == 0 || (m->content_tier && strcmp(m->content_tier, "locked") == 0);
}

/* Bytes of a container's text from which a walk that read next to
 * nothing is done again with the elements that unlikely words name, and
 * the words of prose that are next to nothing: a brief of 40 words over
 * its readers' comments was read, and is not read again with them. */
#define RELAXED_WALK_TEXT 600
#define RELAXED_WALK_PROSE 20

/* Words of all the blocks: a recipe's list items count, as a live's
 * posts do. */
static size_t blocks_words(const ora_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        n += spaced_words(a->blocks[i].text);
    return n;
}

/* Walks the containers into a's blocks (w holds what the walk saw after);
 * skip_unlikely: elements named by an unlikely word are skipped. */
static void walk_page(const reader_data *d, ora_article *a, xmlNodePtr root, const char *paid_selector,
                      const node_list *containers, xmlNodePtr declared, xmlNodePtr avoid,
                      bool skip_unlikely, body_walk *w)
{
    *w = (body_walk){
        .rules = &d->site, .generic = &d->generic, .shop = &d->shop, .bp = &d->bp,
        .cues = &d->cues, .words = skip_unlikely ? &d->words : NULL,
        .paid_selector = paid_selector,
        .a = a, .host = d->host,
        .title_hash = a->title ? folded_hash(a->title) : 0,
        .lede_hash = a->lede ? folded_hash(a->lede) : 0,
        .declared = declared,
        .avoid = avoid,
    };
    walk_containers(w, root, containers);
    seen_set_free(&w->seen);
}

/* Next to nothing read, where the page declares its article's text
 * (JSON-LD's articleBody, more than an article's worth): a script fills
 * the page in, and the declared text is the article. Not behind a
 * paywall, whose notice says the article was cut. */
static void read_declared_body(ora_article *a, const jsonld_info *j)
{
    if (!j->body_text || j->body_of_method || a->truncated || prose_words(a) >= MIN_ARTICLE_WORDS ||
        word_count(j->body_text) < MIN_ARTICLE_WORDS)
        return;
    article_drop_blocks(a, 0);
    jsonld_add_body(j, a);
}

/* Reads the article into a from the containers found (avoiding avoid,
 * when not NULL); *chosen, the first of them when the scoring chose them. */
static int read_page(xmlDocPtr doc, const reader_data *d, ora_article *a,
                     const page_meta *m, const jsonld_info *j, xmlNodePtr avoid, xmlNodePtr *chosen)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool lede_declared = fill_header(d, a, root, m, j);
    read_lang(a, root, j, m);
    node_list containers;
    readability_stats st;
    xmlNodePtr declared;
    if (find_containers(root, &d->site, &d->words, j, a->title, avoid, &containers, &st, &declared) < 0)
        return -1;
    *chosen = containers.n && !declared && st.scored ? containers.nodes[0] : NULL;
    size_t paid = paid_part_text(root, j->paid_selector); /* measured once: a walk of the page */
    const char *paid_selector = usable_paid_selector(j->paid_selector, paid, &containers);
    body_walk w;
    bool was_truncated = a->truncated;
    double was_remaining = a->remaining_percent;
    walk_page(d, a, root, paid_selector, &containers, declared, avoid, !has_site_rules(d), &w);
    /* Next to nothing read from a container of much text: its prose sat
     * in elements an unlikely word names, each one short, all of them
     * most of it (a live's posts, "live-match-comment"). The walk is done
     * again reading them, as the scoring's relaxed pass reads them. */
    if (w.words && prose_words(a) < RELAXED_WALK_PROSE && blocks_words(a) < MIN_ARTICLE_WORDS &&
        w.container_len >= RELAXED_WALK_TEXT) {
        article_drop_blocks(a, 0);
        a->truncated = was_truncated, a->remaining_percent = was_remaining;
        walk_page(d, a, root, paid_selector, &containers, declared, avoid, false, &w);
    }
    drop_teasers(a);
    drop_lone_figures(a);
    drop_pull_quotes(a);
    take_closing_signature(&d->cues, a); /* before a last heading is dropped: it may be the name */
    trim_trailing_box(a, w.last_heading_amid_prose);
    find_cut_beside(&w, &containers);
    read_declared_body(a, j);
    finish_date(d, a, root, &containers);
    if (!a->published && w.head_date[0])
        a->published = ora_strdup(w.head_date);
    if (lede_declared && !w.lede_shown && lede_shown_after(root, &containers, a->lede)) {
        free(a->lede); /* the site's blurb, in the footer */
        a->lede = NULL;
    }
    /* a lede the page shows outside the containers stands above the body */
    finish_lede(a, m->doc_title, lede_declared, w.lede_shown || !lede_declared, w.lede_shown ? w.lede_at : 0);
    keep_h1_subtitle(d, a, root);
    finish_byline(d, a, root, m, &containers);
    node_list_free(&containers);
    /* a locked page that carries its paid part whole was read whole */
    a->truncated = a->truncated || (declares_locked(m, j) && !paid_part_whole(paid));
    const char *why = judge_page(a, root, m, j, &st, &d->not_article);
    if (why && !a->not_article)
        a->not_article = ora_strdup(why);
    return 0;
}

/* A second reading b of the page a was read from: empty, a's address
 * kept; -1 when out of memory (b can be freed all the same). */
static int start_again(const ora_article *a, ora_article *b)
{
    ora_article_init(b);
    return a->url && !(b->url = ora_strdup(a->url)) ? -1 : 0;
}

/* Keeps the second reading b in a when better, or frees it. */
static void keep_second(ora_article *a, ora_article *b, bool better)
{
    if (better) {
        ora_article_free(a);
        *a = *b;
    } else {
        ora_article_free(b);
    }
}

/* Letters of a title's word that the runner-up's text must say. */
#define TITLE_WORD_LETTERS 4

/* Does the article's text say a third of its title's words of four
 * letters or more, one at least ("Restaurant Style Salsa": "salsa")? A
 * consent panel or a shop's footer beside a refused reading does not. */
static bool speaks_of_title(const ora_article *a)
{
    char *text = a->title ? blocks_text(a) : NULL;
    size_t words = 0, told = text ? words_said(a->title, text, TITLE_WORD_LETTERS, &words) : 0;
    free(text);
    return told && told * 3 >= words;
}

/* When the scoring's first choice reads as no article (a review list's
 * login notice, a scrap, a summary), the page may still hold one beside
 * or around it: the runner-up, read without the first choice, is kept
 * only when the page's judge takes it for an article and it speaks of the
 * page's title. Otherwise the first reading and its reason stand. */
static int read_page_or_runner_up(xmlDocPtr doc, const reader_data *d, ora_article *a,
                                  const page_meta *m, const jsonld_info *j)
{
    xmlNodePtr chosen = NULL, again = NULL;
    if (read_page(doc, d, a, m, j, NULL, &chosen) < 0)
        return -1;
    if (!a->not_article || !chosen)
        return 0;
    ora_article b;
    if (start_again(a, &b) < 0 || read_page(doc, d, &b, m, j, chosen, &again) < 0) {
        ora_article_free(&b);
        return -1;
    }
#ifdef HTML_DEBUG
    fprintf(stderr, "runner-up: %s, %zu blocks, %s the title\n", b.not_article ? b.not_article : "an article",
            b.n_blocks, speaks_of_title(&b) ? "speaks of" : "does not speak of");
#endif
    keep_second(a, &b, again && !b.not_article && b.n_blocks && speaks_of_title(&b));
    return 0;
}

/* A page read as no article, or as a few lines, may hide its article
 * until a button shows it (reveal.c). The page is read again with its
 * largest hidden block of prose shown, and that reading is kept when it
 * is an article that speaks of the title and says much more. */
static int read_page_revealed(xmlDocPtr doc, const reader_data *d, ora_article *a,
                              const page_meta *m, const jsonld_info *j)
{
    if (read_page_or_runner_up(doc, d, a, m, j) < 0)
        return -1;
    size_t words = all_words(a);
    if ((!a->not_article && words >= MIN_ARTICLE_WORDS) || !reveal_hidden_prose(xmlDocGetRootElement(doc)))
        return 0;
    ora_article b;
    if (start_again(a, &b) < 0 || read_page_or_runner_up(doc, d, &b, m, j) < 0) {
        ora_article_free(&b);
        return -1;
    }
    keep_second(a, &b, !b.not_article && all_words(&b) > words * 2 && speaks_of_title(&b));
    return 0;
}

static int read_html(const char *data, size_t len, char *taken, ora_article *a,
                     ora_error *err)
{
    htmlDocPtr doc = html_parse(data, len, taken, err);
    if (!doc)
        return -1;
    page_meta m = {0};
    jsonld_info j;
    jsonld_init(&j);
    read_metadata(xmlDocGetRootElement(doc), &m, &j);
    reader_data d;
    char *host = page_host(&m, &j, a->url);
    int rc = load_rules(host, &d, err);
    if (rc == 0) {
        d.host = host;
        rc = read_page_revealed(doc, &d, a, &m, &j);
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
