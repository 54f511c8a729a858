#!/usr/bin/env python3
"""Measure the article extractor on UNSEEN French pages: trafilatura's evaluation pages, as HTML and copies.

    python3 bench/eval-trafi.py               # dev half: aggregate lines
    python3 bench/eval-trafi.py -v            # dev half: and per-case missing and leaked snippets
    python3 bench/eval-trafi.py --heldout     # the held-out half too (final measurement only)
    python3 bench/eval-trafi.py --oracle      # self-test: outputs built from the expectations
    make eval-trafi [HELDOUT=1]

The pages: the French pages of adbar/trafilatura's evaluation set (Apache-2.0), its tests/evaldata.py
entries with their "with" snippets (text the extraction must hold) and "without" and "comments" snippets
(boilerplate and reader comments it must not hold), written by trafilatura's authors for their own
extractor. This machine cannot reach GitHub: the pages were read through the search tool's read_file and
copied by hand, outside the repository, into a pool folder (default ../trafi, or --pool DIR):
  POOL/french-entries.json   every French entry of evaldata.py (url, file, with, without, comments)
  POOL/pages/FILE            the pages, copied character for character but for the contents of
                             <script> (not JSON-LD), <style> and <svg>, long data: URIs and long comments,
                             which a reader never sees (SOURCES below gives the commit each was read at).
                             Two "with" snippets are in no stored version of their page (ledevoir's
                             "D'autres détails suivront.", infocomcgt's "Reportage JT 13 heures de France
                             2"): no extractor finds them.
When the pool is absent, the script prints a SKIPPED line and exits 0.

HELD-OUT RULE. The 27 French entries less the 5 that ../shared/corpus already holds (seen: tuned on) are
split once, by random.Random(20261205), into a dev half and a held-out half. The held-out half is run only
with --heldout, at the end of a piece of work, for its aggregate lines; -v never lists its cases.

Cases are written under build/eval-trafi/{dev,heldout}-{html,firefox,chrome}/ in the samples layout of
extract_eval.py (browser copies by ../shared/eval/browser_copy.py). The pages have no expected body or
title: the lines give snippets found, leaks and failed runs only ("short" is the share of snippets found).
"""

import argparse
import json
import os
import random
import runpy
import shutil
import sys
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "build", "eval-trafi")
SEED = 20261205

# Where each page of the pool was read (adbar/trafilatura, tests/eval/ or tests/cache/, at these commits;
# the snippets: tests/evaldata.py at 08eb92f03e60a89773aeff9a4644402fea0c3476), to build the pool again.
SOURCES = {
    "aoc.media.archaisme.html": "5f273d266ed764e4e76be0e4b60e1b73354f73e8",
    "archive.org-travaillent.html": "77a9465bb0fc532fad23c28b34013bcde399707c",
    "arteradio.com-nuls.html": "2f9fe7cf810e183da1fd6b493a8577e5640950fd",
    "blog.mondediplo.net.turpitude.html": "8c9bfd59652eee0701590a83f544ee2914ed7741",
    "bondyblog.fr.paris-8.html": "f818e38329d4d84030f314b1c5cef78a6dd50786",
    "dalloz-actualite.fr.raoult.html": "3508b88d2029d43cfd2f293b0aae53f3c2dfe9d2",
    "france.attc.org-privatisations.html": "2f9fe7cf810e183da1fd6b493a8577e5640950fd",
    "franceculture.fr.idees.html": "6e8f80d7502af3e36ec0db335b43bb57be4c7811",
    "infocomcgt.fr.caisse.html": "fd373e8840a6f06077b8980b45b5f2b95599defe",
    "lapresse.tn.parite.html": "f818e38329d4d84030f314b1c5cef78a6dd50786",
    "laviedesidees.fr.evaluation.html": "43062b94a9e57e7cb0ceea0f54b9d4529d2dc0f7",
    "ledevoir.com.trottinettes.html": "b67588f8fdc0f44222e222923d032abe841b3542",
    "legrandcontinent.eu.heran.html": "ed6fe8635a70f355882036c75681c3467f9fab31",
    "lopinion.fr.glyphosate.html": "3508b88d2029d43cfd2f293b0aae53f3c2dfe9d2",
    "medium.com.recherche.html": "b67588f8fdc0f44222e222923d032abe841b3542",
    "mesopinions.com.mutilation.html": "3508b88d2029d43cfd2f293b0aae53f3c2dfe9d2",
    "psl.eu.luniversite.html": "cd3f8c4d94bdb58b43688d1b633f192336ab2b9d",
    "regards.fr.enquetes.html": "5f273d266ed764e4e76be0e4b60e1b73354f73e8",
    "sauvonsluniversite.com.spip.html": "cd3f8c4d94bdb58b43688d1b633f192336ab2b9d",
    "soundofscience.fr.1927.html": "43062b94a9e57e7cb0ceea0f54b9d4529d2dc0f7",
    "sports.fr.lorient.html": "f0a767b0154377535bf1e54cdb37b88ca3e02216",
    "tdg.ch.chlorothalonil.html": "5f273d266ed764e4e76be0e4b60e1b73354f73e8",
}

