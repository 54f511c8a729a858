/* The page reader on fixtures written for the project (one pair or more a
 * site rule, the scoring fallback, encodings, broken markup) and on the
 * lemonde-atacms sample, plus in-memory pages for the edge cases. */
#include "fixtures/fixture_check.h"

#include <iconv.h>

static void fixtures_read_as_expected(void **state)
{
    (void)state;
    assert_int_equal(fx_check_dir("tests/fixtures/html", ".html"), 0);
}

static void sample_page_read_as_expected(void **state)
{
    (void)state;
    assert_int_equal(fx_check_dir("samples", ".html"), 0);
}

static void read_page(const char *html, size_t len, ora_article *a)
{
    ora_error err;
    ora_article_init(a);
    assert_int_equal(ora_read_html(html, len, a, &err), 0);
}

/* Bytes that iconv's windows-1252 refuses must not cut the page short. */
/* A comment-header phrase ("12 réflexions sur « … »") met inside a
 * paragraph of prose is prose: the article goes on past it. */
static void header_phrase_inside_prose_does_not_end(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>Le débat</title></head><body><article><h1>Le débat</h1>"
        "<p>Le ministre a livré mardi ses réflexions sur la réforme des retraites devant "
        "les députés, dans un long discours que l'opposition a jugé sans surprise, mais "
        "que sa majorité a applaudi à plusieurs reprises.</p>"
        "<p>La suite du débat est prévue la semaine prochaine, quand les amendements des "
        "groupes seront examinés un par un, article après article, jusqu'au vote.</p>"
        "</article></body></html>";
    ora_article a;
    read_page(page, sizeof page - 1, &a);
    assert_int_equal(a.n_blocks, 2);
    ora_article_free(&a);
}

static void windows_1252_unassigned_bytes_keep_the_rest(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><meta charset=\"windows-1252\"></head><body><article>"
        "<p>Un caf\xe9 \x81 et l\x92\x8d" "addition, s\x9cur.</p><p>Fin du texte.</p>"
        "</article></body></html>";
    ora_article a;
    read_page(page, sizeof page - 1, &a);
    assert_int_equal(a.n_blocks, 2);
    assert_string_equal(a.blocks[0].text, "Un café et l’addition, sœur.");
    assert_string_equal(a.blocks[1].text, "Fin du texte.");
    ora_article_free(&a);
}

/* A Latin-1 page on disk is read, and so is a Latin-1 browser copy (its
 * charset guessed: windows-1252). */
static void pages_and_copies_may_be_in_another_encoding(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), html[256], txt[256];
    snprintf(html, sizeof html, "%s/page.html", dir);
    snprintf(txt, sizeof txt, "%s/copy.txt", dir);
    static const char page[] = "<html><body><h1>Un \xe9t\xe9 au bord de l'eau</h1>"
                               "<p>Il fait tr\xe8s chaud, et la plage est pleine.</p></body></html>";
    static const char copy[] = "Un \xe9t\xe9 au bord de l'eau\n\nIl fait tr\xe8s chaud \xe0 "
                               "\xc9tretat, et la plage est pleine d\xe8s le matin : les baigneurs "
                               "arrivent \xe0 pied ou \xe0 v\xe9lo.\n";
    tu_write(html, page, sizeof page - 1);
    tu_write(txt, copy, sizeof copy - 1);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_file(html, ORA_INPUT_AUTO, &a, &err), 0);
    assert_string_equal(a.title, "Un été au bord de l'eau");
    ora_article_free(&a);
    assert_int_equal(ora_read_file(txt, ORA_INPUT_AUTO, &a, &err), 0);
    assert_string_equal(a.title, "Un été au bord de l'eau");
    ora_article_free(&a);
    tu_rmdir(dir);
}

