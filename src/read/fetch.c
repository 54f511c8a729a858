/* Web addresses: the page fetched with libcurl, whole into memory, as a
 * file would be read.
 *
 * What a fetch accepts is what a reader would: HTTP or HTTPS (a redirect
 * to any other scheme is refused), at most FETCH_MAX_REDIRECTS redirects,
 * a 2xx answer whose type is a page or text. Everything else stops the
 * transfer as soon as it is known (the first bytes of the body, or the
 * Content-Length), not after a large download: an error page, an image, a
 * body past --max-input. gzip and deflate are asked for and undone by
 * libcurl; the size limit is on the body as undone, so a small compressed
 * answer cannot grow past it. One timeout covers the whole exchange,
 * connection included: a server that answers a byte a second cannot hold
 * a batch for ever.
 *
 * libcurl is opened with dlopen on the first fetch, not linked: Debian's
 * libcurl brings 31 more shared libraries (GnuTLS, Kerberos, LDAP, RTMP,
 * SSH...), whose loading and constructors cost every run of oralise about
 * 25 ms of CPU (--print=article of the sample page: 37 → 62 ms), files
 * included; git keeps libcurl out of its main binary for the same reason.
 * The headers still come from pkg-config (PKGS); only -lcurl is left off
 * the link (Makefile).
 *
 * libcurl wants curl_global_init called once per process before any other
 * call (it sets up OpenSSL and the resolver, and is not thread-safe in
 * every build). It is called here, through pthread_once, on the first
 * fetch: a program that never fetches pays nothing, and a caller of the
 * library has no set-up call to remember. That once-flag and the table of
 * libcurl's entry points, written once under it and only read after, are
 * the only global state of this file; curl_global_cleanup is left to
 * process exit, as libcurl allows, because another part of the program
 * may use libcurl too and cleaning up under it would break it. */
#include "fetch.h"

#include <ctype.h>
#include <curl/curl.h>
#include <dlfcn.h>
#include <errno.h>
#include <libxml/uri.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An honest User-Agent: who is asking, and for what. */
#define USER_AGENT "oralise/" ORA_VERSION " (reads French news articles aloud; libcurl)"

/* The libcurl calls this file makes, looked up in the shared library. */
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*setopt)(CURL *h, CURLoption opt, ...);
    CURLcode (*perform)(CURL *h);
    CURLcode (*getinfo)(CURL *h, CURLINFO info, ...);
    void (*cleanup)(CURL *h);
    const char *(*strerror)(CURLcode rc);
} curl_calls;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static curl_calls lib;
static char curl_problem[200]; /* why libcurl cannot be used; "" when it can */

/* libcurl 4's shared object: OpenSSL's build, else GnuTLS's. Bound
 * lazily: binding every symbol of its 31 libraries at once (RTLD_NOW) took
 * the first fetch from 12 to 20 ms of CPU; the functions used are looked up
 * with dlsym anyway, so a missing one is still found at load. */
static void *open_curl(void)
{
    void *so = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
    return so ? so : dlopen("libcurl-gnutls.so.4", RTLD_LAZY | RTLD_LOCAL);
}

static void init_curl(void)
{
    void *so = open_curl();
    if (!so) {
        snprintf(curl_problem, sizeof curl_problem,
                 "libcurl cannot be loaded (%s); install it (Debian: libcurl4)", dlerror());
        return;
    }
    lib.global_init = (CURLcode(*)(long))dlsym(so, "curl_global_init");
    lib.easy_init = (CURL * (*)(void)) dlsym(so, "curl_easy_init");
    lib.setopt = (CURLcode(*)(CURL *, CURLoption, ...))dlsym(so, "curl_easy_setopt");
    lib.perform = (CURLcode(*)(CURL *))dlsym(so, "curl_easy_perform");
    lib.getinfo = (CURLcode(*)(CURL *, CURLINFO, ...))dlsym(so, "curl_easy_getinfo");
    lib.cleanup = (void (*)(CURL *))dlsym(so, "curl_easy_cleanup");
    lib.strerror = (const char *(*)(CURLcode))dlsym(so, "curl_easy_strerror");
    if (!lib.global_init || !lib.easy_init || !lib.setopt || !lib.perform ||
        !lib.getinfo || !lib.cleanup || !lib.strerror)
        snprintf(curl_problem, sizeof curl_problem, "the libcurl found lacks a function");
    else if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        snprintf(curl_problem, sizeof curl_problem, "libcurl could not start");
}

