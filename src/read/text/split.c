/* Lines from the copy: each line cleaned of the separators no one reads,
 * its list bullet and a counter the copy glued to it taken off, a dateline
 * glued to it set on a line of its own; table rows kept as copied. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Separators a copy keeps but no one reads: line and paragraph separators
 * become spaces, zero-width characters and soft hyphens go. */
static bool direction_mark(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, 0xE2, n - (size_t)(p - s))); p++)
        if ((size_t)(p - s) + 2 < n && (unsigned char)p[1] == 0x80 &&
            ((unsigned char)p[2] == 0x8E || (unsigned char)p[2] == 0x8F))
            return true;
    return false;
}

char *text_clean_line(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    /* squash_into already turns the separators into spaces and drops the
     * zero-width characters but the direction marks (U+200E, U+200F) */
    size_t k = squash_into(s, n, out, false);
    if (direction_mark(out, k)) {
        size_t o = 0;
        for (size_t i = 0; i < k; i++) {
            if (i + 2 < k && (unsigned char)out[i] == 0xE2 && (unsigned char)out[i + 1] == 0x80 &&
                ((unsigned char)out[i + 2] == 0x8E || (unsigned char)out[i + 2] == 0x8F)) {
                i += 2;
                continue;
            }
            out[o++] = out[i];
        }
        k = squash_into(out, o, out, false); /* a mark between two spaces */
    }
    out[k] = '\0';
    return out;
}

/* The length of a list bullet at the start of s, 0 if none. */
static size_t bullet_len(const char *s)
{
    static const char *const bullets[] = {"\xE2\x80\xA2 ", "\xE2\x97\xA6 ",
                                          "\xE2\x96\xAA ", "- ", "* ", NULL};
    for (const char *const *b = bullets; *b; b++)
        if (str_starts_with(s, *b))
            return strlen(*b);
    return 0;
}

/* An item of a numbered list as Firefox copies it: its number right
 * aligned in a column four spaces wide per level (" 1. ", "10. ", "     2. "
 * nested). A line that opens on "3. " flush left is no item (a numbered
 * heading, a date), unless it follows one ("10. " after " 9. "). Returns
 * the length of the number and its ". " in the cleaned line, 0 if none. */
static size_t numbered_item(const char *raw, size_t n, bool after_item)
{
    size_t spaces = 0, digits = 0;
    while (spaces < n && raw[spaces] == ' ')
        spaces++;
    while (spaces + digits < n && digits < 4 && isdigit((unsigned char)raw[spaces + digits]))
        digits++;
    size_t at = spaces + digits;
    if (!digits || digits > 3 || at + 2 >= n || raw[at] != '.' || raw[at + 1] != ' ' || raw[at + 2] == ' ')
        return 0;
    if ((at + 2) % 4 != 0 || (!spaces && !after_item))
        return 0;
    return digits + 2;
}

/* A counter glued to the text by the copy ("219Cette caisse…", a like or
 * comment count): digits straight against a capitalized word cannot open
 * a sentence. Returns how many bytes to skip. */
static size_t glued_counter(const char *s)
{
    size_t i = 0;
    while (isdigit((unsigned char)s[i]) && i < 7)
        i++;
    if (!i || i == 7 || !latin_capital_at(s + i))
        return 0;
    size_t c = (unsigned char)s[i] < 0x80 ? 1 : 2;
    return latin_lower_at(s + i + c) && strchr(s + i, ' ') ? i : 0;
}

/* Characters of the n bytes at s (only whether they pass a wrapping's
 * width matters: a long paragraph is not counted), and of their first
 * word: up to a space or a tab (a no-break space binds its words, as a
 * wrapping keeps them). */
static void typed_width(const char *s, size_t n, size_t *cols, size_t *lead)
{
    if (n && s[n - 1] == '\r')
        n--;
    if (n > 4 * WRAP_MAX_WIDTH) {
        *cols = n, *lead = 0;
        return;
    }
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    size_t i = 0, l = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    for (; i < n && s[i] != ' ' && s[i] != '\t'; i++)
        l += ((unsigned char)s[i] & 0xC0) != 0x80;
    *cols = c, *lead = l;
}

