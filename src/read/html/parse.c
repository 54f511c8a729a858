/* The page's bytes into a tree: libxml2's HTML parser, fed in pieces and
 * in the encoding charset.c settled, and a page nested too deep refused
 * before any recursive walk meets it. */
#include "read/charset.h"
#include "html.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deeper than this, a page is refused rather than read: the readers walk
 * the tree recursively, and no article nests its text a thousand elements
 * deep (news pages stay under fifty). libxml2's own limit (256) is lifted
 * with XML_PARSE_HUGE, which otherwise cut deep pages to their title. */
#define MAX_PAGE_DEPTH 1000

/* The deepest nesting of elements, walked without recursion. */
static int tree_depth(xmlNodePtr root)
{
    int depth = 0, deepest = 0;
    for (xmlNodePtr n = root; n;) {
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            if (++depth > deepest)
                deepest = depth;
            continue;
        }
        while (n && !n->next && n != root)
            n = n->parent, depth--;
        if (!n || n == root)
            break;
        n = n->next;
    }
    return deepest;
}

/* The page's bytes as libxml2 asks for them, a few kilobytes at a time,
 * which it drops once parsed (htmlReadMemory copies the whole page first).
 * A page the reader owns is first cut in pieces, each freed once handed
 * over: the tree of a page takes seven times its size, and the bytes left
 * beside it shrink as it grows (the copies beside the tree of a 5 MB page
 * were 6 of its 63 MiB). */
#define PIECE (64 * 1024)

typedef struct {
    const char *at; /* in the piece being handed over */
    size_t left;
    char **piece; /* NULL: the bytes are read in place, all at `at` */
    size_t n_pieces, next, len;
    size_t given;   /* bytes handed over so far */
    size_t *slash;  /* offsets of the slashes handed over as spaces */
    size_t n_slash, next_slash;
    html_div_ends ends; /* "</div>"s handed over before these offsets */
    size_t next_end;
    size_t pending; /* bytes of the current one's, still to hand over */
} page_bytes;

/* The offset of the '/' that ends the start tag opening at s ("<script
 * src=… />"), or 0; quoted values may hold '>' and '/'. */
static size_t self_closing_slash(const char *s, size_t n, size_t from)
{
    char quote = 0;
    for (size_t i = from; i < n; i++) {
        if (quote) {
            quote = s[i] == quote ? 0 : quote;
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '>') {
            size_t j = i;
            while (j > from && strchr(" \t\n\r", s[j - 1]))
                j--;
            return j > from && s[j - 1] == '/' ? j - 1 : 0;
        }
    }
    return 0;
}

/* HTML ignores the slash of "<script src=… />": the script (a style, a
 * title) runs to its end tag, as browsers read it. libxml2's parser
 * closes the element there and reads the code after it as the page's
 * text ("(function() { document.addEventListener…" read aloud). The
 * slashes are found before parsing and handed over as spaces. */
static void find_raw_text_slashes(page_bytes *p, const char *s, size_t n)
{
    size_t cap = 0;
    for (const char *lt = memchr(s, '<', n); lt; lt = memchr(lt + 1, '<', n - (size_t)(lt + 1 - s))) {
        size_t at = (size_t)(lt - s), name;
        if (at + 1 >= n || !html_raw_text_tag_at(lt, n - at, &name))
            continue;
        size_t slash = self_closing_slash(s, n, at + 1 + name);
        if (!slash)
            continue;
        if (p->n_slash == cap) {
            size_t *grown = realloc(p->slash, (cap ? cap * 2 : 8) * sizeof *grown);
            if (!grown)
                return; /* read as libxml2 reads it */
            p->slash = grown, cap = cap ? cap * 2 : 8;
        }
        p->slash[p->n_slash++] = slash;
    }
}

/* Cuts the page's n bytes at data into pieces and frees the page; kept
 * whole (read in place) when there is no memory for the pieces. */
