#!/bin/sh
# Builds the benchmark page: a copy of a sample page whose article body is
# grown to about 1 MB by repeating its paragraphs (with a sub-heading every
# ten), so that extraction is timed on a page of realistic markup.
#   bench/extract-page.sh SAMPLE.html OUT.html [BYTES]
set -eu
src=$1
out=$2
target=${3:-1048576}
mkdir -p "$(dirname "$out")"
[ -f "$out" ] && [ "$(wc -c < "$out")" -ge "$target" ] && [ "$out" -nt "$src" ] && exit 0
awk -v target="$target" '
    /class="article__paragraph/ { paras = paras $0 "\n" }
    { lines[NR] = $0 }
    END {
        size = 0
        for (i = 1; i <= NR; i++) size += length(lines[i]) + 1
        for (i = 1; i <= NR; i++) {
            if (lines[i] ~ /<section class="paywall/) {
                n = 0
                while (size < target) {
                    if (n % 10 == 0) {
                        h = "<h2 class=\"article__sub-title\">Partie " n / 10 + 1 "</h2>\n"
                        printf "%s", h
                        size += length(h)
                    }
                    printf "%s", paras
                    size += length(paras)
                    n++
                }
            }
            print lines[i]
        }
    }' "$src" > "$out.tmp"
mv "$out.tmp" "$out"
