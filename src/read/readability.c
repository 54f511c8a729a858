/* The scoring fallback, after Arc90's Readability: every paragraph gives
 * points to its parent and, less, to its ancestors; points grow with the
 * paragraph's length and its commas; a container's class and id add or
 * take away points; the total is discounted by the share of link text. The
 * best container wins, together with those of its siblings that score
 * well or are plain paragraphs, so that an article split over several
 * blocks does not lose its leading paragraphs.
 *
 * Two differences from the original, for French pages: a comma between two
 * digits is a decimal comma ("73,51 %"), not a clause, so it does not
 * count; and nothing is removed from the tree: the scores live in an array
 * beside it (pointed to by each element's _private field for the time of
 * one call), so the page reader walks an intact document afterwards. */
#include "readability.h"
#include "selector.h"
#include "squash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The paragraph points, the ancestor levels they reach, and the share of
 * the best score a sibling needs to be merged: Readability's numbers. */
#define MIN_PARAGRAPH_LEN 25
#define ANCESTOR_LEVELS 5
#define CLASS_WEIGHT 25
#define SIBLING_SHARE 0.2
#define SIBLING_MIN_SCORE 10
#define CLIMB_SHARE 0.75
/* Characters of chosen text under which the page is scored again. */
#define RETRY_BELOW 500
/* A <form> holding a paragraph this long wraps the page (ASP.NET pages put
 * everything in one form), it is not a form to fill in. */
#define PAGE_FORM_PROSE 150

typedef struct {
    double score;
    size_t text_len, link_len;
    bool scored;
} node_info;

typedef struct {
    node_info *info;
    size_t n, cap;
    const readability_words *w;
    bool relaxed;    /* unlikely words do not hide anything */
    bool unweighted; /* class words give no points either */
} scorer;

/* Adds a copy of word to the list (nothing when out of memory: the word
 * is then not weighed). */
static void add_word(phrase_list *pl, const char *word)
{
    char **grown = realloc(pl->items, (pl->n + 1) * sizeof *pl->items);
    char *copy = ora_strdup(word);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            pl->items = grown;
        return;
    }
    pl->items = grown;
    pl->items[pl->n++] = copy;
}

int readability_words_load(readability_words *w, ora_error *err)
{
    phrase_list all;
    memset(w, 0, sizeof *w);
    if (phrase_list_load("rules/readability.txt", &all, err) < 0)
        return -1;
    static const char signs[] = "+-!^@%&";
    phrase_list *by_sign[] = {&w->positive, &w->negative, &w->unlikely, &w->lede,
                              &w->byline, &w->widget, &w->share};
    for (size_t i = 0; i < all.n; i++) {
        const char *sign = strchr(signs, all.items[i][0]);
        if (sign && *sign && all.items[i][1]) {
            add_word(by_sign[sign - signs], all.items[i] + 1);
            if (*sign == '%') /* a widget is unlikely too: the walk skips it */
                add_word(&w->unlikely, all.items[i] + 1);
        }
        free(all.items[i]);
    }
    free(all.items);
    return 0;
}

void readability_words_free(readability_words *w)
{
    phrase_list_free(&w->positive);
    phrase_list_free(&w->negative);
    phrase_list_free(&w->unlikely);
    phrase_list_free(&w->widget);
    phrase_list_free(&w->share);
    phrase_list_free(&w->lede);
    phrase_list_free(&w->byline);
}

static bool attr_has_word(xmlNodePtr n, const char *attr, const phrase_list *words);

bool readability_named(xmlNodePtr n, const phrase_list *words)
{
    return attr_has_word(n, "class", words) || attr_has_word(n, "id", words);
}

void node_list_free(node_list *l)
{
    free(l->nodes);
    l->nodes = NULL, l->n = l->cap = 0;
}

int node_list_add(node_list *l, xmlNodePtr n)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        xmlNodePtr *g = realloc(l->nodes, cap * sizeof *g);
        if (!g)
            return -1;
        l->nodes = g, l->cap = cap;
    }
    l->nodes[l->n++] = n;
    return 0;
}

/* Elements whose text is never article text, whatever the page. */
static bool is_invisible(xmlNodePtr n)
{
    static const char *const tags[] = {"script", "style", "noscript", "template",
                                       "svg", "button", "iframe",
                                       "select", "nav", "aside", "footer", NULL};
    return node_is_one_of(n, tags) || xmlHasProp(n, BAD_CAST "hidden") ||
           (node_is(n, "form") && !readability_page_form(n));
}

static size_t visible_len(const char *s);

/* A paragraph of prose: a <p>, or text loose between <br>s (pages that
 * set their article as "<span>Le texte…<br><br>La suite…</span>"). */
