/* The article tree that both readers fill and the script reads, and its JSON
 * form (the --print=article contract of DESIGN.md). */
#include "internal.h"

#include <json.h>
#include <stdlib.h>
#include <string.h>

void ora_article_init(ora_article *a)
{
    memset(a, 0, sizeof *a);
    a->remaining_percent = -1;
}

void ora_article_free(ora_article *a)
{
    free(a->title), free(a->lede), free(a->byline), free(a->site);
    free(a->url), free(a->published), free(a->modified), free(a->lang);
    free(a->not_article);
    for (size_t i = 0; i < a->n_blocks; i++)
        free(a->blocks[i].text);
    free(a->blocks);
    ora_article_init(a);
}

int ora_article_add_block(ora_article *a, ora_block_kind kind, const char *text)
{
    if (a->n_blocks == a->cap_blocks) {
        size_t cap = a->cap_blocks ? a->cap_blocks * 2 : 16;
        ora_block *b = realloc(a->blocks, cap * sizeof *b);
        if (!b)
            return -1;
        a->blocks = b, a->cap_blocks = cap;
    }
    a->blocks[a->n_blocks].kind = kind;
    a->blocks[a->n_blocks].text = ora_strdup(text);
    a->n_blocks++;
    return 0;
}

void article_drop_blocks(ora_article *a, size_t keep)
{
    while (a->n_blocks > keep)
        free(a->blocks[--a->n_blocks].text);
}

void article_drop_trailing_headings(ora_article *a, size_t keep)
{
    while (a->n_blocks > keep && a->blocks[a->n_blocks - 1].kind == ORA_BLOCK_HEADING)
        free(a->blocks[--a->n_blocks].text);
}

const char *ora_block_kind_name(ora_block_kind kind)
{
    static const char *const names[] = {"paragraph", "heading", "quote",
                                        "caption", "list_item", "table"};
    return names[kind];
}

static json_object *json_string_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

/* 73.51 as "73.51", not json-c's default "73.510000000000005". */
static json_object *percent_json(double v)
{
    char text[32];
    snprintf(text, sizeof text, "%.6g", v);
    return json_object_new_double_s(v, text);
}

char *ora_article_to_json(const ora_article *a)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "title", json_string_or_null(a->title));
    json_object_object_add(o, "lede", json_string_or_null(a->lede));
    json_object_object_add(o, "byline", json_string_or_null(a->byline));
    json_object_object_add(o, "site", json_string_or_null(a->site));
    json_object_object_add(o, "url", json_string_or_null(a->url));
    json_object_object_add(o, "published", json_string_or_null(a->published));
    json_object_object_add(o, "modified", json_string_or_null(a->modified));
    json_object_object_add(o, "lang", json_string_or_null(a->lang));
    json_object *blocks = json_object_new_array();
    for (size_t i = 0; i < a->n_blocks; i++) {
        json_object *b = json_object_new_object();
        json_object_object_add(
            b, "kind", json_object_new_string(ora_block_kind_name(a->blocks[i].kind)));
        json_object_object_add(b, "text", json_object_new_string(a->blocks[i].text));
        json_object_array_add(blocks, b);
    }
    json_object_object_add(o, "blocks", blocks);
    json_object *pw = json_object_new_object();
    json_object_object_add(pw, "truncated", json_object_new_boolean(a->truncated));
    json_object_object_add(pw, "remaining_percent",
                           a->remaining_percent >= 0 ? percent_json(a->remaining_percent) : NULL);
    json_object_object_add(o, "paywall", pw);
    if (a->not_article)
        json_object_object_add(o, "not_article", json_object_new_string(a->not_article));
    char *s = ora_strdup(json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
    return s;
}
