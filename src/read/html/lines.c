/* Blocks of text that are page furniture whatever the site: datelines and
 * meta lines, photo credits and legends, signatures, initials, counters,
 * kickers and labels over the first paragraph. Each judges one block's
 * text, alone. */
#include "html.h"
#include "read/dateline.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

/* The names of a byline line, without what follows them: a date (", le 3
 * mai", " le 07 Mai 2020", ", 21 juin 2018"), a separator (" | ", " • ",
 * " - "), or a stamp ("Publié"). */
char *byline_name(const read_cues *c, const char *s)
{
    static const char *const seps[] = {" | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " - ",
                                       " \xe2\x80\x94 ", " \xe2\x80\x93 ", NULL};
    size_t end = strlen(s);
    for (const char *const *p = seps; *p; p++) {
        const char *hit = strstr(s, *p);
        if (hit && (size_t)(hit - s) < end)
            end = (size_t)(hit - s);
    }
    const char *stamp = cue_find(&c->stamp, s, end);
    if (stamp)
        end = (size_t)(stamp - s);
    /* "le" (a cue of the section on) after a comma or before a day */
    for (const char *p = strchr(s, ' '); p && (size_t)(p - s) < end; p = strchr(p + 1, ' ')) {
        size_t on = cue_prefix(&c->on, p + 1);
        if (on && ((p > s && p[-1] == ',') || isdigit((unsigned char)p[1 + on])))
            end = (size_t)(p - s);
    }
    /* ", 21 juin 2018": a comma before a number */
    for (const char *k = strchr(s, ','); k && (size_t)(k - s) < end; k = strchr(k + 1, ','))
        if (isdigit((unsigned char)k[1]) || (k[1] == ' ' && isdigit((unsigned char)k[2])))
            end = (size_t)(k - s);
    while (end && strchr(" ,;:", s[end - 1]))
        end--;
    return ora_strndup(s, end);
}

/* Words a byline may set before its cue ("Une recette proposée par X",
 * "Texte et photos par X"). */
#define BYLINE_LEAD_WORDS 4

/* Bytes of s before the name when its byline cue follows a few words and
 * a capital follows it; 0 when none. */
static size_t later_byline_cue_end(const read_cues *c, const char *s)
{
    const char *p = s;
    for (int words = 0; words < BYLINE_LEAD_WORDS && (p = strchr(p, ' ')); words++) {
        p++;
        size_t cue = cue_prefix(&c->byline, p);
        if (cue && latin_capital_at(p + cue + strspn(p + cue, " ")))
            return (size_t)(p - s) + cue;
    }
    return 0;
}

size_t byline_cue_end(const read_cues *c, const char *s)
{
    size_t k = cue_prefix(&c->byline, s);
    return k ? k : later_byline_cue_end(c, s);
}

/* Is the name after the cue at s + k the article's byline ("Une recette
 * proposée par Martine B." under a byline "Martine B.")? A picture's
 * credit names someone else ("Top photo by …"). */
static bool names_the_byline(const read_cues *c, const ora_article *a, const char *s, size_t k)
{
    char *name = a->byline ? byline_name(c, s + k) : NULL;
    bool same = name && strcmp(name, a->byline) == 0;
    free(name);
    return same;
}

/* A short block naming the author after a byline cue ("Un texte de …",
 * "Auteur : …", or the byline's name after a few words: "Une recette
 * proposée par …") is the byline, not article text. */
bool take_signature(const read_cues *c, ora_article *a, const char *text)
{
    bool short_block = strlen(text) <= 100;
    size_t k = short_block ? cue_prefix(&c->byline, text) : 0;
    if (!k && short_block) {
        size_t later = later_byline_cue_end(c, text);
        k = later && names_the_byline(c, a, text, later) ? later : 0;
    }
    const unsigned char *name = (const unsigned char *)text + k;
    if (!k || !*name || islower(*name) || (name[0] == 0xC3 && name[1] >= 0xA0))
        return false; /* "Par ailleurs, …", "Par à-coups" */
    if (!a->byline)
        a->byline = byline_name(c, text + k);
    return true;
}

/* "05.07.2011", "26/09/12": a date written with figures. */
static bool has_numeric_date(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1])))
            continue;
        size_t d1 = strspn(p, "0123456789");
        char sep = p[d1];
        if (d1 > 2 || (sep != '/' && sep != '.'))
            continue;
        size_t d2 = strspn(p + d1 + 1, "0123456789");
        if (d2 < 1 || d2 > 2 || p[d1 + 1 + d2] != sep)
            continue;
        size_t d3 = strspn(p + d1 + 2 + d2, "0123456789");
        if (d3 == 2 || d3 == 4)
            return true;
    }
    return false;
}

/* A stamp followed by "le", "à" or a colon ("publié le", "Mis à jour :"),
 * anywhere in t. */
