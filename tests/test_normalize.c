/* The normalizer against golden cases (tests/golden/normalize*.tsv), its
 * alignment, voices, user lexicons and the --normalize line filter. The
 * normalizer is the real one with the real data files of lexicons/. */
#include "testutil.h"

#include "normalize/normalize.h"

/* A normalizer that writes plain French: the eSpeak NG respellings off. */
static ora_normalizer *plain_normalizer(const char *voice)
{
    ora_error err;
    ora_normalizer *n = ora_normalizer_new(voice, &err);
    assert_non_null(n);
    respell_table_free(&n->respell);
    return n;
}

static char *norm(const ora_normalizer *n, const char *text)
{
    ora_error err;
    char *s = ora_normalize_string(n, text, &err);
    assert_non_null(s);
    return s;
}

/* Runs every written<TAB>expected line of a golden file; prints each
 * failure and fails once at the end, so one run shows them all. */
static void run_golden(const ora_normalizer *n, const char *path)
{
    char *data = tu_read(path);
    assert_non_null(data);
    int cases = 0, failures = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        char *got = norm(n, line);
        cases++;
        if (strcmp(got, tab + 1) != 0) {
            failures++;
            print_message("%s\n  written : %s\n  expected: %s\n  got     : %s\n", path, line,
                          tab + 1, got);
        }
        free(got);
    }
    free(data);
    print_message("%s: %d cases, %d failures\n", path, cases, failures);
    assert_true(cases > 0);
    assert_int_equal(failures, 0);
}

static void golden_plain(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    run_golden(n, "tests/golden/normalize.tsv");
    ora_normalizer_free(n);
}

static void golden_espeak(void **state)
{
    (void)state;
    ora_error err;
    ora_normalizer *n = ora_normalizer_new("fr", &err);
    assert_non_null(n);
    run_golden(n, "tests/golden/normalize-espeak.tsv");
    ora_normalizer_free(n);
}

static void golden_voices(void **state)
{
    (void)state;
    ora_normalizer *be = plain_normalizer("fr-be"), *ch = plain_normalizer("fr-ch+f3");
    run_golden(be, "tests/golden/normalize-fr-be.tsv");
    run_golden(ch, "tests/golden/normalize-fr-ch.tsv");
    ora_normalizer_free(be);
    ora_normalizer_free(ch);
}

/* The span that covers source bytes [start, start + n). */
static const ora_span *span_of(const ora_normalized *r, size_t start, size_t n)
{
    for (size_t k = 0; k < r->n_spans; k++)
        if (r->spans[k].src_start == start && r->spans[k].src_end == start + n)
            return &r->spans[k];
    return NULL;
}

static void alignment_maps_words_to_source(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    const char *src = "Publié le 18/11/2024 à 01h58 par M. Biden.";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, strlen(src), &r, &err), 0);
    assert_string_equal(r.text, "Publié le dix-huit novembre deux mille vingt-quatre à une heure "
                                "cinquante-huit par Monsieur Biden.");
    const ora_span *date = span_of(&r, (size_t)(strstr(src, "18/") - src), 10);
    const ora_span *time = span_of(&r, (size_t)(strstr(src, "01h58") - src), 5);
    const ora_span *m = span_of(&r, (size_t)(strstr(src, "M.") - src), 2);
    assert_non_null(date);
    assert_non_null(time);
    assert_non_null(m);
    assert_memory_equal(r.text + date->out_start, "dix-huit novembre deux mille vingt-quatre",
                        date->out_end - date->out_start);
    assert_int_equal(time->out_end - time->out_start, strlen("une heure cinquante-huit"));
    assert_memory_equal(r.text + m->out_start, "Monsieur", 8);
    /* The spans tile the output and never go back in the source. */
    size_t out = 0, src_pos = 0;
    for (size_t k = 0; k < r.n_spans; k++) {
        assert_int_equal(r.spans[k].out_start, out);
        assert_true(r.spans[k].src_start >= src_pos);
        out = r.spans[k].out_end;
        src_pos = r.spans[k].src_end;
    }
    assert_int_equal(out, r.len);
    assert_int_equal(src_pos, strlen(src));
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

/* A paragraph that is only a picture's link says nothing: an empty text,
 * not an error (it was "out of memory", and the whole article failed). */
static void text_that_says_nothing_is_empty(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    const char *src = "pic.twitter.com/AaIeKA0h8f";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, strlen(src), &r, &err), 0);
    assert_non_null(r.text);
    assert_int_equal(r.len, 0);
    assert_string_equal(r.text, "");
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

/* After the clean-up (soft hyphen, NFD accent, superscript), the spans
 * still point to the written bytes: a transcript shows what was written. */
