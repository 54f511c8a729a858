/* Audio stage: the limiter and loudness target on synthetic signals, the
 * resampler, and the pipeline's snippets (--max-duration, --intro,
 * --outro, pauses) and streaming (-o - as WAV or raw PCM). */
#include "audioutil.h"
#include "internal.h" /* level_stream: the limiter block by block */

#include <json-c/json.h>

/* Speech-like test signal: a 180 Hz tone with harmonics in bursts, with
 * sharp peaks well above its average level. */
static void make_signal(ora_audio *au, double seconds, double amp)
{
    ora_audio_init(au, 22050);
    size_t n = (size_t)(seconds * 22050);
    int16_t *s = malloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / 22050;
        double env = fmod(t, 0.5) < 0.3 ? 1.0 : 0.05;
        double v = sin(2 * M_PI * 180 * t) + 0.5 * sin(2 * M_PI * 360 * t + 1) +
                   0.3 * sin(2 * M_PI * 2500 * t);
        s[i] = (int16_t)(amp * env * v / 1.8 * 32767);
    }
    assert_int_equal(ora_audio_append(au, s, n), 0);
    free(s);
}

static void loudness_reaches_target_without_clipping(void **state)
{
    (void)state;
    const double targets[] = {-23, -19, -16, -12};
    for (size_t k = 0; k < 4; k++) {
        ora_audio au;
        make_signal(&au, 20, 0.5);
        ora_loudness l;
        ora_error err;
        assert_int_equal(ora_loudness_normalize(&au, targets[k], -1.0, &l, &err), 0);
        ora_loudness m;
        assert_int_equal(ora_loudness_measure(&au, &m, &err), 0);
        if (fabs(m.integrated_lufs - targets[k]) > 0.5 || m.true_peak_dbtp > -1.0)
            fail_msg("target %.0f: %.2f LUFS, %.2f dBTP", targets[k], m.integrated_lufs, m.true_peak_dbtp);
        size_t at_full = 0;
        for (size_t i = 0; i < au.n; i++)
            at_full += au.samples[i] == 32767 || au.samples[i] == -32768;
        assert_int_equal(at_full, 0); /* limited, never clipped */
        ora_audio_free(&au);
    }
}

static array_out level_copy(const ora_audio *au, const level_settings *ls)
{
    array_out c = {malloc(au->n * sizeof *c.dst), 0};
    pcm_source src = memory_source(au->samples, au->n, au->rate);
    ora_error err = {{0}};
    assert_int_equal(level_stream(&src, ls, NULL, array_sink, &c, &err), 0);
    assert_int_equal(c.pos, au->n);
    return c;
}

/* The limiter runs over blocks of 64 Ki samples, each read with its
 * neighbours: starting the same signal 1.4 s later moves every block
 * boundary, and must change nothing (float sums may round by one step)
 * but at the very ends, where one has silence around and the other not. */
static void limiter_blocks_are_seamless(void **state)
{
    (void)state;
    ora_audio a, b;
    make_signal(&a, 8, 0.9);
    size_t shift = 30000;
    ora_audio_init(&b, a.rate);
    assert_int_equal(ora_audio_silence(&b, (int)(shift * 1000 / 22050)), 0);
    shift = b.n;
    assert_int_equal(ora_audio_append(&b, a.samples, a.n), 0);
    level_settings ls = {6, -1.3, true, NULL}; /* 6 dB up: the limiter must act */
    array_out x = level_copy(&a, &ls), y = level_copy(&b, &ls);
    int worst = 0, limited = 0;
    for (size_t i = 300; i + 300 < a.n; i++) { /* the ends see silence or not */
        int d = abs(x.dst[i] - y.dst[shift + i]);
        worst = d > worst ? d : worst;
        limited += abs(x.dst[i]) < fabs(a.samples[i] * 1.995) - 2;
    }
    assert_true(worst <= 1);
    assert_true(limited > 1000);
    free(x.dst), free(y.dst);
    ora_audio_free(&a), ora_audio_free(&b);
}

/* A clip that starts and ends loud is held under the ceiling to its very
 * first and last samples: nothing beyond the ends lifts the gain there. */
