/* The PLS lexicon loader: entries, later files winning, clear errors, and
 * above all that a lexicon can never pull another file's content in. */
#include "testutil.h"

#include "normalize/lexicon.h"

#define PLS_HEAD                                                                       \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define PLS_OPEN                                                                       \
    "<lexicon version=\"1.0\" xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\" " \
    "alphabet=\"x-sampa\" xml:lang=\"fr\">\n"

static void entries_and_lookups(void **state)
{
    (void)state;
    const char *xml = PLS_HEAD PLS_OPEN
        "<lexeme><grapheme>UE</grapheme><grapheme>U.E.</grapheme><alias>U E</alias></lexeme>\n"
        "<lexeme><grapheme>IPA</grapheme><phoneme>i pe a</phoneme></lexeme>\n"
        "<lexeme><grapheme>  av.   J.-C. </grapheme><alias> avant  Jésus-Christ </alias></lexeme>\n"
        "</lexicon>\n";
    lexicon lx;
    lexicon_init(&lx);
    ora_error err;
    assert_int_equal(lexicon_load_pls_memory(&lx, xml, strlen(xml), "mem", &err), 0);
    assert_int_equal(lx.n, 3);
    assert_string_equal(lexicon_lookup(&lx, "UE", 2), "U E");
    assert_string_equal(lexicon_lookup(&lx, "U.E.", 4), "U E");
    assert_string_equal(lexicon_lookup(&lx, "av. J.-C.", 9), "avant Jésus-Christ");
    assert_null(lexicon_lookup(&lx, "IPA", 3)); /* phoneme-only: no alias to say */
    assert_null(lexicon_lookup(&lx, "U", 1));
    assert_null(lexicon_lookup(&lx, "UEFA", 4));
    assert_true(lexicon_has_head(&lx, "av", 2));
    assert_false(lexicon_has_head(&lx, "avenue", 6));
    assert_int_equal(lexicon_head_len("J.-C.", 5), 1);
    assert_int_equal(lexicon_head_len("Élysée, dit", 11), strlen("Élysée"));
    lexicon_free(&lx);
}

static void later_lexicon_wins(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char *a = tu_write_in(dir, "a.pls", PLS_HEAD PLS_OPEN
        "<lexeme><grapheme>OTAN</grapheme><alias>Otan</alias></lexeme>\n"
        "<lexeme><grapheme>ONU</grapheme><alias>Onu</alias></lexeme></lexicon>\n");
    char *b = tu_write_in(dir, "b.pls", PLS_HEAD PLS_OPEN
        "<lexeme><grapheme>OTAN</grapheme><alias>Alliance</alias></lexeme></lexicon>\n");
    lexicon lx;
    lexicon_init(&lx);
    ora_error err;
    assert_int_equal(lexicon_load_pls(&lx, a, &err), 0);
    assert_int_equal(lexicon_load_pls(&lx, b, &err), 0);
    assert_string_equal(lexicon_lookup(&lx, "OTAN", 4), "Alliance");
    assert_string_equal(lexicon_lookup(&lx, "ONU", 3), "Onu");
    assert_int_equal(lx.n, 2);
    lexicon_free(&lx);
    free(a), free(b);
    tu_rmdir(dir);
}

static void many_entries_stay_findable(void **state)
{
    (void)state;
    strbuf xml;
    sb_init(&xml);
    sb_adds(&xml, PLS_HEAD PLS_OPEN);
    for (int k = 0; k < 3000; k++)
        sb_printf(&xml, "<lexeme><grapheme>W%d</grapheme><alias>mot %d</alias></lexeme>\n", k, k);
    sb_adds(&xml, "</lexicon>\n");
    lexicon lx;
    lexicon_init(&lx);
    ora_error err;
    assert_int_equal(lexicon_load_pls_memory(&lx, xml.s, xml.len, "mem", &err), 0);
    for (int k = 0; k < 3000; k += 7) {
        char g[16], want[16];
        snprintf(g, sizeof g, "W%d", k);
        snprintf(want, sizeof want, "mot %d", k);
        assert_string_equal(lexicon_lookup(&lx, g, strlen(g)), want);
    }
    lexicon_free(&lx);
    sb_free(&xml);
}

