/* Words and messages for the command line (see cli.h). */
#include "cli.h"
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Appends "N unit(s)" to buf, with a space before it unless first. */
static void add_unit(char *buf, size_t size, long n, const char *unit)
{
    size_t len = strlen(buf);
    if (len < size)
        snprintf(buf + len, size - len, "%s%ld %s%s", len ? " " : "", n, unit,
                 n == 1 ? "" : "s");
}

char *cli_duration_words(double seconds, char *buf, size_t size)
{
    long total = isfinite(seconds) && seconds > 0 ? lround(seconds) : 0;
    long h = total / 3600, m = total / 60 % 60, s = total % 60;
    if (!size)
        return buf;
    buf[0] = '\0';
    if (h)
        add_unit(buf, size, h, "hour");
    if (m)
        add_unit(buf, size, m, "minute");
    if (s || !total)
        add_unit(buf, size, s, "second");
    return buf;
}

char *cli_count_words(size_t n, const char *noun, char *buf, size_t size)
{
    snprintf(buf, size, "%zu %s%s", n, noun, n == 1 ? "" : "s");
    return buf;
}

char *cli_clock(long ms, char *buf, size_t size)
{
    if (ms < 0)
        ms = 0;
    snprintf(buf, size, "%02ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60,
             ms / 1000 % 60, ms % 1000);
    return buf;
}

bool cli_can_redraw(int fd)
{
    const char *term = getenv("TERM");
    return isatty(fd) && term && *term && strcmp(term, "dumb") != 0;
}

const char *cli_optional_file(const char *value, int argc, char **argv, int *next,
                              const char *ext, bool batch)
{
    if (value)
        return value;
    if (*next < argc && argv[*next][0] != '-' && argv[*next][0]) {
        const char *word = argv[*next];
        size_t n = strlen(word), e = strlen(ext);
        if (!batch || (n > e && strcasecmp(word + n - e, ext) == 0)) {
            (*next)++;
            return word;
        }
    }
    return "";
}

bool cli_option_given(int argc, char **argv, const char *shortopts,
                      const struct option *opts, int val1, int val2)
{
    char order[64];
    snprintf(order, sizeof order, "-%s", shortopts); /* "-": in order, nothing moved */
    bool given = false;
    int opt, saved = opterr;
    opterr = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, order, opts, NULL)) != -1)
        given |= opt == val1 || opt == val2;
    opterr = saved;
    optind = 0; /* the real parse starts afresh */
    return given;
}

/* ── The closest option ───────────────────────────────────────────────── */

/* Edits (insert, delete, replace, swap two neighbours) from a to b: the
 * optimal string alignment distance, enough for typing slips. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return SIZE_MAX;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* The option nearest to word, when near enough to be a slip: one edit for
 * a short word, up to a third of a longer one. The candidates are the
 * option names and the words of rules/cli/option-synonyms.txt ("typed
 * option" a line: speed rate), each standing for its option; the list is
 * read only on this error path. */
static bool nearest_option(const char *word, const struct option *opts, char *out, size_t size)
{
    size_t len = strlen(word), limit = len <= 4 ? 1 : len <= 8 ? 2 : len / 3;
    size_t best = SIZE_MAX;
    for (const struct option *o = opts; o->name; o++) {
        size_t d = edit_distance(word, o->name);
        if (d < best)
            best = d, snprintf(out, size, "%s", o->name);
    }
    phrase_list pl;
    ora_error err;
    if (phrase_list_load("rules/cli/option-synonyms.txt", &pl, &err) < 0)
        return best <= limit;
    for (size_t i = 0; i < pl.n; i++) {
        char *space = strchr(pl.items[i], ' ');
        if (!space)
            continue;
        *space = '\0';
        size_t d = edit_distance(word, pl.items[i]);
        if (d < best)
            best = d, snprintf(out, size, "%s", space + 1);
    }
    phrase_list_free(&pl);
    return best <= limit;
}

