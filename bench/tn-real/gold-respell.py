#!/usr/bin/env python3
"""Write a tn_eval.py --gold-respell file: the shared rules, then gold-french.tsv.

tn_eval.py's shared rules (../shared/eval/espeak_fr_gold_respell.tsv) undo
eSpeak NG's misreadings of French number words in a gold; gold-french.tsv
lists the gold words eSpeak NG 1.51 hands to its English voice though French
says them in French ("Insee", "Kiev", "vingt heures" without its liaison).
build.py writes those into the tn-real golds; a case file that build.py does
not make (the shared development set) gets them through this file instead, so
that both are scored against the same reference.

usage: gold-respell.py SHARED_RESPELL OUT
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def gold_french_rules():
    rules = []
    with open(os.path.join(HERE, "gold-french.tsv"), encoding="utf-8") as fh:
        for raw in fh:
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            written, respelled = raw.split("\t")
            # tn_eval.py matches case-insensitively; a whole word, as build.py does
            rules.append(r"(?<!\w)" + re.escape(written) + r"(?!\w)" + "\t" + respelled)
    return rules


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    with open(sys.argv[1], encoding="utf-8") as fh:
        shared = fh.read()
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(shared if shared.endswith("\n") else shared + "\n")
        out.write("# bench/tn-real/gold-french.tsv\n")
        out.write("\n".join(gold_french_rules()) + "\n")


if __name__ == "__main__":
    main()