/* s (UTF-8) in charset code, NUL-terminated in out. */
static size_t encode_as(const char *code, const char *s, char *out, size_t size)
{
    iconv_t cd = iconv_open(code, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *in = (char *)s, *o = out;
    size_t in_left = strlen(s), out_left = size - 1;
    assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
    iconv_close(cd);
    *o = '\0';
    return (size_t)(o - out);
}

/* Chinese and Japanese part no words with spaces: an article in them is
 * no "page without text"; and a Japanese page that names no charset, in
 * Shift_JIS, is read as Japanese, not as windows-1252. */
static void pages_in_scripts_without_spaces(void **state)
{
    (void)state;
    static const char para[] = "北京市周六举行了一年一度的文化节，吸引了数万名市民和游客前来参观。"
                               "活动包括传统音乐表演、书法展览和各地美食，许多家庭带着孩子一起参加。"
                               "组织者表示，明年将继续扩大规模，邀请更多国家的艺术团体参加演出。";
    static const char jpara[] = "東京都は土曜日に毎年恒例の文化祭を開催し、数万人の市民や観光客が訪れた。"
                                "伝統音楽の公演や書道の展示、各地の料理などが用意され、会場は大いに盛り上がった。"
                                "主催者は来年さらに規模を拡大する予定だと述べた。";
    char utf8[4096], bytes[4096], path[256], *dir = tu_tmpdir();
    snprintf(path, sizeof path, "%s/page.html", dir);
    snprintf(utf8, sizeof utf8,
             "<html><head><meta charset=\"gb2312\"><title>北京举行文化节</title></head><body>"
             "<h1>北京举行文化节</h1><p>%s</p><p>%s</p></body></html>", para, para);
    tu_write(path, bytes, encode_as("GB2312", utf8, bytes, sizeof bytes));
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_file(path, ORA_INPUT_AUTO, &a, &err), 0);
    assert_null(a.not_article);
    assert_string_equal(a.title, "北京举行文化节");
    assert_true(a.n_blocks >= 1 && strncmp(a.blocks[0].text, "北京市周六", strlen("北京市周六")) == 0);
    ora_article_free(&a);
    snprintf(utf8, sizeof utf8,
             "<html><head><title>東京で文化祭</title></head><body><h1>東京で文化祭</h1>"
             "<p>%s</p><p>%s</p></body></html>", jpara, jpara);
    tu_write(path, bytes, encode_as("SHIFT_JIS", utf8, bytes, sizeof bytes));
    ora_article_init(&a);
    assert_int_equal(ora_read_file(path, ORA_INPUT_AUTO, &a, &err), 0);
    assert_string_equal(a.title, "東京で文化祭");
    assert_null(a.not_article);
    ora_article_free(&a);
    /* A byte the charset cannot decode, in the first paragraph, with the
     * charset named or not, costs that byte: the second paragraph is read
     * (libxml2 alone stops there and drops the rest). */
    for (int declared = 0; declared < 2; declared++) {
        snprintf(utf8, sizeof utf8,
                 "<html><head>%s<title>東京で文化祭</title></head><body><h1>東京で文化祭</h1>"
                 "<p>%s@@</p><p>二つ目の段落です。%s</p></body></html>",
                 declared ? "<meta charset=\"shift_jis\">" : "", jpara, jpara);
        size_t n = encode_as("SHIFT_JIS", utf8, bytes, sizeof bytes);
        char *at = strstr(bytes, "@@");
        at[0] = (char)0x81, at[1] = (char)0x20; /* a lead byte, then no trail byte */
        tu_write(path, bytes, n);
        ora_article_init(&a);
        assert_int_equal(ora_read_file(path, ORA_INPUT_AUTO, &a, &err), 0);
        assert_string_equal(a.title, "東京で文化祭");
        assert_int_equal(a.n_blocks, 2);
        assert_non_null(strstr(a.blocks[1].text, "二つ目の段落です。"));
        ora_article_free(&a);
    }
    tu_rmdir(dir);
}

/* isAccessibleForFree in every written form marks the article truncated. */
static void every_not_free_form_truncates(void **state)
{
    (void)state;
    static const char *const forms[] = {"false", "\"False\"", "\"false\"",
                                        "\"http://schema.org/False\"",
                                        "\"https://schema.org/False\"", NULL};
    for (const char *const *f = forms; *f; f++) {
        char page[512];
        int n = snprintf(page, sizeof page,
                         "<html><head><script type=\"application/ld+json\">"
                         "{\"@type\":\"NewsArticle\",\"headline\":\"Titre\","
                         "\"isAccessibleForFree\":%s}</script></head><body>"
                         "<p>Un paragraphe libre.</p></body></html>", *f);
        ora_article a;
        read_page(page, (size_t)n, &a);
        if (!a.truncated)
            fail_msg("isAccessibleForFree %s not read as paid", *f);
        ora_article_free(&a);
    }
}

