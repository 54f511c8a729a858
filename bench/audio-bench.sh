#!/bin/sh
# CPU cost of oralise per minute of audio, for each format, against eSpeak
# NG's own CLI writing WAV of the same (normalized) text in the same run,
# and the time to the first audio byte when streaming. Short on purpose:
# one run each of a ~4-minute article (N=4 repeats of the sample's
# paragraphs); set N for a longer one.
# Usage: bench/audio-bench.sh ORALISE TTFB_TOOL LEVEL_TOOL
set -eu
oralise=${1:-build/oralise}
ttfb=${2:-build/bench/audio_ttfb}
level=${3:-build/bench/audio_level}
n=${N:-4}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bench/audio-long-article.sh "$n" > "$dir/article.txt"
"$oralise" --print=script "$dir/article.txt" > "$dir/script.txt"

# cpu SECONDS_FILE COMMAND…: user+sys CPU seconds of the command.
cpu() {
    out=$1
    shift
    /usr/bin/time -f '%U %S' -o "$out.t" "$@" > /dev/null 2>&1
    awk '{ print $1 + $2 }' "$out.t"
}

# Seconds of audio in a 16-bit mono 22,050 Hz WAV file. Every format holds
# the same speech, within a few milliseconds, so the WAV run's length
# stands for all (no --report: measuring loudness for it would cost).
wav_seconds() {
    awk -v b="$(stat -c %s "$1")" 'BEGIN { print (b - 44) / 2 / 22050 }'
}

espeak_cpu=$(cpu "$dir/espeak" espeak-ng -v fr -w "$dir/espeak.wav" -f "$dir/script.txt")
espeak_s=$(wav_seconds "$dir/espeak.wav")
espeak_pm=$(awk -v c="$espeak_cpu" -v s="$espeak_s" 'BEGIN { printf "%.4f", c / (s / 60) }')
printf 'article: %s repeats, espeak-ng CLI: %.1f s of audio, %.3f CPU s, %s CPU s per audio minute\n' \
    "$n" "$espeak_s" "$espeak_cpu" "$espeak_pm"
printf '%-6s %9s %9s %12s %8s\n' format audio_s cpu_s cpu_s/min ratio
for f in wav flac ogg opus mp3; do
    c=$(cpu "$dir/o$f" "$oralise" -q "$dir/article.txt" -o "$dir/a.$f")
    [ "$f" = wav ] && s=$(wav_seconds "$dir/a.wav")
    awk -v f="$f" -v c="$c" -v s="$s" -v e="$espeak_pm" 'BEGIN {
        pm = c / (s / 60); printf "%-6s %9.1f %9.3f %12.4f %7.2fx\n", f, s, c, pm, pm / e }'
done
echo "loudness and true peak of each file, decoded (libebur128):"
for f in wav flac ogg opus mp3; do "$level" "$dir/a.$f" | sed "s|$dir/||"; done
echo "streaming (-o -), time to the first audio byte, 3 runs:"
for i in 1 2 3; do
    "$ttfb" 44 "$oralise" -q "$dir/article.txt" -o -
done
