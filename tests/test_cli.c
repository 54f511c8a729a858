/* The oralise binary end to end, on the real samples: what a listener
 * hears (script), what lands on disk (audio read back), and how every bad
 * input fails (one line on stderr, non-zero status, nothing left behind). */
#include "testutil.h"

static const char *const boilerplate[] = {
    "Cet article vous est offert", "Pour lire gratuitement", "Vous n'êtes pas inscrit",
    "Read in English", "Article réservé aux abonnés", "Temps de Lecture",
    "Il vous reste", "La suite est réservée", "Lecture du Monde",
    "sur un seul appareil", "Ce message s’affichera", "mot de passe",
    "Lecture restreinte", "Votre abonnement", "service commercial",
    "partenaires", "Accepter et continuer", "multicomptes", "Dans la même rubrique",
    "journal numérique", "Mots croisés", "Tous droits réservés", "Consulter",
    "Se connecter", "Partager", NULL};

static const char *const free_text[] = {
    "Joe Biden autorise l’Ukraine à utiliser des missiles à longue portée",
    "Washington a finalement cédé à une demande faite par Kiève", /* Kiev, said in French */
    "Douze jours après l’élection présidentielle américaine",
    "a-t-on appris de source officielle dimanche dix-sept novembre",
    "Il s’agit ici de repousser la contre-attaque de Moscou",
    "forte de près de cinquante mille hommes, dont dix mille Nord-Coréens",
    "libère une main attachée dans le dô", /* "dos", said in French, not English */
    "qui compte pousser en faveur de négociations", NULL};

static char *last_line(const char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == '\n')
        n--;
    size_t start = n;
    while (start && s[start - 1] != '\n')
        start--;
    return strndup(s + start, n - start);
}

static void assert_script_of_sample(const char *input)
{
    tu_result r = tu_run("--print=script %s", input);
    assert_int_equal(r.status, 0);
    for (const char *const *p = free_text; *p; p++)
        if (!strstr(r.out, *p))
            fail_msg("%s: missing from the script: %s", input, *p);
    for (const char *const *p = boilerplate; *p; p++)
        if (strstr(r.out, *p))
            fail_msg("%s: boilerplate in the script: %s", input, *p);
    assert_non_null(strstr(r.out, "Publié le dix-huit novembre deux mille vingt-quatre."));
    assert_non_null(strstr(r.out, "les missiles Atakèmss"));
    assert_null(strstr(r.out, "ATACMS"));
    assert_null(strpbrk(r.out, "0123456789")); /* every number said in words */
    char *last = last_line(r.out);
    assert_string_equal(last, "Fin de la partie gratuite de cet article. Il en reste "
                              "environ soixante-quatorze pour cent, réservés aux abonnés.");
    free(last);
    assert_null(strstr(r.out, "Un tir de missile tactique")); /* captions off */
    tu_result_free(&r);
}

static void text_sample_script(void **state)
{
    (void)state;
    assert_script_of_sample("samples/lemonde-atacms.txt");
}

static void html_sample_script(void **state)
{
    (void)state;
    assert_script_of_sample("samples/lemonde-atacms.html");
    tu_result r = tu_run("--print=script samples/lemonde-atacms.html");
    assert_non_null(strstr(r.out, "Par Piotr Smolar (Washington, correspondant)."));
    tu_result_free(&r);
}

static void captions_and_notice_options(void **state)
{
    (void)state;
    tu_result r = tu_run("--print=script --captions samples/lemonde-atacms.html");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Un tir de missile tactique (Atakèmss)"));
    assert_null(strstr(r.out, "AP")); /* the photo credit is not read */
    tu_result_free(&r);

    r = tu_run("--print=script --notice 'La suite est payante.' samples/lemonde-atacms.txt");
    char *last = last_line(r.out);
    assert_string_equal(last, "La suite est payante.");
    free(last);
    tu_result_free(&r);

    r = tu_run("--print=script --no-notice samples/lemonde-atacms.txt");
    assert_null(strstr(r.out, "Fin de la partie gratuite"));
    last = last_line(r.out);
    assert_non_null(strstr(last, "négociations."));
    free(last);
    tu_result_free(&r);
}

static void article_json(void **state)
{
    (void)state;
    tu_result r = tu_run("--print=article samples/lemonde-atacms.html");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"truncated\":true"));
    assert_non_null(strstr(r.out, "\"remaining_percent\":73.51"));
    assert_non_null(strstr(r.out, "\"site\":\"Le Monde\""));
    tu_result_free(&r);
}

/* Speech at eSpeak NG's default rate runs 2 to 4 words a second; a file far
 * outside that is truncated or padded. */
static void assert_duration_fits_script(const char *input, double seconds)
{
    tu_result r = tu_run("--print=script %s", input);
    int words = tu_word_count(r.out);
    tu_result_free(&r);
    double wps = words / seconds;
    if (wps < 2.0 || wps > 4.0)
        fail_msg("%s: %d words in %.1f s (%.2f words/s)", input, words, seconds, wps);
}

