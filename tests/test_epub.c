/* Talking books (-o FILE.epub) read back the way a reading system reads
 * them: the zip through libzip, every document through libxml2, the MP3
 * decoded with libsndfile; and the whole package through epubcheck, the
 * validator of the EPUB standard. */
#include "xmlutil.h"

#include <math.h>
#include <zip.h>

#define EPUBCHECK_JAR "/usr/share/java/epubcheck.jar"

typedef struct {
    char *path;
    zip_t *za;
    char *folder; /* of the package document, "EPUB/" */
    xmlDocPtr opf, text, smil, nav;
    xmlXPathContextPtr copf, ctext, csmil, cnav;
    char *css;
    short *pcm; /* the MP3 decoded */
    sf_count_t frames;
    int rate;
} book;

static struct {
    char *dir;
    book sample; /* samples/lemonde-atacms.html */
    book page;   /* tests/data/epub-book.html, with --captions */
} g;

static char *zip_text(zip_t *za, const char *name, size_t *len)
{
    zip_stat_t st;
    zip_file_t *f = zip_stat(za, name, 0, &st) == 0 ? zip_fopen(za, name, 0) : NULL;
    if (!f)
        fail_msg("the book has no %s", name);
    char *data = malloc(st.size + 1);
    assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
    data[st.size] = '\0';
    zip_fclose(f);
    if (len)
        *len = st.size;
    return data;
}

static xmlDocPtr zip_xml(book *b, const char *href, xmlXPathContextPtr *c)
{
    char name[256];
    size_t len;
    snprintf(name, sizeof name, "%s%s", b->folder, href);
    char *data = zip_text(b->za, name, &len);
    xmlDocPtr d = xu_parse(data, len);
    free(data);
    *c = xu_context(d);
    return d;
}

static char *manifest_href(book *b, const char *predicate)
{
    char expr[200];
    snprintf(expr, sizeof expr, "/opf:package/opf:manifest/opf:item[%s]/@href", predicate);
    return xu_string(b->copf, expr);
}

/* The audio, as a listener's player decodes it. */
static void decode_audio(book *b, const char *href)
{
    char name[256], path[600];
    size_t len;
    snprintf(name, sizeof name, "%s%s", b->folder, href);
    char *mp3 = zip_text(b->za, name, &len);
    snprintf(path, sizeof path, "%s.mp3", b->path);
    tu_write(path, mp3, len);
    free(mp3);
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    assert_non_null(sf);
    assert_int_equal(info.channels, 1);
    b->rate = info.samplerate;
    b->pcm = malloc((size_t)info.frames * sizeof *b->pcm + 1);
    b->frames = sf_readf_short(sf, b->pcm, info.frames);
    sf_close(sf);
}

static void open_book(book *b, const char *path)
{
    int err;
    b->path = strdup(path);
    b->za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    assert_non_null(b->za);
    xmlXPathContextPtr c;
    xmlDocPtr container = zip_xml(&(book){.za = b->za, .folder = ""}, "META-INF/container.xml", &c);
    char *opf = xu_string(c, "/c:container/c:rootfiles/c:rootfile/@full-path");
    xmlXPathFreeContext(c);
    xmlFreeDoc(container);
    b->folder = strndup(opf, (size_t)(strrchr(opf, '/') ? strrchr(opf, '/') + 1 - opf : 0));
    b->opf = zip_xml(&(book){.za = b->za, .folder = ""}, opf, &b->copf);
    free(opf);
    char *nav = manifest_href(b, "contains(concat(' ', @properties, ' '), ' nav ')");
    char *text = manifest_href(b, "@media-overlay");
    char *smil = manifest_href(b, "@id = ../opf:item[@media-overlay]/@media-overlay");
    char *audio = manifest_href(b, "@media-type = 'audio/mpeg'");
    char *css = manifest_href(b, "@media-type = 'text/css'");
    b->nav = zip_xml(b, nav, &b->cnav);
    b->text = zip_xml(b, text, &b->ctext);
    b->smil = zip_xml(b, smil, &b->csmil);
    char name[256];
    snprintf(name, sizeof name, "%s%s", b->folder, css);
    b->css = zip_text(b->za, name, NULL);
    decode_audio(b, audio);
    free(nav), free(text), free(smil), free(audio), free(css);
}

