#!/usr/bin/env python3
"""How much the HTML reader leans on what a page may lack. Each page is read as it is and again
stripped one way, and the article read from the stripped page is compared with the one read from
the page itself (word F1 of what a listener hears, exit codes, titles).

    python3 bench/probes/bare.py MODE DIR [DIR...]     # every *.html in the folders

MODE: opaque      every class and id word replaced by an opaque token ("x3f9a1c", as sites built
                  with CSS modules or minifiers name their elements)
      nometa      no <meta> tag and no JSON-LD: only <title> and the page declare the article
      nosemantic  <article>, <main>, <section>, <header>, <footer>, <nav> and <aside> made <div>s

A page whose article changes reads furniture or loses prose when what it lacks stops helping: what a
site the rules never met would give. Prints the pages that differ, then the mean F1. Run it on
dev pages only (it prints per page): build/eval-corpus/dev-html, build/eval-mercury/dev-html,
build/eval-npm/dev-html. The opaque pages are written to $PROBE_DIR (default: a new temporary
folder). Runs ./oralise (or $ORALISE)."""
import hashlib, re, sys
from probe import run_variants


def opaque(m):
    quote = m.group(2)
    tokens = " ".join("x" + hashlib.md5(w.encode()).hexdigest()[:6] for w in m.group(3).split())
    return f"{m.group(1)}={quote}{tokens}{quote}"


def strip(mode, html):
    if mode == "opaque":
        return re.sub(r"""\b(class|id)\s*=\s*(["'])(.*?)\2""", opaque, html, flags=re.I | re.S)
    if mode == "nometa":
        html = re.sub(r"<script[^>]*ld\+json[^>]*>.*?</script>", "", html, flags=re.S | re.I)
        return re.sub(r"<meta\b[^>]*>", "", html, flags=re.I)
    if mode == "nosemantic":
        return re.sub(r"<(/?)(article|main|section|header|footer|nav|aside)\b", r"<\1div", html, flags=re.I)
    sys.exit(f"unknown mode {mode}")


def load(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def main():
    run_variants(__doc__, "html", strip, load)


if __name__ == "__main__":
    main()
