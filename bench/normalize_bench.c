/* Normalizer throughput: normalizes a text file line by line, as the
 * script stage does with paragraphs, for at least a second of CPU time,
 * and prints MB/s of input on one core.
 *
 *   normalize_bench FILE        (bench/normalize.sh builds FILE and compares
 *                                with eSpeak NG's own synthesis speed) */
#include "oralise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Normalizes each line of text once; returns the bytes of output. */
static size_t normalize_lines(const ora_normalizer *n, const char *text, size_t len)
{
    size_t out = 0;
    for (const char *line = text; line < text + len;) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t l = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
        ora_normalized r;
        ora_error err;
        if (ora_normalize(n, line, l, &r, &err) < 0) {
            fprintf(stderr, "normalize_bench: %s\n", err.msg);
            exit(1);
        }
        out += r.len;
        ora_normalized_free(&r);
        line += l + 1;
    }
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: normalize_bench FILE [ROUNDS]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    size_t len = fread(text, 1, (size_t)size, f);
    fclose(f);
    ora_error err;
    /* As a conversion runs it: with the runs of English found too. */
    ora_normalizer *n = ora_normalizer_new("fr", &err);
    if (n && ora_normalizer_set_lang_switch(n, true, &err) < 0) {
        ora_normalizer_free(n);
        n = NULL;
    }
    if (!n) {
        fprintf(stderr, "normalize_bench: %s\n", err.msg);
        return 1;
    }
    double t0 = cpu_seconds(), t;
    /* A fixed number of rounds is for counting instructions (callgrind),
     * where the second round less the first is the cost of one. */
    size_t rounds = 0, out = 0, fixed = argc == 3 ? strtoul(argv[2], NULL, 10) : 0;
    do {
        out += normalize_lines(n, text, len);
        rounds++;
        t = cpu_seconds() - t0;
    } while (fixed ? rounds < fixed : t < 1.0);
    double mb = (double)len * (double)rounds / 1e6;
    printf("normalizer: %.1f MB in %.2f s CPU: %.1f MB/s (%zu bytes out per round)\n",
           mb, t, mb / t, out / rounds);
    ora_normalizer_free(n);
    free(text);
    return 0;
}