static void close_book(book *b)
{
    xmlXPathContextPtr cs[] = {b->copf, b->ctext, b->csmil, b->cnav};
    xmlDocPtr ds[] = {b->opf, b->text, b->smil, b->nav};
    for (int i = 0; i < 4; i++)
        xmlXPathFreeContext(cs[i]), xmlFreeDoc(ds[i]);
    if (b->za)
        zip_discard(b->za);
    free(b->path), free(b->folder), free(b->css), free(b->pcm);
}

static int setup(void **state)
{
    (void)state;
    g.dir = tu_tmpdir();
    char a[300], b[300];
    snprintf(a, sizeof a, "%s/sample.epub", g.dir);
    snprintf(b, sizeof b, "%s/page.epub", g.dir);
    tu_result r = tu_run("-q samples/lemonde-atacms.html -o %s", a);
    if (r.status != 0)
        fail_msg("oralise failed: %s", r.err);
    tu_result_free(&r);
    r = tu_run("-q --captions tests/data/epub-book.html -o %s", b);
    if (r.status != 0)
        fail_msg("oralise failed: %s", r.err);
    tu_result_free(&r);
    open_book(&g.sample, a);
    open_book(&g.page, b);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    close_book(&g.sample);
    close_book(&g.page);
    tu_rmdir(g.dir);
    return 0;
}

/* ── The container ────────────────────────────────────────────────────── */

static unsigned le16(const unsigned char *p)
{
    return p[0] | (unsigned)p[1] << 8;
}

/* OCF: the first entry is "mimetype", stored, with no extra field, so
 * that the type can be read at a fixed offset of the file. */
static void mimetype_first_and_stored(void **state)
{
    (void)state;
    zip_stat_t st;
    assert_int_equal(zip_stat_index(g.sample.za, 0, 0, &st), 0);
    assert_string_equal(st.name, "mimetype");
    assert_int_equal(st.comp_method, ZIP_CM_STORE);
    char *head = tu_read(g.sample.path);
    const unsigned char *h = (const unsigned char *)head;
    assert_memory_equal(head, "PK\3\4", 4);
    assert_int_equal(le16(h + 8), 0);  /* stored */
    assert_int_equal(le16(h + 26), 8); /* name length */
    assert_int_equal(le16(h + 28), 0); /* no extra field */
    assert_memory_equal(head + 30, "mimetypeapplication/epub+zip", 28);
    free(head);
    /* Everything the manifest names is in the zip. */
    xmlXPathObjectPtr items = xu_nodes(g.sample.copf, "/opf:package/opf:manifest/opf:item");
    assert_true(xu_size(items) >= 5);
    for (int i = 0; i < xu_size(items); i++) {
        char *href = xu_attr(items, i, "href"), name[256];
        snprintf(name, sizeof name, "%s%s", g.sample.folder, href);
        if (zip_name_locate(g.sample.za, name, 0) < 0)
            fail_msg("the manifest names %s, which the zip lacks", name);
        free(href);
    }
    xmlXPathFreeObject(items);
}

/* ── The package document ─────────────────────────────────────────────── */

static void assert_meta(xmlXPathContextPtr c, const char *property, const char *value)
{
    char expr[300];
    snprintf(expr, sizeof expr, "/opf:package/opf:metadata/opf:meta[@property='%s' and "
             "normalize-space(.)='%s']", property, value);
    if (xu_count(c, expr) != 1)
        fail_msg("no <meta property=\"%s\">%s</meta>", property, value);
}

