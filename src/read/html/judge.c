/* "No article here": from features of the page (a password field,
 * headlines that are links, an error title, consent phrases, search
 * snippets), never from its site, what a page without an article is. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    size_t passwords;      /* <input type=password> */
    size_t headline_links; /* headings that are links: teasers */
} page_shape;

static void measure_shape(xmlNodePtr n, page_shape *ps)
{
    static const char *const heads[] = {"h1", "h2", "h3", "h4", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(n, "input")) {
            char *type = node_prop(n, "type");
            ps->passwords += type && strcasecmp(type, "password") == 0;
            free(type);
        }
        if (node_is_one_of(n, heads) &&
            ((n->parent && node_is(n->parent, "a")) || selector_find(n->children, "a")))
            ps->headline_links++;
        if (node_is(n, "script") || node_is(n, "style"))
            continue;
        measure_shape(n->children, ps);
    }
}

/* Where the folded phrase f stands in the folded text t, as whole words
 * ("404", not in "14045"; "erreur", not in "Les cinq erreurs à éviter"). */
static bool holds_phrase(const char *t, const char *f)
{
    size_t fl = strlen(f);
    for (const char *at = strstr(t, f); at; at = strstr(at + 1, f))
        if ((at == t || !word_byte((unsigned char)at[-1])) && !word_byte((unsigned char)at[fl]))
            return true;
    return false;
}

/* t opens with f, alone or before a separator ("Startseite: Offizielles…",
 * "Accueil - Mairie de …"; not "Accueil des réfugiés : …"). */
static bool opens_with_phrase(const char *t, const char *f)
{
    size_t fl = strlen(f);
    if (strncmp(t, f, fl) != 0)
        return false;
    const char *rest = t + fl;
    rest += strspn(rest, " ");
    return !*rest || strchr(":|-", *rest) || strncmp(rest, "\xe2\x80\x93", 3) == 0 ||
           strncmp(rest, "\xe2\x80\x94", 3) == 0 || strncmp(rest, "\xc2\xb7", 2) == 0;
}

/* Does a text, folded, match one of the list's phrases of this kind, as
 * `match` says where? */
static bool kind_matches(const phrase_list *pl, const char *kind, const char *text,
                         bool (*match)(const char *t, const char *f))
{
    if (!text)
        return false;
    char *t = squash_folded(text);
    bool hit = false;
    size_t kl = strlen(kind);
    for (size_t i = 0; t && i < pl->n && !hit; i++) {
        const char *p = pl->items[i];
        if (strncmp(p, kind, kl) != 0 || p[kl] != ':')
            continue;
        char *f = squash_folded(p + kl + 1);
        hit = f && match(t, f);
        free(f);
    }
    free(t);
    return hit;
}

/* Does a folded text hold one of the list's phrases of this kind? */
static bool says(const phrase_list *pl, const char *kind, const char *text)
{
    return kind_matches(pl, kind, text, holds_phrase);
}

/* Does a title open with one of the list's phrases of this kind? */
static bool opens_with(const phrase_list *pl, const char *kind, const char *text)
{
    return kind_matches(pl, kind, text, opens_with_phrase);
}

static bool blocks_say(const phrase_list *pl, const char *kind, const ora_article *a)
{
    if (says(pl, kind, a->lede))
        return true;
    for (size_t i = 0; i < a->n_blocks; i++)
        if (says(pl, kind, a->blocks[i].text))
            return true;
    return false;
}

/* Blocks cut by an ellipsis at either end ("… le bassin a été refait …"):
 * the snippets of search results or teasers. */
static size_t snippets(const ora_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const char *t = a->blocks[i].text;
        size_t l = strlen(t);
        n += str_starts_with(t, "\xe2\x80\xa6") || str_starts_with(t, "...") ||
             (l >= 3 && (strcmp(t + l - 3, "\xe2\x80\xa6") == 0 || strcmp(t + l - 3, "...") == 0));
    }
    return n;
}

/* A description of this many words that opens the text read (the lede or
 * the first paragraphs) describes that text: the page is its article's. A
 * front page's description is the site's tagline, which no teaser opens. */
#define DESCRIPTION_WORDS 12

static bool described(const ora_article *a, const page_meta *m)
{
    return m->og_description && word_count(m->og_description) >= DESCRIPTION_WORDS &&
           opens_paragraphs(a, m->og_description, true);
}

