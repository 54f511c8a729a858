#!/usr/bin/env python3
"""Browser copies of synthetic pages, made by ../shared/eval/browser_copy.py in its Firefox and
Chrome flavors: a site header with a logo, buttons and a menu, a breadcrumb, share buttons, figures
with alt texts and credits, lists, subheads and quotes in the body, inline ads and related boxes
with thumbnails, tags, an author box, a sidebar, comments, a footer; an author's photo, an update
line, a reading time, key points over the body, a video block inside it. English and French at random.
The page itself is read too. Prints each case with a wrong title, recall or precision under 0.95,
or a failed run, then per input (the page, each copy) the mean recall and precision of the body
(lede and blocks; captions are read only on demand) and the titles right.
    python3 bench/probes/copies.py [CASES=100] [SEED=7]
    REAL=1 python3 bench/probes/copies.py …     # French paragraphs of real sentences (corpus-real)

What the Chrome flavor adds (buttons, alt texts, lists without bullets or blank lines) is what a
held-out figure can show and not explain; here it is built on purpose.

SYNTHETIC: written by the project, for finding failure modes on layouts nobody tuned for. Not a
held-out figure (see bench/eval-npm.py, bench/eval-mercury.py). Runs ./oralise (or $ORALISE) from
the checkout; failing cases are saved in $PROBE_DIR (default: a new temporary folder). Needs the
shared folder (../shared, or $SHARED) for browser_copy.py; prints SKIPPED without it."""
from probe import WORK, read_article, browser_copy, spoken_text
import os, random, re, sys
from collections import Counter

bc = browser_copy()

EN = dict(
 lang="en", site="The Daily Planet",
 nav=["Home", "News", "Sports", "Politics", "Business", "Opinion", "Arts"],
 buttons=["Menu", "Search", "Subscribe", "Sign In"], crumb=["Home", "News", "Local"],
 kick="Politics", share=["Share", "Facebook", "Twitter", "Email", "Print"],
 titles=["Council Approves New Budget After Months of Debate", "City council approves new budget after months of debate",
         "How a small town fixed its budget", "Will the new budget fix the city's roads?"],
 dek="The plan sets aside money for road repairs, two new libraries and child care.",
 by=['<p class="byline">By <a rel="author" href="/u/js">Jane Smith</a></p><time datetime="2016-12-13T17:23">December 13, 2016 at 5:23 p.m.</time>',
     '<div class="meta">Posted on <time>December 13, 2016</time> by <span class="author">Jane Smith</span></div>',
     '<span class="author">Jane Smith</span> | <span class="date">Dec. 13, 2016</span>'],
 subj=["The council", "The mayor", "Her office", "The committee", "A spokesman for the city", "Several residents",
       "The state auditor", "Two members of the board", "The union", "Local business owners", "The transit agency", "A group of parents"],
 verb=["said on Tuesday that", "argued in a letter that", "told reporters that", "wrote in a statement that", "warned last month that", "agreed during the meeting that"],
 obj=["the plan would cost more than expected", "the work should begin in the spring", "the budget left out the parks",
      "taxes would not rise this year", "the buses were too old to repair", "the vote had come too late", "the sidewalks were a priority",
      "the city could not wait any longer", "the money would run out by the summer", "the library hours would be extended"],
 sub="What happens next", quote="“We finally have a plan,” the mayor said.",
 lead_in="The plan includes:", items=["new buses for three routes", "wider sidewalks downtown", "more street lights in parks"],
 alt="Council members listen during the meeting at City Hall", caption="Residents wait to speak on Tuesday.", credit="John Doe / Daily Planet",
 ad="Advertisement", related="Related", heads=["Mayor says city will hire more teachers next fall", "Fire destroys historic theater downtown",
 "Local team wins state championship in overtime", "New bakery opens on Main Street to long lines"],
 tags="Topics", tag_items=["Budget", "City Hall", "Taxes"], bio="Jane Smith covers City Hall for the Daily Planet. She joined the paper in 2009.",
 popular="Most Read", comments="2 Comments", reply="Reply",
 posts=[("Bob K.", "This is a disgrace. The council should have voted no and sent the plan back to the committee for another look."),
        ("Mary L.", "Finally some good news for our neighborhood, I have waited years for these sidewalks.")],
 foot=["About Us", "Contact", "Terms of Use", "Privacy Policy"], copy="© 2016 The Daily Planet. All rights reserved.",
 updated="Updated 6:02 PM ET, Tue December 13, 2016", readtime="5 min read", author="Jane Smith",
 video=("Now Playing", "Watch: the council votes on the budget", "1:32"),
 points=("Key points", ["The council approved a budget for the coming year after a long dispute.", "Money goes to road repairs, two libraries and child care."]),
 newsletter=("Get the morning briefing", "The day's top stories in your inbox.", "Sign up"))
