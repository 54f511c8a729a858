"""What every probe shares: the oralise it runs ($ORALISE, default ./oralise from the checkout) and
the folder its inputs are written to ($PROBE_DIR, default a new temporary folder)."""
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

ORALISE = os.environ.get("ORALISE", "./oralise")
WORK = os.environ.get("PROBE_DIR") or tempfile.mkdtemp(prefix="oralise-probe-")


def read_article(name, content):
    """Writes content to WORK/name and runs `oralise --print=article` on it. Returns the finished
    process (exit code, stderr) and the article as JSON (None when the output is none)."""
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(content)
    p = subprocess.run([ORALISE, "--print=article", path], capture_output=True, text=True)
    try:
        return p, json.loads(p.stdout)
    except ValueError:
        return p, None


def spoken_text(article):
    """What a listener hears of an article by default: its lede and its blocks, photo captions left
    out (they are read only with --captions)."""
    article = article or {}
    return " ".join([article.get("lede") or ""] +
                    [b["text"] for b in article.get("blocks", []) if b.get("kind") != "caption"])


def word_counts(text):
    """The words of a text, lower-cased, with how many times each comes."""
    return Counter(re.findall(r"\w+", (text or "").lower()))


def agreement(base, other):
    """How far the article `other` says what `base` says: word F1, recall, precision (of what a
    listener hears) and whether the titles are the same."""
    w0, w1 = word_counts(spoken_text(base)), word_counts(spoken_text(other))
    common = sum((w0 & w1).values())
    r = common / max(1, sum(w0.values()))
    p = common / max(1, sum(w1.values()))
    f1 = 2 * r * p / (r + p) if r + p else (1.0 if not w0 and not w1 else 0.0)
    return f1, r, p, (base or {}).get("title") == (other or {}).get("title")


def compare_variant(name, text, variant, label):
    """Reads text and its variant (written as NAME and LABEL-NAME) and prints a line when the
    variant's article differs (word F1 under 0.95, another exit code or another title). Returns
    the F1 and whether it differs."""
    p0, a0 = read_article("as-is-" + name, text)
    p1, a1 = read_article(label + "-" + name, variant)
    f1, r, p, same_title = agreement(a0, a1)
    differs = f1 < 0.95 or p0.returncode != p1.returncode or not same_title
    if differs:
        print(f"{f1:.2f} r {r:.2f} p {p:.2f} rc {p0.returncode}->{p1.returncode} "
              f"title {'same' if same_title else 'DIFFERS'} {name}")
    return f1, differs


def run_variants(doc, ext, variant, load):
    """The main of a probe that reads inputs and a variant of each: argv is MODE DIR...; every
    *.EXT of the folders is loaded (load(path) gives its text), made into variant(MODE, text), and
    both are compared (compare_variant). Prints the mean F1 and how many differ."""
    if len(sys.argv) < 3:
        print(doc)
        sys.exit(2)
    mode = sys.argv[1]
    paths = [p for d in sys.argv[2:] for p in sorted(glob.glob(os.path.join(d, "*." + ext)))]
    total, differ = 0.0, 0
    for path in paths:
        text = load(path)
        name = os.path.basename(os.path.dirname(path)) + "__" + os.path.basename(path)
        f1, differs = compare_variant(name, text, variant(mode, text), mode)
        total += f1
        differ += differs
    print(f"{mode}: {len(paths)} inputs, mean F1 {total / max(1, len(paths)):.3f}, {differ} differ (in {WORK})")


def browser_copy():
    """../shared/eval/browser_copy.py (or $SHARED's) as a module; prints SKIPPED and exits 0
    without it, as a probe that needs the copies cannot run."""
    shared = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
    path = os.path.join(shared, "eval", "browser_copy.py")
    if not os.path.exists(path):
        print("SKIPPED: no", path)
        sys.exit(0)
    spec = importlib.util.spec_from_file_location("browser_copy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
