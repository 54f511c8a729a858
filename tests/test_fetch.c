/* Web addresses as inputs, against a web server on 127.0.0.1 that the test
 * starts itself (tests/http_server.py): pages read into audio and JSON
 * with their address, redirects, a slow server, HTTP errors, a body past
 * the limit, gzip, Latin-1 declared by the header or by the page, types
 * that are no page, a closed port, TLS spoken to a plain server, a batch
 * mixing addresses and files, --save-page. Then text files in Latin-1 and
 * --charset. Nothing here needs the internet. */
#include "testutil.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>

static const char *const page_title =
    "Joe Biden autorise l’Ukraine à utiliser des missiles à longue portée pour frapper "
    "la Russie en profondeur";

typedef struct {
    char *dir;      /* the server's files, and the tests' outputs */
    pid_t server;
    char base[64];  /* http://127.0.0.1:PORT */
} fixture;

static void copy_file(const char *from, const char *to)
{
    char *data = tu_read(from);
    assert_non_null(data);
    tu_write(to, data, strlen(data));
    free(data);
}

/* Starts the server on a free port and waits (10 s at most) for it to say
 * which. */
static int start_server(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = tu_tmpdir();
    /* A proxy set in the environment (libcurl honours http_proxy) must not
     * be asked for the local server. */
    setenv("no_proxy", "127.0.0.1", 1);
    char page[300], copy[300], port_file[300];
    snprintf(page, sizeof page, "%s/page.html", f->dir);
    snprintf(copy, sizeof copy, "%s/copie.txt", f->dir);
    snprintf(port_file, sizeof port_file, "%s/port", f->dir);
    copy_file("samples/lemonde-atacms.html", page);
    copy_file("samples/lemonde-atacms.txt", copy);
    f->server = fork();
    if (f->server == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1), dup2(null, 2);
        execlp("python3", "python3", "tests/http_server.py", port_file, f->dir, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 200 && !tu_exists(port_file); i++)
        usleep(50000);
    char *port = tu_read(port_file);
    if (!port) {
        fprintf(stderr, "test_fetch: the local web server did not start (python3?)\n");
        return -1;
    }
    snprintf(f->base, sizeof f->base, "http://127.0.0.1:%d", atoi(port));
    free(port);
    *state = f;
    return 0;
}

