/* Elements of the body that are not the article: hidden or dropped by a
 * rule, navigation (link lists, a short paragraph of links), boxes of
 * embeds, of shops, teasers of other articles, credits. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A block or list mostly made of link text is navigation ("Lire aussi",
 * related articles), not article. */
#define MAX_LINK_DENSITY 0.5

/* Bytes of text from which a paragraph is prose whatever its links. */
#define LONG_PARAGRAPH 200
/* Over this share of link text, a heading is a link, not a title. */
#define LINKED_HEADLINE 0.9

/* A heading set inside a link ("<a class="site-title"><h1>…</h1></a>", a
 * logo's, a teaser's) is a link all the same. */
bool is_linked_headline(xmlNodePtr h)
{
    return link_density(h) > LINKED_HEADLINE || (h->parent && node_is(h->parent, "a"));
}

/* A box around an embedded player or live feed: what text it has is the
 * embed's label ("Revivez la situation…"), which means nothing heard. */
#define EMBED_LABEL_MAX 150
/* A custom element of a script's player ("<play-media>", "<video-js>",
 * "<amp-audio>"): a name with a hyphen and a word of media in it. */
static bool holds_player_element(xmlNodePtr n)
{
    static const char *const media[] = {"media", "video", "audio", "player", "podcast", NULL};
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        bool custom = strchr(name, '-') != NULL;
        for (const char *const *m = media; custom && *m; m++)
            if (strstr(name, *m))
                return true;
        if (holds_player_element(c))
            return true;
    }
    return false;
}

bool is_embed_box(xmlNodePtr n)
{
    static const char *const embeds[] = {"iframe", "video", "audio", "embed", "object", NULL};
    return (holds_one_of(n, embeds) || holds_player_element(n)) && visible_text(n) < EMBED_LABEL_MAX;
}

/* Bytes of a post's signature: "— Téléfoot (@telefoot_TF1) June 1, 2018". */
#define POST_SIGNATURE_MAX 120

/* An embedded social post, whatever its class: a quote that ends on its
 * author's name and handle after a dash, as the post's own markup signs
 * it. The post is another voice's, not the article's. */
static bool is_embedded_post(const body_walk *w, xmlNodePtr n)
{
    if (!node_is(n, "blockquote"))
        return false;
    char *t = element_text(n, w->rules);
    const char *sign = NULL;
    for (const char *p = t ? strstr(t, "\xE2\x80\x94") : NULL; p; p = strstr(p + 3, "\xE2\x80\x94"))
        sign = p;
    bool post = sign && strlen(sign) < POST_SIGNATURE_MAX && strstr(sign, "(@") != NULL;
    free(t);
    return post;
}

static bool sells(const phrase_list *shop, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(n, "a") || node_is(n, "button")) {
            xmlChar *t = xmlNodeGetContent(n);
            char *f = t ? squash_folded((const char *)t) : NULL;
            xmlFree(t);
            bool hit = false;
            for (size_t i = 0; f && i < shop->n && !hit; i++)
                hit = str_starts_with(f, shop->items[i]);
            free(f);
            if (hit)
                return true;
        } else if (sells(shop, n->children)) {
            return true;
        }
    }
    return false;
}

/* A small box with a link that sells: a book's reference and its buy
 * button, an offer. */
#define SHOP_BOX_MAX 400
bool is_shop_box(const body_walk *w, xmlNodePtr n)
{
    return w->shop && visible_text(n) < SHOP_BOX_MAX && sells(w->shop, n->children);
}

/* Does a link lead to a page of this site (a relative address, or one on
 * the page's host)? Another article, not a source the text cites. */
static bool links_here(xmlNodePtr a, const char *host)
{
    char *href = a ? node_prop(a, "href") : NULL;
    bool here = false;
    if (href) {
        char *h = strstr(href, "://") ? url_host(href) : NULL;
        here = (href[0] == '/' && href[1] != '/') || (h && host && strcasecmp(h, host) == 0) ||
               (!str_starts_with(href, "//") && href[0] != '#' && !strchr(href, ':'));
        free(h);
    }
    free(href);
    return here;
}

/* A small box in the body whose heading is a link to another page of the
 * site: a teaser of another article (its headline, a line that sums it
 * up), not a part of this one. An inset that goes on with the story has a
 * heading of its own words; a list of places or products links out. */
