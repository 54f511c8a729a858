#!/usr/bin/env python3
"""Measure the article extractor on pages nobody tuned for, as HTML and as browser copies.

    python3 bench/eval-corpus.py                 # shared corpus + samples, corpus-real dev set
    python3 bench/eval-corpus.py -v              # and per-case F1, missing and leaked snippets
    python3 bench/eval-corpus.py --only dev      # one set only (dev, heldout or shared)
    python3 bench/eval-corpus.py --heldout       # the held-out pages too (final measurement only)
    python3 bench/eval-corpus.py --show NAME     # print the body a corpus-real expectation derives
    python3 bench/eval-corpus.py --oracle        # self-test: outputs built from the expectations
    python3 bench/eval-corpus.py --pool DIR      # a pool of pages and specs kept outside the repository

Python 3, standard library only. It needs the shared folder at ../shared (or --shared DIR) and uses
its eval/extract_eval.py (case loading and scoring) and eval/browser_copy.py (the copies).

Cases are written under build/eval-corpus/ in the samples layout of extract_eval.py:
  shared-html        ../shared/samples and ../shared/corpus as they are (read in place)
  shared-firefox     every HTML page of ../shared/corpus and ../shared/samples as a Firefox copy
  shared-chrome      the same as a Chrome copy
  dev-html, dev-firefox, dev-chrome            the corpus-real dev pages
  heldout-html, heldout-firefox, heldout-chrome  the held-out pages (only with --heldout)
The expectation of a corpus-real page is bench/corpus-expected/NAME.json (see the README there): its
body spec names the first and last words of the article and the lines inside to skip; the full
expected body is derived here from the page's own text, so the repository never holds it.

A "table" block (announced, its rows read only with --tables) is scored as a caption: out of the body.
Per group: body-F1 (mean over cases with a full expected body), snippets found, leaks, titles right,
failed runs, and "short": runs that exit 0 with fewer than 80 % of the expected article's words
(bag-of-words recall of the expected body in lede + body blocks; for cases that only have snippets,
the share of snippets found).
"""

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPECTED_DIR = os.path.join(REPO, "bench", "corpus-expected")
OUT = os.path.join(REPO, "build", "eval-corpus")
DEFAULT_CMD = "./oralise --print=article {}"
SHORT = 0.8


def default_shared():
    for up in ("..", os.path.join("..", "..")):
        d = os.path.normpath(os.path.join(REPO, up, "shared"))
        if os.path.isdir(d):
            return d
    return os.path.normpath(os.path.join(REPO, "..", "shared"))


def import_path(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------------------------------------------------
# pages


CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def evaluators(tool, shared, cmd, oracle):
    """(extract_eval, browser_copy) from the shared folder, or the exit code after saying why not:
    the extractor of cmd is not built (1)."""
    program = cmd.split()[0]
    if not oracle and "/" in program and not os.access(program, os.X_OK):
        print(f"{tool}: {program} is not built (make oralise)", file=sys.stderr)
        return 1
    return (import_path("extract_eval", os.path.join(shared, "eval", "extract_eval.py")),
            import_path("browser_copy", os.path.join(shared, "eval", "browser_copy.py")))


def read_page(path):
    """The page as text, decoded the way a browser would: declared charset, else UTF-8, else windows-1252."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    m = CHARSET_RE.search(raw[:8192])
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii"):
        return raw.decode("cp1252", "replace")      # as browsers do (WHATWG encoding standard)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if declared:
            try:
                return raw.decode(declared, "replace")
            except LookupError:
                pass
        return raw.decode("cp1252", "replace")


def snippet_re(snippet):
    """A pattern for the snippet's words, whatever the spacing and punctuation between them."""
    toks = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", snippet))
    if not toks:
        raise ValueError(f"empty snippet {snippet!r}")
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(re.escape(t) for t in toks) + r"(?![^\W_])", re.I)


def contains(text, snippet):
    return snippet_re(snippet).search(unicodedata.normalize("NFKC", text)) is not None


def matches(ee, text, snippet):
    """A block holds the snippet ("=TEXT": the block is exactly TEXT, spacing and punctuation aside)."""
    if snippet.startswith("="):
        return ee.fold(text) == ee.fold(snippet[1:])
    return snippet_re(snippet).search(text) is not None


BODY_RE = re.compile(r"<body[\s>]", re.I)


def head_closed(markup):
    """The markup with "</head>" before "<body>" where a minified page leaves that optional end tag out: the
    shared parser skips everything after "<head>" until it meets "</head>"."""
    m = BODY_RE.search(markup)
    if not m or re.search(r"</head\s*>", markup[:m.start()], re.I):
        return markup
    return markup[:m.start()] + "</head>" + markup[m.start():]


