#!/usr/bin/env python3
"""Inputs that are no article (front pages with and without teasers, login forms, error pages, a
consent wall, search results), English and French: each must be refused.
    python3 bench/probes/notart.py

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder)."""
from probe import WORK, read_article
import random
rnd = random.Random(4)
HEADS_EN = ["Mayor says city will hire more teachers next fall", "Fire destroys historic theater downtown", "Local team wins state championship in overtime",
 "New bakery opens on Main Street to long lines", "Highway reopens after crash", "School board delays vote on new calendar", "Police seek witnesses after downtown robbery",
 "City pool to open two weeks early", "Farmers market moves to new location", "Library launches summer reading challenge", "Storm closes schools across the region", "Council approves new budget after months of debate"]
TEASE_EN = ["The move follows months of complaints from parents.", "Firefighters battled the blaze for six hours before bringing it under control.", "The team came back from a ten-point deficit in the final minutes.",
 "Customers waited more than an hour on opening day.", "Two people were taken to the hospital with minor injuries.", "Officials said they needed more time to hear from families."]
HEADS_FR = ["La maire annonce l'embauche de nouveaux enseignants", "Un incendie ravage le vieux théâtre", "L'équipe locale remporte le championnat", "Une boulangerie ouvre rue Centrale",
 "L'autoroute rouverte après un accident", "Le conseil d'école reporte son vote", "Appel à témoins après un vol", "La piscine ouvrira plus tôt", "Le marché déménage place de la Gare",
 "La médiathèque lance un défi lecture", "Une tempête ferme les écoles de la région", "Le budget enfin adopté après des mois de débat"]
TEASE_FR = ["La décision fait suite à des mois de plaintes des parents.", "Les pompiers ont lutté six heures contre les flammes.", "L'équipe est revenue au score dans les dernières minutes.",
 "Les clients ont attendu plus d'une heure le jour de l'ouverture.", "Deux personnes ont été légèrement blessées.", "Les élus veulent prendre le temps d'écouter les familles."]
def front(lang, rnd, teasers):
    H, T = (HEADS_EN, TEASE_EN) if lang == 'en' else (HEADS_FR, TEASE_FR)
    nav = "Home\nNews\nSports\nOpinion\nSign In\n\n" if lang == 'en' else "Accueil\nActualité\nSport\nOpinions\nSe connecter\n\n"
    out = nav
    for h in rnd.sample(H, rnd.randint(6, 12)):
        out += h + "\n\n"
        if teasers: out += rnd.choice(T) + "\n\n"
        if rnd.random() < .4: out += ("3 hours ago\n\n" if lang == 'en' else "Il y a 3 heures\n\n")
    return out + ("Terms of Use\nPrivacy Policy\n" if lang == 'en' else "Mentions légales\nConfidentialité\n")
OTHER = {
 'login-en': "Home\nNews\n\nSign in to your account\n\nEmail address\n\nPassword\n\nForgot your password?\n\nSign in\n\nDon't have an account? Create one now and get unlimited access to our journalism.\n\nTerms of Use\nPrivacy Policy\n",
 'login-fr': "Accueil\n\nConnectez-vous à votre compte\n\nAdresse e-mail\n\nMot de passe\n\nMot de passe oublié ?\n\nSe connecter\n\nPas encore de compte ? Créez-en un et profitez de tous nos articles en illimité.\n\nMentions légales\n",
 '404-en': "Home\nNews\nSports\n\nPage not found\n\nSorry, the page you are looking for does not exist or has been moved. Try searching our site or go back to the home page.\n\nSearch\n\nTerms of Use\n",
 '404-fr': "Accueil\nActualité\n\nPage introuvable\n\nDésolé, la page que vous cherchez n'existe pas ou a été déplacée. Utilisez notre moteur de recherche ou revenez à la page d'accueil.\n\nRechercher\n\nMentions légales\n",
 'consent-fr': "Le Courrier du Val\n\nVotre vie privée nous importe\n\nNous et nos partenaires utilisons des cookies et des technologies similaires pour stocker et accéder à des informations sur votre appareil, afin de mesurer l'audience, personnaliser les contenus et les publicités et proposer des fonctionnalités de réseaux sociaux. Vous pouvez accepter, refuser ou paramétrer vos choix à tout moment.\n\nAccepter et continuer\nParamétrer\nContinuer sans accepter\n",
 'search-fr': "Accueil\n\nRésultats de recherche pour « budget »\n\n" + "".join(f"{h}\n12 mars 2024\n\n" for h in HEADS_FR[:8]) + "Page suivante\n",
}
bad = 0; n = 0
cases = [(f'front-{l}-{t}-{k}', front(l, rnd, t)) for l in ('en', 'fr') for t in (False, True) for k in range(5)] + list(OTHER.items())
for name, txt in cases:
    p, _ = read_article('na.txt', txt)
    n += 1
    if p.returncode == 0:
        bad += 1; print('ACCEPTED', name); open(f'{WORK}/na-{name}.txt', 'w').write(txt)
    else:
        print('refused ', name, '|', p.stderr.strip().split('no article to read: ')[-1][:70])
print(n, 'cases', bad, 'accepted')
