/* Strings, UTF-8, files and data-file look-up shared by every stage. */
#include "internal.h"

#include <libxml/HTMLparser.h>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ORA_DATADIR
#define ORA_DATADIR "."
#endif

void sb_init(strbuf *b) { b->s = NULL, b->len = 0, b->cap = 0; }

void sb_free(strbuf *b)
{
    free(b->s);
    sb_init(b);
}

int sb_reserve(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s)
        return -1;
    s[b->len] = '\0'; /* a buffer reserved and never added to is "", not garbage */
    b->s = s, b->cap = cap;
    return 0;
}

int sb_add(strbuf *b, const char *s, size_t n)
{
    if (sb_reserve(b, n) < 0)
        return -1;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

int sb_adds(strbuf *b, const char *s) { return sb_add(b, s, strlen(s)); }
int sb_addc(strbuf *b, char c) { return sb_add(b, &c, 1); }

int sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_reserve(b, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *sb_take(strbuf *b)
{
    char *s = b->s ? b->s : ora_strdup("");
    sb_init(b);
    return s;
}

void ora_set_error(ora_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

char *ora_strdup(const char *s) { return s ? ora_strndup(s, strlen(s)) : NULL; }

char *ora_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

int utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0)
        len = 2, c = s[0] & 0x1F, min = 0x80;
    else if ((s[0] & 0xF0) == 0xE0)
        len = 3, c = s[0] & 0x0F, min = 0x800;
    else if ((s[0] & 0xF8) == 0xF0)
        len = 4, c = s[0] & 0x07, min = 0x10000;
    else
        return 0;
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

int utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t n)
{
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        if (i + 8 <= n && eight_ascii(s + i)) {
            i += 8; /* eight ASCII bytes, most of any French text, at a step */
            continue;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int l = utf8_decode(s + i, n - i, &cp);
        if (!l)
            return false;
        i += (size_t)l;
    }
    return true;
}

size_t utf8_byte_of_char(const char *s, size_t len, size_t char_pos)
{
    size_t b = 0;
    for (size_t c = 0; b < len && c < char_pos; c++) {
        uint32_t cp;
        int l = utf8_decode(s + b, len - b, &cp);
        b += l > 0 ? (size_t)l : 1;
    }
    return b;
}

bool ora_utf8_valid(const char *s, size_t n) { return utf8_valid(s, n); }

bool utf8_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x202F ||
           cp == 0x2009 || cp == 0x2007 || cp == 0x200A || cp == 0x3000 ||
           cp == 0x2002 || cp == 0x2003 || cp == 0x205F || cp == 0x1680;
}

char *text_squash(const char *s, size_t n)
{
    strbuf b;
    sb_init(&b);
    bool pending_space = false;
    if (sb_reserve(&b, n) == 0)
        b.s[0] = '\0'; /* all white space gives "" */
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x80) {
            /* a run of visible ASCII, most of any text: copied whole */
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] > ' ' && (unsigned char)s[j] < 0x80)
                j++;
            if (pending_space)
                sb_addc(&b, ' ');
            pending_space = false;
            sb_add(&b, s + i, j - i);
            i = j;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        if (!l) { /* callers validated the input; skip a stray byte */
            i++;
            continue;
        }
        if (cp == 0x200B || cp == 0xFEFF || cp == 0xAD) { /* invisible */
            i += (size_t)l;
            continue;
        }
        if (utf8_is_space(cp)) {
            pending_space = b.len > 0;
        } else {
            if (pending_space)
                sb_addc(&b, ' ');
            pending_space = false;
            sb_add(&b, s + i, (size_t)l);
        }
        i += (size_t)l;
    }
    return sb_take(&b);
}

bool str_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

int read_file_at_most(const char *path, size_t max, char **data, size_t *len,
                      ora_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        ora_set_error(err, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    strbuf b;
    sb_init(&b);
    struct stat st; /* a regular file's size up front: no doubling past it */
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= max)
        sb_reserve(&b, (size_t)st.st_size);
    char chunk[65536];
    size_t got;
    const char *why = NULL;
    int saved = 0;
    while (!why && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + got > max)
            why = "too large";
        else if (sb_add(&b, chunk, got) < 0)
            why = "out of memory";
    }
    if (!why && ferror(f))
        why = "unreadable", saved = errno;
    if (!is_stdin)
        fclose(f);
    if (why) {
        if (strcmp(why, "too large") == 0)
            ora_set_error(err, "%s is larger than the limit of %zu MB (--max-input raises it).",
                          name, max >> 20);
        else if (strcmp(why, "out of memory") == 0)
            ora_set_error(err, "cannot read %s: out of memory.", name);
        else
            ora_set_error(err, "cannot read %s: %s", name, strerror(saved));
        sb_free(&b);
        return -1;
    }
    *len = b.len;
    *data = sb_take(&b);
    return 0;
}