static void limiter_holds_at_the_ends(void **state)
{
    (void)state;
    ora_audio a;
    ora_audio_init(&a, 22050);
    int16_t s[4410];
    for (size_t i = 0; i < 4410; i++)
        s[i] = (int16_t)(0.9 * 32767 * sin(2 * M_PI * 440 * (double)i / 22050 + 1.2));
    assert_int_equal(ora_audio_append(&a, s, 4410), 0);
    level_settings ls = {6, -3, true, NULL}; /* twice too loud for the ceiling */
    array_out x = level_copy(&a, &ls);
    double ceiling = 32768 * pow(10, -3 / 20.0), worst = 0;
    for (size_t i = 0; i < a.n; i++)
        worst = fmax(worst, abs(x.dst[i]) / ceiling);
    if (worst > 1.02)
        fail_msg("a sample passes the ceiling by %.1f %%", (worst - 1) * 100);
    free(x.dst);
    ora_audio_free(&a);
}

/* The limiter works only near what reaches the ceiling: a quiet tone
 * with clicks (alone, in pairs closer than its gain ramp, one across the
 * boundary of two 64 Ki blocks) comes out, away from the clicks, as the
 * tone with the gain applied and rounded, to the sample; around them the
 * gain only goes down, and no sample passes the ceiling. */
static void limiter_touches_only_what_passes(void **state)
{
    (void)state;
    ora_audio a;
    ora_audio_init(&a, 22050);
    size_t n = 3 * 65536;
    int16_t *s = malloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        s[i] = (int16_t)(4000 * sin(2 * M_PI * 300 * (double)i / 22050));
    const size_t clicks[] = {10000, 30000, 30050, 50000, 50190, 65530, 131072, 180000};
    const size_t n_clicks = sizeof clicks / sizeof *clicks;
    for (size_t k = 0; k < n_clicks; k++)
        for (size_t i = clicks[k]; i < clicks[k] + 6; i++)
            s[i] = (int16_t)(i % 2 ? 30000 : -30000);
    assert_int_equal(ora_audio_append(&a, s, n), 0);
    level_settings ls = {2, -3, true, NULL};
    array_out x = level_copy(&a, &ls);
    double g = pow(10, 2 / 20.0), ceiling = 32768 * pow(10, -3 / 20.0);
    size_t reach = level_margin(22050) + 8, limited = 0;
    for (size_t i = 0; i < n; i++) {
        bool near = false;
        for (size_t k = 0; k < n_clicks; k++)
            near |= i + reach >= clicks[k] && i < clicks[k] + 6 + reach;
        long plain = lround((double)(float)(s[i] * g));
        if (!near && x.dst[i] != plain)
            fail_msg("sample %zu, away from the clicks: %d, not %ld", i, x.dst[i], plain);
        if (labs((long)x.dst[i]) > labs(plain))
            fail_msg("sample %zu: the gain went up (%d against %ld)", i, x.dst[i], plain);
        if (abs(x.dst[i]) > ceiling)
            fail_msg("sample %zu: %d passes the ceiling %.0f", i, x.dst[i], ceiling);
        limited += near && x.dst[i] != plain;
    }
    assert_true(limited > n_clicks * 6);
    free(x.dst), free(s);
    ora_audio_free(&a);
}

/* A cut turns its stretch down by its depth, ramped, and nothing else. */
static void cuts_turn_down_their_stretch(void **state)
{
    (void)state;
    ora_audio a;
    make_signal(&a, 4, 0.2);
    peak_list cuts = {0};
    assert_int_equal(peak_list_add(&cuts, 22050, 44100, 6.0), 0);
    level_settings plain = {0, -1, true, NULL}, cut = {0, -1, true, &cuts};
    array_out x = level_copy(&a, &plain), y = level_copy(&a, &cut);
    for (size_t i = 0; i < a.n; i++) {
        bool inside = i >= 22050 + 200 && i < 44100 - 200; /* past the 5 ms ramps */
        bool outside = i < 22050 || i >= 44100;
        if (outside)
            assert_int_equal(x.dst[i], y.dst[i]);
        if (inside && abs(x.dst[i]) > 200 && fabs(y.dst[i] / (double)x.dst[i] - 0.501) > 0.01)
            fail_msg("sample %zu: %d against %d, not 6 dB down", i, y.dst[i], x.dst[i]);
    }
    free(x.dst), free(y.dst);
    peak_list_free(&cuts);
    ora_audio_free(&a);
}