static int stop_server(void **state)
{
    fixture *f = *state;
    kill(f->server, SIGTERM);
    waitpid(f->server, NULL, 0);
    tu_rmdir(f->dir);
    free(f);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A failed address: exit 1, one line naming the address and the reason,
 * nothing written where the audio would go. */
static void assert_fetch_fails(const fixture *f, const char *path, const char *reason,
                               const char *extra)
{
    char out[300];
    snprintf(out, sizeof out, "%s/failed.ogg", f->dir);
    tu_result r = tu_run("%s %s%s -o %s", extra, f->base, path, out);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    if (!strstr(r.err, reason) || !strstr(r.err, path))
        fail_msg("%s: expected \"%s\" naming the address, got: %s", path, reason, r.err);
    assert_false(tu_exists(out));
    tu_result_free(&r);
}

static char *article_json(const fixture *f, const char *path, const char *extra)
{
    tu_result r = tu_run("--print=article %s %s%s", extra, f->base, path);
    if (r.status != 0)
        fail_msg("%s: status %d: %s", path, r.status, r.err);
    free(r.err);
    return r.out;
}

static void assert_url_field(const char *json, const char *base, const char *path)
{
    char want[300];
    snprintf(want, sizeof want, "\"url\":\"%s%s\"", base, path);
    if (!strstr(json, want))
        fail_msg("no %s in the article", want);
}

/* A page read from its address is the page read from the file: same
 * script, spoken to audio, with the address in the url field and the
 * audio's tags. */
static void page_by_address_to_audio(void **state)
{
    fixture *f = *state;
    char out[300];
    snprintf(out, sizeof out, "%s/page.wav", f->dir);
    tu_result r = tu_run("-q %s/file/page.html -o %s", f->base, out);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    assert_true(a.seconds > 60);
    assert_string_equal(a.tags[SF_STR_TITLE], page_title);
    assert_non_null(a.tags[SF_STR_COMMENT]);
    char want[300];
    snprintf(want, sizeof want, "%s/file/page.html", f->base);
    assert_string_equal(a.tags[SF_STR_COMMENT], want);
    tu_audio_free(&a);
    tu_result_free(&r);

    char *json = article_json(f, "/file/page.html", "");
    assert_url_field(json, f->base, "/file/page.html");
    assert_non_null(strstr(json, page_title));
    free(json);
    tu_result web = tu_run("--print=script %s/file/page.html", f->base);
    tu_result file = tu_run("--print=script samples/lemonde-atacms.html");
    assert_int_equal(web.status, 0);
    assert_string_equal(web.out, file.out);
    tu_result_free(&web);
    tu_result_free(&file);
}

/* Three redirects are followed and the final address is the url; six
 * are too many. */
static void redirects_followed_and_bounded(void **state)
{
    fixture *f = *state;
    char *json = article_json(f, "/redirect/3/page.html", "");
    assert_url_field(json, f->base, "/file/page.html");
    free(json);
    assert_fetch_fails(f, "/redirect/6/page.html", "more than 5 redirects", "");
}

/* A server that trickles its page is given up on at --timeout. */
static void slow_server_times_out(void **state)
{
    fixture *f = *state;
    double t0 = now();
    assert_fetch_fails(f, "/slow", "no complete answer within 1 second", "--timeout 1");
    assert_true(now() - t0 < 5);
}

static void http_errors_say_their_status(void **state)
{
    fixture *f = *state;
    assert_fetch_fails(f, "/status/404", "HTTP 404 Not Found", "");
    assert_fetch_fails(f, "/status/451", "HTTP 451 Unavailable For Legal Reasons", "");
    assert_fetch_fails(f, "/status/500", "HTTP 500 Internal Server Error", "");
}

/* An 8 MB body stops at the 5 MB limit while it arrives; --max-input 12
 * lets it through. */
static void huge_body_stops_at_the_limit(void **state)
{
    fixture *f = *state;
    double t0 = now();
    assert_fetch_fails(f, "/huge", "larger than the limit of 5 MB", "");
    assert_true(now() - t0 < 10);
    char *json = article_json(f, "/huge", "--max-input 12");
    assert_non_null(strstr(json, "\"title\":\"Le budget voté\""));
    free(json);
}

static void gzip_body_is_read(void **state)
{
    fixture *f = *state;
    char *json = article_json(f, "/gzip", "");
    assert_non_null(strstr(json, page_title));
    assert_non_null(strstr(json, "Washington a finalement cédé"));
    free(json);
}

/* Latin-1 bytes, declared by the Content-Type only, or by the page's
 * <meta> only, come out as the same French. */
static void latin1_declared_by_header_or_meta(void **state)
{
    fixture *f = *state;
    const char *paths[] = {"/latin1-header", "/latin1-meta", "/latin1-text"};
    for (size_t i = 0; i < 3; i++) {
        tu_result r = tu_run("--print=article %s%s", f->base, paths[i]);
        assert_int_equal(r.status, 0);
        assert_non_null(strstr(r.out, "\"title\":\"Un été au bord de l'eau\""));
        assert_non_null(strstr(r.out, "très chaud à Étretat"));
        assert_null(strstr(r.out, "\xef\xbf\xbd")); /* no replacement character */
        assert_null(strstr(r.err, "note")); /* declared, not guessed */
        tu_result_free(&r);
    }
}

static void non_page_types_refused(void **state)
{
    fixture *f = *state;
    assert_fetch_fails(f, "/image.png", "image/png, not a web page or text", "");
    assert_fetch_fails(f, "/doc.pdf", "application/pdf, not a web page or text", "");
}

/* A port nobody listens on (one just bound and closed), and TLS spoken to
 * a server that only speaks plain HTTP. */
static void refused_connection_and_tls_error(void **state)
{
    fixture *f = *state;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sa;
    assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &len), 0);
    close(s);
    char url[100], out[300];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/x.html", ntohs(sa.sin_port));
    snprintf(out, sizeof out, "%s/refused.ogg", f->dir);
    tu_result r = tu_run("%s -o %s", url, out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, url));
    assert_non_null(strstr(r.err, "refused the connection"));
    assert_false(tu_exists(out));
    tu_result_free(&r);

    snprintf(url, sizeof url, "https://%s/file/page.html", f->base + strlen("http://"));
    r = tu_run("%s -o %s", url, out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, url));
    assert_non_null(strstr(r.err, "TLS error"));
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_false(tu_exists(out));
    tu_result_free(&r);
}

/* A list of two addresses and a file: the good ones converted, named
 * after their address or file, the 404 logged failed with its status. */
