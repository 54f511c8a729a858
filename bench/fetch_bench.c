/* fetch_bench FILE URL [RUNS]: the read stage (ora_read_input) of one page
 * from its file and from its web address, in one process, so that what is
 * timed is the fetch and not the start of a program: the first fetch
 * (which opens libcurl and its libraries, and starts it), then the median
 * of RUNS reads of each, in turns. Wall and CPU milliseconds. Used by
 * bench/fetch.sh. */
#include "oralise.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    double wall, cpu;
} cost;

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static cost read_once(const char *input, const ora_options *o)
{
    double w0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    if (ora_read_input(input, o, &a, &err) < 0) {
        fprintf(stderr, "fetch_bench: %s\n", err.msg);
        exit(1);
    }
    ora_article_free(&a);
    return (cost){clock_ms(CLOCK_MONOTONIC) - w0, clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0};
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return v[n / 2];
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: fetch_bench FILE URL [RUNS]\n");
        return 2;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 15;
    if (runs < 1)
        runs = 1;
    ora_options o;
    ora_options_default(&o);
    read_once(argv[1], &o); /* the rules and lexicons read once, for both */
    cost first = read_once(argv[2], &o);
    double *fw = calloc((size_t)runs, sizeof *fw), *fc = calloc((size_t)runs, sizeof *fc);
    double *ww = calloc((size_t)runs, sizeof *ww), *wc = calloc((size_t)runs, sizeof *wc);
    for (int i = 0; i < runs; i++) {
        cost f = read_once(argv[1], &o), w = read_once(argv[2], &o);
        fw[i] = f.wall, fc[i] = f.cpu, ww[i] = w.wall, wc[i] = w.cpu;
    }
    double mfw = median(fw, runs), mfc = median(fc, runs);
    double mww = median(ww, runs), mwc = median(wc, runs);
    printf("in one process, median of %d:  file %.1f ms (%.1f CPU)  address %.1f ms (%.1f CPU)"
           "  fetch adds %.1f ms (%.1f CPU)\n", runs, mfw, mfc, mww, mwc, mww - mfw, mwc - mfc);
    printf("first fetch of a process (opens and starts libcurl): %.1f ms (%.1f CPU), "
           "%.1f ms (%.1f CPU) over the file\n", first.wall, first.cpu, first.wall - mfw,
           first.cpu - mfc);
    free(fw), free(fc), free(ww), free(wc);
    return 0;
}
