/* The podcast feed of a batch (--feed BASE_URL), read back as a podcast
 * app reads it: the XML with libxml2, each enclosure against the file it
 * names, the chapters with json-c. Later batches add to it without
 * listing an article twice; a folder whose feed.xml is not a feed, or
 * cannot be written, is refused before anything is converted. */
#include "xmlutil.h"

#include <json-c/json.h>
#include <math.h>

#define BASE "https://example.org/pod"
#define BOOK "tests/data/epub-book.html"         /* has an address and a date */
#define SECTIONS "tests/data/audio-sections.html" /* has neither */

static char *path_in(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static tu_result batch(const char *dir, const char *inputs)
{
    return tu_run("-q --outdir %s --format mp3 --feed " BASE "/ %s", dir, inputs);
}

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr c;
} feed;

static feed read_feed(const char *dir)
{
    char *path = path_in(dir, "feed.xml"), *text = tu_read(path);
    if (!text)
        fail_msg("no feed at %s", path);
    feed f;
    f.doc = xu_parse(text, strlen(text));
    f.c = xu_context(f.doc);
    free(path), free(text);
    return f;
}

static void feed_free(feed *f)
{
    xmlXPathFreeContext(f->c);
    xmlFreeDoc(f->doc);
}

static char *item_string(feed *f, const char *guid, const char *what)
{
    char expr[400];
    snprintf(expr, sizeof expr, "/rss/channel/item[guid='%s']/%s", guid, what);
    return xu_string(f->c, expr);
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* The item's audio, transcript and chapters are the files beside it. */
static void assert_item_files(feed *f, const char *dir, const char *guid, const char *name)
{
    char *url = item_string(f, guid, "enclosure/@url"), *len = item_string(f, guid, "enclosure/@length");
    char *type = item_string(f, guid, "enclosure/@type");
    char *vtt = item_string(f, guid, "podcast:transcript/@url");
    char *chapters = item_string(f, guid, "podcast:chapters/@url");
    char *duration = item_string(f, guid, "itunes:duration");
    char expect[300], *audio = path_in(dir, name);
    snprintf(expect, sizeof expect, BASE "/%s", name);
    assert_string_equal(url, expect);
    assert_string_equal(type, "audio/mpeg");
    assert_int_equal(atoll(len), file_size(audio));
    tu_audio a;
    assert_true(tu_audio_read(audio, &a));
    int h, m, s;
    assert_int_equal(sscanf(duration, "%d:%d:%d", &h, &m, &s), 3);
    assert_true(fabs(h * 3600 + m * 60 + s - a.seconds) <= 1.0);
    tu_audio_free(&a);
    /* The transcript and the chapters are there, under the same name. */
    assert_true(strncmp(vtt, BASE "/", strlen(BASE) + 1) == 0);
    assert_true(strncmp(chapters, BASE "/", strlen(BASE) + 1) == 0);
    char *vtt_path = path_in(dir, vtt + strlen(BASE) + 1);
    char *chap_path = path_in(dir, chapters + strlen(BASE) + 1);
    char *vtt_text = tu_read(vtt_path);
    assert_non_null(vtt_text);
    assert_true(strncmp(vtt_text, "WEBVTT", 6) == 0);
    json_object *j = json_object_from_file(chap_path), *list, *first, *start;
    assert_non_null(j);
    assert_string_equal(json_object_get_string(json_object_object_get(j, "version")), "1.2.0");
    assert_true(json_object_object_get_ex(j, "chapters", &list));
    assert_true(json_object_array_length(list) >= 1);
    first = json_object_array_get_idx(list, 0);
    assert_true(json_object_object_get_ex(first, "startTime", &start));
    assert_true(json_object_get_double(start) == 0);
    assert_non_null(json_object_get_string(json_object_object_get(first, "title")));
    json_object_put(j);
    free(url), free(len), free(type), free(vtt), free(chapters), free(duration), free(audio);
    free(vtt_path), free(chap_path), free(vtt_text);
}

/* The feed as a podcast app's parser reads it: feedparser (Debian's
 * python3-feedparser, run by Debian's own python3) finds n entries, each
 * enclosure as long as its file, each chapters file valid. */
static void assert_feedparser_reads(const char *dir, int n)
{
    char cmd[1200], out[200] = "";
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/feed_check.py '%s/feed.xml' '%s' '" BASE "/' 2>&1",
             dir, dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    if (!fgets(out, sizeof out, p))
        out[0] = '\0';
    int status = pclose(p);
    print_message("feedparser: %s", out);
    assert_int_equal(status, 0);
    assert_int_equal(atoi(out), n);
}

static void feed_of_a_batch(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    tu_result r = batch(dir, BOOK " " SECTIONS);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    feed f = read_feed(dir);
    char *version = xu_string(f.c, "/rss/@version"), *self = xu_string(f.c, "//atom:link[@rel='self']/@href");
    char *title = xu_string(f.c, "/rss/channel/title"), *lang = xu_string(f.c, "/rss/channel/language");
    assert_string_equal(version, "2.0");
    assert_string_equal(self, BASE "/feed.xml");
    assert_string_equal(title, strrchr(dir, '/') + 1);
    assert_string_equal(lang, "fr");
    assert_int_equal(xu_count(f.c, "/rss/channel/item"), 2);
    /* The article with an address has it as guid, and its own date. */
    static const char guid[] = "https://journal.example/2024/05/03/jardins-partages";
    char *name = item_string(&f, guid, "title"), *date = item_string(&f, guid, "pubDate");
    char *desc = item_string(&f, guid, "description");
    assert_string_equal(name, "Les jardins partagés gagnent la ville");
    assert_string_equal(date, "Fri, 03 May 2024 08:30:00 +0200");
    assert_true(strncmp(desc, "Dans les quartiers, des habitants cultivent", 43) == 0);
    assert_item_files(&f, dir, guid, "epub-book.mp3");
    /* The one without gets a UUID of its text, and the time it was made:
     * the newest, so listed first. */
    char *other = xu_string(f.c, "/rss/channel/item[1]/guid");
    assert_true(strncmp(other, "urn:uuid:", 9) == 0);
    assert_item_files(&f, dir, other, "audio-sections.mp3");
    assert_feedparser_reads(dir, 2);
    feed_free(&f);
    free(version), free(self), free(title), free(lang), free(name), free(date), free(desc);
    free(other);
    tu_rmdir(dir);
}

/* A second batch adds its episodes; one that comes again replaces its
 * item instead of listing the article twice. */
static void later_batches_add_without_duplicates(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    tu_result r = batch(dir, BOOK);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    r = batch(dir, SECTIONS " " BOOK);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    r = batch(dir, BOOK);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    feed f = read_feed(dir);
    assert_int_equal(xu_count(f.c, "/rss/channel/item"), 2);
    assert_int_equal(xu_count(f.c, "/rss/channel/item[guid='https://journal.example/2024/05/03/"
                                   "jardins-partages']"), 1);
    assert_item_files(&f, dir, "https://journal.example/2024/05/03/jardins-partages",
                      "epub-book.mp3");
    feed_free(&f);
    tu_rmdir(dir);
}

/* Shards writing one folder at once lose no episode. */
static void shards_lose_nothing(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), cmd[2000];
    snprintf(cmd, sizeof cmd,
             "%s -q --outdir %s --format mp3 --feed " BASE " --shard 1/2 " BOOK " " SECTIONS " & "
             "%s -q --outdir %s --format mp3 --feed " BASE " --shard 2/2 " BOOK " " SECTIONS " & "
             "wait",
             tu_oralise(), dir, tu_oralise(), dir);
    assert_int_equal(system(cmd), 0);
    feed f = read_feed(dir);
    assert_int_equal(xu_count(f.c, "/rss/channel/item"), 2);
    feed_free(&f);
    tu_rmdir(dir);
}

