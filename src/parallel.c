/* One article on several cores: the script is cut into contiguous runs of
 * segments of about equal length, each run is spoken by its own worker
 * process (eSpeak NG allows one engine per process), and the audio comes
 * back in order. Segments are synthesized independently anyway, each
 * followed by its own pause, so the joins are exactly where a single
 * process would have joined them: the result is seamless.
 *
 * Workers hand their audio back through unnamed temporary files rather
 * than pipes, so no worker ever blocks on a parent that is still reading
 * another one; not memfds, which would hold half a long article in memory
 * by another name. */
#include "internal.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    size_t first, count; /* segments */
    pcm_spool file;      /* unnamed: header, timings, then samples */
    pid_t pid;
} chunk;

/* A worker's file: this header, the timings, the samples, then (when
 * marks are asked for) the marks (see write_marks), counted from the
 * chunk's first sample. */
typedef struct {
    uint64_t samples;
    int32_t rate, ok;
    char msg[512];
} chunk_header;

static size_t spoken_len(const ora_segment *g)
{
    return strlen(g->spoken ? g->spoken : g->written);
}

/* Cuts s into at most jobs runs of similar spoken length. */
static size_t plan_chunks(const ora_script *s, int jobs, chunk *c)
{
    double total = 0, acc = 0;
    for (size_t i = 0; i < s->n; i++)
        total += (double)spoken_len(&s->segs[i]);
    double share = total / jobs, bound = share;
    size_t n = 0;
    c[0].first = 0;
    for (size_t i = 0; i < s->n; i++) {
        acc += (double)spoken_len(&s->segs[i]);
        if (acc >= bound && n + 1 < (size_t)jobs && i + 1 < s->n) {
            c[n].count = i + 1 - c[n].first;
            c[++n].first = i + 1;
            bound += share;
        }
    }
    c[n].count = s->n - c[n].first;
    return n + 1;
}

/* A worker streams its samples into its file behind room for the header
 * and timings, which it fills in at the end: no copy of its audio is ever
 * held in memory. The marks follow the samples: for each segment the
 * number of sentence marks and of word marks, then all of them. */
static bool write_marks(int fd, const ora_marks *m, size_t n)
{
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        uint32_t k[2] = {(uint32_t)m[i].n, (uint32_t)m[i].n_words};
        ok = write_all(fd, k, sizeof k);
    }
    for (size_t i = 0; ok && i < n; i++)
        ok = write_all(fd, m[i].v, m[i].n * sizeof *m[i].v) &&
             write_all(fd, m[i].words, m[i].n_words * sizeof *m[i].words);
    return ok;
}

static void run_chunk(const ora_script *s, const ora_voice_options *v, chunk *c,
                      bool with_marks)
{
    ora_script part = {s->segs + c->first, c->count, c->count};
    ora_audio au;
    ora_audio_init(&au, 0);
    au.sink = spool_sink; /* buffered: one write() per 64 Ki samples */
    au.sink_user = &c->file;
    int fd = c->file.fd;
    ora_timing *t = calloc(c->count, sizeof *t);
    ora_marks *m = with_marks ? calloc(c->count, sizeof *m) : NULL;
    chunk_header h = {0};
    ora_error err = {{0}};
    size_t head = sizeof h + c->count * sizeof *t;
    bool ok = t && (m || !with_marks) && lseek(fd, (off_t)head, SEEK_SET) == (off_t)head;
    if (ok && ora_speak_init(v, &err) == 0) {
        au.rate = ora_speak_sample_rate();
        h.ok = ora_speak_script_marks(&part, &au, t, m, &err) == 0 &&
               spool_finish(&c->file, &err) == 0 && (!m || write_marks(fd, m, c->count));
        ora_speak_shutdown();
    }
    h.samples = au.n, h.rate = au.rate;
    memcpy(h.msg, err.msg, sizeof h.msg);
    ok = ok && lseek(fd, 0, SEEK_SET) == 0 && write_all(fd, &h, sizeof h) &&
         write_all(fd, t, c->count * sizeof *t);
    _exit(ok && h.ok ? 0 : 1);
}

static int start_chunk(const ora_script *s, const ora_voice_options *v, chunk *c,
                       bool with_marks, ora_error *err)
{
    if (spool_open(&c->file, 0, err) < 0)
        return -1;
    fflush(NULL);
    pid_t parent = getpid();
    c->pid = fork();
    if (c->pid == 0)
        die_with_parent(parent);
    if (c->pid < 0) {
        ora_set_error(err, "cannot start a speech worker: %s", strerror(errno));
        return -1;
    }
    if (c->pid == 0)
        run_chunk(s, v, c, with_marks);
    return 0;
}

