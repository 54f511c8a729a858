/* French datelines as sites print them: dates in their written forms, the
 * byline after "Par", and lines that only look like datelines (prose that
 * opens with a date, a caption) refused. */
#include "testutil.h"

#include "read/dateline.h"

/* The cue words of rules/fr/dateline.txt, loaded once for every test. */
static read_cues cues;

static void expect_line(const char *line, const char *published, const char *modified,
                        const char *byline)
{
    dateline d;
    if (!dateline_parse(&cues, line, &d))
        fail_msg("not read as a dateline: %s", line);
    assert_string_equal(d.published, published);
    assert_string_equal(d.modified, modified);
    assert_string_equal(d.byline, byline);
}

static void expect_date(const char *text, const char *iso)
{
    char got[32];
    if (!dateline_date(&cues, text, got))
        fail_msg("not read as a date: %s", text);
    assert_string_equal(got, iso);
}

static void written_dates(void **state)
{
    (void)state;
    char iso[32];
    expect_date("18 novembre 2024", "2024-11-18");
    expect_date("1er mai 2020 à 8h05", "2020-05-01T08:05");
    expect_date("mardi 5 juillet 2011 à 22h09", "2011-07-05T22:09");
    expect_date("07 Mai 2020", "2020-05-07");
    expect_date("3 déc. 2023 à 14:30", "2023-12-03T14:30");
    /* the month first, as English datelines write it */
    expect_date("JAN. 13, 2017", "2017-01-13");
    expect_date("September 21, 2011, 3:17 PM", "2011-09-21T15:17");
    assert_false(dateline_date(&cues, "May 40, 2020", iso));
    assert_false(dateline_date(&cues, "May be 2020", iso));
    expect_line("By JEFFREY GETTLEMAN JAN. 13, 2017", "2017-01-13", "", "JEFFREY GETTLEMAN");
    expect_line("posted on April 21, 2015", "2015-04-21", "", "");
    /* a weekday before the month, the English endings of the day */
    expect_date("Friday, March 1st, 2019", "2019-03-01");
    expect_date("22nd May 2018", "2018-05-22");
    expect_line("posted on Saturday, June 13th, 2015", "2015-06-13", "", "");
    expect_line("By Helen Marsh Tuesday, Aug. 17, 2010", "2010-08-17", "", "Helen Marsh");
    /* a radio's dateline: the time before its date, the name without "Par" */
    expect_line("Alexandre Chauveau 07h06, le 31 décembre 2022, modifié à 07h59, le 31 décembre 2022",
                "2022-12-31T07:06", "2022-12-31T07:59", "Alexandre Chauveau");
    expect_line("Par Jeanne Martin 18h45, le 2 mars 2023", "2023-03-02T18:45", "", "Jeanne Martin");
    /* a label a copy glued to its date; a word that only opens as one is none */
    expect_line("Publié8 décembre 2022, 19:01", "2022-12-08T19:01", "", "");
    dateline glued = {0};
    dateline_parse(&cues, "Publications8 décembre 2022", &glued);
    assert_string_equal(glued.published, "");
    /* English bylines: two names joined by "and", "Posted by" */
    expect_line("By Helen Marsh and Tom Reed", "", "", "Helen Marsh and Tom Reed");
    expect_line("Posted by Tom Reed on June 12, 2017", "2017-06-12", "", "Tom Reed");
    /* the byline after the date */
    expect_line("Posted on June 12, 2017 by Tom Reed", "2017-06-12", "", "Tom Reed");
    expect_line("Publié le 3 mai 2020 à 10h05 par Jeanne Roux", "2020-05-03T10:05", "", "Jeanne Roux");
    /* the author's handle after the name, a time after a colon, its zone */
    expect_line("by Tom Reed @CityDesk November 29, 2016: 8:18 AM ET", "2016-11-29T08:18", "", "Tom Reed");
    expect_line("December 7, 2016 @ 3:53 PM", "2016-12-07T15:53", "", "");
    expect_line("Jan 9, 2017 at 10:05AM", "2017-01-09T10:05", "", ""); /* "AM" glued: no agency */
    /* "De :" as a byline's label; a blog theme's rubric after the name */
    expect_line("De: Marie Weber | Publié le 19/11/2023", "2023-11-19", "", "Marie Weber");
    expect_line("Par Admin dans Actualités | 3 mai 2024", "2024-05-03", "", "Admin");
    expect_line("Posted by Jane Doe in News | May 3, 2024", "2024-05-03", "", "Jane Doe");
    expect_line("De: Le Quotidien Dans Luxembourg Mis à jour le 19/11/23 21:06 | Publié le 19/11/23 20:00",
                "2023-11-19T20:00", "2023-11-19T21:06", "Le Quotidien");
    expect_line("December 15, 20163:33 PM ET", "2016-12-15T15:33", "", ""); /* the time run into the year */
    assert_false(dateline_date(&cues, "December 15, 20161", iso));
    /* a year cut short at the end of the text: nothing read past it (the
     * fuzzer found the glued-time test reading four bytes on); an exact
     * copy, so that the sanitizers see such a read */
    static const char cut[] = {'D', 'e', 'c', 'e', 'm', 'b', 'e', 'r', ' ', '1', '5', ',', ' ', '\0'};
    char *exact = malloc(sizeof cut);
    assert_non_null(exact);
    memcpy(exact, cut, sizeof cut);
    assert_false(dateline_date(&cues, exact, iso));
    free(exact);
    /* fields parted by slashes, one of them a button */
    expect_line("by Ann Bell / January 19, 2017 / Leave a comment", "2017-01-19", "", "Ann Bell");
    expect_line("Tom Reed | treed@example.com | June 2, 2018", "2018-06-02", "", "Tom Reed");
    /* a name before "le" and a date that ends the line signs it; with a
     * place after the date, the line is a caption's */
    expect_line("Jean Dupont, le 12 mars 2024", "2024-03-12", "", "Jean Dupont");
    expect_line("Jean Dupont, le 12 mars 2024 à 08h00", "2024-03-12T08:00", "", "Jean Dupont");
    expect_line("Jean-Marc Ayrault, le 27 octobre 2012 à Toulouse", "2012-10-27", "", "");
    /* the agency the writer signs with */
    expect_line("Jean Dupont (AFP) - 12 mars 2024 à 08:00", "2024-03-12T08:00", "", "Jean Dupont (AFP)");
    expect_line("Rédaction : Jean Dupont | 12.03.2024", "2024-03-12", "", "Jean Dupont");
}

