#!/bin/sh
# Talking books (make bench-epub):
#   1. cost: an .epub against an .mp3 of the same article (the sample page,
#      and a 2,000-word copy), median CPU and wall time of five runs each,
#      interleaved so that a busy moment of the shared machine hits both;
#      target: the EPUB costs at most 10 % more;
#   2. Ace by DAISY, the accessibility checker of the publishing industry,
#      on the sample's book and on a page with headings, a list, a quote
#      and a caption, when installed (npm install -g @daisy/ace, with
#      Debian's chromium as its browser: PUPPETEER_EXECUTABLE_PATH); it
#      prints the violations Ace reports.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/measure" bench/measure.c
m() { "$tmp/measure" "$@" 2>&1 >/dev/null | tail -n 1; }
median() { sort -n | sed -n 3p; }

sh bench/make-article.sh 2000 > "$tmp/long.txt"
for input in samples/lemonde-atacms.html "$tmp/long.txt"; do
    : > "$tmp/mp3.wall"; : > "$tmp/mp3.cpu"; : > "$tmp/epub.wall"; : > "$tmp/epub.cpu"
    for _ in 1 2 3 4 5; do
        for f in mp3 epub; do
            r=$(m ./oralise -q -j 1 "$input" -o "$tmp/book.$f")
            echo "$r" | cut -d' ' -f1 >> "$tmp/$f.wall"
            echo "$r" | cut -d' ' -f3 >> "$tmp/$f.cpu"
        done
    done
    mw=$(median < "$tmp/mp3.wall"); mc=$(median < "$tmp/mp3.cpu")
    ew=$(median < "$tmp/epub.wall"); ec=$(median < "$tmp/epub.cpu")
    echo "$(basename "$input"): .mp3 $mc s CPU ($mw s wall), .epub $ec s CPU ($ew s wall):" \
         "EPUB/MP3 CPU $(awk -v a="$ec" -v b="$mc" 'BEGIN { printf "%.3f", a / b }')" \
         "(target <= 1.10), $(stat -c %s "$tmp/book.mp3") → $(stat -c %s "$tmp/book.epub") bytes"
done

./oralise -q samples/lemonde-atacms.html -o "$tmp/sample.epub"
./oralise -q --captions tests/data/epub-book.html -o "$tmp/page.epub"
# ACE names the command: "ace" (npm install -g @daisy/ace) or "ace-cli"
# (npm install @daisy/ace-cli, which needs no Electron).
ace=${ACE:-$(command -v ace || command -v ace-cli || true)}
if [ -z "$ace" ]; then
    echo "Ace by DAISY: not installed (PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace-cli;" \
         "apt-get install chromium)"
    exit 0
fi
export PUPPETEER_EXECUTABLE_PATH="${PUPPETEER_EXECUTABLE_PATH:-$(command -v chromium || true)}"
for book in sample page; do
    "$ace" --silent --outdir "$tmp/ace-$book" "$tmp/$book.epub" >/dev/null 2>&1 || true
    if [ ! -f "$tmp/ace-$book/report.json" ]; then
        echo "Ace by DAISY: no report for $book.epub (is chromium installed?)"
        exit 1
    fi
    node -e '
const r = require(process.argv[1]);
const v = (r.assertions || []).flatMap(a => a.assertions || [])
    .filter(a => a["earl:result"] && a["earl:result"]["earl:outcome"] === "fail");
console.log("Ace by DAISY " + (r["earl:assertedBy"] || {})["doap:release"]?.["doap:revision"] +
            " on " + process.argv[2] + ": " + v.length + " violation(s); metadata not given: " +
            ((r["a11y-metadata"] || {}).missing || []).join(", "));
for (const a of v)
    console.log("  " + a["earl:test"]["earl:impact"] + " " + a["earl:test"]["dct:title"] + ": " +
                a["earl:result"]["dct:description"]);
' "$tmp/ace-$book/report.json" "$book.epub"
done