def derive_blocks(ee, markup, spec):
    """The expected body blocks: the page's blocks from spec["from"] to spec["to"], minus the skipped ones.

    The first and last blocks are cut at the snippets. "skip" entries are snippets (the block holding one is
    dropped; "=TEXT": only a block that is exactly TEXT) or {"from": A, "to": B} (the blocks from the one holding A to the one holding B are dropped).
    "captions" snippets mark blocks kept as captions (scored out of the body). "from_nth" picks a later
    occurrence of "from" when the words also appear earlier on the page, "to_nth" of "to" after the start."""
    blocks = [dict(b, text=unicodedata.normalize("NFKC", b["text"])) for b in ee.html_blocks(head_closed(markup))]
    start_re, end_re = snippet_re(spec["from"]), snippet_re(spec["to"])
    hits = [i for i, b in enumerate(blocks) if start_re.search(b["text"])]
    nth = spec.get("from_nth", 1)
    if len(hits) < nth:
        raise ValueError(f"body start not found: {spec['from']!r}")
    i = hits[nth - 1]
    ends = [k for k in range(i, len(blocks)) if end_re.search(blocks[k]["text"])]
    j = ends[spec.get("to_nth", 1) - 1] if len(ends) >= spec.get("to_nth", 1) else None
    if j is None:
        raise ValueError(f"body end not found after the start: {spec['to']!r}")
    chosen = [dict(b) for b in blocks[i:j + 1]]
    m = start_re.search(chosen[0]["text"])
    chosen[0]["text"] = chosen[0]["text"][m.start():]
    last = chosen[-1]["text"]
    # the end snippet may occur twice in the last block; cut after its last occurrence
    ends = [mm.end() for mm in end_re.finditer(last)]
    chosen[-1]["text"] = last[:ends[-1]]
    drop = set()
    for s in spec.get("skip", []):
        if isinstance(s, dict):
            ia = next((k for k, c in enumerate(chosen) if matches(ee, c["text"], s["from"])), None)
            ib = next((k for k in range(ia or 0, len(chosen)) if matches(ee, chosen[k]["text"], s["to"])), None)
            if ia is None or ib is None:
                raise ValueError(f"skip range not found inside the body: {s!r}")
            drop.update(range(ia, ib + 1))
        elif s.startswith("="):
            ks = [k for k, c in enumerate(chosen) if ee.fold(c["text"]) == ee.fold(s[1:])]
            if not ks:
                raise ValueError(f"skip line not found inside the body: {s!r}")
            drop.update(ks)
        else:
            r = snippet_re(s)
            ks = [k for k, c in enumerate(chosen) if r.search(c["text"])]
            if not ks:
                raise ValueError(f"skip snippet not found inside the body: {s!r}")
            drop.update(ks)
    for s in spec.get("captions", []):
        r = snippet_re(s)
        ks = [k for k, c in enumerate(chosen) if r.search(c["text"])]
        if not ks:
            raise ValueError(f"caption snippet not found inside the body: {s!r}")
        for k in ks:
            chosen[k]["kind"] = "caption"
    out = [c for k, c in enumerate(chosen) if k not in drop and c["text"].strip()]
    for c in out:
        c["text"] = re.sub(r"\s+", " ", c["text"]).strip()
    return out


def real_expectation(ee, name, page_path, spec_path):
    """The samples-schema expectation of a corpus-real page, with its full body derived from the page."""
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    markup = read_page(page_path)
    exp = {k: spec[k] for k in ("title", "lede", "byline", "site", "published", "modified", "lang", "paywall",
                                "with", "without") if k in spec}
    exp["blocks"] = derive_blocks(ee, markup, spec["body"])
    body = "\n".join(b["text"] for b in exp["blocks"] if b["kind"] != "caption")
    problems = [f"with snippet not in the derived body: {s!r}" for s in spec.get("with", [])
                if not contains(body, s) and not contains(spec.get("title") or "", s)]
    problems += [f"without snippet inside the derived body: {s!r}" for s in spec.get("without", [])
                 if ee.fold(s, casefold=False) and
                 (" " + ee.fold(s, casefold=False) + " ") in (" " + ee.fold(body, casefold=False) + " ")]
    return spec, markup, exp, problems


# ---------------------------------------------------------------------------------------------------------
# building the cases


