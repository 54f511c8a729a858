#!/bin/sh
# Normalizer throughput beside eSpeak NG's own synthesis speed on the same
# French text. Builds a text of several MB by repeating the repository's
# samples, times the normalizer on all of it (BENCH, a normalize_bench
# binary) and eSpeak NG (espeak-ng -v fr -f … -w /dev/null) on a slice of
# it, and prints both in MB/s and their ratio.
set -eu
BENCH=${BENCH:-build/bench/normalize_bench}
MB=${BENCH_MB:-4}
ESPEAK_KB=${BENCH_ESPEAK_KB:-48}
dir=$(mktemp -d /tmp/oralise-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT INT TERM

big="$dir/big.txt"
: >"$big"
while [ "$(wc -c <"$big")" -lt $((MB * 1000000)) ]; do
    cat samples/lemonde-atacms.txt >>"$big"
done
bytes=$(wc -c <"$big")
echo "text: $bytes bytes (samples/lemonde-atacms.txt repeated)"

norm_line=$("$BENCH" "$big")
echo "$norm_line"
norm_mbs=$(printf '%s\n' "$norm_line" | sed -n 's/.*: \([0-9.]*\) MB\/s.*/\1/p')

# eSpeak NG synthesizes about 1,000 times faster than real time; a slice
# of the text keeps its run to a few seconds.
head -c $((ESPEAK_KB * 1000)) "$big" | sed '$d' >"$dir/slice.txt"
slice=$(wc -c <"$dir/slice.txt")
start=$(date +%s.%N)
espeak-ng -v fr -f "$dir/slice.txt" -w /dev/null
end=$(date +%s.%N)
awk -v b="$slice" -v s="$start" -v e="$end" -v n="$norm_mbs" 'BEGIN {
    t = e - s; es = b / 1e6 / t;
    printf "espeak-ng -v fr -w /dev/null: %d bytes in %.2f s: %.3f MB/s\n", b, t, es;
    printf "ratio: the normalizer runs %.0f times faster than eSpeak NG synthesis\n", n / es;
    if (n < 50) { print "below the 50 MB/s target"; exit 1 }
}'