#define TEASER_BOX_MAX 300
static bool is_teaser_box(xmlNodePtr n, const char *host)
{
    static const char *const boxes[] = {"div", "section", NULL};
    if (!node_is_one_of(n, boxes))
        return false;
    xmlNodePtr head = n->children;
    while (head && (head->type != XML_ELEMENT_NODE || node_is(head, "figure") ||
                    node_is(head, "img") || node_is(head, "picture")))
        head = head->next;
    return head && is_subheading(head) && is_linked_headline(head) &&
           visible_text(n) < TEASER_BOX_MAX && links_here(selector_find(head, "a"), host);
}

/* Notes gathered after the text: a list each item of which links back
 * to its call in the page with a mark ("↑", "↩", "^") or a number
 * (WordPress's "post-6126-endnote-1", Markdown's "fnref"). The calls are
 * not said (the normalizer drops "[1]"), so a note read at the end would
 * hang on nothing. */
#define BACK_LINK_TEXT_MAX 4
static bool back_link(xmlNodePtr a)
{
    if (!links_within_page(a))
        return false;
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = (const char *)t;
    s += strspn(s, " \t\r\n[(");
    size_t len = strcspn(s, " \t\r\n])");
    bool mark = len && len <= BACK_LINK_TEXT_MAX;
    for (size_t k = 0; mark && k < len; k++)
        mark = !isalpha((unsigned char)s[k]);
    xmlFree(t);
    return mark;
}

static bool links_back(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ((node_is(c, "a") && back_link(c)) || links_back(c)))
            return true;
    return false;
}

static bool is_notes_list(xmlNodePtr n)
{
    size_t items = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!node_is(c, "li") || !links_back(c))
            return false;
        items++;
    }
    return items > 0;
}

/* All the text of an element, spaces around it aside, is a video's
 * length ("1:32"). */
static bool is_player_time(const char *t)
{
    while (isspace((unsigned char)*t))
        t++;
    size_t n = strlen(t);
    while (n && isspace((unsigned char)t[n - 1]))
        n--;
    return cue_media_length(t, n);
}

/* Whether c is a <time> that gives a moment, not a length: a live
 * post's time ("10:42", datetime="2023-11-02T10:42"), where a video's
 * length, if marked so, is a duration ("PT1M32S"). */
static bool moment_time(xmlNodePtr c)
{
    if (!node_is(c, "time"))
        return false;
    xmlChar *dt = xmlGetProp(c, (const xmlChar *)"datetime");
    bool moment = dt && dt[0] && dt[0] != 'P';
    xmlFree(dt);
    return moment;
}

/* A video player's box: an element in it (two levels down at most) says
 * only the video's length. Its title and its label ("Now Playing") are
 * the player's, not a sub-heading of the article. */
static bool holds_player_time(xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || moment_time(c))
            continue;
        xmlChar *t = xmlNodeGetContent(c);
        bool time = t && is_player_time((const char *)t);
        xmlFree(t);
        if (time || (depth > 0 && holds_player_time(c, depth - 1)))
            return true;
    }
    return false;
}

/* Words of a paragraph that no player's box holds: a live post under
 * its time ("10:42" in a span, then the post), not a video's title. */
#define POST_WORDS 20

/* Does n hold, as a child, a paragraph of POST_WORDS words or more? */
static bool holds_paragraph(const body_walk *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !node_is(c, "p"))
            continue;
        char *t = element_text(c, w->rules);
        bool post = t && word_count(t) >= POST_WORDS;
        free(t);
        if (post)
            return true;
    }
    return false;
}

/* A small box in the body whose heading is furniture ("Recevez notre
 * newsletter" over its pitch and its form), or that asks for an e-mail
 * address, or a video player (its length in it): the pitch or the title in
 * it is the box's, whatever its class says. A part of the article has a
 * heading of its own words and no form field. */
#define FURNITURE_BOX_MAX 300
static bool is_furniture_box(const body_walk *w, xmlNodePtr n)
{
    static const char *const boxes[] = {"div", "section", "aside", NULL};
    if (!node_is_one_of(n, boxes) || visible_text(n) >= FURNITURE_BOX_MAX)
        return false;
    /* a sign-up box, in any language: a pitch over a field for an e-mail */
    if (selector_find(n->children, "input[type=email]") || (holds_player_time(n, 1) && !holds_paragraph(w, n)))
        return true;
    xmlNodePtr head = n->children;
    while (head && head->type != XML_ELEMENT_NODE)
        head = head->next;
    if (!head || !is_subheading(head))
        return false;
    char *t = element_text(head, w->rules);
    bool furniture = t && boilerplate_is_drop(w->bp, t);
    free(t);
    return furniture;
}