static void numeric_dates(void **state)
{
    (void)state;
    char iso[32];
    expect_date("12.12.2019", "2019-12-12");
    expect_date("17/02/2020", "2020-02-17");
    expect_date("22/10/17 à 19h49", "2017-10-22T19:49");
    expect_date("2024-11-18T01:58:00+01:00", "2024-11-18T01:58");
    /* month first, as English pages write it, when no day-first reading holds */
    expect_date("11/28/2016 04:23 pm", "2016-11-28T16:23");
    expect_date("12/13/2020", "2020-12-13");
    /* not dates: a score, a month 13 either way, a day 32, a year alone */
    assert_false(dateline_date(&cues, "3-1", iso));
    assert_false(dateline_date(&cues, "13/13/2020", iso));
    assert_false(dateline_date(&cues, "12.13.20", iso));
    assert_false(dateline_date(&cues, "32 mai 2020", iso));
    assert_false(dateline_date(&cues, "2020", iso));
    assert_false(dateline_date(&cues, "12 pommes 2020", iso));
}

static void datelines_of_many_sites(void **state)
{
    (void)state;
    expect_line("Le Monde | 18.11.2024 à 01h58 \xE2\x80\xA2 Mis à jour le 18.11.2024 à 09h10 | "
                "Par Jeanne Martin",
                "2024-11-18T01:58", "2024-11-18T09:10", "Jeanne Martin");
    expect_line("Le 17/02/2020", "2020-02-17", "", "");
    expect_line("12.12.2019", "2019-12-12", "", "");
    expect_line("Accueil | Par Marc Leroy | 30 septembre 2018", "2018-09-30", "", "Marc Leroy");
    expect_line("par Didier Roy, 21 juin 2018", "2018-06-21", "", "Didier Roy");
    expect_line("Par Anne Petit le 07 Mai 2020", "2020-05-07", "", "Anne Petit");
    /* a newsroom signs without a name: dated, no byline */
    expect_line("R\xC3\xA9" "dig\xC3\xA9 par La r\xC3\xA9" "daction Mardi 22 Mars 2022", "2022-03-22", "", "");
    expect_line("Publié le 07 mai 2019 à 13h59 - Mis à jour le 08 mai 2019 à 09h03",
                "2019-05-07T13:59", "2019-05-08T09:03", "");
    expect_line("| Le 2 mai 2025", "2025-05-02", "", "");
    /* an update alone is the only date there is */
    expect_line("Mis à jour le 3 avril 2021", "2021-04-03", "", "");
    expect_line("Par Paul Durand (AFP)", "", "", "Paul Durand (AFP)");
    expect_line("Par : Luc Marchal", "", "", "Luc Marchal");
    expect_line("(07/12/2012)", "2012-12-07", "", "");
    expect_line("AFP Publié le 22/01/2024 à 09:47 - Modifié le 22/01/2024 à 12:15",
                "2024-01-22T09:47", "2024-01-22T12:15", "AFP");
    expect_line("Nadia Roux | 5 novembre 2019", "2019-11-05", "", "Nadia Roux");
    expect_line("Pierre DurandPublié le 21/06/2018 à 06:00", "2018-06-21T06:00", "", "Pierre Durand");
    /* a field's label is no name, and a story's credit line is a byline */
    expect_line("Dernière Modification: 3 avril 2021", "2021-04-03", "", "");
    expect_line("Story by Jane Smith", "", "", "Jane Smith");
    /* a field that opens on a separator with a space ("• - "), the shape
     * of the line where make fuzz-text (clang's UBSan) found the name's
     * scan stepping past its end; gcc's sanitizers do not see that step,
     * so this checks the reading around it */
    expect_line("4 mars 2024 \xE2\x80\xA2 - 5 min \xE2\x80\xA2 Nora Valdez", "2024-03-04", "",
                "Nora Valdez");
    /* a Hugo theme parts the fields with a spaced hyphen, U+2010 */
    expect_line("Créé le 1 Feb 2022 par Léa Moreau \xE2\x80\x90 5 min de lecture", "2022-02-01", "",
                "Léa Moreau");
}