/* ── Lists of teasers ─────────────────────────────────────────────────
 * An author's page, a tag page, search results: three or more siblings
 * (<article>, <li>, <div>) that each hold a headline link of three words
 * or more and a few words beside it (a date, a summary). When the text
 * read is mostly theirs, the page lists articles and holds none. */
#define TEASER_MIN_SIBLINGS 3
#define TEASER_MAX_WORDS 80

typedef struct {
    char **texts;  /* each teaser's text, squashed as blocks are */
    size_t n, cap;
    size_t dated;  /* teasers that show a date: a <time> or a year */
} teaser_list;

static bool shows_year(const char *t)
{
    for (const char *p = t; *p; p++)
        if ((p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0') && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]) &&
            (p == t || !isdigit((unsigned char)p[-1])))
            return true;
    return false;
}

/* Whether the text under n fits in *budget bytes, spent as it is read:
 * a bound that spares reading whole the big containers of a long page. */
static bool text_fits(xmlNodePtr n, size_t *budget)
{
    for (; n; n = n->next) {
        size_t len = n->type == XML_TEXT_NODE && n->content ? strlen((const char *)n->content) : 0;
        if (len > *budget)
            return false;
        *budget -= len;
        if (n->type == XML_ELEMENT_NODE && !text_fits(n->children, budget))
            return false;
    }
    return true;
}

/* Bytes of markup text a teaser's words take at most, spaces in. */
#define TEASER_MAX_BYTES (TEASER_MAX_WORDS * 16)

/* The text of c when it is a teaser, an item with a headline link and
 * few words; NULL when it is not. */
static char *teaser_text(xmlNodePtr c, const site_rules *none)
{
    static const char *const items[] = {"article", "li", "div", NULL};
    size_t budget = TEASER_MAX_BYTES;
    if (c->type != XML_ELEMENT_NODE || !node_is_one_of(c, items) || !text_fits(c->children, &budget))
        return NULL;
    xmlNodePtr link = selector_find(c->children, "a");
    char *headline = link ? element_text(link, none) : NULL, *all = NULL;
    if (headline && word_count(headline) >= 3) {
        all = element_text(c, none);
        size_t words = word_count(all);
        if (words > TEASER_MAX_WORDS || words <= word_count(headline))
            free(all), all = NULL;
    }
    free(headline);
    return all;
}

/* The teasers among parent's children, kept when there are three or more. */
static void add_teasers(xmlNodePtr parent, const site_rules *none, teaser_list *tl)
{
    size_t first = tl->n, dated = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        char *t = teaser_text(c, none);
        if (!t)
            continue;
        if (tl->n == tl->cap) {
            size_t cap = tl->cap ? tl->cap * 2 : 16;
            char **grown = realloc(tl->texts, cap * sizeof *grown);
            if (!grown) {
                free(t);
                break;
            }
            tl->texts = grown, tl->cap = cap;
        }
        dated += shows_year(t) || selector_find(c->children, "time") != NULL;
        tl->texts[tl->n++] = t;
    }
    if (tl->n - first >= TEASER_MIN_SIBLINGS) {
        tl->dated += dated;
        return;
    }
    while (tl->n > first)
        free(tl->texts[--tl->n]);
}

static void find_teasers(xmlNodePtr n, const site_rules *none, teaser_list *tl)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || node_is(n, "script") || node_is(n, "style"))
            continue;
        add_teasers(n, none, tl);
        find_teasers(n->children, none, tl);
    }
}

/* The words of the blocks read that a teaser holds. */
static size_t teaser_words(const ora_article *a, const teaser_list *tl)
{
    size_t words = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        for (size_t k = 0; k < tl->n; k++)
            if (*a->blocks[i].text && strstr(tl->texts[k], a->blocks[i].text)) {
                words += word_count(a->blocks[i].text);
                break;
            }
    return words;
}

/* Whether the text read is mostly teasers: dated ones, or any on a page
 * that does not vouch for an article (a listicle's items are its own). */