static void batch_mixes_addresses_and_files(void **state)
{
    fixture *f = *state;
    char list[300], outdir[300], log[300], text[1200];
    snprintf(list, sizeof list, "%s/list.txt", f->dir);
    snprintf(outdir, sizeof outdir, "%s/audio", f->dir);
    snprintf(log, sizeof log, "%s/log.jsonl", f->dir);
    snprintf(text, sizeof text, "%s/file/page.html\n%s/copie.txt\n%s/status/404\n",
             f->base, f->dir, f->base);
    tu_write(list, text, strlen(text));
    tu_result r = tu_run("--outdir %s --from-list %s --log %s -j 2 --format wav",
                         outdir, list, log);
    assert_int_equal(r.status, 1);
    char path[400];
    snprintf(path, sizeof path, "%s/page.wav", outdir);
    assert_true(tu_exists(path));
    snprintf(path, sizeof path, "%s/copie.wav", outdir);
    assert_true(tu_exists(path));
    assert_int_equal(tu_count_entries(outdir), 3); /* and .oralise-inputs, for --resume */
    char *lines = tu_read(log);
    assert_int_equal(tu_count_lines(lines), 3);
    char *bad = strstr(lines, "/status/404\"");
    assert_non_null(bad);
    char *end = strchr(bad, '\n');
    *end = '\0';
    assert_non_null(strstr(bad, "\"status\":\"failed\""));
    assert_non_null(strstr(bad, "HTTP 404 Not Found"));
    free(lines);
    tu_result_free(&r);
}

/* --resume keeps what a page by address gave without fetching it again
 * (the page is gone from the server the second time), and redoes it when
 * its output is missing. */
static void resume_keeps_pages_by_address(void **state)
{
    fixture *f = *state;
    char page[300], gone[300], out[300], log[300];
    snprintf(page, sizeof page, "%s/once.html", f->dir);
    snprintf(gone, sizeof gone, "%s/once.gone", f->dir);
    snprintf(out, sizeof out, "%s/resumed/once.wav", f->dir);
    snprintf(log, sizeof log, "%s/resumed.jsonl", f->dir);
    copy_file("samples/lemonde-atacms.html", page);
    const char *run = "-q --outdir %s/resumed --format wav --resume --log %s %s/file/once.html";
    tu_result r = tu_run(run, f->dir, log, f->base);
    assert_int_equal(r.status, 0);
    assert_true(tu_exists(out));
    tu_result_free(&r);

    assert_int_equal(rename(page, gone), 0);
    r = tu_run(run, f->dir, log, f->base);
    assert_int_equal(r.status, 0);
    char *lines = tu_read(log);
    assert_int_equal(tu_count_lines(lines), 2);
    assert_non_null(strstr(strchr(lines, '\n'), "\"status\":\"skipped\""));
    free(lines);
    tu_result_free(&r);

    unlink(out); /* an output gone is made again, so the page is fetched */
    r = tu_run(run, f->dir, log, f->base);
    assert_int_equal(r.status, 1);
    assert_false(tu_exists(out));
    tu_result_free(&r);
}

/* --save-page keeps the body as served (gzip undone, Latin-1 left as it
 * was); a failed fetch saves nothing; one page only. */
static void save_page_keeps_what_was_served(void **state)
{
    fixture *f = *state;
    char saved[300], page[300];
    snprintf(saved, sizeof saved, "%s/saved.html", f->dir);
    snprintf(page, sizeof page, "%s/page.html", f->dir);
    tu_result r = tu_run("--print=article --save-page %s %s/gzip", saved, f->base);
    assert_int_equal(r.status, 0);
    char *got = tu_read(saved), *want = tu_read(page);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got), free(want);
    tu_result_free(&r);

    r = tu_run("--print=article --save-page %s %s/latin1-header", saved, f->base);
    assert_int_equal(r.status, 0);
    got = tu_read(saved);
    assert_non_null(strstr(got, "Un \xe9t\xe9 au bord")); /* the Latin-1 bytes as sent */
    free(got);
    tu_result_free(&r);

    unlink(saved);
    char extra[400];
    snprintf(extra, sizeof extra, "--save-page %s", saved);
    assert_fetch_fails(f, "/status/404", "404", extra);
    assert_false(tu_exists(saved));
    r = tu_run("--save-page %s --outdir %s/batch %s/gzip", saved, f->dir, f->base);
    assert_int_equal(r.status, 2);
    assert_false(tu_exists(saved));
    tu_result_free(&r);
}

