/* French numbers in words: cardinals, ordinals, decimals, dialects. */
#include "testutil.h"

#include "normalize/numwords.h"

static const num_style fr = {NUM_FR, false, false};

static void expect_cardinal(unsigned long long v, const num_style *st, const char *want)
{
    strbuf b;
    sb_init(&b);
    assert_int_equal(num_cardinal(&b, v, st), 0);
    if (strcmp(b.s, want) != 0)
        print_message("%llu: expected \"%s\", got \"%s\"\n", v, want, b.s);
    assert_string_equal(b.s, want);
    sb_free(&b);
}

static void cardinals_traditional_spelling(void **state)
{
    (void)state;
    static const struct {
        unsigned long long v;
        const char *words;
    } cases[] = {
        {0, "zéro"}, {1, "un"}, {16, "seize"}, {17, "dix-sept"}, {20, "vingt"},
        {21, "vingt et un"}, {22, "vingt-deux"}, {31, "trente et un"}, {61, "soixante et un"},
        {70, "soixante-dix"}, {71, "soixante et onze"}, {72, "soixante-douze"},
        {77, "soixante-dix-sept"}, {80, "quatre-vingts"}, {81, "quatre-vingt-un"},
        {89, "quatre-vingt-neuf"}, {90, "quatre-vingt-dix"}, {91, "quatre-vingt-onze"},
        {99, "quatre-vingt-dix-neuf"}, {100, "cent"}, {101, "cent un"}, {180, "cent quatre-vingts"},
        {200, "deux cents"}, {201, "deux cent un"}, {280, "deux cent quatre-vingts"},
        {999, "neuf cent quatre-vingt-dix-neuf"}, {1000, "mille"}, {1001, "mille un"},
        {2000, "deux mille"}, {80000, "quatre-vingt mille"}, {200000, "deux cent mille"},
        {21000, "vingt et un mille"}, {1000000, "un million"}, {2000000, "deux millions"},
        {200000000, "deux cents millions"}, {80000000, "quatre-vingts millions"},
        {1000000000, "un milliard"}, {2500000000ULL, "deux milliards cinq cents millions"},
        {1000000000000ULL, "un billion"},
        {3216489, "trois millions deux cent seize mille quatre cent quatre-vingt-neuf"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        expect_cardinal(cases[k].v, &fr, cases[k].words);
}

static void feminine_and_invariable(void **state)
{
    (void)state;
    num_style fem = {NUM_FR, true, false}, inv = {NUM_FR, false, true};
    expect_cardinal(1, &fem, "une");
    expect_cardinal(21, &fem, "vingt et une");
    expect_cardinal(81, &fem, "quatre-vingt-une");
    expect_cardinal(201, &fem, "deux cent une");
    expect_cardinal(21000000, &fem, "vingt et un millions"); /* millions are masculine */
    expect_cardinal(1980, &inv, "mille neuf cent quatre-vingt");
    expect_cardinal(500, &inv, "cinq cent");
    expect_cardinal(1900, &inv, "mille neuf cent");
}

static void dialects(void **state)
{
    (void)state;
    num_style be = {NUM_BE, false, false}, ch = {NUM_CH, false, false};
    expect_cardinal(70, &be, "septante");
    expect_cardinal(71, &be, "septante et un");
    expect_cardinal(80, &be, "quatre-vingts");
    expect_cardinal(91, &be, "nonante et un");
    expect_cardinal(99, &be, "nonante-neuf");
    expect_cardinal(80, &ch, "huitante");
    expect_cardinal(81, &ch, "huitante et un");
    expect_cardinal(1975, &ch, "mille neuf cent septante-cinq");
}

static void expect_ordinal(unsigned long long v, bool fem, bool plural, const char *want)
{
    strbuf b;
    sb_init(&b);
    assert_int_equal(num_ordinal(&b, v, fem, plural, &fr), 0);
    assert_string_equal(b.s, want);
    sb_free(&b);
}

static void ordinals(void **state)
{
    (void)state;
    expect_ordinal(1, false, false, "premier");
    expect_ordinal(1, true, false, "première");
    expect_ordinal(1, true, true, "premières");
    expect_ordinal(2, false, false, "deuxième");
    expect_ordinal(3, false, true, "troisièmes");
    expect_ordinal(4, false, false, "quatrième");
    expect_ordinal(5, false, false, "cinquième");
    expect_ordinal(9, false, false, "neuvième");
    expect_ordinal(11, false, false, "onzième");
    expect_ordinal(21, false, false, "vingt et unième");
    expect_ordinal(80, false, false, "quatre-vingtième");
    expect_ordinal(100, false, false, "centième");
    expect_ordinal(200, false, false, "deux centième");
    expect_ordinal(1000, false, false, "millième");
}

static void decimal_digits(void **state)
{
    (void)state;
    static const struct {
        const char *digits, *words;
    } cases[] = {{"5", "cinq"}, {"51", "cinquante et un"}, {"08", "zéro huit"},
                 {"005", "zéro zéro cinq"}, {"0", "zéro"}, {"10", "dix"},
                 {"1234567890123456789", "un deux trois quatre cinq six sept huit neuf zéro un deux trois quatre cinq six sept huit neuf"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        strbuf b;
        sb_init(&b);
        assert_int_equal(num_decimal_digits(&b, cases[k].digits, strlen(cases[k].digits), &fr), 0);
        assert_string_equal(b.s, cases[k].words);
        sb_free(&b);
    }
}

static void too_large_is_refused(void **state)
{
    (void)state;
    strbuf b;
    sb_init(&b);
    assert_int_equal(num_cardinal(&b, NUM_MAX + 1, &fr), -1);
    sb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cardinals_traditional_spelling),
        cmocka_unit_test(feminine_and_invariable),
        cmocka_unit_test(dialects),
        cmocka_unit_test(ordinals),
        cmocka_unit_test(decimal_digits),
        cmocka_unit_test(too_large_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