bool is_web_address(const char *input)
{
    return strncasecmp(input, "http://", 7) == 0 || strncasecmp(input, "https://", 8) == 0;
}

/* Why the body callback stopped the transfer. */
typedef enum { STOP_NONE, STOP_TOO_LARGE, STOP_STATUS, STOP_TYPE, STOP_MEMORY } stop_reason;

typedef struct {
    CURL *h;
    strbuf body;
    size_t max;
    bool checked;        /* the response's status and type were looked at */
    stop_reason stop;
    long status;
    char reason[64];     /* the last status line's phrase ("Not Found") */
    char mime[80], charset[40];
} transfer;

/* "text/html; charset=ISO-8859-1" → mime "text/html", charset
 * "ISO-8859-1" (quotes dropped). */
void fetch_split_content_type(const char *ct, char mime[80], char charset[40])
{
    *mime = *charset = '\0';
    if (!ct)
        return;
    size_t n = strcspn(ct, ";");
    while (n && isspace((unsigned char)ct[n - 1]))
        n--;
    size_t k = 0;
    for (const char *p = ct; p < ct + n && k < 79; p++)
        if (!isspace((unsigned char)*p))
            mime[k++] = (char)tolower((unsigned char)*p);
    mime[k] = '\0';
    for (const char *p = ct + strcspn(ct, ";"); *p; p++) {
        if (strncasecmp(p, "charset", 7) != 0)
            continue;
        p += 7;
        while (isspace((unsigned char)*p))
            p++;
        if (*p != '=')
            continue;
        p++;
        while (isspace((unsigned char)*p) || *p == '"' || *p == '\'')
            p++;
        size_t m = 0;
        while (m < 39 && p[m] && (isalnum((unsigned char)p[m]) || strchr("-_.:", p[m])))
            charset[m] = p[m], m++;
        charset[m] = '\0';
        return;
    }
}

/* Types a reader can read: pages and text. No type at all is read too, and
 * sniffed like a file. */
static bool readable_type(const char *mime)
{
    return !*mime || strncmp(mime, "text/", 5) == 0 ||
           strcmp(mime, "application/xhtml+xml") == 0;
}

bool fetched_is_html(const fetched *f)
{
    return strcmp(f->mime, "text/html") == 0 || strcmp(f->mime, "application/xhtml+xml") == 0;
}

/* Looks at the final response once its headers are in: the status and the
 * type decide whether its body is worth receiving at all. */
static stop_reason check_response(transfer *t)
{
    t->checked = true;
    lib.getinfo(t->h, CURLINFO_RESPONSE_CODE, &t->status);
    char *ct = NULL;
    lib.getinfo(t->h, CURLINFO_CONTENT_TYPE, &ct);
    fetch_split_content_type(ct, t->mime, t->charset);
    if (t->status < 200 || t->status > 299)
        return STOP_STATUS;
    if (!readable_type(t->mime))
        return STOP_TYPE;
    curl_off_t size = -1; /* room for the whole body at once when it is announced */
    lib.getinfo(t->h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &size);
    if (size > 0 && (size_t)size <= t->max)
        sb_reserve(&t->body, (size_t)size); /* a failure only means growing later */
    return STOP_NONE;
}

