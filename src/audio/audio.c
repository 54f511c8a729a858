/* PCM in memory: 16-bit mono at the engine's rate. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void ora_audio_init(ora_audio *au, int rate)
{
    memset(au, 0, sizeof *au);
    au->rate = rate;
}

void ora_audio_free(ora_audio *au)
{
    free(au->samples);
    au->samples = NULL;
    au->n = au->cap = 0;
}

static int reserve(ora_audio *au, size_t extra)
{
    if (au->n + extra <= au->cap)
        return 0;
    size_t cap = au->cap ? au->cap : 65536;
    while (cap < au->n + extra)
        cap *= 2;
    int16_t *s = realloc(au->samples, cap * sizeof *s);
    if (!s)
        return -1;
    au->samples = s, au->cap = cap;
    return 0;
}

int ora_audio_append(ora_audio *au, const int16_t *s, size_t n)
{
    if (au->sink) {
        au->n += n;
        return au->sink(au->sink_user, s, n);
    }
    if (reserve(au, n) < 0)
        return -1;
    memcpy(au->samples + au->n, s, n * sizeof *s);
    au->n += n;
    return 0;
}

int ora_audio_silence(ora_audio *au, int ms)
{
    size_t n = ms > 0 ? (size_t)au->rate * (size_t)ms / 1000 : 0;
    if (au->sink) {
        static const int16_t zeros[1024];
        for (size_t k; n > 0; n -= k)
            if (ora_audio_append(au, zeros, (k = n < 1024 ? n : 1024)) < 0)
                return -1;
        return 0;
    }
    if (reserve(au, n) < 0)
        return -1;
    memset(au->samples + au->n, 0, n * sizeof *au->samples);
    au->n += n;
    return 0;
}

double ora_audio_seconds(const ora_audio *au)
{
    return au->rate ? (double)au->n / au->rate : 0;
}

long ora_audio_ms(const ora_audio *au, size_t i)
{
    return au->rate ? (long)((double)i * 1000.0 / au->rate + 0.5) : 0;
}
