/* The voice follows the article's language: an English article is read by
 * eSpeak NG's English voice, as written (the normalizer is French only),
 * and says so; a language eSpeak NG lacks is a clear failure. */
#include "testutil.h"

#include "internal.h" /* lang_guess */

/* Written for this test: an English news story with a year and an amount
 * that the French normalizer would turn into French words. */
static const char english[] =
    "Harbour town votes to rebuild its old pier\n\n"
    "The town council voted on Monday to rebuild the old pier, which was closed "
    "in 2021 after a storm tore away most of its deck and left the lifeboat "
    "station without a safe landing.\n\n"
    "The work will cost about 4 million pounds, and the council said it hoped "
    "that fishermen and visitors would be able to use the pier again by the end "
    "of next summer.\n\n"
    "Several residents who spoke at the meeting said they had waited far too long "
    "for a decision, and that the town had lost many of its summer visitors since "
    "the storm.\n";

/* input converted into dir/spoken.wav: said by voice, with the note that
 * numbers are French only, and lasting between lo and hi seconds. */
static void assert_spoken_by(const char *input, const char *dir, const char *voice, double lo,
                             double hi)
{
    char out[600], said[64];
    snprintf(out, sizeof out, "%s/spoken.wav", dir);
    snprintf(said, sizeof said, "\"%s\" voice", voice);
    tu_result r = tu_run("%s -o %s", input, out);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, said));
    assert_non_null(strstr(r.err, "French only"));
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    if (a.seconds < lo || a.seconds > hi)
        fail_msg("%s: %.1f s of audio, expected %.0f to %.0f", input, a.seconds, lo, hi);
    tu_audio_free(&a);
    tu_result_free(&r);
}

static void english_text_has_english_voice(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "pier.txt", english);
    tu_result r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"en\""));
    tu_result_free(&r);

    r = tu_run("--print=script %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "closed in 2021 after a storm")); /* as written */
    assert_null(strstr(r.out, "vingt"));
    tu_result_free(&r);

    /* 90 words at eSpeak NG's 175 words a minute: about half a minute. */
    assert_spoken_by(in, dir, "en", 20, 50);
    free(in);
    tu_rmdir(dir);
}

/* A copy in a script that has no list of function words (Cyrillic here,
 * as Hangul or Arabic): its lines are judged by their shape, its letters
 * name the language, and the Russian voice says it. */
static void russian_copy_has_russian_voice(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    /* about 70 words at eSpeak NG's pace, with the title: over 15 s */
    assert_spoken_by("tests/fixtures/text/russe-pont-kazan.txt", dir, "ru", 15, 60);
    tu_rmdir(dir);
}

/* Norwegian's voice is "nb", its dictionary no_dict: a voice eSpeak NG has
 * by its file's name counts, and a page that says lang="no" is spoken. */
static void norwegian_page_has_norwegian_voice(void **state)
{
    (void)state;
    static const char page[] =
        "<html lang=\"no\"><head><meta charset=\"utf-8\"><title>Ny plan</title></head><body>"
        "<article><h1>Ny trafikkplan for sentrum</h1><p>Bystyret vedtok tirsdag en ny trafikkplan "
        "for sentrum, som skal tre i kraft til våren. De handlende frykter at det kommer færre "
        "kunder, men kommunen sier at det blir flere parkeringsplasser enn i dag.</p><p>Hva som "
        "skjer med bussene etter sommeren, er ennå ikke avgjort. Mye av motstanden kom fra "
        "handlende som mener at planen ble laget uten at de ble hørt.</p></article></body></html>";
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "plan.html", page);
    /* the title and about sixty words: some twenty seconds */
    assert_spoken_by(in, dir, "nb", 10, 60);
    free(in);
    tu_rmdir(dir);
}

/* Thai parts no words with spaces (a word is a few letters), and Amharic
 * has no list of function words: each copy is read, not refused as a
 * scrap of text, and the voice its letters name says it. */
static void thai_and_amharic_copies_have_their_voices(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    /* six paragraphs of four sentences: about two and a half minutes */
    assert_spoken_by("tests/fixtures/text/thai-sans-espaces-entre-les-mots.txt", dir, "th", 90, 240);
    /* a sentence, then five paragraphs of three: about a minute and a half */
    assert_spoken_by("tests/fixtures/text/amharique-plan-investissement.txt", dir, "am", 45, 150);
    tu_rmdir(dir);
}