static size_t on_body(char *data, size_t size, size_t n, void *user)
{
    transfer *t = user;
    size_t bytes = size * n;
    if (!t->checked && (t->stop = check_response(t)) != STOP_NONE)
        return 0;
    if (t->body.len + bytes > t->max) {
        t->stop = STOP_TOO_LARGE;
        return 0;
    }
    if (sb_add(&t->body, data, bytes) < 0) {
        t->stop = STOP_MEMORY;
        return 0;
    }
    return bytes;
}

/* Keeps the phrase of each status line ("HTTP/1.1 404 Not Found"); after
 * redirects the last one is the final answer's. */
static size_t on_header(char *line, size_t size, size_t n, void *user)
{
    transfer *t = user;
    size_t len = size * n;
    if (len > 5 && strncmp(line, "HTTP/", 5) == 0) {
        const char *p = memchr(line, ' ', len);
        const char *end = line + len;
        t->reason[0] = '\0';
        if (p && (p = memchr(p + 1, ' ', (size_t)(end - p - 1)))) {
            p++;
            size_t k = 0;
            while (p + k < end && p[k] != '\r' && p[k] != '\n' && k < sizeof t->reason - 1)
                k++;
            memcpy(t->reason, p, k), t->reason[k] = '\0';
        }
    }
    return len;
}

/* The standard phrase of a status (rules/http-status.txt), for HTTP/2
 * answers, which carry none. */
static void standard_reason(long status, char *out, size_t size)
{
    phrase_list pl;
    ora_error ignored;
    if (phrase_list_load("rules/http-status.txt", &pl, &ignored) < 0)
        return;
    char code[16];
    snprintf(code, sizeof code, "%ld ", status);
    for (size_t i = 0; i < pl.n; i++)
        if (str_starts_with(pl.items[i], code))
            snprintf(out, size, "%s", pl.items[i] + strlen(code));
    phrase_list_free(&pl);
}

/* The sentence for a transfer our own callback stopped. */
static void stop_message(transfer *t, const char *url, ora_error *err)
{
    switch (t->stop) {
    case STOP_TOO_LARGE:
        ora_set_error(err, "cannot fetch %s: the page is larger than the limit of %zu MB "
                      "(--max-input raises it).", url, t->max >> 20);
        break;
    case STOP_STATUS: {
        char reason[64];
        snprintf(reason, sizeof reason, "%s", t->reason);
        if (!*reason)
            standard_reason(t->status, reason, sizeof reason);
        ora_set_error(err, "cannot fetch %s: the server answered HTTP %ld%s%s.", url,
                      t->status, *reason ? " " : "", reason);
        break;
    }
    case STOP_TYPE:
        ora_set_error(err, "cannot fetch %s: it is %s, not a web page or text.", url, t->mime);
        break;
    default:
        ora_set_error(err, "cannot fetch %s: out of memory.", url);
    }
}

static bool tls_error(CURLcode rc)
{
    switch (rc) {
    case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CIPHER: case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS: case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND: case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED: case CURLE_USE_SSL_FAILED:
        return true;
    default:
        return false;
    }
}