/* libebur128's true peak of samples fed in pieces of uneven size. */
static double ebur128_peak_of(const int16_t *s, size_t n, int rate)
{
    ebur128_state *st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_TRUE_PEAK);
    for (size_t k = 0; k < n; k += 3001)
        ebur128_add_frames_short(st, s + k, n - k < 3001 ? n - k : 3001);
    double peak = 0;
    ebur128_true_peak(st, 0, &peak);
    ebur128_destroy(&st);
    return 20 * log10(peak);
}

/* oralise keeps the energies of the gating blocks itself (so that speech
 * workers can measure their parts apart): its integrated loudness must be
 * libebur128's, whole and added up from parts cut anywhere, over speech,
 * quiet stretches and digital silence long enough to pass both gates. */
static void loudness_blocks_are_libebur128s(void **state)
{
    (void)state;
    ora_audio a;
    make_signal(&a, 30, 0.6);
    memset(a.samples + 5 * 22050, 0, 6 * 22050 * sizeof *a.samples); /* 6 s of silence */
    ebur128_state *st = ebur128_init(1, 22050, EBUR128_MODE_I);
    ebur128_add_frames_short(st, a.samples, a.n);
    double want;
    ebur128_loudness_global(st, &want);
    ebur128_destroy(&st);
    ora_loudness got;
    ora_error err;
    assert_int_equal(ora_loudness_measure(&a, &got, &err), 0);
    if (fabs(got.integrated_lufs - want) > 1e-6)
        fail_msg("whole: %.6f LUFS against libebur128's %.6f", got.integrated_lufs, want);
    /* Two parts, measured apart and gated together, as two workers: the
     * blocks across the cut are missed, nothing more. */
    size_t cut = 12345 * 17;
    kblocks *k[2] = {kblocks_new(22050), kblocks_new(22050)};
    assert_int_equal(kblocks_add(k[0], a.samples, cut), 0);
    assert_int_equal(kblocks_add(k[1], a.samples + cut, a.n - cut), 0);
    const double *e[2];
    size_t n[2];
    e[0] = kblocks_energies(k[0], &n[0]), e[1] = kblocks_energies(k[1], &n[1]);
    double parts = loudness_of_blocks(e, n, 2);
    if (fabs(parts - want) > 0.02)
        fail_msg("in two parts: %.4f LUFS against %.4f", parts, want);
    kblocks_free(k[0]), kblocks_free(k[1]);
    ora_audio_free(&a);
}

/* The check of encoded files works out inter-sample peaks only where they
 * could matter: its figure must still be libebur128's own, on speech and
 * on a tone near half the sample rate (whose peaks fall between samples),
 * fed in blocks that cut the filter's reach anywhere. */
static void true_peak_is_libebur128s(void **state)
{
    (void)state;
    ora_audio speech;
    make_signal(&speech, 6, 0.9);
    size_t n = speech.n;
    int16_t *tone = malloc(n * sizeof *tone);
    for (size_t i = 0; i < n; i++)
        tone[i] = (int16_t)(30000 * sin(2 * M_PI * 10000.0 * (double)i / 22050 + 0.4) *
                            (i % 22050 < 11025 ? 1.0 : 0.3));
    const int16_t *sigs[2] = {speech.samples, tone};
    for (int k = 0; k < 2; k++) {
        peak_list over = {0};
        peak_check *c = peak_check_new(22050, -3.0, &over);
        for (size_t at = 0; at < n; at += 777)
            assert_int_equal(peak_check_sink(c, sigs[k] + at, n - at < 777 ? n - at : 777), 0);
        ora_loudness got;
        ora_error err;
        assert_int_equal(peak_check_result(c, &got, &err), 0);
        double want = ebur128_peak_of(sigs[k], n, 22050);
        if (fabs(got.true_peak_dbtp - want) > 1e-9)
            fail_msg("signal %d: %.6f dBTP against libebur128's %.6f", k, got.true_peak_dbtp, want);
        assert_true(want > -3.0);
        assert_true(over.n > 0); /* the stretches over -3 dBTP are named */
        for (size_t i = 0; i < over.n; i++)
            assert_true(over.v[i].cut_db > 0 && over.v[i].end > over.v[i].start);
        peak_check_free(c);
        peak_list_free(&over);
    }
    free(tone);
    ora_audio_free(&speech);
}