static void package_metadata(void **state)
{
    (void)state;
    xmlXPathContextPtr c = g.sample.copf;
    char *title = xu_string(c, "//dc:title"), *lang = xu_string(c, "//dc:language");
    char *id = xu_string(c, "//dc:identifier[@id=/opf:package/@unique-identifier]");
    char *source = xu_string(c, "//dc:source"), *date = xu_string(c, "//dc:date");
    char *modified = xu_string(c, "//opf:meta[@property='dcterms:modified']");
    char *summary = xu_string(c, "//opf:meta[@property='schema:accessibilitySummary']");
    assert_string_equal(title, "Joe Biden autorise l’Ukraine à utiliser des missiles à longue "
                               "portée pour frapper la Russie en profondeur");
    assert_string_equal(lang, "fr");
    assert_string_equal(date, "2024-11-18");
    assert_int_equal(strlen(id), 45);
    assert_true(strncmp(id, "urn:uuid:", 9) == 0);
    assert_non_null(strstr(source, "lemonde.fr/international/article/2024/11/18/"));
    int y, mo, d, h, mi, s;
    assert_int_equal(sscanf(modified, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s), 6);
    assert_true(strlen(summary) > 40);
    static const char *const a11y[][2] = {
        {"schema:accessMode", "textual"}, {"schema:accessMode", "auditory"},
        {"schema:accessModeSufficient", "textual"}, {"schema:accessModeSufficient", "auditory"},
        {"schema:accessibilityFeature", "synchronizedAudioText"},
        {"schema:accessibilityFeature", "structuralNavigation"},
        {"schema:accessibilityFeature", "tableOfContents"},
        {"schema:accessibilityFeature", "readingOrder"},
        {"schema:accessibilityHazard", "none"}};
    for (size_t i = 0; i < sizeof a11y / sizeof *a11y; i++)
        assert_meta(c, a11y[i][0], a11y[i][1]);
    /* The highlight: a class the reading system sets, which the CSS styles. */
    char *active = xu_string(c, "//opf:meta[@property='media:active-class']");
    char rule[100];
    snprintf(rule, sizeof rule, ".%s {", active);
    assert_non_null(strstr(g.sample.css, rule));
    assert_int_equal(xu_count(c, "//opf:meta[@property='media:narrator']"), 1);
    free(title), free(lang), free(id), free(source), free(date), free(modified);
    free(summary), free(active);
}

/* ── The text ─────────────────────────────────────────────────────────── */

static const char *const article_text[] = {
    "Washington a finalement cédé à une demande faite par Kiev depuis des mois",
    "Douze jours après l’élection présidentielle américaine, Joe Biden est confronté",
    "a-t-on appris de source officielle dimanche 17 novembre",
    "les Army Tactical Missile Systems (ATACMS), qui peuvent atteindre",
    "forte de près de 50 000 hommes",
    "libère une main attachée dans le dos",
    "Par Piotr Smolar (Washington, correspondant).",
    "Publié le 18 novembre 2024.", NULL};

static const char *const page_furniture[] = {
    "Article réservé aux abonnés", "Il vous reste", "Lecture du Monde", "Se connecter",
    "Partager", "Tous droits réservés", "Consulter", "Lire aussi", "mot de passe",
    "Un tir de missile tactique", /* a caption: not read without --captions */ NULL};

static void text_is_the_article(void **state)
{
    (void)state;
    xmlXPathContextPtr c = g.sample.ctext;
    char *body = xu_string(c, "/x:html/x:body"), *h1 = xu_string(c, "//x:h1");
    char *lang = xu_string(c, "/x:html/@xml:lang"), *title = xu_string(c, "/x:html/x:head/x:title");
    char *last = xu_string(c, "(//x:main/*)[last()]");
    assert_string_equal(h1, "Joe Biden autorise l’Ukraine à utiliser des missiles à longue "
                            "portée pour frapper la Russie en profondeur");
    assert_string_equal(title, h1);
    assert_string_equal(lang, "fr");
    for (const char *const *p = article_text; *p; p++)
        if (!strstr(body, *p))
            fail_msg("missing from the book's text: %s", *p);
    for (const char *const *p = page_furniture; *p; p++)
        if (strstr(body, *p))
            fail_msg("page furniture in the book's text: %s", *p);
    /* The paywall notice closes the text, in a section of its own. */
    assert_int_equal(xu_count(c, "(//x:main/*)[last()][self::x:section]"), 1);
    assert_true(strncmp(last, "Fin de la partie gratuite de cet article.", 41) == 0);
    /* The navigation document leads to the title. */
    char *toc = xu_string(g.sample.cnav, "//x:nav[@epub:type='toc']//x:a/@href");
    char *target = strchr(toc, '#');
    char expr[100];
    snprintf(expr, sizeof expr, "//x:h1[@id='%s']", target ? target + 1 : "");
    assert_int_equal(xu_count(c, expr), 1);
    free(body), free(h1), free(lang), free(title), free(last), free(toc);
}