static bool has_stamp_marker(const read_cues *c, const char *t)
{
    for (size_t i = 0; i < c->stamp_marker.n; i++)
        for (const char *p = strstr(t, c->stamp_marker.s[i]); p; p = strstr(p + 1, c->stamp_marker.s[i])) {
            const char *q = p + c->stamp_marker.len[i];
            if (*q == ' ' && (q[1] == ':' || cue_prefix(&c->on, q + 1) || cue_prefix(&c->at, q + 1)))
                return true;
        }
    return false;
}

/* Words of a line that ends on a number and a full stop from which it is
 * a sentence, not a date. */
#define SENTENCE_WORDS 10

/* A dateline or meta line ("Publié le …", "X avec AFP | 05.07.2011 à
 * 22h09 • Mis à jour le …", "Par: X 26/09/12 - 16h34"): short, no
 * sentence, and a publication marker or a date in figures. The header's
 * dates come from the page's declarations; the line itself is not read. */
static bool is_meta_line(const read_cues *c, const char *t)
{
    if (strlen(t) > 200 || word_count(t) > 30)
        return false;
    bool marker = has_stamp_marker(c, t);
    bool sentence = false;
    for (const char *p = t; *p && !sentence; p++)
        sentence = (*p == '.' && p[1] == ' ' && isupper((unsigned char)p[2]) &&
                    p > t + 2 && islower((unsigned char)p[-1]) && islower((unsigned char)p[-2]));
    if (sentence)
        return false;
    size_t n = strlen(t);
    /* "Mis à jour le 18.11.2024." ends on a date; "… celui du deuxième
     * trimestre 2018, soit 127,77." is a sentence of ten words or more */
    bool sentence_end = n && strchr(".!?", t[n - 1]) &&
                         (!isdigit((unsigned char)t[n > 1 ? n - 2 : 0]) || word_count(t) >= SENTENCE_WORDS);
    bool starts_marked = cue_prefix(&c->stamp, t) != 0;
    /* "Le rapport, publié le 3 mai, recense…." is a sentence, not a dateline */
    if (marker && (starts_marked || !sentence_end))
        return true;
    if (starts_marked && has_numeric_date(t))
        return true;
    bool signed_line = cue_prefix(&c->byline, t) || strstr(t, " | ") ||
                       strstr(t, " \xe2\x80\xa2 ");
    return signed_line && has_numeric_date(t);
}

/* "J. V., Y. B., N. D.": the initials of the signing journalists. */
static bool is_initials(const char *t)
{
    size_t letters = 0;
    for (const char *p = t; *p; p++) {
        if (isupper((unsigned char)*p) && p[1] == '.')
            letters++, p++;
        else if (*p != ' ' && *p != ',' && *p != '-' && *p != '/')
            return false;
    }
    return letters >= 2;
}

/* A photo's legend left in the text: it names a photographer or an agency
 * ("Photo X. AP", "REUTERS/X", "(capture d'écran: …)"). Spoken only with
 * the captions. */
bool looks_like_caption(const read_cues *c, const char *t)
{
    size_t n = strlen(t);
    if (n > 220)
        return false;
    if (cue_find(&c->caption, t, n) || cue_numbered_legend(c, t))
        return true;
    /* "Photo X" counts after a sentence or as the start, not "la photo de
     * classe" inside prose */
    for (size_t i = 0; i < c->caption_word.n; i++)
        for (const char *hit = strstr(t, c->caption_word.s[i]); hit;
             hit = strstr(hit + 1, c->caption_word.s[i]))
            if (hit[c->caption_word.len[i]] == ' ' &&
                (hit == t || (hit >= t + 2 && hit[-1] == ' ' && strchr(".-(", hit[-2]))))
                return true;
    return false;
}

/* "© Agence X", "(C) X", "Crédit photo : X": a photo credit, never read.
 * A year after the cue ("© 2024 Le Courrier. Tous droits réservés.
 * Reproduction interdite…") is the page's copyright notice, as long as it
 * runs. */
#define CREDIT_LINE_MAX 80
#define NOTICE_MAX 300
static bool is_credit_line(const read_cues *c, const char *t)
{
    size_t k = cue_opens(&c->credit, t), n = strlen(t);
    if (!k || n > NOTICE_MAX)
        return false;
    const char *y = t + k + strspn(t + k, " ");
    bool year = strspn(y, "0123456789") == 4;
    return n <= CREDIT_LINE_MAX || year;
}

/* A counter of another element glued to the text ("219Cette caisse…":
 * shares, comments): digits right before a capitalised word. */
void drop_glued_counter(char *t)
{
    size_t d = 0;
    while (isdigit((unsigned char)t[d]))
        d++;
    if (!d || d > 6)
        return;
    const unsigned char *u = (const unsigned char *)t + d;
    bool upper = (u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'a' && u[1] <= 'z') ||
                 (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9D && u[2] >= 'a' &&
                  u[2] <= 'z'); /* À…Ý then a small letter */
    if (upper)
        memmove(t, t + d, strlen(t + d) + 1);
}

