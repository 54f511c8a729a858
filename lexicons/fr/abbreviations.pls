<?xml version="1.0" encoding="UTF-8"?>
<!-- Abbreviations of French news text and how they are said. A grapheme
     that ends with a full stop matches only with that stop; a grapheme may
     span several tokens ("av. J.-C."). "Me" and "Mes" are expanded only
     before a name (lexicons/fr/before-name.txt). -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>M.</grapheme><alias>Monsieur</alias></lexeme>
  <lexeme><grapheme>MM.</grapheme><alias>Messieurs</alias></lexeme>
  <lexeme><grapheme>Mme</grapheme><alias>Madame</alias></lexeme>
  <lexeme><grapheme>Mmes</grapheme><alias>Mesdames</alias></lexeme>
  <lexeme><grapheme>Mlle</grapheme><alias>Mademoiselle</alias></lexeme>
  <lexeme><grapheme>Mlles</grapheme><alias>Mesdemoiselles</alias></lexeme>
  <lexeme><grapheme>Me</grapheme><alias>maître</alias></lexeme>
  <lexeme><grapheme>Mes</grapheme><alias>maîtres</alias></lexeme>
  <lexeme><grapheme>Dr</grapheme><alias>docteur</alias></lexeme>
  <lexeme><grapheme>Drs</grapheme><alias>docteurs</alias></lexeme>
  <lexeme><grapheme>Pr</grapheme><alias>professeur</alias></lexeme>
  <lexeme><grapheme>Prs</grapheme><alias>professeurs</alias></lexeme>
  <lexeme><grapheme>Mgr</grapheme><alias>Monseigneur</alias></lexeme>
  <!-- "Arturo Perez Jr.", "Martin Luther King Jr": an American son's
       name, said in English by French news too. "Sr" is no Senior here:
       it is as often a sister of a religious order ("Sr Marie"). -->
  <lexeme><grapheme>Jr.</grapheme><grapheme>Jr</grapheme><alias>Junior</alias></lexeme>
  <lexeme><grapheme>Vve</grapheme><alias>veuve</alias></lexeme>
  <lexeme><grapheme>St</grapheme><alias>Saint</alias></lexeme>
  <lexeme><grapheme>Ste</grapheme><alias>Sainte</alias></lexeme>
  <lexeme><grapheme>Sts</grapheme><alias>Saints</alias></lexeme>
  <lexeme><grapheme>Stes</grapheme><alias>Saintes</alias></lexeme>
  <lexeme><grapheme>n°</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>N°</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>n°s</grapheme><grapheme>N°s</grapheme><grapheme>nºs</grapheme><alias>numéros</alias></lexeme>
  <lexeme><grapheme>p.</grapheme><alias>page</alias></lexeme>
  <lexeme><grapheme>no</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>No</grapheme><grapheme>No.</grapheme><grapheme>no.</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>pp.</grapheme><alias>pages</alias></lexeme>
  <lexeme><grapheme>etc.</grapheme><alias>etcétéra</alias></lexeme>
  <lexeme><grapheme>cf.</grapheme><grapheme>cf</grapheme><alias>voir</alias></lexeme>
  <lexeme><grapheme>Cf.</grapheme><alias>voir</alias></lexeme>
  <lexeme><grapheme>env.</grapheme><alias>environ</alias></lexeme>
  <lexeme><grapheme>hab.</grapheme><alias>habitants</alias></lexeme>
  <!-- a weather table's "T° max.": température -->
  <lexeme><grapheme>T°C</grapheme><grapheme>T°</grapheme><grapheme>t°</grapheme><alias>température</alias></lexeme>
  <!-- opening hours, "ouvert tlj": tous les jours -->
  <lexeme><grapheme>tlj</grapheme><alias>tous les jours</alias></lexeme>
  <!-- a recipe's "sel qs": quantité suffisante -->
  <lexeme><grapheme>qs</grapheme><grapheme>q.s.</grapheme><alias>quantité suffisante</alias></lexeme>
  <!-- a shoot-out after a drawn match, "(5-4 t.a.b.)": aux tirs au but;
       "tab" alone only after a score (rule_shootout, time.c): "tab. 1" is a
       table, "la touche tab" a key -->
  <lexeme><grapheme>t.a.b.</grapheme><alias>aux tirs au but</alias></lexeme>
  <!-- a football report's own goal, "(17e, csc)": contre son camp -->
  <lexeme><grapheme>csc</grapheme><alias>contre son camp</alias></lexeme>
  <!-- an oven's setting in a recipe, "th. 6": before a number only -->
  <lexeme><grapheme>th.</grapheme><grapheme>Th.</grapheme><alias>thermostat</alias></lexeme>
  <lexeme><grapheme>av. J.-C.</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. J.-C.</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>ap. J.-C.</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>J.-C.</grapheme><alias>Jésus-Christ</alias></lexeme>
  <!-- the era's other spellings: after "av." it is no avenue -->
  <lexeme><grapheme>av. J.C.</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>av. JC</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>av. J-C</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>av. J.-C</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>av. notre ère</grapheme><alias>avant notre ère</alias></lexeme>
  <lexeme><grapheme>av. n. è.</grapheme><alias>avant notre ère</alias></lexeme>
  <lexeme><grapheme>apr. J.C.</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. JC</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. J-C</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. J.-C</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. notre ère</grapheme><alias>après notre ère</alias></lexeme>
  <lexeme><grapheme>apr. n. è.</grapheme><alias>après notre ère</alias></lexeme>
  <lexeme><grapheme>ap. J.C.</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>ap. JC</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>ap. J-C</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>ap. J.-C</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>ap. notre ère</grapheme><alias>après notre ère</alias></lexeme>
  <lexeme><grapheme>ap. n. è.</grapheme><alias>après notre ère</alias></lexeme>
  <lexeme><grapheme>av.</grapheme><alias>avenue</alias></lexeme>
  <lexeme><grapheme>ave.</grapheme><alias>avenue</alias></lexeme>
  <lexeme><grapheme>bd</grapheme><alias>boulevard</alias></lexeme>
  <lexeme><grapheme>bd.</grapheme><alias>boulevard</alias></lexeme>
  <lexeme><grapheme>Bd</grapheme><alias>boulevard</alias></lexeme>
  <!-- "3, pl. Bellecour": a square before its name (before-name.txt); "pl. III" is a plate -->
  <lexeme><grapheme>pl.</grapheme><alias>place</alias></lexeme>
  <lexeme><grapheme>Cie</grapheme><alias>compagnie</alias></lexeme>
  <lexeme><grapheme>Cies</grapheme><alias>compagnies</alias></lexeme>
  <lexeme><grapheme>cie</grapheme><alias>compagnie</alias></lexeme>
  <lexeme><grapheme>Sté</grapheme><alias>société</alias></lexeme>
  <lexeme><grapheme>éd.</grapheme><alias>édition</alias></lexeme>
  <lexeme><grapheme>coll.</grapheme><alias>collection</alias></lexeme>
  <!-- a book's or a seminar's editors: "X (dir.)", "X (coord.)"; a university in an affiliation -->
  <lexeme><grapheme>dir.</grapheme><alias>direction</alias></lexeme>
  <lexeme><grapheme>coord.</grapheme><alias>coordination</alias></lexeme>
  <lexeme><grapheme>univ.</grapheme><alias>université</alias></lexeme>
  <lexeme><grapheme>Univ.</grapheme><alias>Université</alias></lexeme>
  <lexeme><grapheme>vol.</grapheme><alias>volume</alias></lexeme>
  <lexeme><grapheme>chap.</grapheme><alias>chapitre</alias></lexeme>
  <!-- a seat or a licence class before its number, "cat. 1", "cat. B" is left -->
  <lexeme><grapheme>cat.</grapheme><alias>catégorie</alias></lexeme>
  <!-- a part of a law text or a figure, only before its number (before-number.txt):
       "le marché de l'art." and "Dupont et al." stay words -->
  <lexeme><grapheme>art.</grapheme><alias>article</alias></lexeme>
  <lexeme><grapheme>Art.</grapheme><alias>article</alias></lexeme>
  <lexeme><grapheme>arts.</grapheme><alias>articles</alias></lexeme>
  <!-- "art." after a plural article is plural: "les art. 1103 et 1104" -->
  <lexeme><grapheme>les art.</grapheme><alias>les articles</alias></lexeme>
  <lexeme><grapheme>Les art.</grapheme><alias>Les articles</alias></lexeme>
  <lexeme><grapheme>des art.</grapheme><alias>des articles</alias></lexeme>
  <lexeme><grapheme>aux art.</grapheme><alias>aux articles</alias></lexeme>
  <!-- codes and chambers in court reports: "C. civ.", "Cass. soc., 16 déc. 2020" -->
  <lexeme><grapheme>C. civ.</grapheme><grapheme>c. civ.</grapheme><alias>code civil</alias></lexeme>
  <lexeme><grapheme>C. trav.</grapheme><grapheme>c. trav.</grapheme><alias>code du travail</alias></lexeme>
  <lexeme><grapheme>C. pén.</grapheme><grapheme>c. pén.</grapheme><alias>code pénal</alias></lexeme>
  <lexeme><grapheme>C. com.</grapheme><grapheme>c. com.</grapheme><alias>code de commerce</alias></lexeme>
  <lexeme><grapheme>C. consom.</grapheme><grapheme>c. consom.</grapheme><alias>code de la consommation</alias></lexeme>
  <lexeme><grapheme>Cass. civ.</grapheme><alias>Cassation civile</alias></lexeme>
  <lexeme><grapheme>Cass. soc.</grapheme><alias>Cassation sociale</alias></lexeme>
  <lexeme><grapheme>Cass. com.</grapheme><alias>Cassation commerciale</alias></lexeme>
  <lexeme><grapheme>Cass. crim.</grapheme><alias>Cassation criminelle</alias></lexeme>
  <lexeme><grapheme>Cass.</grapheme><alias>Cassation</alias></lexeme>
  <lexeme><grapheme>civ.</grapheme><alias>civile</alias></lexeme>
  <lexeme><grapheme>al.</grapheme><alias>alinéa</alias></lexeme>
  <lexeme><grapheme>par.</grapheme><alias>paragraphe</alias></lexeme>
  <lexeme><grapheme>fig.</grapheme><alias>figure</alias></lexeme>
  <lexeme><grapheme>Fig.</grapheme><alias>figure</alias></lexeme>
  <lexeme><grapheme>tab.</grapheme><alias>tableau</alias></lexeme>
  <lexeme><grapheme>Tab.</grapheme><alias>tableau</alias></lexeme>
  <lexeme><grapheme>c.-à-d.</grapheme><alias>c'est-à-dire</alias></lexeme>
  <lexeme><grapheme>p.ex.</grapheme><alias>par exemple</alias></lexeme>
  <lexeme><grapheme>p. ex.</grapheme><alias>par exemple</alias></lexeme>
  <lexeme><grapheme>janv.</grapheme><alias>janvier</alias></lexeme>
  <lexeme><grapheme>févr.</grapheme><alias>février</alias></lexeme>
  <lexeme><grapheme>avr.</grapheme><alias>avril</alias></lexeme>
  <lexeme><grapheme>juil.</grapheme><alias>juillet</alias></lexeme>
  <lexeme><grapheme>juill.</grapheme><alias>juillet</alias></lexeme>
  <lexeme><grapheme>oct.</grapheme><alias>octobre</alias></lexeme>
  <lexeme><grapheme>nov.</grapheme><alias>novembre</alias></lexeme>
  <lexeme><grapheme>déc.</grapheme><alias>décembre</alias></lexeme>
  <!-- a quarter in company results: "au 3e trim.", "1er trim. 2024" -->
  <lexeme><grapheme>trim.</grapheme><alias>trimestre</alias></lexeme>
  <lexeme><grapheme>Gal</grapheme><alias>général</alias></lexeme>
  <lexeme><grapheme>Gén.</grapheme><alias>général</alias></lexeme>
  <lexeme><grapheme>Cdt</grapheme><alias>commandant</alias></lexeme>
  <lexeme><grapheme>Lt</grapheme><alias>lieutenant</alias></lexeme>
  <lexeme><grapheme>Cne</grapheme><alias>capitaine</alias></lexeme>
  <lexeme><grapheme>Col.</grapheme><alias>colonel</alias></lexeme>
  <lexeme><grapheme>Sgt</grapheme><alias>sergent</alias></lexeme>
  <lexeme><grapheme>Adj.</grapheme><alias>adjudant</alias></lexeme>
  <lexeme><grapheme>tél.</grapheme><alias>téléphone</alias></lexeme>
  <lexeme><grapheme>Tél.</grapheme><alias>téléphone</alias></lexeme>
  <lexeme><grapheme>ex.</grapheme><alias>exemple</alias></lexeme>
  <!-- "ex :" before its example (before-colon.txt): "son ex" stays. -->
  <lexeme><grapheme>ex</grapheme><alias>exemple</alias></lexeme>
  <lexeme><grapheme>Ex</grapheme><alias>Exemple</alias></lexeme>
  <lexeme><grapheme>vs</grapheme><alias>contre</alias></lexeme>
  <lexeme><grapheme>vs.</grapheme><alias>contre</alias></lexeme>
  <lexeme><grapheme>resp.</grapheme><alias>respectivement</alias></lexeme>
  <lexeme><grapheme>Éts</grapheme><alias>établissements</alias></lexeme>
  <lexeme><grapheme>Ets</grapheme><alias>établissements</alias></lexeme>
  <lexeme><grapheme>Pdt</grapheme><alias>président</alias></lexeme>
  <lexeme><grapheme>dépt</grapheme><alias>département</alias></lexeme>
  <lexeme><grapheme>mds</grapheme><alias>milliards</alias></lexeme>
  <lexeme><grapheme>Mds</grapheme><alias>milliards</alias></lexeme>
  <lexeme><grapheme>Md</grapheme><alias>milliard</alias></lexeme>
  <lexeme><grapheme>Mrd</grapheme><alias>milliard</alias></lexeme>
  <lexeme><grapheme>Dr.</grapheme><alias>docteur</alias></lexeme>
  <lexeme><grapheme>Pr.</grapheme><alias>professeur</alias></lexeme>
  <lexeme><grapheme>Drs.</grapheme><alias>docteurs</alias></lexeme>
  <lexeme><grapheme>Mgr.</grapheme><alias>Monseigneur</alias></lexeme>
  <lexeme><grapheme>Mme.</grapheme><alias>Madame</alias></lexeme>
  <lexeme><grapheme>St.</grapheme><alias>Saint</alias></lexeme>
  <lexeme><grapheme>Ste.</grapheme><alias>Sainte</alias></lexeme>
  <lexeme><grapheme>Cdt.</grapheme><alias>commandant</alias></lexeme>
  <lexeme><grapheme>cdt</grapheme><alias>commandant</alias></lexeme>
  <lexeme><grapheme>Lt.</grapheme><alias>lieutenant</alias></lexeme>
  <lexeme><grapheme>Gal.</grapheme><alias>général</alias></lexeme>
  <lexeme><grapheme>Me.</grapheme><alias>maître</alias></lexeme>
  <lexeme><grapheme>nº</grapheme><grapheme>Nº</grapheme><alias>numéro</alias></lexeme>
  <!-- Forms real pages write: street types, civil status, months in
       dates and agendas, the telephone, messages. -->
  <lexeme><grapheme>Av.</grapheme><alias>avenue</alias></lexeme>
  <lexeme><grapheme>Bd</grapheme><alias>boulevard</alias></lexeme>
  <!-- "3, pl. Bellecour": a square before its name (before-name.txt); "pl. III" is a plate -->
  <lexeme><grapheme>pl.</grapheme><alias>place</alias></lexeme>
  <lexeme><grapheme>Bd.</grapheme><alias>boulevard</alias></lexeme>
  <lexeme><grapheme>ép.</grapheme><alias>épouse</alias></lexeme>
  <lexeme><grapheme>Tél</grapheme><alias>téléphone</alias></lexeme>
  <!-- "Tel : 04 94…", without its accent: only before a number (before-number.txt), "tel" is a word -->
  <lexeme><grapheme>Tel</grapheme><alias>téléphone</alias></lexeme>
  <lexeme><grapheme>Tel.</grapheme><alias>téléphone</alias></lexeme>
  <lexeme><grapheme>tél.</grapheme><alias>téléphone</alias></lexeme>
  <lexeme><grapheme>RDV</grapheme><alias>rendez-vous</alias></lexeme>
  <lexeme><grapheme>rdv</grapheme><alias>rendez-vous</alias></lexeme>
  <lexeme><grapheme>SVP</grapheme><alias>s'il vous plaît</alias></lexeme>
  <lexeme><grapheme>svp</grapheme><alias>s'il vous plaît</alias></lexeme>
  <lexeme><grapheme>C.-B.</grapheme><alias>Colombie-Britannique</alias></lexeme>
  <!-- The other abbreviations of Canada's French press (the provinces, the
       United States), and "a.i.", the acting minister of Belgian and Swiss pages -->
  <lexeme><grapheme>É.-U.</grapheme><alias>États-Unis</alias></lexeme>
  <lexeme><grapheme>N.-B.</grapheme><alias>Nouveau-Brunswick</alias></lexeme>
  <lexeme><grapheme>N.-É.</grapheme><alias>Nouvelle-Écosse</alias></lexeme>
  <lexeme><grapheme>Î.-P.-É.</grapheme><alias>Île-du-Prince-Édouard</alias></lexeme>
  <lexeme><grapheme>T.-N.-L.</grapheme><alias>Terre-Neuve-et-Labrador</alias></lexeme>
  <lexeme><grapheme>T.N.-O.</grapheme><alias>Territoires du Nord-Ouest</alias></lexeme>
  <lexeme><grapheme>a.i.</grapheme><alias>ad intérim</alias></lexeme>
  <!-- Quebec's boulevard; the note-taker's "quelque chose", "quelqu'un" -->
  <lexeme><grapheme>boul.</grapheme><alias>boulevard</alias></lexeme>
  <lexeme><grapheme>qqch</grapheme><alias>quelque chose</alias></lexeme>
  <lexeme><grapheme>w-e</grapheme><grapheme>W-E</grapheme><grapheme>w.-e.</grapheme><alias>week-end</alias></lexeme>
  <lexeme><grapheme>qqn</grapheme><alias>quelqu'un</alias></lexeme>
  <lexeme><grapheme>JANV.</grapheme><alias>janvier</alias></lexeme>
  <lexeme><grapheme>FÉVR.</grapheme><alias>février</alias></lexeme>
  <lexeme><grapheme>AVR.</grapheme><alias>avril</alias></lexeme>
  <lexeme><grapheme>JUIL.</grapheme><alias>juillet</alias></lexeme>
  <lexeme><grapheme>JUILL.</grapheme><alias>juillet</alias></lexeme>
  <lexeme><grapheme>OCT.</grapheme><alias>octobre</alias></lexeme>
  <lexeme><grapheme>NOV.</grapheme><alias>novembre</alias></lexeme>
  <lexeme><grapheme>DÉC.</grapheme><alias>décembre</alias></lexeme>
  <!-- A Greek letter standing alone is a symbol said by its French name
       ("l'interféron γ", "β-bloquant"); inside a Greek word it is not matched. -->
  <lexeme><grapheme>α</grapheme><alias>alpha</alias></lexeme>
  <lexeme><grapheme>β</grapheme><alias>bêta</alias></lexeme>
  <lexeme><grapheme>γ</grapheme><alias>gamma</alias></lexeme>
  <lexeme><grapheme>δ</grapheme><alias>delta</alias></lexeme>
  <lexeme><grapheme>ε</grapheme><alias>epsilon</alias></lexeme>
  <lexeme><grapheme>ζ</grapheme><alias>dzêta</alias></lexeme>
  <lexeme><grapheme>η</grapheme><alias>êta</alias></lexeme>
  <lexeme><grapheme>θ</grapheme><alias>têta</alias></lexeme>
  <lexeme><grapheme>κ</grapheme><alias>kappa</alias></lexeme>
  <lexeme><grapheme>λ</grapheme><alias>lambda</alias></lexeme>
  <lexeme><grapheme>μ</grapheme><alias>mu</alias></lexeme>
  <lexeme><grapheme>ν</grapheme><alias>nu</alias></lexeme>
  <lexeme><grapheme>ξ</grapheme><alias>ksi</alias></lexeme>
  <lexeme><grapheme>π</grapheme><alias>pi</alias></lexeme>
  <lexeme><grapheme>ρ</grapheme><alias>rhô</alias></lexeme>
  <lexeme><grapheme>σ</grapheme><alias>sigma</alias></lexeme>
  <lexeme><grapheme>τ</grapheme><alias>tau</alias></lexeme>
  <lexeme><grapheme>φ</grapheme><alias>phi</alias></lexeme>
  <lexeme><grapheme>χ</grapheme><alias>khi</alias></lexeme>
  <lexeme><grapheme>ψ</grapheme><alias>psi</alias></lexeme>
  <lexeme><grapheme>ω</grapheme><alias>oméga</alias></lexeme>
  <lexeme><grapheme>Δ</grapheme><alias>delta</alias></lexeme>
  <lexeme><grapheme>Σ</grapheme><alias>sigma</alias></lexeme>
  <lexeme><grapheme>Ω</grapheme><alias>oméga</alias></lexeme>
  <lexeme><grapheme>Φ</grapheme><alias>phi</alias></lexeme>
  <lexeme><grapheme>Ψ</grapheme><alias>psi</alias></lexeme>
  <lexeme><grapheme>Γ</grapheme><alias>gamma</alias></lexeme>
  <lexeme><grapheme>Λ</grapheme><alias>lambda</alias></lexeme>
  <lexeme><grapheme>Π</grapheme><alias>pi</alias></lexeme>
  <lexeme><grapheme>Θ</grapheme><alias>têta</alias></lexeme>
  <lexeme><grapheme>et suiv.</grapheme><alias>et suivantes</alias></lexeme>
  <lexeme><grapheme>et ss.</grapheme><alias>et suivantes</alias></lexeme>
  <lexeme><grapheme>pers.</grapheme><alias>personnes</alias></lexeme>
  <!-- days: before a number only (lexicons/fr/before-number.txt: "mer." and
       "jeu." end sentences as words), or in the spans of opening hours
       ("du lun. au ven.") -->
  <lexeme><grapheme>lun.</grapheme><alias>lundi</alias></lexeme>
  <lexeme><grapheme>mar.</grapheme><alias>mardi</alias></lexeme>
  <lexeme><grapheme>mer.</grapheme><alias>mercredi</alias></lexeme>
  <lexeme><grapheme>jeu.</grapheme><alias>jeudi</alias></lexeme>
  <lexeme><grapheme>ven.</grapheme><alias>vendredi</alias></lexeme>
  <lexeme><grapheme>sam.</grapheme><alias>samedi</alias></lexeme>
  <lexeme><grapheme>dim.</grapheme><alias>dimanche</alias></lexeme>
  <lexeme><grapheme>lun. au mar.</grapheme><alias>lundi au mardi</alias></lexeme>
  <lexeme><grapheme>lun. au mer.</grapheme><alias>lundi au mercredi</alias></lexeme>
  <lexeme><grapheme>lun. au jeu.</grapheme><alias>lundi au jeudi</alias></lexeme>
  <lexeme><grapheme>lun. au ven.</grapheme><alias>lundi au vendredi</alias></lexeme>
  <lexeme><grapheme>lun. au sam.</grapheme><alias>lundi au samedi</alias></lexeme>
  <lexeme><grapheme>lun. au dim.</grapheme><alias>lundi au dimanche</alias></lexeme>
  <lexeme><grapheme>mar. au mer.</grapheme><alias>mardi au mercredi</alias></lexeme>
  <lexeme><grapheme>mar. au jeu.</grapheme><alias>mardi au jeudi</alias></lexeme>
  <lexeme><grapheme>mar. au ven.</grapheme><alias>mardi au vendredi</alias></lexeme>
  <lexeme><grapheme>mar. au sam.</grapheme><alias>mardi au samedi</alias></lexeme>
  <lexeme><grapheme>mar. au dim.</grapheme><alias>mardi au dimanche</alias></lexeme>
  <lexeme><grapheme>mer. au jeu.</grapheme><alias>mercredi au jeudi</alias></lexeme>
  <lexeme><grapheme>mer. au ven.</grapheme><alias>mercredi au vendredi</alias></lexeme>
  <lexeme><grapheme>mer. au sam.</grapheme><alias>mercredi au samedi</alias></lexeme>
  <lexeme><grapheme>mer. au dim.</grapheme><alias>mercredi au dimanche</alias></lexeme>
  <lexeme><grapheme>jeu. au ven.</grapheme><alias>jeudi au vendredi</alias></lexeme>
  <lexeme><grapheme>jeu. au sam.</grapheme><alias>jeudi au samedi</alias></lexeme>
  <lexeme><grapheme>jeu. au dim.</grapheme><alias>jeudi au dimanche</alias></lexeme>
  <lexeme><grapheme>ven. au sam.</grapheme><alias>vendredi au samedi</alias></lexeme>
  <lexeme><grapheme>ven. au dim.</grapheme><alias>vendredi au dimanche</alias></lexeme>
  <lexeme><grapheme>sam. au dim.</grapheme><alias>samedi au dimanche</alias></lexeme>
  <!-- Latin and editorial abbreviations eSpeak NG reads as letters or cut words -->
  <lexeme><grapheme>i.e.</grapheme><alias>c'est-à-dire</alias></lexeme>
  <lexeme><grapheme>e.g.</grapheme><alias>par exemple</alias></lexeme>
  <lexeme><grapheme>N.B.</grapheme><alias>nota béné</alias></lexeme>
  <lexeme><grapheme>P.-S.</grapheme><alias>post-scriptum</alias></lexeme>
  <lexeme><grapheme>P.S.</grapheme><alias>post-scriptum</alias></lexeme>
  <lexeme><grapheme>S.M.</grapheme><alias>Sa Majesté</alias></lexeme>
  <lexeme><grapheme>S.A.R.</grapheme><alias>Son Altesse Royale</alias></lexeme>
  <lexeme><grapheme>ibid.</grapheme><alias>ibidem</alias></lexeme>
  <lexeme><grapheme>Ibid.</grapheme><alias>ibidem</alias></lexeme>
  <lexeme><grapheme>trad.</grapheme><alias>traduit</alias></lexeme>
  <lexeme><grapheme>réf.</grapheme><alias>référence</alias></lexeme>
  <lexeme><grapheme>Réf.</grapheme><alias>référence</alias></lexeme>
  <lexeme><grapheme>max.</grapheme><alias>maximum</alias></lexeme>
  <lexeme><grapheme>min.</grapheme><alias>minimum</alias></lexeme>
  <lexeme><grapheme>moy.</grapheme><alias>moyenne</alias></lexeme>
  <!-- street words of addresses -->
  <lexeme><grapheme>Fg</grapheme><alias>faubourg</alias></lexeme>
  <lexeme><grapheme>fg</grapheme><alias>faubourg</alias></lexeme>
  <lexeme><grapheme>Imp.</grapheme><alias>impasse</alias></lexeme>
  <lexeme><grapheme>imp.</grapheme><alias>impasse</alias></lexeme>
  <lexeme><grapheme>Chem.</grapheme><alias>chemin</alias></lexeme>
  <lexeme><grapheme>chem.</grapheme><alias>chemin</alias></lexeme>
  <lexeme><grapheme>Rte</grapheme><alias>route</alias></lexeme>
  <lexeme><grapheme>rte</grapheme><alias>route</alias></lexeme>
  <!-- Abbreviations of notices, listings and results that are no French
       word, so that no context is needed: "Rens. au 04…", "le 15e arrdt",
       "approx. 3 kg", "Nbre de places". ("dép." is départ or département,
       "mini." a word, "sem." semaine or semestre: left as written.) -->
  <lexeme><grapheme>H24</grapheme><alias>vingt-quatre heures sur vingt-quatre</alias></lexeme>
  <lexeme><grapheme>Rens.</grapheme><alias>renseignements</alias></lexeme>
  <lexeme><grapheme>rens.</grapheme><alias>renseignements</alias></lexeme>
  <lexeme><grapheme>arrdt</grapheme><alias>arrondissement</alias></lexeme>
  <lexeme><grapheme>arrdt.</grapheme><alias>arrondissement</alias></lexeme>
  <lexeme><grapheme>approx.</grapheme><alias>approximativement</alias></lexeme>
  <lexeme><grapheme>nbre</grapheme><alias>nombre</alias></lexeme>
  <lexeme><grapheme>Nbre</grapheme><alias>nombre</alias></lexeme>
</lexicon>
