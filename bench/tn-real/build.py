#!/usr/bin/env python3
"""Rebuild the real-text normalizer gold from the shared corpus.

The repository may not hold the corpus sentences, so each case stores only the
line number and the spans that a reader says differently from how they are
written.  This script reads the sentences, applies the edits and writes
tn_eval.py case files:

    python3 bench/tn-real/build.py [--corpus ../shared/corpus-real/sentences.txt]
                                   [--out build/tn-real] [dev|heldout|dev2|heldout2|...|dev6|heldout6 ...]

Case line: line_number<TAB>edits<TAB>category
  edits    'written => spoken' pairs joined by ' ;; ', in sentence order; a
           spoken side may list alternatives joined by ' | '.  Empty: the
           sentence is read as written.
Each written span is looked for from the end of the previous replacement on,
so a span that occurs twice is rewritten where the edit's turn comes; a span
that begins or ends with a letter or digit only matches whole words.  A space
in a written span also matches U+00A0 and U+202F (the corpus keeps them); any
other character must match exactly.  A span that is not found stops the build.
"""
import argparse
import itertools
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED, DRAW, N_DEV = 11, 600, 400  # random.Random(SEED).sample(range(n_lines), DRAW): dev first, then held-out
# The second draw comes from the lines the first one left, so no sentence is in both:
# random.Random(SEED2).sample(sorted(rest), DRAW2): dev2 first, then heldout2.
SEED2, DRAW2, N_DEV2 = 12, 400, 200
# The third draw comes from the lines neither earlier draw took: dev3 first, then heldout3.
SEED3, DRAW3, N_DEV3 = 13, 400, 200
# The fourth draw comes from the lines no earlier draw took: dev4 first, then heldout4.
SEED4, DRAW4, N_DEV4 = 14, 400, 200
# The fifth draw, likewise: dev5 first, then heldout5.
SEED5, DRAW5, N_DEV5 = 15, 400, 200
# The sixth draw, likewise: dev6 first, then heldout6 (27 lines are left after it).
SEED6, DRAW6, N_DEV6 = 16, 400, 200
SETS = ("dev", "heldout", "dev2", "heldout2", "dev3", "heldout3", "dev4", "heldout4", "dev5", "heldout5",
        "dev6", "heldout6")
MAX_GOLDS = 64  # product of per-span alternatives; more would be a sign of a badly cut case
FRENCH = []  # set by main(): gold_french()


def die(msg):
    print(f"build.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def parse_edits(field, where):
    edits = []
    if not field.strip():
        return edits
    for part in field.split(" ;; "):
        if " => " not in part:
            die(f"{where}: edit without ' => ': {part!r}")
        written, spoken = part.split(" => ", 1)
        if not written:
            die(f"{where}: empty written span in {part!r}")
        alts = [a.strip() for a in spoken.split(" | ")]
        edits.append((written, alts))
    return edits


def span_regex(written):
    """A span never starts or ends inside a word or number: '3 ans' is not found in '13 ans'."""
    body = "".join("[ \u00a0\u202f]" if c == " " else re.escape(c) for c in written)
    head = r"(?<!\w)" if written[0].isalnum() else ""
    tail = r"(?!\w)" if written[-1].isalnum() else ""
    return re.compile(head + body + tail)


def apply_edits(sentence, edits, where):
    """Return the list of gold readings (product of the alternatives)."""
    pieces, pos = [], 0  # pieces: list of alternatives lists, in order
    for written, alts in edits:
        m = span_regex(written).search(sentence, pos)
        if not m:
            die(f"{where}: span {written!r} not found after column {pos} in line: {sentence!r}")
        pieces.append([sentence[pos:m.start()]])
        pieces.append(alts)
        pos = m.end()
    pieces.append([sentence[pos:]])
    n = 1
    for p in pieces:
        n *= len(p)
    if n > MAX_GOLDS:
        die(f"{where}: {n} gold combinations (more than {MAX_GOLDS})")
    golds = []
    for combo in itertools.product(*pieces):
        g = re.sub(r" {2,}", " ", "".join(combo)).strip()  # a deleted span leaves no double space
        if g not in golds:
            golds.append(g)
    return golds


def gold_french():
    """The gold words to write in French letters (gold-french.tsv): (regex, respelling) pairs."""
    pairs = []
    with open(os.path.join(HERE, "gold-french.tsv"), encoding="utf-8") as fh:
        for ln, raw in enumerate(fh, 1):
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) != 2:
                die(f"gold-french.tsv:{ln}: expected 2 tab-separated columns")
            # "huitième*": the start of a word ("huitièmes"); otherwise a whole word
            prefix = cols[0].endswith("*")
            word = cols[0][:-1] if prefix else cols[0]
            pairs.append((re.compile(r"(?<!\w)" + re.escape(word) + ("" if prefix else r"(?!\w)")), cols[1]))
    return pairs


