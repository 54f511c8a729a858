/* Runs of English inside French: found by the word lists, spoken by the
 * English voice (checked on the phonemes eSpeak NG makes while it speaks,
 * traced in this process), timed in the transcript as the French voice
 * alone would time the sentences, and shown by --print=ssml.
 *
 * The word lists are Debian's wamerican and wfrench (scripts/install-deps);
 * without them the tests that need them are skipped. */
#include "testutil.h"

#include <espeak-ng/speak_lib.h>
#include <libxml/parser.h>

#include "normalize/normalize.h"

static bool have_lists(void)
{
    return tu_exists("/usr/share/dict/american-english") && tu_exists("/usr/share/dict/french");
}

static ora_normalizer *switching_normalizer(void)
{
    ora_error err;
    ora_normalizer *n = ora_normalizer_new("fr", &err);
    assert_non_null(n);
    assert_int_equal(ora_normalizer_set_lang_switch(n, true, &err), 0);
    return n;
}

/* The runs of text, as "[run][run]". */
static char *runs_of(const ora_normalizer *n, const char *text, ora_normalized *r)
{
    ora_error err;
    assert_int_equal(ora_normalize(n, text, strlen(text), r, &err), 0);
    size_t cap = 16;
    for (size_t k = 0; k < r->n_runs; k++)
        cap += r->runs[k].end - r->runs[k].start + 2;
    char *out = calloc(1, cap);
    assert_non_null(out);
    for (size_t k = 0; k < r->n_runs; k++) {
        assert_string_equal(r->runs[k].lang, "en");
        strcat(out, "[");
        strncat(out, r->text + r->runs[k].start, r->runs[k].end - r->runs[k].start);
        strcat(out, "]");
    }
    return out;
}

static void expect_runs(const ora_normalizer *n, const char *text, const char *want)
{
    ora_normalized r;
    char *got = runs_of(n, text, &r);
    if (strcmp(got, want) != 0)
        print_error("%s\n  runs %s, expected %s\n", text, got, want);
    assert_string_equal(got, want);
    free(got);
    ora_normalized_free(&r);
}

static void finds_english_runs(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    ora_normalizer *n = switching_normalizer();
    expect_runs(n, "Le groupe a racheté la société Mountain Water Systems en mars.",
                "[Mountain Water Systems]");
    expect_runs(n, "Elle lisait le Daily Gazette chaque matin.", "[Daily Gazette]");
    expect_runs(n, "Son slogan, « never give up », a fait le tour des réseaux.",
                "[never give up]");
    /* A quotation all of whose words English has, though French has some
     * ("have", "are"), is English. */
    expect_runs(n, "Il a repris « I have a dream » devant la foule.", "[I have a dream]");
    expect_runs(n, "Les supporteurs chantaient « We are the champions » hier.",
                "[We are the champions]");
    /* Spaces are stepped over by whole characters: a stray byte of a
     * no-break space at the start is no quotation (libFuzzer found the
     * look-back running before the text). */
    expect_runs(n, "\xa0&&&# ", "");
    expect_runs(n, "\xc2\xa0\xc2\xab game over \xc2\xbb", "[game over]");
    /* A French elision before the run stays French. */
    expect_runs(n, "Il dirige l'Ocean Freight Company depuis deux ans.",
                "[Ocean Freight Company]");
    ora_normalizer_free(n);
}

/* Do no harm: single borrowed words, names of people, acronyms and French
 * sentences are left to the French voice. */
static void leaves_french_alone(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    ora_normalizer *n = switching_normalizer();
    const char *french[] = {
        "Le parking du centre est fermé tout le week-end.",
        "Envoyez un email au service client avant lundi.",
        "Bill Gates et Tim Cook ont rencontré Donald Trump.",
        "M. Wood a reçu Mme Baker à la mairie.",
        "La NASA et le FBI ont publié un rapport commun.",
        "Le leader du groupe a donné un show devant les fans.",
        "Il a fait un match nul contre Lyon samedi soir.",
        "Elle a « le look » et « la start-up » a son « must have ».",
    };
    for (size_t k = 0; k < sizeof french / sizeof *french; k++)
        expect_runs(n, french[k], "");
    /* Every sentence raw eSpeak NG already says right is French. */
    char *data = tu_read("tests/golden/espeak-right.txt");
    assert_non_null(data);
    int lines = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !line[0])
            continue;
        expect_runs(n, line, "");
        lines++;
    }
    assert_true(lines > 100);
    free(data);
    ora_normalizer_free(n);
}

