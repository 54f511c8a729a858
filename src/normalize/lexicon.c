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
    free(lx->slots);
    free(lx->heads);
    lexicon_init(lx);
}

/* FNV-1a, never 0 (the head set's empty slot). */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = fnv1a(s, n);
    return h ? h : 1;
}

size_t lexicon_head_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                break;
            i++;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        /* the letters of French; not U+00A0, '°', '«' nor U+2000… */
        if (!l || cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF))
            break;
        i += (size_t)l;
    }
    return i;
}

/* The slot of grapheme w, or the empty slot where it would go. */
static size_t slot_of(const lexicon *lx, const char *w, size_t n)
{
    size_t mask = lx->n_slots - 1, k = (size_t)hash_bytes(w, n) & mask;
    while (lx->slots[k]) {
        const char *g = lx->items[lx->slots[k] - 1].grapheme;
        if (strncmp(g, w, n) == 0 && g[n] == '\0')
            return k;
        k = (k + 1) & mask;
    }
    return k;
}

/* The heads only tell that a word is surely no grapheme's head: the
 * ends hash will do there, and it is asked for every word of a text
 * (0 marks an empty slot). */
static uint64_t head_hash(const char *s, size_t n)
{
    uint64_t high, h = ends_hash(s, n, 0, &high);
    return h ? h : 1;
}

/* Notes grapheme g in the head set and in both bit sets. */
static void index_insert(lexicon *lx, const char *g)
{
    uint64_t h = head_hash(g, lexicon_head_len(g, strlen(g)));
    hash_bit_set(lx->head_bits, LEXICON_BITS, h);
    hash_bit_set(lx->grapheme_bits, LEXICON_BITS, hash_bytes(g, strlen(g)));
    size_t mask = lx->n_slots - 1, k = (size_t)h & mask;
    while (lx->heads[k] && lx->heads[k] != h)
        k = (k + 1) & mask;
    lx->heads[k] = h;
}

bool lexicon_has_head(const lexicon *lx, const char *s, size_t n)
{
    if (!lx->n_slots)
        return false;
    uint64_t h = head_hash(s, n);
    if (!hash_bit_is_set(lx->head_bits, LEXICON_BITS, h))
        return false;
    size_t mask = lx->n_slots - 1, k = (size_t)h & mask;
    while (lx->heads[k]) {
        if (lx->heads[k] == h)
            return true;
        k = (k + 1) & mask;
    }
    return false;
}

/* Rebuilds both hash tables with room for twice the entries. */
static int rehash(lexicon *lx, size_t want)
{
    size_t n_slots = 64;
    while (n_slots < want * 2)
        n_slots *= 2;
    size_t *slots = calloc(n_slots, sizeof *slots);
    uint64_t *heads = calloc(n_slots, sizeof *heads);
    if (!slots || !heads) {
        free(slots), free(heads);
        return -1;
    }
    free(lx->slots), free(lx->heads);
    lx->slots = slots, lx->heads = heads, lx->n_slots = n_slots;
    for (size_t i = 0; i < lx->n; i++) {
        const char *g = lx->items[i].grapheme;
        lx->slots[slot_of(lx, g, strlen(g))] = i + 1;
        index_insert(lx, g);
    }
    return 0;
}

static int add(lexicon *lx, const char *g, const char *alias)
{
    if ((lx->n + 1) * 2 > lx->n_slots && rehash(lx, lx->n + 1) < 0)
        return -1;
    size_t k = slot_of(lx, g, strlen(g));
    if (lx->slots[k]) { /* a later lexicon wins */
        lexeme *it = &lx->items[lx->slots[k] - 1];
        free(it->alias);
        it->alias = ora_strdup(alias);
        return 0;
    }
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 64;
        lexeme *it = realloc(lx->items, cap * sizeof *it);
        if (!it)
            return -1;
        lx->items = it, lx->cap = cap;
    }
    lx->first[(unsigned char)g[0] >> 3] |= (unsigned char)(1u << (g[0] & 7));
    lx->items[lx->n].grapheme = ora_strdup(g);
    lx->items[lx->n].alias = ora_strdup(alias);
    lx->slots[k] = ++lx->n;
    index_insert(lx, g);
    return 0;
}

const char *lexicon_lookup(const lexicon *lx, const char *word, size_t n)
{
    if (!lx->n_slots)
        return NULL;
    if (!hash_bit_is_set(lx->grapheme_bits, LEXICON_BITS, hash_bytes(word, n)))
        return NULL;
    size_t k = slot_of(lx, word, n);
    return lx->slots[k] ? lx->items[lx->slots[k] - 1].alias : NULL;
}

