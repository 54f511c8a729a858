/* Hard-wrapped text (a text file, a mail, a newsletter set at 72
 * columns): its paragraphs come cut into lines of nearly the same width,
 * each of which the reader would judge alone, as a short unpunctuated
 * line, a menu's. The lines that the wrapping cut are joined back first,
 * by the test that unwrapping tools use: a line is cut when the next
 * line's first word would not have fitted after it; or, as a wrapping
 * that evens its lines out (fmt's) leaves room at their end, when it is
 * a full line and the next one goes on with a small letter, or it ends
 * on a function word. */
#include "text.h"
#include "read/squash.h"

#include <stdlib.h>
#include <string.h>

/* Narrower than this, a column is a list, not a wrapping. */
#define WRAP_MIN_WIDTH 40
/* A line within this many characters of the width is a full one. */
#define FULL_SLACK 15
/* Full lines a text needs to be taken for wrapped, and how many of them
 * must end on no full stop with text right under them (most go on with a
 * small letter): a sentence cut in the middle, which no copy of a page
 * shows. */
#define MIN_FULL_LINES 8
#define MIN_CUT_SENTENCES 3

/* The width the text was wrapped at, or 0 when it was not: no line
 * longer than WRAP_MAX_WIDTH but a stray one (a web address), and
 * sentences cut at full lines. */
static size_t wrap_width(const reader *r)
{
    size_t width = 0, longer = 0, full = 0, cut = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t c = r->l[i].cols;
        if (c > WRAP_MAX_WIDTH)
            longer++;
        else if (c > width)
            width = c;
    }
    if (width < WRAP_MIN_WIDTH || longer * 50 > r->n)
        return 0;
    for (size_t i = 0; i < r->n; i++) {
        if (r->l[i].raw || r->l[i].cols > WRAP_MAX_WIDTH || r->l[i].cols + FULL_SLACK < width)
            continue;
        full++;
        cut += i + 1 < r->n && r->l[i + 1].tight &&
               (latin_lower_at(r->l[i + 1].s) || !ends_full_stop(r->l[i].s, strlen(r->l[i].s)));
    }
    return full >= MIN_FULL_LINES && cut >= MIN_CUT_SENTENCES ? width : 0;
}

/* Does the line end on a function word ("…l'occasion de courir à"),
 * which no sentence, title or dateline ends on? */
static bool ends_on_function_word(const reader *r, const char *s)
{
    const char *last = strrchr(s, ' ');
    last = last ? last + 1 : s;
    return text_is_stopword(r, last, strlen(last));
}

/* Was line l, whose last piece took that many characters as typed, cut
 * by the wrapping, the line next going on with it? A short line over
 * text ("Objet : réunion") stands alone, and so does a dateline over a
 * legend. */
static bool cut_at(const reader *r, const line *l, const line *next, size_t piece, size_t width)
{
    return next->tight && !next->bullet && !l->raw && !next->raw && next->lead &&
           (piece + 1 + next->lead > width ||
            (piece + FULL_SLACK >= width && (latin_lower_at(next->s) || ends_on_function_word(r, l->s))));
}

/* Appends next's text to l's, with a space unless the wrapping cut a
 * compound at its hyphen ("Body-" / "Shaming"), and frees it. False
 * when out of memory: the two stay apart. */
static bool join(line *l, line *next)
{
    size_t a = strlen(l->s), b = strlen(next->s);
    char *joined = malloc(a + b + 2);
    if (!joined)
        return false;
    memcpy(joined, l->s, a);
    bool hyphen = a >= 2 && l->s[a - 1] == '-' && l->s[a - 2] != ' ';
    if (!hyphen)
        joined[a++] = ' ';
    memcpy(joined + a, next->s, b + 1);
    free(l->s);
    free(next->s);
    l->s = joined;
    return true;
}

/* One pass: each line is joined to the one being built or starts the
 * next, so that a long wrapped text costs no more than its lines. */
void text_unwrap(reader *r)
{
    size_t width = wrap_width(r);
    if (!width || !r->n)
        return;
    size_t o = 0, piece = r->l[0].cols; /* the last piece of line o */
    for (size_t i = 1; i < r->n; i++) {
        size_t cols = r->l[i].cols;
        if (!(cut_at(r, &r->l[o], &r->l[i], piece, width) && join(&r->l[o], &r->l[i])))
            r->l[++o] = r->l[i];
        piece = cols;
    }
    r->n = o + 1;
}
