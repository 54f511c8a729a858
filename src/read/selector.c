/* A small CSS selector matcher for site rules and JSON-LD cssSelector:
 * compound selectors (tag, .class, #id, [attr], [attr=value]) joined by
 * descendant (space) or child (>) combinators, in comma-separated lists.
 * That is what site rules and paywall markers use in practice; anything
 * fancier is refused at load time rather than silently mismatched. */
#include "selector.h"
#include "internal.h" /* ora_strdup */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The value of n's attribute name as the parser stored it (one text
 * node), read in place: every element is asked, and a copy a question cost
 * a third of the matching. *copy is set when it had to be copied. */
static const char *attr_value(xmlNodePtr n, const char *name, xmlChar **copy)
{
    *copy = NULL;
    xmlAttrPtr a = xmlHasProp(n, BAD_CAST name);
    if (!a)
        return NULL;
    xmlNodePtr t = a->children;
    if (t && !t->next && t->type == XML_TEXT_NODE && t->content)
        return (const char *)t->content;
    *copy = xmlGetProp(n, BAD_CAST name);
    return (const char *)*copy;
}

/* Whether a class value holds the token [cls, cls + len). */
static bool class_value_has(const char *p, const char *cls, size_t len)
{
    while (p && *p) {
        while (isspace((unsigned char)*p))
            p++;
        size_t w = 0;
        while (p[w] && !isspace((unsigned char)p[w]))
            w++;
        if (w == len && strncmp(p, cls, len) == 0)
            return true;
        p += w;
    }
    return false;
}

static bool has_class(xmlNodePtr n, const char *cls, size_t len)
{
    xmlChar *copy;
    bool hit = class_value_has(attr_value(n, "class", &copy), cls, len);
    xmlFree(copy);
    return hit;
}

static bool prop_equals(xmlNodePtr n, const char *name, size_t nlen,
                        const char *val, size_t vlen, bool any_value)
{
    char key[64];
    if (nlen >= sizeof key)
        return false;
    memcpy(key, name, nlen), key[nlen] = '\0';
    xmlChar *copy;
    const char *v = attr_value(n, key, &copy);
    bool hit = v && (any_value || (strlen(v) == vlen && strncmp(v, val, vlen) == 0));
    xmlFree(copy);
    return hit;
}

static size_t ident_len(const char *s)
{
    size_t i = 0;
    while (s[i] && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
        i++;
    return i;
}

/* Matches one compound selector [s, end) against n. */
static bool match_compound(xmlNodePtr n, const char *s, const char *end)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    while (s < end) {
        if (*s == '*') {
            s++;
        } else if (*s == '.' || *s == '#') {
            size_t l = ident_len(s + 1);
            bool ok = *s == '.' ? has_class(n, s + 1, l)
                                : prop_equals(n, "id", 2, s + 1, l, false);
            if (!ok)
                return false;
            s += 1 + l;
        } else if (*s == '[') {
            const char *close = memchr(s, ']', (size_t)(end - s));
            if (!close)
                return false;
            size_t nl = ident_len(s + 1);
            const char *v = s + 1 + nl;
            bool any = *v == ']';
            if (!any) {
                v++; /* '=' */
                if (*v == '"' || *v == '\'')
                    v++;
            }
            size_t vl = (size_t)(close - v);
            if (vl && (v[vl - 1] == '"' || v[vl - 1] == '\''))
                vl--;
            if (!prop_equals(n, s + 1, nl, v, vl, any))
                return false;
            s = close + 1;
        } else {
            size_t l = ident_len(s);
            if (!l || strlen((const char *)n->name) != l ||
                strncasecmp((const char *)n->name, s, l) != 0)
                return false;
            s += l;
        }
    }
    return true;
}

/* Matches the complex selector [s, end) ending at n, right to left. */
static bool match_complex(xmlNodePtr n, const char *s, const char *end)
{
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    const char *start = end;
    while (start > s && !isspace((unsigned char)start[-1]) && start[-1] != '>')
        start--;
    if (!match_compound(n, start, end))
        return false;
    const char *rest = start;
    while (rest > s && isspace((unsigned char)rest[-1]))
        rest--;
    if (rest == s)
        return true;
    if (rest[-1] == '>') {
        xmlNodePtr p = n->parent;
        return p && p->type == XML_ELEMENT_NODE && match_complex(p, s, rest - 1);
    }
    for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (match_complex(p, s, rest))
            return true;
    return false;
}

bool selector_matches(xmlNodePtr n, const char *list)
{
    if (!list || !n || n->type != XML_ELEMENT_NODE)
        return false;
    for (const char *s = list; *s;) {
        while (isspace((unsigned char)*s) || *s == ',')
            s++;
        const char *end = strchr(s, ',');
        if (!end)
            end = s + strlen(s);
        if (end > s && match_complex(n, s, end))
            return true;
        s = end;
    }
    return false;
}