static void bylines_with_roles(void **state)
{
    (void)state;
    expect_line("Par Léa Bernard, correspondante à Genève \xE2\x80\x94 5 avril 2017 à 19:26",
                "2017-04-05T19:26", "", "Léa Bernard");
    expect_line("Par Hugo Lambert(Lyon, correspondant)", "", "", "Hugo Lambert(Lyon, correspondant)");
    /* co-authors after a comma are names too; a title or a role is not one */
    expect_line("Par Bertille Bayart, Marie Visot", "", "", "Bertille Bayart, Marie Visot");
    expect_line("Par Ana Roux, Marc Petit et Léo Blanc, le 3 mai 2020 à 10h05", "2020-05-03T10:05", "",
                "Ana Roux, Marc Petit et Léo Blanc");
    expect_line("Par Jean Dupont, Le Courrier du Plateau, le 3 mai 2020", "2020-05-03", "", "Jean Dupont");
    expect_line("Par Jean Dupont, AFP, le 3 mai 2020", "2020-05-03", "", "Jean Dupont");
    /* the reading time after the dates, a space between */
    expect_line("22 septembre 2017 à 11h49, modifié le 12 octobre 2021 à 08h14 Temps de lecture : 4 min",
                "2017-09-22T11:49", "2021-10-12T08:14", "");
    /* a copy glues WordPress's publication and update dates together */
    expect_line("Publié par Jean Dupont le 13 mars 201713 mars 2017", "2017-03-13", "", "Jean Dupont");
}

static void prose_is_no_dateline(void **state)
{
    (void)state;
    dateline d;
    assert_false(dateline_parse(&cues, "Le 18 novembre 2024, le président a réuni les ministres "
                                "pour parler du budget de l'an prochain.", &d));
    assert_false(dateline_parse(&cues, "Par ailleurs, la mairie a annoncé des travaux.", &d));
    assert_false(dateline_parse(&cues, "La piscine du quartier nord, le 2 mars 2025.", &d));
    assert_false(dateline_parse(&cues, "Accueil", &d));
    /* two dates in a sentence that ends on its full stop: a programme's
     * schedule, said as written */
    assert_false(dateline_parse(&cues, "Diffusé le mardi 3 juin 2025 à 21h et le vendredi "
                                "20 juin 2025 à 15h24 sur Arte.", &d));
    /* a "par" inside the sentence is no byline's */
    assert_false(dateline_parse(&cues, "Le 7 juin 2006, la juge a été dessaisie du dossier et "
                                "remplacée par Xavier Morin, puis par Claire Duval.", &d));
    char name[64];
    assert_false(dateline_byline(&cues, "Par la suite, tout a changé", name, sizeof name));
    assert_true(dateline_byline(&cues, "Par Jean de La Tour", name, sizeof name));
    assert_string_equal(name, "Jean de La Tour");
}