int read_whole_file(const char *path, char **data, size_t *len,
                    ora_error *err)
{
    return read_file_at_most(path, (size_t)64 << 20, data, len, err);
}

const char *ora_data_dir(void)
{
    const char *env = getenv("ORALISE_DATA");
    return env && *env ? env : ORA_DATADIR;
}

char *data_path(const char *rel)
{
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s/%s", ora_data_dir(), rel);
    return sb_take(&b);
}

int phrase_list_load(const char *rel, phrase_list *pl, ora_error *err)
{
    memset(pl, 0, sizeof *pl);
    char *path = data_path(rel), *data;
    size_t len;
    int rc = read_whole_file(path, &data, &len, err);
    free(path);
    if (rc < 0)
        return -1;
    size_t cap = 0;
    char *save = NULL; /* strtok_r: a caller may be inside its own strtok loop */
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        const char *first = line + strspn(line, " \t\r");
        if (*first == '#' || !*first)
            continue; /* a comment, skipped before the squash that costs */
        char *t = text_squash(line, strlen(line));
        if (t[0] == '\0' || t[0] == '#') {
            free(t);
            continue;
        }
        if (pl->n == cap) {
            cap = cap ? cap * 2 : 16;
            pl->items = realloc(pl->items, cap * sizeof *pl->items);
        }
        pl->items[pl->n++] = t;
    }
    free(data);
    return 0;
}

void phrase_list_free(phrase_list *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->items[i]);
    free(pl->items);
    free(pl->by_open);
    free(pl->opening);
    memset(pl, 0, sizeof *pl);
}

/* write() and read() until all n bytes are through, across EINTR and short
 * transfers (pipes, temporary files). */
bool write_all(int fd, const void *p, size_t n)
{
    const char *b = p;
    while (n) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        b += w, n -= (size_t)w;
    }
    return true;
}

bool read_all(int fd, void *p, size_t n)
{
    char *b = p;
    while (n) {
        ssize_t r = read(fd, b, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        b += r, n -= (size_t)r;
    }
    return true;
}

/* A worker must not outlive the process that waits for its work: killed
 * alone, the parent would leave workers speaking into files nobody reads.
 * The kernel sends SIGKILL when the parent goes; a parent gone before the
 * call is seen by getppid(). */
void die_with_parent(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
}

bool seen_set_add(seen_set *set, uint64_t h)
{
    h |= 1; /* 0 marks a free slot */
    if (2 * (set->n + 1) > set->cap) { /* kept half empty: probes stay short */
        size_t cap = set->cap ? 2 * set->cap : 256;
        uint64_t *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return false;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i])
                for (size_t k = set->slots[i] % cap;; k = (k + 1) % cap)
                    if (!grown[k]) {
                        grown[k] = set->slots[i];
                        break;
                    }
        free(set->slots);
        set->slots = grown, set->cap = cap;
    }
    size_t k = h % set->cap;
    for (; set->slots[k]; k = (k + 1) % set->cap)
        if (set->slots[k] == h)
            return true;
    set->slots[k] = h;
    set->n++;
    return false;
}

bool seen_set_has(const seen_set *set, uint64_t h)
{
    h |= 1;
    if (!set->cap)
        return false;
    for (size_t k = h % set->cap; set->slots[k]; k = (k + 1) % set->cap)
        if (set->slots[k] == h)
            return true;
    return false;
}

void seen_set_free(seen_set *set)
{
    free(set->slots);
    memset(set, 0, sizeof *set);
}

const char *french_month(int m)
{
    static const char *const names[] = {
        "janvier", "février", "mars",      "avril",   "mai",      "juin",
        "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    return m >= 1 && m <= 12 ? names[m - 1] : "";
}

uint32_t html_entity_at(const char *s, size_t n, size_t *len)
{
    size_t k = 1;
    bool numeric = k < n && s[k] == '#';
    bool hex = numeric && k + 1 < n && (s[k + 1] == 'x' || s[k + 1] == 'X');
    k += numeric + hex;
    size_t b = k;
    while (k < n && k - b < HTML_ENTITY_BODY_MAX &&
           (hex       ? isxdigit((unsigned char)s[k])
            : numeric ? isdigit((unsigned char)s[k])
                      : isalpha((unsigned char)s[k]) || (k > b && isdigit((unsigned char)s[k]))))
        k++;
    if (k == b || k >= n || s[k] != ';')
        return 0;
    uint32_t cp = 0;
    if (numeric) {
        unsigned long v = strtoul(s + b, NULL, hex ? 16 : 10);
        cp = v <= 0x10FFFF ? (uint32_t)v : 0;
    } else {
        char name[HTML_ENTITY_BODY_MAX + 1];
        memcpy(name, s + b, k - b);
        name[k - b] = '\0';
        const htmlEntityDesc *d = htmlEntityLookup((const xmlChar *)name);
        cp = d ? d->value : 0;
    }
    *len = k + 1;
    return cp;
}