FR = dict(
 lang="fr", site="Le Courrier du Val",
 nav=["Accueil", "Actualité", "Sport", "Politique", "Économie", "Culture", "Société"],
 buttons=["Menu", "Rechercher", "S'abonner", "Se connecter"], crumb=["Accueil", "Actualité", "Politique"],
 kick="Politique", share=["Partager", "Facebook", "Twitter", "E-mail", "Imprimer"],
 titles=["Le conseil municipal adopte enfin le budget après des mois de débat", "Budget : le conseil municipal trouve un accord",
         "Comment une petite ville a redressé ses comptes", "Le nouveau budget va-t-il sauver les routes de la ville ?"],
 dek="Le plan prévoit des crédits pour la voirie, deux nouvelles médiathèques et la garde d'enfants.",
 by=['<p class="byline">Par <a rel="author" href="/u/jm">Jeanne Martin</a></p><time datetime="2016-12-13T17:23">Le 13 décembre 2016 à 17h23</time>',
     '<div class="meta">Publié le <time>13 décembre 2016</time> par <span class="author">Jeanne Martin</span></div>',
     '<span class="author">Jeanne Martin</span> | <span class="date">13/12/2016</span>'],
 subj=["Le conseil municipal", "La maire", "Son cabinet", "La commission", "Un porte-parole de la ville", "Plusieurs habitants",
       "Le préfet", "Deux élus de l'opposition", "Le syndicat", "Les commerçants du centre", "La régie des transports", "Un collectif de parents"],
 verb=["a affirmé mardi que", "a estimé dans un courrier que", "a déclaré à la presse que", "a indiqué dans un communiqué que",
       "avait prévenu le mois dernier que", "a reconnu pendant la séance que"],
 obj=["le projet coûterait plus cher que prévu", "les travaux devraient commencer au printemps", "le budget oubliait les parcs",
      "les impôts n'augmenteraient pas cette année", "les bus étaient trop vieux pour être réparés", "le vote arrivait trop tard",
      "les trottoirs étaient une priorité", "la ville ne pouvait plus attendre", "l'argent manquerait dès l'été", "les horaires de la médiathèque seraient élargis"],
 sub="Et maintenant ?", quote="« Nous avons enfin un plan », s'est félicitée la maire.",
 lead_in="Le plan prévoit :", items=["de nouveaux bus sur trois lignes", "des trottoirs élargis en centre-ville", "plus d'éclairage dans les parcs"],
 alt="Les élus écoutent pendant la séance à l'hôtel de ville", caption="Les habitants attendent de prendre la parole, mardi soir.", credit="Jean Dupont / Le Courrier",
 ad="Publicité", related="Sur le même sujet", heads=["La maire annonce l'embauche de nouveaux enseignants", "Un incendie ravage le vieux théâtre",
 "L'équipe locale remporte le championnat", "Une boulangerie ouvre rue Centrale"],
 tags="Mots-clés", tag_items=["Budget", "Mairie", "Impôts"], bio="Jeanne Martin suit la politique municipale pour le Courrier du Val depuis 2009.",
 popular="Les plus lus", comments="2 commentaires", reply="Répondre",
 posts=[("Bernard K.", "C'est une honte. Le conseil aurait dû voter contre et renvoyer le projet en commission pour un nouvel examen."),
        ("Marie L.", "Enfin une bonne nouvelle pour notre quartier, j'attends ces trottoirs depuis des années.")],
 foot=["Qui sommes-nous", "Contact", "Mentions légales", "Confidentialité"], copy="© 2016 Le Courrier du Val. Tous droits réservés.",
 updated="Mis à jour le 13/12/2016 à 18h02", readtime="Lecture : 5 min", author="Jeanne Martin",
 video=("En cours de lecture", "Vidéo : le conseil vote le budget", "1:32"),
 points=("L'essentiel", ["Le conseil a adopté le budget de l'année après un long différend.", "Les crédits iront aux routes, à deux médiathèques et à la garde d'enfants."]),
 newsletter=("Recevez notre newsletter", "L'essentiel de l'actualité chaque matin.", "Je m'inscris"))


def links(items, cls=""):
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(items)) + "</ul>"


