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
 * lands within 0.2 LU of the target.
 *
 * Everything runs block by block over a pcm_source: each block is limited
 * with enough of its neighbours around it (MARGIN) that the result is the
 * same as over the whole signal at once, and memory stays flat however
 * long the article. The measurement follows libebur128 (EBU R 128), its
 * figures to the last decimal that matters, but keeps its block energies
 * (see kblocks). */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TAPS 12          /* per phase of the 4x interpolator */
#define CHUNK 16         /* samples per largest |sample| kept by the limiter */
#define LOOKAHEAD_MS 3.0 /* half-width of the gain ramp */
#define MAX_PASSES 8
#define BLOCK 65536      /* samples limited at a time */

static double db_to_lin(double db) { return pow(10.0, db / 20.0); }

/* ── True peak ────────────────────────────────────────────────────────── */

/* libebur128's true peak, computed the same way (its 4x polyphase
 * interpolator: a 49-tap Hann-windowed sinc, float history, double sums)
 * so that it gives the same figure to the last bit, but only where a peak
 * could matter. libebur128 interpolates every sample: that was most of the
 * cost of checking an encoded file. Here an output is worked out only
 * where the largest sample within the filter's reach, times the sum of the
 * filter's coefficients, could pass the peak being looked for: for speech
 * at -19 LUFS, around one sample in a hundred. */
#define TP_TAPS 49
#define TP_FACTOR 4
#define TP_DELAY 13 /* (TP_TAPS + TP_FACTOR - 1) / TP_FACTOR */
#define TP_BLOCK 4096

struct true_peak {
    double coeff[TP_FACTOR][TP_DELAY];
    int index[TP_FACTOR][TP_DELAY];
    int count[TP_FACTOR];
    double gain_bound; /* the largest sum of |coeff| of a phase */
    float w[TP_DELAY - 1 + TP_BLOCK]; /* the last samples, then a block */
    unsigned char hot[TP_DELAY - 1 + TP_BLOCK];
    double peak, last;
};

static void tp_init(true_peak *tp)
{
    memset(tp, 0, sizeof *tp);
    for (int j = 0; j < TP_TAPS; j++) {
        double m = j - (TP_TAPS - 1) / 2.0, c = 1.0;
        if (fabs(m) > 0.000001)
            c = sin(m * M_PI / TP_FACTOR) / (m * M_PI / TP_FACTOR);
        c *= 0.5 * (1 - cos(2 * M_PI * j / (TP_TAPS - 1)));
        if (fabs(c) > 0.000001) {
            int f = j % TP_FACTOR, t = tp->count[f]++;
            tp->coeff[f][t] = c, tp->index[f][t] = j / TP_FACTOR;
        }
    }
    for (int f = 0; f < TP_FACTOR; f++) {
        double sum = 0;
        for (int t = 0; t < tp->count[f]; t++)
            sum += fabs(tp->coeff[f][t]);
        if (sum > tp->gain_bound)
            tp->gain_bound = sum;
    }
}

/* The interpolated values at w[p] (the newest sample in the filter). */
static double tp_at(const true_peak *tp, size_t p)
{
    double best = 0;
    for (int f = 0; f < TP_FACTOR; f++) {
        double acc = 0;
        for (int t = 0; t < tp->count[f]; t++)
            acc += (double)tp->w[p - (size_t)tp->index[f][t]] * tp->coeff[f][t];
        double v = fabs((double)(float)acc);
        if (v > best)
            best = v;
    }
    return best;
}

/* Widens [*lo, *hi] to hold s[0, n). With n a constant where it is
 * inlined, -O2 vectorizes the loop (one of unknown length it leaves
 * scalar). */
static inline void widen_range(const int16_t *s, size_t n, int16_t *hi, int16_t *lo)
{
    int16_t h = 0, l = 0;
    for (size_t k = 0; k < n; k++) {
        h = s[k] > h ? s[k] : h;
        l = s[k] < l ? s[k] : l;
    }
    *hi = h > *hi ? h : *hi, *lo = l < *lo ? l : *lo;
}

static int range_peak(int16_t hi, int16_t lo) { return -(int)lo > hi ? -(int)lo : hi; }

int s16_peak(const int16_t *s, size_t n)
{
    enum { RUN = 32 };
    int16_t hi = 0, lo = 0;
    size_t i = 0;
    for (; i + RUN <= n; i += RUN)
        widen_range(s + i, RUN, &hi, &lo);
    widen_range(s + i, n - i, &hi, &lo);
    return range_peak(hi, lo);
}

