/* Web addresses as inputs: the page fetched with libcurl (fetch.c). */
#ifndef ORA_FETCH_H
#define ORA_FETCH_H

#include "internal.h"

/* What a fetch gave: the body as the server sent it once its transfer
 * encoding (gzip, deflate) is undone, and what the response said of it. */
typedef struct {
    char *body;
    size_t len;
    char *final_url;     /* the address after redirects */
    char mime[80];       /* "text/html", lowercased; "" when none was sent */
    char charset[40];    /* the Content-Type's charset parameter, or "" */
} fetched;

/* Fetches url: at most max bytes of body, timeout_s seconds for the whole
 * exchange (connection included), at most FETCH_MAX_REDIRECTS redirects,
 * a 2xx answer of a page or text type. Anything else fails with one
 * sentence naming the address and the reason, and f is left empty. */
#define FETCH_MAX_REDIRECTS 5
int fetch_page(const char *url, size_t max, double timeout_s, fetched *f,
               ora_error *err);
void fetched_free(fetched *f);

/* Whether a response of this type is a page (text/html, XHTML). */
bool fetched_is_html(const fetched *f);

/* "text/html; charset=ISO-8859-1" → mime "text/html", charset
 * "ISO-8859-1" (lower-cased mime, quotes dropped). */
void fetch_split_content_type(const char *ct, char mime[80], char charset[40]);

#endif
