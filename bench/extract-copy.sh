#!/bin/sh
# Builds the benchmark copy: the sample browser copy (menus, dateline,
# footer and all) whose article is grown to about 1 MB by repeating its
# paragraphs, with a sub-heading every ten, so that the text reader is
# timed on a copy of realistic shape.
#   bench/extract-copy.sh SAMPLE.txt OUT.txt [BYTES]
set -eu
src=$1
out=$2
target=${3:-1048576}
mkdir -p "$(dirname "$out")"
[ -f "$out" ] && [ "$(wc -c < "$out")" -ge "$target" ] && [ "$out" -nt "$src" ] && exit 0
awk -v target="$target" '
    { lines[NR] = $0; size += length($0) + 1 }
    length($0) > 200 { paras[++np] = $0; last = NR }
    END {
        for (i = 1; i <= NR; i++) {
            print lines[i]
            if (i != last)
                continue
            n = 0
            while (size < target) {
                if (n % 10 == 0) {
                    h = "\nPartie " n / 10 + 1 "\n\n"
                    printf "%s", h
                    size += length(h)
                }
                # numbered, so that no paragraph repeats another (the
                # reader reads a repeated paragraph once)
                for (k = 1; k <= np; k++) {
                    p = paras[k] " (" n "." k ")\n\n"
                    printf "%s", p
                    size += length(p)
                }
                n++
            }
        }
    }' "$src" > "$out.tmp"
mv "$out.tmp" "$out"