/* One block of at most TP_BLOCK samples; floor (linear): below it, the
 * block's own peak need not be exact (tp->last may then be lower). */
static void tp_block(true_peak *tp, const int16_t *s, size_t n, double floor)
{
    const size_t h = TP_DELAY - 1;
    double need = fmin(tp->peak, floor) / tp->gain_bound;
    int most = s16_peak(s, n);
    bool hot_before = false;
    for (size_t i = 0; i < h; i++)
        hot_before |= tp->hot[i];
    if (!hot_before && most / 32768.0 <= need && n >= h) {
        /* Nothing to work out (most blocks of a check): the sample peak,
         * and the history for the next block. */
        tp->last = most / 32768.0;
        tp->peak = fmax(tp->peak, tp->last);
        for (size_t i = 0; i < h; i++)
            tp->w[i] = (float)((double)s[n - h + i] / 32768.0);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        tp->w[h + i] = (float)((double)s[i] / 32768.0);
        tp->hot[h + i] = fabs(tp->w[h + i]) > need;
    }
    tp->last = 0;
    /* An output at p reads w[p - 12 .. p]: it is worked out when one of
     * them is hot. */
    size_t next = h; /* the first output not yet looked at */
    for (size_t k = 0; k < h + n; k++) {
        if (!tp->hot[k])
            continue;
        for (size_t p = k > next ? k : next; p <= k + h && p < h + n; p++) {
            double v = tp_at(tp, p);
            if (v > tp->last)
                tp->last = v;
        }
        next = k + h + 1;
    }
    tp->last = fmax(tp->last, most / 32768.0); /* the sample peak, as libebur128 adds */
    if (tp->last > tp->peak)
        tp->peak = tp->last;
    memmove(tp->w, tp->w + n, h * sizeof *tp->w);
    memmove(tp->hot, tp->hot + n, h);
}

/* ── Loudness blocks ──────────────────────────────────────────────────── */

/* Integrated loudness as BS.1770-4 and libebur128 define it: K-weighting
 * (libebur128's own filter, coefficients and order of operations), mean
 * square over 400 ms gating blocks every 100 ms, an absolute gate at -70
 * LUFS and a relative one 10 LU under the mean. libebur128 keeps its block
 * energies inside an opaque state, which cannot leave the process that
 * made it (a speech worker), and sums every 400 ms window again each 100
 * ms; here each 100 ms step is summed once and the energies of the blocks
 * are kept, so that parts measured apart add up (loudness_of_blocks). */
struct kblocks {
    double b[5], a[5], v[5];
    size_t step, fill; /* samples per 100 ms step, and in the current one */
    double acc, prev[3];
    int steps;         /* steps so far, up to 4 */
    double *e;         /* energies of every block: block i starts at step i */
    size_t n, cap;
    bool failed;
};

#define ABS_GATE_LUFS -70.0
#define REL_GATE_LU -10.0

static double gate_energy(double lufs) { return pow(10.0, (lufs + 0.691) / 10.0); }

static void kfilter_init(kblocks *k, int rate)
{
    double f0 = 1681.974450955533, G = 3.999843853973347, Q = 0.7071752369554196;
    double K = tan(M_PI * f0 / rate), Vh = pow(10.0, G / 20.0);
    double Vb = pow(Vh, 0.4996667741545416);
    double pb[3], pa[3] = {1.0, 0, 0}, rb[3] = {1.0, -2.0, 1.0}, ra[3] = {1.0, 0, 0};
    double a0 = 1.0 + K / Q + K * K;
    pb[0] = (Vh + Vb * K / Q + K * K) / a0;
    pb[1] = 2.0 * (K * K - Vh) / a0;
    pb[2] = (Vh - Vb * K / Q + K * K) / a0;
    pa[1] = 2.0 * (K * K - 1.0) / a0;
    pa[2] = (1.0 - K / Q + K * K) / a0;
    f0 = 38.13547087602444, Q = 0.5003270373238773;
    K = tan(M_PI * f0 / rate);
    ra[1] = 2.0 * (K * K - 1.0) / (1.0 + K / Q + K * K);
    ra[2] = (1.0 - K / Q + K * K) / (1.0 + K / Q + K * K);
    k->b[0] = pb[0] * rb[0];
    k->b[1] = pb[0] * rb[1] + pb[1] * rb[0];
    k->b[2] = pb[0] * rb[2] + pb[1] * rb[1] + pb[2] * rb[0];
    k->b[3] = pb[1] * rb[2] + pb[2] * rb[1];
    k->b[4] = pb[2] * rb[2];
    k->a[0] = pa[0] * ra[0];
    k->a[1] = pa[0] * ra[1] + pa[1] * ra[0];
    k->a[2] = pa[0] * ra[2] + pa[1] * ra[1] + pa[2] * ra[0];
    k->a[3] = pa[1] * ra[2] + pa[2] * ra[1];
    k->a[4] = pa[2] * ra[2];
}

