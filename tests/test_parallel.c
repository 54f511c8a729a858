/* One long article split across worker processes: the joined audio has the
 * length a single process gives, segments come back in script order, and a
 * worker's failure is reported. */
#include "testutil.h"

#include <math.h>

static ora_script long_script(void)
{
    ora_script s = {0};
    s.cap = s.n = 12;
    s.segs = calloc(s.n, sizeof *s.segs);
    for (size_t i = 0; i < s.n; i++) {
        char text[256];
        snprintf(text, sizeof text, "Paragraphe numéro %zu. La phrase suivante est un peu "
                                    "plus longue que la première, pour que la voix parle.", i + 1);
        s.segs[i].role = ORA_SEG_PARAGRAPH;
        s.segs[i].written = strdup(text);
        s.segs[i].spoken = strdup(text);
        s.segs[i].pause_ms = 300;
    }
    return s;
}

static void same_length_and_order_as_one_process(void **state)
{
    (void)state;
    ora_script s = long_script();
    ora_voice_options v = {"fr", 0};
    ora_error err;
    ora_audio one, two;
    ora_audio_init(&one, 0);
    ora_audio_init(&two, 0);
    ora_timing t1[12], t2[12];
    assert_int_equal(ora_speak_script_parallel(&s, &v, 1, &one, t1, NULL, &err), 0);
    assert_int_equal(ora_speak_script_parallel(&s, &v, 3, &two, t2, NULL, &err), 0);
    assert_int_equal(one.rate, 22050);
    assert_int_equal(two.rate, 22050);
    double a = ora_audio_seconds(&one), b = ora_audio_seconds(&two);
    if (b < a * 0.97 || b > a * 1.03)
        fail_msg("one process: %.2f s, three: %.2f s", a, b);
    for (size_t i = 0; i < s.n; i++) {
        assert_true(t2[i].start_ms < t2[i].end_ms);
        if (i)
            assert_true(t2[i].start_ms >= t2[i - 1].end_ms + 250); /* the pause */
        long d1 = t1[i].end_ms - t1[i].start_ms, d2 = t2[i].end_ms - t2[i].start_ms;
        assert_true(labs(d1 - d2) < d1 / 20 + 20);
    }
    ora_audio_free(&one);
    ora_audio_free(&two);
    ora_script_free(&s);
}

static void worker_failure_is_reported(void **state)
{
    (void)state;
    ora_script s = long_script();
    ora_voice_options v = {"fr+nosuchvariant", 0};
    ora_error err;
    ora_audio au;
    ora_audio_init(&au, 0);
    assert_int_equal(ora_speak_script_parallel(&s, &v, 2, &au, NULL, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "nosuchvariant"));
    ora_audio_free(&au);
    ora_script_free(&s);
}

/* A long article through the CLI: WAV and FLAC go to the file as they are
 * spoken, by one process or two, and come out the same length, tagged,
 * with nothing left beside them. */
static void long_article_streams_to_file(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), cmd[600], p[600];
    snprintf(cmd, sizeof cmd, "sh bench/make-article.sh 2500 > %s/long.txt", d);
    assert_int_equal(system(cmd), 0);
    double seconds[3];
    const char *runs[3][2] = {{"-j 1", "one.wav"}, {"-j 2", "two.wav"}, {"-j 2", "two.flac"}};
    for (int k = 0; k < 3; k++) {
        tu_result r = tu_run("-q %s %s/long.txt -o %s/%s", runs[k][0], d, d, runs[k][1]);
        assert_int_equal(r.status, 0);
        tu_result_free(&r);
        tu_audio a;
        snprintf(p, sizeof p, "%s/%s", d, runs[k][1]);
        assert_true(tu_audio_read(p, &a));
        assert_int_equal(a.rate, 22050);
        assert_non_null(a.tags[SF_STR_TITLE]);
        assert_non_null(strstr(a.tags[SF_STR_TITLE], "Joe Biden autorise l’Ukraine"));
        seconds[k] = a.seconds;
        tu_audio_free(&a);
    }
    assert_true(seconds[0] > 600); /* about 12 minutes of speech */
    for (int k = 1; k < 3; k++)
        if (fabs(seconds[k] - seconds[0]) > seconds[0] * 0.01)
            fail_msg("%s: %.1f s against %.1f s in one process", runs[k][1], seconds[k], seconds[0]);
    assert_int_equal(tu_count_entries(d), 4); /* long.txt and the three outputs */
    tu_rmdir(d);
}

typedef struct {
    long start_ms;
    char *text;
} cue;

/* The cues of a WebVTT file: start time and text. */
static size_t read_vtt(const char *path, cue *cues, size_t max)
{
    char *vtt = tu_read(path), *save = NULL;
    assert_non_null(vtt);
    size_t n = 0;
    bool next_is_text = false;
    for (char *line = strtok_r(vtt, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        int h, m, sec, ms;
        if (sscanf(line, "%d:%d:%d.%d -->", &h, &m, &sec, &ms) == 4 && n < max) {
            cues[n].start_ms = ((h * 60L + m) * 60 + sec) * 1000 + ms;
            next_is_text = true;
        } else if (next_is_text) {
            cues[n++].text = strdup(line);
            next_is_text = false;
        }
    }
    free(vtt);
    return n;
}

/* With a transcript asked for, a long article is still spoken by two
 * processes, and the cues say the same sentences at the same times as one
 * process gives (eSpeak NG's timing drifts by a few milliseconds a
 * paragraph from one engine to another). */
static void transcript_from_two_processes(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), cmd[600], p[600];
    snprintf(cmd, sizeof cmd, "sh bench/make-article.sh 2500 > %s/long.txt", d);
    assert_int_equal(system(cmd), 0);
    static cue cues[2][400];
    size_t n[2];
    for (int k = 0; k < 2; k++) {
        tu_result r = tu_run("-q -j %d %s/long.txt -o %s/a%d.wav --vtt %s/a%d.vtt", k + 1, d, d, k, d, k);
        assert_int_equal(r.status, 0);
        tu_result_free(&r);
        snprintf(p, sizeof p, "%s/a%d.vtt", d, k);
        n[k] = read_vtt(p, cues[k], 400);
    }
    assert_true(n[0] > 50);
    assert_int_equal(n[0], n[1]);
    for (size_t i = 0; i < n[0]; i++) {
        assert_string_equal(cues[0][i].text, cues[1][i].text);
        long drift = labs(cues[0][i].start_ms - cues[1][i].start_ms);
        if (drift > 100 + cues[0][i].start_ms / 1000)
            fail_msg("cue %zu starts at %ld ms in one process, %ld ms in two", i,
                     cues[0][i].start_ms, cues[1][i].start_ms);
        free(cues[0][i].text), free(cues[1][i].text);
    }
    tu_rmdir(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_length_and_order_as_one_process),
        cmocka_unit_test(worker_failure_is_reported),
        cmocka_unit_test(long_article_streams_to_file),
        cmocka_unit_test(transcript_from_two_processes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