/* An external entity, an external DTD and a parameter entity all point at
 * a local file; its content must not reach any alias. */
static void no_file_is_pulled_in(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char *secret = tu_write_in(dir, "secret.txt", "SECRET-CONTENT-42");
    char dtd_text[1024];
    snprintf(dtd_text, sizeof dtd_text, "<!ENTITY leak SYSTEM \"file://%s\">\n", secret);
    char *dtd = tu_write_in(dir, "evil.dtd", dtd_text);
    /* Entities declared in the internal subset: any DOCTYPE is refused,
     * so nothing can be expanded. */
    char xml[4096];
    snprintf(xml, sizeof xml,
             PLS_HEAD "<!DOCTYPE lexicon [\n"
             "  <!ENTITY ext SYSTEM \"file://%s\">\n"
             "  <!ENTITY rel SYSTEM \"secret.txt\">\n"
             "]>\n" PLS_OPEN
             "<lexeme><grapheme>A</grapheme><alias>avant &ext; après</alias></lexeme>\n"
             "<lexeme><grapheme>B</grapheme><alias>&rel;</alias></lexeme>\n"
             "</lexicon>\n",
             secret);
    char *pls = tu_write_in(dir, "evil.pls", xml);
    lexicon lx;
    lexicon_init(&lx);
    ora_error err;
    assert_int_equal(lexicon_load_pls(&lx, pls, &err), -1);
    assert_non_null(strstr(err.msg, "DOCTYPE"));
    assert_null(lexicon_lookup(&lx, "A", 1));
    lexicon_free(&lx);
    /* A parameter entity and an external DTD that declare the entity: the
     * loader must not read them, so the lexicon is refused or harmless. */
    char with_param[2048], with_dtd[2048];
    snprintf(with_param, sizeof with_param,
             PLS_HEAD "<!DOCTYPE lexicon [\n  <!ENTITY %% param SYSTEM \"file://%s\">\n  %%param;\n]>\n"
             PLS_OPEN "<lexeme><grapheme>C</grapheme><alias>x &leak; y</alias></lexeme></lexicon>\n",
             dtd);
    snprintf(with_dtd, sizeof with_dtd,
             PLS_HEAD "<!DOCTYPE lexicon SYSTEM \"file://%s\">\n" PLS_OPEN
             "<lexeme><grapheme>D</grapheme><alias>&leak;</alias></lexeme></lexicon>\n", dtd);
    char *pls1 = tu_write_in(dir, "evil1.pls", with_param);
    char *pls2 = tu_write_in(dir, "evil2.pls", with_dtd);
    const char *files[] = {pls1, pls2};
    for (size_t f = 0; f < 2; f++) {
        lexicon_init(&lx);
        int rc = lexicon_load_pls(&lx, files[f], &err);
        for (size_t k = 0; rc == 0 && k < lx.n; k++)
            assert_null(strstr(lx.items[k].alias, "SECRET"));
        lexicon_free(&lx);
    }
    /* And through the whole program: nothing of the file is said. */
    char *input = tu_write_in(dir, "in.txt", "A B C D\n");
    tu_result r = tu_run("--normalize --lexicon '%s' <'%s'", pls, input);
    assert_null(strstr(r.out ? r.out : "", "SECRET"));
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "DOCTYPE"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    free(secret), free(dtd), free(pls), free(pls1), free(pls2), free(input);
    tu_rmdir(dir);
}

