/* Embedding oralise: read an article, show what will be said, and write it
 * as Ogg Vorbis. Build against an installed oralise with
 *
 *   cc speak_article.c $(pkg-config --cflags --libs oralise) -o speak_article
 *
 * and run: ./speak_article page.html out.ogg */
#include <oralise.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s INPUT OUTPUT.ogg\n", argv[0]);
        return 2;
    }
    ora_options opt;
    ora_options_default(&opt);
    opt.script.captions = true; /* read photo captions too */

    /* Step by step: the article and its spoken script. */
    ora_article article;
    ora_script script;
    ora_error err;
    if (ora_prepare(argv[1], &opt, &article, &script, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("%s — %zu parts%s\n", article.title ? article.title : "(untitled)", script.n,
           article.truncated ? ", cut by a paywall" : "");
    for (size_t i = 0; i < script.n; i++)
        printf("[%s] %s\n", ora_segment_role_name(script.segs[i].role), script.segs[i].spoken);
    ora_script_free(&script);
    ora_article_free(&article);

    /* Or the whole job in one call. */
    ora_result r;
    if (ora_convert(argv[1], argv[2], &opt, &r, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("wrote %s: %.1f s of speech\n", argv[2], r.seconds);
    return 0;
}
