/* Resampling with libsamplerate, for Ogg Opus, which takes only 8, 12, 16,
 * 24 or 48 kHz: eSpeak NG speaks at 22,050 Hz. 24 kHz keeps all of speech
 * and costs half of 48 kHz, in bitrate and in resampling time. Samples are
 * pushed through in blocks, so the buffers stay small whatever the length
 * of the article. */
#include "internal.h"

#include <samplerate.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 8192

struct resampler {
    SRC_STATE *st;
    double ratio;
    ora_audio_sink sink;
    void *user;
    float in[CHUNK], out[CHUNK * 3];
    int16_t s16[CHUNK * 3];
};

resampler *resampler_new(int from, int to, ora_audio_sink sink, void *user)
{
    resampler *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    int e = 0;
    /* The fastest sinc still passes 80% of the band, 8.8 kHz here: all of
     * eSpeak NG's speech, at a third of the medium converter's cost. */
    r->st = src_new(SRC_SINC_FASTEST, 1, &e);
    r->ratio = (double)to / from;
    r->sink = sink, r->user = user;
    if (!r->st) {
        free(r);
        return NULL;
    }
    return r;
}

/* Converts up to CHUNK samples (none at the end of input, to drain). */
static int convert(resampler *r, const int16_t *s, size_t k, bool end, size_t *used)
{
    src_short_to_float_array(s, r->in, (int)k);
    SRC_DATA d = {r->in, r->out, (long)k, CHUNK * 3, 0, 0, end, r->ratio};
    if (src_process(r->st, &d) != 0)
        return -1;
    *used = (size_t)d.input_frames_used;
    if (d.output_frames_gen == 0)
        return end ? 1 : 0; /* 1: drained */
    src_float_to_short_array(r->out, r->s16, (int)d.output_frames_gen);
    return r->sink(r->user, r->s16, (size_t)d.output_frames_gen);
}

int resampler_sink(void *user, const int16_t *s, size_t n)
{
    resampler *r = user;
    for (size_t pos = 0, used; pos < n; pos += used)
        if (convert(r, s + pos, n - pos < CHUNK ? n - pos : CHUNK, false, &used) < 0)
            return -1;
    return 0;
}

int resampler_finish(resampler *r)
{
    size_t used;
    int rc;
    while ((rc = convert(r, NULL, 0, true, &used)) == 0)
        ;
    return rc < 0 ? -1 : 0;
}

void resampler_free(resampler *r)
{
    if (r)
        src_delete(r->st);
    free(r);
}

static int append_sink(void *user, const int16_t *s, size_t n)
{
    return ora_audio_append(user, s, n);
}

int ora_audio_resample(const ora_audio *au, int rate, ora_audio *out,
                       ora_error *err)
{
    ora_audio_init(out, rate);
    resampler *r = resampler_new(au->rate, rate, append_sink, out);
    int rc = r && resampler_sink(r, au->samples, au->n) == 0 ? resampler_finish(r) : -1;
    resampler_free(r);
    if (rc < 0) {
        ora_audio_free(out);
        ora_set_error(err, "cannot resample the audio to %d Hz.", rate);
    }
    return rc;
}
