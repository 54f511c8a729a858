#!/bin/sh
# bench/memory.sh: peak memory (maximum resident set, GNU time) of oralise on
# the inputs issue 12 names, each against the 64 MiB bound:
#   a 5 MB page, a 50 MB page (refused by the input limit, or read within
#   it), a 200-paragraph article with --vtt --report, and one sentence of
#   232 KB with --max-duration 60.
# The inputs are generated here from text written for the project.
set -eu
cd "$(dirname "$0")/.."
bin=${ORALISE:-./oralise}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench/memory.sh: needs GNU time (apt-get install time)"; exit 1; }

page() { # page BYTES: an article padded with teasers and comments to BYTES
    python3 - "$1" <<'PY'
import sys
size = int(sys.argv[1])
out = ['<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le budget voté</title></head><body>',
       '<nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav><article><h1>Le budget voté</h1>']
for k in range(60):
    out.append('<p>Au conseil numéro %d, les élus ont débattu du budget des écoles, de la piscine '
               'et des routes, sans trouver d\'accord sur le calendrier des travaux.</p>' % k)
out.append('</article><section class="comments">')
n = sum(map(len, out)); k = 0
while n < size:
    s = '<div class="comment"><p>Commentaire %d : je ne suis pas d\'accord avec ce budget.</p></div>' % k
    out.append(s); n += len(s); k += 1
out.append('</section></body></html>')
sys.stdout.write(''.join(out))
PY
}

peak() { # peak LABEL ARGS...: runs oralise, prints its peak and status
    label=$1; shift
    /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" -q "$@" >/dev/null 2>"$tmp/err" && st=0 || st=$?
    kb=$(tail -n 1 "$tmp/rss")
    mib=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    verdict=$(awk -v k="$kb" 'BEGIN { print (k <= 65536 ? "within" : "OVER") }')
    note=""; [ "$st" -ne 0 ] && note=" (exit $st: $(head -c 90 "$tmp/err"))"
    printf '%-44s %7s MiB  %s 64 MiB%s\n' "$label" "$mib" "$verdict" "$note"
}

page 5200000 > "$tmp/p5.html" # just under the 5 MiB limit
page 50000000 > "$tmp/p50.html"
{ echo "Deux cents paragraphes"; echo
  i=0; while [ $i -lt 200 ]; do i=$((i+1))
  echo "Au conseil numéro $i, les élus ont débattu pendant des heures du budget des écoles, de la piscine et des routes, sans jamais trouver d'accord sur le calendrier des travaux promis aux habitants."; echo; done; } > "$tmp/a200.txt"
python3 -c "
import sys
s = 'Un conseil sans fin\n\n' + ''.join('le conseil a parlé du budget numéro %d, ' % k for k in range(6000)) + 'et puis il a fini.\n'
open(sys.argv[1], 'w').write(s)" "$tmp/one.txt"

peak "5 MB page, --print=article" --print=article "$tmp/p5.html"
peak "5 MB page to .ogg" "$tmp/p5.html" -o "$tmp/p5.ogg"
peak "50 MB page (default limit: refused)" "$tmp/p50.html" -o "$tmp/p50.ogg"
peak "200 paragraphs, .mp3 --vtt --report" "$tmp/a200.txt" -o "$tmp/a.mp3" --vtt "$tmp/a.vtt" --report "$tmp/a.json"
peak "one 232 KB sentence, --max-duration 60" "$tmp/one.txt" --max-duration 60 -o "$tmp/one.ogg"
