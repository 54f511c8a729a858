/* The </div> a page forgot, where libxml2's HTML parser and a browser part
 * ways. libxml2 2.9 lets an end tag close only elements that rank no
 * higher than itself, and a <div> ranks above <nav>, <header>, <section>
 * and their kin: in "<nav><div>…</nav>" the </nav> is ignored, the div
 * stays open, and the rest of the page (lci.fr: the whole article) ends
 * up inside the menu, which is never read. A browser closes the div at
 * </nav>. The page's bytes are scanned once, as a tokenizer sees them,
 * for the divs still open inside such an element at its end tag; parse.c
 * hands over that many "</div>" right before it. The raw-text elements
 * (script, style…) whose content the scan skips are parse.c's to know
 * too. */
#include "html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Open elements followed at most; past this depth the scan gives up and
 * the page is parsed as written. */
#define BALANCE_DEPTH 4096

/* The elements of HTML5 whose end tag libxml2 lets a <div> outrank. */
static const char *const sections[] = {"nav", "header", "footer", "section", "article", "aside", "main", "figure", NULL};

enum { DIV = 0 }; /* on the stack: 0 a div, 1 + k the section k */

/* The code of the element named at s (n bytes left), or -1 for any other;
 * the name's length in *len. */
static int element_at(const char *s, size_t n, size_t *len)
{
    size_t l = 0;
    while (l < n && isalnum((unsigned char)s[l]))
        l++;
    *len = l;
    if (l == 3 && strncasecmp(s, "div", 3) == 0)
        return DIV;
    for (int k = 0; sections[k]; k++)
        if (strlen(sections[k]) == l && strncasecmp(s, sections[k], l) == 0)
            return 1 + k;
    return -1;
}

/* Past the '>' that closes the tag whose name ends at i; quoted values
 * may hold '>'. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
    char quote = 0;
    for (; i < n; i++) {
        if (quote)
            quote = s[i] == quote ? 0 : quote;
        else if (s[i] == '"' || s[i] == '\'')
            quote = s[i];
        else if (s[i] == '>')
            return i + 1;
    }
    return n;
}

/* Elements whose content is raw text up to their end tag. */
static const char *const raw_text_tags[] = {"script", "style", "textarea", "title", NULL};

/* Does a raw-text element's start tag open at s (n bytes)? Its name's
 * length in *name. */
bool html_raw_text_tag_at(const char *s, size_t n, size_t *name)
{
    for (size_t k = 0; raw_text_tags[k]; k++) {
        size_t l = strlen(raw_text_tags[k]);
        if (n > l + 1 && strncasecmp(s + 1, raw_text_tags[k], l) == 0 &&
            s[l + 1] && strchr(" \t\n\r/>", s[l + 1])) { /* strchr finds the NUL too */
            *name = l;
            return true;
        }
    }
    return false;
}

/* Past the end tag of the raw-text element name (script, style…) whose
 * content starts at i: its text is no markup. */
static size_t raw_text_end(const char *s, size_t n, size_t i, const char *name, size_t l)
{
    for (const char *lt = memchr(s + i, '<', n - i); lt; lt = memchr(lt + 1, '<', n - (size_t)(lt + 1 - s))) {
        size_t at = (size_t)(lt - s);
        if (at + 2 + l <= n && lt[1] == '/' && strncasecmp(lt + 2, name, l) == 0)
            return tag_end(s, n, at + 2 + l);
    }
    return n;
}

/* Past what opens at i when it is no element: a comment, a doctype, a
 * processing instruction; i when it is a tag. */
static size_t skip_non_element(const char *s, size_t n, size_t i)
{
    if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
        for (size_t k = i + 4; k + 3 <= n; k++)
            if (memcmp(s + k, "-->", 3) == 0)
                return k + 3;
        return n;
    }
    if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?'))
        return tag_end(s, n, i + 2);
    return i;
}

static int add_end(html_div_ends *e, size_t at, unsigned count)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        html_div_end *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return -1;
        e->v = v, e->cap = cap;
    }
    e->v[e->n++] = (html_div_end){at, count};
    return 0;
}

/* An end tag of code c at i, the stack of depth *depth: a div's closes
 * the last div open (and what opened inside it); a section's closes it
 * and, noted in e, the divs still open inside it. */
static int close_element(unsigned char *stack, size_t *depth, int c, size_t i, html_div_ends *e)
{
    size_t k = *depth;
    while (k > 0 && stack[k - 1] != c)
        k--;
    if (k == 0)
        return 0; /* nothing of that name is open: the end tag is a stray */
    unsigned divs = 0;
    for (size_t j = k; j < *depth; j++)
        divs += stack[j] == DIV;
    *depth = k - 1;
    return c != DIV && divs ? add_end(e, i, divs) : 0;
}

int html_find_div_ends(const char *s, size_t n, html_div_ends *e)
{
    unsigned char stack[BALANCE_DEPTH];
    size_t depth = 0;
    memset(e, 0, sizeof *e);
    for (size_t i = 0; i < n;) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        size_t past = skip_non_element(s, n, i), l;
        if (past != i) {
            i = past;
            continue;
        }
        bool end = i + 1 < n && s[i + 1] == '/';
        size_t name = i + 1 + end;
        int c = element_at(s + name, n - name, &l);
        if (l == 0) {
            i++;
            continue;
        }
        size_t after = tag_end(s, n, name + l);
        if (end && c >= 0 && close_element(stack, &depth, c, i, e) < 0)
            return -1;
        if (!end && c >= 0) {
            if (depth == BALANCE_DEPTH) {
                free(e->v);
                memset(e, 0, sizeof *e);
                return 0; /* too deep to follow: parsed as written */
            }
            stack[depth++] = (unsigned char)c;
        }
        size_t raw;
        if (!end && c < 0 && html_raw_text_tag_at(s + i, n - i, &raw))
            after = raw_text_end(s, n, after, s + name, raw);
        i = after;
    }
    return 0;
}