# In ../shared/corpus/trafilatura already: seen, never scored here.
SEEN = {"madame.lefigaro.fr.dintestin.html", "gala.fr.surnom.html", "sciencesetavenir.fr.rumeur.html",
        "dw.com-elephants.html", "francais.radio.cz-ministre.html"}


# bench/eval-corpus.py's functions (its name has a dash: no import statement reaches it)
ec = types.SimpleNamespace(**runpy.run_path(os.path.join(REPO, "bench", "eval-corpus.py")))


def split(entries):
    """{file: "dev" | "heldout"} for the unseen entries, drawn once with the fixed seed."""
    names = sorted(e["file"] for e in entries if e["file"] not in SEEN)
    random.Random(SEED).shuffle(names)
    half = (len(names) + 1) // 2
    return {name: ("dev" if k < half else "heldout") for k, name in enumerate(names)}


def expectation(entry):
    exp = {"lang": "fr", "with": entry["with"]}
    leaks = entry.get("without", []) + entry.get("comments", [])
    if leaks:
        exp["without"] = leaks
    return exp


def build(ee, bc, pool, entries, groups):
    """Write each page of the groups as HTML and as two copies; return the pages missing from the pool."""
    shutil.rmtree(OUT, ignore_errors=True)
    missing = []
    for entry in entries:
        group = groups.get(entry["file"])
        if group is None:
            continue
        page = os.path.join(pool, "pages", entry["file"])
        if not os.path.isfile(page):
            missing.append(entry["file"])
            continue
        name = ec.slug(entry["file"].removesuffix(".html"))
        exp = expectation(entry)
        with open(page, "rb") as f:
            ec.write_case(os.path.join(OUT, group + "-html"), name, ".html", f.read(), exp)
        markup = ec.read_page(page)
        for flavor in ("firefox", "chrome"):
            ec.write_case(os.path.join(OUT, f"{group}-{flavor}"), name, ".txt", ec.copy_text(bc, markup, flavor), exp)
    return missing


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=ec.default_shared())
    ap.add_argument("--pool", default=os.path.normpath(os.path.join(REPO, "..", "trafi")))
    ap.add_argument("--cmd", default=ec.DEFAULT_CMD)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--heldout", action="store_true", help="run the held-out half too (final measurement)")
    ap.add_argument("--oracle", action="store_true", help="score outputs built from the expectations")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-case results of the dev half")
    args = ap.parse_args(argv)

    entries_path = os.path.join(args.pool, "french-entries.json")
    if not os.path.isdir(os.path.join(args.shared, "eval")) or not os.path.isfile(entries_path):
        print(f"eval-trafi: SKIPPED: needs {args.shared}/eval and the page pool {entries_path}")
        return 0
    ready = ec.evaluators("eval-trafi", os.path.abspath(args.shared), args.cmd, args.oracle)
    if isinstance(ready, int):
        return ready
    ee, bc = ready
    with open(entries_path, encoding="utf-8") as f:
        entries = json.load(f)
    halves = split(entries)
    groups = halves if args.heldout else {k: v for k, v in halves.items() if v == "dev"}
    missing = build(ee, bc, args.pool, entries, groups)
    dev = sum(1 for v in halves.values() if v == "dev")
    print(f"eval-trafi: {args.cmd}; {len(entries)} French entries, {len(SEEN)} seen, dev {dev}, "
          f"held-out {len(halves) - dev}" + (f"; {len(missing)} page(s) not in the pool yet" if missing else ""))
    for group in ("dev", "heldout"):
        for flavor in ("html", "firefox", "chrome"):
            d = os.path.join(OUT, f"{group}-{flavor}")
            if not os.path.isdir(d):
                continue
            rs = ec.run_group(ee, [d], args.cmd, args.jobs, args.timeout, args.oracle)
            print(ec.summary_line(ee, f"{group} {flavor}", rs), flush=True)
            if args.verbose and group == "dev":
                ec.print_cases(rs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
