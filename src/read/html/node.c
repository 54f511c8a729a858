/* What the HTML reader asks of an element: an attribute, whether it is
 * shown, whether it is a block, and its visible text (without hidden parts
 * and credits, with <br> marked until paragraphs are split). */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *node_prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? text_squash((char *)v, strlen((char *)v)) : NULL;
    xmlFree(v);
    return s;
}

bool style_hides(xmlNodePtr n)
{
    if (!xmlHasProp(n, BAD_CAST "style"))
        return false;
    char *style = node_prop(n, "style");
    bool hidden = false;
    if (style) {
        for (char *p = style; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        hidden = strstr(style, "display:none") || strstr(style, "display: none") ||
                 strstr(style, "visibility:hidden") || strstr(style, "visibility: hidden");
    }
    free(style);
    return hidden;
}

/* Elements whose content is never article text. */
bool never_text(xmlNodePtr n)
{
    static const char *const tags[] = {"script", "style", "noscript", "template",
                                       "svg", "button", "form", "iframe", "select",
                                       "input", "textarea", "img", "video", "audio",
                                       "picture", "source", "object", "embed",
                                       "canvas", "map", "aside", "nav", "head",
                                       "title", "meta", "link", NULL};
    if ((node_is_one_of(n, tags) && !(node_is(n, "form") && readability_page_form(n))) ||
        xmlHasProp(n, BAD_CAST "hidden"))
        return true;
    char *aria = xmlHasProp(n, BAD_CAST "aria-hidden") ? node_prop(n, "aria-hidden") : NULL;
    bool hidden = aria && strcmp(aria, "true") == 0 && !node_is(n, "figcaption") &&
                  !node_is(n, "span");
    free(aria);
    return hidden || style_hides(n);
}

/* Whether n's attribute (class, id) holds one of tokens as a whole word
 * (words parted by spaces, dashes or underscores: "story-photo-credit"),
 * case not counted. Most elements are asked, so the attribute is first
 * looked at as it is. */
static bool attr_has_token(xmlNodePtr n, const char *name, const char *const *tokens)
{
    xmlAttrPtr attr = xmlHasProp(n, BAD_CAST name);
    const char *raw = attr && attr->children && attr->children->content
                          ? (const char *)attr->children->content : NULL;
    bool near = false;
    for (size_t i = 0; raw && tokens[i] && !near; i++)
        near = strcasestr(raw, tokens[i]) != NULL;
    if (!near)
        return false;
    char *c = node_prop(n, name);
    bool hit = false;
    char *save = NULL;
    for (char *t = c ? strtok_r(c, " -_", &save) : NULL; t && !hit; t = strtok_r(NULL, " -_", &save))
        for (size_t i = 0; tokens[i] && !hit; i++)
            hit = strcasecmp(t, tokens[i]) == 0;
    free(c);
    return hit;
}

static bool class_has_token(xmlNodePtr n, const char *const *tokens)
{
    return attr_has_token(n, "class", tokens);
}

/* A control for the site's editors left in the page ("admin", an "edit"
 * link inside the <h1>, WordPress's "post-edit-link"): never text. */
static bool names_admin_control(xmlNodePtr n)
{
    static const char *const tokens[] = {"admin", "edit", NULL};
    return class_has_token(n, tokens);
}

/* Whether the text before n, in its block, ends glued to it: no space
 * between ("canaux.<a>1</a>", "résolution<span><a><sup>1</sup>"). */
static bool glued_to_text_before(xmlNodePtr n)
{
    for (xmlNodePtr x = n; x && x->type == XML_ELEMENT_NODE; x = x->parent) {
        for (xmlNodePtr p = x->prev; p; p = p->prev) {
            xmlChar *t = xmlNodeGetContent(p);
            size_t len = t ? strlen((const char *)t) : 0;
            bool glued = len && !isspace(t[len - 1]);
            xmlFree(t);
            if (len)
                return glued;
        }
        if (!x->parent || x->parent->type != XML_ELEMENT_NODE || !readability_inline(x->parent))
            return false;
    }
    return false;
}

bool links_within_page(xmlNodePtr a)
{
    xmlChar *href = xmlGetProp(a, BAD_CAST "href");
    bool inside = href && href[0] == '#' && href[1];
    xmlFree(href);
    return inside;
}

/* A footnote's call: a link inside the page ("#easy-footnote-bottom-1")
 * whose text is a number of one to three digits, brackets allowed,
 * glued to the word or mark before it ("canaux.[1]", "résolution¹"). A
 * reader does not say it; its note is not read either (furniture.c). */
static bool is_note_call(xmlNodePtr n)
{
    if (!node_is(n, "a") || !links_within_page(n))
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    const char *s = (const char *)t;
    s += strspn(s, " [(");
    size_t d = strspn(s, "0123456789");
    bool number = d >= 1 && d <= 3 && s[d + strspn(s + d, " ])")] == '\0';
    xmlFree(t);
    return number && glued_to_text_before(n);
}

bool prop_is(xmlNodePtr n, const char *prop, const char *value)
{
    char *v = n->type == XML_ELEMENT_NODE && xmlHasProp(n, BAD_CAST prop) ? node_prop(n, prop) : NULL;
    bool is = v && strcasecmp(v, value) == 0;
    free(v);
    return is;
}

/* An element that marks the author: rel="author", itemprop="author", or
 * a class with the token "author", "byline", "auteur" or "contributor"
 * ("meta__author", "field-field-contributor"). */
bool names_author(xmlNodePtr n)
{
    static const char *const tokens[] = {"author", "byline", "auteur", "contributor", NULL};
    if (n->type != XML_ELEMENT_NODE)
        return false;
    return prop_is(n, "rel", "author") || prop_is(n, "itemprop", "author") || class_has_token(n, tokens);
}

/* An element whose class names reader comments ("comment-meta",
 * "forum-chapo", "comment-author"): its chapo and author are a reader's. */
bool names_comments(xmlNodePtr n)
{
    static const char *const tokens[] = {"comment", "comments", "commentaire", "commentaires",
                                         "forum", "reaction", "reactions", "reply", "replies", NULL};
    return class_has_token(n, tokens);
}

/* A footer: the element, or one whose class or id names it
 * ("site-footer", "footer_bottom"). */
bool names_footer(xmlNodePtr n)
{
    static const char *const tokens[] = {"footer", NULL};
    return node_is(n, "footer") || attr_has_token(n, "class", tokens) || attr_has_token(n, "id", tokens);
}

/* An element whose class names a picture's legend ("wp-caption-text",
 * "legende"): a caption, whatever its tag. */
bool names_caption(xmlNodePtr n)
{
    static const char *const tokens[] = {"caption", "legend", "legende", NULL};
    return class_has_token(n, tokens);
}

/* An element whose class names a badge ("label abo", "badge"): a
 * headline's label ("Abonnés"), not its words. */
bool names_badge(xmlNodePtr n)
{
    static const char *const tokens[] = {"label", "badge", "flag", NULL};
    return class_has_token(n, tokens);
}

/* An element whose class names a credit ("story-photo-credit",
 * "copyright"): its text is never read, on any site. */
bool names_credit(xmlNodePtr n)
{
    static const char *const tokens[] = {"credit", "credits", "copyright", NULL};
    return class_has_token(n, tokens);
}

/* Drops the bracket a note's call opened at the end of b ("guédiste
 * [<a>1</a>]"); whether it did, so that its closing one goes too. */
static bool drop_call_bracket(strbuf *b)
{
    if (!b->len || (b->s[b->len - 1] != '[' && b->s[b->len - 1] != '('))
        return false;
    b->s[--b->len] = '\0';
    for (;;) { /* the space before it, a no-break one too ("»&nbsp;[") */
        if (b->len && b->s[b->len - 1] == ' ')
            b->len--;
        else if (b->len > 1 && (unsigned char)b->s[b->len - 2] == 0xC2 && (unsigned char)b->s[b->len - 1] == 0xA0)
            b->len -= 2;
        else
            break;
    }
    b->s[b->len] = '\0';
    return true;
}

void gather_text(xmlNodePtr n, const site_rules *r, strbuf *b)
{
    bool close_call = false; /* a call's closing bracket opens the next text */
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const char *t = (const char *)c->content;
            if (t && close_call && (*t == ']' || *t == ')'))
                t++;
            if (t)
                sb_adds(b, t);
            close_call = false;
        } else if (c->type == XML_ELEMENT_NODE) {
            if (is_note_call(c)) {
                close_call = drop_call_bracket(b);
                continue;
            }
            close_call = false;
            if (never_text(c) || selector_list_matches(c, r->credit_list) ||
                selector_list_matches(c, r->drop_list) || names_credit(c) || names_admin_control(c))
                continue;
            if (node_is(c, "br"))
                sb_addc(b, BR_MARK);
            else if (node_is(c, "p") || node_is(c, "div") || node_is(c, "li"))
                sb_addc(b, ' '); /* block edges separate words */
            gather_text(c->children, r, b);
        }
    }
}