static void cleaned_text_keeps_its_alignment(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    const char *src = "Le pr\xC3\xA9\xC2\xADsident e\xCC\x81lu le 1\xE1\xB5\x89\xCA\xB3 mai.";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, strlen(src), &r, &err), 0);
    assert_string_equal(r.text, "Le président élu le premier mai.");
    const char *first = strstr(src, "1\xE1");
    const ora_span *ord = span_of(&r, (size_t)(first - src), 1 + 3 + 2);
    assert_non_null(ord);
    assert_memory_equal(r.text + ord->out_start, "premier", 7);
    size_t out = 0, src_pos = 0;
    for (size_t k = 0; k < r.n_spans; k++) {
        assert_int_equal(r.spans[k].out_start, out);
        assert_true(r.spans[k].src_start >= src_pos);
        out = r.spans[k].out_end;
        src_pos = r.spans[k].src_end;
    }
    assert_int_equal(out, r.len);
    assert_int_equal(src_pos, strlen(src));
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

static void plain_text_is_one_span(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    const char *src = "Le gouvernement a présenté son plan, mardi soir.";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, strlen(src), &r, &err), 0);
    assert_string_equal(r.text, src);
    assert_int_equal(r.n_spans, 1);
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

static const char *const user_pls =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<lexicon version=\"1.0\" xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\"\n"
    "         alphabet=\"x-sampa\" xml:lang=\"fr\">\n"
    "  <lexeme><grapheme>OTAN</grapheme><alias>Alliance atlantique</alias></lexeme>\n"
    "  <lexeme><grapheme>Zelensky</grapheme><alias>Zélensky</alias></lexeme>\n"
    "</lexicon>\n";

static void user_lexicon_wins(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), path[512];
    snprintf(path, sizeof path, "%s/user.pls", dir);
    tu_write(path, user_pls, strlen(user_pls));
    ora_normalizer *n = plain_normalizer("fr");
    char *before = norm(n, "L'OTAN et Zelensky.");
    assert_string_equal(before, "L'Otan et Zelenski."); /* a name's final y: see words.c */
    ora_error err;
    assert_int_equal(ora_normalizer_add_lexicon(n, path, &err), 0);
    char *after = norm(n, "L'OTAN et Zelensky.");
    assert_string_equal(after, "L'Alliance atlantique et Zélensky.");
    free(before), free(after);
    ora_normalizer_free(n);

    char input[600];
    snprintf(input, sizeof input, "%s/in.txt", dir);
    tu_write(input, "L'OTAN\nde l'ONU\n", 16);
    tu_result r = tu_run("--normalize --lexicon '%s' <'%s'", path, input);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "L'Alliance atlantique\nde l'Onu\n");
    tu_result_free(&r);
    tu_rmdir(dir);
}

/* Runs "oralise --normalize ARGS" on input; returns its standard output. */
static char *run_filter(const char *args, const char *input)
{
    char *dir = tu_tmpdir(), path[600];
    snprintf(path, sizeof path, "%s/in.txt", dir);
    tu_write(path, input, strlen(input));
    tu_result r = tu_run("--normalize %s <'%s'", args, path);
    assert_int_equal(r.status, 0);
    free(r.err);
    tu_rmdir(dir);
    return r.out;
}

static void cli_filter_keeps_lines(void **state)
{
    (void)state;
    char *out = run_filter("", "21 heures\n\nM. X a 71 ans\n3 h");
    assert_string_equal(out, "vingt et une heures\n\nMonsieur X a soixante et onze ans\ntrois heures\n");
    free(out);
    out = run_filter("--voice fr-be", "71 ans\n");
    assert_string_equal(out, "septante et un ans\n");
    free(out);
}

static void cli_bad_lexicon_fails_clearly(void **state)
{
    (void)state;
    tu_result r = tu_run("--normalize --lexicon /nonexistent/x.pls </dev/null");
    assert_int_not_equal(r.status, 0);
    assert_non_null(strstr(r.err, "/nonexistent/x.pls"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
}

/* Found by libFuzzer: a combining mark after a bad byte sent the clean-up
 * back before the mark, for ever. It must end, and say something. */
static void mark_after_bad_byte_ends(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    static const char src[] = "Les 3/9  t et\x97 \xc2\xb0 et M \xd0m4\xcb\x97\xcd\xcd\xcd"
                              "7o\xdf\x8bj\x9a\xcd\x9a\x8b.";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, sizeof src - 1, &r, &err), 0);
    assert_non_null(strstr(r.text, "trois"));
    ora_normalized_free(&r);
    ora_normalizer_free(n);
}

