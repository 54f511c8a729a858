#!/bin/sh
# Compressed formats against their own encoders, in one run (issue 15):
# the long article to .ogg, .mp3 and .opus, each against eSpeak NG's CLI
# followed by the format's reference encoder on the same normalized text
# (./oralise --normalize): `espeak-ng -w` then `oggenc -q 3`, then `lame`
# and `opusenc` at the bitrate oralise's own file has. Then the CPU time
# (user + sys) of the .ogg against those two programs, a batch of articles
# to .ogg with -j 2 against -j 1, and libopus's own speed (bench/opus_choice).
# Every timing is the median of RUNS runs (default 3); the load of the
# machine is printed before and after, as wall times on a shared machine
# mean little when it is high.
# Needs: espeak-ng, oggenc (vorbis-tools), lame, opusenc (opus-tools).
# Usage: bench/overlap.sh [WORDS] [BATCH]   (make bench-overlap)
set -eu
cd "$(dirname "$0")/.."
words=${1:-6600}
batch=${2:-40}
runs=${RUNS:-3}
bin=${ORALISE:-./oralise}
for tool in espeak-ng oggenc lame opusenc; do
    command -v $tool >/dev/null || { echo "bench/overlap.sh: needs $tool (apt-get install espeak-ng vorbis-tools lame opus-tools)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/measure" bench/measure.c
# m CMD...: "WALL RSS CPU" of $runs runs, each the median of its own
# column (a run slowed by the machine's load inflates its wall time, not
# always its CPU time: the CPU of the median-wall run would carry its noise).
m() {
    i=0
    : > "$tmp/runs"
    while [ "$i" -lt "$runs" ]; do
        "$tmp/measure" "$@" 2>&1 >/dev/null | tail -n 1 >> "$tmp/runs"
        i=$((i + 1))
    done
    mid=$(( (runs + 1) / 2 ))
    echo "$(cut -d' ' -f1 "$tmp/runs" | sort -n | sed -n "${mid}p")" \
         "$(cut -d' ' -f2 "$tmp/runs" | sort -n | sed -n "${mid}p")" \
         "$(cut -d' ' -f3 "$tmp/runs" | sort -n | sed -n "${mid}p")"
}
field() { echo "$1" | cut -d' ' -f"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
kbps() { awk -v b="$(stat -c %s "$1")" -v s="$2" 'BEGIN { printf "%.1f", b * 8 / s / 1000 }'; }

echo "load before: $(uptime | sed 's/.*load average: //')"
sh bench/make-article.sh "$words" > "$tmp/long.txt"
"$bin" --normalize < "$tmp/long.txt" > "$tmp/long.norm"
"$bin" -q "$tmp/long.txt" -o "$tmp/probe.ogg" --report "$tmp/probe.json"
seconds=$(sed -n 's/.*"duration": *\([0-9.]*\).*/\1/p' "$tmp/probe.json" | head -n 1)
echo "long article: $(wc -w < "$tmp/long.txt") words, $seconds s of speech; medians of $runs runs"

espeak="espeak-ng -v fr -f $tmp/long.norm -w $tmp/e.wav"
o=$(m "$bin" -q "$tmp/long.txt" -o "$tmp/o.ogg")
r=$(m sh -c "$espeak && oggenc -Q -q 3 $tmp/e.wav -o $tmp/e.ogg")
printf '.ogg : oralise %6.2f s wall %6.2f s CPU %6s KiB | espeak-ng -w + oggenc -q 3 %6.2f s wall %6.2f s CPU | wall ratio %s (target <= 0.80), CPU ratio %s (target <= 1.15)\n' \
    "$(field "$o" 1)" "$(field "$o" 3)" "$(field "$o" 2)" "$(field "$r" 1)" "$(field "$r" 3)" \
    "$(ratio "$(field "$o" 1)" "$(field "$r" 1)")" "$(ratio "$(field "$o" 3)" "$(field "$r" 3)")"

o=$(m "$bin" -q "$tmp/long.txt" -o "$tmp/o.mp3")
rate=$(kbps "$tmp/o.mp3" "$seconds")
r=$(m sh -c "$espeak && lame --quiet --abr ${rate%.*} $tmp/e.wav $tmp/e.mp3")
printf '.mp3 : oralise %6.2f s wall %6.2f s CPU %6s KiB | espeak-ng -w + lame --abr %s %6.2f s wall %6.2f s CPU | wall ratio %s (target <= 0.80)\n' \
    "$(field "$o" 1)" "$(field "$o" 3)" "$(field "$o" 2)" "${rate%.*}" "$(field "$r" 1)" "$(field "$r" 3)" \
    "$(ratio "$(field "$o" 1)" "$(field "$r" 1)")"

o=$(m "$bin" -q "$tmp/long.txt" -o "$tmp/o.opus")
rate=$(kbps "$tmp/o.opus" "$seconds")
r=$(m sh -c "$espeak && opusenc --quiet --bitrate $rate $tmp/e.wav $tmp/e.opus")
printf '.opus: oralise %6.2f s wall %6.2f s CPU %6s KiB | espeak-ng -w + opusenc --bitrate %s %6.2f s wall %6.2f s CPU | wall ratio %s (target <= 0.80)\n' \
    "$(field "$o" 1)" "$(field "$o" 3)" "$(field "$o" 2)" "$rate" "$(field "$r" 1)" "$(field "$r" 3)" \
    "$(ratio "$(field "$o" 1)" "$(field "$r" 1)")"

mkdir -p "$tmp/in"
i=1
while [ "$i" -le "$batch" ]; do
    cp samples/lemonde-atacms.txt "$tmp/in/a$i.txt"
    i=$((i + 1))
done
ls "$tmp"/in/*.txt > "$tmp/list"
b1=$(m "$bin" -q -j 1 --outdir "$tmp/o1" --from-list "$tmp/list")
b2=$(m "$bin" -q -j 2 --outdir "$tmp/o2" --from-list "$tmp/list")
printf 'batch of %s articles to .ogg: -j 1 %.2f s, -j 2 %.2f s: throughput ratio %s (target >= 1.8)\n' \
    "$batch" "$(field "$b1" 1)" "$(field "$b2" 1)" "$(ratio "$(field "$b1" 1)" "$(field "$b2" 1)")"

if [ -x "${OPUS_CHOICE:-build/bench/opus_choice}" ]; then
    echo "libopus alone on this speech (24 kHz, as oralise codes it; application and complexity oralise uses):"
    OPUS_CHOICE_ROWS=audio4 "${OPUS_CHOICE:-build/bench/opus_choice}" "$tmp/e.wav" | sed 's/^/  /'
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