/* Characters under which an element named a credit is one. */
#define CREDIT_BOX_MAX 300

/* Bytes of text under which an element named for sharing is a share bar
 * (Readability's own bound for its share elements): buttons, their
 * screen-reader labels, the link they copy. */
#define SHARE_BAR_MAX 500

/* A share or follow bar: named so even when the article's name comes
 * first ("ac-article-social"), which would keep an unlikely word's
 * element. */
static bool is_share_bar(const readability_words *words, xmlNodePtr n)
{
    return !node_is(n, "article") && !node_is(n, "body") && readability_named(n, &words->share) &&
           visible_text(n) < SHARE_BAR_MAX;
}

#define MAX_NOTE_LINK_DENSITY 0.2

/* Words of a note's label before its colon at most, and of its text
 * after it at least. */
#define NOTE_LABEL_WORDS 4
#define NOTE_TEXT_WORDS 10

/* An <aside> set between the article's paragraphs as a note of its own,
 * by its text t: a label and a colon, then prose ("Bon à savoir : en
 * psychiatrie, la nostalgie…", "À noter : …"). Asides are furniture
 * (related links, an author's card, a pull quote); a note that opens so
 * is the article's. */
static bool note_aside(const char *t)
{
    const char *colon = strstr(t, " : ");
    if (!colon)
        colon = strstr(t, ": ");
    bool note = false;
    if (colon) {
        char *label = ora_strndup(t, (size_t)(colon - t));
        size_t lw = label ? word_count(label) : 0;
        note = lw >= 1 && lw <= NOTE_LABEL_WORDS && word_count(colon) >= NOTE_TEXT_WORDS + 1;
        free(label);
    }
    return note;
}

/* Words under a box's heading, at least, for the box to be the article's. */
#define BOX_TEXT_WORDS 12

/* An <aside> n (of text t) the article sets among its sections as a box
 * of its own: a heading first, then text ("Chiffres clés" and its
 * figures, "En lien avec les ODD"). Asides are furniture (related links,
 * an author's card, a newsletter's pitch), which link, or which a heading
 * announces as furniture ("Sur le même sujet"). */
