/* Transcripts: valid WebVTT and SubRip, one cue per sentence, in the
 * written form ("18 novembre 2024", not the words said), timed inside the
 * audio; and the cue builder on its own with a hand-made alignment. */
#include "audioutil.h"

static long parse_time(const char *s, char frac)
{
    int h, m, sec, ms;
    char f;
    if (sscanf(s, "%2d:%2d:%2d%c%3d", &h, &m, &sec, &f, &ms) != 5 || f != frac ||
        strlen(s) < 12 || m > 59 || sec > 59)
        return -1;
    return ((h * 60L + m) * 60 + sec) * 1000 + ms;
}

/* Checks a WebVTT file the way a browser's parser would reject it:
 * header, "start --> end" lines, non-empty cue text with no blank line,
 * no "-->" and no bare "<" or "&". Returns the number of cues. */
static int check_vtt(char *text, long max_ms)
{
    assert_true(strncmp(text, "WEBVTT\n\n", 8) == 0);
    int cues = 0;
    long last_start = -1;
    char *save, *block = text + 8;
    for (char *b = strtok_r(block, "\n", &save); b;) {
        char *timing = strstr(b, "-->") ? b : strtok_r(NULL, "\n", &save);
        assert_non_null(timing);
        char start[16], end[16];
        assert_int_equal(sscanf(timing, "%15s --> %15s", start, end), 2);
        long s = parse_time(start, '.'), e = parse_time(end, '.');
        assert_true(s >= 0 && e > s && e <= max_ms + 50);
        assert_true(s >= last_start);
        last_start = s;
        char *line = strtok_r(NULL, "\n", &save);
        assert_non_null(line);
        assert_null(strstr(line, "-->"));
        assert_null(strchr(line, '<'));
        for (char *amp = strchr(line, '&'); amp; amp = strchr(amp + 1, '&'))
            assert_true(!strncmp(amp, "&amp;", 5) || !strncmp(amp, "&lt;", 4) || !strncmp(amp, "&gt;", 4));
        cues++;
        b = strtok_r(NULL, "\n", &save);
    }
    return cues;
}

static void vtt_and_srt_of_a_page(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), wav[300], vtt[300], srt[300];
    snprintf(wav, sizeof wav, "%s/a.wav", dir);
    snprintf(vtt, sizeof vtt, "%s/a.vtt", dir);
    snprintf(srt, sizeof srt, "%s/a.srt", dir);
    tu_result r = tu_run("-q tests/data/audio-sections.html -o %s --vtt %s --srt %s", wav, vtt, srt);
    assert_int_equal(r.status, 0);
    tu_audio a;
    assert_true(tu_audio_read(wav, &a));
    char *v = tu_read(vtt), *s = tu_read(srt);
    /* The written form, through the normalizer's alignment. */
    assert_non_null(strstr(v, "\nLe deuxième paragraphe parle du 18 novembre 2024 à 01h58.\n"));
    assert_non_null(strstr(v, "\nIl compte deux phrases &amp; un signe.\n"));
    assert_non_null(strstr(s, "\nIl compte deux phrases & un signe.\n"));
    assert_null(strstr(v, "dix-huit"));
    char *copy = strdup(v);
    int cues = check_vtt(copy, (long)(a.seconds * 1000));
    assert_int_equal(cues, 8); /* title, heading and six sentences */
    free(copy);
    assert_true(strncmp(s, "1\n00:00:00,000 --> ", 19) == 0);
    assert_non_null(strstr(s, "\n\n8\n"));
    free(v), free(s);
    tu_audio_free(&a);
    tu_result_free(&r);
    tu_rmdir(dir);
}

static void vtt_of_the_sample_is_valid(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), vtt[300];
    snprintf(vtt, sizeof vtt, "%s/a.vtt", dir);
    tu_result r = tu_run("-q samples/lemonde-atacms.txt -o - --vtt %s > /dev/null", vtt);
    assert_int_equal(r.status, 0);
    char *v = tu_read(vtt);
    assert_non_null(strstr(v, "missiles ATACMS")); /* as written */
    assert_true(check_vtt(v, 200000) > 10);
    free(v);
    tu_result_free(&r);
    tu_rmdir(dir);
}

/* The builder alone: marks at characters 0 and 20 of the spoken text
 * ("le dix-huit mai. Il pleut." counted in code points) map back to the
 * written "le 18 mai. Il pleut.". */
static void cues_from_marks(void **state)
{
    (void)state;
    const char *written = "le 18 mai. Il pleut.";
    const char *spoken = "le dix-huit mai. Il pleut.";
    ora_span spans[] = {{0, 3, 0, 3}, {3, 11, 3, 5}, {11, 26, 5, 20}};
    ora_normalized nz = {(char *)spoken, strlen(spoken), spans, 3, 3, NULL, 0};
    ora_mark marks[] = {{0, 0}, {17, 22050}};
    ora_transcript t = {0};
    assert_int_equal(ora_transcript_add_segment(&t, 0, written, &nz, marks, 2, 44100, 22050), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.cues[0].text, "le 18 mai.");
    assert_string_equal(t.cues[1].text, "Il pleut.");
    assert_int_equal(t.cues[1].start_ms, 1000);
    assert_int_equal(t.cues[1].end_ms, 2000);
    char *srt = ora_transcript_srt(&t);
    assert_string_equal(srt, "1\n00:00:00,000 --> 00:00:01,000\nle 18 mai.\n\n"
                             "2\n00:00:01,000 --> 00:00:02,000\nIl pleut.\n");
    free(srt);
    ora_transcript_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vtt_and_srt_of_a_page),
        cmocka_unit_test(vtt_of_the_sample_is_valid),
        cmocka_unit_test(cues_from_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
