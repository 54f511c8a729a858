/* Opus settings for speech, measured: for each application and complexity,
 * the encoder's own real-time factor (CPU time of opus_encode alone) and
 * how far the decoded audio is from the source, as a log-spectral distance
 * (LSD, dB, over 20 ms Hann-windowed frames whose source energy is within
 * 40 dB of the loudest; lower is better) and a segmental SNR (dB, higher is
 * better), a band distance (dB: RMS of the difference of energies in 21
 * critical bands up to 12 kHz, which forgives the noise Opus fills high
 * bands with, as the ear does), and the peak the decoded audio reaches
 * over the source's (dB: the bursts a limiter must make room for). None
 * is PESQ: they say which settings lose more of the
 * signal, not how a listener would rate it.
 * Usage: opus_choice FILE.wav [BITRATE]   (mono 16-bit, any rate: resampled
 * to 24 kHz with SRC_SINC_FASTEST, as oralise does) */
#include <math.h>
#include <opus.h>
#include <samplerate.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RATE 24000
#define FRAME 480 /* 20 ms */

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static float *load_24k(const char *path, size_t *n)
{
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf || info.channels != 1)
        return NULL;
    float *in = malloc((size_t)info.frames * sizeof *in);
    sf_readf_float(sf, in, info.frames);
    sf_close(sf);
    double ratio = (double)RATE / info.samplerate;
    size_t cap = (size_t)(info.frames * ratio) + 1024;
    float *out = malloc(cap * sizeof *out);
    SRC_DATA d = {in, out, info.frames, (long)cap, 0, 0, 1, ratio};
    src_simple(&d, SRC_SINC_FASTEST, 1);
    free(in);
    *n = (size_t)d.output_frames_gen;
    return out;
}

/* Naive DFT magnitude spectrum of one frame (240 bins): fine for a bench. */
static void spectrum(const float *x, double *mag, const double *win, const double *cs, const double *sn)
{
    for (int k = 0; k < FRAME / 2; k++) {
        double re = 0, im = 0;
        for (int i = 0; i < FRAME; i++) {
            int idx = (k * i) % FRAME;
            re += x[i] * win[i] * cs[idx];
            im -= x[i] * win[i] * sn[idx];
        }
        mag[k] = re * re + im * im;
    }
}

/* Critical band edges (Hz), Zwicker's, up to 12 kHz. */
static const double edges[22] = {0, 100, 200, 300, 400, 510, 630, 770, 920, 1080, 1270, 1480,
                                 1720, 2000, 2320, 2700, 3150, 3700, 4400, 5300, 6400, 12000};

static double band_distance(const double *a, const double *b)
{
    double s = 0;
    for (int z = 0; z < 21; z++) {
        double ea = 1e-9, eb = 1e-9;
        for (int k = 1; k < FRAME / 2; k++) {
            double hz = k * (double)RATE / FRAME;
            if (hz >= edges[z] && hz < edges[z + 1])
                ea += a[k], eb += b[k];
        }
        double r = 10 * log10(ea / eb);
        s += r * r;
    }
    return sqrt(s / 21);
}

