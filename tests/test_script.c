/* The script stage: order of segments, what is left out, pauses, and the
 * paywall notice built from rules/fr/script.txt. */
#include "testutil.h"

static void make_article(ora_article *a)
{
    ora_article_init(a);
    a->title = strdup("Un titre");
    a->lede = strdup("Un chapeau qui résume.");
    a->byline = strdup("Jeanne Martin");
    a->published = strdup("2024-03-01T08:00:00+01:00");
    ora_article_add_block(a, ORA_BLOCK_CAPTION, "Une photo, le 1er mars.");
    ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, "Premier paragraphe.");
    ora_article_add_block(a, ORA_BLOCK_HEADING, "Un intertitre");
    ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, "Second paragraphe.");
}

static ora_script build(const ora_article *a, const ora_script_options *o)
{
    ora_script s;
    ora_error err;
    if (ora_script_build(a, o, &s, &err) < 0)
        fail_msg("%s", err.msg);
    return s;
}

static void order_and_roles(void **state)
{
    (void)state;
    ora_article a;
    make_article(&a);
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s = build(&a, &o);
    const ora_segment_role roles[] = {ORA_SEG_TITLE, ORA_SEG_LEDE, ORA_SEG_BYLINE,
                                      ORA_SEG_DATE, ORA_SEG_PARAGRAPH, ORA_SEG_HEADING,
                                      ORA_SEG_PARAGRAPH};
    assert_int_equal(s.n, 7); /* the caption is skipped, no notice */
    for (size_t i = 0; i < s.n; i++)
        assert_int_equal(s.segs[i].role, roles[i]);
    assert_string_equal(s.segs[2].written, "Par Jeanne Martin.");
    assert_string_equal(s.segs[3].written, "Publié le 1er mars 2024.");
    assert_int_equal(s.segs[0].pause_ms, o.pause_title_ms);
    assert_int_equal(s.segs[4].pause_ms, o.pause_paragraph_ms);
    ora_script_free(&s);
    ora_article_free(&a);
}

static void captions_on_request(void **state)
{
    (void)state;
    ora_article a;
    make_article(&a);
    ora_script_options o;
    ora_script_options_default(&o);
    o.captions = true;
    ora_script s = build(&a, &o);
    assert_int_equal(s.n, 8);
    assert_int_equal(s.segs[4].role, ORA_SEG_CAPTION);
    assert_string_equal(s.segs[4].written, "Une photo, le 1er mars.");
    ora_script_free(&s);
    ora_article_free(&a);
}

static void add_table(ora_article *a, const char *text)
{
    ora_article_init(a);
    a->title = strdup("Un titre");
    ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, "Avant le tableau.");
    ora_article_add_block(a, ORA_BLOCK_TABLE, text);
    ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, "Après le tableau.");
}

/* A table of figures is announced, not read as a stream of numbers. */
static void tables_announced(void **state)
{
    (void)state;
    ora_article a;
    add_table(&a, "Prix du gazole\nVille : Lyon, Prix : 1,72 €\nVille : Nantes, Prix : 1,69 €");
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s = build(&a, &o);
    assert_int_equal(s.n, 4);
    assert_int_equal(s.segs[2].role, ORA_SEG_TABLE);
    assert_string_equal(s.segs[2].written, "Tableau : Prix du gazole.");
    assert_string_equal(s.segs[3].written, "Après le tableau.");
    ora_script_free(&s);
    ora_article_free(&a);
    add_table(&a, "\nLyon, 1,72 €\nNantes, 1,69 €"); /* no caption */
    s = build(&a, &o);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.segs[2].written, "Un tableau.");
    ora_script_free(&s);
    ora_article_free(&a);
}

