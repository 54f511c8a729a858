/* The normalizer's tab-separated data files: units, currencies and the
 * respellings eSpeak NG needs. Each is "field<TAB>field…" a line; '#' starts
 * a comment line. They are data so a user can change them without a
 * compiler. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 8

/* Calls row() for each data line of a file under the data folder. */
static int tsv_each(const char *rel, size_t min_fields,
                    int (*row)(void *ctx, char **f, size_t n), void *ctx,
                    ora_error *err)
{
    char *path = data_path(rel), *data;
    size_t len;
    int rc = read_whole_file(path, &data, &len, err);
    if (rc < 0) {
        free(path);
        return -1;
    }
    size_t lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line && rc == 0;
         line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[MAX_FIELDS];
        size_t n = 0;
        for (char *t = line; t && n < MAX_FIELDS; n++) {
            f[n] = t;
            t = strchr(t, '\t');
            if (t)
                *t++ = '\0';
        }
        if (n < min_fields) {
            ora_set_error(err, "%s: a line has %zu fields, %zu expected: %s",
                          path, n, min_fields, f[0]);
            rc = -1;
        } else {
            rc = row(ctx, f, n);
        }
    }
    free(data);
    free(path);
    return rc;
}

/* Grows an array of elements of size sz by one, returns the new slot. */
static void *grow(void **items, size_t *n, size_t sz)
{
    char *p = realloc(*items, (*n + 1) * sz);
    if (!p)
        return NULL;
    *items = p;
    memset(p + *n * sz, 0, sz);
    return p + (*n)++ * sz;
}

static int unit_row(void *ctx, char **f, size_t n)
{
    unit_table *t = ctx;
    unit_name *u = grow((void **)&t->items, &t->n, sizeof *u);
    if (!u)
        return -1;
    u->symbol = ora_strdup(f[0]);
    u->singular = ora_strdup(f[1]);
    u->plural = ora_strdup(f[2]);
    u->feminine = n > 3 && f[3][0] == 'f';
    u->alone = n > 4 && strcmp(f[4], "alone") == 0;
    u->digits = n > 4 && strcmp(f[4], "digits") == 0;
    u->period = n > 4 && strcmp(f[4], "period") == 0;
    u->glued = n > 4 && strcmp(f[4], "glued") == 0;
    u->digits |= u->glued;
    if (u->alone && u->symbol[0] && u->symbol[1])
        t->alone_pair[unit_pair_hash(u->symbol)] = true;
    return 0;
}

/* Chains the units by the first byte of their symbol, in the file's
 * order: a look-up walks the few that can match, not the whole table. */
static void unit_chain(unit_table *t)
{
    for (size_t k = t->n; k-- > 0;) {
        unsigned char b = (unsigned char)t->items[k].symbol[0];
        t->items[k].next_same = t->first[b];
        t->first[b] = (uint32_t)k + 1;
    }
}

int unit_table_load(const char *rel, unit_table *t, ora_error *err)
{
    memset(t, 0, sizeof *t);
    int rc = tsv_each(rel, 3, unit_row, t, err);
    if (rc >= 0)
        unit_chain(t);
    return rc;
}