kblocks *kblocks_new(int rate)
{
    kblocks *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    kfilter_init(k, rate);
    k->step = ((size_t)rate + 5) / 10;
    return k;
}

void kblocks_free(kblocks *k)
{
    if (k)
        free(k->e);
    free(k);
}

static void block_done(kblocks *k)
{
    double sum = k->acc + k->prev[0] + k->prev[1] + k->prev[2];
    k->prev[2] = k->prev[1], k->prev[1] = k->prev[0], k->prev[0] = k->acc;
    k->acc = 0, k->fill = 0;
    /* A long silence decays the filter into subnormal numbers, which cost
     * a hundred times more; nothing that small can be heard. */
    for (int i = 1; i < 5; i++)
        if (fabs(k->v[i]) < 1e-200)
            k->v[i] = 0;
    if (k->steps < 3) {
        k->steps++;
        return;
    }
    double e = sum / (double)(4 * k->step);
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 1024;
        double *grown = realloc(k->e, cap * sizeof *grown);
        if (!grown) {
            k->failed = true;
            return;
        }
        k->e = grown, k->cap = cap;
    }
    k->e[k->n++] = e;
}

int kblocks_add(kblocks *k, const int16_t *s, size_t n)
{
    /* In locals, which the compiler keeps in registers: through the
     * struct, every sample would wait for stores and loads. */
    const double a1 = k->a[1], a2 = k->a[2], a3 = k->a[3], a4 = k->a[4];
    const double b0 = k->b[0], b1 = k->b[1], b2 = k->b[2], b3 = k->b[3], b4 = k->b[4];
    double v1 = k->v[1], v2 = k->v[2], v3 = k->v[3], v4 = k->v[4];
    for (size_t i = 0; i < n;) {
        size_t take = k->step - k->fill < n - i ? k->step - k->fill : n - i;
        size_t end = i + take;
        double acc = 0;
        for (; i < end; i++) {
            /* The newest state last: the chain from one sample to the next
             * is one product and one difference long (libebur128 sums the
             * other way round, which differs in the last bits only). */
            double v0 = (double)s[i] / 32768.0 - a4 * v4 - a3 * v3 - a2 * v2 - a1 * v1;
            double y = b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3 + b4 * v4;
            v4 = v3, v3 = v2, v2 = v1, v1 = v0;
            acc += y * y;
        }
        k->acc += acc;
        k->fill += take;
        k->v[1] = v1, k->v[2] = v2, k->v[3] = v3, k->v[4] = v4;
        if (k->fill == k->step) {
            block_done(k);
            v1 = k->v[1], v2 = k->v[2], v3 = k->v[3], v4 = k->v[4];
        }
    }
    return k->failed ? -1 : 0;
}

size_t kblocks_step(const kblocks *k) { return k->step; }

const double *kblocks_energies(const kblocks *k, size_t *n)
{
    *n = k->n;
    return k->e;
}

double loudness_of_blocks(const double *const *parts, const size_t *counts, size_t n_parts)
{
    double sum = 0, gate = gate_energy(ABS_GATE_LUFS);
    size_t count = 0;
    for (size_t p = 0; p < n_parts; p++)
        for (size_t i = 0; i < counts[p]; i++)
            if (parts[p][i] >= gate)
                sum += parts[p][i], count++;
    if (!count)
        return -HUGE_VAL;
    double rel = fmax(sum / (double)count * pow(10.0, REL_GATE_LU / 10.0), gate);
    sum = 0, count = 0;
    for (size_t p = 0; p < n_parts; p++)
        for (size_t i = 0; i < counts[p]; i++)
            if (parts[p][i] >= rel)
                sum += parts[p][i], count++;
    return count ? 10 * log10(sum / (double)count) - 0.691 : -HUGE_VAL;
}