static void cut_in_pieces(page_bytes *p, const char *data, size_t n, char *page)
{
    p->at = data, p->left = n, p->piece = NULL, p->n_pieces = p->next = 0, p->len = n;
    size_t count = (n + PIECE - 1) / PIECE;
    char **piece = count ? calloc(count, sizeof *piece) : NULL;
    for (size_t i = 0; piece && i < count; i++) {
        size_t size = i + 1 < count ? PIECE : n - i * PIECE;
        if (!(piece[i] = malloc(size))) {
            while (i--)
                free(piece[i]);
            free(piece);
            piece = NULL;
            break;
        }
        memcpy(piece[i], data + i * PIECE, size);
    }
    if (!piece)
        return; /* read in place: the page stays until the tree is built */
    free(page);
    p->piece = piece, p->n_pieces = count;
    p->at = NULL, p->left = 0;
}

/* The bytes of the "</div>"s due at the current offset, as many as fit
 * in len; 0 when none is due. */
static int give_div_ends(page_bytes *p, char *buffer, int len)
{
    static const char end[] = "</div>";
    const size_t l = sizeof end - 1;
    if (!p->pending && p->next_end < p->ends.n && p->ends.v[p->next_end].at == p->given)
        p->pending = p->ends.v[p->next_end++].count * l;
    size_t n = 0;
    for (; p->pending && len > 0 && n < (size_t)len; p->pending--, n++)
        buffer[n] = end[l - 1 - (p->pending - 1) % l];
    return (int)n;
}

static int give_page_bytes(void *context, char *buffer, int len)
{
    page_bytes *p = context;
    int ends = give_div_ends(p, buffer, len);
    if (ends > 0)
        return ends;
    if (p->left == 0 && p->next < p->n_pieces) {
        if (p->next > 0) {
            free(p->piece[p->next - 1]);
            p->piece[p->next - 1] = NULL;
        }
        p->at = p->piece[p->next];
        p->left = p->next + 1 < p->n_pieces ? PIECE : p->len - p->next * PIECE;
        p->next++;
    }
    size_t n = len < 0 ? 0 : (size_t)len < p->left ? (size_t)len : p->left;
    if (p->next_end < p->ends.n && p->ends.v[p->next_end].at < p->given + n)
        n = p->ends.v[p->next_end].at - p->given; /* up to the end tag the "</div>"s go before */
    memcpy(buffer, p->at, n);
    for (; p->next_slash < p->n_slash && p->slash[p->next_slash] < p->given + n; p->next_slash++)
        buffer[p->slash[p->next_slash] - p->given] = ' ';
    p->at += n, p->left -= n, p->given += n;
    return (int)n;
}

static void page_bytes_free(page_bytes *p)
{
    for (size_t i = 0; i < p->n_pieces; i++)
        free(p->piece[i]);
    free(p->piece);
    free(p->slash);
    free(p->ends.v);
}

static void intern_name(xmlDictPtr dict, const xmlChar **name)
{
    const xmlChar *same = *name ? xmlDictLookup(dict, *name, -1) : NULL;
    if (same && same != *name) {
        xmlFree((xmlChar *)*name);
        *name = same;
    }
}

/* libxml2 2.9's HTML parser gives each element and attribute a name of
 * its own ("p", "div", "class"): two to six bytes that malloc rounds to
 * 32. Taken from the parser's dictionary, they are shared. An HTML
 * document has no dictionary of its own there: it is given the parser's,
 * so that xmlFreeDoc tells the shared names from the others (it frees
 * only what the dictionary does not own) and frees the dictionary last. */
static void start_element(void *context, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr ctxt = context;
    xmlNodePtr before = ctxt->node;
    xmlSAX2StartElement(context, name, atts);
    xmlNodePtr n = ctxt->node;
    if (!n || n == before || !n->doc || !ctxt->dict)
        return;
    if (!n->doc->dict) {
        n->doc->dict = ctxt->dict;
        xmlDictReference(ctxt->dict);
    }
    if (n->doc->dict != ctxt->dict)
        return;
    intern_name(ctxt->dict, &n->name);
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        intern_name(ctxt->dict, &a->name);
}

/* htmlReadIO, but with the bytes taken as UTF-8 when no encoding is
 * named, as htmlReadMemory does: its context guesses at the first
 * non-ASCII byte instead, and took UTF-8 pages for Latin-1. */
