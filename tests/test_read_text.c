/* The browser-copy reader on fixtures written for the project and on the
 * lemonde-atacms copy. */
#include "fixtures/fixture_check.h"

static void fixtures_read_as_expected(void **state)
{
    (void)state;
    assert_int_equal(fx_check_dir("tests/fixtures/text", ".txt"), 0);
}

static void sample_copy_read_as_expected(void **state)
{
    (void)state;
    assert_int_equal(fx_check_dir("samples", ".txt"), 0);
}

/* A copy without any meta line still gives its title and prose. */
static void copy_without_meta_lines(void **state)
{
    (void)state;
    static const char copy[] =
        "Menu\nAccueil\n\nLa fontaine du square rouvre apr\xc3\xa8s dix ans\n\n"
        "La fontaine du square, \xc3\xa0 sec depuis dix ans, coule de nouveau depuis lundi matin, "
        "pour le plus grand plaisir des enfants du quartier.\n\nPartager\n";
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_text(copy, sizeof copy - 1, &a, &err), 0);
    assert_string_equal(a.title, "La fontaine du square rouvre apr\xc3\xa8s dix ans");
    assert_int_equal(a.n_blocks, 1);
    assert_int_equal(a.blocks[0].kind, ORA_BLOCK_PARAGRAPH);
    ora_article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixtures_read_as_expected),
        cmocka_unit_test(sample_copy_read_as_expected),
        cmocka_unit_test(copy_without_meta_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