true_peak *true_peak_new(void)
{
    true_peak *tp = malloc(sizeof *tp);
    if (tp)
        tp_init(tp);
    return tp;
}

void true_peak_free(true_peak *tp) { free(tp); }

double true_peak_of(true_peak *tp, const int16_t *before, const int16_t *s, size_t n,
                    double floor)
{
    for (int i = 0; i < TP_DELAY - 1; i++) {
        tp->w[i] = (float)((double)before[i] / 32768.0);
        tp->hot[i] = 1;
    }
    double most = 0;
    for (size_t k = 0; k < n; k += TP_BLOCK) {
        tp->peak = floor; /* nothing under floor needs working out */
        tp_block(tp, s + k, n - k < TP_BLOCK ? n - k : TP_BLOCK, floor);
        most = fmax(most, tp->last);
    }
    return most;
}

/* ── Measurement ──────────────────────────────────────────────────────── */

struct meter {
    kblocks *k;
    true_peak *tp; /* NULL: loudness only */
    double floor;  /* see meter_set_floor */
    bool failed;
};

meter *meter_new(int rate, bool true_peak_too)
{
    meter *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->floor = HUGE_VAL;
    m->k = kblocks_new(rate);
    if (true_peak_too && (m->tp = malloc(sizeof *m->tp)))
        tp_init(m->tp);
    if (!m->k || (true_peak_too && !m->tp)) {
        meter_free(m);
        return NULL;
    }
    return m;
}

/* Peaks of single calls that matter only from limit_dbtp up: under it,
 * meter_last_peak may say less than the truth (the whole's stays exact). */
static void meter_set_floor(meter *m, double limit_dbtp)
{
    m->floor = pow(10.0, limit_dbtp / 20.0);
}

int meter_sink(void *user, const int16_t *s, size_t n)
{
    meter *m = user;
    if (kblocks_add(m->k, s, n) < 0)
        m->failed = true;
    double last = 0;
    for (size_t k = 0; m->tp && k < n; k += TP_BLOCK) {
        tp_block(m->tp, s + k, n - k < TP_BLOCK ? n - k : TP_BLOCK, m->floor);
        last = fmax(last, m->tp->last);
    }
    if (m->tp)
        m->tp->last = last;
    return m->failed ? -1 : 0;
}

int meter_result(meter *m, ora_loudness *l, ora_error *err)
{
    if (m->failed) {
        ora_set_error(err, "cannot measure the loudness of the audio.");
        return -1;
    }
    size_t n;
    const double *e = kblocks_energies(m->k, &n);
    l->integrated_lufs = loudness_of_blocks(&e, &n, 1);
    double peak = m->tp ? m->tp->peak : 0;
    l->true_peak_dbtp = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
    l->gain_db = 0;
    return 0;
}

const kblocks *meter_blocks(const meter *m) { return m->k; }

/* True peak (dBTP) of what the last meter_sink call brought. */
static double meter_last_peak(meter *m)
{
    double peak = m->tp ? m->tp->last : 0;
    return peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
}

void meter_free(meter *m)
{
    if (m) {
        kblocks_free(m->k);
        free(m->tp);
    }
    free(m);
}

/* ── Checking an encoded file ─────────────────────────────────────────── */

/* Stretches of this length are measured apart, to say where peaks pass. */
#define CHECK_MS 50

struct peak_check {
    meter *m;
    int16_t *buf;
    size_t chunk, fill, pos;
    double limit_dbtp;
    peak_list *over;
    bool failed;
};

peak_check *peak_check_new(int rate, double limit_dbtp, peak_list *over)
{
    peak_check *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->chunk = (size_t)rate * CHECK_MS / 1000;
    c->m = meter_new(rate, true);
    if (c->m)
        meter_set_floor(c->m, limit_dbtp);
    c->buf = malloc(c->chunk * sizeof *c->buf);
    c->limit_dbtp = limit_dbtp, c->over = over;
    if (!c->m || !c->buf) {
        peak_check_free(c);
        return NULL;
    }
    return c;
}

static void check_chunk(peak_check *c)
{
    if (meter_sink(c->m, c->buf, c->fill) < 0)
        c->failed = true;
    double peak = c->over ? meter_last_peak(c->m) : -HUGE_VAL;
    if (!c->failed && peak > c->limit_dbtp &&
        peak_list_add(c->over, c->pos, c->pos + c->fill, peak - c->limit_dbtp) < 0)
        c->failed = true;
    c->pos += c->fill, c->fill = 0;
}