/* Squashes text; a lone <br> becomes a space. NULL when blank. */
char *squash_piece(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (t && squash_into(s, n, t, false) > 0)
        return t;
    free(t);
    return NULL;
}

/* The visible text of an element, squashed; NULL when blank. */
char *element_text(xmlNodePtr n, const site_rules *r)
{
    strbuf b;
    sb_init(&b);
    gather_text(n->children, r, &b);
    char *t = squash_piece(b.s ? b.s : "", b.len);
    sb_free(&b);
    return t;
}

bool element_says(xmlNodePtr n, const char *text)
{
    site_rules none = {0};
    char *t = element_text(n, &none);
    bool same = same_folded(t, text);
    free(t);
    return same;
}

xmlNodePtr element_saying(xmlNodePtr n, const char *const *names, const char *text)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is_one_of(n, names)) {
            if (element_says(n, text))
                return n;
            continue;
        }
        xmlNodePtr hit = element_saying(n->children, names, text);
        if (hit)
            return hit;
    }
    return NULL;
}

/* <h2> to <h6>: the headings inside an article (<h1> is its title). */
bool is_subheading(xmlNodePtr n)
{
    static const char *const headings[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    return node_is_one_of(n, headings);
}

/* Blocks: what a listener hears as one piece. */
bool block_kind(xmlNodePtr n, ora_block_kind *kind)
{
    if (node_is(n, "p") || node_is(n, "pre") || node_is(n, "dd"))
        *kind = ORA_BLOCK_PARAGRAPH;
    else if (is_subheading(n) || node_is(n, "h1"))
        *kind = ORA_BLOCK_HEADING; /* an <h1> in the text is a section's: the
                                    * title's own is said once (walk.c) */
    else if (node_is(n, "blockquote"))
        *kind = ORA_BLOCK_QUOTE;
    else if (node_is(n, "li"))
        *kind = ORA_BLOCK_LIST_ITEM;
    else if (node_is(n, "figcaption"))
        *kind = ORA_BLOCK_CAPTION;
    else
        return false;
    return true;
}

bool has_block_inside(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (!readability_inline(c) || has_block_inside(c)))
            return true;
    return false;
}

bool holds_one_of(xmlNodePtr n, const char *const *tags)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (node_is_one_of(c, tags) || holds_one_of(c, tags)))
            return true;
    return false;
}

char *rule_text(xmlNodePtr root, const char *sel, const site_rules *r)
{
    xmlNodePtr n = selector_find_first_of(root, sel);
    return n ? element_text(n, r) : NULL;
}