def write_case(directory, name, ext, content, exp):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name + ext)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(content)
    with open(path + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")


def copy_text(bc, markup, flavor):
    """What a browser copy of the page gives (its parser, like extract_eval's, needs the "</head>")."""
    return bc.page_text(head_closed(markup), flavor=flavor, hide=[], show=[], inline=[], block=[])


def native_of(ee, case):
    """A case loaded by extract_eval.py (any layout) as a samples-schema expectation."""
    exp = {}
    for key in ("title", "lede", "byline", "published", "modified", "lang"):
        v = getattr(case, key)
        if v is not None:
            exp[key] = v
    if case.body is not None:
        exp["blocks"] = case.oracle["blocks"]
    if case.truncated is not None:
        exp["paywall"] = {"truncated": case.truncated, "remaining_percent": case.remaining}
    if case.with_:
        exp["with"] = case.with_
    if case.without:
        exp["without"] = case.without
    return exp


def slug(text):
    return re.sub(r"[^A-Za-z0-9.-]+", "_", text).strip("_")


def build_shared(ee, bc, shared):
    sources = []
    for root in ("corpus", "samples"):
        for c in ee.discover(os.path.join(shared, root)):
            if c.input.endswith((".html", ".htm")):
                ee.load(c)
                if c.load_error:
                    raise ValueError(f"{c.id}: {c.load_error}")
                sources.append(c)
    for flavor in ("firefox", "chrome"):
        d = os.path.join(OUT, "shared-" + flavor)
        for c in sources:
            markup = read_page(c.input)
            write_case(d, slug(c.id.replace(".html", "")), ".txt", copy_text(bc, markup, flavor), native_of(ee, c))


def build_real(ee, bc, pages, expected, split, group=None):
    """Cases of the pages PAGES/NAME/source.html whose spec EXPECTED/NAME.json has this split (any split
    when split is None), written as the groups GROUP-html, GROUP-firefox, GROUP-chrome."""
    group = group or split
    problems = []
    for name in sorted(os.listdir(pages)):
        spec_path = os.path.join(expected, name + ".json")
        if not os.path.isfile(spec_path):
            problems.append(f"{name}: no expectation in {expected}")
            continue
        with open(spec_path, encoding="utf-8") as f:
            if split is not None and json.load(f).get("split") != split:
                continue
        page = os.path.join(pages, name, "source.html")
        try:
            spec, markup, exp, probs = real_expectation(ee, name, page, spec_path)
        except (ValueError, KeyError) as e:
            problems.append(f"{name}: {e}")
            continue
        problems += [f"{name}: {p}" for p in probs]
        with open(page, "rb") as f:
            write_case(os.path.join(OUT, group + "-html"), name, ".html", f.read(), exp)
        for flavor in ("firefox", "chrome"):
            e = dict(exp)
            e.update(spec.get("copy", {}))      # fields a copy cannot carry (e.g. a date only in a meta tag)
            write_case(os.path.join(OUT, f"{group}-{flavor}"), name, ".txt", copy_text(bc, markup, flavor), e)
    return problems


# ---------------------------------------------------------------------------------------------------------
# running and scoring


def recall(ee, case, out):
    """Share of the expected article's words that the run gave (None when the case has no words to count)."""
    if out is None:
        return 0.0
    if case.body is not None:
        if not case.body:
            return None
        blocks = ee.clean_blocks(out.get("blocks") if isinstance(out.get("blocks"), list) else [])
        got = Counter(ee.tokens("\n".join([ee.text_of(out.get("lede"))] +
                                          [b["text"] for b in blocks if b["kind"] != "caption"])))
        exp = Counter(case.body)
        return sum((exp & got).values()) / sum(exp.values())
    return None


def as_heard(out):
    """The output as the listener hears it by default: a table block is announced by its caption, its rows
    are read only with --tables, so it is scored like a caption (out of the body, never a leak). extract_eval.py
    knows no "table" kind and would count its cells as body."""
    if isinstance(out, dict) and isinstance(out.get("blocks"), list):
        out = dict(out, blocks=[dict(b, kind="caption") if isinstance(b, dict) and b.get("kind") == "table" else b
                                for b in out["blocks"]])
    return out


def run_group(ee, paths, cmd, jobs, timeout, oracle=False):
    cases = []
    for p in paths:
        cases += ee.discover(p)
    for c in cases:
        ee.load(c)

    def evaluate(c):
        if c.load_error:
            return ee.score(c, None, None), None
        out, err = (ee.oracle_output(c), None) if oracle else ee.run_command(cmd, c.input, timeout)
        out = as_heard(out)
        r = ee.score(c, out, err)
        rec = recall(ee, c, out)
        if rec is None and r["with_total"]:
            rec = r["with_found"] / r["with_total"] if out is not None else 0.0
        r["recall"] = rec
        r["short"] = bool(out is not None and rec is not None and rec < SHORT)
        return r, out

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(evaluate, cases))
    return [r for r, _ in done]


def summary_line(ee, label, rs):
    s = ee.summarize(rs)
    f1 = f"{s['f1']:.3f}" if s["f1"] is not None else "  n/a"
    short = sum(1 for r in rs if r.get("short"))
    return (f"{label:<18} n={s['n']:<3} body-F1 {f1} ({s['f1_n']:>2})  snippets {s['with'][0]:>3}/{s['with'][1]:<3} "
            f"leaks {s['leaks']:>2}  title {s['title'][0]:>2}/{s['title'][1]:<2}  failed {s['failed']:>2}  "
            f"short<80% {short:>2}")


