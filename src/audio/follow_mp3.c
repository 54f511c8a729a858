/* MP3 checked as it is encoded: the frames LAME writes (through
 * libsndfile) are handed to libmpg123 as they reach the file, so the
 * decoded audio is measured while the encoder goes on, on another core,
 * instead of decoding the whole file again afterwards. The decoder starts
 * from the frame LAME reserves for its header, still blank then: it does
 * not trim the coder's delay (50 ms of silence at the start, as much at
 * the end), which moves no loudness or peak, and moves a stretch over the
 * ceiling by less than the room the limiter's cuts give it. */
#include "encode.h"

#include <mpg123.h>
#include <stdlib.h>
#include <string.h>

struct mp3_follower {
    mpg123_handle *mh;
    stage *behind; /* NULL: decoded in the encoder's thread */
    ora_audio_sink sink;
    void *user;
    bool failed;
    strbuf batch; /* bytes not yet sent to the thread: one wake-up per 32 KB */
    int16_t pcm[8192];
};

#define BATCH 32768

static int decode_bytes(void *user, const void *data, size_t len, long tag)
{
    mp3_follower *f = user;
    (void)tag;
    if (f->failed || mpg123_feed(f->mh, data, len) != MPG123_OK)
        return -1;
    for (;;) {
        size_t got = 0;
        int rc = mpg123_read(f->mh, f->pcm, sizeof f->pcm, &got);
        if (got && f->sink(f->user, f->pcm, got / sizeof *f->pcm) < 0) {
            f->failed = true;
            return -1;
        }
        if (rc == MPG123_NEED_MORE || rc == MPG123_DONE)
            return 0;
        if (rc != MPG123_OK && rc != MPG123_NEW_FORMAT) {
            f->failed = true;
            return -1;
        }
    }
}

mp3_follower *mp3_follower_new(int rate, ora_audio_sink sink, void *user, bool threaded)
{
    mp3_follower *f = calloc(1, sizeof *f);
    int code = 0;
    if (f)
        f->mh = mpg123_new(NULL, &code);
    if (!f || !f->mh || mpg123_param(f->mh, MPG123_ADD_FLAGS, MPG123_QUIET, 0) != MPG123_OK ||
        mpg123_open_feed(f->mh) != MPG123_OK || mpg123_format_none(f->mh) != MPG123_OK ||
        mpg123_format(f->mh, rate, MPG123_MONO, MPG123_ENC_SIGNED_16) != MPG123_OK) {
        if (f && f->mh)
            mpg123_delete(f->mh);
        free(f);
        return NULL;
    }
    f->sink = sink, f->user = user;
    if (threaded)
        f->behind = stage_new(decode_bytes, f);
    return f;
}

static int send_batch(mp3_follower *f)
{
    int rc = f->batch.len ? stage_put(f->behind, f->batch.s, f->batch.len, 0) : 0;
    f->batch.len = 0;
    return rc;
}

int mp3_follower_put(mp3_follower *f, const void *data, size_t len)
{
    if (!f->behind)
        return decode_bytes(f, data, len, 0);
    if (sb_add(&f->batch, data, len) < 0)
        return -1;
    return f->batch.len >= BATCH ? send_batch(f) : 0;
}

int mp3_follower_finish(mp3_follower *f)
{
    if (!f)
        return 0;
    int rc = f->behind ? send_batch(f) : 0;
    rc |= stage_finish(f->behind);
    sb_free(&f->batch);
    rc |= f->failed ? -1 : 0;
    mpg123_delete(f->mh);
    free(f);
    return rc;
}
