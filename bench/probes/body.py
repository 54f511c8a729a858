#!/usr/bin/env python3
"""Bodies of browser copies: an article of unique sentences with hazards at random places (inline
related boxes, a big box near the top, a poll, a gallery, an embedded post, a pull quote, a list,
ads, a newsletter box, 'Continue reading') and comments (announced, or only signed with a name and a
date) or teasers under it. Prints word recall and
precision of the body read (lede and blocks), and the worst cases.
    python3 bench/probes/body.py [CASES=150] [SEED=5] [en|fr]

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder)."""
from probe import WORK, read_article, spoken_text
import random, sys, re
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
FR = len(sys.argv) > 3 and sys.argv[3] == "fr"
EN_SENT = ["The council met for more than four hours on Tuesday night.", "Residents lined up to speak before the vote.",
 "Several members said they had received hundreds of emails from constituents.", "The mayor did not respond to a request for comment.",
 "Officials expect the work to begin in the spring and to last about two years.", "It was the third time this year that the proposal had come to a vote.",
 "Critics argued that the plan would raise taxes for families who can least afford it.", "Supporters said the city could not wait any longer.",
 "The budget includes money for new buses, wider sidewalks and more street lights.", "He declined to say how he would vote next month.",
 "That changed last week.", "Nobody knows.", "The state will cover about a third of the cost, according to the agreement.",
 "Her office released a statement late on Wednesday.", "The vote was seven to two."]
SHORT_P = ["That changed last week.", "Nobody knows.", "He declined to comment.", "The vote was seven to two."]
SUBJ = ["The council", "The mayor", "Her office", "The committee", "A spokesman for the city", "Several residents", "The state auditor", "Two members of the board", "The union", "Local business owners", "The transit agency", "A group of parents"]
VERB = ["said on Tuesday that", "argued in a letter that", "told reporters that", "wrote in a statement that", "warned last month that", "agreed during the meeting that"]
OBJ = ["the plan would cost more than expected", "the work should begin in the spring", "the budget left out the parks", "taxes would not rise this year", "the buses were too old to repair", "the vote had come too late", "the sidewalks were a priority", "the city could not wait any longer", "the money would run out by the summer", "the library hours would be extended"]
POOL = [f"{s} {v} {o}." for s in SUBJ for v in VERB for o in OBJ]
def para(rnd):
    n = rnd.choice([1, 1, 2, 2, 3, 4])
    if rnd.random() < .08:
        return rnd.choice(SHORT_P)
    return " ".join(POOL.pop(rnd.randrange(len(POOL))) for _ in range(n))
HAZ = {
 'ad': ("Advertisement", False), 'readmore': ("READ MORE: Fire destroys historic theater downtown", False),
 'related': ("Related\nMayor says city will hire more teachers next fall\nLocal team wins state championship in overtime", False),
 'photo': ("Residents wait to speak at the meeting on Tuesday.\nJohn Doe / Daily Planet", False),
 'sub': ("What happens next", True),
 'quote': ("“We finally have a plan,” the mayor said.", True),
 'list': ("The plan includes:\n\n  • new buses for three routes\n  • wider sidewalks downtown\n  • more street lights in parks", True),
 'newsletter': ("Sign up for our newsletter\nGet the day's top stories in your inbox every morning.\nSign up", False),
 'tweet': ("Big night at City Hall. The budget finally passed. pic.twitter.com/abc123\n— Jane Smith (@janesmith) December 13, 2016", False),
 'continue': ("Continue reading below", False),
 'bigbox': ("More stories\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\nLocal team wins state championship in overtime\nNew bakery opens on Main Street to long lines\nHighway reopens after crash\nSchool board delays vote on new calendar\nPolice seek witnesses after downtown robbery\nCity pool to open two weeks early\nFarmers market moves to new location\nLibrary launches summer reading challenge", False),
 'gallery': ("Photos: Budget night at City Hall\n1 of 6\nResidents wait to speak.\n2 of 6\nThe mayor listens.\n3 of 6\nMembers vote.\nExpand\nPrevious\nNext", False),
 'poll': ("Poll\nDo you support the new budget?\nYes\nNo\nNot sure\nVote\nView results", False),
}
HEAD = "Home\nNews\nSports\nPolitics\n\nCouncil Approves New Budget After Months of Debate\n\nBy Jane Smith\nDecember 13, 2016\n\n"
FOOT = ["Most Read\nMayor says city will hire more teachers next fall\nFire destroys historic theater downtown\n\nTerms of Use\nPrivacy Policy",
        "12 Comments\n\nBob K.\nThis is a disgrace. The council should have voted no and sent the plan back to the committee for another look.\nReply\n\nMary L.\nFinally some good news for our neighborhood, I have waited years for these sidewalks.\nReply\n\nTerms of Use",
        "Share this article\nFacebook\nTwitter\n\nMore from News\nFire destroys historic theater downtown\nLocal team wins state championship in overtime",
        "Bob K.\nDecember 13, 2016 at 6:02 pm\nThis is a disgrace. The council should have voted no and sent the plan back to the committee.\n\nmary_l\nDecember 13, 2016 at 7:15 pm\nFinally some good news for our neighborhood.\n\nTerms of Use"]