int peak_check_sink(void *user, const int16_t *s, size_t n)
{
    peak_check *c = user;
    while (n && !c->failed) {
        size_t k = c->chunk - c->fill < n ? c->chunk - c->fill : n;
        memcpy(c->buf + c->fill, s, k * sizeof *s);
        c->fill += k, s += k, n -= k;
        if (c->fill == c->chunk)
            check_chunk(c);
    }
    return c->failed ? -1 : 0;
}

int peak_check_result(peak_check *c, ora_loudness *l, ora_error *err)
{
    if (c->fill)
        check_chunk(c);
    if (c->failed) {
        ora_set_error(err, "cannot measure the encoded audio.");
        return -1;
    }
    return meter_result(c->m, l, err);
}

void peak_check_free(peak_check *c)
{
    if (c) {
        meter_free(c->m);
        free(c->buf);
    }
    free(c);
}

/* with_peak: the true peak too, which costs a 4x oversampling of all. */
static int measure(const ora_audio *au, bool with_peak, ora_loudness *l,
                   ora_error *err)
{
    meter *m = meter_new(au->rate, with_peak);
    int rc = m && meter_sink(m, au->samples, au->n) == 0 ? meter_result(m, l, err) : -1;
    if (!m || (rc < 0 && !*err->msg))
        ora_set_error(err, "cannot measure the loudness of the audio.");
    meter_free(m);
    return rc;
}

int ora_loudness_measure(const ora_audio *au, ora_loudness *l, ora_error *err)
{
    return measure(au, true, l, err);
}