def print_cases(rs):
    for r in rs:
        f1 = f"{r['f1']:.3f}" if r["f1"] is not None else "  -  "
        rec = f"{r['recall']:.2f}" if r.get("recall") is not None else " -  "
        withs = f"{r['with_found']}/{r['with_total']}"
        note = r["error"] or ""
        print(f"    {r['id'].split(os.sep, 1)[-1]:<44} F1 {f1} words {rec} snippets {withs:>5} "
              f"leaks {len(r['leaks'])} title {'ok' if r['title'] else ('-' if r['title'] is None else 'NO')}"
              f"{'  SHORT' if r.get('short') else ''}  {note}")
        for s in r["with_missing"]:
            print(f"        missing: {s}")
        for s in r["leaks"]:
            print(f"        leaked:  {s}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=default_shared(),
                    help="the shared folder (default ../shared beside the checkout, or ../../shared)")
    ap.add_argument("--cmd", default=DEFAULT_CMD, help=f"extractor command (default '{DEFAULT_CMD}')")
    ap.add_argument("--only", choices=("dev", "heldout", "shared"), help="measure one set only")
    ap.add_argument("--heldout", action="store_true", help="measure the held-out pages too")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-case F1, missing and leaked snippets")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="cases run in parallel (default 2)")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--oracle", action="store_true", help="score outputs built from the expectations (self-test)")
    ap.add_argument("--show", metavar="NAME", help="print the body a corpus-real expectation derives, and stop")
    ap.add_argument("--pool", metavar="DIR", help="measure only a pool kept outside the repository: its pages "
                    "DIR/pages/NAME/source.html, their specs DIR/expected/NAME.json (any split)")
    args = ap.parse_args(argv)

    shared = os.path.abspath(args.shared)
    if not os.path.isdir(os.path.join(shared, "eval")):
        print(f"eval-corpus: skipped: no shared folder at {shared}", file=sys.stderr)
        return 0
    ready = evaluators("eval-corpus", shared, args.cmd, args.oracle)
    if isinstance(ready, int):
        return ready
    ee, bc = ready

    real_pages = os.path.join(shared, "corpus-real", "pages")
    expected = EXPECTED_DIR
    if args.pool:
        real_pages, expected = os.path.join(args.pool, "pages"), os.path.join(args.pool, "expected")
    if args.show:
        spec_path = os.path.join(expected, args.show + ".json")
        page = os.path.join(real_pages, args.show, "source.html")
        spec, markup, exp, probs = real_expectation(ee, args.show, page, spec_path)
        for b in exp["blocks"]:
            print(f"[{b['kind']}] {b['text']}\n")
        for p in probs:
            print("PROBLEM: " + p)
        return 1 if probs else 0

    sets = [args.only] if args.only else ["shared", "dev"] + (["heldout"] if args.heldout else [])
    if args.pool:
        sets = ["pool"]
    if args.only == "heldout" and not args.heldout:
        ap.error("--only heldout needs --heldout: the held-out pages are for the final measurement")

    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    problems = []
    if "shared" in sets:
        build_shared(ee, bc, shared)
    for split in ("dev", "heldout"):
        if split in sets:
            problems += build_real(ee, bc, real_pages, expected, split)
    if "pool" in sets:
        problems += build_real(ee, bc, real_pages, expected, None, "pool")
    for p in problems:
        print("expectation problem: " + p, file=sys.stderr)

    groups = []
    if "shared" in sets:
        groups += [("shared HTML", [os.path.join(shared, "samples"), os.path.join(shared, "corpus")]),
                   ("shared firefox", [os.path.join(OUT, "shared-firefox")]),
                   ("shared chrome", [os.path.join(OUT, "shared-chrome")])]
    for split in ("dev", "heldout", "pool"):
        if split in sets:
            groups += [(f"{split} HTML", [os.path.join(OUT, split + "-html")]),
                       (f"{split} firefox", [os.path.join(OUT, split + "-firefox")]),
                       (f"{split} chrome", [os.path.join(OUT, split + "-chrome")])]

    print(f"eval-corpus: {'oracle (self-test)' if args.oracle else args.cmd}")
    results = {}
    for label, paths in groups:
        paths = [p for p in paths if os.path.isdir(p)]
        rs = run_group(ee, paths, args.cmd, args.jobs, args.timeout, args.oracle) if paths else []
        results[label] = rs
        print(summary_line(ee, label, rs) if rs else f"{label:<18} no cases", flush=True)
        if args.verbose and rs:
            print_cases(rs)
    with open(os.path.join(OUT, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
