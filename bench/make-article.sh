#!/bin/sh
# make-article.sh WORDS: a browser copy of about WORDS words on standard
# output, built from the sample article's free paragraphs (no third-party
# text), with its header so that it reads like any other copy.
set -eu
words=${1:-5000}
sample=$(dirname "$0")/../samples/lemonde-atacms.txt
sed -n '1,/^Douze jours/p' "$sample" | sed '$d'
body=$(sed -n '/^Douze jours/p;/^Il s’agit ici/p' "$sample")
per=$(printf '%s\n' "$body" | wc -w)
n=$(( (words + per - 1) / per ))
i=0
# Each repetition is numbered: the readers speak a repeated paragraph once.
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    printf '%s\n\n' "$body" | sed "s/^\(.\)/Partie $i. \1/; s/\$/\\n/"
done
