/* The voice follows the article's language: an English article is read by
 * eSpeak NG's English voice, as written (the normalizer is French only),
 * and says so; a language eSpeak NG lacks is a clear failure. */
#include "testutil.h"

/* Written for this test: an English news story with a year and an amount
 * that the French normalizer would turn into French words. */
static const char english[] =
    "Harbour town votes to rebuild its old pier\n\n"
    "The town council voted on Monday to rebuild the old pier, which was closed "
    "in 2021 after a storm tore away most of its deck and left the lifeboat "
    "station without a safe landing.\n\n"
    "The work will cost about 4 million pounds, and the council said it hoped "
    "that fishermen and visitors would be able to use the pier again by the end "
    "of next summer.\n\n"
    "Several residents who spoke at the meeting said they had waited far too long "
    "for a decision, and that the town had lost many of its summer visitors since "
    "the storm.\n";

static void english_text_has_english_voice(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "pier.txt", english);
    tu_result r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"en\""));
    tu_result_free(&r);

    r = tu_run("--print=script %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "closed in 2021 after a storm")); /* as written */
    assert_null(strstr(r.out, "vingt"));
    tu_result_free(&r);

    char out[600];
    snprintf(out, sizeof out, "%s/pier.wav", dir);
    r = tu_run("%s -o %s", in, out);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "\"en\" voice"));
    assert_non_null(strstr(r.err, "French only"));
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    /* 90 words at eSpeak NG's 175 words a minute: about half a minute. */
    assert_true(a.seconds > 20 && a.seconds < 50);
    tu_audio_free(&a);
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

static void chosen_voice_wins(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "pier.txt", english);
    char out[600];
    snprintf(out, sizeof out, "%s/pier.wav", dir);
    tu_result r = tu_run("--voice fr %s -o %s", in, out);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.err, "French only"));
    tu_result_free(&r);
    r = tu_run("--voice fr --print=script %s", in);
    assert_non_null(strstr(r.out, "deux mille vingt et un")); /* French reading */
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

static void french_stays_french(void **state)
{
    (void)state;
    tu_result r = tu_run("--print=article samples/lemonde-atacms.txt");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"fr\""));
    tu_result_free(&r);
}

static void language_without_voice_fails(void **state)
{
    (void)state;
    /* A page that declares a language eSpeak NG lacks, with text whose
     * function words name no language it knows. */
    static const char page[] =
        "<!DOCTYPE html><html lang=\"tlh\"><head><title>Qapla</title></head><body>"
        "<article><h1>Qapla batlh tIqIp</h1>"
        "<p>tlhIngan maH yIghoS qaStaHvIS wa leS jaghpu chaH DaqIppu qaStaHvIS "
        "ramjep wa DIvI veng tIn ghoSpu mangghom yIn law puS.</p>"
        "<p>Heghlu meH QaQ jajvam Qapla batlh tIqIp vIghoSpu jIyaj qaStaHvIS "
        "wej ram yIHaD mangghom lugh tIn veng DIvI chaH ghoS.</p>"
        "</article></body></html>";
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "qapla.html", page);
    char out[600];
    snprintf(out, sizeof out, "%s/qapla.ogg", dir);
    tu_result r = tu_run("%s -o %s", in, out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "\"tlh\""));
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_false(tu_exists(out));
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_text_has_english_voice),
        cmocka_unit_test(chosen_voice_wins),
        cmocka_unit_test(french_stays_french),
        cmocka_unit_test(language_without_voice_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
