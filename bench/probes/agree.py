#!/usr/bin/env python3
"""Agreement of the two readers on pages that have no expected extraction: each page is read as
HTML and as its Firefox and Chrome copies (../shared/eval/browser_copy.py), and the words of the
copies' articles are compared with the words of the page's (lede and blocks, captions aside).
Prints a line per page (word F1, recall, precision and title of each copy against the HTML
reader's article, and every run's exit code), the pages first where the readers disagree most.

    python3 bench/probes/agree.py DIR [DIR...]     # every *.html in the folders

The HTML reader scores higher than the text reader on every labelled set, so where the two
disagree the copy's reading is the likelier one to be wrong; read the page to know. Any folder
of real pages will do: pages nobody labelled (the fixtures npm packages ship, pages fetched
through the search tool) find what a labelled set of the same size would. Do not run it on a
held-out set: it prints per page. Pages are decoded as bench/eval-corpus.py decodes them, and
the copies are written beside a temporary UTF-8 version of each page, in $PROBE_DIR (default:
a new temporary folder). Runs ./oralise (or $ORALISE)."""
import glob, importlib.util, json, os, re, subprocess, sys
from probe import WORK, agreement, browser_copy, spoken_text, word_counts

HERE = os.path.dirname(os.path.abspath(__file__))
ORALISE = os.environ.get("ORALISE", os.path.join(HERE, "..", "..", "oralise"))
spec = importlib.util.spec_from_file_location("eval_corpus", os.path.join(HERE, "..", "eval-corpus.py"))
eval_corpus = importlib.util.module_from_spec(spec)
argv, sys.argv = sys.argv, sys.argv[:1]
spec.loader.exec_module(eval_corpus)
sys.argv = argv
bc = browser_copy()


def read(path):
    p = subprocess.run([ORALISE, "--print=article", path], capture_output=True, text=True)
    try:
        return p.returncode, json.loads(p.stdout)
    except ValueError:
        return p.returncode, {}


def main():
    rows = []
    for d in sys.argv[1:]:
        for page in sorted(glob.glob(os.path.join(d, "*.html"))):
            name = os.path.basename(page)[:-5]
            markup = eval_corpus.read_page(page)
            utf8 = os.path.join(WORK, name + ".html")
            with open(utf8, "w", encoding="utf-8") as f:
                f.write(re.sub(r"(<meta[^>]+charset\s*=\s*[\"']?\s*)[A-Za-z0-9_.:-]+", r"\g<1>utf-8", markup, flags=re.I))
            rc, a = read(utf8)
            worst, cells = 1.0, [f"html rc={rc} words={sum(word_counts(spoken_text(a)).values())}"]
            for flavor in ("firefox", "chrome"):
                copy = os.path.join(WORK, f"{name}.{flavor}.txt")
                with open(copy, "w", encoding="utf-8") as f:
                    f.write(eval_corpus.copy_text(bc, markup, flavor))
                rc2, b = read(copy)
                f1, r, p, same_title = agreement(a, b)
                worst = min(worst, 1.0 if rc and rc2 else f1 if rc == rc2 else 0.0)
                cells.append(f"{flavor} rc={rc2} F1 {f1:.2f} r {r:.2f} p {p:.2f} title {'same' if same_title else 'DIFFERS'}")
            rows.append((worst, name, cells))
    for worst, name, cells in sorted(rows):
        print(f"{worst:.2f} {name}: " + " | ".join(cells))
    agree = sum(1 for w, _, _ in rows if w >= 0.9)
    print(f"{len(rows)} pages, {agree} where both copies agree with the HTML reader (F1 >= 0.90, same exit)")


if __name__ == "__main__":
    main()
