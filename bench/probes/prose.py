#!/usr/bin/env python3
"""Real prose set as an article: does every sentence get read?

    python3 bench/probes/prose.py [N] [SEED]      # N made-up articles (default 100), 8 sentences each

Each article is a made-up page of a French daily (a menu, a title, a byline and a dateline, a share
bar under it) whose paragraphs are eight sentences drawn at random (fixed seed) from
../shared/corpus-real/sentences.txt, real text from public pages, written by nobody here. It is read
as a copy (text) and as HTML; a sentence that is not in the article read is printed. The readers'
rules for furniture (boilerplate phrases, credits, datelines, meta lines) must leave prose alone:
"Crédit Agricole a annoncé…", "Partager les fruits de la croissance…", "Le 7 juin 2006, la juge a
été dessaisie… remplacée par X." were taken for a credit, a button and a dateline this way.

Some misses are right and are printed all the same: a real paywall cue ("Il vous reste 57 % de cet
article à lire." ends the article), a real dateline ("Publié le …"), a live page's time and
headline. Read each. The sentences are those the normalizer's gold sets draw from: this probe uses
them as prose only, and prints no figure to tune on. Needs the shared folder ($SHARED or
../shared); prints SKIPPED without it."""
import html
import os
import random
import sys

from probe import read_article, spoken_text

SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
SENTENCES = os.path.join(SHARED, "corpus-real", "sentences.txt")
PER_ARTICLE = 8
TITLE = "Le conseil municipal adopte le budget après une longue séance"


def folded(s):
    """Spaces of any width as one, soft hyphens out: what the readers give back."""
    return " ".join(s.replace("\u00ad", "").replace("\u00a0", " ").replace("\u202f", " ").split())


def as_copy(sentences):
    return ("Le Journal du Matin\nAccueil\nPolitique\nSociété\nSports\n\n" + TITLE +
            "\n\nPar Jean Dupont\nLe 3 mars 2025 à 10h00\n\n" + "\n\n".join(sentences) +
            "\n\nPartager\nRéagir\n")


def as_page(sentences):
    paragraphs = "".join("<p>%s</p>\n" % html.escape(s) for s in sentences)
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav><article><h1>%s</h1>'
            '<p class="byline">Par Jean Dupont, le <time datetime="2025-03-03">3 mars 2025</time></p>\n%s'
            '</article><footer>© Le Journal du Matin</footer></body></html>' % (TITLE, TITLE, paragraphs))


def read_text(article):
    if not article:
        return ""
    return folded(spoken_text(article))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if not os.path.exists(SENTENCES):
        print("SKIPPED: no", SENTENCES)
        return
    with open(SENTENCES, encoding="utf-8") as f:
        pool = [s.strip() for s in f if len(s.split()) >= 8]
    rnd = random.Random(seed)
    missed = {"text": 0, "html": 0}
    for case in range(n):
        sentences = rnd.sample(pool, PER_ARTICLE)
        for kind, name, content in (("text", "p%d.txt" % case, as_copy(sentences)),
                                    ("html", "p%d.html" % case, as_page(sentences))):
            _, article = read_article(name, content)
            body = read_text(article)
            for s in sentences:
                if folded(s)[:40] not in body:
                    missed[kind] += 1
                    print("%s %s: %s" % (kind, name, s[:160]))
    total = n * PER_ARTICLE
    print("text: %d of %d sentences not read; html: %d of %d" % (missed["text"], total, missed["html"], total))


if __name__ == "__main__":
    main()