static bool list_of_teasers(const ora_article *a, xmlNodePtr root, bool vouched)
{
    site_rules none = {0};
    teaser_list tl = {0};
    find_teasers(root, &none, &tl);
    size_t words = all_words(a);
    bool listed = tl.n >= TEASER_MIN_SIBLINGS && (!vouched || tl.dated >= TEASER_MIN_SIBLINGS) &&
                  words && teaser_words(a, &tl) * 10 >= words * 6;
    for (size_t k = 0; k < tl.n; k++)
        free(tl.texts[k]);
    free(tl.texts);
    return listed;
}

/* Thresholds in words of prose: under them, the features below decide. */
#define FEW_WORDS 150
#define SOME_WORDS 400
#define TEASER_HEADINGS 8

/* Decides from the page's features, never from its site, whether the page
 * holds an article; when it does not, says what it looks like. A page that
 * declares itself an article and carries a few hundred words of prose is
 * one, whatever else it holds. */
const char *judge_page(const ora_article *a, xmlNodePtr root, const page_meta *m,
                       const jsonld_info *j, const readability_stats *st,
                       const phrase_list *pl)
{
    /* an <h1> that repeats the declared title heads one article; a front
     * page's <h1> is its logo or its top story */
    site_rules none = {0};
    char *h1 = rule_text(root, "h1", &none);
    bool titled = h1 && title_matches_declared(h1, j, m);
    free(h1);
    page_shape ps = {0, 0};
    measure_shape(root, &ps);
    size_t words = prose_words(a), paragraphs = prose_paragraphs(a);
    /* a method in steps is prose too: two sentences given as items count
     * as a paragraph */
    paragraphs += prose_items(a, &words) / 2;
    bool declared = j->is_article || j->is_method || (m->og_type && strcasecmp(m->og_type, "article") == 0);
    double links = st->page_text_len ? (double)st->page_link_len / (double)st->page_text_len : 0;
    /* many sites keep a sign-in box in every page; a short brief that the
     * page declares as its article is read all the same */
    if (ps.passwords && paragraphs < 3 && words < FEW_WORDS * 2 &&
        !(declared && words >= FEW_WORDS / 2))
        return "a login form";
    if (words < FEW_WORDS && (says(pl, "error", m->doc_title) || says(pl, "error", a->title)))
        return "an error page";
    if (words < FEW_WORDS && blocks_say(pl, "consent", a))
        return "a consent wall";
    bool vouched = declared || titled || described(a, m);
#ifdef HTML_DEBUG
    fprintf(stderr, "judge: heads %zu paragraphs %zu words %zu vouched %d text %zu page %zu\n",
            ps.headline_links, paragraphs, words, vouched, st->text_len, st->page_text_len);
#endif
    /* a title that names the page the home page ("Startseite: …",
     * "Accueil - …") over many headlines */
    bool home = opens_with(pl, "home", m->doc_title) || opens_with(pl, "home", a->title);
    if (ps.headline_links >= TEASER_HEADINGS &&
        (paragraphs == 0 || (!vouched && paragraphs <= 1) || (!declared && home) ||
         (!vouched && words < SOME_WORDS && st->text_len * 4 < st->page_text_len)))
        return "a front page of headlines";
    if (paragraphs == 0 && words < FEW_WORDS / 2 && links > 0.5)
        return "a page of links";
    size_t cut = snippets(a);
    if (cut >= 2 && cut * 2 >= a->n_blocks / 2 &&
        (says(pl, "search", m->doc_title) || says(pl, "search", a->title) ||
         blocks_say(pl, "search", a)))
        return "a page of search results";
    if (!a->truncated && list_of_teasers(a, root, vouched))
        return "a list of articles (headlines and summaries)";
    if (!a->n_blocks && !a->lede)
        return a->truncated ? "a paywall with no free text"
                            : "a page without text (a script fills it in)";
    /* a summary alone (the meta description, or a standfirst) is no
     * article, unless a paywall cut what followed it */
    if (!a->n_blocks && !a->truncated)
        return "a page with a summary and no article text";
    /* a few lines, unsigned and uncut, with no sentence, or with one out
     * of a page that says much more: a shop's tagline under its
     * product's name, a form's labels, what the scoring found when it
     * missed the text */
    size_t sentences = prose_sentences(a);
    if (!a->truncated && !a->byline && all_words(a) < MIN_ARTICLE_WORDS &&
        (sentences == 0 || (sentences == 1 && st->text_len * 4 < st->page_text_len)))
        return TOO_SHORT_FOR_AN_ARTICLE;
    return NULL;
}
