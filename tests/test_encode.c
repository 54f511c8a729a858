/* Every output format read back: rate, duration, UTF-8 tags, chapters
 * (Vorbis comments, ID3 CHAP/CTOC, the JSON report) and loudness with
 * true peak, measured with libebur128 on the decoded audio. */
#include "audioutil.h"

#include <json-c/json.h>

#define SAMPLE "samples/lemonde-atacms.html"
#define TITLE "Joe Biden autorise l’Ukraine à utiliser des missiles à longue portée pour frapper la Russie en profondeur"
/* The samples are cut by --max-duration: the notice says that the
 * excerpt ends, not how much of the article is left. */
#define NOTICE_CHAPTER "Fin de l'extrait."

typedef struct {
    char *dir, audio[300], report[300];
    json_object *json;
} run;

/* Speaks the sample's first 40 seconds (and the notice) into NAME. */
static void run_sample(run *r, const char *name, const char *extra)
{
    r->dir = tu_tmpdir();
    snprintf(r->audio, sizeof r->audio, "%s/%s", r->dir, name);
    snprintf(r->report, sizeof r->report, "%s/report.json", r->dir);
    tu_result res = tu_run("-q --max-duration 40 %s " SAMPLE " -o %s --report %s",
                           extra, r->audio, r->report);
    if (res.status != 0)
        fail_msg("oralise failed: %s", res.err);
    tu_result_free(&res);
    r->json = json_object_from_file(r->report);
    assert_non_null(r->json);
    assert_int_equal(tu_count_entries(r->dir), 2); /* no temporary left */
}

static void run_free(run *r)
{
    json_object_put(r->json);
    tu_rmdir(r->dir);
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    assert_true(json_object_object_get_ex(o, key, &v));
    return v;
}

static void check_read_back(const run *r, int rate)
{
    tu_audio a;
    assert_true(tu_audio_read(r->audio, &a));
    assert_int_equal(a.rate, rate);
    assert_int_equal(a.channels, 1);
    double reported = json_object_get_double(get(r->json, "duration"));
    if (fabs(a.seconds - reported) > 0.15)
        fail_msg("%s: %.3f s read back, %.3f s reported", r->audio, a.seconds, reported);
    assert_true(a.seconds <= 40.05 && a.seconds > 20);
    assert_string_equal(a.tags[SF_STR_TITLE], TITLE);
    assert_string_equal(a.tags[SF_STR_ARTIST], "Piotr Smolar (Washington, correspondant)");
    tu_audio_free(&a);
}

static void check_level(const run *r, double target, double tolerance)
{
    au_level l;
    assert_true(au_measure(r->audio, &l));
    if (fabs(l.lufs - target) > tolerance)
        fail_msg("%s: %.2f LUFS, wanted %.1f ± %.1f", r->audio, l.lufs, target, tolerance);
    if (l.peak_dbtp > -1.0)
        fail_msg("%s: true peak %.2f dBTP over -1", r->audio, l.peak_dbtp);
    /* The report tells what the file measures (Opus: as it was encoded). */
    json_object *rl = get(r->json, "loudness");
    double lufs = json_object_get_double(get(rl, "integrated_lufs"));
    double peak = json_object_get_double(get(rl, "true_peak_dbtp"));
    if (fabs(lufs - l.lufs) > 0.05 || fabs(peak - l.peak_dbtp) > 0.05)
        fail_msg("%s: reported %.2f LUFS %.2f dBTP, measured %.2f LUFS %.2f dBTP",
                 r->audio, lufs, peak, l.lufs, l.peak_dbtp);
}

/* The chapters as the report gives them: title block, then the notice. */
static void check_report_chapters(const run *r)
{
    json_object *ch = get(r->json, "chapters");
    size_t n = json_object_array_length(ch);
    assert_true(n >= 2);
    assert_string_equal(json_object_get_string(get(json_object_array_get_idx(ch, 0), "title")), TITLE);
    assert_string_equal(json_object_get_string(get(json_object_array_get_idx(ch, n - 1), "title")), NOTICE_CHAPTER);
    assert_true(json_object_get_boolean(get(r->json, "shortened")));
    assert_true(json_object_get_boolean(get(get(r->json, "paywall"), "truncated")));
    /* Times are on the clock of the audio as written (Opus is resampled):
     * the notice, last, ends with it, but for the silence after it. */
    json_object *segs = get(r->json, "segments");
    json_object *last = json_object_array_get_idx(segs, (int)json_object_array_length(segs) - 1);
    double end = json_object_get_double(get(last, "end"));
    double duration = json_object_get_double(get(r->json, "duration"));
    double pad = json_object_get_double(get(r->json, "pad"));
    if (fabs(end + pad - duration) > 0.1)
        fail_msg("%s: the last part ends at %.3f s, %.3f s of silence, the audio at %.3f s",
                 r->audio, end, pad, duration);
}