static bool holds_paragraph(xmlNodePtr n, size_t min)
{
    static const char *const never[] = {"script", "style", "noscript", "template",
                                        "textarea", "select", NULL};
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content &&
            visible_len((const char *)c->content) >= min)
            return true;
        if (c->type != XML_ELEMENT_NODE || node_is_one_of(c, never))
            continue;
        if (node_is(c, "p")) {
            xmlChar *t = xmlNodeGetContent(c);
            bool long_enough = t && strlen((const char *)t) >= min;
            xmlFree(t);
            if (long_enough)
                return true;
        } else if (holds_paragraph(c, min)) {
            return true;
        }
    }
    return false;
}

bool readability_page_form(xmlNodePtr n)
{
    return holds_paragraph(n, PAGE_FORM_PROSE);
}

/* Class and id words are matched as whole parts of a name, never as
 * substrings: a name splits at every character that is not a letter and
 * at camelCase humps ("article-body", "mainContent", "post_comments").
 * A long word also matches a part it begins ("comment" in "commentaires",
 * "sponsor" in "sponsored"); a short one matches itself or its plural only,
 * so that "foot" does not name "football" nor "tool" "toolbox". A word of
 * several parts ("lire-aussi") matches them in a row. */
#define MAX_PARTS 32
#define PREFIX_WORD_LEN 6

typedef struct {
    char part[MAX_PARTS][32];
    size_t n;
} name_parts;

static void split_name(const char *v, name_parts *np)
{
    np->n = 0;
    size_t len = 0;
    for (const char *p = v;; p++) {
        unsigned char c = (unsigned char)*p;
        bool letter = isalpha(c) || c >= 0x80;
        bool hump = letter && len && isupper(c) && islower((unsigned char)p[-1]);
        if ((!letter || hump) && len) {
            np->part[np->n][len] = '\0';
            if (++np->n == MAX_PARTS)
                return;
            len = 0;
        }
        if (!c)
            return;
        if (letter && len < sizeof np->part[0] - 1)
            np->part[np->n][len++] = (char)tolower(c);
    }
}

static bool part_matches(const char *part, const char *word, size_t wl, bool last)
{
    if (strncmp(part, word, wl) != 0)
        return false;
    if (!part[wl])
        return true;
    if (!last) /* an inner part of a longer word must match whole */
        return false;
    return (part[wl] == 's' && !part[wl + 1]) || wl >= PREFIX_WORD_LEN;
}

/* Does one rule word (with '-' between its parts) name these parts? */
static bool word_in_parts(const char *word, const name_parts *np)
{
    while (*word == '-')
        word++;
    char w[64];
    size_t wn = strlen(word);
    if (!wn || wn >= sizeof w)
        return false;
    memcpy(w, word, wn + 1);
    while (wn && w[wn - 1] == '-')
        w[--wn] = '\0';
    const char *wparts[8];
    size_t k = 0;
    char *save = NULL;
    for (char *t = strtok_r(w, "-_", &save); t && k < 8; t = strtok_r(NULL, "-_", &save))
        wparts[k++] = t;
    for (size_t i = 0; k && i + k <= np->n; i++) {
        size_t j = 0;
        while (j < k && part_matches(np->part[i + j], wparts[j], strlen(wparts[j]), j == k - 1))
            j++;
        if (j == k)
            return true;
    }
    return false;
}

/* Whether id is the slug of the text: its letters and digits in order,
 * in lower case, where a letter beyond ASCII may be folded ("étapes",
 * "etapes") or dropped. */
static bool slug_of(const char *id, const char *text)
{
    const unsigned char *t = (const unsigned char *)text, *d = (const unsigned char *)id;
    for (;;) {
        while (*d && !ascii_alnum_lower(*d))
            d++;
        while (*t && *t < 0x80 && !ascii_alnum_lower(*t))
            t++;
        if (!*t)
            return !*d;
        if (*t >= 0x80) { /* "é": perhaps "e" in the id */
            t++;
            while ((*t & 0xC0) == 0x80)
                t++;
            unsigned char next = 0;
            for (const unsigned char *k = t; *k && !next && *k < 0x80; k++)
                next = ascii_alnum_lower(*k);
            if (*d && ascii_alnum_lower(*d) != next)
                d++;
            continue;
        }
        if (ascii_alnum_lower(*t) != ascii_alnum_lower(*d))
            return false;
        t++, d++;
    }
}

/* "<h2 id="comment-sy-prendre">Comment s’y prendre</h2>": the id a
 * document generator gives a heading from its words is an anchor, no
 * role ("comment"). */