static void quality(const float *ref, const float *dec, size_t n, double *lsd, double *snr,
                    double *bands)
{
    static double win[FRAME], cs[FRAME], sn[FRAME];
    for (int i = 0; i < FRAME; i++) {
        win[i] = 0.5 - 0.5 * cos(2 * M_PI * i / FRAME);
        cs[i] = cos(2 * M_PI * i / FRAME), sn[i] = sin(2 * M_PI * i / FRAME);
    }
    double emax = 0;
    for (size_t f = 0; f + FRAME <= n; f += FRAME) {
        double e = 0;
        for (int i = 0; i < FRAME; i++)
            e += ref[f + i] * ref[f + i];
        if (e > emax)
            emax = e;
    }
    double sum_lsd = 0, sum_snr = 0, sum_bands = 0;
    size_t frames = 0;
    double a[FRAME / 2], b[FRAME / 2];
    /* Every 5th active frame: the DFT is naive. */
    for (size_t f = 0, k = 0; f + FRAME <= n; f += FRAME) {
        double e = 0, d = 0;
        for (int i = 0; i < FRAME; i++) {
            e += ref[f + i] * ref[f + i];
            d += (ref[f + i] - dec[f + i]) * (ref[f + i] - dec[f + i]);
        }
        if (e < emax * 1e-4 || k++ % 5)
            continue;
        spectrum(ref + f, a, win, cs, sn);
        spectrum(dec + f, b, win, cs, sn);
        double s = 0;
        for (int j = 1; j < FRAME / 2; j++) {
            double r = 10 * log10((a[j] + 1e-9) / (b[j] + 1e-9));
            s += r * r;
        }
        sum_lsd += sqrt(s / (FRAME / 2 - 1));
        sum_bands += band_distance(a, b);
        double seg = 10 * log10(e / (d + 1e-12));
        sum_snr += seg < -10 ? -10 : seg > 35 ? 35 : seg;
        frames++;
    }
    *lsd = sum_lsd / frames, *snr = sum_snr / frames, *bands = sum_bands / frames;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: opus_choice FILE.wav [BITRATE]\n");
        return 2;
    }
    int bitrate = argc > 2 ? atoi(argv[2]) : 35200;
    size_t n;
    float *x = load_24k(argv[1], &n);
    if (!x) {
        fprintf(stderr, "opus_choice: cannot read %s (mono WAV)\n", argv[1]);
        return 1;
    }
    int16_t *pcm = malloc((n + FRAME) * sizeof *pcm);
    float *dec = calloc(n + 2 * FRAME, sizeof *dec);
    for (size_t i = 0; i < n; i++)
        pcm[i] = (int16_t)lrintf(fmaxf(-32768.f, fminf(32767.f, x[i] * 32768.f)));
    memset(pcm + n, 0, FRAME * sizeof *pcm);
    double seconds = (double)n / RATE;
    printf("%.0f s of speech at 24 kHz, %d bit/s\n", seconds, bitrate);
    printf("%-10s %10s %8s %8s %8s %8s %6s %9s\n", "settings", "enc x rt", "LSD dB", "bands dB",
           "segSNR", "peak+dB", "overs", "kbit/s");
    double src_peak = 0;
    for (size_t i = 0; i < n; i++)
        src_peak = fmax(src_peak, fabs(x[i]));
    /* Rows: application, complexity, and two remedies for the bursts
     * after digital silence: no inter-frame prediction, or a faint noise
     * (1 LSB) in place of the silence. */
    const int apps[2] = {OPUS_APPLICATION_VOIP, OPUS_APPLICATION_AUDIO};
    const char *app_names[2] = {"voip", "audio"};
    const int cplx[] = {0, 1, 2, 3, 4, 5, 6, 8, 10};
    const char *only = getenv("OPUS_CHOICE_ROWS"); /* e.g. "audio4 audio4np audio4dith" */
    int16_t *dith = malloc((n + FRAME) * sizeof *dith);
    for (size_t i = 0; i < n + FRAME; i++)
        dith[i] = pcm[i] ? pcm[i] : (int16_t)((rand() & 2) - 1);
    for (int a = 0; a < 2; a++)
        for (size_t c = 0; c < sizeof cplx / sizeof *cplx; c++)
            for (int variant = 0; variant < 3; variant++) {
            static const char *const vnames[3] = {"", "np", "dith"};
            char row[32];
            snprintf(row, sizeof row, "%s%d%s", app_names[a], cplx[c], vnames[variant]);
            if ((only && !strstr(only, row)) || (!only && variant))
                continue;
            const int16_t *src = variant == 2 ? dith : pcm;
            int err;
            OpusEncoder *e = opus_encoder_create(RATE, 1, apps[a], &err);
            OpusDecoder *d = opus_decoder_create(RATE, 1, &err);
            opus_encoder_ctl(e, OPUS_SET_BITRATE(bitrate));
            opus_encoder_ctl(e, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
            opus_encoder_ctl(e, OPUS_SET_COMPLEXITY(cplx[c]));
            if (variant == 1)
                opus_encoder_ctl(e, OPUS_SET_PREDICTION_DISABLED(1));
            opus_int32 la;
            opus_encoder_ctl(e, OPUS_GET_LOOKAHEAD(&la));
            unsigned char pkt[4000];
            double enc_cpu = 0;
            size_t bytes = 0, out = 0;
            int16_t buf[FRAME];
            for (size_t f = 0; f < n + (size_t)la; f += FRAME) {
                const int16_t *in = f + FRAME <= n ? src + f : NULL;
                if (!in) {
                    memset(buf, 0, sizeof buf);
                    if (f < n)
                        memcpy(buf, src + f, (n - f) * sizeof *buf);
                    in = buf;
                }
                double t0 = cpu_now();
                int len = opus_encode(e, in, FRAME, pkt, sizeof pkt);
                enc_cpu += cpu_now() - t0;
                bytes += (size_t)len;
                int16_t o[FRAME];
                int k = opus_decode(d, pkt, len, o, FRAME, 0);
                for (int i = 0; i < k; i++, out++)
                    if (out >= (size_t)la && out - la < n)
                        dec[out - la] = o[i] / 32768.f;
            }
            double lsd, snr, bands, dec_peak = 0;
            quality(x, dec, n, &lsd, &snr, &bands);
            for (size_t i = 0; i < n; i++)
                dec_peak = fmax(dec_peak, fabs(dec[i]));
            /* 50 ms stretches whose decoded peak passes the source's
             * loudest by 1 dB: where a limiter would have to cut. */
            size_t overs = 0;
            for (size_t f = 0; f + 1200 <= n; f += 1200) {
                double p = 0;
                for (int i = 0; i < 1200; i++)
                    p = fmax(p, fabs(dec[f + i]));
                overs += p > src_peak * 1.122;
            }
            printf("%-10s %9.0fx %8.2f %8.2f %8.2f %8.2f %6zu %9.1f\n", row,
                   seconds / enc_cpu, lsd, bands, snr, 20 * log10(dec_peak / src_peak), overs,
                   bytes * 8 / seconds / 1000);
            fflush(stdout);
            opus_encoder_destroy(e);
            opus_decoder_destroy(d);
        }
    free(x), free(pcm), free(dec), free(dith);
    return 0;
}