/* Without the switch, a normalizer finds no run: the lists are not read. */
static void off_by_default(void **state)
{
    (void)state;
    ora_error err;
    ora_normalizer *n = ora_normalizer_new("fr", &err);
    assert_non_null(n);
    expect_runs(n, "La société Mountain Water Systems a été vendue.", "");
    ora_normalizer_free(n);
}

/* The engine with the French voice, as oralise starts it. */
static void speak_french(void)
{
    ora_error err;
    ora_voice_options v = {"fr", 0};
    assert_int_equal(ora_speak_init(&v, &err), 0);
}

/* The phonemes eSpeak NG makes of text with voice, in IPA, on one line. */
static char *phonemes_with(const char *voice, const char *text)
{
    assert_int_equal(espeak_SetVoiceByName(voice), EE_OK);
    const void *p = text;
    const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, espeakPHONEMES_IPA);
    assert_non_null(ph);
    return strdup(ph);
}

/* What eSpeak NG said while oralise spoke text with its runs: the phoneme
 * trace of the synthesis itself, one line per clause. */
static char *spoken_phonemes(const char *text, const ora_lang_run *runs, size_t n_runs)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    espeak_SetPhonemeTrace(espeakPHONEMES_IPA, f);
    ora_audio au;
    ora_audio_init(&au, ora_speak_sample_rate());
    ora_error err;
    assert_int_equal(ora_speak_runs_marks(text, runs, n_runs, &au, NULL, &err), 0);
    assert_true(au.n > 0);
    ora_audio_free(&au);
    espeak_SetPhonemeTrace(0, NULL);
    fclose(f);
    return buf;
}

/* text as the normalizer gives it (its runs must be want_runs), and what
 * eSpeak NG said of it with the runs (*with) and without them (*without,
 * when asked). */