/* The library's whole-buffer calls, for programs that hold a clip: every
 * format encoded into memory, with its signature, and measured back. */
static void encodes_clips_in_memory(void **state)
{
    (void)state;
    static const struct {
        ora_format fmt;
        const char *magic;
    } formats[] = {{ORA_FMT_WAV, "RIFF"}, {ORA_FMT_FLAC, "fLaC"}, {ORA_FMT_OGG, "OggS"},
                   {ORA_FMT_OPUS, "OggS"}, {ORA_FMT_MP3, "ID3"}};
    ora_audio au;
    make_signal(&au, 6, 0.5);
    ora_loudness l;
    ora_error err = {{0}};
    assert_int_equal(ora_loudness_normalize(&au, -19, -1.5, &l, &err), 0);
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
        char *data = NULL;
        size_t len = 0;
        ora_encode_options eo = {NULL, NULL, 0, -1, false};
        if (ora_encode_memory(&au, formats[k].fmt, &eo, &data, &len, &err) < 0)
            fail_msg("format %d: %s", formats[k].fmt, err.msg);
        assert_true(len > 1000);
        assert_memory_equal(data, formats[k].magic, strlen(formats[k].magic));
        ora_loudness got;
        assert_int_equal(ora_loudness_of_encoded(data, len, &got, &err), 0);
        if (fabs(got.integrated_lufs + 19) > 0.8)
            fail_msg("format %d: %.2f LUFS decoded", formats[k].fmt, got.integrated_lufs);
        free(data);
    }
    ora_audio_free(&au);
}

static void silence_is_left_alone(void **state)
{
    (void)state;
    ora_audio au;
    ora_audio_init(&au, 22050);
    assert_int_equal(ora_audio_silence(&au, 1000), 0);
    ora_loudness l;
    ora_error err;
    assert_int_equal(ora_loudness_normalize(&au, -19, -1, &l, &err), 0);
    for (size_t i = 0; i < au.n; i++)
        assert_int_equal(au.samples[i], 0);
    ora_audio_free(&au);
}

static void resample_keeps_duration(void **state)
{
    (void)state;
    ora_audio au, out;
    make_signal(&au, 3, 0.3);
    ora_error err;
    assert_int_equal(ora_audio_resample(&au, 24000, &out, &err), 0);
    assert_int_equal(out.rate, 24000);
    assert_true(labs((long)out.n - 72000) < 50);
    ora_audio_free(&au);
    ora_audio_free(&out);
}

static json_object *report_of(const char *path)
{
    json_object *j = json_object_from_file(path);
    assert_non_null(j);
    return j;
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    assert_true(json_object_object_get_ex(o, key, &v));
    return v;
}

static const char *last_segment_role(json_object *report, const char **text)
{
    json_object *segs = get(report, "segments");
    json_object *last = json_object_array_get_idx(segs, json_object_array_length(segs) - 1);
    *text = json_object_get_string(get(last, "text"));
    return json_object_get_string(get(last, "role"));
}

/* Runs oralise OPTS INPUT -o DIR/s.EXT --report DIR/s.json; returns the
 * report, or NULL when oralise failed (its stderr then has one line). */
