/* Loading site rules. A rules file is "key = value" lines; the first file
 * whose hosts list names a suffix of the page's host wins. */
#include "site.h"
#include "selector.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

char *url_host(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    /* "//host/path": a protocol-relative address, as pages write og:url */
    p = p ? p + 3 : strncmp(url, "//", 2) == 0 ? url + 2 : url;
    size_t n = strcspn(p, "/:?#");
    return n ? ora_strndup(p, n) : NULL;
}

static char **field(site_rules *r, const char *key)
{
    static const char *const keys[] = {"hosts", "article", "title", "lede",
                                       "byline", "date", "drop", "credit", "cut"};
    char **fields[] = {&r->hosts, &r->article, &r->title, &r->lede,
                       &r->byline, &r->date, &r->drop, &r->credit, &r->cut};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(key, keys[i]) == 0)
            return fields[i];
    return NULL;
}

static int parse_rules(const char *path, const char *text, site_rules *r,
                       ora_error *err)
{
    char *copy = ora_strdup(text);
    int lineno = 0, rc = 0;
    for (char *line = copy, *next; line && rc == 0; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        char *t = text_squash(line, strlen(line));
        char *eq = strchr(t, '=');
        if (t[0] && t[0] != '#') {
            char **f = NULL;
            if (eq) {
                size_t kl = (size_t)(eq - t);
                while (kl && t[kl - 1] == ' ')
                    kl--;
                t[kl] = '\0';
                f = field(r, t);
            }
            const char *v = eq ? eq + 1 + (eq[1] == ' ') : "";
            if (!f || !selector_valid(v)) {
                ora_set_error(err, "%s, line %d: expected \"key = selector\" with a known key and a simple CSS selector.", path, lineno);
                rc = -1;
            } else {
                free(*f);
                *f = *v ? ora_strdup(v) : NULL;
            }
        }
        free(t);
    }
    free(copy);
    return rc;
}

static int load_file(const char *path, site_rules *r, ora_error *err)
{
    char *text;
    size_t len;
    memset(r, 0, sizeof *r);
    if (read_whole_file(path, &text, &len, err) < 0)
        return -1;
    r->name = ora_strdup(path);
    int rc = parse_rules(path, text, r, err);
    free(text);
    if (rc < 0)
        site_rules_free(r);
    return rc;
}

static bool host_matches(const char *host, const char *hosts)
{
    if (!host || !hosts)
        return false;
    size_t hl = strlen(host);
    for (const char *p = hosts; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t w = strcspn(p, " ,");
        if (w && w <= hl && strncmp(host + hl - w, p, w) == 0 &&
            (w == hl || host[hl - w - 1] == '.'))
            return true;
        p += w;
    }
    return false;
}

int site_rules_load(const char *host, site_rules *r, ora_error *err)
{
    char *dir = data_path("rules/sites");
    DIR *d = opendir(dir);
    int rc = 1; /* 1: not found yet */
    struct dirent *e;
    while (d && rc == 1 && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0 ||
            strcmp(e->d_name, "default.txt") == 0)
            continue;
        strbuf p;
        sb_init(&p);
        sb_printf(&p, "%s/%s", dir, e->d_name);
        if (load_file(p.s, r, err) < 0)
            rc = -1;
        else if (host_matches(host, r->hosts))
            rc = 0;
        else
            site_rules_free(r);
        sb_free(&p);
    }
    if (d)
        closedir(d);
    if (rc == 1) {
        strbuf p;
        sb_init(&p);
        sb_printf(&p, "%s/default.txt", dir);
        rc = load_file(p.s, r, err);
        sb_free(&p);
    }
    free(dir);
    if (rc == 0) { /* only the rules chosen: every file is read to find them */
        r->drop_list = selector_list_compile(r->drop);
        r->credit_list = selector_list_compile(r->credit);
        r->cut_list = selector_list_compile(r->cut);
    }
    return rc;
}

void site_rules_free(site_rules *r)
{
    free(r->name), free(r->hosts), free(r->article), free(r->title);
    free(r->lede), free(r->byline), free(r->date), free(r->drop);
    free(r->credit), free(r->cut);
    selector_list_free(r->drop_list), selector_list_free(r->credit_list);
    selector_list_free(r->cut_list);
    memset(r, 0, sizeof *r);
}