static void said_of(const char *text, const char *want_runs, char **with, char **without)
{
    ora_normalizer *n = switching_normalizer();
    ora_normalized r;
    char *runs = runs_of(n, text, &r);
    assert_string_equal(runs, want_runs);
    *with = spoken_phonemes(r.text, r.runs, r.n_runs);
    if (without)
        *without = spoken_phonemes(r.text, NULL, 0);
    free(runs);
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

static void run_is_spoken_in_english(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    speak_french();
    const char *run = "Mountain Water Systems";
    char *en = phonemes_with("en", run), *fr = phonemes_with("fr", run);
    speak_french(); /* back to French */
    assert_string_not_equal(en, fr); /* the test can tell them apart */

    char *with, *without;
    said_of("La société Mountain Water Systems a été vendue hier.", "[Mountain Water Systems]", &with,
            &without);
    print_message("switch: %s  no switch: %s  en: %s\n  fr: %s\n", with, without, en, fr);
    assert_non_null(strstr(with, en));     /* the English voice said the run */
    assert_null(strstr(without, en));      /* the French voice alone does not */
    assert_non_null(strstr(with, "etˈe vɑ̃dˈy")); /* and the rest is still French */
    free(with);
    free(without);
    free(en);
    free(fr);
}

/* "le rapport de l'<voice en>Army Corps</voice>": said alone before the
 * run, "l'" was the letter L (/ˈɛl/) and "d'" the letter D (/dˈe/). The
 * article is said with the run's word instead, /l/ or /d/ and the word. */
static void elided_article_before_a_run_is_no_letter(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    speak_french();
    char *letter_l = phonemes_with("fr", "l'"), *letter_d = phonemes_with("fr", "d'");
    speak_french();
    char *said;
    said_of("Le rapport de l'Army Corps of Engineers et d'Amnesty International est paru.",
            "[Army Corps of Engineers][Amnesty International]", &said, NULL);
    print_message("said: %s\n  letter l: %s  letter d: %s\n", said, letter_l, letter_d);
    assert_null(strstr(said, "ˈɛl"));       /* no letter L */
    assert_null(strstr(said, letter_d));   /* no letter D */
    assert_non_null(strstr(said, "lˈɑːmi")); /* "l'Army" as one word */
    assert_non_null(strstr(said, "dˈamn"));  /* "d'Amnesty" */
    free(said);
    /* a word eSpeak NG's own rules hand to English, with no run: the
     * English voice spelled its article too ("l'Hudson" /'Elh'Vds@n/) */
    said = spoken_phonemes("Les rives de l'Hudson et l’Eden du jardin.", NULL, 0);
    print_message("said: %s\n", said);
    assert_null(strstr(said, "ˈɛl"));
    assert_non_null(strstr(said, "lˈʌdsən")); /* "l'Hudson" as one word */
    assert_non_null(strstr(said, "ʒaʁdˈɛ̃"));  /* the rest is French */
    free(said);
    free(letter_l);
    free(letter_d);
}

/* eSpeak NG's French rules hand a word ending in a consonant and y to its
 * English voice: "Sarkozy" and "Cergy" came out /sˈɑːkɒzi/, /sˈɜːdʒi/. The
 * normalizer writes such names with an i, so the French voice says them;
 * a name the English list holds ("Johnny") keeps eSpeak NG's reading. */
static void french_names_ending_in_y_stay_french(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    speak_french();
    const char *text = "Nicolas Sarkozy a parlé à Cergy avec Johnny.";
    char *raw = spoken_phonemes(text, NULL, 0);
    assert_non_null(strstr(raw, "ɑːk")); /* the test can tell the readings apart */

    ora_normalizer *n = switching_normalizer();
    ora_normalized r;
    char *runs = runs_of(n, text, &r);
    assert_string_equal(runs, "");
    assert_string_equal(r.text, "Nicolas Sarkozi a parlé à Cergi avec Johnny.");
    char *said = spoken_phonemes(r.text, r.runs, r.n_runs);
    print_message("raw: %s  normalized: %s\n", raw, said);
    assert_non_null(strstr(said, "saʁkozˈi"));
    assert_non_null(strstr(said, "sɛʁʒˈi"));
    free(said);
    free(raw);
    free(runs);
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

/* Letters of another script are said by that script's voice: a Russian
 * name in Cyrillic, not its letters spelled by the French voice. */
static void cyrillic_run_is_spoken_in_russian(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    speak_french();
    const char *name = "\xd0\x95\xd0\xba\xd0\xb0\xd1\x82\xd0\xb5\xd1\x80\xd0\xb8\xd0\xbd\xd0\xb0"; /* Екатерина */
    char *ru = phonemes_with("ru", name);
    speak_french();

    ora_error err;
    ora_normalizer *n = switching_normalizer();
    ora_normalized r;
    char text[128];
    snprintf(text, sizeof text, "Elle est n\xc3\xa9""e %s \xc3\xa0 Moscou.", name);
    assert_int_equal(ora_normalize(n, text, strlen(text), &r, &err), 0);
    assert_int_equal(r.n_runs, 1);
    assert_string_equal(r.runs[0].lang, "ru");
    assert_int_equal(r.runs[0].end - r.runs[0].start, strlen(name));
    char *with = spoken_phonemes(r.text, r.runs, r.n_runs);
    char *without = spoken_phonemes(r.text, NULL, 0);
    print_message("switch: %s\n  no switch: %s\n  ru: %s\n", with, without, ru);
    assert_non_null(strstr(with, ru)); /* the Russian voice said the name */
    assert_null(strstr(without, ru));
    assert_true(strlen(without) > strlen(with)); /* French spells each letter */
    free(with);
    free(without);
    ora_normalized_free(&r);
    ora_normalizer_free(n);
    free(ru);
}

/* One mark per sentence, with or without the switch: a run inside a
 * sentence starts none, and each mark points at the same character. */
static void marks_stay_on_sentences(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    speak_french();
    ora_error err;
    ora_normalizer *n = switching_normalizer();
    ora_normalized r;
    const char *text = "Le rapport est sorti lundi. La société Mountain Water Systems a "
                       "été vendue hier. Les salariés attendent la suite.";
    free(runs_of(n, text, &r));
    assert_int_equal(r.n_runs, 1);
    ora_marks with = {0}, without = {0};
    ora_audio a, b;
    ora_audio_init(&a, ora_speak_sample_rate());
    ora_audio_init(&b, ora_speak_sample_rate());
    assert_int_equal(ora_speak_runs_marks(r.text, r.runs, r.n_runs, &a, &with, &err), 0);
    assert_int_equal(ora_speak_runs_marks(r.text, NULL, 0, &b, &without, &err), 0);
    assert_int_equal(with.n, 3);
    assert_int_equal(with.n, without.n);
    for (size_t k = 0; k < with.n; k++) {
        assert_int_equal(with.v[k].char_pos, without.v[k].char_pos);
        /* the English run is longer or shorter than the French reading, so
         * the later sentences move, but by no more than a second */
        long d = (long)with.v[k].sample - (long)without.v[k].sample;
        assert_true(labs(d) < ora_speak_sample_rate());
    }
    assert_true(with.v[1].sample < with.v[2].sample);
    ora_marks_free(&with);
    ora_marks_free(&without);
    ora_audio_free(&a);
    ora_audio_free(&b);
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

static char *write_article(void)
{
    char *dir = tu_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/article.html", dir);
    const char *page =
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        "<title>Un fonds rach\u00e8te une entreprise d'eau</title></head><body><article>"
        "<h1>Un fonds rach\u00e8te une entreprise d'eau</h1>"
        "<p>Le rapport est sorti lundi &amp; mardi. La soci\u00e9t\u00e9 Mountain Water "
        "Systems a \u00e9t\u00e9 vendue hier \u00e0 un fonds am\u00e9ricain pour une somme "
        "inconnue. Les salari\u00e9s attendent la suite avec inqui\u00e9tude, selon les "
        "syndicats de l'entreprise.</p>"
        "<p>Le nouveau propri\u00e9taire promet de garder les trois usines de la r\u00e9gion "
        "et de recruter cette ann\u00e9e, a-t-il dit lors d'une r\u00e9union avec les "
        "\u00e9lus du d\u00e9partement.</p>"
        "<p>Les \u00e9lus restent prudents et demandent des garanties \u00e9crites sur "
        "l'emploi, les salaires et les investissements pr\u00e9vus dans les usines.</p>"
        "</article></body></html>\n";
    tu_write(path, page, strlen(page));
    return dir;
}

/* Each line of --print=ssml is an SSML document; the run is in a <voice>
 * only while switching is on. */
static void print_ssml_parses(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    char *dir = write_article();
    tu_result r = tu_run("--print=ssml '%s/article.html'", dir);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "<voice xml:lang=\"en\">Mountain Water Systems</voice>"));
    int docs = 0;
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n"), docs++) {
        xmlDocPtr doc = xmlReadMemory(line, (int)strlen(line), "ssml.xml", NULL, XML_PARSE_NONET);
        if (!doc)
            print_error("not XML: %s\n", line);
        assert_non_null(doc);
        assert_string_equal((const char *)xmlDocGetRootElement(doc)->name, "speak");
        xmlFreeDoc(doc);
    }
    assert_true(docs >= 2);
    tu_result_free(&r);
    r = tu_run("--print=ssml --no-lang-switch '%s/article.html'", dir);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "<speak"));
    assert_null(strstr(r.out, "<voice"));
    assert_non_null(strstr(r.out, "Mountain Water Systems"));
    tu_result_free(&r);
    tu_rmdir(dir);
}