static void add_line(reader *r, size_t *cap, char *t, char *raw, bool tight, size_t number)
{
    if (r->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        line *grown = realloc(r->l, *cap * sizeof *r->l);
        if (!grown) {
            free(t);
            return;
        }
        r->l = grown;
    }
    line *l = &r->l[r->n++];
    memset(l, 0, sizeof *l);
    bool numbered = number && strlen(t) > number && isdigit((unsigned char)t[0]) &&
                    strncmp(t + number - 2, ". ", 2) == 0; /* as the raw line had it */
    size_t b = numbered ? number : bullet_len(t);
    size_t g = glued_counter(t + b);
    g += cue_summary_label(&r->cues, t + b + g);
    l->dashed = b > 0 && !numbered && t[0] == '-';
    if (b || g) {
        memmove(t, t + b + g, strlen(t + b + g) + 1);
        l->bullet = b > 0;
    }
    l->s = t;
    l->cells = raw != NULL;
    l->raw = raw;
    l->tight = tight && r->n > 1;
}

/* Words a headline has at least before a dateline glued to it. */
#define GLUED_HEAD_WORDS 3

/* Where a dateline glued to the text before it starts ("… After Months of
 * DebateJane Smith Dec. 13, 2016": a title and its byline set as inline
 * elements, which a copy joins without a space): at a capital right after
 * a small letter, with a dated dateline from there to the end and a few
 * words before. 0 when there is none. */
static size_t glued_dateline(const reader *r, const char *t)
{
    if (!strpbrk(t, "0123456789"))
        return 0; /* no date: most lines */
    size_t words = 1;
    for (size_t i = 1; t[0] && t[i]; i++) {
        words += t[i] == ' ';
        unsigned char c = (unsigned char)t[i];
        if (words < GLUED_HEAD_WORDS || t[i - 1] == ' ' || !((c >= 'A' && c <= 'Z') || c == 0xC3) ||
            !latin_capital_at(t + i))
            continue;
        size_t prev = i - 1;
        while (prev > 0 && ((unsigned char)t[prev] & 0xC0) == 0x80)
            prev--; /* the first byte of the letter before */
        dateline d;
        if (latin_lower_at(t + prev) && dateline_parse(&r->cues, t + i, &d) && d.published[0])
            return i;
    }
    return 0;
}

/* Bytes a dateline glued over a paragraph may take at most. */
#define GLUED_DATELINE_BYTES 100

/* Where a paragraph glued under a dateline starts ("Jane Smith Dec. 13,
 * 2016Local business owners warned…": the byline's inline elements, then
 * the text, with no break between): at a capital right after a digit or
 * a small letter, within the line's first bytes, when all before it is a
 * dated dateline. 0 when there is none. */
size_t text_glued_after_dateline(const reader *r, const char *t)
{
    char head[GLUED_DATELINE_BYTES + 1];
    size_t digit = strcspn(t, "0123456789");
    if (digit >= GLUED_DATELINE_BYTES || !t[digit])
        return 0; /* no date in the line's first bytes: most lines */
    for (size_t i = digit + 1; t[0] && t[i] && i <= GLUED_DATELINE_BYTES; i++) {
        unsigned char c = (unsigned char)t[i], before = (unsigned char)t[i - 1];
        if (!(c >= 'A' && c <= 'Z') || !(isdigit(before) || (before >= 'a' && before <= 'z')) ||
            !latin_lower_at(t + i + 1) || !strchr(t + i, ' '))
            continue; /* a word opens there, not "5:00PM" */
        memcpy(head, t, i);
        head[i] = '\0';
        dateline d;
        if (dateline_parse(&r->cues, head, &d) && d.published[0])
            return i;
    }
    return 0;
}

/* Words of a row's last cell, at most, for it to be a button. */
#define BUTTON_CELL_WORDS 3

