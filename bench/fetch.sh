#!/bin/sh
# bench/fetch.sh: what reading a page from a web address costs over reading
# the same page from a file (issue 13), against the local server of the
# tests (tests/http_server.py on 127.0.0.1; no internet):
#   1. time, whole runs of oralise: the sample page read (--print=article,
#      the read stage, where the fetch sits) and converted (-o x.wav -j 1),
#      from the file and from http://127.0.0.1; medians of interleaved
#      runs, wall and CPU, and the difference (target: a fetch adds
#      <= 20 ms). A run that fetches also opens libcurl, which a run on a
#      file no longer does (src/read/fetch.c);
#   2. time in one process (bench/fetch_bench.c): the fetch alone, and the
#      first fetch with libcurl's opening;
#   3. memory: peak resident set (GNU time) of a 10 MB page read from a
#      file and from the server (--max-input 12: the default limit is
#      5 MB), and of a 5 MB one; fetching must not grow with the page.
# Usage: bench/fetch.sh [RUNS]   (make bench-fetch; RUNS defaults to 15)
# FETCH_BENCH names the fetch_bench binary (make bench-fetch builds it).
set -eu
cd "$(dirname "$0")/.."
bin=${ORALISE:-./oralise}
runs=${1:-15}
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench/fetch.sh: needs GNU time (apt-get install time)"; exit 1; }
cc -O2 -o "$tmp/measure" bench/measure.c
export no_proxy=127.0.0.1 # the local server, never through a proxy

cp samples/lemonde-atacms.html "$tmp/page.html"
python3 tests/http_server.py "$tmp/port" "$tmp" &
server=$!
i=0; while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
base="http://127.0.0.1:$(cat "$tmp/port")"

# "WALL CPU" of one run, in seconds
wall() { "$tmp/measure" "$@" 2>&1 >/dev/null | tail -n 1 | cut -d' ' -f1,3; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
col() { cut -d' ' -f"$1" < "$2" | median; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# compare LABEL RUNS ARGS...: the same command on the file and on the
# address, run in turns so that a busy moment of the machine hits both.
compare() {
    label=$1; n=$2; shift 2
    : > "$tmp/file.t"; : > "$tmp/web.t"
    "$bin" -q "$@" "$tmp/page.html" >/dev/null; "$bin" -q "$@" "$base/file/page.html" >/dev/null
    k=0; while [ $k -lt "$n" ]; do k=$((k+1))
        wall "$bin" -q "$@" "$tmp/page.html" >> "$tmp/file.t"
        wall "$bin" -q "$@" "$base/file/page.html" >> "$tmp/web.t"
    done
    f=$(col 1 "$tmp/file.t"); w=$(col 1 "$tmp/web.t")
    fc=$(col 2 "$tmp/file.t"); wc=$(col 2 "$tmp/web.t")
    d=$(awk -v a="$w" -v b="$f" 'BEGIN { printf "%.1f", (a - b) * 1000 }')
    dc=$(awk -v a="$wc" -v b="$fc" 'BEGIN { printf "%.1f", (a - b) * 1000 }')
    verdict=$(awk -v d="$d" 'BEGIN { print (d <= 20 ? "within" : "OVER") }')
    printf '%-24s file %6s ms (%5s CPU)  address %6s ms (%5s CPU)  fetch adds %5s ms (%5s CPU; %s 20 ms; median of %d)\n' \
        "$label" "$(ms "$f")" "$(ms "$fc")" "$(ms "$w")" "$(ms "$wc")" "$d" "$dc" "$verdict" "$n"
}

echo "sample page ($(wc -c < "$tmp/page.html") bytes), local server $base"
compare "read (--print=article)" "$runs" --print=article
compare "convert (-o .wav -j 1)" $(( (runs + 2) / 3 )) -j 1 -o "$tmp/x.wav"
if [ -n "${FETCH_BENCH:-}" ]; then
    "$FETCH_BENCH" "$tmp/page.html" "$base/file/page.html" "$runs"
fi

peak() { # peak LABEL ARGS...: the peak resident set of one run, in MiB
    label=$1; shift
    /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" -q "$@" >/dev/null 2>"$tmp/err" && st=0 || st=$?
    kb=$(tail -n 1 "$tmp/rss")
    note=""; [ "$st" -ne 0 ] && note=" (exit $st: $(head -c 90 "$tmp/err"))"
    printf '%-44s %7s MiB%s\n' "$label" "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$note"
    echo "$kb" > "$tmp/last.kb"
}

# The pages come from the server (/huge: an article, then paragraphs up to
# the size asked), saved as served by --save-page for the file runs.
for mb in 5 10; do
    bytes=$((mb * 1000 * 1000))
    url="$base/huge?bytes=$bytes"
    "$bin" -q --max-input 12 --print=article --save-page "$tmp/p$mb.html" "$url" >/dev/null
    peak "$mb MB page from the file, --print=article" --max-input 12 --print=article "$tmp/p$mb.html"
    from_file=$(cat "$tmp/last.kb")
    peak "$mb MB page from the address, --print=article" --max-input 12 --print=article "$url"
    from_web=$(cat "$tmp/last.kb")
    awk -v a="$from_web" -v b="$from_file" -v mb="$mb" \
        'BEGIN { printf "  fetching adds %.1f MiB for a %d MB page\n", (a - b) / 1024, mb }'
done
