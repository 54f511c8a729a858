/* make install: PREFIX and DESTDIR honoured, the installed binary finds its
 * data, and the embedding example builds from the pkg-config file alone. */
#include "testutil.h"

/* make run from inside "make check" must not inherit its variables. */
#define CLEAN_MAKE \
    "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE -u BUILD -u DATADIR -u CFLAGS -u LDFLAGS make -s"

static void install_into_prefix_and_embed(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), cmd[2048], p[600];
    snprintf(cmd, sizeof cmd, CLEAN_MAKE " install PREFIX=%s/usr > %s/log 2>&1", d, d);
    if (system(cmd) != 0) {
        snprintf(p, sizeof p, "%s/log", d);
        char *log = tu_read(p);
        fail_msg("make install failed:\n%s", log);
    }
    snprintf(p, sizeof p, "%s/usr/share/oralise/lexicons/fr/acronyms.pls", d);
    assert_true(tu_exists(p));
    snprintf(p, sizeof p, "%s/usr/share/man/man1/oralise.1", d);
    assert_true(tu_exists(p));

    /* The installed binary reads its own data, not the source tree's. */
    snprintf(cmd, sizeof cmd, "cd %s && env -u ORALISE_DATA %s/usr/bin/oralise --print=script "
                              "%s/samples/lemonde-atacms.txt > %s/script 2>&1",
             d, d, getenv("PWD"), d);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof p, "%s/script", d);
    char *script = tu_read(p);
    assert_non_null(strstr(script, "Fin de la partie gratuite de cet article."));
    assert_non_null(strstr(script, "Atakèmss"));
    free(script);

    snprintf(cmd, sizeof cmd,
             "cc examples/speak_article.c $(PKG_CONFIG_PATH=%s/usr/lib/pkgconfig pkg-config "
             "--cflags --libs oralise) -o %s/speak_article && "
             "%s/speak_article samples/lemonde-atacms.html %s/a.ogg > %s/out",
             d, d, d, d, d);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof p, "%s/out", d);
    char *out = tu_read(p);
    assert_non_null(strstr(out, "[notice] Fin de la partie gratuite"));
    assert_non_null(strstr(out, "[caption] Un tir de missile tactique"));
    free(out);
    tu_audio a;
    snprintf(p, sizeof p, "%s/a.ogg", d);
    assert_true(tu_audio_read(p, &a));
    assert_true(a.seconds > 90);
    tu_audio_free(&a);
    tu_rmdir(d);
}

static void staged_install_with_destdir(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), cmd[1024], p[600];
    snprintf(cmd, sizeof cmd, CLEAN_MAKE " install PREFIX=/usr DESTDIR=%s/stage > /dev/null 2>&1", d);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof p, "%s/stage/usr/bin/oralise", d);
    assert_true(tu_exists(p));
    snprintf(p, sizeof p, "%s/stage/usr/lib/pkgconfig/oralise.pc", d);
    char *pc = tu_read(p);
    assert_non_null(strstr(pc, "prefix=/usr\n")); /* DESTDIR is not baked in */
    free(pc);
    snprintf(p, sizeof p, "%s/stage", d);
    assert_int_equal(tu_count_entries(p), 1); /* only usr/ */
    tu_rmdir(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(install_into_prefix_and_embed),
        cmocka_unit_test(staged_install_with_destdir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