/* Before the first paragraph, a line of a few words that is no sentence
 * ("Politique", "Lecture en cours") is a label of the page's header. */
bool is_header_label(const ora_article *a, ora_block_kind kind, const char *text)
{
    return !a->n_blocks && kind == ORA_BLOCK_PARAGRAPH && word_count(text) <= 3 && *text &&
           !ends_sentence(text);
}

/* A rubric shown above the title ("Déneigement" over "Déneigement :
 * Montréal ajoute…"): a few words the title begins with. */
bool is_kicker(const ora_article *a, const char *text)
{
    if (!a->title || a->n_blocks || word_count(text) > 4)
        return false;
    char *t = squash_folded(text), *h = squash_folded(a->title);
    bool hit = t && h && strlen(t) < strlen(h) && strncmp(h, t, strlen(t)) == 0;
    free(t), free(h);
    return hit;
}

/* Has the text a letter or a digit? A block of punctuation alone (".",
 * "* * *") says nothing. */
static bool has_word(const char *text)
{
    const uint8_t *p = (const uint8_t *)text, *end = p + strlen(text);
    while (p < end) {
        if (*p < 0x80) {
            if (isalnum(*p))
                return true;
            p++;
            continue;
        }
        ucs4_t c; /* a letter or a digit of any script, not a dash or a quote */
        int l = u8_mbtouc(&c, p, (size_t)(end - p));
        if (uc_is_alnum(c))
            return true;
        p += l > 0 ? l : 1;
    }
    return false;
}

/* Bytes of a breadcrumb at most. */
#define BREADCRUMB_MAX 200

/* "Accueil du site > Emissions > Sur la PMA…": a breadcrumb's arrows; its
 * slashes are left out here, which a verse quoted in prose sets too
 * ("Demain, dès l'aube / à l'heure où…"). */
static bool is_breadcrumb(const char *t)
{
    return strlen(t) < BREADCRUMB_MAX && breadcrumb_shape(t) && !strstr(t, " / ");
}

/* Words of a dateline that names the author, at most: "jeudi 27 juin
 * 2019, par loldf". */
#define SIGNED_DATELINE_WORDS 12
/* and bytes (a paragraph is not counted word by word) */
#define SIGNED_DATELINE_MAX 160

/* A short dateline the shared parser reads, as copies are read: a date,
 * perhaps a name, no sentence. */
static bool is_signed_dateline(const read_cues *c, const char *t)
{
    dateline d;
    size_t n = strlen(t);
    /* "Point d'étape au 12 janvier 2020 à 11h :" heads what follows */
    return n <= SIGNED_DATELINE_MAX && word_count(t) <= SIGNED_DATELINE_WORDS && !ends_full_stop(t, n) &&
           n && t[n - 1] != ':' &&
           dateline_parse(c, t, &d) && d.published[0];
}

/* Pitch cues of a paragraph that names a newsletter, at least, for it to
 * be the box's whatever its length ("Pour rester informé(e)…,
 * inscrivez-vous à notre newsletter et recevez chaque jour, directement
 * dans votre boîte mail, l'essentiel…"): it asks twice. */
#define NAMED_PITCH_CUES 2

/* A sign-up box's sentence, or a short paragraph closed by one, or one
 * that names the newsletter and asks twice. */
bool is_pitch_line(const read_cues *c, const char *text)
{
    size_t n = strlen(text), words = spaced_words_upto(text, PITCH_CLOSING_WORDS);
    return cue_pitch_sentence(c, text, n, words) || cue_pitch_closing(c, text, n, words) ||
           (words <= PITCH_CLOSING_WORDS && cue_count_inside(&c->sign_up, text) > 0 &&
            cue_count_at_words(&c->pitch, text, NAMED_PITCH_CUES) >= NAMED_PITCH_CUES);
}

bool is_furniture_line(const boilerplate *bp, const read_cues *c, const char *text)
{
    return !has_word(text) || boilerplate_is_drop(bp, text) || is_breadcrumb(text) || names_path(text) ||
           is_signed_dateline(c, text) ||
           (strlen(text) < 300 && cue_link_announcer(c, text)) ||
           (strlen(text) < 60 && boilerplate_is_credit(bp, text)) ||
           is_credit_line(c, text) || is_meta_line(c, text) || cue_counter_line(c, text) ||
           (strlen(text) < 60 && cue_reading_time(c, text)) ||
           is_initials(text) || cue_desk_initials(c, text, NULL) || cue_post_signature(text) ||
           (strlen(text) < 300 && media_card_shape(text)) ||
           cue_wire_signature(c, bp, text) ||
           is_pitch_line(c, text);
}
