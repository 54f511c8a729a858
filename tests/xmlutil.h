/* Helpers for the tests that read XML back (talking books, podcast feeds):
 * parse with libxml2, ask with XPath. Header-only, like testutil.h. */
#ifndef ORA_XMLUTIL_H
#define ORA_XMLUTIL_H

#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* Parses XML as a reading system would: no network, no entity loading;
 * fails the test when it is not well-formed. */
static inline xmlDocPtr xu_parse(const char *data, size_t len)
{
    xmlDocPtr d = xmlReadMemory(data, (int)len, "doc.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!d)
        fail_msg("not well-formed XML: %.200s", data);
    return d;
}

/* An XPath context with the prefixes the tests use. */
static inline xmlXPathContextPtr xu_context(xmlDocPtr d)
{
    static const char *const ns[][2] = {
        {"opf", "http://www.idpf.org/2007/opf"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"x", "http://www.w3.org/1999/xhtml"},
        {"epub", "http://www.idpf.org/2007/ops"},
        {"smil", "http://www.w3.org/ns/SMIL"},
        {"c", "urn:oasis:names:tc:opendocument:xmlns:container"},
        {"itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"},
        {"podcast", "https://podcastindex.org/namespace/1.0"},
        {"atom", "http://www.w3.org/2005/Atom"},
        {"z", "urn:example:other"}};
    xmlXPathContextPtr c = xmlXPathNewContext(d);
    for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
        xmlXPathRegisterNs(c, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
    return c;
}

/* string(expr), to be freed. */
static inline char *xu_string(xmlXPathContextPtr c, const char *expr)
{
    char full[512];
    snprintf(full, sizeof full, "string(%s)", expr);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, c);
    if (!o)
        fail_msg("bad XPath: %s", expr);
    char *s = strdup(o->stringval ? (const char *)o->stringval : "");
    xmlXPathFreeObject(o);
    return s;
}

static inline int xu_count(xmlXPathContextPtr c, const char *expr)
{
    char full[512];
    snprintf(full, sizeof full, "count(%s)", expr);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, c);
    if (!o)
        fail_msg("bad XPath: %s", expr);
    int n = (int)o->floatval;
    xmlXPathFreeObject(o);
    return n;
}

/* The nodes of expr; free the result with xmlXPathFreeObject. */
static inline xmlXPathObjectPtr xu_nodes(xmlXPathContextPtr c, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
    if (!o || o->type != XPATH_NODESET)
        fail_msg("bad XPath: %s", expr);
    return o;
}

static inline int xu_size(xmlXPathObjectPtr o)
{
    return o->nodesetval ? o->nodesetval->nodeNr : 0;
}

/* An attribute of node i of a node set, to be freed. */
static inline char *xu_attr(xmlXPathObjectPtr o, int i, const char *name)
{
    xmlChar *v = xmlGetProp(o->nodesetval->nodeTab[i], BAD_CAST name);
    char *s = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* "h:mm:ss.fff" (SMIL clock value) in seconds; -1 if it is not one. */
static inline double xu_clock(const char *s)
{
    int h, m;
    double sec;
    if (sscanf(s, "%d:%2d:%lf", &h, &m, &sec) != 3 || m > 59 || sec >= 60)
        return -1;
    return h * 3600.0 + m * 60.0 + sec;
}

#endif