/* A hasPart selector that names a real paid part stops the reading there. */
static void paid_part_selector_stops_reading(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"isAccessibleForFree\":false,\"hasPart\":{\"isAccessibleForFree\":false,"
        "\"cssSelector\":\".reserve\"}}</script></head><body><div itemprop=\"articleBody\">"
        "<p>Le d\xc3\xa9" "but libre de l'article.</p><div class=\"reserve\"><p>La suite payante, "
        "longue, longue, longue, longue, longue, longue, longue, longue, longue, longue, "
        "longue, longue, longue, longue, longue, longue, longue, longue, longue, longue, "
        "longue, longue, longue, longue, longue.</p></div><p>Encore payant.</p></div></body></html>";
    ora_article a;
    read_page(page, sizeof page - 1, &a);
    assert_int_equal(a.n_blocks, 1);
    assert_string_equal(a.blocks[0].text, "Le début libre de l'article.");
    assert_true(a.truncated);
    ora_article_free(&a);
}

/* Does the page's body read a block holding this text? */
static bool page_reads(const char *html, size_t len, const char *text)
{
    ora_article a;
    read_page(html, len, &a);
    bool found = false;
    for (size_t i = 0; i < a.n_blocks && !found; i++)
        found = strstr(a.blocks[i].text, text) != NULL;
    ora_article_free(&a);
    return found;
}

/* An end phrase between the article's parts, before its own container
 * (a "Réagir" link under a long intro set apart), is a header's link: the
 * body after it is read. */
static void end_phrase_before_the_body_does_not_end(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>Le budget voté</title></head><body><div class=\"page\">"
        "<h1>Le budget voté</h1>"
        "<div class=\"intro\"><p>Le conseil municipal a adopté lundi soir, au terme d'une séance de "
        "plus de quatre heures, un budget marqué par la hausse des dépenses d'énergie, la "
        "rénovation de deux écoles et le report de plusieurs projets de voirie, que l'opposition "
        "juge pourtant urgents. Le maire a défendu un budget de prudence, sans hausse des taux "
        "d'imposition, en rappelant que la dette de la ville a baissé de dix pour cent depuis le "
        "début du mandat, et que les subventions aux associations sont maintenues au même niveau "
        "que l'an dernier, malgré l'inflation. Les élus de la majorité ont salué un budget « responsable », "
        "quand l'opposition a dénoncé un manque d'ambition pour les quartiers.</p></div>"
        "<div class=\"outils\"><a href=\"#commentaires\">Réagir</a></div>"
        "<div class=\"corps\">"
        "<p>Dans le détail, la facture de chauffage des bâtiments municipaux passe de 1,2 à 1,9 "
        "million d'euros, une hausse que la ville compense en partie par l'extinction de "
        "l'éclairage public entre une heure et cinq heures du matin.</p>"
        "<p>La rénovation des écoles Jean-Jaurès et des Tilleuls, estimée à quatre millions "
        "d'euros, commencera l'été prochain, avec l'isolation des façades, le changement des "
        "fenêtres et l'installation de panneaux solaires sur les toits.</p>"
        "<p>L'opposition a voté contre, en reprochant à la majorité de reporter encore la "
        "réfection de l'avenue de la Gare, où les nids-de-poule se multiplient, et la création "
        "d'une piste cyclable vers la zone commerciale, promise depuis six ans.</p>"
        "<p>Le vote définitif des subventions aux associations aura lieu en mars, après l'examen "
        "des dossiers par la commission, qui se réunira deux fois d'ici là.</p>"
        "</div></div></body></html>";
    assert_true(page_reads(page, sizeof page - 1, "Jean-Jaurès"));
}

/* Short items whose headings link out (a list of addresses) are the
 * article; a teaser box links to the site's own pages. */
static void items_linking_out_are_read(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>Trois tables au bord du lac</title></head><body><article>"
        "<h1>Trois tables au bord du lac</h1>"
        "<p>L'été venu, les terrasses qui bordent le lac se remplissent dès midi, et il faut "
        "souvent réserver la veille pour trouver une place à l'ombre des platanes.</p>"
        "<div class=\"item\"><h3><a href=\"https://auberge-du-port.example/\">L'Auberge du port</a>"
        "</h3><p>Filets de perche et vue sur les voiliers, menu à 32 francs.</p></div>"
        "<div class=\"item\"><h3><a href=\"https://chez-marthe.example/\">Chez Marthe</a></h3>"
        "<p>Une cuisine de saison servie sous la tonnelle, fermé le lundi.</p></div>"
        "<p>Les trois restaurants acceptent les groupes, à condition de prévenir quelques jours "
        "à l'avance, et proposent des menus pour les enfants.</p>"
        "</article></body></html>";
    assert_true(page_reads(page, sizeof page - 1, "Filets de perche"));
}

