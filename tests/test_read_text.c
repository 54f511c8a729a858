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

/* Chinese parts no words with spaces: a copy of an article in it is an
 * article (its characters count as words), not a scrap of text. */
static void copy_in_chinese_is_an_article(void **state)
{
    (void)state;
    static const char copy[] =
        "首页\n新闻\n体育\n\n北京举行大型文化节\n\n"
        "北京市周六举行了一年一度的文化节，吸引了数万名市民和游客前来参观。活动包括传统音乐表演、"
        "书法展览和各地美食，许多家庭带着孩子一起参加，现场气氛十分热烈。\n\n"
        "组织者表示，明年将继续扩大规模，邀请更多国家的艺术团体参加演出，并增加面向儿童的互动活动。\n\n"
        "版权所有\n";
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_text(copy, sizeof copy - 1, &a, &err), 0);
    assert_null(a.not_article);
    assert_string_equal(a.title, "北京举行大型文化节");
    assert_int_equal(a.n_blocks, 2);
    ora_article_free(&a);
}

/* Reads text (a string literal's bytes) into a, which must be an article
 * with that title. */
static void read_titled_article(const char *text, size_t n, ora_article *a, const char *title)
{
    ora_error err;
    ora_article_init(a);
    assert_int_equal(ora_read_text(text, n, a, &err), 0);
    assert_null(a->not_article);
    assert_string_equal(a->title, title);
}

/* Someone's own text: a title line and paragraphs, no byline, no
 * furniture. It is read as it is, not refused. */
static void bare_prose_is_read_as_is(void **state)
{
    (void)state;
    static const char text[] =
        "Le jardin partag\xc3\xa9 du quartier\n\n"
        "Depuis le printemps, une dizaine de voisins cultivent ensemble la parcelle "
        "laiss\xc3\xa9""e libre derri\xc3\xa8re l'\xc3\xa9""cole.\n\n"
        "Chacun vient quand il peut, et les l\xc3\xa9gumes sont partag\xc3\xa9s "
        "entre tous ceux qui ont donn\xc3\xa9 un coup de main.\n";
    ora_article a;
    read_titled_article(text, sizeof text - 1, &a, "Le jardin partag\xc3\xa9 du quartier");
    assert_null(a.byline);
    size_t paragraphs = 0;
    for (size_t i = 0; i < a.n_blocks; i++)
        paragraphs += a.blocks[i].kind == ORA_BLOCK_PARAGRAPH;
    assert_int_equal(paragraphs + (a.lede != NULL), 2);
    ora_article_free(&a);
}

/* A one-word heading over someone's prose is its title, not furniture
 * that makes the text a short scrap; a menu's word is not a title. */
static void one_word_heading_is_the_title(void **state)
{
    (void)state;
    static const char prose[] =
        "\n\nLe conseil municipal a vot\xc3\xa9 hier soir le budget de la commune pour "
        "l'ann\xc3\xa9""e prochaine, apr\xc3\xa8s trois heures de d\xc3\xa9""bat et deux "
        "suspensions de s\xc3\xa9""ance.\n";
    char text[400];
    ora_article a;
    ora_error err;
    snprintf(text, sizeof text, "\xc3\x89""ditorial%s", prose);
    ora_article_init(&a);
    assert_int_equal(ora_read_text(text, strlen(text), &a, &err), 0);
    assert_null(a.not_article);
    assert_string_equal(a.title, "\xc3\x89""ditorial");
    ora_article_free(&a);

    snprintf(text, sizeof text, "Menu%s", prose);
    ora_article_init(&a);
    assert_int_equal(ora_read_text(text, strlen(text), &a, &err), 0);
    assert_true(a.title == NULL || strcmp(a.title, "Menu") != 0);
    ora_article_free(&a);
}

/* A page of menu links and one-line teasers holds no article: the reader
 * says so instead of reading the teasers. */
static void page_of_links_is_no_article(void **state)
{
    (void)state;
    static const char text[] =
        "Accueil\nPolitique\n\xc3\x89""conomie\nSport\nCulture\n"
        "Les maires ruraux inquiets pour leurs \xc3\xa9""coles\n"
        "Le prix du gazole recule encore\n"
        "Coupe de France : Nantes passe en quarts\n"
        "Un festival de jazz annul\xc3\xa9 faute de b\xc3\xa9n\xc3\xa9voles\n"
        "Mentions l\xc3\xa9gales\nContact\n";
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_text(text, sizeof text - 1, &a, &err), 0);
    assert_non_null(a.not_article);
    ora_article_free(&a);
}

/* A label and one sentence under some furniture: refused, and the reason
 * says it is short, not that it is something it is not ("a page of
 * links"). */
static void scrap_is_refused_as_short(void **state)
{
    (void)state;
    static const char text[] = "Menu\nTitre 1\n\nLe conseil a vot\xc3\xa9 le budget.\n";
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_text(text, sizeof text - 1, &a, &err), 0);
    assert_non_null(a.not_article);
    assert_non_null(strstr(a.not_article, "too short"));
    ora_article_free(&a);
}

/* A line that opens on a full stop and a space (". Valence : une
 * pétition…", a bullet the copy made of a dot) has no sentence before its
 * "signature": it is a paragraph, not a signed legend, and the look-back
 * for the letter before the stop stays inside the line (libFuzzer found it
 * reading the byte before, ASan). */