bool lexicon_may_start(const lexicon *lx, unsigned char c)
{
    return lx->first[c >> 3] & (1u << (c & 7));
}

/* Limits a lexicon cannot pass. A DOCTYPE is refused outright: without
 * entity substitution libxml2 still expands internal entities when a
 * node's content is read, so 161 KB of nested entities once became a
 * 1.1 GB script. The alias bounds keep what one word can grow into small:
 * an abbreviation or acronym says at most a few words. */
#define MAX_LEXICON_BYTES (8u << 20)
#define MAX_GRAPHEME_BYTES 128
#define MAX_ALIAS_BYTES 256
/* An alias may say this many bytes per byte of its grapheme, plus a base:
 * "n°" (3 bytes) says "numéro", "UE" says "Union européenne". */
#define ALIAS_GROWTH 12
#define ALIAS_BASE 40

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

static bool alias_fits(const char *g, const char *alias)
{
    size_t gl = strlen(g), al = strlen(alias);
    return gl <= MAX_GRAPHEME_BYTES && al <= MAX_ALIAS_BYTES &&
           al <= ALIAS_BASE + ALIAS_GROWTH * gl;
}

/* One <lexeme>: every <grapheme> gets the first <alias>. Fails, naming the
 * entry, when an alias passes the bounds above. */
static int read_lexeme(lexicon *lx, xmlNodePtr lex, const char *name, ora_error *err)
{
    char *alias = NULL;
    int rc = 0;
    for (xmlNodePtr c = lex->children; c && !alias; c = c->next)
        if (named(c, "alias"))
            alias = squashed_content(c);
    if (!alias || !*alias) { /* phoneme-only entries need an engine that
                                 * takes IPA; an empty alias would erase */
        free(alias);
        return 0;
    }
    for (xmlNodePtr c = lex->children; c && rc == 0; c = c->next) {
        if (!named(c, "grapheme"))
            continue;
        char *g = squashed_content(c);
        if (g && *g && !alias_fits(g, alias)) {
            ora_set_error(err, "lexicon %s: the entry \"%.40s\" is too long (graphemes up to %d bytes, "
                          "aliases up to %d bytes and %d bytes per byte of the grapheme).",
                          name, g, MAX_GRAPHEME_BYTES, MAX_ALIAS_BYTES, ALIAS_GROWTH);
            rc = -1;
        } else if (g && *g) {
            add(lx, g, alias);
        }
        free(g);
    }
    free(alias);
    return rc;
}

static void ignore_libxml_message(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

int lexicon_load_pls_memory(lexicon *lx, const char *xml, size_t len,
                            const char *name, ora_error *err)
{
    if (len > MAX_LEXICON_BYTES) {
        ora_set_error(err, "lexicon %s is too large: %zu bytes, the limit is %u MiB.", name, len,
                      MAX_LEXICON_BYTES >> 20);
        return -1;
    }
    /* Seen before parsing too: libxml2 may reject an entity bomb as
     * malformed, and the user should hear the real reason. */
    if (memmem(xml, len, "<!DOCTYPE", 9)) {
        ora_set_error(err, "lexicon %s has a DOCTYPE: lexicons may declare no DTD and no entities.", name);
        return -1;
    }
    /* libxml2 reports some input errors (a bad encoding) through its
     * generic handler whatever the parse options say; silence it for this
     * parse only, so a bad lexicon gives our one-line error and no more. */
    xmlGenericErrorFunc saved_handler = xmlGenericError;
    void *saved_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, ignore_libxml_message);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    xmlSetGenericErrorFunc(saved_context, saved_handler);
    if (doc && (doc->intSubset || doc->extSubset)) {
        ora_set_error(err, "lexicon %s has a DOCTYPE: lexicons may declare no DTD and no entities.", name);
        xmlFreeDoc(doc);
        return -1;
    }
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !named(root, "lexicon")) {
        ora_set_error(err, "%s is not a PLS lexicon (expected well-formed XML with a <lexicon> root).", name);
        xmlFreeDoc(doc);
        return -1;
    }
    int rc = 0;
    for (xmlNodePtr c = root->children; c && rc == 0; c = c->next)
        if (named(c, "lexeme"))
            rc = read_lexeme(lx, c, name, err);
    xmlFreeDoc(doc);
    return rc;
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
