/* Integrated loudness and true peak of audio files, decoded with
 * libsndfile and measured with libebur128 (the tests' own measure).
 * Usage: audio_level FILE… */
#include "audioutil.h"

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        au_level l;
        if (!au_measure(argv[i], &l)) {
            fprintf(stderr, "audio_level: cannot decode %s\n", argv[i]);
            rc = 1;
            continue;
        }
        printf("%-28s %6d Hz %8.2f s %7.2f LUFS %6.2f dBTP\n", argv[i], l.rate, l.seconds,
               l.lufs, l.peak_dbtp);
    }
    return rc;
}