static json_object *snippet(const char *opts, const char *input, const char *ext)
{
    char *dir = tu_tmpdir(), out[300], rep[300];
    snprintf(out, sizeof out, "%s/s.%s", dir, ext);
    snprintf(rep, sizeof rep, "%s/s.json", dir);
    tu_result r = tu_run("-q %s %s -o %s --report %s", opts, input, out, rep);
    json_object *j = NULL;
    if (r.status == 0) {
        j = report_of(rep);
        tu_audio a;
        assert_true(tu_audio_read(out, &a));
        double reported = json_object_get_double(get(j, "duration"));
        assert_true(fabs(a.seconds - reported) < 0.15);
        tu_audio_free(&a);
    } else {
        assert_int_equal(tu_count_lines(r.err), 1);
    }
    tu_result_free(&r);
    tu_rmdir(dir);
    return j;
}

/* A 30-second snippet of the paywalled sample still ends on the notice. */
static void max_duration_keeps_the_notice(void **state)
{
    (void)state;
    json_object *j = snippet("--max-duration 30 --intro 'Bonjour, voici l’article.'",
                             "samples/lemonde-atacms.txt", "wav");
    assert_non_null(j);
    double seconds = json_object_get_double(get(j, "duration"));
    assert_true(seconds <= 30.0 && seconds > 20);
    const char *text;
    assert_string_equal(last_segment_role(j, &text), "notice");
    json_object *first = json_object_array_get_idx(get(j, "segments"), 0);
    assert_string_equal(json_object_get_string(get(first, "role")), "intro");
    assert_true(json_object_get_boolean(get(j, "shortened")));
    json_object_put(j);
}

/* Without a notice, a shortened article ends on a closing line, or on the
 * --outro when there is one. */
static void max_duration_closes_free_articles(void **state)
{
    (void)state;
    const char *page = "tests/data/audio-sections.html", *text;
    json_object *j = snippet("--max-duration 9", page, "ogg");
    assert_string_equal(last_segment_role(j, &text), "outro");
    assert_string_equal(text, "Fin de l'extrait.");
    assert_true(json_object_get_double(get(j, "duration")) <= 9.0);
    json_object_put(j);
    j = snippet("--max-duration 9 --outro 'À bientôt.'", page, "mp3");
    last_segment_role(j, &text);
    assert_string_equal(text, "À bientôt.");
    json_object_put(j);
    assert_null(snippet("--max-duration 1", page, "wav")); /* too short for anything */
}

static double duration_with(const char *opts)
{
    char *dir = tu_tmpdir(), out[300];
    snprintf(out, sizeof out, "%s/p.wav", dir);
    tu_result r = tu_run("-q %s tests/data/audio-sections.html -o %s", opts, out);
    assert_int_equal(r.status, 0);
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    double s = a.seconds;
    tu_audio_free(&a);
    tu_result_free(&r);
    tu_rmdir(dir);
    return s;
}

/* One title pause and four paragraph pauses (the last paragraph too). */
static void pauses_are_configurable(void **state)
{
    (void)state;
    double base = duration_with("--pause-title 0 --pause-paragraph 0");
    double longer = duration_with("--pause-title 2000 --pause-paragraph 1000");
    if (fabs(longer - base - 6.0) > 0.6)
        fail_msg("pauses added %.2f s, wanted about 6", longer - base);
}

