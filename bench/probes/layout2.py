#!/usr/bin/env python3
"""Titles of browser copies on synthetic layouts, English and French at random: skip links, cookie
banners, site headers, breadcrumbs, promos, tickers, picture alt texts, kickers, deks, six byline
forms, share bars, photo credits, reading times.
    python3 bench/probes/layout2.py [CASES=300] [SEED=11]

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder)."""
from probe import WORK, read_article
import random, sys
L = {
'en': dict(
 titles=["Council Approves New Budget After Months of Debate", "City council approves new budget after months of debate",
         "Exclusive: Council approves new budget after months of debate", "Will the new budget fix the city's roads?",
         "‘We finally have a plan’: council approves new budget", "How a small town fixed its budget"],
 dek="The plan sets aside money for road repairs, two new libraries and child care.",
 body=["The city council voted on Tuesday to approve a budget that had been stalled since the summer, ending a long dispute between the mayor and several members.",
 "The plan sets aside money for road repairs, two new libraries and a program that helps families pay for child care, according to documents released after the vote.",
 "Several residents spoke before the vote, and most of them said they were relieved that the city would finally have a budget in place for the coming year.",
 "The mayor said she would sign the budget this week and thanked the members who had worked with her office to find a compromise that everyone could accept."],
 hazards=dict(
  skip="Skip to main content", nav="Home\nNews\nSports\nPolitics\nBusiness\nOpinion\nSubscribe\nSign In",
  cookie="We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.\nAccept\nManage settings",
  sitedate="The Daily Planet\nTuesday, December 13, 2016", crumb="Home › News › Local",
  trending="Trending\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\nLocal team wins state championship in overtime",
  promo="Get the morning briefing in your inbox\nSign up", ticker="Latest\n5:02 PM Storm closes schools across the region\n4:45 PM Highway reopens after crash",
  alt="Photo of City Hall at dusk"),
 kick=["", "Local News", "ANALYSIS", "Politics"],
 by=["By Jane Smith\nDecember 13, 2016", "By Jane Smith | December 13, 2016 at 5:23 PM", "Jane Smith\nPublished 5:23 p.m. ET Dec. 13, 2016", "", "Posted on December 13, 2016 by Jane Smith", "December 13, 2016"],
 mid=["", "Advertisement", "Share\nTweet\nEmail", "Council members listen during Tuesday's meeting at City Hall.\nJohn Doe / Daily Planet", "Listen to this article\n5 min read", "12 Comments"],
 foot="Most Read\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\n\nTerms of Use\nPrivacy Policy\nContact Us"),
'fr': dict(
 titles=["Le conseil municipal adopte enfin le budget après des mois de débat", "Budget : le conseil municipal trouve un accord après des mois de débat",
         "« Nous avons enfin un plan » : le conseil adopte le budget", "Le nouveau budget va-t-il sauver les routes de la ville ?",
         "Comment une petite ville a redressé ses comptes", "Municipales : la majorité fait voter son budget"],
 dek="Le plan prévoit des crédits pour la voirie, deux nouvelles médiathèques et la garde d'enfants.",
 body=["Le conseil municipal a voté mardi un budget bloqué depuis l'été, mettant fin à un long différend entre la maire et plusieurs élus de sa majorité.",
 "Le plan prévoit des crédits pour la réfection des routes, deux nouvelles médiathèques et un dispositif qui aide les familles à payer la garde de leurs enfants.",
 "Plusieurs habitants ont pris la parole avant le vote, et la plupart se sont dits soulagés que la ville dispose enfin d'un budget pour l'année à venir.",
 "La maire a indiqué qu'elle signerait le budget cette semaine et a remercié les élus qui ont travaillé avec son cabinet pour trouver un compromis acceptable."],
 hazards=dict(
  skip="Aller au contenu principal", nav="Accueil\nActualité\nPolitique\nÉconomie\nSport\nCulture\nS'abonner\nSe connecter",
  cookie="Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre site. En poursuivant votre navigation, vous acceptez leur utilisation.\nAccepter\nParamétrer",
  sitedate="Le Courrier du Val\nMardi 13 décembre 2016", crumb="Accueil › Actualité › Politique",
  trending="Les plus lus\nLa maire annonce l'embauche de nouveaux enseignants\nUn incendie ravage le vieux théâtre\nL'équipe locale remporte le championnat",
  promo="Recevez notre newsletter chaque matin\nJe m'inscris", ticker="Fil info\n17:02 Une tempête ferme les écoles de la région\n16:45 L'autoroute rouverte après un accident",
  alt="Photo de l'hôtel de ville au crépuscule"),
 kick=["", "Politique", "ANALYSE", "Municipales"],
 by=["Par Jeanne Martin\nLe 13 décembre 2016 à 17h23", "Par Jeanne Martin | Publié le 13/12/2016 à 17h23", "Jeanne Martin\nPublié le 13 décembre 2016", "", "Publié le 13 décembre 2016 à 17h23, mis à jour à 18h02", "13 décembre 2016"],
 mid=["", "Publicité", "Partager\nTwitter\nE-mail", "Les élus écoutent pendant la séance de mardi à l'hôtel de ville.\nJean Dupont / Le Courrier", "Écouter cet article\nTemps de lecture : 3 min", "12 commentaires"],
 foot="Les plus lus\nLa maire annonce l'embauche de nouveaux enseignants\nUn incendie ravage le vieux théâtre\n\nMentions légales\nConfidentialité\nContact"),
}
def build(lang, rnd, chrome):
    d = L[lang]; sep = "\n" if chrome else "\n\n"
    tops = rnd.sample(sorted(d['hazards']), rnd.randint(0, 3))
    order = ['skip', 'cookie', 'sitedate', 'nav', 'crumb', 'promo', 'trending', 'ticker', 'alt']
    tops.sort(key=order.index)
    t = rnd.choice(d['titles'])
    blocks = [d['hazards'][h] for h in tops]
    k = rnd.choice(d['kick'])
    if k: blocks.append(k)
    blocks.append(t)
    if rnd.random() < .5: blocks.append(d['dek'])
    by, mid = rnd.choice(d['by']), rnd.choice(d['mid'])
    if rnd.random() < .3: blocks += [mid, by]
    else: blocks += [by, mid]
    blocks += d['body'] + [d['foot']]
    return "\n\n".join(b for b in blocks if b) + "\n", t, dict(tops=tops, kick=k, by=by[:12], mid=mid[:12], title=t[:20])
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
n = bad = 0
for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 200):
    lang = rnd.choice(['en', 'fr'])
    txt, t, desc = build(lang, rnd, False)
    p, out = read_article('ly2.txt', txt)
    n += 1
    out = out or {}
    if out.get('title') != t:
        bad += 1; print('BAD', lang, desc, '->', (out.get('title') or '')[:50], p.returncode)
        if len(sys.argv) > 3: open(f'{WORK}/bad{bad}.txt', 'w').write(txt)
print(n, 'cases', bad, 'bad')