static bool heading_anchor(xmlNodePtr n, const char *id)
{
    static const char *const headings[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    if (!node_is_one_of(n, headings))
        return false;
    xmlChar *text = xmlNodeGetContent(n);
    bool anchor = text && slug_of(id, (const char *)text);
    xmlFree(text);
    return anchor;
}

static bool attr_has_word(xmlNodePtr n, const char *attr, const phrase_list *words)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    bool hit = false;
    if (v) {
        name_parts np;
        split_name((const char *)v, &np);
        for (size_t i = 0; i < words->n && !hit; i++)
            hit = word_in_parts(words->items[i], &np);
        /* the heading's words are read only when its id names a role */
        if (hit && strcmp(attr, "id") == 0 && heading_anchor(n, (const char *)v))
            hit = false;
        xmlFree(v);
    }
    return hit;
}

bool readability_unlikely(const readability_words *w, xmlNodePtr n)
{
    if (node_is(n, "body") || node_is(n, "html") || node_is(n, "article") ||
        node_is(n, "a"))
        return false;
    bool unlikely = attr_has_word(n, "class", &w->unlikely) ||
                    attr_has_word(n, "id", &w->unlikely);
    return unlikely && !attr_has_word(n, "class", &w->positive) &&
           !attr_has_word(n, "id", &w->positive);
}

static int class_weight(const readability_words *w, xmlNodePtr n)
{
    int weight = 0;
    static const char *const attrs[] = {"class", "id"};
    for (size_t i = 0; i < 2; i++) {
        if (attr_has_word(n, attrs[i], &w->negative))
            weight -= CLASS_WEIGHT;
        if (attr_has_word(n, attrs[i], &w->positive))
            weight += CLASS_WEIGHT;
    }
    return weight;
}

static int tag_weight(xmlNodePtr n)
{
    static const char *const plus5[] = {"div", "article", "section", "main", NULL};
    static const char *const plus3[] = {"pre", "td", "blockquote", NULL};
    static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd", "dt",
                                         "li", "form", NULL};
    static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5", "h6",
                                         "th", NULL};
    return node_is_one_of(n, plus5) ? 5 : node_is_one_of(n, plus3) ? 3
         : node_is_one_of(n, minus3) ? -3 : node_is_one_of(n, minus5) ? -5 : 0;
}

static size_t count_elements(xmlNodePtr n)
{
    size_t count = 0;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            count += 1 + count_elements(n->children);
    return count;
}

/* Bytes above the space: the letters, digits, signs and every byte of a
 * character beyond ASCII; white space and control bytes are not seen.
 * Eight bytes a step: every text of the page is measured so. */
static size_t visible_len(const char *s)
{
    const uint64_t high = 0x8080808080808080ull, low7 = 0x7F7F7F7F7F7F7F7Full;
    size_t n = strlen(s), seen = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        /* a byte's high bit is set when it is 0x80 or more, or when its
         * low seven bits plus 0x5F carry into it: 0x21 or more */
        seen += high_bits_count((((x & low7) + 0x5F5F5F5F5F5F5F5Full) | x) & high);
    }
    for (; i < n; i++)
        seen += (unsigned char)s[i] > ' ';
    return seen;
}

/* Gives every element its info slot and measures its text and link text,
 * bottom up, in one pass. */
static void measure(scorer *sc, xmlNodePtr first, bool in_link)
{
    for (xmlNodePtr n = first; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || sc->n == sc->cap)
            continue;
        node_info *info = &sc->info[sc->n++];
        memset(info, 0, sizeof *info);
        n->_private = info;
        if (is_invisible(n))
            continue;
        bool link = in_link || node_is(n, "a");
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) {
                size_t l = visible_len((const char *)c->content);
                info->text_len += l;
                info->link_len += link ? l : 0;
            }
        }
        measure(sc, n->children, link);
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && c->_private) {
                info->text_len += ((node_info *)c->_private)->text_len;
                info->link_len += ((node_info *)c->_private)->link_len;
            }
        }
    }
}

static void forget(xmlNodePtr n)
{
    for (; n; n = n->next) {
        n->_private = NULL;
        forget(n->children);
    }
}

static node_info *info_of(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

static void add_lengths(xmlNodePtr n, bool in_link, size_t *text, size_t *links)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            size_t l = visible_len((const char *)c->content);
            *text += l;
            *links += in_link ? l : 0;
        } else if (c->type == XML_ELEMENT_NODE && !is_invisible(c)) {
            add_lengths(c, in_link || node_is(c, "a"), text, links);
        }
    }
}

size_t visible_text(xmlNodePtr n)
{
    size_t text = 0, links = 0;
    add_lengths(n, false, &text, &links);
    return text;
}