/* A page with headings, a list, a quote and a caption keeps them. */
static void structure_of_a_page(void **state)
{
    (void)state;
    xmlXPathContextPtr c = g.page.ctext;
    assert_int_equal(xu_count(c, "//x:h1"), 1);
    assert_int_equal(xu_count(c, "//x:h2"), 2);
    assert_int_equal(xu_count(c, "//x:ul/x:li"), 3);
    assert_int_equal(xu_count(c, "//x:blockquote/x:p"), 1);
    char *caption = xu_string(c, "//x:p[@class='caption']");
    char *quote = xu_string(c, "//x:blockquote");
    char *item = xu_string(c, "//x:ul/x:li[2]");
    assert_string_equal(caption, "Des bacs de tomates au pied de la tour, le 2 mai 2024.");
    assert_string_equal(quote, "Nous avons plus de demandes que de parcelles, et la liste "
                               "d’attente s’allonge.");
    assert_string_equal(item, "Donner les récoltes en trop aux voisins.");
    /* The table of contents: the title, and under it both headings, each
     * link leading to its heading. */
    xmlXPathObjectPtr links = xu_nodes(g.page.cnav, "//x:nav[@epub:type='toc']//x:a");
    assert_int_equal(xu_size(links), 3);
    static const char *const names[] = {"Les jardins partagés gagnent la ville",
                                        "Des règles simples", "Un succès qui pose question"};
    for (int i = 0; i < 3; i++) {
        char *href = xu_attr(links, i, "href"), expr[200];
        xmlChar *text = xmlNodeGetContent(links->nodesetval->nodeTab[i]);
        assert_string_equal((const char *)text, names[i]);
        snprintf(expr, sizeof expr, "//*[@id='%s' and (self::x:h1 or self::x:h2)]",
                 strchr(href, '#') + 1);
        assert_int_equal(xu_count(c, expr), 1);
        xmlFree(text), free(href);
    }
    xmlXPathFreeObject(links);
    char *creator = xu_string(g.page.copf, "//dc:creator"), *date = xu_string(g.page.copf, "//dc:date");
    assert_string_equal(creator, "Claire Martin");
    assert_string_equal(date, "2024-05-03");
    free(caption), free(quote), free(item), free(creator), free(date);
}

/* ── The Media Overlay ────────────────────────────────────────────────── */

typedef struct {
    double begin, end;
    char id[32]; /* the span it highlights */
    bool first;  /* of its block: a pause comes before it */
} clip;

/* The overlay's clips in order; checks each names a span of the text and
 * the audio file of the package. */
static clip *read_clips(book *b, int *n)
{
    xmlXPathObjectPtr pars = xu_nodes(b->csmil, "//smil:par");
    *n = xu_size(pars);
    clip *v = calloc((size_t)*n + 1, sizeof *v);
    char *audio_href = manifest_href(b, "@media-type = 'audio/mpeg'");
    for (int i = 0; i < *n; i++) {
        xmlXPathContextPtr c = b->csmil;
        c->node = pars->nodesetval->nodeTab[i];
        char *src = xu_string(c, "smil:text/@src"), *audio = xu_string(c, "smil:audio/@src");
        char *t0 = xu_string(c, "smil:audio/@clipBegin"), *t1 = xu_string(c, "smil:audio/@clipEnd");
        c->node = NULL;
        assert_string_equal(audio, audio_href);
        assert_non_null(strchr(src, '#'));
        snprintf(v[i].id, sizeof v[i].id, "%s", strchr(src, '#') + 1);
        v[i].begin = xu_clock(t0), v[i].end = xu_clock(t1);
        v[i].first = xu_count(c, "preceding-sibling::smil:par") == 0;
        assert_true(v[i].begin >= 0 && v[i].end > v[i].begin);
        free(src), free(audio), free(t0), free(t1);
    }
    xmlXPathFreeObject(pars);
    free(audio_href);
    return v;
}