static void ogg_from_text_copy(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), out[256];
    snprintf(out, sizeof out, "%s/atacms.ogg", dir);
    tu_result r = tu_run("-q samples/lemonde-atacms.txt -o %s", out);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, ""); /* -q */
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    assert_int_equal(a.rate, 22050);
    assert_int_equal(a.channels, 1);
    assert_duration_fits_script("samples/lemonde-atacms.txt", a.seconds);
    assert_string_equal(a.tags[SF_STR_TITLE], "Joe Biden autorise l’Ukraine à utiliser des missiles à longue portée pour frapper la Russie en profondeur");
    assert_string_equal(a.tags[SF_STR_DATE], "2024-11-18T01:58");
    assert_string_equal(a.tags[SF_STR_GENRE], "Speech");
    tu_audio_free(&a);
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(dir), 1); /* no temporary file left */
    tu_rmdir(dir);
}

static void wav_from_page_with_tags(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), out[256];
    snprintf(out, sizeof out, "%s/atacms.wav", dir);
    tu_result r = tu_run("samples/lemonde-atacms.html -o %s", out);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "paywall notice")); /* progress in words */
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    assert_duration_fits_script("samples/lemonde-atacms.html", a.seconds);
    assert_string_equal(a.tags[SF_STR_ARTIST], "Piotr Smolar (Washington, correspondant)");
    assert_string_equal(a.tags[SF_STR_ALBUM], "Le Monde");
    assert_non_null(strstr(a.tags[SF_STR_COMMENT], "https://www.lemonde.fr/international/"));
    tu_audio_free(&a);
    tu_result_free(&r);
    tu_rmdir(dir);
}

static void wav_to_standard_output(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), cmd[600], out[256];
    snprintf(out, sizeof out, "%s/stream.wav", dir);
    snprintf(cmd, sizeof cmd, "%s -q samples/lemonde-atacms.txt -o - | cat > %s", tu_oralise(), out);
    assert_int_equal(system(cmd), 0);
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    assert_int_equal(a.rate, 22050);
    assert_true(a.seconds > 60);
    tu_audio_free(&a);
    tu_rmdir(dir);
}

static void normalize_filter_keeps_lines(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), in[256];
    snprintf(in, sizeof in, "%s/in.txt", dir);
    const char *text = "Le 18 novembre 2024 à 01h58.\n\nIl vous reste 73.51%.\n50 000 hommes\n";
    tu_write(in, text, strlen(text));
    tu_result r = tu_run("--normalize < %s", in);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "Le dix-huit novembre deux mille vingt-quatre à une heure cinquante-huit.\n"
                               "\n"
                               "Il vous reste soixante-treize virgule cinquante et un pour cent.\n"
                               "cinquante mille hommes\n");
    tu_result_free(&r);
    tu_rmdir(dir);
}

static void help_and_version(void **state)
{
    (void)state;
    tu_result r = tu_run("--help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: oralise"));
    assert_null(strchr(r.out, '\033')); /* no colour codes */
    tu_result_free(&r);
    r = tu_run("--version");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, ORA_VERSION));
    tu_result_free(&r);
}

/* One bad run: non-zero status, exactly one line on stderr that contains
 * `expect`, and the folder holds only what the test put there. */
static void assert_fails_cleanly(const char *dir, int entries, const char *expect,
                                 const char *fmt, ...)
{
    char args[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    tu_result r = tu_run("%s", args);
    if (r.status == 0 || r.status >= 128)
        fail_msg("oralise %s: status %d", args, r.status);
    if (tu_count_lines(r.err) != 1 || strncmp(r.err, "oralise: ", 9) != 0)
        fail_msg("oralise %s: stderr is not one line: %s", args, r.err);
    if (!strstr(r.err, expect))
        fail_msg("oralise %s: stderr lacks \"%s\": %s", args, expect, r.err);
    assert_string_equal(r.out, "");
    assert_int_equal(tu_count_entries(dir), entries);
    tu_result_free(&r);
}

/* A data table is announced by default; --tables reads its rows with
 * their headers, as words. */
static void tables_option(void **state)
{
    (void)state;
    const char *page = "tests/fixtures/html/regional-table.html";
    tu_result r = tu_run("--print=script %s", page);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Tableau : Résultats du premier tour."));
    assert_null(strstr(r.out, "Saint-Aubin"));
    tu_result_free(&r);
    r = tu_run("--print=script --tables %s", page);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Tableau : Résultats du premier tour."));
    assert_non_null(strstr(r.out, "Commune : Saint-Aubin, Participation : soixante et un "
                                  "virgule deux pour cent, Élu : Marc Levasseur."));
    tu_result_free(&r);
    r = tu_run("--help");
    assert_non_null(strstr(r.out, "--tables"));
    tu_result_free(&r);
}

/* A page with no article is refused with its reason, and nothing is
 * written; --print=article still shows what was found. */
static void login_and_front_pages_are_refused(void **state)
{
    (void)state;
    char out[] = "/tmp/oralise-test-XXXXXX.wav";
    int fd = mkstemps(out, 4);
    close(fd);
    unlink(out);
    tu_result r = tu_run("tests/fixtures/html/not-login.html -o %s", out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "a login form"));
    assert_int_equal(access(out, F_OK), -1);
    tu_result_free(&r);
    r = tu_run("--print=article tests/fixtures/html/not-front-page.html");
    assert_non_null(strstr(r.out, "\"not_article\":\"a front page of headlines\""));
    assert_non_null(strstr(r.out, "\"title\":\"La Gazette du Bocage\""));
    tu_result_free(&r);
}