/* --tables: each row after the announcement, its cells with their headers. */
static void tables_read_on_request(void **state)
{
    (void)state;
    ora_article a;
    add_table(&a, "Prix du gazole\nVille : Lyon, Prix : 1,72 €\nVille : Nantes, Prix : 1,69 €");
    ora_script_options o;
    ora_script_options_default(&o);
    o.tables = true;
    ora_script s = build(&a, &o);
    assert_int_equal(s.n, 6);
    assert_string_equal(s.segs[2].written, "Tableau : Prix du gazole.");
    assert_string_equal(s.segs[3].written, "Ville : Lyon, Prix : 1,72 €.");
    assert_string_equal(s.segs[4].written, "Ville : Nantes, Prix : 1,69 €.");
    assert_int_equal(s.segs[4].role, ORA_SEG_TABLE);
    assert_string_equal(s.segs[5].written, "Après le tableau.");
    ora_script_free(&s);
    ora_article_free(&a);
}

static const char *last_written(const ora_script *s)
{
    return s->segs[s->n - 1].written;
}

static void paywall_notice(void **state)
{
    (void)state;
    ora_article a;
    make_article(&a);
    a.truncated = true;
    a.remaining_percent = 73.51;
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s = build(&a, &o);
    assert_int_equal(s.segs[s.n - 1].role, ORA_SEG_NOTICE);
    assert_string_equal(last_written(&s), "Fin de la partie gratuite de cet article. "
                                          "Il en reste environ 74 %, réservés aux abonnés.");
    assert_int_equal(s.segs[s.n - 2].pause_ms, o.pause_notice_ms);
    ora_script_free(&s);

    a.remaining_percent = -1; /* the page did not say how much */
    s = build(&a, &o);
    assert_string_equal(last_written(&s), "Fin de la partie gratuite de cet article. "
                                          "La suite est réservée aux abonnés.");
    ora_script_free(&s);

    o.notice_text = "Abonnez-vous pour la suite.";
    s = build(&a, &o);
    assert_string_equal(last_written(&s), "Abonnez-vous pour la suite.");
    ora_script_free(&s);

    o.notice = false;
    s = build(&a, &o);
    assert_int_equal(s.segs[s.n - 1].role, ORA_SEG_PARAGRAPH);
    ora_script_free(&s);
    ora_article_free(&a);
}

static void byline_without_a_name_is_not_read(void **state)
{
    (void)state;
    ora_article a;
    make_article(&a);
    free(a.byline);
    a.byline = strdup("(Washington, correspondant)");
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s = build(&a, &o);
    for (size_t i = 0; i < s.n; i++)
        assert_int_not_equal(s.segs[i].role, ORA_SEG_BYLINE);
    ora_script_free(&s);
    ora_article_free(&a);
}

static void empty_article_is_an_error(void **state)
{
    (void)state;
    ora_article a;
    ora_article_init(&a);
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s;
    ora_error err;
    assert_int_equal(ora_script_build(&a, &o, &s, &err), -1);
    assert_non_null(strstr(err.msg, "nothing to read"));
    ora_script_free(&s);
}

static void normalized_script_has_words(void **state)
{
    (void)state;
    ora_article a;
    make_article(&a);
    ora_script_options o;
    ora_script_options_default(&o);
    ora_script s = build(&a, &o);
    ora_error err;
    ora_normalizer *n = ora_normalizer_new("fr", &err);
    assert_non_null(n);
    assert_int_equal(ora_script_normalize(&s, n, &err), 0);
    assert_string_equal(s.segs[3].spoken, "Publié le premier mars deux mille vingt-quatre.");
    assert_string_equal(s.segs[3].written, "Publié le 1er mars 2024.");
    ora_normalizer_free(n);
    ora_script_free(&s);
    ora_article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(order_and_roles),
        cmocka_unit_test(captions_on_request),
        cmocka_unit_test(tables_announced),
        cmocka_unit_test(tables_read_on_request),
        cmocka_unit_test(paywall_notice),
        cmocka_unit_test(byline_without_a_name_is_not_read),
        cmocka_unit_test(empty_article_is_an_error),
        cmocka_unit_test(normalized_script_has_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