/* The transcript of an article with a run has the cues of the same
 * sentences as without the switch, at nearly the same times. */
static int vtt_starts(const char *vtt, long *ms, int max)
{
    int n = 0;
    for (const char *p = vtt; (p = strstr(p, " --> ")) && n < max; p += 5) {
        int h, m, s, f;
        if (sscanf(p - 12, "%d:%d:%d.%d", &h, &m, &s, &f) == 4)
            ms[n++] = ((h * 60L + m) * 60 + s) * 1000 + f;
    }
    return n;
}

static void transcript_keeps_times(void **state)
{
    (void)state;
    if (!have_lists())
        skip();
    char *dir = write_article();
    /* One cue per sentence: the sentences are what must keep their times. */
    tu_result a = tu_run("'%s/article.html' -o '%s/a.wav' --vtt '%s/a.vtt' -q --cues sentence",
                         dir, dir, dir);
    tu_result b = tu_run("--no-lang-switch '%s/article.html' -o '%s/b.wav' --vtt '%s/b.vtt' -q "
                         "--cues sentence", dir, dir, dir);
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 0);
    char pa[600], pb[600];
    snprintf(pa, sizeof pa, "%s/a.vtt", dir);
    snprintf(pb, sizeof pb, "%s/b.vtt", dir);
    char *va = tu_read(pa), *vb = tu_read(pb);
    long ta[32], tb[32];
    int na = vtt_starts(va, ta, 32), nb = vtt_starts(vb, tb, 32);
    assert_true(na >= 4);
    assert_int_equal(na, nb);
    for (int k = 0; k < na; k++)
        assert_true(labs(ta[k] - tb[k]) < 1000);
    /* the same sentences, as written */
    assert_non_null(strstr(va, "La société Mountain Water Systems a été vendue hier"));
    assert_int_equal(tu_count_lines(va), tu_count_lines(vb));
    free(va);
    free(vb);
    tu_result_free(&a);
    tu_result_free(&b);
    tu_rmdir(dir);
}

int main(void)
{
    xmlInitParser();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_english_runs),
        cmocka_unit_test(leaves_french_alone),
        cmocka_unit_test(off_by_default),
        cmocka_unit_test(run_is_spoken_in_english),
        cmocka_unit_test(elided_article_before_a_run_is_no_letter),
        cmocka_unit_test(cyrillic_run_is_spoken_in_russian),
        cmocka_unit_test(french_names_ending_in_y_stay_french),
        cmocka_unit_test(marks_stay_on_sentences),
        cmocka_unit_test(print_ssml_parses),
        cmocka_unit_test(transcript_keeps_times),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ora_speak_shutdown();
    xmlCleanupParser();
    return rc;
}