static void overlay_matches_text_and_audio(void **state)
{
    (void)state;
    book *books[] = {&g.sample, &g.page};
    for (int k = 0; k < 2; k++) {
        book *b = books[k];
        int n;
        clip *v = read_clips(b, &n);
        double seconds = (double)b->frames / b->rate, sum = 0;
        /* One <par> per sentence, in the order of the text. */
        xmlXPathObjectPtr spans = xu_nodes(b->ctext, "//x:span[@id]");
        assert_int_equal(n, xu_size(spans));
        assert_true(n >= (k == 0 ? 14 : 18));
        for (int i = 0; i < n; i++) {
            char *id = xu_attr(spans, i, "id");
            assert_string_equal(v[i].id, id);
            free(id);
            if (i > 0)
                assert_true(v[i].begin >= v[i - 1].end - 1e-9); /* in order, no overlap */
            sum += v[i].end - v[i].begin;
        }
        xmlXPathFreeObject(spans);
        /* Every clip inside the audio; together they cover it. */
        assert_true(v[0].begin == 0);
        assert_true(v[n - 1].end <= seconds + 0.06);
        assert_true(v[n - 1].end >= seconds - 0.2);
        char *total = xu_string(b->copf, "//opf:meta[@property='media:duration' and not(@refines)]");
        char *overlay = xu_string(b->copf, "//opf:meta[@property='media:duration' and @refines]");
        assert_true(fabs(xu_clock(total) - sum) < 0.002);
        assert_string_equal(total, overlay); /* one overlay: the whole */
        free(total), free(overlay), free(v);
    }
}


static double rms(const short *s, sf_count_t n)
{
    double e = 0;
    for (sf_count_t i = 0; i < n; i++)
        e += (double)s[i] * s[i];
    return n ? sqrt(e / n) : 0;
}

/* Where a block starts after a pause, its first clip starts with the
 * voice: quiet just before, speech just after (MP3 decoders shift by
 * some 50 ms at most; the windows are wider). */
static void clips_start_with_the_voice(void **state)
{
    (void)state;
    book *b = &g.sample;
    int n, checked = 0;
    clip *v = read_clips(b, &n);
    double whole = rms(b->pcm, b->frames);
    sf_count_t w = b->rate / 4;
    for (int i = 1; i < n; i++) {
        if (!v[i].first)
            continue;
        sf_count_t at = (sf_count_t)(v[i].begin * b->rate);
        assert_true(at > w && at + 2 * w < b->frames);
        double before = rms(b->pcm + at - w, w), after = rms(b->pcm + at, 2 * w);
        if (before > 0.15 * whole || after < 0.5 * whole)
            fail_msg("clip %s at %.3f s: level %.0f before, %.0f after (whole %.0f)", v[i].id,
                     v[i].begin, before, after, whole);
        checked++;
    }
    assert_true(checked >= 5);
    free(v);
}

/* The clip of a sentence, cut out of the decoded audio, is speech, and
 * lasts as long as eSpeak NG takes to say that sentence alone. */
