/* Speech: voices and variants (eSpeak NG takes an unknown variant
 * silently, oralise must not), rate and pitch limits, and the sentence
 * marks with their running offset across espeak_Synthesize calls. */
#include "testutil.h"

static void list_voices(void **state)
{
    (void)state;
    tu_result r = tu_run("--list-voices");
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "fr\t", 3) == 0);
    assert_non_null(strstr(r.out, "\nfr-be\t"));
    assert_non_null(strstr(r.out, "\nfr-ch\t"));
    assert_non_null(strstr(r.out, "\nfr+f3\t"));
    tu_result_free(&r);
}

static void bad_voices_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {"fr+nosuchvariant", "tlh", "fr-fr", "fr+../x", "+f3", "fr+", NULL};
    char *dir = tu_tmpdir();
    for (const char *const *v = bad; *v; v++) {
        tu_result r = tu_run("-q --voice '%s' tests/data/audio-sections.html -o %s/a.wav", *v, dir);
        if (r.status == 0 || tu_count_lines(r.err) != 1 || !strstr(r.err, "voice"))
            fail_msg("--voice %s: status %d, %s", *v, r.status, r.err);
        tu_result_free(&r);
    }
    assert_int_equal(tu_count_entries(dir), 0);
    tu_rmdir(dir);
}

static void bad_rate_and_pitch_rejected(void **state)
{
    (void)state;
    const char *args[] = {"--rate 500", "--rate 20", "--pitch 120", "--pitch x", NULL};
    for (const char **a = args; *a; a++) {
        tu_result r = tu_run("-q %s tests/data/audio-sections.html -o /tmp/never.wav", *a);
        assert_int_not_equal(r.status, 0);
        assert_int_equal(tu_count_lines(r.err), 1);
        tu_result_free(&r);
    }
    assert_false(tu_exists("/tmp/never.wav"));
}

static double seconds_of(const ora_voice_options *v, int pitch, const char *text)
{
    ora_error err;
    if (ora_speak_set_pitch(pitch, &err) < 0 || ora_speak_init(v, &err) < 0)
        fail_msg("%s", err.msg);
    ora_audio au;
    ora_audio_init(&au, ora_speak_sample_rate());
    assert_int_equal(ora_speak_text(text, &au, &err), 0);
    double s = ora_audio_seconds(&au);
    ora_audio_free(&au);
    ora_speak_shutdown();
    return s;
}

static void voices_rate_and_pitch_speak(void **state)
{
    (void)state;
    const char *text = "Quatre-vingt-dix-sept personnes sont venues ce matin.";
    ora_voice_options slow = {"fr-be+f2", 120}, fast = {"fr-ch", 300};
    double s = seconds_of(&slow, 30, text), f = seconds_of(&fast, 70, text);
    assert_true(s > f * 1.8); /* 2.5× the rate, with tolerance */
}

/* Marks of two calls into one buffer: the second call's samples restart
 * at 0 inside eSpeak NG, oralise adds what was already there. Sentence and
 * word positions count characters, not bytes. */
static void marks_keep_a_running_offset(void **state)
{
    (void)state;
    ora_error err;
    ora_voice_options v = {"fr", 0};
    assert_int_equal(ora_speak_init(&v, &err), 0);
    ora_audio au;
    ora_audio_init(&au, ora_speak_sample_rate());
    ora_marks m = {0};
    const char *text = "Élan été. Deuxième phrase ici, avec une virgule. Troisième.";
    assert_int_equal(ora_speak_text_marks(text, &au, &m, &err), 0);
    size_t first_len = au.n;
    assert_int_equal(m.n, 3);
    assert_int_equal(m.v[0].char_pos, 0);
    assert_int_equal(m.v[1].char_pos, 10); /* characters, not bytes: "Élan été. " */
    assert_true(m.v[1].sample > 0 && m.v[2].sample > m.v[1].sample);
    /* Word events, in characters too: "été" starts at 5 (7 bytes in). */
    assert_int_equal(m.n_words, 9);
    assert_int_equal(m.words[0].char_pos, 0);
    assert_int_equal(m.words[1].char_pos, 5);
    assert_int_equal(m.words[2].char_pos, 10);
    for (size_t i = 1; i < m.n_words; i++)
        assert_true(m.words[i].char_pos > m.words[i - 1].char_pos &&
                    m.words[i].sample > m.words[i - 1].sample && m.words[i].sample < first_len);
    assert_int_equal(ora_speak_text_marks("Encore une.", &au, &m, &err), 0);
    assert_int_equal(m.n, 4);
    assert_int_equal(m.v[3].sample, first_len);
    assert_int_equal(m.n_words, 11); /* a new text counts from 0 again */
    assert_int_equal(m.words[9].char_pos, 0);
    assert_int_equal(m.words[9].sample, first_len);
    ora_marks_free(&m);
    ora_audio_free(&au);
    ora_speak_shutdown();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_voices),
        cmocka_unit_test(bad_voices_rejected),
        cmocka_unit_test(bad_rate_and_pitch_rejected),
        cmocka_unit_test(voices_rate_and_pitch_speak),
        cmocka_unit_test(marks_keep_a_running_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