/* The sentence for what libcurl reports, in the words of what happened. */
static void curl_message(CURLcode rc, transfer *t, const char *url, double timeout_s,
                         const char *detail, ora_error *err)
{
    char host[256] = "the server";
    xmlURIPtr u = xmlParseURI(url);
    if (u && u->server)
        snprintf(host, sizeof host, "%s", u->server);
    xmlFreeURI(u);
    long os_errno = 0;
    lib.getinfo(t->h, CURLINFO_OS_ERRNO, &os_errno);
    const char *why = *detail ? detail : lib.strerror(rc);
    if (rc == CURLE_COULDNT_RESOLVE_HOST)
        ora_set_error(err, "cannot fetch %s: no server is known by the name %s "
                      "(the DNS lookup failed).", url, host);
    else if (rc == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED)
        ora_set_error(err, "cannot fetch %s: %s refused the connection.", url, host);
    else if (rc == CURLE_COULDNT_CONNECT)
        ora_set_error(err, "cannot fetch %s: cannot connect to %s: %s.", url, host,
                      os_errno ? strerror((int)os_errno) : why);
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        ora_set_error(err, "cannot fetch %s: no complete answer within %g second%s "
                      "(--timeout raises it).", url, timeout_s, timeout_s == 1 ? "" : "s");
    else if (tls_error(rc))
        ora_set_error(err, "cannot fetch %s: TLS error: %s.", url, why);
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
        ora_set_error(err, "cannot fetch %s: more than %d redirects.", url, FETCH_MAX_REDIRECTS);
    else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
        ora_set_error(err, "cannot fetch %s: it leads to an address that is not http or https.", url);
    else if (rc == CURLE_URL_MALFORMAT)
        ora_set_error(err, "cannot fetch %s: it is not a valid web address.", url);
    else if (rc == CURLE_FILESIZE_EXCEEDED)
        ora_set_error(err, "cannot fetch %s: the page is larger than the limit of %zu MB "
                      "(--max-input raises it).", url, t->max >> 20);
    else if (rc == CURLE_GOT_NOTHING)
        ora_set_error(err, "cannot fetch %s: the server closed the connection without answering.", url);
    else
        ora_set_error(err, "cannot fetch %s: %s.", url, why);
}

static void set_options(CURL *h, transfer *t, const char *url, size_t max, double timeout_s,
                        char *errbuf)
{
    long ms = (long)(timeout_s * 1000);
    lib.setopt(h, CURLOPT_URL, url);
    lib.setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    lib.setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    lib.setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    lib.setopt(h, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
    lib.setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* every coding libcurl can undo */
    lib.setopt(h, CURLOPT_TIMEOUT_MS, ms);
    lib.setopt(h, CURLOPT_CONNECTTIMEOUT_MS, ms);
    lib.setopt(h, CURLOPT_NOSIGNAL, 1L); /* no SIGALRM in a library */
    lib.setopt(h, CURLOPT_USERAGENT, USER_AGENT);
    lib.setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max);
    lib.setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    lib.setopt(h, CURLOPT_WRITEDATA, t);
    lib.setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    lib.setopt(h, CURLOPT_HEADERDATA, t);
    lib.setopt(h, CURLOPT_ERRORBUFFER, errbuf);
}

int fetch_page(const char *url, size_t max, double timeout_s, fetched *f,
               ora_error *err)
{
    memset(f, 0, sizeof *f);
    pthread_once(&curl_once, init_curl);
    CURL *h = *curl_problem ? NULL : lib.easy_init();
    if (!h) {
        ora_set_error(err, "cannot fetch %s: %s.", url,
                      *curl_problem ? curl_problem : "libcurl could not start");
        return -1;
    }
    transfer t = {.h = h, .max = max};
    sb_init(&t.body);
    char errbuf[CURL_ERROR_SIZE] = "";
    set_options(h, &t, url, max, timeout_s, errbuf);
    CURLcode rc = lib.perform(h);
    if (rc == CURLE_OK && !t.checked) /* no body at all: look at the answer now */
        t.stop = check_response(&t);
    if (t.stop != STOP_NONE)
        stop_message(&t, url, err);
    else if (rc != CURLE_OK)
        curl_message(rc, &t, url, timeout_s, errbuf, err);
    char *final = NULL;
    lib.getinfo(h, CURLINFO_EFFECTIVE_URL, &final);
    int status = rc == CURLE_OK && t.stop == STOP_NONE ? 0 : -1;
    if (status == 0) {
        f->final_url = ora_strdup(final ? final : url);
        f->len = t.body.len;
        f->body = sb_take(&t.body);
        memcpy(f->mime, t.mime, sizeof f->mime);
        memcpy(f->charset, t.charset, sizeof f->charset);
    }
    sb_free(&t.body);
    lib.cleanup(h);
    return status;
}

void fetched_free(fetched *f)
{
    free(f->body);
    free(f->final_url);
    memset(f, 0, sizeof *f);
}
