#!/usr/bin/env python3
"""Measure the readers on ~240 real recipe pages nobody here tuned for, as HTML and as browser copies.

    make eval-recipes [EVAL_ARGS=-v]                          # the dev half, per page with -v
    python3 bench/eval-recipes.py [--src DIR] [-v]
    python3 bench/eval-recipes.py --heldout                  # the held-out half too: aggregate only

The pages are the test fixtures of recipe-scrapers (Debian source package python-recipe-scrapers,
MIT): blog and magazine pages from ~240 sites in a dozen languages, each with the recipe's name,
ingredients and instructions that its scraper must find. They are third-party pages: fetched on
demand, never copied into the repository: the script fetches them into build/ on its first run
(apt-get with a deb-src list of its own, as root), or by hand:

    echo 'deb-src http://deb.debian.org/debian bookworm main' > /tmp/src.list
    APT="-o Dir::Etc::SourceList=/tmp/src.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=/tmp/src-lists"
    mkdir -p /tmp/src-lists/partial && apt-get $APT update
    cd build && apt-get $APT source --download-only python-recipe-scrapers && tar xzf python-recipe-scrapers_*.orig.tar.gz

(Dir::State::Lists keeps the source list's index apart: without it, "update" replaces the
machine's package lists with the source list's, and apt-get install finds nothing after.)

A recipe page is an article like any blog post: a title, often a story, then the recipe. What a
listener must get: not a refusal, the recipe's name as the title (or the page's headline that holds
it), and the instructions read (their words found in what is spoken). The copies are made with
../shared/eval/browser_copy.py; each copy is also compared with the page's own article (probe.py's
agreement), which needs no gold at all.

The pages are split once with a fixed seed: half dev (studied), half held-out (aggregate lines only,
for closing notes). Per group: refused runs, titles right, mean instruction recall, pages whose
instructions are under 80 % read, and for copies the mean word F1 against the HTML reader's article
and the titles both readers agree on.
"""
import ast
import glob
import os
import random
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "probes"))
import probe  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SRC = os.path.join(REPO, "build", "recipe-scrapers-14.32.1")
SEED = 20261205


def literal_args(func):
    """The literal arguments of the assertEqual calls in a test method."""
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "assertEqual":
            for arg in node.args:
                try:
                    yield ast.literal_eval(arg)
                except ValueError:
                    pass


def expected_of(test_path):
    """(page name, title, instructions, ingredients) from one scraper test module, or None."""
    tree = ast.parse(open(test_path, encoding="utf-8").read())
    name, want = None, {}
    for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
        for node in cls.body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                target = node.targets[0].id
                if target == "scraper_class" and isinstance(node.value, ast.Name):
                    name = name or node.value.id.lower()
                elif target == "test_file_name":
                    name = ast.literal_eval(node.value)
            if isinstance(node, ast.FunctionDef) and node.name in ("test_title", "test_instructions", "test_ingredients"):
                for value in literal_args(node):
                    if isinstance(value, (str, list)):
                        want[node.name[5:]] = value
    if not name or "title" not in want:
        return None
    return name, want["title"], want.get("instructions", ""), want.get("ingredients", [])


def fold(text):
    """A title as compared: case, quotes, dashes and spacing folded, edge punctuation dropped."""
    text = (text or "").casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    return re.sub(r"\s+", " ", re.sub(r"[^\w' -]+", " ", text)).strip()


def title_right(got, want):
    """The recipe's name is the title, or the title holds it whole (a headline that adds a tag line
    to the name, "Garlic Butter Shrimp (Fast & Easy Dinner!)")."""
    g, w = fold(got), fold(want)
    return bool(g) and (g == w or (len(w) >= 8 and w in g and len(w) >= len(g) / 2))


def recall(spoken, text):
    want = probe.word_counts(text)
    return sum((want & probe.word_counts(spoken)).values()) / max(1, sum(want.values()))


def load_cases(src):
    cases = []
    for path in sorted(glob.glob(os.path.join(src, "tests", "test_*.py"))):
        exp = expected_of(path)
        page = exp and os.path.join(src, "tests", "test_data", exp[0] + ".testhtml")
        if exp and os.path.exists(page):
            cases.append((exp[0], page) + exp[1:])
    random.Random(SEED).shuffle(cases)
    half = len(cases) // 2
    return cases[:half], cases[half:]


