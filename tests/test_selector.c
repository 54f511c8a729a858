/* The CSS selector subset of site rules, on a real libxml2 tree. */
#include "testutil.h"
#include "read/selector.h"

#include <libxml/HTMLparser.h>

static const char page[] =
    "<html><body><main id=\"main\"><article class=\"article article__content\" data-kind=\"news\">"
    "<h1 class=\"article__title\">Titre</h1><section class=\"catcher\"><p>Lire aussi</p></section>"
    "<p class=\"article__paragraph\">Un</p><div class=\"box\"><p class=\"article__paragraph\">Deux</p></div>"
    "</article></main></body></html>";

static htmlDocPtr parse(void)
{
    htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    return doc;
}

static const char *text_of(xmlNodePtr n)
{
    static char buf[64];
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    snprintf(buf, sizeof buf, "%s", t ? (const char *)t : "(none)");
    xmlFree(t);
    return buf;
}

static void compound_and_combinators(void **state)
{
    (void)state;
    htmlDocPtr doc = parse();
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal(text_of(selector_find(root, "h1.article__title")), "Titre");
    assert_string_equal(text_of(selector_find(root, "article > p")), "Un");
    assert_string_equal(text_of(selector_find(root, "#main .box p")), "Deux");
    assert_string_equal(text_of(selector_find(root, "[data-kind=news] > h1")), "Titre");
    assert_string_equal(text_of(selector_find(root, "[data-kind='news'] section p")), "Lire aussi");
    assert_null(selector_find(root, "article > .box > h1"));
    assert_null(selector_find(root, ".article__"));
    xmlFreeDoc(doc);
}

static void lists_in_document_order_or_in_list_order(void **state)
{
    (void)state;
    htmlDocPtr doc = parse();
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal(text_of(selector_find(root, ".box, h1")), "Titre");
    assert_string_equal(text_of(selector_find_first_of(root, ".box, h1")), "Deux");
    assert_string_equal(text_of(selector_find_first_of(root, ".absent, h1")), "Titre");
    xmlFreeDoc(doc);
}

static void only_the_supported_subset_is_valid(void **state)
{
    (void)state;
    assert_true(selector_valid("article.article__content > p, #js-paywall, [itemprop=articleBody]"));
    assert_false(selector_valid("p:first-child"));
    assert_false(selector_valid("a + b"));
    assert_false(selector_valid("div ~ p"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compound_and_combinators),
        cmocka_unit_test(lists_in_document_order_or_in_list_order),
        cmocka_unit_test(only_the_supported_subset_is_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