double link_density(xmlNodePtr n)
{
    node_info *i = info_of(n);
    size_t text = 0, links = 0;
    if (i)
        text = i->text_len, links = i->link_len;
    else /* outside a scoring pass: measure this subtree alone */
        add_lengths(n, node_is(n, "a"), &text, &links);
    return text ? (double)links / (double)text : 0;
}

/* Commas that separate clauses; "73,51" is a number, not two clauses. */
static size_t clause_commas(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        if (*p == ',' && !(p > s && isdigit((unsigned char)p[-1]) &&
                           isdigit((unsigned char)p[1])))
            n++;
    return n;
}

static bool has_block_child(xmlNodePtr n)
{
    static const char *const blocks[] = {"div", "p", "table", "ul", "ol", "section",
                                         "article", "blockquote", "h1", "h2", "h3",
                                         "h4", "h5", "h6", "figure", "form", "pre",
                                         "dl", NULL};
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (node_is_one_of(c, blocks))
            return true;
    return false;
}

/* White space alone (or nothing): no text of a run. */
static bool blank_text(const xmlChar *s)
{
    if (s)
        for (; *s; s++)
            if (!isspace(*s))
                return false; /* (a no-break space alone counts as text: rare) */
    return true;
}

/* "<br><br>" among n's children: n holds paragraphs, not one. */
static bool parted_by_brs(xmlNodePtr n)
{
    bool after_br = false;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        bool blank = c->type == XML_TEXT_NODE && blank_text(c->content);
        if (blank || c->type == XML_COMMENT_NODE)
            continue;
        bool br = node_is(c, "br");
        if (br && after_br)
            return true;
        after_br = br;
    }
    return false;
}

/* A paragraph, or (a <div> or <td> of text and "<br><br>") a container
 * of paragraphs, which score_loose_text scores one by one. */
static bool is_paragraph_like(xmlNodePtr n)
{
    static const char *const tags[] = {"p", "pre", "td", NULL};
    return (node_is_one_of(n, tags) && !(node_is(n, "td") && parted_by_brs(n))) ||
           (node_is(n, "div") && !has_block_child(n) && !parted_by_brs(n));
}

/* An item of a list that reads as prose, not a link: a step of a method
 * ("Chauffez l'huile dans une poêle et faites-y fondre les oignons.").
 * Some pages give their whole text as such lists, with no <p> at all. */
static bool is_prose_item(xmlNodePtr n, const node_info *i)
{
    return node_is(n, "li") && !has_block_child(n) && i->text_len >= MIN_PARAGRAPH_LEN &&
           i->link_len * 2 < i->text_len && n->parent && n->parent->parent;
}

/* Gives a paragraph's points to its container a (in full), and less to
 * a's ancestors. */
static void credit_from(const scorer *sc, xmlNodePtr a, double points)
{
    for (int level = 0; a && level < ANCESTOR_LEVELS; level++, a = a->parent) {
        node_info *i = info_of(a);
        if (!i)
            break;
        if (!i->scored) {
            i->scored = true;
            i->score = tag_weight(a) + (sc->unweighted ? 0 : class_weight(sc->w, a));
        }
        i->score += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
    }
}

static double paragraph_points(size_t text_len, size_t commas)
{
    double len_points = (double)text_len / 100.0;
    return 1.0 + (double)commas + (len_points > 3 ? 3 : len_points);
}

bool readability_inline(xmlNodePtr n)
{
    static const char *const tags[] = {"a", "span", "b", "strong", "i", "em", "u",
                                       "s", "small", "sup", "sub", "abbr", "cite",
                                       "q", "time", "mark", "font", "code", "br",
                                       "bdi", "bdo", "dfn", "kbd", "var", "ins",
                                       "del", "wbr", "data", "label", NULL};
    return node_is_one_of(n, tags);
}

static size_t text_commas(xmlNodePtr n)
{
    size_t commas = 0;
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content)
            commas += clause_commas((const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE && !is_invisible(n))
            commas += text_commas(n->children);
    }
    return commas;
}

/* Text loose in a container among its blocks, its paragraphs parted by
 * "<br><br>" ("<div>Le texte…<br><br>La suite…<div class=photo>…</div>
 * Encore…</div>", or a layout table's <td>): Readability wraps such runs
 * in <p> before scoring; here each run gives its container a paragraph's
 * points, as a <p> would. A short run beside blocks, with no "<br><br>"
 * on either side, is more often a label or a subtitle ("<h1>…</h1>
 * <span>…</span>") than a paragraph: it must be longer than a <p>. */