/* The Vorbis comment "CHAPTERnnn=hh:mm:ss.mmm" of the report's chapter k. */
static void check_chapter_comment(const run *r, const unsigned char *pkt, size_t len, int k)
{
    json_object *ch = json_object_array_get_idx(get(r->json, "chapters"), k);
    long ms = lround(json_object_get_double(get(ch, "start")) * 1000);
    char entry[64];
    snprintf(entry, sizeof entry, "CHAPTER%03d=%02ld:%02ld:%02ld.%03ld", k, ms / 3600000,
             ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
    if (!au_has_comment(pkt, len, entry))
        fail_msg("%s: no comment %s", r->audio, entry);
}

static void check_ogg_comments(const run *r)
{
    size_t len;
    unsigned char *pkt = au_ogg_comment_packet(r->audio, &len);
    assert_non_null(pkt);
    assert_true(au_has_comment(pkt, len, "TITLE=" TITLE));
    assert_true(au_has_comment(pkt, len, "GENRE=Speech"));
    assert_true(au_has_comment(pkt, len, "CHAPTER000=00:00:00.000"));
    assert_true(au_has_comment(pkt, len, "CHAPTER000NAME=" TITLE));
    assert_true(au_has_comment(pkt, len, "CHAPTER001NAME=" NOTICE_CHAPTER));
    check_chapter_comment(r, pkt, len, 1);
    free(pkt);
}

static void wav(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.wav", "");
    check_read_back(&r, 22050);
    check_level(&r, -22.4, 1.5); /* eSpeak NG's own level, untouched */
    check_report_chapters(&r);
    run_free(&r);
}

static void wav_with_loudness(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.wav", "--loudness -16");
    check_level(&r, -16, 0.5); /* -16 needs the limiter: peaks would pass 0 dBFS */
    run_free(&r);
}

static void flac(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.flac", "--quality 1");
    check_read_back(&r, 22050);
    check_report_chapters(&r);
    run_free(&r);
}

static void ogg_vorbis(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.ogg", "");
    check_read_back(&r, 22050);
    check_level(&r, -19, 0.5);
    check_ogg_comments(&r);
    check_report_chapters(&r);
    run_free(&r);
}

static void ogg_opus(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.opus", "--quality 0.2");
    check_read_back(&r, 24000);
    check_level(&r, -19, 0.5);
    check_ogg_comments(&r);
    check_report_chapters(&r);
    run_free(&r);
}

/* A page long enough to be encoded while it is spoken (two cores): many
 * sections, each under its own heading. */
static char *long_sections_page(const char *dir)
{
    size_t cap = 65536, len = 0;
    char *b = malloc(cap);
    len += (size_t)snprintf(b + len, cap - len, "<!DOCTYPE html><html lang=\"fr\"><head><title>Un "
                            "long été</title></head><body><article><h1>Un long été à Paris</h1>");
    for (int i = 1; i <= 40; i++) /* 9,000 characters: spoken on two cores */
        len += (size_t)snprintf(b + len, cap - len, "<h2>Partie numéro %d</h2><p>Le paragraphe %d "
                                "raconte l’été des habitants, les terrasses pleines et les rues vides "
                                "du mois d’août. Il compte deux phrases.</p><p>Le suivant, le %d bis, "
                                "parle des orages du soir et des trains du retour, bondés et en retard, "
                                "sous une chaleur lourde.</p>", i, i, i);
    snprintf(b + len, cap - len, "</article></body></html>");
    char *path = tu_write_in(dir, "long.html", b);
    free(b);
    return path;
}

/* "HH:MM:SS.mmm" → ms. */
static long clock_ms(const char *s)
{
    int h, m, sec, ms;
    return sscanf(s, "%d:%d:%d.%d", &h, &m, &sec, &ms) == 4 ? ((h * 60L + m) * 60 + sec) * 1000 + ms : -1;
}

/* The chapter times a Vorbis comment packet holds, against the report's. */
static void check_comment_times(const char *audio, json_object *chapters)
{
    size_t len = 0;
    unsigned char *pkt = au_ogg_comment_packet(audio, &len);
    assert_non_null(pkt);
    size_t n = json_object_array_length(chapters);
    assert_true(n >= 20);
    for (size_t k = 0; k < n; k++) {
        char key[32];
        int klen = snprintf(key, sizeof key, "CHAPTER%03zu=", k);
        long want = lround(json_object_get_double(get(json_object_array_get_idx(chapters, (int)k), "start")) * 1000);
        const unsigned char *hit = NULL;
        for (size_t i = 0; i + (size_t)klen < len && !hit; i++)
            if (memcmp(pkt + i, key, (size_t)klen) == 0)
                hit = pkt + i + klen;
        assert_non_null(hit);
        char when[16] = {0};
        memcpy(when, hit, 12);
        if (labs(clock_ms(when) - want) > 1)
            fail_msg("%s: chapter %zu at %s in the header, %ld ms in the report", audio, k, when, want);
    }
    free(pkt);
}

/* A long article to .ogg, .mp3 and .opus on two cores is encoded while it is
 * spoken, its header written before the chapters are timed and again
 * after: the times in the file are the report's, the level and the peak
 * hold, and the audio lasts what one process makes. */
static void encoded_while_spoken(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char *page = long_sections_page(dir);
    const char *names[4] = {"two.ogg", "two.mp3", "two.opus", "one.ogg"};
    const char *jobs[4] = {"-j 2", "-j 2", "-j 2", "-j 1"};
    double seconds[4];
    for (int k = 0; k < 4; k++) {
        run r;
        snprintf(r.audio, sizeof r.audio, "%s/%s", dir, names[k]);
        snprintf(r.report, sizeof r.report, "%s/%s.json", dir, names[k]);
        tu_result res = tu_run("-q %s %s -o %s --report %s", jobs[k], page, r.audio, r.report);
        assert_int_equal(res.status, 0);
        tu_result_free(&res);
        char *json = tu_read(r.report);
        r.json = json_tokener_parse(json);
        free(json);
        check_level(&r, -19, 0.5);
        json_object *ch = get(r.json, "chapters");
        if (k == 1) {
            char *data = tu_read(r.audio);
            const unsigned char *p = (const unsigned char *)data;
            size_t n = au_synchsafe(p + 6), len;
            for (size_t c = 1; c < json_object_array_length(ch); c++) {
                const unsigned char *f = au_id3_frame(p + 10, n, "CHAP", c, &len);
                assert_non_null(f);
                size_t id = strlen((const char *)f) + 1;
                long start = (long)f[id] << 24 | f[id + 1] << 16 | f[id + 2] << 8 | f[id + 3];
                long want = lround(json_object_get_double(get(json_object_array_get_idx(ch, (int)c), "start")) * 1000);
                assert_true(start > 0 && labs(start - want) <= 1);
            }
            free(data);
        } else
            check_comment_times(r.audio, ch);
        seconds[k] = json_object_get_double(get(r.json, "duration"));
        json_object_put(r.json);
    }
    assert_true(seconds[3] > 150);
    for (int k = 0; k < 3; k++)
        if (fabs(seconds[k] - seconds[3]) > seconds[3] * 0.01)
            fail_msg("%s: %.1f s against %.1f s in one process", names[k], seconds[k], seconds[3]);
    free(page);
    tu_rmdir(dir);
}

/* The ID3v2.4 tag read frame by frame: UTF-8 text frames, a CTOC listing
 * the CHAP frames, each CHAP with its times and a TIT2. */
static void check_id3(const char *path, const run *r)
{
    char *data = tu_read(path);
    const unsigned char *p = (const unsigned char *)data;
    assert_memory_equal(p, "ID3\4\0", 5);
    size_t n = au_synchsafe(p + 6);
    const unsigned char *frames = p + 10;
    char *t = au_id3_text(frames, n, "TIT2", 0);
    assert_string_equal(t, TITLE);
    free(t);
    t = au_id3_text(frames, n, "TCON", 0);
    assert_string_equal(t, "Speech");
    free(t);
    size_t len;
    const unsigned char *toc = au_id3_frame(frames, n, "CTOC", 0, &len);
    assert_non_null(toc);
    assert_memory_equal(toc, "toc\0\3", 5);
    size_t chapters = toc[5];
    assert_int_equal(chapters, json_object_array_length(get(r->json, "chapters")));
    const unsigned char *last = au_id3_frame(frames, n, "CHAP", chapters - 1, &len);
    assert_non_null(last);
    size_t id = strlen((const char *)last) + 1;
    unsigned long start = (unsigned long)last[id] << 24 | last[id + 1] << 16 | last[id + 2] << 8 | last[id + 3];
    json_object *jc = json_object_array_get_idx(get(r->json, "chapters"), (int)chapters - 1);
    assert_true(labs((long)start - (long)(json_object_get_double(get(jc, "start")) * 1000)) <= 1);
    char *name = au_id3_text(last + id + 16, len - id - 16, "TIT2", 0);
    assert_string_equal(name, NOTICE_CHAPTER);
    free(name);
    free(data);
}

static void mp3(void **state)
{
    (void)state;
    run r;
    run_sample(&r, "a.mp3", "");
    check_read_back(&r, 22050);
    check_level(&r, -19, 0.5);
    check_id3(r.audio, &r);
    run_free(&r);
}

/* Each sub-heading starts a chapter. */
static void heading_chapters(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), out[300];
    snprintf(out, sizeof out, "%s/s.ogg", dir);
    tu_result res = tu_run("-q tests/data/audio-sections.html -o %s", out);
    assert_int_equal(res.status, 0);
    size_t len;
    unsigned char *pkt = au_ogg_comment_packet(out, &len);
    assert_true(au_has_comment(pkt, len, "CHAPTER000NAME=Un été à Paris : l’heure des choix"));
    assert_true(au_has_comment(pkt, len, "CHAPTER001NAME=Une deuxième partie"));
    free(pkt);
    tu_result_free(&res);
    tu_rmdir(dir);
}