def frenchify(gold, pairs):
    for rx, to in pairs:
        gold = rx.sub(to, gold)
    return gold


def drawn(name, n_lines):
    """Line numbers (from 1) of the set, in the order of the draw.

    Each draw samples the lines the earlier ones left (sorted), so no sentence is in two sets."""
    taken = set()
    for seed, size, n_dev, dev_name, held_name in ((SEED, DRAW, N_DEV, "dev", "heldout"),
                                                   (SEED2, DRAW2, N_DEV2, "dev2", "heldout2"),
                                                   (SEED3, DRAW3, N_DEV3, "dev3", "heldout3"),
                                                   (SEED4, DRAW4, N_DEV4, "dev4", "heldout4"),
                                                   (SEED5, DRAW5, N_DEV5, "dev5", "heldout5"),
                                                   (SEED6, DRAW6, N_DEV6, "dev6", "heldout6")):
        rest = [i for i in range(n_lines) if i not in taken]
        draw = random.Random(seed).sample(rest, size)
        if name in (dev_name, held_name):
            idx = draw[:n_dev] if name == dev_name else draw[n_dev:]
            return [i + 1 for i in idx]
        taken.update(draw)
    die(f"unknown set {name!r}")


def case_rows(src):
    """(where, key, edits, category) for each case of a case file; blank and '#' lines are
    skipped, and a line without three tab-separated columns stops the build."""
    with open(src, encoding="utf-8") as fh:
        for ln, raw in enumerate(fh, 1):
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            where = f"{src}:{ln}"
            cols = raw.split("\t")
            if len(cols) != 3:
                die(f"{where}: expected 3 tab-separated columns, got {len(cols)}")
            yield (where, *cols)


def case_line(sentence, field, cat, where, french):
    """tn_eval.py's case line: the sentence, its golds (the edits applied, the French respellings
    of gold-french.tsv after them) joined by '|', the category."""
    golds = [frenchify(g, french) for g in apply_edits(sentence, parse_edits(field, where), where)]
    for g in golds:
        if "|" in g or "\t" in g:
            die(f"{where}: gold holds '|' or a tab: {g!r}")
    return f"{sentence}\t{'|'.join(golds)}\t{cat.strip() or 'plain'}"


def build(name, lines, out_dir):
    src = os.path.join(HERE, f"{name}.tsv")
    cases = []
    seen = set()
    expected = drawn(name, len(lines))
    for where, num, field, cat in case_rows(src):
        if not num.isdigit() or not 1 <= int(num) <= len(lines):
            die(f"{where}: bad line number {num!r}")
        if num in seen:
            die(f"{where}: line {num} listed twice")
        seen.add(num)
        if len(seen) > len(expected) or int(num) != expected[len(seen) - 1]:
            die(f"{where}: line {num} is not case {len(seen)} of the {name} draw "
                f"(expected {expected[len(seen) - 1] if len(seen) <= len(expected) else 'none'}); "
                f"is this the same corpus?")
        sentence = lines[int(num) - 1]
        for bad in ("\t", "|"):
            if bad in sentence:
                die(f"{where}: corpus line {num} holds {bad!r}, which the case format cannot carry")
        cases.append(case_line(sentence, field, cat, where, FRENCH))
    os.makedirs(out_dir, exist_ok=True)
    dst = os.path.join(out_dir, f"{name}.tsv")
    with open(dst, "w", encoding="utf-8") as fh:
        fh.write(f"# built by bench/tn-real/build.py from {name}.tsv; do not commit\n")
        fh.write("\n".join(cases) + "\n")
    note = "" if len(cases) == len(expected) else f" (of {len(expected)} drawn: the set is incomplete)"
    print(f"build.py: {dst}: {len(cases)} cases{note}")


def main():
    ap = argparse.ArgumentParser(description="rebuild the real-text normalizer gold")
    ap.add_argument("sets", nargs="*", default=["dev"], help=", ".join(SETS) + " (default: dev)")
    ap.add_argument("--corpus", default="../shared/corpus-real/sentences.txt")
    ap.add_argument("--out", default="build/tn-real")
    args = ap.parse_args()
    try:
        with open(args.corpus, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    except OSError as e:
        die(f"cannot read the corpus: {e}")
    if lines and lines[-1] == "":
        lines.pop()
    global FRENCH
    FRENCH = gold_french()
    for name in args.sets:
        if name not in SETS:
            die(f"unknown set {name!r}")
        build(name, lines, args.out)


if __name__ == "__main__":
    main()