/* A German text, with a menu line above it: its prose is prose for the
 * text reader too (the function words of every language count), and it is
 * spoken by the German voice, not refused as too short. */
static void german_copy_is_read(void **state)
{
    (void)state;
    static const char german[] =
        "Menu\n\nDer Bundestag beschlie\xc3\x9ft neues Gesetz\n\n"
        "Der Bundestag hat am Donnerstag ein neues Gesetz zur F\xc3\xb6rderung der erneuerbaren "
        "Energien beschlossen. Die Abgeordneten stimmten mit gro\xc3\x9f""er Mehrheit f\xc3\xbcr den "
        "Entwurf der Regierung, der nun dem Bundesrat vorgelegt wird.\n\n"
        "Kritiker bem\xc3\xa4ngeln, dass die Ma\xc3\x9fnahmen nicht weit genug gehen und die Kosten "
        "f\xc3\xbcr die Verbraucher steigen k\xc3\xb6nnten. Die Opposition k\xc3\xbcndigte an, weiter "
        "gegen das Vorhaben zu k\xc3\xa4mpfen, und verlangte eine erneute Pr\xc3\xbc""fung durch "
        "unabh\xc3\xa4ngige Experten, bevor das Gesetz im Sommer in Kraft tritt.\n";
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "gesetz.txt", german);
    tu_result r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"de\""));
    assert_non_null(strstr(r.out, "Kritiker"));
    assert_null(strstr(r.out, "not_article"));
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

static void chosen_voice_wins(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "pier.txt", english);
    char out[600];
    snprintf(out, sizeof out, "%s/pier.wav", dir);
    tu_result r = tu_run("--voice fr %s -o %s", in, out);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.err, "French only"));
    tu_result_free(&r);
    r = tu_run("--voice fr --print=script %s", in);
    assert_non_null(strstr(r.out, "deux mille vingt et un")); /* French reading */
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

static void french_stays_french(void **state)
{
    (void)state;
    tu_result r = tu_run("--print=article samples/lemonde-atacms.txt");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"fr\""));
    tu_result_free(&r);
}

static void language_without_voice_fails(void **state)
{
    (void)state;
    /* A page that declares a language eSpeak NG lacks, with text whose
     * function words name no language it knows. */
    static const char page[] =
        "<!DOCTYPE html><html lang=\"tlh\"><head><title>Qapla</title></head><body>"
        "<article><h1>Qapla batlh tIqIp</h1>"
        "<p>tlhIngan maH yIghoS qaStaHvIS wa leS jaghpu chaH DaqIppu qaStaHvIS "
        "ramjep wa DIvI veng tIn ghoSpu mangghom yIn law puS.</p>"
        "<p>Heghlu meH QaQ jajvam Qapla batlh tIqIp vIghoSpu jIyaj qaStaHvIS "
        "wej ram yIHaD mangghom lugh tIn veng DIvI chaH ghoS.</p>"
        "</article></body></html>";
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "qapla.html", page);
    char out[600];
    snprintf(out, sizeof out, "%s/qapla.ogg", dir);
    tu_result r = tu_run("%s -o %s", in, out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "\"tlh\""));
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_false(tu_exists(out));
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

/* A paragraph of thirty to fifty words is enough to know its language
 * among the seven with a function-word list (rules/LANG/stopwords.txt);
 * a French one that quotes an English sentence is never taken for
 * English. Written for this test, one story told in each language. */
static const char *guess_of(const char *text, char code[8])
{
    ora_article a;
    ora_article_init(&a);
    assert_int_equal(ora_article_add_block(&a, ORA_BLOCK_PARAGRAPH, text), 0);
    const char *got = lang_guess(&a, code, 8);
    ora_article_free(&a);
    return got;
}