/* count marks from fd into a new array, moved to where the audio starts. */
static ora_mark *read_mark_array(int fd, uint32_t count, size_t base)
{
    ora_mark *v = malloc((count + 1) * sizeof *v);
    if (!v || !read_all(fd, v, count * sizeof *v)) {
        free(v);
        return NULL;
    }
    for (size_t k = 0; k < count; k++)
        v[k].sample += base;
    return v;
}

/* The marks after a worker's samples (see write_marks). */
static bool read_marks(int fd, ora_marks *m, size_t n, size_t base)
{
    uint32_t *counts = calloc(2 * n + 1, sizeof *counts);
    bool ok = counts && read_all(fd, counts, 2 * n * sizeof *counts);
    for (size_t i = 0; ok && i < n; i++) {
        ok = (m[i].v = read_mark_array(fd, counts[2 * i], base)) &&
             (m[i].words = read_mark_array(fd, counts[2 * i + 1], base));
        m[i].n = m[i].cap = ok ? counts[2 * i] : 0;
        m[i].n_words = m[i].cap_words = ok ? counts[2 * i + 1] : 0;
    }
    free(counts);
    return ok;
}

/* Waits for a worker and appends its audio, timings and marks. */
static int collect_chunk(chunk *c, ora_audio *au, ora_timing *timings, ora_marks *marks,
                         ora_error *err)
{
    int status;
    waitpid(c->pid, &status, 0);
    c->pid = 0;
    chunk_header h;
    int fd = c->file.fd;
    lseek(fd, 0, SEEK_SET);
    if (!read_all(fd, &h, sizeof h)) {
        ora_set_error(err, "a speech worker stopped (status %d).", status);
        return -1;
    }
    if (!h.ok) {
        ora_set_error(err, "%s", h.msg);
        return -1;
    }
    au->rate = h.rate;
    size_t base = au->n;
    ora_timing *t = calloc(c->count, sizeof *t);
    bool ok = t && read_all(fd, t, c->count * sizeof *t);
    for (size_t i = 0; ok && timings && i < c->count; i++) {
        size_t a = t[i].start + base, b = t[i].end + base;
        timings[c->first + i] = (ora_timing){ora_audio_ms(au, a), ora_audio_ms(au, b), a, b};
    }
    free(t);
    int16_t buf[16384];
    for (uint64_t left = h.samples; ok && left;) {
        size_t k = left < 16384 ? (size_t)left : 16384;
        ok = read_all(fd, buf, k * sizeof *buf) && ora_audio_append(au, buf, k) == 0;
        left -= k;
    }
    if (ok && marks)
        ok = read_marks(fd, marks + c->first, c->count, base);
    if (!ok)
        ora_set_error(err, "cannot read back a speech worker's audio.");
    return ok ? 0 : -1;
}

/* The first run is spoken here, straight into au (and on to its sink),
 * while the workers speak the others: the calling process is a worker too. */
static int speak_first_chunk(const ora_script *s, const ora_voice_options *v,
                             const chunk *c, ora_audio *au, ora_timing *timings,
                             ora_marks *marks, ora_error *err)
{
    ora_script part = {s->segs, c->count, c->count};
    if (ora_speak_init(v, err) < 0)
        return -1;
    au->rate = ora_speak_sample_rate();
    int rc = ora_speak_script_marks(&part, au, timings, marks, err);
    ora_speak_shutdown();
    return rc;
}

int ora_speak_script_parallel(const ora_script *s, const ora_voice_options *v, int jobs,
                              ora_audio *au, ora_timing *timings, ora_marks *marks,
                              ora_error *err)
{
    if (jobs < 1)
        jobs = 1;
    if ((size_t)jobs > s->n)
        jobs = (int)s->n;
    chunk *c = calloc((size_t)jobs, sizeof *c);
    size_t n = plan_chunks(s, jobs, c), started = 1;
    int rc = 0;
    for (; rc == 0 && started < n; started++)
        rc = start_chunk(s, v, &c[started], marks != NULL, err);
    if (rc == 0)
        rc = speak_first_chunk(s, v, &c[0], au, timings, marks, err);
    for (size_t i = 1; i < started; i++) {
        if (rc == 0)
            rc = collect_chunk(&c[i], au, timings, marks, err);
        else if (c[i].pid > 0) {
            kill(c[i].pid, SIGKILL);
            waitpid(c[i].pid, NULL, 0);
        }
        spool_close(&c[i].file);
    }
    free(c);
    return rc;
}