def run_case(bc, case):
    name, page, title, instructions, ingredients = case
    markup = open(page, encoding="utf-8", errors="replace").read()
    steps = " ".join(instructions) if isinstance(instructions, list) else instructions
    results, base = {}, None
    for flavor in ("html", "firefox", "chrome"):
        text = markup if flavor == "html" else bc.page_text(markup, flavor=flavor, hide=[], show=[], inline=[], block=[])
        ext = "html" if flavor == "html" else "txt"
        proc, art = probe.read_article(f"recipe-{flavor}-{name}.{ext}", text)
        spoken = probe.spoken_text(art) if proc.returncode == 0 else ""
        row = {"rc": proc.returncode, "title": (art or {}).get("title"), "want": title,
               "recall": recall(spoken, steps) if steps else None, "err": proc.stderr.strip()[-160:]}
        if flavor == "html":
            base = art if proc.returncode == 0 else None
        elif base is not None and proc.returncode == 0:
            row["agree"] = probe.agreement(base, art)
        results[flavor] = row
    return name, results


def summary(label, rows, verbose):
    n = len(rows)
    refused = sum(r["rc"] != 0 for _, r in rows)
    titles = sum(title_right(r["title"], r["want"]) for _, r in rows)
    recs = [r["recall"] for _, r in rows if r["recall"] is not None]
    low = sum(x < 0.8 for x in recs)
    line = (f"{label:18} n={n:3}  refused {refused:3}  title {titles:3}/{n}  "
            f"instructions recall {sum(recs) / max(1, len(recs)):.3f} (<80 % {low:3}/{len(recs)})")
    agrees = [r["agree"] for _, r in rows if "agree" in r]
    if agrees:
        line += (f"  vs HTML: F1 {sum(a[0] for a in agrees) / len(agrees):.3f}"
                 f" same title {sum(a[3] for a in agrees)}/{len(agrees)}")
    print(line)
    if verbose:
        for name, r in sorted(rows, key=lambda x: (x[1]["recall"] or 0)):
            bad = r["rc"] != 0 or not title_right(r["title"], r["want"]) or (r["recall"] or 1) < 0.8 \
                or ("agree" in r and (r["agree"][0] < 0.9 or not r["agree"][3]))
            if bad:
                agree = f" F1 {r['agree'][0]:.2f}" if "agree" in r else ""
                print(f"    {name:28} rc {r['rc']} recall {r['recall'] if r['recall'] is None else round(r['recall'], 2)}"
                      f"{agree} title {r['title']!r} want {r['want']!r}" + (f" [{r['err']}]" if r["rc"] else ""))


def fetch(dest):
    """Fetches the source package into build/ with apt-get's deb-src from Debian's mirror (lists
    kept under build/recipes-apt, the system's untouched). False when it cannot."""
    work = os.path.join(REPO, "build", "recipes-apt")
    os.makedirs(os.path.join(work, "lists", "partial"), exist_ok=True)
    with open(os.path.join(work, "src.list"), "w") as f:
        f.write("deb-src http://deb.debian.org/debian bookworm main\n")
    opts = ["-o", "Dir::Etc::SourceList=" + os.path.join(work, "src.list"), "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", "Dir::State::Lists=" + os.path.join(work, "lists")]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    try:
        subprocess.run(["apt-get"] + opts + ["update"], check=True, **quiet)
        subprocess.run(["apt-get"] + opts + ["source", "--download-only", "python-recipe-scrapers=14.32.1-1"],
                       cwd=work, **quiet)
        tar = glob.glob(os.path.join(work, "python-recipe-scrapers_14.32.1.orig.tar.gz"))
        if not tar:
            return False
        subprocess.run(["tar", "xzf", tar[0], "-C", os.path.dirname(dest)], check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return os.path.isdir(dest)


def main(argv):
    src = argv[argv.index("--src") + 1] if "--src" in argv else DEFAULT_SRC
    if not os.path.isdir(os.path.join(src, "tests", "test_data")) and (src != DEFAULT_SRC or not fetch(src)):
        print("SKIPPED: no recipe-scrapers source at", src, "(see the top of this script)")
        return 0
    bc = probe.browser_copy()
    dev, heldout = load_cases(src)
    sets = [("dev", dev)] + ([("held-out", heldout)] if "--heldout" in argv else [])
    print(f"eval-recipes: {probe.ORALISE} --print=article; dev {len(dev)}, held-out {len(heldout)} pages")
    for label, cases in sets:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda c: run_case(bc, c), cases))
        for flavor in ("html", "firefox", "chrome"):
            rows = [(name, r[flavor]) for name, r in results]
            summary(f"{label} {flavor}", rows, "-v" in argv and label == "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
