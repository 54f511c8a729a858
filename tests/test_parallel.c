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
    assert_int_equal(ora_speak_script_parallel(&s, &v, 1, &one, t1, &err), 0);
    assert_int_equal(ora_speak_script_parallel(&s, &v, 3, &two, t2, &err), 0);
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
    assert_int_equal(ora_speak_script_parallel(&s, &v, 2, &au, NULL, &err), -1);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_length_and_order_as_one_process),
        cmocka_unit_test(worker_failure_is_reported),
        cmocka_unit_test(long_article_streams_to_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