static void bad_outputs_leave_nothing(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    tu_result r = tu_run("-q tests/data/audio-sections.html -o %s/a.ogg --vtt %s/missing/a.vtt", dir, dir);
    assert_int_not_equal(r.status, 0);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_int_equal(tu_count_entries(dir), 0); /* not even the audio */
    tu_result_free(&r);
    r = tu_run("-q tests/data/audio-sections.html -o %s/a.mp3 --loudness loud", dir);
    assert_int_equal(r.status, 2);
    tu_result_free(&r);
    r = tu_run("-q tests/data/audio-sections.html -o %s/a.mp3 --quality 3", dir);
    assert_int_equal(r.status, 2);
    tu_result_free(&r);
    tu_rmdir(dir);
}

/* Whether process pid holds a file open in dir (named or not). */
static bool writes_in(pid_t pid, const char *dir)
{
    char fds[64], link[600], target[600];
    snprintf(fds, sizeof fds, "/proc/%d/fd", (int)pid);
    DIR *d = opendir(fds);
    struct dirent *e;
    bool found = false;
    while (d && !found && (e = readdir(d))) {
        snprintf(link, sizeof link, "%s/%s", fds, e->d_name);
        ssize_t n = readlink(link, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        found = n > 0 && strncmp(target, dir, strlen(dir)) == 0 && target[strlen(dir)] == '/';
    }
    if (d)
        closedir(d);
    return found;
}

static void kill_while_writing(const char *name)
{
    char *dir = tu_tmpdir(), *tmp = tu_tmpdir(), out[300];
    snprintf(out, sizeof out, "%s/%s", dir, name);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setenv("TMPDIR", tmp, 1);
        execl(tu_oralise(), "oralise", "-q", SAMPLE, "-o", out, (char *)NULL);
        _exit(127);
    }
    bool writing = false;
    for (int i = 0; i < 6000 && !writing && !waitpid(pid, NULL, WNOHANG); i++)
        if (!(writing = writes_in(pid, dir)))
            usleep(2000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    assert_true(writing);
    assert_int_equal(tu_count_entries(dir), 0);
    assert_int_equal(tu_count_entries(tmp), 0);
    tu_rmdir(dir);
    tu_rmdir(tmp);
}

/* Killed outright while it writes, a run leaves nothing behind: neither
 * its output nor the speech it spooled has a name until complete. Each
 * compressed format, as the sample's two minutes are long enough for the
 * encoder to start while the speech is still being made. */
static void killed_run_leaves_nothing(void **state)
{
    (void)state;
    static const char *const names[] = {"a.opus", "a.ogg", "a.mp3"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        kill_while_writing(names[k]);
}

/* The spool goes to TMPDIR: one it cannot use is said in one line. */
static void unusable_tmpdir_is_reported(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    setenv("TMPDIR", "/nonexistent/oralise", 1);
    tu_result r = tu_run("-q " SAMPLE " -o %s/a.ogg", dir);
    unsetenv("TMPDIR");
    assert_int_not_equal(r.status, 0);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "TMPDIR=/nonexistent/oralise"));
    assert_int_equal(tu_count_entries(dir), 0);
    tu_result_free(&r);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wav),        cmocka_unit_test(wav_with_loudness),
        cmocka_unit_test(flac),       cmocka_unit_test(ogg_vorbis),
        cmocka_unit_test(ogg_opus),   cmocka_unit_test(mp3),
        cmocka_unit_test(heading_chapters),
        cmocka_unit_test(encoded_while_spoken),
        cmocka_unit_test(bad_outputs_leave_nothing),
        cmocka_unit_test(killed_run_leaves_nothing),
        cmocka_unit_test(unusable_tmpdir_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