/* A short description is the site's tagline only over a body: on a page
 * with no body it is all the page says, kept for the judgment of the page. */
static void short_description_without_body_is_kept(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>La tempête frappe la côte</title>"
        "<meta name=\"description\" content=\"Les vagues frappent la digue.\"></head>"
        "<body><div class=\"lecteur\"><video src=\"a.mp4\"></video></div></body></html>";
    ora_article a;
    read_page(page, sizeof page - 1, &a);
    assert_non_null(a.lede);
    ora_article_free(&a);
}

/* A description cut short that opens the first paragraph (in other
 * punctuation) is not read before it as a lede, in any script: a Russian
 * one is compared by its Cyrillic letters, not only by its digits. */
static void description_opening_the_body_is_no_lede_in_any_script(void **state)
{
    (void)state;
    static const char page[] =
        "<html lang=\"ru\"><head><title>Новый мост в Казани</title>"
        "<meta name=\"description\" content=\"В субботу в Казани открылся новый мост через "
        "Волгу, который строили четыре года: теперь дорога из центра города до аэропорта\"></head><body><article><h1>Новый мост в Казани</h1>"
        "<p>В субботу в Казани открылся новый мост через Волгу, который строили четыре года. "
        "Теперь дорога из центра города до аэропорта занимает двадцать минут вместо часа.</p>"
        "<p>По словам мэра, мост рассчитан на сорок тысяч автомобилей в сутки, а для пешеходов "
        "и велосипедистов построены отдельные дорожки вдоль всего моста.</p>"
        "</article></body></html>";
    ora_article a;
    read_page(page, sizeof page - 1, &a);
    assert_null(a.lede);
    assert_int_equal(a.n_blocks, 2);
    assert_non_null(strstr(a.blocks[0].text, "В субботу в Казани"));
    ora_article_free(&a);
}

static void empty_and_tagless_pages_do_not_crash(void **state)
{
    (void)state;
    static const char *const pages[] = {"<", "<html>", "<p>", "<!-- -->", "<html><body></body></html>",
                                        "\xef\xbb\xbf<html>", "\xff\xfe<\0h\0t\0m\0l\0>\0", NULL};
    for (const char *const *p = pages; *p; p++) {
        ora_article a;
        ora_error err;
        ora_article_init(&a);
        ora_read_html(*p, strlen(*p) ? strlen(*p) : 1, &a, &err);
        free(ora_article_to_json(&a));
        ora_article_free(&a);
    }
}

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* A page on disk reaches the parser in pieces (the reader frees them as
 * it goes): a character cut by a piece boundary is read whole. Here an
 * "é" straddles every 4 KB boundary of a 256 KB page. */
static void characters_across_pieces_are_whole(void **state)
{
    (void)state;
    size_t cap = 300 * 1024, n = 0, straddles = 0, euros = 0;
    char *page = malloc(cap);
    assert_non_null(page);
    n += (size_t)sprintf(page, "<html><head><meta charset=\"utf-8\"><title>Le budget voté</title>"
                               "</head><body><article><h1>Le budget voté</h1><p>");
    while (n < 256 * 1024) {
        size_t boundary = (n / 4096 + 1) * 4096;
        char sentence[128]; /* numbered: a block read already is not read again */
        size_t len = (size_t)snprintf(sentence, sizeof sentence,
                                      "Le conseil numéro %zu a débattu du budget des écoles "
                                      "d'Orléans : 12 € par habitant. ", euros);
        if (n + len < boundary - 4) {
            memcpy(page + n, sentence, len);
            n += len, euros++;
            continue;
        }
        while (n < boundary - 5) /* "Cet " then the first byte of "é" */
            page[n++] = ' ';
        n += (size_t)sprintf(page + n, "Cet été, ");
        if (++straddles % 4 == 0)
            n += (size_t)sprintf(page + n, "</p><p>");
    }
    n += (size_t)sprintf(page + n, "</p></article></body></html>");
    char *dir = tu_tmpdir(), *path = malloc(strlen(dir) + 16);
    sprintf(path, "%s/page.html", dir);
    tu_write(path, page, n);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_file(path, ORA_INPUT_AUTO, &a, &err), 0);
    size_t seen_straddles = 0, seen_euros = 0;
    for (size_t i = 0; i < a.n_blocks; i++) {
        seen_straddles += count_of(a.blocks[i].text, "Cet été,");
        seen_euros += count_of(a.blocks[i].text, "12 € par habitant");
        assert_null(strstr(a.blocks[i].text, "\xef\xbf\xbd")); /* U+FFFD */
        assert_null(strstr(a.blocks[i].text, "Ã"));
    }
    assert_int_equal(seen_straddles, straddles);
    assert_int_equal(seen_euros, euros);
    ora_article_free(&a);
    free(path);
    free(page);
    tu_rmdir(dir);
}

