/* Transcripts: valid WebVTT and SubRip, in the written form ("18 novembre
 * 2024", not the words said), timed inside the audio, one cue per sentence
 * with --cues sentence; and the cue builders on their own with a
 * hand-made alignment (test_captions.c has the short cues of the
 * samples). */
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
 * header, "start --> end" lines, one or two lines of non-empty cue text
 * with no blank line, no "-->" and no bare "<" or "&". Returns the number
 * of cues. */
static int check_vtt(char *text, long max_ms)
{
    assert_true(strncmp(text, "WEBVTT\n\n", 8) == 0);
    int cues = 0;
    long last_start = -1;
    char *save, *block = text + 8;
    /* Cues are separated by one blank line: cut the text there first. */
    for (char *p = strstr(block, "\n\n"); p; p = strstr(p + 2, "\n\n"))
        p[1] = '\f';
    for (char *b = strtok_r(block, "\f", &save); b; b = strtok_r(NULL, "\f", &save)) {
        char *timing = strchr(b, '\n');
        assert_non_null(timing);
        timing++;
        char start[16], end[16];
        assert_int_equal(sscanf(timing, "%15s --> %15s", start, end), 2);
        long s = parse_time(start, '.'), e = parse_time(end, '.');
        assert_true(s >= 0 && e > s && e <= max_ms + 50);
        assert_true(s >= last_start);
        last_start = s;
        char *line = strchr(timing, '\n');
        assert_non_null(line);
        line++;
        assert_true(*line && *line != '\n');
        assert_true(tu_count_lines(line) <= ORA_CUE_LINES);
        assert_null(strstr(line, "-->"));
        assert_null(strchr(line, '<'));
        for (char *amp = strchr(line, '&'); amp; amp = strchr(amp + 1, '&'))
            assert_true(!strncmp(amp, "&amp;", 5) || !strncmp(amp, "&lt;", 4) || !strncmp(amp, "&gt;", 4));
        cues++;
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
    tu_result r = tu_run("-q tests/data/audio-sections.html -o %s --vtt %s --srt %s --cues sentence",
                         wav, vtt, srt);
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

/* Word marks at every word start of an ASCII-or-UTF-8 text (char_pos in
 * code points), one every ms_per_word, and one sentence mark at 0. */
static void uniform_marks(const char *spoken, long ms_per_word, int rate, ora_marks *m)
{
    size_t ch = 0, k = 0;
    m->v = calloc(1, sizeof *m->v);
    m->n = m->cap = 1;
    m->words = calloc(strlen(spoken) + 1, sizeof *m->words);
    for (const char *p = spoken; *p; p++) {
        if (*p != ' ' && (p == spoken || p[-1] == ' '))
            m->words[k] = (ora_mark){ch, (size_t)(k * ms_per_word * rate / 1000)}, k++;
        ch += ((unsigned char)*p & 0xC0) != 0x80;
    }
    m->n_words = m->cap_words = k;
}

static ora_normalized identity(const char *text, ora_span *span)
{
    *span = (ora_span){0, strlen(text), 0, strlen(text)};
    return (ora_normalized){(char *)text, strlen(text), span, 1, 1, NULL, 0};
}

/* Word times from word events: "50 000", rewritten as a whole into
 * "cinquante mille", starts where "cinquante" does; "000", which no event
 * names, gets a share of the time by length; the cue keeps them together. */
static void words_from_events(void **state)
{
    (void)state;
    const char *written = "Il a vu 50 000 hommes, dit-on.";
    const char *spoken = "Il a vu cinquante mille hommes, dit-on.";
    ora_span spans[] = {{0, 8, 0, 8}, {8, 23, 8, 14}, {23, 39, 14, 30}};
    ora_normalized nz = {(char *)spoken, strlen(spoken), spans, 3, 3, NULL, 0};
    ora_mark sentence = {0, 0};
    ora_mark words[] = {{0, 0}, {3, 2205}, {5, 4410}, {8, 6615}, {18, 13230}, {24, 17640}, {32, 24255}};
    ora_marks m = {&sentence, 1, 1, words, 7, 7};
    ora_transcript t = {0};
    assert_int_equal(ora_transcript_add_timed(&t, 0, written, &nz, &m, 0, 30870, 22050,
                                              ORA_CUES_SHORT), 0);
    const char *want[] = {"Il", "a", "vu", "50", "000", "hommes", "dit-on"};
    long starts[] = {0, 100, 200, 300, 514, 800, 1100};
    assert_int_equal(t.n_words, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(t.words[i].text, want[i]);
        assert_int_equal(t.words[i].start_ms, starts[i]);
        assert_int_equal(t.words[i].end_ms, i + 1 < 7 ? starts[i + 1] : 1400);
    }
    assert_int_equal(t.n, 1);
    assert_string_equal(t.cues[0].text, written);
    assert_int_equal(t.cues[0].end_ms, 1400);
    assert_true(t.cues[0].ends_sentence);
    ora_transcript_free(&t);
}

/* A sentence too long for one cue is cut at its comma, each cue on two
 * even lines; spoken slowly, into cues of at most seven seconds. */
static void long_sentence_cut_at_its_comma(void **state)
{
    (void)state;
    const char *text = "Le gouvernement a présenté mardi un projet de loi très attendu sur "
                       "les retraites, que les syndicats jugent injuste et que le patronat salue.";
    ora_span span;
    ora_normalized nz = identity(text, &span);
    ora_marks m = {0};
    uniform_marks(text, 300, 22050, &m);
    ora_transcript t = {0};
    size_t end = m.n_words * 300 * 22050 / 1000;
    assert_int_equal(ora_transcript_add_timed(&t, 0, text, &nz, &m, 0, end, 22050, ORA_CUES_SHORT), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.cues[0].text, "Le gouvernement a présenté mardi un projet\n"
                                        "de loi très attendu sur les retraites,");
    assert_string_equal(t.cues[1].text, "que les syndicats jugent injuste\net que le patronat salue.");
    assert_false(t.cues[0].ends_sentence);
    assert_true(t.cues[1].ends_sentence);
    assert_int_equal(t.cues[0].end_ms, t.cues[1].start_ms);
    ora_transcript_free(&t);
    ora_marks_free(&m);

    uniform_marks(text, 1000, 22050, &m); /* a word a second */
    end = m.n_words * 22050;
    assert_int_equal(ora_transcript_add_timed(&t, 0, text, &nz, &m, 0, end, 22050, ORA_CUES_SHORT), 0);
    assert_true(t.n >= 4);
    for (size_t i = 0; i < t.n; i++)
        assert_true(t.cues[i].end_ms - t.cues[i].start_ms <= ORA_CUE_MAX_MS);
    ora_transcript_free(&t);
    ora_marks_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vtt_and_srt_of_a_page),
        cmocka_unit_test(vtt_of_the_sample_is_valid),
        cmocka_unit_test(cues_from_marks),
        cmocka_unit_test(words_from_events),
        cmocka_unit_test(long_sentence_cut_at_its_comma),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
