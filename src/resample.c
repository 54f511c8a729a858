/* Resampling with libsamplerate, for Ogg Opus, which takes only 8, 12, 16,
 * 24 or 48 kHz: eSpeak NG speaks at 22,050 Hz. 24 kHz keeps all of speech
 * and costs half of 48 kHz, in bitrate and in resampling time (the slowest
 * stage of the pipeline: about 270× real time against eSpeak's 1,100×). */
#include "internal.h"

#include <samplerate.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 8192

/* Converts in chunks with src_process so the float buffers stay small
 * whatever the length of the article. */
static int convert(SRC_STATE *st, const ora_audio *au, double ratio, ora_audio *out)
{
    float in[CHUNK], res[CHUNK * 3];
    int16_t s16[CHUNK * 3];
    size_t pos = 0;
    for (;;) {
        size_t k = au->n - pos < CHUNK ? au->n - pos : CHUNK;
        src_short_to_float_array(au->samples + pos, in, (int)k);
        SRC_DATA d = {in, res, (long)k, CHUNK * 3, 0, 0, pos + k == au->n, ratio};
        if (src_process(st, &d) != 0)
            return -1;
        src_float_to_short_array(res, s16, (int)d.output_frames_gen);
        if (ora_audio_append(out, s16, (size_t)d.output_frames_gen) < 0)
            return -1;
        pos += (size_t)d.input_frames_used;
        if (d.end_of_input && pos == au->n && d.output_frames_gen == 0)
            return 0;
    }
}

int ora_audio_resample(const ora_audio *au, int rate, ora_audio *out,
                       ora_error *err)
{
    ora_audio_init(out, rate);
    int e = 0;
    /* The fastest sinc still passes 80% of the band, 8.8 kHz here: all of
     * eSpeak NG's speech, at a third of the medium converter's cost. */
    SRC_STATE *st = src_new(SRC_SINC_FASTEST, 1, &e);
    int rc = st ? convert(st, au, (double)rate / au->rate, out) : -1;
    src_delete(st);
    if (rc < 0) {
        ora_audio_free(out);
        ora_set_error(err, "cannot resample the audio to %d Hz.", rate);
    }
    return rc;
}