/* Items another tool wrote stay as they were, foreign tags and all. */
static void items_already_there_are_kept(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    static const char old[] =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:z=\"urn:example:other\">"
        "<channel><title>Ancien</title><link>https://example.org/</link><description>d</description>"
        "<item><title>Un ancien épisode &amp; son titre</title><guid>ancien-1</guid>"
        "<pubDate>Tue, 01 Jan 2019 10:00:00 +0000</pubDate>"
        "<enclosure url=\"https://example.org/a.mp3\" length=\"12\" type=\"audio/mpeg\"/>"
        "<z:rating z:scale=\"5\">4</z:rating></item></channel></rss>\n";
    free(tu_write_in(dir, "feed.xml", old));
    tu_result r = batch(dir, BOOK);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    feed f = read_feed(dir);
    assert_int_equal(xu_count(f.c, "/rss/channel/item"), 2);
    char *title = xu_string(f.c, "/rss/channel/item[guid='ancien-1']/title");
    char *rating = xu_string(f.c, "/rss/channel/item[guid='ancien-1']/z:rating[@z:scale='5']");
    char *last = xu_string(f.c, "/rss/channel/item[last()]/guid");
    assert_string_equal(title, "Un ancien épisode & son titre");
    assert_string_equal(rating, "4");
    assert_string_equal(last, "ancien-1"); /* the oldest, last */
    feed_free(&f);
    free(title), free(rating), free(last);
    tu_rmdir(dir);
}