static void odd_bytes_do_not_break_the_pass(void **state)
{
    (void)state;
    ora_normalizer *n = plain_normalizer("fr");
    const char src[] = "a\0b 12\x01h 3\xC3";
    ora_normalized r;
    ora_error err;
    assert_int_equal(ora_normalize(n, src, sizeof src - 1, &r, &err), 0);
    assert_int_equal(strlen(r.text), r.len); /* control bytes became spaces */
    ora_normalized_free(&r);
    char *empty = norm(n, "");
    assert_string_equal(empty, "");
    free(empty);
    empty = norm(n, "\xC2\xAD\xE2\x80\x8B"); /* nothing but invisible characters */
    assert_string_equal(empty, "");
    free(empty);
    /* Each rule's first byte at the very end of the text (the fuzzer found
     * "@" alone read past the end). */
    static const char *const ends[] = {"@", "#", "&", "+", "-", "$", "£", "%", "§", "n°", "1/",
                                       "12 h", "M.", "2,", "1er", "XX", "A1", "01 02", "www.",
                                       /* the clean-up's and the new rules' edges */
                                       "\xCC\x81" "a", "e\xCC", "a\xC2\xAD", "(\xE2\x80\x93",
                                       "\xE2\x80\x93 ", "1\xE1\xB5", "n\xE1\xB5\x92",
                                       "1\xE2\x80\x93", "3 1/", "30x", "30x4", "7-", "L. 3-",
                                       "2\xC2\xB0", "a\xC2\xB7", "a\xC2\xB7" "b\xC2\xB7",
                                       "1.2.", "5.5.1", "18:45:", "1 er", "XX eme", "95k",
                                       "604 662-", "T\xC3\xA9l : 7", "le 07 ", "les 17-1",
                                       /* this session's rules: race times, brackets,
                                        * elisions, inclusive marks, fractions */
                                       "2", "9''", "9''5", "1:2", "1:23.", "2'3", "[s", "[s]",
                                       "d'", "d' ", "agent.e", "agent.e.", "poux/", "poux/s",
                                       "8/10", "8/10e", "Pacs", "ETAT", "5 g/", "DREE", "CE,",
                                       /* and the next session's: division, references,
                                        * names, addresses (" / h" read before the text) */
                                       " / h", " / 2", "1 / ", "1 / (", "n\xC2\xB0 1407/",
                                       "2006/123/", "2006/123/C", "Sarkozy", "Beyrouth", "goth",
                                       "youtube.c", "2, 9\xC2\xB0", "le CE", "de\xC2\xA0\xE2\x82\xAC /",
                                       /* the third round's: spans, weekdays (the fuzzer
                                        * found "ab.-ven." read before the text), codes */
                                       "ab.-ven.", "lun.-", "sam. et", "jeudi 12.", "70/8",
                                       "70/80 k", "1.200/1", "5 mg/", "5 mg/kg/", "AA-", "O- ",
                                       " < ", " < 5", "3'45'", "la 7'", "(7/5", "1\xC2\xB0/",
                                       "L1-", "art. L1", "I er", "\xC2\xA7\xC2\xA7", "6,7\"",
                                       "n\xC2\xB0 Z 1-", "Env.", "c. \xC3\xA0 ", "Alys", "Acy",
                                       /* glued stops, initials, emphasis, names (the
                                        * fuzzer found "ab.02" read past the end) */
                                       "mois.L", "mois.L'", "ab.02", "mois.L\xE2\x80", "x).L", "x.\"L",
                                       "27.M", "a;b", "a;", "H. M.", "**", "a**", "__x",
                                       "l'Armp", "(Dg", "Sall", "Wa", "Walid", "de - 1",
                                       "et - 2", "2 buts/", "2 buts/m", "a\xC2\xAE", "Troisieme"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        /* an exact copy, without the string's NUL, so that a read past
         * the end is one the sanitizers see */
        size_t len = strlen(ends[k]);
        char *exact = malloc(len);
        assert_non_null(exact);
        memcpy(exact, ends[k], len);
        ora_normalized e;
        assert_int_equal(ora_normalize(n, exact, len, &e, &err), 0);
        assert_true(e.len > 0);
        ora_normalized_free(&e);
        free(exact);
    }
    ora_normalizer_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_plain),
        cmocka_unit_test(text_that_says_nothing_is_empty),
        cmocka_unit_test(golden_espeak),
        cmocka_unit_test(golden_voices),
        cmocka_unit_test(alignment_maps_words_to_source),
        cmocka_unit_test(cleaned_text_keeps_its_alignment),
        cmocka_unit_test(plain_text_is_one_span),
        cmocka_unit_test(user_lexicon_wins),
        cmocka_unit_test(cli_filter_keeps_lines),
        cmocka_unit_test(cli_bad_lexicon_fails_clearly),
        cmocka_unit_test(odd_bytes_do_not_break_the_pass),
        cmocka_unit_test(mark_after_bad_byte_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