void unit_table_free(unit_table *t)
{
    for (size_t k = 0; k < t->n; k++) {
        free(t->items[k].symbol);
        free(t->items[k].singular);
        free(t->items[k].plural);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

static int currency_row(void *ctx, char **f, size_t n)
{
    (void)n;
    currency_table *t = ctx;
    currency_name *c = grow((void **)&t->items, &t->n, sizeof *c);
    if (!c)
        return -1;
    c->symbol = ora_strdup(f[0]);
    t->starts[(unsigned char)f[0][0]] = true;
    c->singular = ora_strdup(f[1]);
    c->plural = ora_strdup(f[2]);
    c->cent_singular = ora_strdup(f[3]);
    c->cent_plural = ora_strdup(f[4]);
    c->of_form = ora_strdup(f[5]);
    return 0;
}

int currency_table_load(const char *rel, currency_table *t, ora_error *err)
{
    memset(t, 0, sizeof *t);
    return tsv_each(rel, 6, currency_row, t, err);
}

void currency_table_free(currency_table *t)
{
    for (size_t k = 0; k < t->n; k++) {
        currency_name *c = &t->items[k];
        free(c->symbol), free(c->singular), free(c->plural);
        free(c->cent_singular), free(c->cent_plural), free(c->of_form);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

static int respell_row(void *ctx, char **f, size_t n)
{
    (void)n;
    respell_table *t = ctx;
    respelling *r = grow((void **)&t->items, &t->n, sizeof *r);
    if (!r)
        return -1;
    size_t l = strlen(f[0]);
    r->prefix = l > 1 && f[0][l - 1] == '*';
    r->from = ora_strndup(f[0], r->prefix ? l - 1 : l);
    r->from_len = r->from ? strlen(r->from) : 0;
    r->to = ora_strdup(f[1]);
    return 0;
}

/* Chains the entries by the first byte of their from, in the file's
 * order (the first that matches wins), as unit_chain does. */
static void respell_chain(respell_table *t)
{
    for (size_t k = t->n; k-- > 0;) {
        unsigned char b = (unsigned char)t->items[k].from[0];
        t->items[k].next_same = t->first[b];
        t->first[b] = (uint32_t)k + 1;
    }
}

int respell_table_load(const char *rel, respell_table *t, ora_error *err)
{
    memset(t, 0, sizeof *t);
    int rc = tsv_each(rel, 2, respell_row, t, err);
    if (rc >= 0)
        respell_chain(t);
    return rc;
}

void respell_table_free(respell_table *t)
{
    for (size_t k = 0; k < t->n; k++) {
        free(t->items[k].from);
        free(t->items[k].to);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* What ends a word of generated text (the respellings' words). */
#define WORD_ENDS " -,."

static bool word_char(char c)
{
    return c && !strchr(WORD_ENDS, c);
}

const respelling *respelling_at(const respell_table *t, const char *w)
{
    /* most words: no respelling starts with their letter */
    for (uint32_t k = t->first[(unsigned char)w[0]]; k; k = t->items[k - 1].next_same) {
        const respelling *r = &t->items[k - 1];
        size_t l = r->from_len;
        if (strncmp(w, r->from, l) == 0 && (r->prefix || !word_char(w[l])))
            return r;
    }
    return NULL;
}

const char *respell_exact(const respell_table *t, const char *s, size_t n)
{
    for (size_t k = 0; k < t->n; k++) {
        const respelling *r = &t->items[k];
        if (n && r->from[0] == s[0] && strlen(r->from) == n && memcmp(s, r->from, n) == 0)
            return r->to;
    }
    return NULL;
}

/* Each word of words is copied whole, with the character that ends it,
 * once the respelling that may start it is written. */
void respell_apply(const respell_table *t, strbuf *out, const char *words)
{
    for (const char *s = words; *s;) {
        const respelling *r = respelling_at(t, s);
        if (r) {
            sb_adds(out, r->to);
            s += strlen(r->from);
        }
        size_t n = strcspn(s, WORD_ENDS);
        n += s[n] != '\0';
        if (n)
            sb_add(out, s, n);
        s += n;
    }
}

int word_set_load(const char *rel, word_set *ws, ora_error *err)
{
    memset(ws, 0, sizeof *ws);
    if (phrase_list_load(rel, &ws->list, err) < 0)
        return -1;
    ws->n_slots = 16;
    while (ws->n_slots < ws->list.n * 2)
        ws->n_slots *= 2;
    ws->slots = calloc(ws->n_slots, sizeof *ws->slots);
    if (!ws->slots) {
        ora_set_error(err, "out of memory");
        return -1;
    }
    ws->endings = calloc(ws->list.n + 1, sizeof *ws->endings);
    ws->ending_len = calloc(ws->list.n + 1, sizeof *ws->ending_len);
    if (!ws->endings || !ws->ending_len) {
        ora_set_error(err, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < ws->list.n; i++) {
        const char *w = ws->list.items[i];
        if (w[0] == '*' && w[1]) {
            ws->ending_len[ws->n_endings] = strlen(w + 1);
            ws->endings[ws->n_endings++] = w + 1;
        }
        uint64_t h = fnv1a(w, strlen(w));
        size_t k = (size_t)h & (ws->n_slots - 1);
        while (ws->slots[k])
            k = (k + 1) & (ws->n_slots - 1);
        ws->slots[k] = i + 1;
        hash_bit_set(ws->bits, WORD_SET_BITS, h);
    }
    return 0;
}

void word_set_free(word_set *ws)
{
    phrase_list_free(&ws->list);
    free(ws->slots);
    free(ws->endings);
    free(ws->ending_len);
    memset(ws, 0, sizeof *ws);
}

bool word_set_has(const word_set *ws, const char *s, size_t n)
{
    if (!ws->n_slots)
        return false;
    uint64_t h = fnv1a(s, n);
    if (!hash_bit_is_set(ws->bits, WORD_SET_BITS, h))
        return false;
    size_t k = (size_t)h & (ws->n_slots - 1);
    for (; ws->slots[k]; k = (k + 1) & (ws->n_slots - 1)) {
        const char *w = ws->list.items[ws->slots[k] - 1];
        if ((n == 0 || w[0] == s[0]) && strncmp(w, s, n) == 0 && w[n] == '\0')
            return true; /* the first byte turns most other words away */
    }
    return false;
}