/* The bytes of a line copied from a table's row without its last cell
 * when that cell is a link's button ("2/10 - Fermeture du centre de
 * dépistage<TAB>cliquez ici"), said by no one. */
static size_t without_button_cell(const reader *r, const char *s, size_t n)
{
    const char *last = n ? memrchr(s, '\t', n) : NULL;
    size_t tab = last ? (size_t)(last - s) + 1 : 0;
    if (tab <= 1)
        return n; /* no tab, or nothing in front of it */
    const char *cell = s + tab;
    size_t len = n - tab;
    while (len && *cell == ' ')
        cell++, len--;
    bool button = len && token_words(cell, len) <= BUTTON_CELL_WORDS &&
                  cue_starts_nocase(&r->cues.button, cell, len);
    return button ? tab - 1 : n;
}

/* Whether the line [s, e) has two cells: text, one tab, text. */
static bool two_cells(const char *s, const char *e)
{
    const char *tab = memchr(s, '\t', (size_t)(e - s));
    return tab && tab > s && tab[-1] != ' ' && tab + 1 < e && tab[1] != ' ' && tab[1] != '\r' &&
           !memchr(tab + 1, '\t', (size_t)(e - tab - 1));
}

/* Rows of two cells a copy gives a table of two columns ("15 mars
 * 2024<TAB>Date limite des candidatures"), one row a line: how many lines
 * from i have two cells, counted to three at most (a table's rows come in
 * threes at least; one tab alone is a typed alignment). */
#define TWO_CELL_ROWS 3

static size_t two_cell_rows(const char *data, size_t len, size_t i)
{
    size_t n = 0;
    while (i < len && n < TWO_CELL_ROWS) {
        const char *nl = memchr(data + i, '\n', len - i);
        const char *e = nl ? nl : data + len;
        if (!two_cells(data + i, e))
            break;
        n++;
        i = (size_t)(e - data) + 1;
    }
    return n;
}

void text_split_lines(reader *r, const char *data, size_t len)
{
    size_t cap = 0;
    bool tight = false; /* no blank line since the last line kept */
    bool in_pairs = false; /* the line before was a row of two cells */
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t line_end = nl ? (size_t)(nl - data) : len, next = nl ? line_end + 1 : len;
        size_t end = i + without_button_cell(r, data + i, line_end - i);
        char *t = text_clean_line(data + i, end - i);
        const char *tab = memchr(data + i, '\t', end - i);
        bool cells = tab && memchr(tab + 1, '\t', end - (size_t)(tab + 1 - data));
        /* a row of two cells is a table's when two rows more follow it or
         * the line before was one */
        bool paired = tab && !cells && two_cells(data + i, data + end);
        cells |= paired && (in_pairs || two_cell_rows(data, len, i) >= TWO_CELL_ROWS);
        in_pairs = paired && cells;
        size_t glued = t && !cells ? glued_dateline(r, t) : 0;
        if (!glued && t && !cells)
            glued = text_glued_after_dateline(r, t);
        if (glued) { /* the line's two parts, each a line of its own */
            char *rest = ora_strndup(t + glued, strlen(t + glued));
            t[glued] = '\0';
            add_line(r, &cap, t, NULL, tight, 0);
            t = rest;
            tight = true;
        }
        if (t && t[0]) {
            /* an item whose text runs on indented lines keeps its number:
             * its first line is its heading ("1. The handoff") */
            bool runs_on = next + 4 < len && strncmp(data + next, "    ", 4) == 0 && data[next + 4] != ' ';
            size_t number = glued || cells || runs_on ? 0 : numbered_item(data + i, end - i, r->n && r->l[r->n - 1].bullet);
            add_line(r, &cap, t, cells ? ora_strndup(data + i, end - i) : NULL, tight, number);
            if (!glued && r->n)
                typed_width(data + i, end - i, &r->l[r->n - 1].cols, &r->l[r->n - 1].lead);
            tight = true;
        } else {
            free(t);
            tight = false;
        }
        i = next;
    }
}