if FR:
    SUBJ = ["Le conseil municipal", "La maire", "Son cabinet", "La commission", "Un porte-parole de la ville", "Plusieurs habitants", "Le préfet", "Deux élus de l'opposition", "Le syndicat", "Les commerçants du centre", "La régie des transports", "Un collectif de parents"]
    VERB = ["a affirmé mardi que", "a estimé dans un courrier que", "a déclaré à la presse que", "a indiqué dans un communiqué que", "avait prévenu le mois dernier que", "a reconnu pendant la séance que"]
    OBJ = ["le projet coûterait plus cher que prévu", "les travaux devraient commencer au printemps", "le budget oubliait les parcs", "les impôts n'augmenteraient pas cette année", "les bus étaient trop vieux pour être réparés", "le vote arrivait trop tard", "les trottoirs étaient une priorité", "la ville ne pouvait plus attendre", "l'argent manquerait dès l'été", "les horaires de la médiathèque seraient élargis"]
    SHORT_P = ["Rien n'est joué.", "Personne ne sait.", "Il n'a pas souhaité réagir.", "Le vote a été serré."]
    HAZ = {
     'ad': ("Publicité", False), 'readmore': ("À lire aussi : Un incendie ravage le vieux théâtre", False),
     'related': ("Sur le même sujet\nLa maire annonce l'embauche de nouveaux enseignants\nL'équipe locale remporte le championnat", False),
     'photo': ("Les habitants attendent de prendre la parole, mardi soir.\nJean Dupont / Le Courrier du Val", False),
     'sub': ("Et maintenant ?", True),
     'quote': ("« Nous avons enfin un plan », s'est félicitée la maire.", True),
     'list': ("Le plan prévoit :\n\n  • de nouveaux bus sur trois lignes\n  • des trottoirs élargis en centre-ville\n  • plus d'éclairage dans les parcs", True),
     'newsletter': ("Recevez notre newsletter\nL'essentiel de l'actualité locale chaque matin dans votre boîte mail.\nJe m'inscris", False),
     'tweet': ("Grosse soirée à l'hôtel de ville. Le budget est enfin voté. pic.twitter.com/abc123\n— Jeanne Martin (@jeannemartin) 13 décembre 2016", False),
     'continue': ("La suite après cette publicité", False),
     'bigbox': ("Nos vidéos\nLa maire annonce l'embauche de nouveaux enseignants\nUn incendie ravage le vieux théâtre\nL'équipe locale remporte le championnat\nUne boulangerie ouvre rue Centrale\nL'autoroute rouverte après un accident\nLe conseil d'école reporte son vote\nAppel à témoins après un vol\nLa piscine ouvre plus tôt", False),
     'gallery': ("En images : la soirée du budget\n1 / 6\nLes habitants attendent.\n2 / 6\nLa maire écoute.\n3 / 6\nLes élus votent.\nAgrandir\nPrécédent\nSuivant", False),
     'poll': ("Sondage\nÊtes-vous favorable au nouveau budget ?\nOui\nNon\nNe se prononce pas\nVoter\nVoir les résultats", False),
    }
    HEAD = "Accueil\nActualité\nSport\nPolitique\n\nLe conseil municipal adopte enfin le budget après des mois de débat\n\nPar Jeanne Martin\nLe 13 décembre 2016 à 17h23\n\n"
    FOOT = ["Les plus lus\nLa maire annonce l'embauche de nouveaux enseignants\nUn incendie ravage le vieux théâtre\n\nMentions légales\nConfidentialité",
            "12 commentaires\n\nBernard K.\nC'est une honte. Le conseil aurait dû voter contre et renvoyer le projet en commission pour un nouvel examen.\nRépondre\n\nMarie L.\nEnfin une bonne nouvelle pour notre quartier, j'attends ces trottoirs depuis des années.\nRépondre\n\nMentions légales",
            "Partager l'article\nFacebook\nTwitter\n\nDans la même rubrique\nUn incendie ravage le vieux théâtre\nL'équipe locale remporte le championnat",
            "Bernard K.\n13 décembre 2016 à 18h02\nC'est une honte. Le conseil aurait dû voter contre et renvoyer le projet en commission.\n\nmarie_l\n13 décembre 2016 à 19h15\nEnfin une bonne nouvelle pour notre quartier.\n\nMentions légales"]
def words(s): return re.findall(r"\w+", s.lower())
tot_r = tot_p = 0; n = 0; worst = []
for k in range(int(sys.argv[1]) if len(sys.argv) > 1 else 100):
    blocks, expect = [], []
    POOL[:] = [f"{a} {v} {o}." for a in SUBJ for v in VERB for o in OBJ]
    npar = rnd.randint(4, 12)
    haz = rnd.sample(sorted(HAZ), rnd.randint(0, 4))
    pos = {h: (rnd.randint(1, 2) if h in ('bigbox', 'gallery', 'poll') else rnd.randint(1, npar - 1)) for h in haz}
    for i in range(npar):
        for h in haz:
            if pos[h] == i:
                txt, keep = HAZ[h]; blocks.append(txt)
                if keep: expect.append(txt.replace("  • ", ""))
        p = para(rnd); blocks.append(p); expect.append(p)
    foot = rnd.choice(FOOT)
    txt = HEAD + "\n\n".join(blocks) + "\n\n" + foot + "\n"
    _, o = read_article('body.txt', txt)
    try: got = spoken_text(o)
    except Exception: got = ""
    from collections import Counter
    e, g = Counter(words(" ".join(expect))), Counter(words(got))
    common = sum((e & g).values())
    r = common / max(1, sum(e.values())); p = common / max(1, sum(g.values()))
    tot_r += r; tot_p += p; n += 1
    if r < .95 or p < .95:
        worst.append((round(r, 2), round(p, 2), haz, foot[:10], k))
        open(f'{WORK}/body{k}.txt', 'w').write(txt)
print(f"n={n} recall {tot_r/n:.3f} precision {tot_p/n:.3f}")
for w in sorted(worst)[:25]: print(w)