def thumbs(d):
    return "<ul>" + "".join(f'<li><a href="/t{i}"><img src="t{i}.jpg" alt="{h}"></a><a href="/t{i}">{h}</a></li>'
                            for i, h in enumerate(d["heads"][:3])) + "</ul>"


def header(d, rnd):
    parts = [f'<a href="/"><img src="logo.png" alt="{d["site"]}"></a>']
    if rnd.random() < .6:
        parts.append("".join(f"<button>{b}</button>" for b in rnd.sample(d["buttons"], rnd.randint(1, 3))))
    parts.append("<nav>" + links(d["nav"]) + "</nav>")
    if rnd.random() < .4:
        parts.append('<ol class="breadcrumb">' + "".join(f"<li><a href='/'>{c}</a></li>" for c in d["crumb"]) + "</ol>")
    return "<header>" + "".join(parts) + "</header>"


def real_sentences():
    """With REAL=1, the French pages' paragraphs are real sentences of
    ../shared/corpus-real/sentences.txt (eight words or more, ending on a full stop) instead of
    the made-up ones: real prose in the layouts' hazards."""
    if not os.environ.get("REAL"):
        return None
    shared = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
    with open(os.path.join(shared, "corpus-real", "sentences.txt"), encoding="utf-8") as f:
        # a real paywall's notice is among them ("Il vous reste 57 % de cet article à lire."): it
        # ends the article wherever it is set, rightly, and is left out
        return [l.strip() for l in f if len(l.split()) >= 8 and l.strip()[-1:] in ".!?" and
                not re.search(r"Il vous reste .* à lire", l)]


REAL = real_sentences()


def body(d, rnd):
    """The article's inner blocks and the expected body text."""
    pool = [f"{s} {v} {o}." for s in d["subj"] for v in d["verb"] for o in d["obj"]]
    if REAL and d is FR:
        pool = rnd.sample(REAL, 40)
    rnd.shuffle(pool)
    paras = [" ".join(pool.pop() for _ in range(rnd.choice([1, 2, 2, 3]))) for _ in range(rnd.randint(4, 10))]
    html = [f"<p>{p}</p>" for p in paras]
    expect = list(paras)
    extras = rnd.sample(["sub", "quote", "list", "figure", "ad", "related", "newsletter", "inline_img"], rnd.randint(0, 4))
    for x in extras:
        at = rnd.randint(1, len(html) - 1)
        if x == "sub":
            html.insert(at, f"<h2>{d['sub']}</h2>"); expect.append(d["sub"])
        elif x == "quote":
            html.insert(at, f"<blockquote><p>{d['quote']}</p></blockquote>"); expect.append(d["quote"])
        elif x == "list":
            html.insert(at, f"<p>{d['lead_in']}</p><ul>" + "".join(f"<li>{i}</li>" for i in d["items"]) + "</ul>")
            expect += [d["lead_in"]] + d["items"]
        elif x == "figure":
            html.insert(at, f'<figure><img src="f.jpg" alt="{d["alt"]}"><figcaption>{d["caption"]} <span class="credit">{d["credit"]}</span></figcaption></figure>')
        elif x == "ad":
            html.insert(at, f'<div class="ad"><span>{d["ad"]}</span></div>')
        elif x == "related":
            html.insert(at, f'<aside class="related"><h3>{d["related"]}</h3>{thumbs(d)}</aside>')
        elif x == "newsletter":
            n = d["newsletter"]
            html.insert(at, f'<div class="nl"><h3>{n[0]}</h3><p>{n[1]}</p><form><input type="email"><button>{n[2]}</button></form></div>')
        elif x == "inline_img":
            html.insert(at, f'<p><img src="i.jpg" alt="{d["alt"]}"></p>')
    return "".join(html), expect


