/* The article's stretch: the best-scoring run of lines, ended at an end
 * marker or a paywall cue. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a furniture line costs the article stretch, in prose words. */
#define BAD_COST 6

long text_line_score(const line *l)
{
    if (l->cls == GOOD)
        return (long)l->words;
    if (l->meta || l->credit || l->cells || l->embed || l->code)
        return 0; /* datelines, credits, tables, embeds and code belong to articles too */
    return l->drop ? -2 : -BAD_COST;
}

/* Prose above a counted end marker ("12 Comments", "Réactions (3)") that
 * makes it the end of a short piece: in a head, such a counter stands over
 * the prose, not under it. */
#define COUNTED_END_RUN 40

/* Is line l an end marker that ends an article of that much prose above
 * it? Once the prose is strong, any; a counted one under a short piece. */
static bool ends_article(const reader *r, const line *l, long prose)
{
    return l->end && (prose >= STRONG_RUN || (prose >= COUNTED_END_RUN && cue_counter_line(&r->cues, l->s)));
}

/* The best-scoring run of lines (Kadane's), stopped at an end marker once
 * the run is strong. Returns false when no line scores. */
bool text_find_stretch(reader *r)
{
    long best = 0, run = 0;
    size_t start = 0;
    r->body = r->stop = 0;
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->l[i];
        /* the marker may stand past a share bar or an author box: while
         * the run that made the strong stretch goes on, what follows the
         * marker (reader comments, however long) is not the article */
        if ((ends_article(r, l, best) || (l->cut && best >= STRONG_RUN)) && run > 0 && start == r->body)
            break;
        if (run <= 0)
            run = 0, start = i;
        run += text_line_score(l);
        if (run > best)
            best = run, r->body = start, r->stop = i + 1;
    }
    return best > 0;
}

/* A paywall cue inside the stretch ends it, and so does an end marker
 * once the prose above it is long ("Réagir" in a share bar under the
 * lede is no end); a cue right after the stretch still says the article
 * is cut. */
void text_end_stretch(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->n && i < r->stop + 8; i++) {
        const line *l = &r->l[i];
        if (l->cut) {
            r->a->truncated = true;
            r->a->remaining_percent = paywall_percent(&r->cues, l->s);
        }
        if ((l->cut || ends_article(r, l, (long)words)) && i > r->body) {
            if (i < r->stop)
                r->stop = i;
            /* only an author box's label says that the name under it is
             * the author's: under "Most Read" it is a link */
            if (cue_word_nocase(&r->cues.author_box, l->s, l->len))
                r->box = i + 1;
            return;
        }
        if (l->cls == GOOD) {
            if (i >= r->stop)
                return;
            words += l->words;
        }
    }
}