/* The C API takes addresses too. */
static void library_reads_addresses(void **state)
{
    fixture *f = *state;
    char url[200];
    snprintf(url, sizeof url, "%s/redirect/2/page.html", f->base);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    assert_int_equal(ora_read_file(url, ORA_INPUT_AUTO, &a, &err), 0);
    assert_string_equal(a.title, page_title);
    snprintf(url, sizeof url, "%s/file/page.html", f->base);
    assert_string_equal(a.url, url);
    ora_article_free(&a);
    snprintf(url, sizeof url, "%s/status/410", f->base);
    assert_int_equal(ora_read_file(url, ORA_INPUT_AUTO, &a, &err), -1);
    assert_non_null(strstr(err.msg, "HTTP 410 Gone"));
    ora_article_free(&a);
}

/* ── Text in any charset ─────────────────────────────────────────────── */

/* A Latin-1 text file is read, with a note saying so (none with -q);
 * --charset reads it otherwise; control bytes are still binary. */
static void latin1_text_files_and_charset(void **state)
{
    fixture *f = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/latin1.txt", f->dir);
    const char *latin1 = "Le caf\xe9 de la gare\n\nIl fait tr\xe8s chaud \xe0 la gare, o\xf9 les "
                         "voyageurs attendent depuis une heure d\xe9j\xe0 : le billet co\xfbte "
                         "5 \xa4 de plus qu'hier.\n";
    tu_write(path, latin1, strlen(latin1));
    tu_result r = tu_run("--print=article %s", path);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"title\":\"Le café de la gare\""));
    assert_non_null(strstr(r.out, "très chaud à la gare, où"));
    assert_non_null(strstr(r.out, "5 ¤ de plus"));
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "note: "));
    assert_non_null(strstr(r.err, "latin1.txt is not UTF-8; read as windows-1252"));
    tu_result_free(&r);

    r = tu_run("-q --print=article %s", path);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    tu_result_free(&r);

    r = tu_run("--print=article --charset ISO-8859-15 %s", path);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "5 € de plus"));
    assert_string_equal(r.err, ""); /* told, not guessed */
    tu_result_free(&r);

    r = tu_run("--print=article --charset no-such-charset %s", path);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--charset"));
    tu_result_free(&r);

    char out[300];
    snprintf(out, sizeof out, "%s/control.ogg", f->dir);
    { const char *ctl = "Le caf\xe9\x01\x02\x1b[0m de la gare\n"; tu_write(path, ctl, strlen(ctl)); }
    r = tu_run("%s -o %s", path, out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "is a binary file"));
    assert_false(tu_exists(out));
    tu_result_free(&r);
}

/* Text in a charset of another script is read in it, not as Latin
 * letters: uchardet names it. */
static void cyrillic_text_is_not_read_as_latin(void **state)
{
    fixture *f = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/ru.txt", f->dir);
    /* "Привет, как дела? Это короткий текст на русском языке." in windows-1251 */
    const char *cp1251 = "\xcf\xf0\xe8\xe2\xe5\xf2, \xea\xe0\xea \xe4\xe5\xeb\xe0? \xdd\xf2\xee "
                         "\xea\xee\xf0\xee\xf2\xea\xe8\xe9 \xf2\xe5\xea\xf1\xf2 \xed\xe0 "
                         "\xf0\xf3\xf1\xf1\xea\xee\xec \xff\xe7\xfb\xea\xe5.\n";
    tu_write(path, cp1251, strlen(cp1251));
    ora_options o;
    ora_options_default(&o);
    char *notes = NULL;
    size_t notes_len = 0;
    o.notes = open_memstream(&notes, &notes_len);
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    int rc = ora_read_input(path, &o, &a, &err);
    fclose(o.notes);
    assert_non_null(strstr(notes, "read as windows-1251"));
    if (rc == 0) /* whether it is an article is the reader's call; the words are Russian */
        assert_non_null(strstr(a.title ? a.title : a.blocks[0].text, "Привет"));
    free(notes);
    ora_article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_by_address_to_audio),
        cmocka_unit_test(redirects_followed_and_bounded),
        cmocka_unit_test(slow_server_times_out),
        cmocka_unit_test(http_errors_say_their_status),
        cmocka_unit_test(huge_body_stops_at_the_limit),
        cmocka_unit_test(gzip_body_is_read),
        cmocka_unit_test(latin1_declared_by_header_or_meta),
        cmocka_unit_test(non_page_types_refused),
        cmocka_unit_test(refused_connection_and_tls_error),
        cmocka_unit_test(batch_mixes_addresses_and_files),
        cmocka_unit_test(resume_keeps_pages_by_address),
        cmocka_unit_test(save_page_keeps_what_was_served),
        cmocka_unit_test(library_reads_addresses),
        cmocka_unit_test(latin1_text_files_and_charset),
        cmocka_unit_test(cyrillic_text_is_not_read_as_latin),
    };
    return cmocka_run_group_tests(tests, start_server, stop_server);
}