/* ── The limiter ──────────────────────────────────────────────────────── */

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
    bool inside = i >= TAPS / 2 - 1 && i + TAPS / 2 < n;
    for (int p = 0; p < 3; p++) {
        double acc = 0;
        if (inside) /* the common case, without a test per tap */
            for (int k = 0; k < TAPS; k++)
                acc += h[p][k] * y[i + (size_t)k - (TAPS / 2 - 1)];
        else
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

/* A stretch [start, end) of samples. */
typedef struct {
    size_t start, end;
} span;

/* The gain a sample of a stretch of needs (tmp over [s.start, s.end)) is
 * averaged from: 1 outside it, the edge value past the ends of y. */
static float need_at(const float *tmp, size_t n, span s, long j)
{
    size_t k = j < 0 ? 0 : (size_t)j >= n ? n - 1 : (size_t)j;
    return k >= s.start && k < s.end ? tmp[k] : 1.0f;
}

/* The largest |y[i]| of each CHUNK of y = x times gain, into most: from
 * x, in runs of a fixed length that -O2 vectorizes (the same figures:
 * rounding to float keeps the order). */
static void chunk_peaks(const int16_t *x, size_t n, double gain, float *most)
{
    size_t c = 0;
    for (; (c + 1) * CHUNK <= n; c++) {
        int16_t hi = 0, lo = 0;
        widen_range(x + c * CHUNK, CHUNK, &hi, &lo);
        most[c] = (float)(range_peak(hi, lo) * gain);
    }
    if (c * CHUNK < n)
        most[c] = (float)(s16_peak(x + c * CHUNK, n - c * CHUNK) * gain);
}

/* Gain curve keeping peaks of y under ceil: 1 but over the stretches put
 * in sp (their number returned), where g holds it. Work goes only where
 * something comes near the ceiling: the rest of y is not looked at again. */
static size_t limiter_gains(const int16_t *x, double gain, const float *y, size_t n,
                            double ceil, int half, float *g, float *tmp, span *sp)
{
    if (n == 0)
        return 0;
    double h[3][TAPS];
    make_phases(h);
    /* An interpolated value cannot pass the largest sample under the
     * filter times the sum of its |coefficients|: only where that bound
     * reaches the ceiling is the oversampled look needed (a few samples in
     * a hundred for speech at -19 LUFS). The largest |sample| of each
     * CHUNK go in g, free until the gains are made. */
    double bound = 1;
    for (int p = 0; p < 3; p++) {
        double sum = 0;
        for (int k = 0; k < TAPS; k++)
            sum += fabs(h[p][k]);
        bound = fmax(bound, sum);
    }
    const float floor = (float)(ceil / bound);
    size_t chunks = (n + CHUNK - 1) / CHUNK;
    chunk_peaks(x, n, gain, g);
    /* Each sample's need spreads over [i - half, i + half + 2) of tmp;
     * needs closer than a moving average's width share a stretch, so that
     * no average reaches two. */
    size_t ns = 0, next = 0, gap = 2 * (size_t)half + 1;
    for (size_t c = 0; c < chunks; c++) {
        if (g[c] < floor)
            continue;
        /* The samples whose filter, y[i - TAPS/2 + 1 .. i + TAPS/2], reaches c. */
        size_t from = c * CHUNK > TAPS / 2 ? c * CHUNK - TAPS / 2 : 0;
        size_t to = (c + 1) * CHUNK + TAPS / 2 - 1;
        to = to < n ? to : n;
        for (size_t i = from > next ? from : next; i < to; i++) {
            double pk = local_peak(y, n, i, h);
            if (pk <= ceil)
                continue;
            float need = (float)(ceil / pk);
            size_t a = i > (size_t)half ? i - (size_t)half : 0;
            size_t b = i + (size_t)half + 2;
            b = b < n ? b : n;
            span *last = ns ? &sp[ns - 1] : NULL;
            if (!last || a > last->end + gap)
                last = &sp[ns++], *last = (span){a, a};
            for (size_t j = last->end; j < b; j++)
                tmp[j] = 1.0f;
            last->end = b > last->end ? b : last->end;
            for (size_t j = a; j < b; j++)
                if (tmp[j] > need)
                    tmp[j] = need;
        }
        next = to > next ? to : next;
    }
    /* Moving average of width 2*half+1 over each stretch and half past its
     * ends: stays under every minimum. Past the ends of y the edge value
     * goes on (a gain of 1 there would lift the first and last samples
     * over the ceiling). */
    long hw = half, width = 2 * hw + 1;
    for (size_t k = 0; k < ns; k++) {
        span s = sp[k];
        long i0 = (long)s.start - hw > 0 ? (long)s.start - hw : 0;
        long i1 = (long)s.end + hw < (long)n ? (long)s.end + hw : (long)n;
        double sum = 0;
        for (long j = i0 - hw; j <= i0 + hw; j++)
            sum += need_at(tmp, n, s, j);
        for (long i = i0; i < i1; i++) {
            g[i] = (float)(sum / (double)width);
            sum += need_at(tmp, n, s, i + hw + 1) - need_at(tmp, n, s, i - hw);
        }
        sp[k] = (span){(size_t)i0, (size_t)i1};
    }
    return ns;
}

/* Samples either side of a block that decide its gains: a sample's gain
 * averages the needs within half of it, and each need comes from the
 * peaks within half + 1 of that, each peak from TAPS/2 samples. */
static size_t margin(int half) { return 2 * (size_t)half + TAPS + 2; }

typedef struct {
    int16_t *x, *out;
    float *y, *g, *tmp, *cut;
    span *spans; /* one per CHUNK at most: each starts at a chunk near the ceiling */
} level_buffers;

static int buffers_alloc(level_buffers *b, size_t n)
{
    b->x = malloc(n * sizeof *b->x), b->out = malloc(n * sizeof *b->out);
    b->y = malloc(n * sizeof *b->y), b->g = malloc(n * sizeof *b->g);
    b->tmp = malloc(n * sizeof *b->tmp), b->cut = malloc(n * sizeof *b->cut);
    b->spans = malloc((n / CHUNK + 2) * sizeof *b->spans);
    return b->x && b->out && b->y && b->g && b->tmp && b->cut && b->spans ? 0 : -1;
}

static void buffers_free(level_buffers *b)
{
    free(b->x), free(b->out), free(b->y), free(b->g), free(b->tmp), free(b->cut);
    free(b->spans);
}

static int16_t to_s16(double v)
{
    v = v > 32767 ? 32767 : v;
    v = v < -32768 ? -32768 : v;
    return (int16_t)(v + copysign(0.5, v)); /* round(), without its call or a branch */
}

/* Each cut ramps in and out over this long, so it never clicks. */
#define CUT_RAMP_MS 5.0

/* The gain of each sample of [a, b) from the cuts that fall in it, into
 * out; NULL where none does (the common case). */
const float *cut_gains(const peak_list *cuts, size_t a, size_t b, int rate, float *out)
{
    double ramp = rate * CUT_RAMP_MS / 1000;
    bool any = false;
    for (size_t k = 0; cuts && k < cuts->n; k++) {
        const peak_region *r = &cuts->v[k];
        if (r->end <= a || r->start >= b)
            continue;
        if (!any)
            for (size_t i = 0; i < b - a; i++)
                out[i] = 1.0f;
        any = true;
        double depth = 1 - db_to_lin(-r->cut_db);
        for (size_t i = r->start > a ? r->start : a; i < r->end && i < b; i++) {
            double edge = fmin((double)(i - r->start), (double)(r->end - 1 - i)) / ramp;
            out[i - a] *= (float)(1 - depth * fmin(edge, 1.0));
        }
    }
    return any ? out : NULL;
}

int peak_list_add(peak_list *pl, size_t start, size_t end, double cut_db)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? 2 * pl->cap : 16;
        peak_region *v = realloc(pl->v, cap * sizeof *v);
        if (!v)
            return -1;
        pl->v = v, pl->cap = cap;
    }
    pl->v[pl->n++] = (peak_region){start, end, cut_db};
    return 0;
}

