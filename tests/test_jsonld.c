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

/* The declared text's first and last words anchor the article in the
 * page: tags dropped, entities decoded, whitespace folded; a recipe's
 * steps give theirs, an article's body replaces them; a summary-sized
 * text anchors nothing. */
#define LONG_BODY "Premier paragraphe du texte d&eacute;clar\\u00e9, assez long pour servir d'ancre au lecteur de pages. " \
                  "<p>Un deuxi\\u00e8me paragraphe suit, puis un troisi\\u00e8me, pour que le texte d\\u00e9passe quatre cents " \
                  "caract\\u00e8res comme un vrai article, avec ses virgules, ses chiffres (12 000) et ses noms propres.</p>" \
                  "<p>Un quatri\\u00e8me paragraphe s'ajoute encore, pour que le compte y soit largement.</p>" \
                  "<p>Le dernier paragraphe finit ici, sur ces   mots\\n pr\\u00e9cis.</p>"
static void declared_text_anchors(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("{\"@type\":\"NewsArticle\",\"articleBody\":\"" LONG_BODY "\"}", &j);
    assert_non_null(j.body_first);
    assert_true(strncmp(j.body_first, "Premier paragraphe du texte déclaré, assez long", 47) == 0);
    assert_non_null(strstr(j.body_last, "finit ici, sur ces mots précis."));
    assert_null(strchr(j.body_last, '<'));
    jsonld_free(&j);

    read_json("{\"@type\":\"Recipe\",\"recipeInstructions\":[{\"@type\":\"HowToSection\",\"itemListElement\":["
              "{\"@type\":\"HowToStep\",\"text\":\"Pr\\u00e9chauffez le four \\u00e0 180 degr\\u00e9s et beurrez un grand moule "
              "\\u00e0 manqu\\u00e9 de vingt-quatre centim\\u00e8tres.\"},"
              "{\"@type\":\"HowToStep\",\"text\":\"Battez les oeufs avec le sucre jusqu'\\u00e0 ce que le m\\u00e9lange "
              "blanchisse, puis ajoutez la farine, la levure et le beurre fondu, et m\\u00e9langez bien.\"}]},"
              "{\"@type\":\"HowToStep\",\"text\":\"Versez la p\\u00e2te dans le moule et faites cuire quarante minutes, "
              "jusqu'\\u00e0 ce que la lame d'un couteau ressorte s\\u00e8che, puis laissez refroidir avant de d\\u00e9mouler le "
              "g\\u00e2teau sur une grille.\"}]}", &j);
    assert_non_null(j.body_first);
    assert_true(strncmp(j.body_first, "Préchauffez le four", 20) == 0);
    assert_non_null(strstr(j.body_last, "démouler le gâteau sur une grille."));
    /* the post that holds the recipe declares its own body: it wins */
    jsonld_read("{\"@type\":\"BlogPosting\",\"articleBody\":\"" LONG_BODY "\"}",
                strlen("{\"@type\":\"BlogPosting\",\"articleBody\":\"" LONG_BODY "\"}"), &j);
    assert_true(strncmp(j.body_first, "Premier paragraphe", 18) == 0);
    jsonld_free(&j);

    read_json("{\"@type\":\"NewsArticle\",\"articleBody\":\"Un r\\u00e9sum\\u00e9 de deux lignes, pas un article.\"}", &j);
    assert_null(j.body_first);
    assert_null(j.body_last);
    jsonld_free(&j);
}

/* A page a script fills in declares its text: it is read a paragraph at
 * each line break or block tag, tags and entities out. */
static void declared_body_in_paragraphs(void **state)
{
    (void)state;
    jsonld_info j;
    read_json("{\"@type\":\"NewsArticle\",\"articleBody\":\"<p>Le premier paragraphe, assez long pour "
              "servir d&#039;ancre au texte.</p><p>Le deuxi&egrave;me <em>paragraphe</em>.<br>Une ligne.</p>"
              "\\n\\nLe dernier.\"}", &j);
    ora_article art;
    ora_article_init(&art);
    ora_article *a = &art;
    jsonld_add_body(&j, a);
    assert_int_equal(a->n_blocks, 4);
    assert_string_equal(a->blocks[0].text, "Le premier paragraphe, assez long pour servir d'ancre au texte.");
    assert_string_equal(a->blocks[1].text, "Le deuxième paragraphe .");
    assert_string_equal(a->blocks[2].text, "Une ligne.");
    assert_string_equal(a->blocks[3].text, "Le dernier.");
    assert_int_equal(a->blocks[3].kind, ORA_BLOCK_PARAGRAPH);
    ora_article_free(a);
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
        cmocka_unit_test(declared_text_anchors),
        cmocka_unit_test(declared_body_in_paragraphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