/* "<script … />": HTML ignores the slash and the script runs to
 * </script>; so does a self-closed <style>. Its code is never read, in a
 * small page read from memory nor in a page read from a file in pieces,
 * one such tag straddling two of them; "<p/>" and quoted "/>" in an
 * attribute change nothing. */
static void self_closed_scripts_stay_scripts(void **state)
{
    (void)state;
    static const char small[] =
        "<html><head><title>Le budget voté</title><style/>p { color: red; }</style></head><body><article>"
        "<h1>Le budget voté</h1><p>Le conseil municipal a voté mardi un budget attendu, après un long débat.</p>"
        "<script type=\"text/javascript\" data-x=\"a/>b\" />(function() { document.addEventListener('x', "
        "function() { var leak = 'CODE_LEAK'; }); })();</script>"
        "<p>Les élus de l'opposition ont dénoncé une hausse des impôts qui pèsera sur les familles.</p>"
        "</article></body></html>";
    ora_article a;
    read_page(small, sizeof small - 1, &a);
    assert_int_equal(a.n_blocks, 2);
    assert_non_null(strstr(a.blocks[1].text, "Les élus de l'opposition"));
    for (size_t i = 0; i < a.n_blocks; i++)
        assert_null(strstr(a.blocks[i].text, "CODE_LEAK")), assert_null(strstr(a.blocks[i].text, "color"));
    ora_article_free(&a);

    size_t cap = 200 * 1024, n = 0, k = 0;
    char *page = malloc(cap);
    assert_non_null(page);
    n += (size_t)sprintf(page, "<html><head><title>Le budget voté</title></head><body><article><h1>Le budget voté</h1>");
    static const char script[] = "<script src=\"/a.js\"/>var leak = 'CODE_LEAK';</script>";
    while (n < 150 * 1024) {
        if (n < 64 * 1024 && n + 200 > 64 * 1024) { /* the tag across the first piece's end */
            while (n + 10 < 64 * 1024)
                page[n++] = ' ';
            n += (size_t)sprintf(page + n, "%s", script);
            continue;
        }
        n += (size_t)sprintf(page + n, "<p>Le conseil numéro %zu a débattu du budget des écoles, des routes "
                                       "et des piscines de la ville.</p>%s", k, k % 50 == 0 ? script : "");
        k++;
    }
    n += (size_t)sprintf(page + n, "</article></body></html>");
    char *dir = tu_tmpdir(), *path = malloc(strlen(dir) + 16);
    sprintf(path, "%s/page.html", dir);
    tu_write(path, page, n);
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_file(path, ORA_INPUT_AUTO, &a, &err), 0);
    assert_int_equal(a.n_blocks, k);
    for (size_t i = 0; i < a.n_blocks; i++)
        assert_null(strstr(a.blocks[i].text, "CODE_LEAK"));
    ora_article_free(&a);
    free(page);
    free(path);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixtures_read_as_expected),
        cmocka_unit_test(sample_page_read_as_expected),
        cmocka_unit_test(header_phrase_inside_prose_does_not_end),
        cmocka_unit_test(windows_1252_unassigned_bytes_keep_the_rest),
        cmocka_unit_test(pages_and_copies_may_be_in_another_encoding),
        cmocka_unit_test(pages_in_scripts_without_spaces),
        cmocka_unit_test(every_not_free_form_truncates),
        cmocka_unit_test(paid_part_selector_stops_reading),
        cmocka_unit_test(end_phrase_before_the_body_does_not_end),
        cmocka_unit_test(items_linking_out_are_read),
        cmocka_unit_test(short_description_without_body_is_kept),
        cmocka_unit_test(description_opening_the_body_is_no_lede_in_any_script),
        cmocka_unit_test(empty_and_tagless_pages_do_not_crash),
        cmocka_unit_test(characters_across_pieces_are_whole),
        cmocka_unit_test(self_closed_scripts_stay_scripts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
