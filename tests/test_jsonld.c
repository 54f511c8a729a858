/* JSON-LD as news pages write it: @graph, arrays, several @type names,
 * authors as object, list or string, every isAccessibleForFree form, the
 * paid part's cssSelector, and broken JSON. */
#include "testutil.h"
#include "read/jsonld.h"

static void read_json(const char *json, jsonld_info *j)
{
    jsonld_init(j);
    jsonld_read(json, strlen(json), j);
}

static void article_inside_graph(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
              "{\"@type\":\"NewsArticle\",\"headline\":\"Le titre\",\"description\":\"Le chapeau\","
              "\"datePublished\":\"2025-03-04T10:00:00+01:00\",\"publisher\":{\"name\":\"Le Journal\"}}]}", &j);
    assert_string_equal(j.headline, "Le titre");
    assert_string_equal(j.description, "Le chapeau");
    assert_string_equal(j.published, "2025-03-04T10:00:00+01:00");
    assert_string_equal(j.publisher, "Le Journal");
    jsonld_free(&j);
}

/* Pages write JSON-LD strings HTML-escaped: a listener must hear
 * "l'été", not "l dièse zéro trente-neuf". What only looks like an entity
 * stays as written. */
static void html_entities_in_strings_are_decoded(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("{\"@type\":\"NewsArticle\",\"headline\":\"L&#039;été &amp; la mer\","
              "\"description\":\"Un r&eacute;cit&nbsp;court, &#x2013; vu &amp;co; R&D &; fin\","
              "\"author\":{\"name\":\"Zo&euml; Martin\"}}", &j);
    assert_string_equal(j.headline, "L'été & la mer");
    assert_string_equal(j.description, "Un récit court, \xe2\x80\x93 vu &co; R&D &; fin");
    assert_string_equal(j.authors, "Zoë Martin");
    jsonld_free(&j);
}

static void article_inside_array_with_type_list(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("[{\"@type\":\"BreadcrumbList\"},{\"@type\":[\"ReportageNewsArticle\",\"Thing\"],"
              "\"headline\":\"Reportage\"}]", &j);
    assert_string_equal(j.headline, "Reportage");
    jsonld_free(&j);
}

static void authors_in_every_shape(void **state)
{
    (void)state;
    static const struct {
        const char *json, *want;
    } cases[] = {
        {"{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Anne Roux\"}}", "Anne Roux"},
        {"{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Anne Roux\"},{\"name\":\"Paul Girard\"}]}",
         "Anne Roux, Paul Girard"},
        {"{\"@type\":\"NewsArticle\",\"author\":\"Anne Roux\"}", "Anne Roux"},
        {"{\"@type\":\"NewsArticle\",\"author\":[\"Anne Roux\",{\"name\":\"Paul Girard\"}]}",
         "Anne Roux, Paul Girard"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        jsonld_info j;
        read_json(cases[i].json, &j);
        assert_non_null(j.authors);
        assert_string_equal(j.authors, cases[i].want);
        jsonld_free(&j);
    }
}

static void free_flag_in_every_form(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        int want;
    } cases[] = {{"false", 0}, {"\"False\"", 0}, {"\"false\"", 0},
                 {"\"http://schema.org/False\"", 0}, {"\"https://schema.org/False\"", 0},
                 {"true", 1}, {"\"True\"", 1}, {"\"http://schema.org/True\"", 1},
                 {"\"peut-être\"", -1}, {"3", -1}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char json[256];
        snprintf(json, sizeof json, "{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":%s}",
                 cases[i].value);
        jsonld_info j;
        read_json(json, &j);
        if (j.free_access != cases[i].want)
            fail_msg("isAccessibleForFree %s read as %d", cases[i].value, j.free_access);
        jsonld_free(&j);
    }
}

static void paid_part_selector(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":\"False\",\"hasPart\":["
              "{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":\"True\",\"cssSelector\":\".libre\"},"
              "{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":\"False\",\"cssSelector\":\".paywall\"}]}", &j);
    assert_int_equal(j.free_access, 0);
    assert_string_equal(j.paid_selector, ".paywall");
    jsonld_free(&j);
}

static void first_article_wins_and_bad_json_is_ignored(void **state)
{
    (void)state;
    jsonld_info j;
    jsonld_init(&j);
    static const char *const scripts[] = {"{\"@type\":\"NewsArticle\",\"headline\":",
                                          "{\"@type\":\"NewsArticle\",\"headline\":\"Premier\"}",
                                          "{\"@type\":\"NewsArticle\",\"headline\":\"Second\"}",
                                          "", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "null"};
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++)
        jsonld_read(scripts[i], strlen(scripts[i]), &j);
    assert_string_equal(j.headline, "Premier");
    jsonld_free(&j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_inside_graph),
        cmocka_unit_test(article_inside_array_with_type_list),
        cmocka_unit_test(html_entities_in_strings_are_decoded),
        cmocka_unit_test(authors_in_every_shape),
        cmocka_unit_test(free_flag_in_every_form),
        cmocka_unit_test(paid_part_selector),
        cmocka_unit_test(first_article_wins_and_bad_json_is_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
