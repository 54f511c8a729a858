/* Do no harm: every sentence of tests/golden/espeak-right.txt is one raw
 * eSpeak NG already says right. The normalizer may rewrite it, but the
 * phonemes eSpeak NG makes of the normalized line must be the ones it
 * makes of the written line. The phonemes come from libespeak-ng in this
 * process (espeak_TextToPhonemes), with the engine oralise starts. */
#include "testutil.h"

#include <espeak-ng/speak_lib.h>

#include "normalize/normalize.h"

/* The phoneme mnemonics of a text in the canonical form of the shared
 * evaluation (tn_eval.py): no pauses, stress marks, word breaks, language
 * marks, liaison digits or unstressed schwas. Those vary with where
 * eSpeak NG cuts clauses and words, not with what a listener hears. */
static void canonical_add(char *out, size_t *n, const char *ph)
{
    for (size_t k = 0; ph[k]; k++) {
        char c = ph[k];
        if (c == '(') { /* "(en)": a language switch */
            const char *close = strchr(ph + k, ')');
            if (close && close - (ph + k) <= 8) {
                k = (size_t)(close - ph);
                continue;
            }
        }
        if (c == '_') {
            while (ph[k + 1] && strchr(":!|^", ph[k + 1]))
                k++;
            continue;
        }
        if (c == '@' && (k == 0 || (ph[k - 1] != '\'' && ph[k - 1] != ','))) {
            if (ph[k + 1] == '-' || ph[k + 1] == '2')
                k++;
            continue;
        }
        if ((c == '2' || c == '3') && k > 0 && strchr("bdfgklmnprstvzSZ", ph[k - 1]))
            continue;
        if (strchr(" \t\n'\",%=;-", c))
            continue;
        out[(*n)++] = c;
    }
}

static char *phonemes_of(const char *text)
{
    size_t cap = 4 * strlen(text) + 256, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    const void *ptr = text;
    while (ptr && *(const char *)ptr) {
        const char *ph = espeak_TextToPhonemes(&ptr, espeakCHARS_UTF8, 0);
        if (!ph)
            break;
        if (n + strlen(ph) + 1 >= cap)
            out = realloc(out, cap = 2 * cap + strlen(ph));
        assert_non_null(out);
        canonical_add(out, &n, ph);
    }
    out[n] = '\0';
    return out;
}

/* Whether eSpeak NG hands part of text to another voice: "enthousiaste"
 * is /EnTaUziast/, English, so a sentence with it is not said right. */
static bool switches_language(const char *text)
{
    const void *ptr = text;
    bool switched = false;
    while (ptr && *(const char *)ptr) {
        const char *ph = espeak_TextToPhonemes(&ptr, espeakCHARS_UTF8, 0);
        if (!ph)
            break;
        switched |= strstr(ph, "(en)") != NULL;
    }
    return switched;
}

static void espeak_right_stays_right(void **state)
{
    (void)state;
    ora_error err;
    ora_voice_options v = {"fr", 0};
    assert_int_equal(ora_speak_init(&v, &err), 0);
    ora_normalizer *nz = ora_normalizer_new("fr", &err);
    assert_non_null(nz);
    char *data = tu_read("tests/golden/espeak-right.txt");
    assert_non_null(data);
    int cases = 0, broken = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *said = ora_normalize_string(nz, line, &err);
        assert_non_null(said);
        if (switches_language(line))
            fail_msg("eSpeak NG reads part of this line as English, so it is not said right: %s", line);
        char *raw = phonemes_of(line), *normalized = phonemes_of(said);
        cases++;
        if (strcmp(raw, normalized) != 0) {
            broken++;
            print_message("written   : %s\nnormalized: %s\n  raw ph  : %s\n  norm ph : %s\n",
                          line, said, raw, normalized);
        }
        free(raw);
        free(normalized);
        free(said);
    }
    free(data);
    print_message("espeak-right: %d sentences, %d said differently\n", cases, broken);
    assert_true(cases >= 150);
    assert_int_equal(broken, 0);
    ora_normalizer_free(nz);
}

/* The comparison itself can fail: a sentence the normalizer must change
 * (an abbreviation eSpeak NG reads as letters) gives other phonemes. */
static void comparison_sees_a_change(void **state)
{
    (void)state;
    ora_error err;
    ora_voice_options v = {"fr", 0};
    assert_int_equal(ora_speak_init(&v, &err), 0);
    char *a = phonemes_of("Il est né le 3 mai."), *b = phonemes_of("Il est né le 4 mai.");
    assert_string_not_equal(a, b);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comparison_sees_a_change),
        cmocka_unit_test(espeak_right_stays_right),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
