/* Extraction benchmark: time and peak memory of ora_read_html on one page
 * (bench/extract-page.sh makes a ~1 MB one), the median of several runs,
 * then eSpeak NG's own CLI on the text of a sample article for scale, as
 * the project's benchmarks compare against it in the same run; then the
 * text reader, ora_read_text, on a ~1 MB browser copy
 * (bench/extract-copy.sh).
 *   bench_extract PAGE.html [SAMPLE.html [COPY.txt]] */
#include "internal.h" /* read_whole_file */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#define RUNS 15

static double clock_ms(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double now_ms(void) { return clock_ms(CLOCK_MONOTONIC); }
/* CPU time too: on a shared machine wall time counts the neighbours. */
static double cpu_ms(void) { return clock_ms(CLOCK_PROCESS_CPUTIME_ID); }

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *slurp(const char *path, size_t *len)
{
    char *data;
    ora_error err;
    return read_whole_file(path, &data, len, &err) == 0 ? data : NULL;
}

/* Median wall milliseconds of one extraction (and median CPU ones in
 * *cpu); the article of the last run is left in a. */
typedef int (*reader_fn)(const char *, size_t, ora_article *, ora_error *);

static double time_reader(reader_fn read, const char *page, size_t len, ora_article *a,
                          double *cpu)
{
    double ms[RUNS], cms[RUNS];
    for (int i = 0; i < RUNS; i++) {
        ora_error err;
        ora_article_free(a);
        double c0 = cpu_ms();
        double t0 = now_ms();
        if (read(page, len, a, &err) < 0) {
            fprintf(stderr, "bench_extract: %s\n", err.msg);
            exit(1);
        }
        ms[i] = now_ms() - t0;
        cms[i] = cpu_ms() - c0;
    }
    qsort(ms, RUNS, sizeof *ms, by_value);
    qsort(cms, RUNS, sizeof *cms, by_value);
    *cpu = cms[RUNS / 2];
    return ms[RUNS / 2];
}

static double time_extraction(const char *page, size_t len, ora_article *a, double *cpu)
{
    return time_reader(ora_read_html, page, len, a, cpu);
}

static size_t article_words(const ora_article *a, FILE *out)
{
    size_t words = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (out)
            fprintf(out, "%s\n", a->blocks[i].text);
        for (const char *p = a->blocks[i].text; *p; p++)
            words += *p == ' ';
        words++;
    }
    return words;
}

/* Wall time of `espeak-ng -v fr` writing the sample's text to a WAV file. */
static double time_espeak(const ora_article *a)
{
    char txt[] = "/tmp/bench-extract-XXXXXX";
    int fd = mkstemp(txt);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    article_words(a, f);
    fclose(f);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "espeak-ng -v fr -w /dev/null -f %s 2>/dev/null", txt);
    double t0 = now_ms();
    int rc = system(cmd);
    double ms = now_ms() - t0;
    remove(txt);
    return rc == 0 ? ms : -1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_extract PAGE.html [SAMPLE.html [COPY.txt]]\n");
        return 2;
    }
    size_t len;
    char *page = slurp(argv[1], &len);
    if (!page) {
        fprintf(stderr, "bench_extract: cannot read %s\n", argv[1]);
        return 1;
    }
    ora_article a;
    ora_article_init(&a);
    double cpu, ms = time_extraction(page, len, &a, &cpu);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("extract: %.2f MB page, %zu blocks, %zu words: %.2f ms wall, %.2f ms CPU "
           "(medians of %d; target <= 15 ms), peak RSS %.1f MB\n", (double)len / 1048576.0,
           a.n_blocks, article_words(&a, NULL), ms, cpu, RUNS, (double)ru.ru_maxrss / 1024.0);
    const char *sample = argc > 2 ? argv[2] : "samples/lemonde-atacms.html";
    free(page);
    if ((page = slurp(sample, &len))) {
        double scpu, sms = time_extraction(page, len, &a, &scpu);
        double es = time_espeak(&a);
        if (es > 0)
            printf("sample %s: extraction %.2f ms, espeak-ng CLI on its %zu words %.0f ms "
                   "(extraction = %.2f%% of eSpeak NG's time)\n", sample, sms,
                   article_words(&a, NULL), es, 100.0 * sms / es);
        free(page);
    }
    if (argc > 3 && (page = slurp(argv[3], &len))) {
        double tcpu, tms = time_reader(ora_read_text, page, len, &a, &tcpu);
        printf("text: %.2f MB browser copy, %zu blocks, %zu words: %.2f ms wall, %.2f ms CPU "
               "(medians of %d; target <= 15 ms)\n", (double)len / 1048576.0, a.n_blocks,
               article_words(&a, NULL), tms, tcpu, RUNS);
        free(page);
    }
    ora_article_free(&a);
    return 0;
}