#define LOOSE_PARAGRAPH_LEN 80
static void score_loose_text(const scorer *sc, xmlNodePtr n)
{
    static const char *const holders[] = {"div", "section", "article", "main",
                                          "blockquote", "center", "td", NULL};
    if (!node_is_one_of(n, holders))
        return;
    size_t len = 0, commas = 0;
    bool after_br = false, parted = false; /* the run opened after "<br><br>" */
    for (xmlNodePtr c = n->children;; c = c->next) {
        bool text = c && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE);
        bool phrase = c && c->type == XML_ELEMENT_NODE && readability_inline(c) &&
                      !node_is(c, "br") && !has_block_child(c);
        bool blank = text && blank_text(c->content);
        if (c && (blank || c->type == XML_COMMENT_NODE))
            continue;
        bool br = c && node_is(c, "br");
        bool double_br = br && after_br;
        if (!c || (!text && !phrase && !br) || double_br) {
            /* a run "<br><br>" parts from the next is a paragraph of its
             * text, however short, as a <p> is */
            if (len >= ((parted || double_br) ? MIN_PARAGRAPH_LEN : LOOSE_PARAGRAPH_LEN))
                credit_from(sc, n, paragraph_points(len, commas));
            len = commas = 0;
            parted = double_br;
        }
        if (!c)
            return;
        after_br = br;
        if (text) {
            len += visible_len((const char *)c->content);
            commas += clause_commas((const char *)c->content);
        } else if (phrase && !is_invisible(c) && info_of(c)) {
            len += info_of(c)->text_len;
            commas += text_commas(c->children);
        }
    }
}

static void score_paragraphs(const scorer *sc, xmlNodePtr first)
{
    for (xmlNodePtr n = first; n; n = n->next) {
        node_info *i = info_of(n);
        if (!i || is_invisible(n) || (!sc->relaxed && readability_unlikely(sc->w, n)) ||
            readability_named(n, &sc->w->widget))
            continue;
        /* a list is no container of its own: its prose items are the text's */
        xmlNodePtr to = is_paragraph_like(n) && i->text_len >= MIN_PARAGRAPH_LEN ? n->parent
                        : is_prose_item(n, i)                                  ? n->parent->parent
                                                                               : NULL;
        if (to) {
            xmlChar *t = xmlNodeGetContent(n);
            size_t commas = t ? clause_commas((const char *)t) : 0;
            xmlFree(t);
            credit_from(sc, to, paragraph_points(i->text_len, commas));
        } else {
            score_loose_text(sc, n);
        }
        score_paragraphs(sc, n->children);
    }
}

static double final_score(xmlNodePtr n)
{
    node_info *i = info_of(n);
    return i && i->scored ? i->score * (1.0 - link_density(n)) : 0;
}

static bool is_ancestor(xmlNodePtr a, xmlNodePtr n);

/* Is n the node to avoid or inside it? Its ancestors may be chosen: the
 * walk then leaves it out. */
static bool overlaps(xmlNodePtr n, xmlNodePtr avoid)
{
    return avoid && (n == avoid || is_ancestor(avoid, n));
}

static void best_candidate(xmlNodePtr first, xmlNodePtr avoid, xmlNodePtr *best, double *best_score)
{
    for (xmlNodePtr n = first; n; n = n->next) {
        node_info *i = info_of(n);
        if (!i)
            continue;
        if (i->scored && final_score(n) > *best_score && !overlaps(n, avoid)) {
            *best = n;
            *best_score = final_score(n);
        }
        best_candidate(n->children, avoid, best, best_score);
    }
}

#define TOP_CANDIDATES 5
#define MIN_SHARING 3
#define SHARING_SHARE 0.75

static void keep_best(xmlNodePtr first, xmlNodePtr *best, size_t n)
{
    for (xmlNodePtr c = first; c; c = c->next) {
        node_info *i = info_of(c);
        if (!i)
            continue;
        double sc = final_score(c);
        if (i->scored && sc > 0) {
            for (size_t k = 0; k < n; k++) {
                if (!best[k] || sc > final_score(best[k])) {
                    memmove(best + k + 1, best + k, (n - k - 1) * sizeof *best);
                    best[k] = c;
                    break;
                }
            }
        }
        keep_best(c->children, best, n);
    }
}

