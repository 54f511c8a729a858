#!/usr/bin/env python3
"""Pages: the article in <article>, div.entry, section or a layout <td>; paragraphs as <p>, <div>
or text between <br><br>; the title in h1, h2 or a span; a byline, a figure, an ad or a related
box; comments in <p>s. Prints each case with a wrong title, recall or precision under 0.95, or a
failed run, then the mean recall and precision.
    python3 bench/probes/pages.py [CASES=150] [SEED=3] [firefox|chrome]
With a flavor, the page is read as the browser copy ../shared/eval/browser_copy.py makes of it
(needs the shared folder, ../shared or $SHARED; prints SKIPPED without it).

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder)."""
from probe import WORK, read_article, browser_copy, spoken_text
import random, sys, re
from collections import Counter
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else 3)
sys.argv += [''] * 3
FLAVOR = sys.argv[3]
bc = browser_copy() if FLAVOR else None
SUBJ = ["The council", "The mayor", "Her office", "The committee", "A spokesman for the city", "Several residents", "The state auditor", "Two members of the board", "The union", "Local business owners"]
VERB = ["said on Tuesday that", "argued in a letter that", "told reporters that", "wrote in a statement that", "warned last month that"]
OBJ = ["the plan would cost more than expected", "the work should begin in the spring", "the budget left out the parks", "taxes would not rise this year", "the buses were too old to repair", "the vote had come too late", "the sidewalks were a priority", "the city could not wait any longer"]
def words(s): return re.findall(r"\w+", s.lower())
TITLE = "Council Approves New Budget After Months of Debate"
def page(rnd):
    pool = [f"{a} {v} {o}." for a in SUBJ for v in VERB for o in OBJ]; rnd.shuffle(pool)
    paras = [" ".join(pool.pop() for _ in range(rnd.choice([1, 2, 3]))) for _ in range(rnd.randint(4, 10))]
    cont = rnd.choice(['article', 'div class="post-content"', 'div id="main"', 'div class="entry"', 'div', 'section', 'td'])
    ptag = rnd.choice(['p', 'p', 'p', 'div', 'br'])
    ttag = rnd.choice(['h1', 'h1', 'h2', 'div class="headline"', 'span class="title"'])
    by = rnd.choice(['<p class="byline">By Jane Smith</p>', '<span class="author">Jane Smith</span> <time datetime="2016-12-13">Dec. 13, 2016</time>',
                     '<div class="meta">Posted on December 13, 2016 by <a rel="author" href="/u/js">Jane Smith</a></div>', ''])
    meta = rnd.random() < .5
    head = f"<title>{TITLE} | The Daily Planet</title>" + (f'<meta property="og:title" content="{TITLE}">' if meta else '')
    nav = '<div class="top"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/login">Sign in</a></li></ul></div>'
    side = '<div class="col2"><h3>Most Popular</h3><ul>' + ''.join(f'<li><a href="/a{i}">{h}</a></li>' for i, h in enumerate(["Mayor says city will hire more teachers next fall", "Fire destroys historic theater downtown", "Local team wins state championship in overtime", "New bakery opens on Main Street to long lines"])) + '</ul></div>'
    foot = '<div class="bottom"><p>© 2016 The Daily Planet. All rights reserved.</p><a href="/terms">Terms of Use</a> <a href="/privacy">Privacy Policy</a></div>'
    comments = '<div class="c-list"><h3>12 Comments</h3><div class="c"><b>Bob K.</b><p>This is a disgrace. The council should have voted no and sent the plan back to the committee for another look.</p></div><div class="c"><b>Mary L.</b><p>Finally some good news for our neighborhood, I have waited years for these sidewalks.</p></div></div>' if rnd.random() < .4 else ''
    if ptag == 'br':
        body = "<br><br>\n".join(paras)
    else:
        t = ptag; body = "\n".join(f"<{t}>{p}</{t}>" for p in paras)
    mid = rnd.choice(['', '<div class="ad">Advertisement</div>', '<figure><img src="x.jpg" alt="City Hall"><figcaption>Residents wait to speak. (John Doe / Daily Planet)</figcaption></figure>',
                      '<div class="box"><h4>Related</h4><ul><li><a href="/r1">Mayor says city will hire more teachers next fall</a></li><li><a href="/r2">Highway reopens after crash</a></li></ul></div>'])
    if mid and ptag != 'br':
        lines = body.split("\n"); lines.insert(rnd.randint(1, len(lines) - 1), mid); body = "\n".join(lines)
    ctag = cont.split()[0]
    art = f"<{cont}><{ttag}>{TITLE}</{ttag.split()[0]}>{by}{body}</{ctag}>"
    if ctag == 'td':
        art = f"<table><tr><td>{side}</td>{art}</tr></table>"; side = ''
    lay = [nav, art, side, comments, foot] if rnd.random() < .7 else [nav, side, art, comments, foot]
    return f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>{''.join(lay)}</body></html>", paras, dict(cont=cont, p=ptag, t=ttag, by=by[:12], meta=meta, mid=mid[:12], c=bool(comments))
n = bad = 0; R = P = 0
for k in range(int(sys.argv[1]) if sys.argv[1] else 100):
    h, paras, d = page(rnd)
    if FLAVOR:
        h = bc.page_text(h, flavor=FLAVOR)
    pr, o = read_article('p.txt' if FLAVOR else 'p.html', h)
    n += 1
    o = o or {'title': None, 'blocks': []}
    got = spoken_text(o)
    e, g = Counter(words(" ".join(paras))), Counter(words(got)); c = sum((e & g).values())
    r = c / max(1, sum(e.values())); p = c / max(1, sum(g.values())); R += r; P += p
    if o.get('title') != TITLE or r < .95 or p < .95 or pr.returncode:
        bad += 1; print('BAD', round(r, 2), round(p, 2), pr.returncode, d, '->', (o.get('title') or '')[:40], pr.stderr.strip()[:60])
        open(f'{WORK}/hbad{k}.' + ('txt' if FLAVOR else 'html'), 'w').write(h)
print(f"n={n} bad={bad} recall {R/n:.3f} precision {P/n:.3f}")
