#!/usr/bin/env python3
"""Compare two tn_eval.py --json results on the same cases: the normalizer's
and raw eSpeak NG's (--baseline).  Prints both phoneme scores and the cases
eSpeak NG says right on its own that the normalizer breaks (-v lists them).

    python3 bench/tn-real/compare.py [-v] NAME ORALISE.json BASELINE.json
Exit status 0 whatever the figures: this is a measurement, not a gate.
"""
import json
import sys


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if len(args) != 3:
        sys.exit(__doc__)
    name, ours_path, base_path = args
    with open(ours_path, encoding="utf-8") as fh:
        ours = json.load(fh)
    with open(base_path, encoding="utf-8") as fh:
        base = json.load(fh)
    if [c["written"] for c in ours["cases"]] != [c["written"] for c in base["cases"]]:
        sys.exit("compare.py: the two result files do not hold the same cases")
    n = ours["n"]
    broken = [(o, b) for o, b in zip(ours["cases"], base["cases"])
              if b["phoneme_ok"] and not o["phoneme_ok"]]
    fixed = sum(1 for o, b in zip(ours["cases"], base["cases"]) if o["phoneme_ok"] and not b["phoneme_ok"])
    print(f"tn-real {name}: oralise phoneme {100.0 * ours['phoneme_ok'] / n:.1f}% "
          f"({ours['phoneme_ok']}/{n}), text {100.0 * ours['text_ok'] / n:.1f}%")
    print(f"tn-real {name}: raw eSpeak NG phoneme {100.0 * base['phoneme_ok'] / n:.1f}% "
          f"({base['phoneme_ok']}/{n})")
    print(f"tn-real {name}: {fixed} cases fixed, {len(broken)} cases raw eSpeak NG says right "
          f"that oralise breaks" + ("" if verbose or not broken else " (-v lists them)"))
    if verbose:
        for o, _ in broken:
            print(f"  {o['where']}  [{o['category']}]")
            print(f"     written: {o['written']}")
            print(f"     oralise: {o['output']}")
            print(f"     gold   : {' | '.join(o['gold'])}")


if __name__ == "__main__":
    main()