def more_hazards(d, extra, inner, expect):
    """Hazards drawn from a second random stream, so that the first one (and the figures
    reported before they were added) stays as it was: an author's photo, an update line, a
    reading time, key points over the body, a video block inside it."""
    head = ""
    if extra.random() < .3:
        head += f'<img src="a.jpg" alt="{d["author"]}">'
    if extra.random() < .3:
        head += f'<p class="updated">{d["updated"]}</p>'
    if extra.random() < .3:
        head += f'<span class="readtime">{d["readtime"]}</span>'
    if extra.random() < .25:
        label, items = d["points"]
        inner = f'<div class="summary"><h2>{label}</h2><ul>' + "".join(f"<li>{i}</li>" for i in items) + "</ul></div>" + inner
        expect = items + expect
    if extra.random() < .3:
        v = d["video"]
        cut = inner.find("</p>", len(inner) // 2)
        if cut > 0:
            inner = inner[:cut + 4] + f'<div class="player"><span>{v[0]}</span><h3>{v[1]}</h3><span>{v[2]}</span></div>' + inner[cut + 4:]
    return head, inner, expect


def page(rnd, extra):
    d = EN if rnd.random() < .5 else FR
    title = rnd.choice(d["titles"])
    inner, expect = body(d, rnd)
    more_head, inner, expect = more_hazards(d, extra, inner, expect)
    top = f'<a class="kicker" href="/k">{d["kick"]}</a>' if rnd.random() < .4 else ""
    dek = f'<p class="dek">{d["dek"]}</p>' if rnd.random() < .4 else ""
    if dek:
        expect.insert(0, d["dek"])            # a dek is the lede: it is read
    share = rnd.choice(["", '<div class="share">' + "".join(f"<button>{s}</button>" for s in d["share"][:3]) + "</div>",
                        '<div class="share">' + links(d["share"]) + "</div>"])
    lead_fig = (f'<figure><img src="lead.jpg" alt="{d["alt"]}"><figcaption>{d["caption"]} {d["credit"]}</figcaption></figure>'
                if rnd.random() < .5 else "")
    tail = rnd.sample(["tags", "bio", "share"], rnd.randint(0, 2))
    after = "".join({"tags": f'<div class="tags"><span>{d["tags"]}</span>' + links(d["tag_items"]) + "</div>",
                     "bio": f'<div class="author-box"><img src="a.jpg" alt="Photo"><p>{d["bio"]}</p></div>',
                     "share": share or '<div class="share">' + links(d["share"]) + "</div>"}[t] for t in tail)
    art = (f'<article>{top}<h1>{title}</h1>{dek}{more_head}{rnd.choice(d["by"])}{share}{lead_fig}'
           f'<div class="body">{inner}</div>{after}</article>')
    side = f'<aside class="sidebar"><h3>{d["popular"]}</h3>{thumbs(d)}</aside>' if rnd.random() < .6 else ""
    com = ""
    if rnd.random() < .35:
        com = f'<section class="comments"><h3>{d["comments"]}</h3>' + "".join(
            f'<div class="c"><b>{n}</b><p>{t}</p><button>{d["reply"]}</button></div>' for n, t in d["posts"]) + "</section>"
    foot = f'<footer>{links(d["foot"])}<p>{d["copy"]}</p></footer>'
    main = f"<main>{art}{com}</main>"
    parts = [header(d, rnd), main, side, foot] if rnd.random() < .6 else [header(d, rnd), side, main, foot]
    head = f'<meta charset="utf-8"><title>{title} | {d["site"]}</title>'
    markup = f'<!DOCTYPE html><html lang="{d["lang"]}"><head>{head}</head><body>{"".join(parts)}</body></html>'
    return markup, title, expect, dict(lang=d["lang"], dek=bool(dek), kick=bool(top), fig=bool(lead_fig), side=bool(side), com=bool(com), tail=tail)


def words(s):
    return re.findall(r"\w+", s.lower())


def main():
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rnd = random.Random(seed)
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    stats = {f: [0, 0, 0, 0] for f in ("html", "firefox", "chrome")}      # recall, precision, titles right, bad
    for k in range(cases):
        markup, title, expect, desc = page(rnd, random.Random(seed * 100003 + k))
        for flavor in stats:
            ext = "html" if flavor == "html" else "txt"
            text = markup if flavor == "html" else bc.page_text(markup, flavor=flavor)
            pr, o = read_article(f"c{k}-{flavor}.{ext}", text)
            o = o or {}
            got = spoken_text(o)
            e, g = Counter(words(" ".join(expect))), Counter(words(got))
            common = sum((e & g).values())
            r, p = common / max(1, sum(e.values())), common / max(1, sum(g.values()))
            s = stats[flavor]; s[0] += r; s[1] += p; s[2] += o.get("title") == title
            if o.get("title") != title or r < .95 or p < .95 or pr.returncode:
                s[3] += 1
                print("BAD", k, flavor, round(r, 2), round(p, 2), pr.returncode, desc, "->", (o.get("title") or "")[:40], pr.stderr.strip()[:60])
            else:
                os.remove(os.path.join(WORK, f"c{k}-{flavor}.{ext}"))
    for f, s in stats.items():
        print(f"{f}: n={cases} bad={s[3]} recall {s[0]/cases:.3f} precision {s[1]/cases:.3f} titles {s[2]}/{cases}")


if __name__ == "__main__":
    main()
