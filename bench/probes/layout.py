#!/usr/bin/env python3
"""Titles of browser copies on synthetic English layouts: menus, today's date under a site name,
a 'Trending' block, a BREAKING banner, kickers, deks, bylines before or after a share bar, a photo
and its credit. Prints each case whose title is wrong, then 'N cases N bad'.
    python3 bench/probes/layout.py [CASES=400]

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder)."""
from probe import WORK, read_article
import itertools, random, sys
T = {
 'plain': "Council Approves New Budget After Months of Debate",
 'sent': "City council approves new budget after months of debate",
 'colon': "Exclusive: Council approves new budget after months of debate",
 'quest': "Will the new budget fix the city's roads?",
 'quote': "‘We finally have a plan’: council approves new budget",
 'long': "After months of bitter debate and two failed votes, the city council finally approves a budget that funds roads and libraries",
 'short': "Budget approved",
}
DEK = "The plan sets aside money for road repairs, two new libraries and child care."
BODY = ("The city council voted on Tuesday to approve a budget that had been stalled since the summer, ending a long dispute between the mayor and several members.\n\n"
"The plan sets aside money for road repairs, two new libraries and a program that helps families pay for child care, according to documents released after the vote.\n\n"
"Several residents spoke before the vote, and most of them said they were relieved that the city would finally have a budget in place for the coming year.\n\n"
"The mayor said she would sign the budget this week and thanked the members who had worked with her office to find a compromise that everyone could accept.\n\n")
NAV = "Home\nNews\nSports\nPolitics\nBusiness\nOpinion\nSubscribe\nSign In\n\n"
SITEDATE = "The Daily Planet\nTuesday, December 13, 2016\nToday's Paper\n\n"
TRENDING = "Trending\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\nLocal team wins state championship in overtime\nNew bakery opens on Main Street to long lines\n\n"
BREAK = "BREAKING: Storm closes schools across the region\n\n"
KICK = "ANALYSIS\n\n"
SECTION = "Local News\n\n"
AD = "Advertisement\n\n"
SHARE = "Share\nTweet\nEmail\n\n"
PHOTO = "Council members listen during Tuesday's meeting at City Hall.\nJohn Doe / Daily Planet\n\n"
BY = "By Jane Smith\nDecember 13, 2016\n\n"
BY1 = "By Jane Smith | December 13, 2016 at 5:23 PM\n\n"
BYNONE = ""
FOOT = "Most Read\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\n\nTerms of Use\nPrivacy Policy\nContact Us\n"
opts = {
 'top': ['', NAV, NAV + SITEDATE, SITEDATE + NAV, NAV + TRENDING, NAV + BREAK],
 'kick': ['', KICK, SECTION],
 'title': list(T),
 'dek': [False, True],
 'by': [BY, BY1, BYNONE, 'after'],
 'mid': ['', AD, SHARE, PHOTO, SHARE + PHOTO],
}
random.seed(7)
keys = list(opts)
combos = list(itertools.product(*[range(len(opts[k])) for k in keys]))
random.shuffle(combos)
bad = 0; n = 0
for c in combos[:int(sys.argv[1]) if len(sys.argv) > 1 else 300]:
    o = {k: opts[k][i] for k, i in zip(keys, c)}
    t = T[o['title']]
    parts = [o['top'], o['kick'], t + "\n\n"]
    if o['by'] == 'after':
        parts += [DEK + "\n\n" if o['dek'] else '', o['mid'], BY]
    else:
        parts += [DEK + "\n\n" if o['dek'] else '', o['by'], o['mid']]
    txt = ''.join(parts) + BODY + FOOT
    p, out = read_article('ly.txt', txt)
    n += 1
    out = out or {}
    got = out.get('title')
    if got != t:
        bad += 1
        print('BAD', {k: (v if k == 'title' else v[:14].replace('\n', '/') if isinstance(v, str) else v) for k, v in o.items()}, '->', (got or '')[:60], p.returncode)
print(n, 'cases', bad, 'bad')