static bool boxed_aside(const body_walk *w, xmlNodePtr n, const char *t)
{
    static const char *const heads[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    xmlNodePtr h = xmlFirstElementChild(n);
    if (!h || !node_is_one_of(h, heads) || names_author(n) || names_comments(n))
        return false;
    char *head = element_text(h, w->rules);
    bool box = head && !is_furniture_line(w->bp, w->cues, head) &&
               word_count(t) >= word_count(head) + BOX_TEXT_WORDS;
    free(head);
    return box;
}

/* An aside of the article's own: shown, with few links (furniture's
 * link), a note or a box. */
static bool article_aside(const body_walk *w, xmlNodePtr n)
{
    if (xmlHasProp(n, BAD_CAST "hidden") || xmlHasProp(n, BAD_CAST "aria-hidden") ||
        link_density(n) > MAX_NOTE_LINK_DENSITY)
        return false;
    char *t = element_text(n, w->rules);
    bool kept = t && (note_aside(t) || boxed_aside(w, n, t));
    free(t);
    return kept;
}

/* Words a paragraph needs to announce a list ("… j'aimerais également
 * citer :"): a sentence, not a label ("Lire aussi :"). */
#define ANNOUNCING_WORDS 8

static size_t letter_words(const char *s);
static size_t words_outside_links(xmlNodePtr n);

static bool see_also_text(const body_walk *w, const char *text)
{
    for (size_t i = 0; i < w->cues->see_also.n; i++)
        if (strcasestr(text, w->cues->see_also.s[i]))
            return true;
    return false;
}

/* Whether a paragraph of prose ending with a colon opens the list n, each
 * item of which has words of its own beside its links ("Rémi Parmentier :
 * « <a>Sortons l'intégration…</a> » ;"): the article's own enumeration of
 * the pages it cites, not a list of related links. */
static bool announced_list(const body_walk *w, xmlNodePtr n)
{
    if (!node_is(n, "ul") && !node_is(n, "ol"))
        return false;
    xmlNodePtr p = xmlPreviousElementSibling(n);
    if (!p || !node_is(p, "p"))
        return false;
    xmlChar *t = xmlNodeGetContent(p);
    size_t len = t ? strlen((const char *)t) : 0;
    while (len && isspace(t[len - 1]))
        len--;
    bool opens = len && t[len - 1] == ':' && letter_words((const char *)t) >= ANNOUNCING_WORDS &&
                 !see_also_text(w, (const char *)t);
    xmlFree(t);
    if (!opens)
        return false;
    size_t items = 0;
    for (xmlNodePtr li = xmlFirstElementChild(n); li; li = xmlNextElementSibling(li), items++)
        if (!node_is(li, "li") || words_outside_links(li) == 0)
            return false;
    return items > 0;
}

/* What a body element is not: dropped by the rules, hidden, navigation. */
bool skip_element(const body_walk *w, xmlNodePtr n)
{
    static const char *const lists[] = {"ul", "ol", "dl", "table", "div", "section", NULL};
    static const char *const text_tags[] = {"p", "h2", "h3", "h4", "h5", "h6", "li",
                                            "a", "span", "em", "strong", "b", "i", NULL};
    /* a note or a box is read though default.txt drops asides and
     * never_text skips them; a site's own rule may still drop it */
    if (node_is(n, "aside") && article_aside(w, n))
        return w->rules->hosts && selector_list_matches(n, w->rules->drop_list);
    if (never_text(n) || selector_list_matches(n, w->rules->drop_list))
        return true;
    /* a block named a credit holds a legend and its credit, never prose */
    if (!node_is(n, "body") && names_credit(n) && visible_text(n) < CREDIT_BOX_MAX)
        return true;
    /* default.txt names boxes (menus, embedded posts), never a paragraph:
     * the text elements, most of a page, skip that second list */
    if (w->generic != w->rules && !node_is_one_of(n, text_tags) &&
        selector_list_matches(n, w->generic->drop_list) && !(node_is(n, "form") && readability_page_form(n)))
        return true;
    /* An unlikely name on an element holding most of the article is a
     * wrapper's ("has-sidebar"), not a sidebar's. */
    if (w->words && readability_unlikely(w->words, n) &&
        visible_text(n) * 2 < w->container_len)
        return true;
    if (node_is_one_of(n, lists) && link_density(n) > MAX_LINK_DENSITY && !announced_list(w, n))
        return true;
    if ((node_is(n, "ol") || node_is(n, "ul")) && is_notes_list(n))
        return true;
    if (w->words && is_share_bar(w->words, n))
        return true;
    return (node_is(n, "div") && (is_embed_box(n) || is_shop_box(w, n))) || is_teaser_box(n, w->host) ||
           is_furniture_box(w, n) || is_embedded_post(w, n);
}

/* Words (with a letter: not "(" nor "94,4") of a text. */
static size_t letter_words(const char *s)
{
    size_t n = 0;
    bool in = false, letter = false;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (!c || isspace(c)) {
            n += in && letter;
            in = letter = false;
            if (!c)
                return n;
        } else {
            in = true;
            letter |= isalpha(c) || c >= 0x80;
        }
    }
}

/* Words of the element's text outside its links. */
static size_t words_outside_links(xmlNodePtr n)
{
    size_t words = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            words += letter_words((const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE && !node_is(c, "a") && !never_text(c))
            words += words_outside_links(c);
    }
    return words;
}

/* Words around a link that make one sentence with it ("X vient d'être
 * <a>élu président</a>, avec 94 %."): prose that cites a page, not a link
 * to another article ("Lire aussi : <a>…</a>"). */
#define WORDS_AROUND_LINK 4

static bool sentence_with_link(const body_walk *w, xmlNodePtr n, const char *text)
{
    size_t len = strlen(text);
    while (len && isspace((unsigned char)text[len - 1]))
        len--;
    if (!len || !strchr(".!?\xbb", text[len - 1]))
        return false;
    return !see_also_text(w, text) && words_outside_links(n) >= WORDS_AROUND_LINK;
}

/* A list item of links is a related article; a short paragraph of links is
 * an inline "Lire aussi", unless its other words make a sentence with the
 * link. A long paragraph with many links is still prose. */
bool is_link_block(const body_walk *w, xmlNodePtr n, ora_block_kind kind,
                   const char *text, size_t text_len)
{
    if (kind == ORA_BLOCK_CAPTION || link_density(n) <= MAX_LINK_DENSITY ||
        (kind == ORA_BLOCK_LIST_ITEM && n->parent && announced_list(w, n->parent)))
        return false;
    return kind == ORA_BLOCK_LIST_ITEM ||
           (text_len < LONG_PARAGRAPH && !sentence_with_link(w, n, text));
}