static void short_paragraphs_find_their_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"fr",
         "Il pleuvait depuis trois jours quand elle est enfin arrivée au "
         "village. Personne ne l'attendait, et pourtant la porte de la maison "
         "était restée ouverte, comme si ses parents avaient su qu'elle "
         "reviendrait avant la fin de l'hiver."},
        {"en",
         "It had been raining for three days when she finally reached the "
         "village. Nobody was expecting her, and yet the door of the house had "
         "been left open, as if her parents had known that she would come back "
         "before the end of the winter."},
        {"de",
         "Der Stadtrat hat am Dienstag einen neuen Verkehrsplan für die "
         "Innenstadt beschlossen, der im Frühjahr in Kraft treten soll. Die "
         "Händler befürchten, dass weniger Kunden kommen werden, aber die Stadt "
         "versichert, dass es mehr Parkplätze geben wird als heute. Eine "
         "öffentliche Versammlung ist für nächste Woche geplant."},
        {"es",
         "Según las cifras publicadas el jueves, el número de personas que "
         "buscan empleo bajó un dos por ciento durante el último trimestre. La "
         "caída afecta sobre todo a los jóvenes y a las regiones del oeste, "
         "donde las empresas todavía tienen problemas para contratar obreros "
         "cualificados."},
        {"it",
         "Abbiamo incontrato i volontari dell'associazione, che ogni sabato "
         "distribuiscono pasti alle famiglie del quartiere. Sono sempre di più "
         "quelli che vengono, e le donazioni non bastano più a riempire i cesti."},
        {"pt",
         "Chovia há três dias quando ela finalmente chegou à aldeia. Ninguém a "
         "esperava, e no entanto a porta da casa tinha ficado aberta, como se os "
         "seus pais soubessem que ela voltaria antes do fim do inverno."},
        {"nl",
         "De gemeenteraad heeft dinsdag een nieuw verkeersplan voor het centrum "
         "goedgekeurd, dat in het voorjaar moet ingaan. De winkeliers vrezen dat "
         "er minder klanten zullen komen, maar de gemeente verzekert dat er meer "
         "parkeerplaatsen zullen zijn dan nu. Er is volgende week een openbare "
         "vergadering gepland."},
        {"pl",
         "Od wtorku pasażerowie mogą jeździć nową linią tramwajową, która łączy "
         "osiedle na północy miasta z dworcem. Budowa trwała niemal trzy lata, "
         "ale mieszkańcy twierdzą, że było warto, bo przejazd jest teraz dwa "
         "razy krótszy niż autobusem."},
        {"hu",
         "A városi tanács kedden új közlekedési tervet fogadott el, amely "
         "tavasszal lép életbe. A kereskedők attól tartanak, hogy kevesebb "
         "vásárló jön majd, de a város szerint több parkolóhely lesz, mint "
         "most. A lakossági fórum a jövő héten lesz."},
        /* Scandinavian: the words Danish, Norwegian and Swedish do not
         * share decide ("af", "meget"; "av", "mye"; "och", "inte") */
        {"da",
         "Byrådet vedtog tirsdag en ny trafikplan for midtbyen, som skal "
         "træde i kraft til foråret. De handlende frygter, at der kommer færre "
         "kunder, men kommunen siger, at der bliver flere parkeringspladser end "
         "i dag, og at meget af trafikken vil blive ledt uden om centrum. Hvad "
         "der sker med busserne, er endnu ikke afgjort."},
        {"nb",
         "Bystyret vedtok tirsdag en ny trafikkplan for sentrum, som skal tre i "
         "kraft til våren. De handlende frykter at det kommer færre kunder, men "
         "kommunen sier at det blir flere parkeringsplasser enn i dag, og at mye "
         "av trafikken vil bli ledet utenom sentrum. Hva som skjer med bussene "
         "etter sommeren, er ennå ikke avgjort. Mye av motstanden kom fra "
         "handlende som mener at planen ble laget uten at de ble hørt."},
        {"sv",
         "Kommunfullmäktige beslutade på tisdagen om en ny trafikplan för "
         "stadens centrum, som ska börja gälla i vår. Handlarna är oroliga för "
         "att färre kunder kommer, men kommunen säger att det inte blir svårare "
         "att parkera än i dag."},
        /* Cyrillic: the words Russian and Bulgarian do not share decide */
        {"ru",
         "В субботу в городе открылся новый мост через реку, который строили "
         "четыре года. Теперь дорога до аэропорта занимает двадцать минут, и "
         "жители пригородов говорят, что это изменило их жизнь, когда пробки "
         "были обычным делом."},
        {"bg",
         "Общинският съвет прие във вторник нов план за движението в центъра, "
         "който ще влезе в сила през пролетта. Търговците се опасяват, че ще "
         "дойдат по-малко клиенти, но кметът каза, че това е единственият "
         "начин да се намали задръстването."},
        /* scripts: Han alone is Chinese; kana beside it make Japanese */
        {"cmn", "北京市周六举行了一年一度的文化节，吸引了数万名市民和游客前来参观。活动包括传统音乐表演、"
                "书法展览和各地美食，许多家庭带着孩子一起参加。"},
        {"ja", "東京都は土曜日に毎年恒例の文化祭を開催し、数万人の市民や観光客が訪れた。伝統音楽の公演や"
               "書道の展示、各地の料理などが用意され、会場は大いに盛り上がった。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char code[8];
        const char *got = guess_of(cases[i].text, code);
        if (!got || strcmp(got, cases[i].lang) != 0)
            fail_msg("%s paragraph taken for %s", cases[i].lang, got ? got : "no language");
    }
    static const char *const quoting[] = {
        "Le ministre a cité la devise du club, « We will never walk alone, and "
        "we will always be there for the fans », avant de rappeler que la "
        "saison serait difficile pour les joueurs comme pour le public du "
        "stade.",
        "Dans son discours, prononcé en anglais devant les délégués, elle a "
        "déclaré : « This is not the end of the road, it is the beginning of a "
        "new one ». La salle a applaudi pendant plusieurs minutes.",
    };
    for (size_t i = 0; i < sizeof quoting / sizeof *quoting; i++) {
        char code[8];
        const char *got = guess_of(quoting[i], code);
        assert_true(!got || strcmp(got, "fr") == 0);
    }
}

