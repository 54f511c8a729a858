#!/usr/bin/env python3
"""Firefox's Reader View, copied: the dev articles of bench/eval-corpus.py set as Reader View shows
them (the site's domain, the title, the author, a reading time "4–5 minutes", the lede, the body's
paragraphs, blank lines between) and read as a copy. Reader View is how many who cannot read a
page comfortably read it; its copy must give the article, its title and nothing of its head.

    python3 bench/probes/readerview.py [DIR...]    # default: build/eval-corpus/dev-html and shared-html

Prints each article whose body is not read whole (word recall or precision under 0.97 against the
expected blocks), whose title is not the expected one, or which is refused; then the counts. Needs
the cases bench/eval-corpus.py builds (run it once). Runs ./oralise (or $ORALISE); the copies go
to $PROBE_DIR (default: a new temporary folder)."""
import glob, json, os, re, sys
from collections import Counter
from probe import WORK, read_article, spoken_text


def first(v):
    return v[0] if isinstance(v, list) and v else v


def words(s):
    return Counter(re.findall(r"\w+", (s or "").lower()))


def main():
    dirs = sys.argv[1:] or ["build/eval-corpus/dev-html", "build/eval-corpus/shared-html"]
    cases = [e for d in dirs for e in sorted(glob.glob(os.path.join(d, "*.html.expected.json")))]
    n = bad = titles = 0
    for e in cases:
        d = json.load(open(e))
        blocks = [b["text"] if isinstance(b, dict) else b for b in d.get("blocks", [])]
        title = first(d.get("title"))
        if not blocks or not title:
            continue
        name = os.path.basename(e)[: -len(".html.expected.json")]
        lede = first(d.get("lede"))
        head = [name.split("-")[0] + ".fr", title, first(d.get("byline")) or "Claire Dupont", "4–5 minutes"]
        text = "\n\n".join(head + ([lede] if lede else []) + blocks) + "\n"
        p, o = read_article(f"readerview-{name}.txt", text)
        want, got = words(" ".join(([lede] if lede else []) + blocks)), words(spoken_text(o))
        common = sum((want & got).values())
        r, pr = common / max(1, sum(want.values())), common / max(1, sum(got.values()))
        same = (o or {}).get("title") == title
        n += 1
        titles += same
        if r < 0.97 or pr < 0.97 or not same or p.returncode:
            bad += 1
            print(f"r {r:.2f} p {pr:.2f} rc {p.returncode} title {(o or {}).get('title')!r:.60} {name}")
    print(f"{n} Reader View copies, {bad} bad, titles {titles}/{n} (copies in {WORK})")


if __name__ == "__main__":
    main()