static bool is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (xmlNodePtr p = n->parent; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

/* Readability.js's answer to feeds of small posts (a live blog, a Q&A):
 * when several of the best containers score near the best one, the
 * article is the ancestor that holds at least three of them, not the
 * best post alone. */
static xmlNodePtr shared_ancestor(xmlNodePtr root, xmlNodePtr top)
{
    xmlNodePtr best[TOP_CANDIDATES] = {0};
    keep_best(root, best, TOP_CANDIDATES);
    double top_score = final_score(top);
    size_t near = 0;
    for (size_t k = 0; k < TOP_CANDIDATES; k++)
        near += best[k] && best[k] != top && final_score(best[k]) >= top_score * SHARING_SHARE;
    if (near < MIN_SHARING)
        return top;
    for (xmlNodePtr p = top->parent; p && !node_is(p, "body") && !node_is(p, "html"); p = p->parent) {
        size_t holds = 0;
        for (size_t k = 0; k < TOP_CANDIDATES; k++)
            holds += best[k] && best[k] != top &&
                     final_score(best[k]) >= top_score * SHARING_SHARE && is_ancestor(p, best[k]);
        if (holds >= MIN_SHARING)
            return p;
    }
    return top;
}

/* Readability's climb: when an ancestor scores better than the child it was
 * reached from, the article is wider than the best container. Unlike the
 * original, the ancestor must also score near the best container itself:
 * a page wrapper that gathers scattered teasers is not the article. */
static xmlNodePtr climb(xmlNodePtr top)
{
    double last = final_score(top), floor = last / 3, near = last * CLIMB_SHARE;
    for (xmlNodePtr p = top->parent; p && !node_is(p, "body"); p = p->parent) {
        node_info *i = info_of(p);
        if (!i)
            break;
        if (!i->scored)
            continue;
        double s = final_score(p);
        if (s < floor)
            break;
        if (s > last)
            return s >= near ? p : top;
        last = s;
    }
    return top;
}

/* Does n's parent hold text anywhere but in n? */
static bool has_text_beside(xmlNodePtr n)
{
    for (xmlNodePtr c = n->parent->children; c; c = c->next) {
        if (c == n)
            continue;
        if (c->type == XML_TEXT_NODE && !blank_text(c->content))
            return true;
        if (c->type == XML_ELEMENT_NODE && info_of(c) && info_of(c)->text_len)
            return true;
    }
    return false;
}

/* The next class token of *p without digits, its length in *n; NULL at
 * the end. Tokens with digits number a series' members ("et_pb_text_0",
 * "et_pb_text_1", "part-2"), which a page builder gives each box. */
static const char *next_plain_class(const char **p, size_t *n)
{
    for (const char *c = *p; *c;) {
        c += strspn(c, " \t\n\r");
        size_t len = strcspn(c, " \t\n\r");
        bool digit = false;
        for (size_t k = 0; k < len && !digit; k++)
            digit = isdigit((unsigned char)c[k]);
        *p = c + len;
        if (len && !digit) {
            *n = len;
            return c;
        }
        c += len;
    }
    return NULL;
}

/* Whether two class attributes name the same kind of box: the same
 * tokens in the same order, those with digits left out, and one at least. */
static bool same_kind_of_box(const char *a, const char *b)
{
    const char *ta, *tb;
    size_t na, nb, tokens = 0;
    for (;;) {
        ta = next_plain_class(&a, &na), tb = next_plain_class(&b, &nb);
        if (!ta || !tb)
            return !ta && !tb && tokens > 0;
        if (na != nb || memcmp(ta, tb, na) != 0)
            return false;
        tokens++;
    }
}

/* Has n a sibling of its own tag and class that holds text: one part of
 * a series ("<div class=story-part>" after "<div class=story-part>";
 * "et_pb_text_0" and "et_pb_text_1" of one page builder's boxes)? */
static bool has_text_twin(xmlNodePtr n)
{
    xmlChar *cl = xmlGetProp(n, BAD_CAST "class");
    bool twin = false;
    for (xmlNodePtr s = n->parent->children; cl && *cl && s && !twin; s = s->next) {
        if (s == n || s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, n->name) ||
            !info_of(s) || !info_of(s)->text_len)
            continue;
        xmlChar *sc = xmlGetProp(s, BAD_CAST "class");
        twin = sc && same_kind_of_box((const char *)sc, (const char *)cl);
        xmlFree(sc);
    }
    xmlFree(cl);
    return twin;
}

/* Readability.js's step up from an only child, for a body split over a
 * series of wrappers ("<div class=part><div class=text>…</div></div>
 * <div class=ad>…</div><div class=part><div class=text>…</div></div>"):
 * the best container is the only child with text of its wrapper, and the
 * wrapper has twins; at the wrappers' level the other parts are its
 * siblings, which are joined as any sibling is. An empty neighbour (an ad
 * slot, a spacer) does not count as a child; a wrapper without twins is
 * not stepped up to (its siblings are the page's other boxes). */
static xmlNodePtr wrapper_of_only_child(xmlNodePtr top)
{
    for (xmlNodePtr w = top; w->parent && w->parent->type == XML_ELEMENT_NODE &&
                             !node_is(w->parent, "body") && !node_is(w->parent, "html") &&
                             info_of(w->parent) && !has_text_beside(w);) {
        w = w->parent;
        if (has_text_twin(w))
            return w;
    }
    return top;
}