/* A language is a folder with a stopwords.txt: a user who adds
 * rules/fi/stopwords.txt has Finnish articles read by the Finnish voice,
 * without a rebuild. Words the new list shares with another vote for
 * neither. */
static void a_language_is_a_word_list(void **state)
{
    (void)state;
    static const char finnish[] =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Uusi liikennesuunnitelma</title>"
        "</head><body><article><h1>Uusi liikennesuunnitelma keskustaan</h1>"
        "<p>Kaupunginvaltuusto hyväksyi tiistaina uuden liikennesuunnitelman, joka "
        "tulee voimaan keväällä. Kauppiaat pelkäävät, että asiakkaita on vähemmän, "
        "mutta kaupunki sanoo, että pysäköintipaikkoja on nyt enemmän kuin ennen, "
        "ja että myös pyöräilijät hyötyvät siitä.</p><p>Yleisötilaisuus on ensi viikolla "
        "kaupungintalolla, ja kaikki alueen asukkaat ovat tervetulleita, jos he "
        "haluavat kysyä siitä, mitä suunnitelma heille merkitsee.</p>"
        "</article></body></html>";
    char *dir = tu_tmpdir(), *in = tu_write_in(dir, "liikenne.html", finnish), cmd[800];
    snprintf(cmd, sizeof cmd,
             "cp -R rules lexicons '%s'/ && mkdir '%s/rules/fi' && "
             "printf '# Finnish function words\\n%%s\\n' 'ja on ei se että hän oli kun mutta niin "
             "kuin myös tai jos ovat ole vain nyt sitten joka mikä kaikki voi olla hänen sen ne "
             "me te he siitä mitä heille ennen enemmän' | tr ' ' '\\n' "
             "> '%s/rules/fi/stopwords.txt'", dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    tu_result r = tu_run("--print=article %s", in);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.out, "\"lang\":\"fi\""));
    tu_result_free(&r);
    setenv("ORALISE_DATA", dir, 1);
    r = tu_run("--print=article %s", in);
    unsetenv("ORALISE_DATA");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"lang\":\"fi\""));
    tu_result_free(&r);
    free(in);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_text_has_english_voice),
        cmocka_unit_test(german_copy_is_read),
        cmocka_unit_test(russian_copy_has_russian_voice),
        cmocka_unit_test(thai_and_amharic_copies_have_their_voices),
        cmocka_unit_test(norwegian_page_has_norwegian_voice),
        cmocka_unit_test(chosen_voice_wins),
        cmocka_unit_test(french_stays_french),
        cmocka_unit_test(language_without_voice_fails),
        cmocka_unit_test(short_paragraphs_find_their_language),
        cmocka_unit_test(a_language_is_a_word_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