/* One selector of a compiled list: its text, and the first part of its
 * last compound: a tag ('t'), a class ('.'), an id ('#'), or nothing to
 * try first (0: '*' or an attribute). */
typedef struct {
    const char *start, *end;
    char kind;
    const char *key;
    size_t key_len;
} compiled_selector;

struct selector_list {
    char *text;
    compiled_selector *items;
    size_t n;
};

static compiled_selector compile_one(const char *s, const char *end)
{
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    const char *last = end;
    while (last > s && !isspace((unsigned char)last[-1]) && last[-1] != '>')
        last--;
    compiled_selector c = {s, end, 0, NULL, 0};
    if (*last == '.' || *last == '#')
        c.kind = *last, c.key = last + 1, c.key_len = ident_len(last + 1);
    else if (ident_len(last))
        c.kind = 't', c.key = last, c.key_len = ident_len(last);
    return c;
}

selector_list *selector_list_compile(const char *list)
{
    if (!list || !*list)
        return NULL;
    selector_list *l = calloc(1, sizeof *l);
    size_t commas = 0;
    for (const char *p = list; *p; p++)
        commas += *p == ',';
    l->text = ora_strdup(list);
    l->items = calloc(commas + 1, sizeof *l->items);
    for (const char *s = l->text; *s;) {
        while (isspace((unsigned char)*s) || *s == ',')
            s++;
        const char *end = strchr(s, ',');
        if (!end)
            end = s + strlen(s);
        if (end > s)
            l->items[l->n++] = compile_one(s, end);
        s = end;
    }
    return l;
}

/* An element's class and id, each read once for a whole list, when a
 * selector first asks for it. */
typedef struct {
    xmlNodePtr n;
    bool cls_read, id_read;
    const char *cls, *id;
    xmlChar *cls_copy, *id_copy;
} element_names;

/* The first test of a compiled selector, on the element's name, class or id. */
static bool may_match(element_names *e, const compiled_selector *c)
{
    switch (c->kind) {
    case 't':
        return strlen((const char *)e->n->name) == c->key_len &&
               strncasecmp((const char *)e->n->name, c->key, c->key_len) == 0;
    case '.':
        if (!e->cls_read)
            e->cls = attr_value(e->n, "class", &e->cls_copy), e->cls_read = true;
        return class_value_has(e->cls, c->key, c->key_len);
    case '#':
        if (!e->id_read)
            e->id = attr_value(e->n, "id", &e->id_copy), e->id_read = true;
        return e->id && strlen(e->id) == c->key_len && strncmp(e->id, c->key, c->key_len) == 0;
    default:
        return true;
    }
}

bool selector_list_matches(xmlNodePtr n, const selector_list *l)
{
    if (!l || !n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    element_names e = {n, false, false, NULL, NULL, NULL, NULL};
    bool hit = false;
    for (size_t i = 0; i < l->n && !hit; i++)
        hit = may_match(&e, &l->items[i]) && match_complex(n, l->items[i].start, l->items[i].end);
    xmlFree(e.cls_copy);
    xmlFree(e.id_copy);
    return hit;
}

void selector_list_free(selector_list *l)
{
    if (!l)
        return;
    free(l->text);
    free(l->items);
    free(l);
}

bool selector_valid(const char *list)
{
    for (const char *s = list; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr(" ,.#[]=\"'>-_*:", *s))
            return false;
    return strchr(list, ':') == NULL;
}

xmlNodePtr selector_find(xmlNodePtr root, const char *list)
{
    for (xmlNodePtr n = root; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (selector_matches(n, list))
            return n;
        xmlNodePtr hit = selector_find(n->children, list);
        if (hit)
            return hit;
    }
    return NULL;
}

xmlNodePtr selector_find_first_of(xmlNodePtr root, const char *list)
{
    if (!list)
        return NULL;
    for (const char *s = list; *s;) {
        while (*s == ' ' || *s == ',')
            s++;
        size_t n = strcspn(s, ",");
        if (n) {
            char *one = strndup(s, n);
            xmlNodePtr hit = one ? selector_find(root, one) : NULL;
            free(one);
            if (hit)
                return hit;
        }
        s += n;
    }
    return NULL;
}

bool node_is(xmlNodePtr n, const char *name)
{
    /* the first letters first: most elements asked are not the one, and
     * the walk asks every element many names */
    return n && n->type == XML_ELEMENT_NODE && n->name && (n->name[0] | 0x20) == (name[0] | 0x20) &&
           strcasecmp((const char *)n->name, name) == 0;
}

bool node_is_one_of(xmlNodePtr n, const char *const *names)
{
    for (; *names; names++)
        if (node_is(n, *names))
            return true;
    return false;
}
