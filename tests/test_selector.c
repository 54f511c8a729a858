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

/* Compiled lists, as site rules' drop, credit and cut lists are: what
 * each form matches, and agreement with the list's text on every element. */
static const char list_page[] =
    "<html><body>"
    "<div id=main class='article body'><p class=lede>Chapeau</p>"
    "<section><p class='credit photo-credit'>AFP</p><p data-role=ad>Pub</p></section>"
    "<aside><span class=share>Partager</span></aside></div>"
    "<div class=articlebody><P>Autre</P></div>"
    "</body></html>";

static htmlDocPtr parse_list_page(void)
{
    htmlDocPtr doc = htmlReadMemory(list_page, (int)strlen(list_page), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    return doc;
}

/* The text of the elements the list matches, in document order, joined by '|'. */
static void collect(xmlNodePtr n, const selector_list *l, char *out, size_t cap)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (selector_list_matches(n, l)) {
            xmlChar *t = xmlNodeGetContent(n);
            size_t used = strlen(out);
            snprintf(out + used, cap - used, "%s%s", used ? "|" : "", (const char *)t);
            xmlFree(t);
        }
        collect(n->children, l, out, cap);
    }
}

static void expect(const char *list, const char *matched)
{
    htmlDocPtr doc = parse_list_page();
    selector_list *l = selector_list_compile(list);
    char out[512] = "";
    collect(xmlDocGetRootElement(doc), l, out, sizeof out);
    if (strcmp(out, matched) != 0)
        fail_msg("\"%s\" matched \"%s\", expected \"%s\"", list, out, matched);
    selector_list_free(l);
    xmlFreeDoc(doc);
}

static void each_form_of_selector(void **state)
{
    (void)state;
    expect(".lede", "Chapeau");
    expect(".credit", "AFP");                /* one token of several */
    expect(".photo", "");                    /* tokens are whole: "photo-credit" is not "photo" */
    expect(".article", "ChapeauAFPPubPartager"); /* not .articlebody */
    expect("p.lede", "Chapeau");
    expect("span.lede", "");
    expect("#main > p", "Chapeau");          /* a child, not the section's paragraphs */
    expect("#main p", "Chapeau|AFP|Pub");    /* any descendant */
    expect("[data-role=ad]", "Pub");
    expect("[data-role]", "Pub");
    expect("p", "Chapeau|AFP|Pub|Autre");     /* tag names in any case */
    expect("aside, .lede", "Chapeau|Partager");
    expect("div.body section > p.credit", "AFP");
}

static void empty_list_matches_nothing(void **state)
{
    (void)state;
    assert_null(selector_list_compile(NULL));
    assert_null(selector_list_compile(""));
    htmlDocPtr doc = parse_list_page();
    assert_false(selector_list_matches(xmlDocGetRootElement(doc), NULL));
    xmlFreeDoc(doc);
}

/* The compiled list and the list's text agree on every element. */
static void agree(xmlNodePtr n, const char *text, const selector_list *l)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            assert_int_equal(selector_list_matches(n, l), selector_matches(n, text));
        agree(n->children, text, l);
    }
}

static void compiled_agrees_with_text(void **state)
{
    (void)state;
    static const char *const lists[] = {
        ".share, .related, nav", "section p, #main > .lede", "*", "div > *", "[class=lede]",
        "p.credit.photo-credit", "#main, #none", "body div section p", "P",
    };
    htmlDocPtr doc = parse_list_page();
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        selector_list *l = selector_list_compile(lists[i]);
        agree(xmlDocGetRootElement(doc), lists[i], l);
        selector_list_free(l);
    }
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compound_and_combinators),
        cmocka_unit_test(lists_in_document_order_or_in_list_order),
        cmocka_unit_test(only_the_supported_subset_is_valid),
        cmocka_unit_test(each_form_of_selector),
        cmocka_unit_test(empty_list_matches_nothing),
        cmocka_unit_test(compiled_agrees_with_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