/* A copy of the data with one line added to rules/fr/dateline.txt, for
 * ORALISE_DATA; the caller removes the folder. */
static char *data_with_cue(const char *line)
{
    char *dir = tu_tmpdir(), cmd[600];
    snprintf(cmd, sizeof cmd, "cp -R rules lexicons '%s'/ && echo '%s' >> '%s/rules/fr/dateline.txt'",
             dir, line, dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

/* A user adds a byline cue of their own site to the data, without a
 * rebuild, and the copy's byline is read; a cue under a misspelt section
 * is one clear error, not a cue silently ignored. */
static void cue_words_are_data(void **state)
{
    (void)state;
    static const char copy[] =
        "Le conseil municipal adopte le budget\n\n"
        "Signé Jeanne Martin | 3 mai 2024\n\n"
        "Le conseil municipal a adopté mardi soir le budget de la ville pour l'année "
        "prochaine, après un long débat sur le prix des cantines et sur les travaux de "
        "la piscine, qui devraient commencer à l'automne.\n\n"
        "L'opposition a voté contre le texte, qu'elle juge trop prudent sur les "
        "investissements, et a demandé que les habitants soient consultés avant la fin "
        "de l'année sur les grands projets du quartier nord.\n";
    char *in_dir = tu_tmpdir(), *in = tu_write_in(in_dir, "budget.txt", copy);
    tu_result r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.out, "\"byline\":\"Jeanne Martin\""));
    tu_result_free(&r);

    char *dir = data_with_cue("byline|Signé");
    setenv("ORALISE_DATA", dir, 1);
    r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"byline\":\"Jeanne Martin\""));
    assert_non_null(strstr(r.out, "\"published\":\"2024-05-03\""));
    tu_result_free(&r);
    tu_rmdir(dir);

    dir = data_with_cue("bylines|Signé");
    setenv("ORALISE_DATA", dir, 1);
    r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "bylines|Signé"));
    tu_result_free(&r);
    unsetenv("ORALISE_DATA");
    tu_rmdir(dir);
    free(in);
    tu_rmdir(in_dir);
}

/* A user who empties a data file (every drop phrase removed) gets a
 * reader without those phrases, not a crash: the file is read as no
 * phrase, and the article is still read. */
static void emptied_data_file_is_no_phrase(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), cmd[600];
    snprintf(cmd, sizeof cmd, "cp -R rules lexicons '%s'/ && : > '%s/rules/fr/boilerplate-drop.txt'", dir, dir);
    assert_int_equal(system(cmd), 0);
    setenv("ORALISE_DATA", dir, 1);
    phrase_list pl;
    ora_error err;
    assert_int_equal(phrase_list_load("rules/fr/boilerplate-drop.txt", &pl, &err), 0);
    assert_int_equal(pl.n, 0);
    phrase_list_free(&pl);
    tu_result r = tu_run("--print=article samples/lemonde-atacms.txt");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "ATACMS"));
    tu_result_free(&r);
    unsetenv("ORALISE_DATA");
    tu_rmdir(dir);
}

static int load_cues(void **state)
{
    (void)state;
    ora_error err;
    return read_cues_load(&cues, &err);
}

static int free_cues(void **state)
{
    (void)state;
    read_cues_free(&cues);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(written_dates),
        cmocka_unit_test(numeric_dates),
        cmocka_unit_test(datelines_of_many_sites),
        cmocka_unit_test(bylines_with_roles),
        cmocka_unit_test(prose_is_no_dateline),
        cmocka_unit_test(cue_words_are_data),
        cmocka_unit_test(emptied_data_file_is_no_phrase),
    };
    return cmocka_run_group_tests(tests, load_cues, free_cues);
}