static void feed_conf_names_the_channel(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    free(tu_write_in(dir, "feed.conf",
                     "# the channel\ntitle = La revue lue\nauthor = Claire Martin\n"
                     "email = claire@example.org\nimage = couverture.jpg\n"
                     "description = Les articles du jour, lus.\n"));
    tu_result r = batch(dir, BOOK);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    feed f = read_feed(dir);
    char *title = xu_string(f.c, "/rss/channel/title"), *author = xu_string(f.c, "/rss/channel/itunes:author");
    char *image = xu_string(f.c, "/rss/channel/itunes:image/@href");
    char *email = xu_string(f.c, "/rss/channel/itunes:owner/itunes:email");
    char *desc = xu_string(f.c, "/rss/channel/description");
    assert_string_equal(title, "La revue lue");
    assert_string_equal(author, "Claire Martin");
    assert_string_equal(image, BASE "/couverture.jpg");
    assert_string_equal(email, "claire@example.org");
    assert_string_equal(desc, "Les articles du jour, lus.");
    feed_free(&f);
    free(title), free(author), free(image), free(email), free(desc);
    /* A misspelt key is named, and nothing is converted. */
    char *conf = tu_write_in(dir, "feed.conf", "titel = Faute\n");
    int before = tu_count_entries(dir);
    r = batch(dir, SECTIONS);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "titel"));
    assert_int_equal(tu_count_entries(dir), before);
    tu_result_free(&r);
    free(conf);
    tu_rmdir(dir);
}

/* A feed.xml that is not a feed, or a feed path that cannot be written:
 * one line, a failure, and the folder as it was. */
static void bad_feeds_change_nothing(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    static const char page[] = "<html><body><p>Ma page</p></body></html>\n";
    char *path = tu_write_in(dir, "feed.xml", page);
    tu_result r = batch(dir, BOOK);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "not an RSS 2.0 feed"));
    tu_result_free(&r);
    char *kept = tu_read(path);
    assert_string_equal(kept, page);
    assert_int_equal(tu_count_entries(dir), 1);
    free(kept);
    /* Not even XML. */
    tu_write(path, "\x01\x02garbage", 9);
    r = batch(dir, BOOK);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(dir), 1);
    /* feed.xml is a folder: it cannot be replaced. */
    unlink(path);
    assert_int_equal(mkdir(path, 0755), 0);
    r = batch(dir, BOOK);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "not a regular file"));
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(dir), 1);
    /* Not a web address; and --feed outside a batch: usage errors. */
    r = tu_run("-q --outdir %s/new --feed ftp://example.org " BOOK, dir);
    assert_int_equal(r.status, 2);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    r = tu_run("-q --feed " BASE " " BOOK " -o %s/a.mp3", dir);
    assert_int_equal(r.status, 2);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(dir), 1);
    free(path);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(feed_of_a_batch),
        cmocka_unit_test(later_batches_add_without_duplicates),
        cmocka_unit_test(shards_lose_nothing),
        cmocka_unit_test(items_already_there_are_kept),
        cmocka_unit_test(feed_conf_names_the_channel),
        cmocka_unit_test(bad_feeds_change_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
