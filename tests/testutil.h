/* Helpers for the cmocka tests: files, temporary folders, running the real
 * oralise binary, reading audio back with libsndfile. Header-only so each
 * test is one self-contained program. Tests run from the repository root. */
#ifndef ORA_TESTUTIL_H
#define ORA_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oralise.h"

static inline char *tu_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

static inline void tu_write(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* Writes text to dir/name; returns that path, for the caller to free. */
static inline char *tu_write_in(const char *dir, const char *name, const char *text)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    tu_write(path, text, strlen(text));
    return path;
}

static inline bool tu_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A fresh folder under /tmp; removed by tu_rmdir. */
static inline char *tu_tmpdir(void)
{
    char *d = strdup("/tmp/oralise-test-XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static inline int tu_count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    if (d)
        closedir(d);
    return n;
}

static inline void tu_rmdir(char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static inline const char *tu_oralise(void)
{
    const char *b = getenv("ORALISE");
    return b && *b ? b : "build/oralise";
}

typedef struct {
    int status; /* exit status, or 128 + signal */
    char *out, *err;
} tu_result;

/* Runs "oralise ARGS" through the shell, capturing both streams. */
static inline tu_result tu_run(const char *fmt, ...)
{
    char args[4096], cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    char *dir = tu_tmpdir();
    snprintf(cmd, sizeof cmd, "%s %s >'%s/out' 2>'%s/err'", tu_oralise(), args, dir, dir);
    int st = system(cmd);
    tu_result r;
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    char path[600];
    snprintf(path, sizeof path, "%s/out", dir);
    r.out = tu_read(path);
    snprintf(path, sizeof path, "%s/err", dir);
    r.err = tu_read(path);
    tu_rmdir(dir);
    return r;
}

static inline void tu_result_free(tu_result *r)
{
    free(r->out);
    free(r->err);
}

static inline int tu_count_lines(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += *s == '\n';
    return n;
}

typedef struct {
    int rate, channels;
    double seconds;
    char *tags[SF_STR_LAST + 1];
} tu_audio;

/* Opens an audio file with libsndfile; false when it cannot be read. */
static inline bool tu_audio_read(const char *path, tu_audio *a)
{
    memset(a, 0, sizeof *a);
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf)
        return false;
    a->rate = info.samplerate;
    a->channels = info.channels;
    a->seconds = info.samplerate ? (double)info.frames / info.samplerate : 0;
    for (int k = SF_STR_FIRST; k <= SF_STR_LAST; k++) {
        const char *s = sf_get_string(sf, k);
        a->tags[k] = s ? strdup(s) : NULL;
    }
    sf_close(sf);
    return true;
}

static inline void tu_audio_free(tu_audio *a)
{
    for (int k = 0; k <= SF_STR_LAST; k++)
        free(a->tags[k]);
}

/* Counts the words of a text (runs separated by spaces). */
static inline int tu_word_count(const char *s)
{
    int n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ' || *s == '\n' || *s == '\t';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

#endif
