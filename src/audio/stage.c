/* A stage of the audio pipeline run in a thread of its own, so that it
 * takes the second core while the caller goes on (the check of an encoded
 * file decodes and measures while the encoder codes the next seconds).
 * The caller hands it messages (packets, blocks of samples) in order
 * through a bounded queue: it waits when the stage is that far behind, so
 * memory stays flat. Threads here run only code that is thread-safe
 * (libvorbis, libopus, oralise's meters on their own states), never eSpeak
 * NG, and nothing forks while one runs. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#define QUEUE 64 /* messages waiting at most */
/* and bytes: 64 blocks of leveled samples waiting for the encoder were
 * 8 MiB (the 200-paragraph .mp3 peaked at 24 MiB); 1 MiB is still 24 s
 * of speech ahead of it. */
#define QUEUE_BYTES ((size_t)1 << 20)
#define SPARES 4 /* buffers of messages done, kept for the next ones */

typedef struct {
    void *data;
    size_t len, cap;
    long tag;
} message;

struct stage {
    stage_fn fn;
    void *user;
    mtx_t lock;
    cnd_t changed;
    message q[QUEUE];
    size_t head, count, bytes;
    /* Buffers handed back: a buffer malloc'd in one thread and freed in
     * another went back to an arena that gave its pages to the kernel,
     * and every block of samples then faulted them in again (0.08 s of
     * copying and as much in the kernel on the 34-minute article). */
    void *spare[SPARES];
    size_t spare_cap[SPARES], n_spare;
    bool done, failed;
    thrd_t thread;
};

static int run(void *arg)
{
    stage *st = arg;
    for (;;) {
        mtx_lock(&st->lock);
        while (st->count == 0 && !st->done)
            cnd_wait(&st->changed, &st->lock);
        if (st->count == 0) {
            mtx_unlock(&st->lock);
            return 0;
        }
        message m = st->q[st->head];
        mtx_unlock(&st->lock);
        bool ok = st->failed || st->fn(st->user, m.data, m.len, m.tag) == 0;
        mtx_lock(&st->lock);
        if (st->n_spare < SPARES) {
            st->spare[st->n_spare] = m.data, st->spare_cap[st->n_spare] = m.cap;
            st->n_spare++;
        } else
            free(m.data);
        st->head = (st->head + 1) % QUEUE, st->count--, st->bytes -= m.len;
        st->failed |= !ok;
        cnd_broadcast(&st->changed);
        mtx_unlock(&st->lock);
    }
}

stage *stage_new(stage_fn fn, void *user)
{
    stage *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->fn = fn, st->user = user;
    if (mtx_init(&st->lock, mtx_plain) != thrd_success) {
        free(st);
        return NULL;
    }
    if (cnd_init(&st->changed) != thrd_success) {
        mtx_destroy(&st->lock);
        free(st);
        return NULL;
    }
    if (thrd_create(&st->thread, run, st) != thrd_success) {
        cnd_destroy(&st->changed);
        mtx_destroy(&st->lock);
        free(st);
        return NULL;
    }
    return st;
}

/* A buffer of at least len bytes (*cap): a spare if one is large enough. */
static void *buffer_for(stage *st, size_t len, size_t *cap)
{
    void *b = NULL;
    mtx_lock(&st->lock);
    for (size_t i = 0; i < st->n_spare && !b; i++)
        if (st->spare_cap[i] >= len) {
            b = st->spare[i], *cap = st->spare_cap[i];
            st->n_spare--;
            st->spare[i] = st->spare[st->n_spare], st->spare_cap[i] = st->spare_cap[st->n_spare];
        }
    mtx_unlock(&st->lock);
    if (!b) /* room for the messages a little longer than this one */
        *cap = len + len / 8, b = malloc(*cap ? *cap : 1);
    return b;
}

int stage_put(stage *st, const void *data, size_t len, long tag)
{
    size_t cap;
    void *copy = buffer_for(st, len, &cap);
    if (!copy)
        return -1;
    memcpy(copy, data, len);
    mtx_lock(&st->lock);
    while (st->count == QUEUE || (st->count > 0 && st->bytes + len > QUEUE_BYTES))
        cnd_wait(&st->changed, &st->lock);
    st->q[(st->head + st->count) % QUEUE] = (message){copy, len, cap, tag};
    st->count++, st->bytes += len;
    bool failed = st->failed;
    cnd_broadcast(&st->changed);
    mtx_unlock(&st->lock);
    return failed ? -1 : 0;
}

int stage_finish(stage *st)
{
    if (!st)
        return 0;
    mtx_lock(&st->lock);
    st->done = true;
    cnd_broadcast(&st->changed);
    mtx_unlock(&st->lock);
    thrd_join(st->thread, NULL);
    bool failed = st->failed;
    for (size_t i = 0; i < st->n_spare; i++)
        free(st->spare[i]);
    cnd_destroy(&st->changed);
    mtx_destroy(&st->lock);
    free(st);
    return failed ? -1 : 0;
}