static const struct option *find_option(const char *word, const struct option *opts)
{
    for (const struct option *o = opts; o->name; o++)
        if (strcmp(o->name, word) == 0)
            return o;
    return NULL;
}

/* "--a, --b or --c" for the options that start with prefix; false when
 * fewer than two do. */
static bool ambiguous(const char *prefix, const struct option *opts, char *out, size_t size)
{
    size_t n = 0, len = strlen(prefix);
    for (const struct option *o = opts; o->name; o++)
        n += strncmp(o->name, prefix, len) == 0;
    if (n < 2)
        return false;
    size_t k = 0;
    out[0] = '\0';
    for (const struct option *o = opts; o->name; o++) {
        if (strncmp(o->name, prefix, len) != 0)
            continue;
        size_t used = strlen(out);
        const char *sep = k == 0 ? "" : k + 1 == n ? " or " : ", ";
        snprintf(out + used, size - used, "%s--%s", sep, o->name);
        k++;
    }
    return true;
}

/* The suggestion for word, as "--name" into out; false when none. */
static bool suggestion(const char *word, const struct option *opts, char *out, size_t size)
{
    char near[64];
    if (!nearest_option(word, opts, near, sizeof near))
        return false;
    snprintf(out, size, "--%s", near);
    return true;
}

static void bad_long_option(const char *arg, const struct option *opts, char *msg, size_t size)
{
    char word[65], hint[400];
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    snprintf(word, sizeof word, "%.*s", (int)(n < 64 ? n : 64), arg);
    const struct option *o = find_option(word, opts);
    if (o && eq && o->has_arg == no_argument)
        snprintf(msg, size, "option --%s takes no value.", word);
    else if (ambiguous(word, opts, hint, sizeof hint))
        snprintf(msg, size, "option --%s is ambiguous: %s?", word, hint);
    else if (suggestion(word, opts, hint, sizeof hint))
        snprintf(msg, size, "unknown option --%.*s: did you mean %s?", (int)n, arg, hint);
    else
        snprintf(msg, size, "unknown option --%.*s.", (int)n, arg);
}

/* The argument getopt was reading: for a short option inside a cluster
 * ("-rate") getopt has not moved past it yet. */
static const char *refused_arg(int argc, char **argv, int next, int short_opt)
{
    if (short_opt && next < argc && argv[next][0] == '-' && argv[next][1] != '-' &&
        strchr(argv[next] + 1, short_opt))
        return argv[next];
    return next > 0 && next <= argc ? argv[next - 1] : "";
}

void cli_bad_option(int argc, char **argv, int next, int short_opt,
                    const struct option *opts, char *msg, size_t size)
{
    char hint[80];
    const char *arg = refused_arg(argc, argv, next, short_opt);
    if (arg[0] == '-' && arg[1] == '-') {
        bad_long_option(arg + 2, opts, msg, size);
    } else if (arg[0] == '-' && strlen(arg) > 2 && find_option(arg + 1, opts)) {
        /* "-rate": getopt read it as -r -a -t -e. */
        snprintf(msg, size, "unknown option -%c (in %s): long options take two dashes: --%s.",
                 short_opt ? short_opt : arg[1], arg, arg + 1);
    } else if (arg[0] == '-' && strlen(arg) > 2 && suggestion(arg + 1, opts, hint, sizeof hint)) {
        snprintf(msg, size, "unknown option -%c (in %s): did you mean %s?",
                 short_opt ? short_opt : arg[1], arg, hint);
    } else if (short_opt) {
        snprintf(msg, size, "unknown option -%c.", short_opt);
    } else if (arg[0] == '-' && suggestion(arg + 1, opts, hint, sizeof hint)) {
        snprintf(msg, size, "unknown option %s: did you mean %s?", arg, hint);
    } else {
        snprintf(msg, size, "unknown option %s.", arg);
    }
}
