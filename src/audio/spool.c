/* Speech kept on disk between synthesis and encoding. Loudness
 * normalization needs the whole article before the first sample can be
 * written (the gain depends on the integrated loudness), and a 5,000-word
 * article is about 80 MB of 16-bit PCM: held in memory it would be the
 * largest thing oralise owns, several times over once copied for the
 * limiter and the coder. The spool is an unnamed temporary file, so the
 * kernel removes it however the process ends, even under SIGKILL. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Samples buffered before a write(): 128 KiB. */
#define SPOOL_BUF 65536

const char *temp_dir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

int temp_file_unnamed(void)
{
    const char *dir = temp_dir();
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
    /* A file system without O_TMPFILE: a named file, unlinked at once. */
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s/oralise.XXXXXX", dir);
    fd = b.s ? mkostemp(b.s, O_CLOEXEC) : -1;
    if (fd >= 0)
        unlink(b.s);
    sb_free(&b);
    return fd;
}

int spool_open(pcm_spool *sp, int rate, ora_error *err)
{
    memset(sp, 0, sizeof *sp);
    sp->fd = -1;
    sp->rate = rate;
    sp->buf = malloc(SPOOL_BUF * sizeof *sp->buf);
    sp->fd = sp->buf ? temp_file_unnamed() : -1;
    if (sp->fd < 0) {
        ora_set_error(err, "cannot make a temporary file for the audio (TMPDIR=%s): %s",
                      temp_dir(), strerror(errno));
        spool_close(sp);
        return -1;
    }
    return 0;
}

static bool spool_drain(pcm_spool *sp)
{
    if (sp->fill && !write_all(sp->fd, sp->buf, sp->fill * sizeof *sp->buf))
        sp->failed = true;
    sp->fill = 0;
    return !sp->failed;
}

int spool_sink(void *user, const int16_t *s, size_t n)
{
    pcm_spool *sp = user;
    while (n && !sp->failed) {
        size_t k = SPOOL_BUF - sp->fill < n ? SPOOL_BUF - sp->fill : n;
        memcpy(sp->buf + sp->fill, s, k * sizeof *s);
        sp->fill += k, sp->n += k, s += k, n -= k;
        if (sp->fill == SPOOL_BUF)
            spool_drain(sp);
    }
    return sp->failed ? -1 : 0;
}

int spool_finish(pcm_spool *sp, ora_error *err)
{
    if (!spool_drain(sp)) {
        ora_set_error(err, "cannot write the audio to a temporary file: %s",
                      errno ? strerror(errno) : "the disk may be full");
        return -1;
    }
    return 0;
}

void spool_close(pcm_spool *sp)
{
    if (sp->buf && sp->fd >= 0) /* a zeroed spool was never opened */
        close(sp->fd);
    free(sp->buf);
    memset(sp, 0, sizeof *sp);
}

static bool spool_read(void *user, size_t at, int16_t *dst, size_t n)
{
    const pcm_spool *sp = user;
    size_t bytes = n * sizeof *dst;
    for (size_t done = 0; done < bytes;) {
        ssize_t r = pread(sp->fd, (char *)dst + done, bytes - done,
                          (off_t)(at * sizeof *dst + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        done += (size_t)r;
    }
    return true;
}

pcm_source spool_source(pcm_spool *sp)
{
    return (pcm_source){sp->n, sp->rate, spool_read, sp};
}

pcm_source spool_source_upto(pcm_spool *sp, size_t n, int rate)
{
    return (pcm_source){n, rate, spool_read, sp};
}

static bool memory_read(void *user, size_t at, int16_t *dst, size_t n)
{
    memcpy(dst, (const int16_t *)user + at, n * sizeof *dst);
    return true;
}

pcm_source memory_source(const int16_t *s, size_t n, int rate)
{
    return (pcm_source){n, rate, memory_read, (void *)s};
}