static void bad_inputs_fail_cleanly(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), p[256];
    snprintf(p, sizeof p, "%s/empty.txt", d);
    tu_write(p, "  \n\n", 4);
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    snprintf(p, sizeof p, "%s/image.html", d);
    tu_write(p, (const char *)png, sizeof png);
    snprintf(p, sizeof p, "%s/control.txt", d); /* no NUL, but control bytes: binary */
    tu_write(p, "Le caf\xe9\x01\x02\x1b de la gare\n", 22);
    snprintf(p, sizeof p, "%s/nav.html", d);
    const char *nav = "<html><body><nav><a href='/'>Accueil</a></nav></body></html>";
    tu_write(p, nav, strlen(nav));
    snprintf(p, sizeof p, "%s/reponse.html", d); /* an API's answer saved as a page */
    const char *json = "{\"titre\": \"Le marché couvert rouvre\", \"texte\": [\"Les commerçants ont retrouvé leurs étals.\"]}\n";
    tu_write(p, json, strlen(json));
    const int n = 5;

    assert_fails_cleanly(d, n, "No such file", "%s/missing.txt -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "is empty", "%s/empty.txt -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "binary", "%s/image.html -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "binary", "%s/control.txt -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "no article", "%s/nav.html -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "JSON data", "%s/reponse.html -o %s/x.ogg", d, d);
    assert_fails_cleanly(d, n, "JSON data", "--print=article %s/reponse.html", d);
    assert_fails_cleanly(d, n, "binary", "--print=article %s/image.html", d);
    assert_fails_cleanly(d, n, "cannot write", "samples/lemonde-atacms.txt -o %s/no/such/dir/x.ogg", d);
    assert_fails_cleanly(d, n, "audio format", "samples/lemonde-atacms.txt -o %s/x.xyz", d);
    assert_fails_cleanly(d, n, "unknown voice", "--voice klingon samples/lemonde-atacms.txt -o %s/x.ogg", d);
    assert_fails_cleanly(d, n, "variant", "--voice fr+nosuch samples/lemonde-atacms.txt -o %s/x.ogg", d);
    assert_fails_cleanly(d, n, "rate", "--rate 2000 samples/lemonde-atacms.txt -o %s/x.ogg", d);
    assert_fails_cleanly(d, n, "no output", "samples/lemonde-atacms.txt");
    assert_fails_cleanly(d, n, "no INPUT", "-o %s/x.ogg", d);
    assert_fails_cleanly(d, n, "unknown option", "--frobnicate samples/lemonde-atacms.txt");
    assert_fails_cleanly(d, n, "lexicon", "--lexicon %s/empty.txt samples/lemonde-atacms.txt -o %s/x.ogg", d, d);
    tu_rmdir(d);
}

/* A front page holds no article: no audio, one line that says so; but
 * --print=article still shows what the reader found, to see why. */
static void no_article_no_audio(void **state)
{
    (void)state;
    static const char page[] = "tests/fixtures/html/non-article-une.html";
    char *d = tu_tmpdir();
    assert_fails_cleanly(d, 0, "no article", "%s -o %s/une.ogg", page, d);
    tu_result r = tu_run("--print=article %s", page);
    assert_int_not_equal(r.status, 0);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.out, "\"not_article\""));
    assert_non_null(strstr(r.out, "\"blocks\""));
    tu_result_free(&r);
    tu_rmdir(d);
}

static void failed_run_keeps_existing_output(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), out[256];
    snprintf(out, sizeof out, "%s/keep.ogg", d);
    tu_write(out, "previous", 8);
    tu_result r = tu_run("--voice fr+nosuch samples/lemonde-atacms.txt -o %s", out);
    assert_int_not_equal(r.status, 0);
    char *kept = tu_read(out);
    assert_string_equal(kept, "previous");
    free(kept);
    tu_result_free(&r);
    tu_rmdir(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_sample_script),
        cmocka_unit_test(html_sample_script),
        cmocka_unit_test(captions_and_notice_options),
        cmocka_unit_test(article_json),
        cmocka_unit_test(ogg_from_text_copy),
        cmocka_unit_test(wav_from_page_with_tags),
        cmocka_unit_test(wav_to_standard_output),
        cmocka_unit_test(normalize_filter_keeps_lines),
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(tables_option),
        cmocka_unit_test(login_and_front_pages_are_refused),
        cmocka_unit_test(bad_inputs_fail_cleanly),
        cmocka_unit_test(no_article_no_audio),
        cmocka_unit_test(failed_run_keeps_existing_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
