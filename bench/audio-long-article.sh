#!/bin/sh
# Writes a long article (the text sample's free paragraphs repeated N
# times, about 20 minutes of speech for N=12) to standard output, for the
# streaming and throughput benchmarks. Usage: audio-long-article.sh [N]
set -eu
n=${1:-12}
awk -v n="$n" '
    /^Douze jours après|^Il s.agit ici de repousser/ { body = body $0 "\n\n" }
    /^Il vous reste/ && !done { for (i = 0; i < n; i++) printf "%s", body; done = 1 }
    { print }
' samples/lemonde-atacms.txt