static void streams_wav_and_raw(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), wav[300], raw[300], cmd[4096];
    snprintf(wav, sizeof wav, "%s/s.wav", dir);
    snprintf(raw, sizeof raw, "%s/s.raw", dir);
    snprintf(cmd, sizeof cmd, "%s -q tests/data/audio-sections.html -o - | cat > %s && "
             "%s -q --raw tests/data/audio-sections.html -o - | cat > %s",
             tu_oralise(), wav, tu_oralise(), raw);
    assert_int_equal(system(cmd), 0);
    tu_audio a;
    assert_true(tu_audio_read(wav, &a));
    assert_int_equal(a.rate, 22050);
    struct stat st;
    assert_int_equal(stat(raw, &st), 0);
    double raw_seconds = (double)st.st_size / 2 / 22050;
    assert_true(fabs(raw_seconds - a.seconds) < 0.5); /* eSpeak varies a little */
    assert_true(a.seconds > 10);
    tu_audio_free(&a);
    /* A snippet is made whole, then sent: still WAV on standard output. */
    char cwd[512], bin[700];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(bin, sizeof bin, tu_oralise()[0] == '/' ? "%.0s%s" : "%s/%s", cwd, tu_oralise());
    snprintf(cmd, sizeof cmd, "cd %s && %s -q --max-duration 8 --loudness -16 "
             "%s/tests/data/audio-sections.html -o - > s.wav", dir, bin, cwd);
    assert_int_equal(system(cmd), 0);
    assert_true(tu_audio_read(wav, &a));
    assert_true(a.seconds <= 8.0 && a.seconds > 3);
    tu_audio_free(&a);
    assert_int_equal(tu_count_entries(dir), 2); /* s.wav, s.raw: no file "-" */
    /* A loudness target on standard output: made whole, leveled, sent. */
    snprintf(cmd, sizeof cmd, "cd %s && %s -q --loudness -16 %s/tests/data/audio-sections.html "
             "-o - > s.wav", dir, bin, cwd);
    assert_int_equal(system(cmd), 0);
    au_level l;
    assert_true(au_measure(wav, &l));
    if (fabs(l.lufs + 16) > 0.5 || l.peak_dbtp > -1.0)
        fail_msg("-o - --loudness -16: %.2f LUFS, %.2f dBTP", l.lufs, l.peak_dbtp);
    assert_int_equal(tu_count_entries(dir), 2);
    tu_rmdir(dir);
}

/* The sample article spoken, raw, as a .ogg's limiter levels it. */
static ora_audio leveled_speech(void)
{
    char *dir = tu_tmpdir(), raw[300], cmd[4096];
    snprintf(raw, sizeof raw, "%s/s.raw", dir);
    snprintf(cmd, sizeof cmd, "%s -q --raw samples/lemonde-atacms.txt -o - > %s", tu_oralise(), raw);
    assert_int_equal(system(cmd), 0);
    struct stat st;
    assert_int_equal(stat(raw, &st), 0);
    char *data = tu_read(raw);
    ora_audio au;
    ora_audio_init(&au, 22050);
    assert_int_equal(ora_audio_append(&au, (const int16_t *)data, (size_t)st.st_size / 2), 0);
    free(data);
    tu_rmdir(dir);
    level_settings ls = {3.4, -2.3, true, NULL};
    array_out c = level_copy(&au, &ls);
    memcpy(au.samples, c.dst, au.n * sizeof *au.samples);
    free(c.dst);
    return au;
}

typedef struct {
    peak_check *c;
    ora_audio heard; /* what the check was given */
} checked;

static int check_and_keep(void *user, const int16_t *s, size_t n)
{
    checked *k = user;
    return ora_audio_append(&k->heard, s, n) | peak_check_sink(k->c, s, n);
}

/* Encodes au to DIR/NAME.ogg as the pipeline does, checked as encoded;
 * guard as file_stream's guard_dbtp. */
static void ogg_checked(const ora_audio *au, const char *dir, const char *name, double guard,
                        bool threaded, ora_loudness *l, peak_list *over, ora_audio *heard)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s.ogg", dir, name);
    ora_encode_options eo = {NULL, NULL, 0, -1, false};
    file_stream fs;
    file_stream_init(&fs, path, ORA_FMT_OGG, &eo, au->rate);
    checked k = {peak_check_new(au->rate, -1.05, over), {0}};
    ora_audio_init(&k.heard, au->rate);
    fs.monitor = check_and_keep, fs.monitor_user = &k;
    fs.guard_dbtp = guard, fs.monitor_thread = threaded;
    for (size_t at = 0; at < au->n; at += 10000)
        assert_int_equal(file_stream_sink(&fs, au->samples + at, au->n - at < 10000 ? au->n - at : 10000), 0);
    ora_error err = {{0}};
    assert_int_equal(file_stream_close(&fs, &err), 0);
    assert_int_equal(peak_check_result(k.c, l, &err), 0);
    peak_check_free(k.c);
    file_stream_free(&fs);
    *heard = k.heard;
}

