#!/usr/bin/env python3
"""Rebuild the news normalizer gold (bench/tn-news/) from a pool of real news sentences.

The repository may not hold third-party text, so each set file stores only
each drawn sentence's key (the sha1 of its text) and the edits that turn it
into what a reader says.  The sentences live in a pool kept outside the
repository (README.md says how it was made); this script finds each key in
the pool and applies its edits:

    python3 bench/tn-news/build.py [--pool DIR] [--out build/tn-news] [dev heldout]
    python3 bench/tn-news/build.py --draw [--show]   # the draw's keys (and sentences: not for the repo)

Pool: DIR/pool-*.tsv, lines file<TAB>offset<TAB>sentence (the source file in
the corpus repository, the offset of the chunk it was copied from, the
sentence).  A missing pool folder is reported SKIPPED (exit status 4).

Set lines: key<TAB>edits<TAB>category, edits as in bench/tn-real (parse and
apply are tn-real/build.py's, imported, and its gold_french() respells the
words of gold-french.tsv in every gold).  Output: tn_eval.py's case format in
OUT/SET.tsv.
"""
import argparse
import glob
import hashlib
import importlib.util
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SEED, DRAW, N_DEV = 20261206, 400, 200  # random.Random(SEED).sample(range(len(pool)), DRAW): dev first
SETS = ("dev", "heldout")
SKIPPED = 4
MIN_WORDS = 3
DEFAULT_POOL = os.path.join(REPO, "..", "gj")  # /work/gj beside the checkout /work/main

_spec = importlib.util.spec_from_file_location("tn_real_build", os.path.join(REPO, "bench", "tn-real", "build.py"))
tn_real = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tn_real)


def die(msg):
    print(f"tn-news/build.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def key_of(sentence):
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def read_pool(folder):
    """The pool's sentences in file order, each once (a sentence copied twice counts once)."""
    seen, pool = set(), []
    for path in sorted(glob.glob(os.path.join(folder, "pool-*.tsv"))):
        with open(path, encoding="utf-8") as fh:
            for n, row in enumerate(fh, 1):
                row = row.rstrip("\n")
                if not row.strip():
                    continue
                parts = row.split("\t")
                if len(parts) != 3:
                    die(f"{path}:{n}: expected file<TAB>offset<TAB>sentence")
                sentence = parts[2].strip()
                if len(sentence.split()) < MIN_WORDS:
                    continue  # "4.": a section number the sentence split cut from its heading
                k = key_of(sentence)
                if k not in seen:
                    seen.add(k)
                    pool.append((k, sentence))
    return pool


def draw(pool):
    idx = random.Random(SEED).sample(range(len(pool)), min(DRAW, len(pool)))
    keys = [pool[i][0] for i in idx]
    return {"dev": keys[:N_DEV], "heldout": keys[N_DEV:]}


def main():
    ap = argparse.ArgumentParser(description="rebuild the news normalizer gold")
    ap.add_argument("sets", nargs="*", default=["dev"], help=", ".join(SETS) + " (default: dev)")
    ap.add_argument("--pool", default=DEFAULT_POOL, help="the folder of pool-*.tsv (default: ../gj)")
    ap.add_argument("--out", default="build/tn-news")
    ap.add_argument("--draw", action="store_true", help="print the draw's keys, set by set")
    ap.add_argument("--show", action="store_true", help="with --draw: the sentences too (not for the repo)")
    args = ap.parse_args()
    if not glob.glob(os.path.join(args.pool, "pool-*.tsv")):
        print(f"tn-news/build.py: SKIPPED: no pool-*.tsv in {args.pool}", file=sys.stderr)
        sys.exit(SKIPPED)
    pool = read_pool(args.pool)
    text = dict(pool)
    drawn = draw(pool)
    if args.draw:
        for name in SETS:
            for k in drawn[name]:
                print(f"{name}\t{k}\t{text[k]}" if args.show else f"{name}\t{k}")
        return
    french_words = tn_real.gold_french()
    os.makedirs(args.out, exist_ok=True)
    for name in args.sets:
        if name not in SETS:
            die(f"unknown set {name!r}: {', '.join(SETS)}")
        cases, keys = [], []
        for where, key, field, cat in tn_real.case_rows(os.path.join(HERE, name + ".tsv")):
            if key not in text:
                die(f"{where}: key {key} is not in the pool: has the pool changed?")
            if key in keys:
                die(f"{where}: key {key} listed twice")
            keys.append(key)
            cases.append(tn_real.case_line(text[key], field, cat, where, french_words))
        if keys != drawn[name][:len(keys)]:
            die(f"{name}.tsv: the keys are not the draw's, in its order")
        dst = os.path.join(args.out, name + ".tsv")
        with open(dst, "w", encoding="utf-8") as fh:
            fh.write("# built by bench/tn-news/build.py; third-party text: do not commit\n")
            fh.write("\n".join(cases) + "\n")
        note = "" if len(keys) == len(drawn[name]) else f" (of {len(drawn[name])} drawn: incomplete)"
        print(f"tn-news/build.py: {dst}: {len(cases)} cases{note}")


if __name__ == "__main__":
    main()
