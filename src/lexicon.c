/* PLS lexicons, read with libxml2.
 *
 * A lexicon is data a user may download from anywhere, so it is parsed
 * without network access, without loading a DTD and without substituting
 * entities: a lexicon can never pull another file into the process. */
#include "lexicon.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

void lexicon_init(lexicon *lx) { memset(lx, 0, sizeof *lx); }

void lexicon_free(lexicon *lx)
{
    for (size_t i = 0; i < lx->n; i++) {
        free(lx->items[i].grapheme);
        free(lx->items[i].alias);
    }
    free(lx->items);
    lexicon_init(lx);
}

/* Binary search; returns the index where word is or would go. */
static size_t find(const lexicon *lx, const char *w, size_t n, bool *found)
{
    size_t lo = 0, hi = lx->n;
    *found = false;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *g = lx->items[mid].grapheme;
        int c = strncmp(g, w, n);
        if (c == 0 && g[n] != '\0')
            c = 1;
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int add(lexicon *lx, const char *g, const char *alias)
{
    bool found;
    size_t at = find(lx, g, strlen(g), &found);
    if (found) {
        free(lx->items[at].alias);
        lx->items[at].alias = ora_strdup(alias);
        return 0;
    }
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 64;
        lexeme *it = realloc(lx->items, cap * sizeof *it);
        if (!it)
            return -1;
        lx->items = it, lx->cap = cap;
    }
    memmove(lx->items + at + 1, lx->items + at, (lx->n - at) * sizeof *lx->items);
    lx->first[(unsigned char)g[0] >> 3] |= (unsigned char)(1u << (g[0] & 7));
    lx->items[at].grapheme = ora_strdup(g);
    lx->items[at].alias = ora_strdup(alias);
    lx->n++;
    return 0;
}

const char *lexicon_lookup(const lexicon *lx, const char *word, size_t n)
{
    bool found;
    size_t at = find(lx, word, n, &found);
    return found ? lx->items[at].alias : NULL;
}

bool lexicon_may_start(const lexicon *lx, unsigned char c)
{
    return lx->first[c >> 3] & (1u << (c & 7));
}

static bool named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *squashed_content(xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    char *s = c ? text_squash((char *)c, strlen((char *)c)) : NULL;
    xmlFree(c);
    return s;
}

/* One <lexeme>: every <grapheme> gets the first <alias>. */
static void read_lexeme(lexicon *lx, xmlNodePtr lex)
{
    char *alias = NULL;
    for (xmlNodePtr c = lex->children; c && !alias; c = c->next)
        if (named(c, "alias"))
            alias = squashed_content(c);
    if (!alias)
        return; /* phoneme-only entries need an engine that takes IPA */
    for (xmlNodePtr c = lex->children; c; c = c->next) {
        if (!named(c, "grapheme"))
            continue;
        char *g = squashed_content(c);
        if (g && *g)
            add(lx, g, alias);
        free(g);
    }
    free(alias);
}

int lexicon_load_pls_memory(lexicon *lx, const char *xml, size_t len,
                            const char *name, ora_error *err)
{
    if (len > (size_t)INT32_MAX) {
        ora_set_error(err, "lexicon %s is too large.", name);
        return -1;
    }
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !named(root, "lexicon")) {
        ora_set_error(err, "%s is not a PLS lexicon (expected well-formed XML with a <lexicon> root).", name);
        xmlFreeDoc(doc);
        return -1;
    }
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (named(c, "lexeme"))
            read_lexeme(lx, c);
    xmlFreeDoc(doc);
    return 0;
}

int lexicon_load_pls(lexicon *lx, const char *path, ora_error *err)
{
    char *data;
    size_t len;
    if (read_whole_file(path, &data, &len, err) < 0)
        return -1;
    int rc = lexicon_load_pls_memory(lx, data, len, path, err);
    free(data);
    return rc;
}