/* A .ogg is checked decoding only the packets whose input comes near the
 * ceiling (the others stand in with their input): on real speech with a
 * burst over the ceiling planted in a pause, the check is given the
 * decoded audio around the burst, the input elsewhere, and finds what
 * decoding every packet finds: the same true peak and the burst, the
 * loudness to a few hundredths. */
static void vorbis_check_decodes_what_matters(void **state)
{
    (void)state;
    ora_audio au = leveled_speech();
    assert_true(au.n > 22050 * 60);
    size_t burst = 0; /* the middle of the first 0.3 s of near silence after 20 s */
    for (size_t i = 22050 * 20, quiet = 0; i < au.n && !burst; i++) {
        quiet = abs(au.samples[i]) < 300 ? quiet + 1 : 0;
        if (quiet == 6615)
            burst = i - 3307;
    }
    assert_true(burst > 0);
    for (int i = 0; i < 882; i++) /* 40 ms of 3 kHz at -0.4 dBFS */
        au.samples[burst - 441 + i] = (int16_t)(31300 * sin(M_PI * i / 882) * sin(2 * M_PI * 3000 * i / 22050.0));
    char *dir = tu_tmpdir();
    ora_loudness all, got[2];
    peak_list over_all = {0}, over[2] = {{0}, {0}};
    ora_audio heard_all, heard[2];
    ogg_checked(&au, dir, "all", NAN, false, &all, &over_all, &heard_all);
    ogg_checked(&au, dir, "thread", -1.05, true, &got[0], &over[0], &heard[0]);
    ogg_checked(&au, dir, "here", -1.05, false, &got[1], &over[1], &heard[1]);
    assert_true(all.true_peak_dbtp > -1.0);
    for (int k = 0; k < 2; k++) {
        if (fabs(got[k].true_peak_dbtp - all.true_peak_dbtp) > 0.01 ||
            fabs(got[k].integrated_lufs - all.integrated_lufs) > 0.05)
            fail_msg("checked in part: %.3f dBTP %.3f LUFS; every packet decoded: %.3f dBTP %.3f LUFS",
                     got[k].true_peak_dbtp, got[k].integrated_lufs, all.true_peak_dbtp, all.integrated_lufs);
        bool found = false;
        for (size_t i = 0; i < over[k].n; i++)
            found |= over[k].v[i].start <= burst && burst < over[k].v[i].end;
        assert_true(found);
        assert_int_equal(over[k].n, over_all.n);
        assert_int_equal(heard[k].n, heard_all.n);
        size_t same = 0, near = 0; /* the decoded audio within 0.1 s of the burst */
        for (size_t i = 0; i < heard_all.n; i++) {
            bool at_burst = i + 2205 >= burst && i <= burst + 2205;
            same += heard[k].samples[i] == heard_all.samples[i];
            near += at_burst && heard[k].samples[i] == heard_all.samples[i];
        }
        assert_int_equal(near, 4411);
        assert_true(same < heard_all.n * 9 / 10); /* and elsewhere mostly the input */
        ora_audio_free(&heard[k]);
        peak_list_free(&over[k]);
    }
    ora_audio_free(&heard_all);
    peak_list_free(&over_all);
    ora_audio_free(&au);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loudness_reaches_target_without_clipping),
        cmocka_unit_test(limiter_blocks_are_seamless),
        cmocka_unit_test(limiter_holds_at_the_ends),
        cmocka_unit_test(cuts_turn_down_their_stretch),
        cmocka_unit_test(limiter_touches_only_what_passes),
        cmocka_unit_test(true_peak_is_libebur128s),
        cmocka_unit_test(loudness_blocks_are_libebur128s),
        cmocka_unit_test(encodes_clips_in_memory),
        cmocka_unit_test(silence_is_left_alone),
        cmocka_unit_test(resample_keeps_duration),
        cmocka_unit_test(max_duration_keeps_the_notice),
        cmocka_unit_test(max_duration_closes_free_articles),
        cmocka_unit_test(pauses_are_configurable),
        cmocka_unit_test(streams_wav_and_raw),
        cmocka_unit_test(vorbis_check_decodes_what_matters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