static bool has_prose_child(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        node_info *i = info_of(c);
        if (i && node_is(c, "p") && i->text_len > 80)
            return true;
    }
    return false;
}

/* Levels of wrappers between an intro block and its paragraphs
 * ("<div class=entry-intro><div class=post-intro><div class=excerpt><p>"). */
#define PROSE_DEPTH 3

/* Paragraphs of prose (over 80 characters) down to `depth` levels. */
static size_t prose_paragraphs(xmlNodePtr n, int depth)
{
    size_t found = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        node_info *i = info_of(c);
        if (!i || c->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(c, "p"))
            found += i->text_len > 80;
        else if (depth > 1)
            found += prose_paragraphs(c, depth - 1);
    }
    return found;
}

/* Text right inside the element, not in a child: a chapo written as a
 * bare <div> of text ("<div id=articleHat>La mesure …</div>"). */
static bool has_own_prose(xmlNodePtr n)
{
    size_t own = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
            own += visible_len((const char *)c->content);
    return own > 80;
}

static bool sibling_is_article(const scorer *sc, xmlNodePtr sib, double threshold,
                               bool before_top)
{
    node_info *i = info_of(sib);
    if (!i || is_invisible(sib) || (!sc->relaxed && readability_unlikely(sc->w, sib)) ||
        readability_named(sib, &sc->w->widget))
        return false;
    /* a sibling with a title of its own is the next article (an endless
     * scroll, a feed of stories), not more of this one */
    if (node_is(sib, "article") || selector_find(sib->children, "h1"))
        return false;
    if (i->scored && final_score(sib) >= threshold)
        return true;
    /* a picture beside the article's text is the article's */
    if (node_is(sib, "figure") && selector_find(sib->children, "figcaption"))
        return true;
    /* A leading block of prose (an intro set apart from the rest) is the
     * start of the article: Readability's threshold would drop it. Deeper
     * in wrappers, it is two paragraphs at least: one alone there is a
     * photo's caption as often. */
    if (before_top && !node_is(sib, "p") && i->text_len > 80 && link_density(sib) < 0.25 &&
        (has_prose_child(sib) || has_own_prose(sib) || prose_paragraphs(sib, PROSE_DEPTH) >= 2))
        return true;
    if (!node_is(sib, "p"))
        return false;
    double density = link_density(sib);
    if (i->text_len > 80)
        return density < 0.25;
    xmlChar *t = xmlNodeGetContent(sib);
    bool sentence = t && strstr((const char *)t, ". ") == NULL &&
                    strchr((const char *)t, '.') != NULL;
    xmlFree(t);
    return i->text_len > 0 && density == 0 && sentence;
}

/* Bytes of text of a box an article sets between its sections, at least. */
#define BOX_TEXT 80

/* Does n hold an <aside> of the article's own, text with few links
 * ("Chiffres clés" and its figures, beside "En lien avec les ODD")? The
 * scoring never sees asides' text. */
static bool holds_text_box(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(c, "aside")) {
            size_t text = 0, links = 0;
            add_lengths(c, false, &text, &links);
            if (text >= BOX_TEXT && links * 5 < text)
                return true;
        } else if (!is_invisible(c) && holds_text_box(c)) {
            return true;
        }
    }
    return false;
}

static size_t chosen_text(const node_list *out)
{
    size_t n = 0;
    for (size_t i = 0; i < out->n; i++)
        n += info_of(out->nodes[i]) ? info_of(out->nodes[i])->text_len : 0;
    return n;
}

#ifdef HTML_DEBUG /* -DHTML_DEBUG: the best containers and their scores, for tuning */
static void debug_candidates(xmlNodePtr root)
{
    xmlNodePtr best[TOP_CANDIDATES] = {0};
    keep_best(root, best, TOP_CANDIDATES);
    for (size_t k = 0; k < TOP_CANDIDATES && best[k]; k++) {
        xmlChar *cl = xmlGetProp(best[k], BAD_CAST "class");
        fprintf(stderr, "candidate <%s> line %ld class=\"%s\" score %.1f\n",
                (const char *)best[k]->name, xmlGetLineNo(best[k]), cl ? (char *)cl : "",
                final_score(best[k]));
        xmlFree(cl);
    }
}
#endif

/* Readability's attempts, each dropping one filter when the one before
 * found too little: the unlikely words, then the class words' points. */
enum { PASS_STRICT, PASS_RELAXED, PASS_UNWEIGHTED, PASSES };

/* One scoring pass; relaxed passes read what the unlikely words hid, an
 * unweighted one what a wrapper named "page-title" outscored. */