static htmlDocPtr parse_stream(page_bytes *bytes, const char *enc, int options)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    xmlParserInputBufferPtr buf =
        ctxt ? xmlParserInputBufferCreateIO(give_page_bytes, NULL, bytes, XML_CHAR_ENCODING_NONE)
             : NULL;
    xmlParserInputPtr in = buf ? xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE) : NULL;
    if (!in) {
        xmlFreeParserInputBuffer(buf);
        htmlFreeParserCtxt(ctxt);
        return NULL;
    }
    inputPush(ctxt, in);
    htmlCtxtUseOptions(ctxt, options);
    ctxt->sax->startElement = start_element;
    xmlCharEncodingHandlerPtr handler = enc ? xmlFindCharEncodingHandler(enc) : NULL;
    if (handler)
        xmlSwitchToEncoding(ctxt, handler);
    else
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* Parses in the page's own encoding (charset.c), decoded here, so that a
 * windows-1252 or Shift_JIS page comes out as the same UTF-8 as a UTF-8
 * one, and a byte it cannot decode costs that byte, not the rest. The encoding is ours to
 * decide: a <meta charset> met while parsing must not switch it again.
 * `taken` (the page's own buffer, or NULL) is freed as soon as it is no
 * longer read. */
static htmlDocPtr parse_page(const char *data, size_t len, char *taken)
{
    size_t skip, n;
    char label[40];
    const char *enc = html_charset(data, len, &skip, label);
    char *decoded = NULL;
    bool repair = strcmp(enc, CHARSET_UTF8_REPAIR) == 0;
    /* every charset but UTF-8 is decoded here, leniently: libxml2 would
     * stop at the first byte it cannot decode and drop the rest */
    if (strcmp(enc, "UTF-8") != 0) {
        decoded = repair ? utf8_repair(data, len, &n)
                         : charset_to_utf8_lenient(data + skip, len - skip, enc, &n);
        if (decoded || repair) { /* else a charset only libxml2 knows: it decodes it */
            free(taken);
            if (!decoded || n > (size_t)INT32_MAX) {
                free(decoded);
                return NULL;
            }
            skip = repair ? skip : 0;
            data = taken = decoded, len = n, enc = "UTF-8";
        }
    }
    /* UTF-8 is libxml2's own: naming it would add a UTF-8 to UTF-8 pass. */
    if (strcmp(enc, "UTF-8") == 0)
        enc = NULL;
    page_bytes bytes = {data + skip, len - skip, NULL, 0, 0, len - skip, 0, NULL, 0, 0, {NULL, 0, 0}, 0, 0};
    find_raw_text_slashes(&bytes, data + skip, len - skip);
    if (html_find_div_ends(data + skip, len - skip, &bytes.ends) < 0) {
        free(bytes.ends.v); /* no memory to note them: parsed as written */
        bytes.ends = (html_div_ends){NULL, 0, 0};
    }
    if (taken)
        cut_in_pieces(&bytes, data + skip, len - skip, taken);
    htmlDocPtr doc = parse_stream(&bytes, enc,
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                                      XML_PARSE_HUGE);
    page_bytes_free(&bytes);
    if (!bytes.piece)
        free(taken);
    return doc;
}

htmlDocPtr html_parse(const char *data, size_t len, char *taken, ora_error *err)
{
    if (len > (size_t)INT32_MAX) {
        free(taken);
        ora_set_error(err, "the page is too large to read (over 2 GB).");
        return NULL;
    }
    htmlDocPtr doc = parse_page(data, len, taken);
    if (!doc || !xmlDocGetRootElement(doc)) {
        ora_set_error(err, "the page could not be parsed as HTML.");
        xmlFreeDoc(doc);
        return NULL;
    }
    int depth = tree_depth(xmlDocGetRootElement(doc));
    if (depth > MAX_PAGE_DEPTH) {
        ora_set_error(err, "the page nests its elements %d deep, more than the %d oralise reads: "
                      "it cannot be read whole.", depth, MAX_PAGE_DEPTH);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}