void peak_list_free(peak_list *pl)
{
    free(pl->v);
    memset(pl, 0, sizeof *pl);
}

/* Runs of a fixed length, which -O2 vectorizes: */
enum { RUN = 16 };

/* y = x times gain, in float as the limiter works. */
static void to_gained(const int16_t *x, size_t n, double gain, float *y)
{
    size_t i = 0;
    for (; i + RUN <= n; i += RUN)
        for (int k = 0; k < RUN; k++)
            y[i + k] = (float)(x[i + k] * gain);
    for (; i < n; i++)
        y[i] = (float)(x[i] * gain);
}

/* to_s16 of a float under 2^31 in size, in float and int arithmetic that
 * vectorizes: the fraction y - trunc(y) of
 * a float is exact, so this rounds half away from zero as to_s16 does,
 * to the same sample. */
static int16_t sample_to_s16(float y)
{
    int t = (int)y;
    float f = y - (float)t;
    t += (f >= 0.5f) - (f <= -0.5f);
    t = t > 32767 ? 32767 : t;
    return (int16_t)(t < -32768 ? -32768 : t);
}

static void floats_to_s16(const float *y, size_t n, int16_t *out)
{
    size_t i = 0;
    for (; i + RUN <= n; i += RUN)
        for (int k = 0; k < RUN; k++)
            out[i + k] = sample_to_s16(y[i + k]);
    for (; i < n; i++)
        out[i] = sample_to_s16(y[i]);
}

/* Levels samples [a, b) of src into bf->out, reading the window around. */
static bool level_block(const pcm_source *src, const level_settings *ls, int half,
                        size_t a, size_t b, level_buffers *bf)
{
    size_t m = ls->limit ? margin(half) : 0;
    size_t w0 = a > m ? a - m : 0, w1 = b + m < src->n ? b + m : src->n;
    if (!src->read(src->user, w0, bf->x, w1 - w0))
        return false;
    double gain = db_to_lin(ls->gain_db);
    size_t wn = w1 - w0, off = a - w0;
    if (!ls->limit) {
        for (size_t i = 0; i < b - a; i++)
            bf->out[i] = to_s16(bf->x[off + i] * gain);
        return true;
    }
    to_gained(bf->x, wn, gain, bf->y);
    size_t ns = limiter_gains(bf->x, gain, bf->y, wn, 32768 * db_to_lin(ls->ceiling_db), half, bf->g,
                              bf->tmp, bf->spans);
    const float *cut = cut_gains(ls->cuts, a, b, src->rate, bf->cut);
    const float *y = bf->y + off;
    size_t n = b - a;
    if (cut || gain >= 65536) /* 96 dB: from 16 bits, y may pass 2^31 */
        for (size_t i = 0; i < n; i++)
            bf->out[i] = to_s16(y[i] * (cut ? cut[i] : 1.0f));
    else
        floats_to_s16(y, n, bf->out);
    for (size_t k = 0; k < ns; k++) { /* where the limiter turns down */
        span s = bf->spans[k];
        size_t i0 = s.start > off ? s.start - off : 0;
        size_t i1 = s.end > off ? (s.end - off < n ? s.end - off : n) : 0;
        for (size_t i = i0; i < i1; i++)
            bf->out[i] = to_s16(y[i] * bf->g[off + i] * (cut ? cut[i] : 1.0f));
    }
    return true;
}