static int find_pass(xmlNodePtr root, const readability_words *w, int pass, xmlNodePtr avoid,
                     node_list *out, readability_stats *st)
{
    memset(out, 0, sizeof *out);
    scorer sc = {NULL, 0, count_elements(root), w, pass >= PASS_RELAXED, pass >= PASS_UNWEIGHTED};
    sc.info = calloc(sc.cap ? sc.cap : 1, sizeof *sc.info);
    if (!sc.info)
        return -1;
    measure(&sc, root, false);
    score_paragraphs(&sc, root);
    xmlNodePtr top = NULL;
    double top_score = 0;
    best_candidate(root, avoid, &top, &top_score);
    int rc = 0;
    if (top) {
#ifdef HTML_DEBUG
        debug_candidates(root);
#endif
        xmlNodePtr shared = shared_ancestor(root, top), best = top;
        top = shared != top ? shared : climb(top);
        if (overlaps(top, avoid))
            top = best; /* the ancestor holds the reading refused */
        top_score = final_score(top);
        top = wrapper_of_only_child(top);
        if (overlaps(top, avoid))
            top = best;
        if (final_score(top) > 0 && final_score(top) < top_score)
            top_score = final_score(top);
        double threshold = top_score * SIBLING_SHARE;
        if (threshold < SIBLING_MIN_SCORE)
            threshold = SIBLING_MIN_SCORE;
        xmlNodePtr first = top->parent ? top->parent->children : top;
        bool before_top = true;
        /* a sibling that holds only boxes (asides) is the article's when
         * the article goes on after it: it waits in boxes till then */
        node_list boxes = {0};
        for (xmlNodePtr s = first; s && rc == 0; s = s->next) {
            if (s == top)
                before_top = false;
            if (s == top || (s->type == XML_ELEMENT_NODE && !overlaps(s, avoid) &&
                             sibling_is_article(&sc, s, threshold, before_top))) {
                for (size_t k = 0; k < boxes.n && rc == 0; k++)
                    rc = node_list_add(out, boxes.nodes[k]);
                boxes.n = 0;
                if (rc == 0)
                    rc = node_list_add(out, s);
            } else if (out->n && s->type == XML_ELEMENT_NODE && !overlaps(s, avoid) && !is_invisible(s) &&
                       holds_text_box(s)) {
                rc = node_list_add(&boxes, s);
            }
        }
        node_list_free(&boxes);
    }
    st->top_score = top_score;
    st->text_len = chosen_text(out);
    st->page_text_len = info_of(root) ? info_of(root)->text_len : 0;
    st->page_link_len = info_of(root) ? info_of(root)->link_len : 0;
    st->relaxed = pass >= PASS_RELAXED;
    st->scored = true;
    forget(root);
    free(sc.info);
    return rc;
}

/* Text of a first pass's article under which a retry that found text
 * elsewhere, apart from it, is not taken: the retry read what an unlikely
 * word hid beside the article (a sidebar's teasers, longer than a short
 * piece), where one that found it around the article read a wrapper that
 * word named ("has-sidebar"). */
#define RETRY_APART_BELOW 300

/* Does a node of one list hold, or stand inside, a node of the other? */
static bool lists_overlap(const node_list *a, const node_list *b)
{
    for (size_t i = 0; i < a->n; i++)
        for (size_t k = 0; k < b->n; k++)
            if (a->nodes[i] == b->nodes[k] || is_ancestor(a->nodes[i], b->nodes[k]) ||
                is_ancestor(b->nodes[k], a->nodes[i]))
                return true;
    return false;
}

int readability_find(xmlNodePtr root, const readability_words *w, xmlNodePtr avoid, node_list *out,
                     readability_stats *st)
{
    if (find_pass(root, w, PASS_STRICT, avoid, out, st) < 0)
        return -1;
    /* Too little: a wrapper named by an unlikely word ("has-sidebar") may
     * have hidden the article, or a title's wrapper named "page-title" may
     * have outscored it on its name alone. Readability retries without each
     * filter in turn and keeps a pass that finds much more. */
    for (int pass = PASS_RELAXED; pass < PASSES && st->text_len < RETRY_BELOW; pass++) {
        node_list again;
        readability_stats st2;
        if (find_pass(root, w, pass, avoid, &again, &st2) < 0) {
            node_list_free(out);
            return -1;
        }
        if (st2.text_len > st->text_len * 2 && st2.text_len > st->text_len + 200 &&
            (st->text_len < RETRY_APART_BELOW || lists_overlap(out, &again))) {
            node_list_free(out);
            *out = again, *st = st2;
        } else {
            node_list_free(&again);
        }
    }
    return 0;
}