static void line_opening_on_a_stop_is_prose(void **state)
{
    (void)state;
    static const char text[] =
        "La piscine Jean-Pommier fermera ses portes en juin\n\nPar Claire Moreau\n\n"
        "Publi\xc3\xa9 le 3 d\xc3\xa9" "cembre 2026 \xc3\xa0 10h12\n\n"
        "La mairie a confirm\xc3\xa9 mardi la fermeture de la piscine \xc3\xa0 la fin de la saison, "
        "faute de cr\xc3\xa9" "dits pour r\xc3\xa9nover ses bassins et sa toiture.\n"
        ". Valence : une p\xc3\xa9tition pour sauver la piscine Jean-Pommier\n"
        "Les usagers ont lanc\xc3\xa9 une p\xc3\xa9tition qui r\xc3\xa9unit d\xc3\xa9j\xc3\xa0 "
        "plus de trois mille signatures et demandent un report de la d\xc3\xa9" "cision.\n"
        "Le maire doit les recevoir la semaine prochaine, mais le budget de la ville ne "
        "permettra pas de financer seul un chantier de plusieurs millions d'euros.\n";
    ora_article a;
    read_titled_article(text, sizeof text - 1, &a, "La piscine Jean-Pommier fermera ses portes en juin");
    bool kept = false;
    for (size_t k = 0; k < a.n_blocks; k++)
        kept |= strstr(a.blocks[k].text, "Valence : une p") != NULL;
    assert_true(kept);
    ora_article_free(&a);
}

/* A copy's last line may end on a table's cell holding a button and the
 * first byte of a letter cut short (a copy truncated mid-character): the
 * cell's words are counted within the buffer, which need not end on a NUL
 * (libFuzzer found the letter test reading past it, ASan). The buffer is
 * allocated to its exact length so that ASan sees any byte read past. */
static void last_cell_cut_mid_letter_is_read_within(void **state)
{
    (void)state;
    static const char text[] =
        "Le conseil municipal vote le budget\n\n"
        "Le conseil municipal a adopt\xc3\xa9 lundi soir le budget de la commune, apr\xc3\xa8s deux heures "
        "de d\xc3\xa9" "bat sur la r\xc3\xa9novation de l'\xc3\xa9" "cole et le prix de la cantine.\n"
        "2/10 - Fermeture du centre\tCliquez \xe1\x89\xa0\xe1";
    size_t n = sizeof text - 1;
    char *copy = malloc(n);
    assert_non_null(copy);
    memcpy(copy, text, n);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    (void)ora_read_text(copy, n, &a, &err); /* read or refused: no byte past the buffer */
    ora_article_free(&a);
    free(copy);
}

/* A headline the copy shows again under the stretch, taken for the title
 * by its breadcrumb, moved the article's start past its end: nothing was
 * read, and the body's tables were sized from a negative count (a fuzzer's
 * input, ASan's allocation-size-too-big). The stretch is read. */
static void title_under_the_stretch_moves_nothing(void **state)
{
    (void)state;
    static const char text[] =
        "Le JournaKl des Vall\xc3"  "\xa9"  "es\n"
        "Mercredi 2 d\xc3"  "\xa9"  "cembre 2026\n"
        "\n"
        "Fil info\n"
        "09:12 Neige : les cars scolaires suspendus sur le plateau\n"
        "08:40 Un incendie ma\xc3"  "\xae"  "triLa fromagerie install\xc3"  "\xa9"  "e au pied du col a annonc\xc3"  "\xa9"  " mardi l'embauche de vingt salari\xc3"  "\xa9"  "s, apr\xc3"  "\xa8"  "s une ann\xc3"  "\xa9"  "e o\xc3"  "\xb9"  " ses ventes ont\x8e"  "progress que la r\xc3"  "\xa9"  "gion financera en partie au titre de son plan pour l'agriculture de montagne.\n"
        "\n"
        "Les producteurs de lait du plateau, qui livrent la fromagerie chaque matin, ont obtenu au passage une hausseud  prix pay\xc3"  "\xa9"  " pour leur lait.\n"
        "\n"
        "LesLes deux \xc3"  "\xa9"  "t\xc3"  "\xa9"  "s tr\xc3"  "\xa8"  "s chauds, des chutes de neige\x17"  "faibles en hiv plus lus\n"
        "Neige : les cars scolaires suspendus sur le plateau\n"
        "Mentions l\xc3"  "\xa9"  "gales\n";
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_text(text, sizeof text - 1, &a, &err), 0);
    assert_true(a.n_blocks > 0);
    ora_article_free(&a);
}

/* A page's path over its title ("Accueil Actualités", two capitalized
 * words over the headline and its dateline) is no author's name. */
static void breadcrumb_is_no_byline(void **state)
{
    (void)state;
    for (int k = 0; k < 2; k++) {
        char *copy = tu_read(k ? "tests/fixtures/text/institut-liens-sociaux-repetes-chrome.txt"
                               : "tests/fixtures/text/institut-liens-sociaux-repetes-firefox.txt");
        ora_article a;
        ora_error err;
        ora_article_init(&a);
        assert_int_equal(ora_read_text(copy, strlen(copy), &a, &err), 0);
        assert_null(a.byline);
        assert_string_equal(a.published, "2024-04-03");
        ora_article_free(&a);
        free(copy);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixtures_read_as_expected),
        cmocka_unit_test(sample_copy_read_as_expected),
        cmocka_unit_test(copy_without_meta_lines),
        cmocka_unit_test(copy_in_chinese_is_an_article),
        cmocka_unit_test(bare_prose_is_read_as_is),
        cmocka_unit_test(one_word_heading_is_the_title),
        cmocka_unit_test(page_of_links_is_no_article),
        cmocka_unit_test(scrap_is_refused_as_short),
        cmocka_unit_test(line_opening_on_a_stop_is_prose),
        cmocka_unit_test(last_cell_cut_mid_letter_is_read_within),
        cmocka_unit_test(title_under_the_stretch_moves_nothing),
        cmocka_unit_test(breadcrumb_is_no_byline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
