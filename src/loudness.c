/* Loudness: EBU R 128 measurement with libebur128, gain to a target, and a
 * look-ahead true-peak limiter so that the gain never clips.
 *
 * Raw eSpeak NG measures about -22.4 LUFS with peaks near -1.8 dBTP: a plain
 * gain to -19 LUFS would push the peaks over full scale. The limiter finds,
 * for every sample, the gain that keeps its inter-sample peak (4x
 * oversampled) under the ceiling, spreads each reduction over a few
 * milliseconds on both sides (a minimum filter followed by a moving average
 * of the same width, which never rises above the gain a sample needs), and
 * the whole is repeated with a corrected gain until the integrated loudness
 * lands within 0.2 LU of the target. */
#include "internal.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TAPS 12          /* per phase of the 4x interpolator */
#define LOOKAHEAD_MS 3.0 /* half-width of the gain ramp */
#define MAX_PASSES 8

static double db_to_lin(double db) { return pow(10.0, db / 20.0); }

/* with_peak: the true peak too, which costs a 4x oversampling of all. */
static int measure(const ora_audio *au, bool with_peak, ora_loudness *l,
                   ora_error *err)
{
    ebur128_state *st = ebur128_init(1, (unsigned long)au->rate,
                                     EBUR128_MODE_I | (with_peak ? EBUR128_MODE_TRUE_PEAK : 0));
    double peak = 0;
    int rc = st ? 0 : -1;
    for (size_t pos = 0; rc == 0 && pos < au->n; pos += 65536) {
        size_t k = au->n - pos < 65536 ? au->n - pos : 65536;
        rc = ebur128_add_frames_short(st, au->samples + pos, k) == EBUR128_SUCCESS ? 0 : -1;
    }
    if (rc == 0 && (ebur128_loudness_global(st, &l->integrated_lufs) != EBUR128_SUCCESS ||
                    (with_peak && ebur128_true_peak(st, 0, &peak) != EBUR128_SUCCESS)))
        rc = -1;
    if (st)
        ebur128_destroy(&st);
    if (rc < 0) {
        ora_set_error(err, "cannot measure the loudness of the audio.");
        return -1;
    }
    l->true_peak_dbtp = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
    l->gain_db = 0;
    return 0;
}

int ora_loudness_measure(const ora_audio *au, ora_loudness *l, ora_error *err)
{
    return measure(au, true, l, err);
}

/* Windowed-sinc coefficients of the three in-between phases of a 4x
 * interpolator. */
static void make_phases(double h[3][TAPS])
{
    for (int p = 1; p <= 3; p++)
        for (int k = 0; k < TAPS; k++) {
            double t = (k - TAPS / 2 + 1) - p / 4.0; /* distance to the tap */
            double w = 0.5 + 0.5 * cos(M_PI * t / (TAPS / 2 + 1));
            h[p - 1][k] = (fabs(t) < 1e-9 ? 1.0 : sin(M_PI * t) / (M_PI * t)) * w;
        }
}

/* The largest of |y[i]| and the interpolated values between y[i] and
 * y[i+1]. */
static double local_peak(const float *y, size_t n, size_t i, double h[3][TAPS])
{
    double m = fabs(y[i]);
    for (int p = 0; p < 3; p++) {
        double acc = 0;
        for (int k = 0; k < TAPS; k++) {
            long j = (long)i + k - TAPS / 2 + 1;
            if (j >= 0 && (size_t)j < n)
                acc += h[p][k] * y[j];
        }
        if (fabs(acc) > m)
            m = fabs(acc);
    }
    return m;
}

/* Gain curve g (1 where nothing is needed) keeping peaks of y under ceil. */
static void limiter_gains(const float *y, size_t n, double ceil, int half,
                          float *g, float *tmp)
{
    double h[3][TAPS];
    make_phases(h);
    for (size_t i = 0; i < n; i++)
        tmp[i] = 1.0f;
    /* Inter-sample peaks of speech stay within a few dB of the samples
     * around them: only loud samples need the oversampled look. */
    double floor = ceil * 0.4;
    for (size_t i = 0; i < n; i++) {
        if (fabs(y[i]) < floor && (i + 1 >= n || fabs(y[i + 1]) < floor))
            continue;
        double pk = local_peak(y, n, i, h);
        if (pk <= ceil)
            continue;
        float need = (float)(ceil / pk);
        size_t a = i > (size_t)half ? i - (size_t)half : 0;
        size_t b = i + (size_t)half + 2; /* through the next sample's window */
        for (size_t j = a; j < b && j < n; j++)
            if (tmp[j] > need)
                tmp[j] = need;
    }
    /* Moving average of width 2*half+1: stays under every minimum. */
    long hw = half;
    double sum = 0;
    for (long j = -hw; j <= hw; j++)
        sum += j >= 0 && (size_t)j < n ? tmp[j] : 1.0;
    for (size_t i = 0; i < n; i++) {
        g[i] = (float)(sum / (double)(2 * hw + 1));
        long in = (long)i + hw + 1, out = (long)i - hw;
        sum += (size_t)in < n ? tmp[in] : 1.0;
        sum -= out >= 0 ? tmp[out] : 1.0;
    }
}

/* y = x * gain, limited, written back as 16-bit samples. */
static void apply(const int16_t *x, int16_t *out, size_t n, double gain,
                  double ceil, int half, float *y, float *g, float *tmp)
{
    for (size_t i = 0; i < n; i++)
        y[i] = (float)(x[i] * gain);
    limiter_gains(y, n, ceil, half, g, tmp);
    for (size_t i = 0; i < n; i++) {
        double v = round(y[i] * g[i]);
        out[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    }
}

int ora_loudness_normalize(ora_audio *au, double target_lufs,
                           double ceiling_dbtp, ora_loudness *after,
                           ora_error *err)
{
    ora_loudness l;
    if (measure(au, false, &l, err) < 0)
        return -1;
    if (!isfinite(l.integrated_lufs)) { /* silence: nothing to bring up */
        *after = l;
        return 0;
    }
    size_t n = au->n;
    int16_t *orig = malloc(n * sizeof *orig + 1);
    float *y = malloc(n * sizeof *y + 1), *g = malloc(n * sizeof *g + 1),
          *tmp = malloc(n * sizeof *tmp + 1);
    if (!orig || !y || !g || !tmp) {
        free(orig), free(y), free(g), free(tmp);
        ora_set_error(err, "out of memory while adjusting the loudness.");
        return -1;
    }
    memcpy(orig, au->samples, n * sizeof *orig);
    int half = (int)(au->rate * LOOKAHEAD_MS / 1000);
    double gain_db = target_lufs - l.integrated_lufs;
    double ceil_db = ceiling_dbtp - 0.3; /* the estimate is not ebur128's */
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        apply(orig, au->samples, n, db_to_lin(gain_db), 32768 * db_to_lin(ceil_db),
              half, y, g, tmp);
        /* The loudness first (cheap), the true peak once it is right. */
        if (measure(au, false, &l, err) < 0)
            break;
        if (fabs(l.integrated_lufs - target_lufs) > 0.2) {
            gain_db += target_lufs - l.integrated_lufs;
            continue;
        }
        if (measure(au, true, &l, err) < 0 || l.true_peak_dbtp <= ceiling_dbtp)
            break;
        ceil_db -= l.true_peak_dbtp - ceiling_dbtp + 0.1;
    }
    free(orig), free(y), free(g), free(tmp);
    l.gain_db = gain_db;
    *after = l;
    return 0;
}