static void clip_of_a_sentence_says_it(void **state)
{
    (void)state;
    static const char sentence[] = "Le démocrate n’a plus que quelques semaines pour consolider "
                                   "les acquis de son mandat avant que Donald Trump ne revienne "
                                   "à la Maison Blanche.";
    book *b = &g.sample;
    int n;
    clip *v = read_clips(b, &n);
    int k = -1;
    for (int i = 0; i < n && k < 0; i++) {
        char expr[100];
        snprintf(expr, sizeof expr, "//x:span[@id='%s']", v[i].id);
        char *text = xu_string(b->ctext, expr);
        if (strcmp(text, sentence) == 0)
            k = i;
        free(text);
    }
    assert_true(k > 0);
    sf_count_t from = (sf_count_t)(v[k].begin * b->rate), to = (sf_count_t)(v[k].end * b->rate);
    assert_true(to <= b->frames);
    double level = rms(b->pcm + from, to - from), whole = rms(b->pcm, b->frames);
    assert_true(level > 0.5 * whole); /* speech, not a pause */
    ora_error err;
    ora_voice_options vo = {"fr", 0};
    ora_audio au;
    ora_audio_init(&au, 0);
    assert_int_equal(ora_speak_init(&vo, &err), 0);
    au.rate = ora_speak_sample_rate();
    assert_int_equal(ora_speak_text(sentence, &au, &err), 0);
    ora_speak_shutdown();
    double alone = ora_audio_seconds(&au), cut = v[k].end - v[k].begin;
    ora_audio_free(&au);
    if (fabs(cut - alone) > 0.1 * alone)
        fail_msg("the clip lasts %.3f s, the sentence alone %.3f s", cut, alone);
    free(v);
}

/* ── The whole package, through the standard's validator ─────────────── */

/* epubcheck (Java) takes about 8 s of which most is the JVM warming up:
 * one run, on the page with the most structure (headings, list, quote,
 * caption, paywall notice). The C1 compiler alone halves its CPU time. */
static void epubcheck_passes(void **state)
{
    (void)state;
    if (access(EPUBCHECK_JAR, R_OK) != 0 || system("java -version >/dev/null 2>&1") != 0)
        fail_msg("epubcheck is missing: run scripts/install-deps (Debian packages epubcheck "
                 "and default-jre).");
    char cmd[900], log[600];
    snprintf(log, sizeof log, "%s/epubcheck.log", g.dir);
    snprintf(cmd, sizeof cmd, "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar %s '%s' "
             ">'%s' 2>&1", EPUBCHECK_JAR, g.page.path, log);
    int status = system(cmd);
    char *out = tu_read(log);
    if (status != 0 || !strstr(out, "No errors or warnings detected"))
        fail_msg("epubcheck: %s", out);
    free(out);
}

/* ── Failures ─────────────────────────────────────────────────────────── */

static void bad_requests_leave_nothing(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), out[300];
    snprintf(out, sizeof out, "%s/a.epub", dir);
    tu_result r = tu_run("-q --max-duration 10 tests/data/epub-book.html -o %s", out);
    assert_int_equal(r.status, 2); /* a usage error */
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "--max-duration"));
    tu_result_free(&r);
    r = tu_run("-q tests/data/epub-book.html -o %s/no/such/folder/a.epub", dir);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(dir), 0);
    /* A book already there stays as it was when a new one fails. */
    tu_write(out, "old", 3);
    r = tu_run("-q tests/data/no-such-page.html -o %s", out);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    char *kept = tu_read(out);
    assert_string_equal(kept, "old");
    assert_int_equal(tu_count_entries(dir), 1);
    free(kept);
    tu_rmdir(dir);
}

/* The same article makes the same book identifier, run after run. */
static void identifier_is_stable(void **state)
{
    (void)state;
    char out[300];
    snprintf(out, sizeof out, "%s/again.epub", g.dir);
    tu_result r = tu_run("-q --captions tests/data/epub-book.html -o %s", out);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    book again = {0};
    open_book(&again, out);
    char *a = xu_string(g.page.copf, "//dc:identifier"), *b = xu_string(again.copf, "//dc:identifier");
    assert_string_equal(a, b);
    free(a), free(b);
    close_book(&again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mimetype_first_and_stored),
        cmocka_unit_test(package_metadata),
        cmocka_unit_test(text_is_the_article),
        cmocka_unit_test(structure_of_a_page),
        cmocka_unit_test(overlay_matches_text_and_audio),
        cmocka_unit_test(clips_start_with_the_voice),
        cmocka_unit_test(clip_of_a_sentence_says_it),
        cmocka_unit_test(epubcheck_passes),
        cmocka_unit_test(bad_requests_leave_nothing),
        cmocka_unit_test(identifier_is_stable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