static void malformed_lexicon_is_a_clear_error(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char *bad = tu_write_in(dir, "bad.pls", PLS_HEAD PLS_OPEN "<lexeme><grapheme>X</grapheme>");
    char *wrong_root = tu_write_in(dir, "root.pls", PLS_HEAD "<html><body/></html>\n");
    const char *files[] = {bad, wrong_root};
    for (size_t f = 0; f < 2; f++) {
        lexicon lx;
        lexicon_init(&lx);
        ora_error err = {{0}};
        assert_int_equal(lexicon_load_pls(&lx, files[f], &err), -1);
        assert_non_null(strstr(err.msg, files[f]));
        assert_non_null(strstr(err.msg, "not a PLS lexicon"));
        lexicon_free(&lx);
    }
    lexicon lx;
    lexicon_init(&lx);
    ora_error err = {{0}};
    assert_int_equal(lexicon_load_pls(&lx, "/nonexistent/none.pls", &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/none.pls"));
    lexicon_free(&lx);

    tu_result r = tu_run("--normalize --lexicon '%s' </dev/null", bad);
    assert_int_not_equal(r.status, 0);
    assert_non_null(strstr(r.err, "not a PLS lexicon"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    /* A byte order that libxml2 reports through its own handler: still
     * one line, ours. */
    char *ebcdic = tu_write_in(dir, "ebcdic.pls", "\x4c\x6f\xa7\x94?xml version=\"1.0\"?><lexicon/>");
    r = tu_run("--normalize --lexicon '%s' </dev/null", ebcdic);
    assert_int_not_equal(r.status, 0);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    free(bad), free(wrong_root), free(ebcdic);
    tu_rmdir(dir);
}

/* Lexicons that would make a small input say a huge script: refused, each
 * with its limit named, before anything is expanded. */
static void hostile_lexicons_are_refused(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    /* Nested internal entities: 10 levels of 10 make 10^10 "ha". */
    char laughs[4096] = PLS_HEAD "<!DOCTYPE lexicon [\n<!ENTITY e0 \"ha\">\n";
    for (int k = 1; k <= 10; k++) {
        char line[256];
        snprintf(line, sizeof line, "<!ENTITY e%d \"&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;\">\n",
                 k, k - 1, k - 1, k - 1, k - 1, k - 1, k - 1, k - 1, k - 1, k - 1, k - 1);
        strcat(laughs, line);
    }
    strcat(laughs, "]>\n" PLS_OPEN "<lexeme><grapheme>X</grapheme><alias>&e10;</alias></lexeme></lexicon>\n");
    char *bomb = tu_write_in(dir, "bomb.pls", laughs);
    /* A plain alias far longer than its word. */
    char big_alias[2048] = PLS_HEAD PLS_OPEN "<lexeme><grapheme>Y</grapheme><alias>";
    for (int k = 0; k < 100; k++)
        strcat(big_alias, "bla ");
    strcat(big_alias, "</alias></lexeme></lexicon>\n");
    char *long_alias = tu_write_in(dir, "long.pls", big_alias);
    const char *files[] = {bomb, long_alias};
    const char *why[] = {"DOCTYPE", "too long"};
    for (size_t f = 0; f < 2; f++) {
        tu_result r = tu_run("--normalize --lexicon '%s' <'%s'", files[f], long_alias);
        assert_int_equal(r.status, 1);
        assert_non_null(strstr(r.err, why[f]));
        assert_non_null(strstr(r.err, files[f]));
        assert_int_equal(tu_count_lines(r.err), 1);
        assert_string_equal(r.out, "");
        tu_result_free(&r);
    }
    /* Past the size limit: refused before parsing. */
    char *huge_path = malloc(strlen(dir) + 16);
    sprintf(huge_path, "%s/huge.pls", dir);
    FILE *f = fopen(huge_path, "w");
    fputs(PLS_HEAD PLS_OPEN, f);
    for (int k = 0; k < 200000; k++)
        fputs("<lexeme><grapheme>ZZ</grapheme><alias>z z</alias></lexeme>\n", f);
    fputs("</lexicon>\n", f);
    fclose(f);
    tu_result r = tu_run("--normalize --lexicon '%s' </dev/null", huge_path);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "too large"));
    tu_result_free(&r);
    free(bomb), free(long_alias), free(huge_path);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entries_and_lookups),
        cmocka_unit_test(later_lexicon_wins),
        cmocka_unit_test(many_entries_stay_findable),
        cmocka_unit_test(no_file_is_pulled_in),
        cmocka_unit_test(malformed_lexicon_is_a_clear_error),
        cmocka_unit_test(hostile_lexicons_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