int level_stream(const pcm_source *src, const level_settings *ls, meter *mt,
                 ora_audio_sink sink, void *user, ora_error *err)
{
    return level_range(src, ls, 0, src->n, mt, sink, user, err);
}

size_t level_margin(int rate)
{
    return margin((int)(rate * LOOKAHEAD_MS / 1000));
}

int level_range(const pcm_source *src, const level_settings *ls, size_t from, size_t to,
                meter *mt, ora_audio_sink sink, void *user, ora_error *err)
{
    int half = (int)(src->rate * LOOKAHEAD_MS / 1000);
    level_buffers bf;
    int rc = buffers_alloc(&bf, BLOCK + 2 * margin(half));
    if (rc < 0)
        ora_set_error(err, "out of memory while adjusting the loudness.");
    for (size_t a = from; rc == 0 && a < to; a += BLOCK) {
        size_t b = to - a < BLOCK ? to : a + BLOCK;
        if (!level_block(src, ls, half, a, b, &bf)) {
            ora_set_error(err, "cannot read back the spoken audio.");
            rc = -1;
        } else if ((mt && meter_sink(mt, bf.out, b - a) < 0) ||
                   (sink && sink(user, bf.out, b - a) < 0)) {
            if (!*err->msg)
                ora_set_error(err, "cannot write the audio.");
            rc = -1;
        }
    }
    buffers_free(&bf);
    return rc;
}

/* One pass that writes nothing: what the settings give. */
static int measure_pass(const pcm_source *src, const level_settings *ls,
                        bool with_peak, ora_loudness *l, ora_error *err)
{
    meter *m = meter_new(src->rate, with_peak);
    if (!m) {
        ora_set_error(err, "cannot measure the loudness of the audio.");
        return -1;
    }
    int rc = level_stream(src, ls, m, NULL, NULL, err);
    if (rc == 0)
        rc = meter_result(m, l, err);
    meter_free(m);
    return rc;
}

int level_plan(const pcm_source *src, double raw_lufs, double target_lufs,
               double ceiling_dbtp, bool check_peak, level_settings *ls,
               ora_loudness *after, ora_error *err)
{
    /* 0.3 dB of room: the limiter's estimate of the peak is not ebur128's. */
    const peak_list *cuts = ls->cuts; /* kept from the caller */
    *ls = (level_settings){target_lufs - raw_lufs, ceiling_dbtp - 0.3, true, cuts};
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        if (measure_pass(src, ls, check_peak, after, err) < 0)
            return -1;
        if (fabs(after->integrated_lufs - target_lufs) > 0.2)
            ls->gain_db += target_lufs - after->integrated_lufs;
        else if (check_peak && after->true_peak_dbtp > ceiling_dbtp)
            ls->ceiling_db -= after->true_peak_dbtp - ceiling_dbtp + 0.1;
        else
            break;
    }
    after->gain_db = ls->gain_db;
    return 0;
}

int array_sink(void *user, const int16_t *s, size_t n)
{
    array_out *o = user;
    memcpy(o->dst + o->pos, s, n * sizeof *s);
    o->pos += n;
    return 0;
}

int ora_loudness_normalize(ora_audio *au, double target_lufs,
                           double ceiling_dbtp, ora_loudness *after,
                           ora_error *err)
{
    ora_loudness raw;
    if (measure(au, false, &raw, err) < 0)
        return -1;
    if (!isfinite(raw.integrated_lufs)) { /* silence: nothing to bring up */
        *after = raw;
        return 0;
    }
    /* The limiter reads around each block: it reads from a copy. */
    int16_t *orig = malloc(au->n * sizeof *orig + 1);
    if (!orig) {
        ora_set_error(err, "out of memory while adjusting the loudness.");
        return -1;
    }
    memcpy(orig, au->samples, au->n * sizeof *orig);
    pcm_source src = memory_source(orig, au->n, au->rate);
    level_settings ls = {0, 0, true, NULL};
    array_out out = {au->samples, 0};
    int rc = level_plan(&src, raw.integrated_lufs, target_lufs, ceiling_dbtp, true,
                        &ls, after, err);
    if (rc == 0)
        rc = level_stream(&src, &ls, NULL, array_sink, &out, err);
    free(orig);
    return rc;
}
