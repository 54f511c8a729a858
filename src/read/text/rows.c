/* A data table copied row by row, cells parted by tabs: one table block. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The cells of a row as copied ("Essence 95\t1,742\t…"), each squashed. */
static size_t row_cells(const char *raw, char **cells, size_t max)
{
    size_t n = 0;
    for (const char *p = raw; n < max;) {
        const char *tab = strchr(p, '\t');
        size_t len = tab ? (size_t)(tab - p) : strlen(p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == '\n'))
            len--;
        cells[n++] = text_clean_line(p, len);
        if (!tab)
            break;
        p = tab + 1;
    }
    return n;
}

#define MAX_CELLS 32

/* A table copied row by row, its cells parted by tabs: one table block,
 * the caption (the line over it, when it is one) first, then each row as
 * "header : value, …" under the first row's headers. Returns the line
 * after the table. */
size_t text_read_table(reader *r, size_t i, const char *caption)
{
    char *head[MAX_CELLS], *cells[MAX_CELLS];
    size_t nh = row_cells(r->l[i].raw, head, MAX_CELLS);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, caption ? caption : "");
    for (i++; i < r->stop && r->l[i].raw; i++) {
        size_t nc = row_cells(r->l[i].raw, cells, MAX_CELLS);
        sb_addc(&b, '\n');
        for (size_t k = 0; k < nc; k++) {
            if (k)
                sb_adds(&b, ", ");
            if (k < nh && head[k] && head[k][0])
                sb_printf(&b, "%s : ", head[k]);
            sb_adds(&b, cells[k] ? cells[k] : "");
            free(cells[k]);
        }
    }
    for (size_t k = 0; k < nh; k++)
        free(head[k]);
    if (b.s)
        ora_article_add_block(r->a, ORA_BLOCK_TABLE, b.s);
    sb_free(&b);
    return i;
}

/* The line over a table is its caption when it is short and no sentence. */
bool text_table_caption(const reader *r, size_t i)
{
    return i + 2 < r->stop && r->l[i + 1].raw && r->l[i + 2].raw && !r->l[i].cells &&
           r->l[i].len < 200 && r->l[i].s[r->l[i].len - 1] != '.';
}
