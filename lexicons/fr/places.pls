<?xml version="1.0" encoding="UTF-8"?>
<!-- French towns and departments of the news whose names eSpeak NG reads
     by the spelling rules where usage says otherwise: a silent letter said
     ("Metz" /mɛts/, "Doubs" /dub/, "Guingamp" with its p), a final s left
     mute ("Reims", "Alès", "Fréjus"), "x" as /ks/ ("Auxerre",
     "Chamonix"). "Bruxelles" is left to eSpeak NG: /bʁyksɛl/ is heard beside
     /bʁysɛl/. Each is spelled the way a French speaker says it, checked
     with espeak-ng -v fr -x; written by hand (espeak-places.pls is the
     script's). -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>Metz</grapheme><alias>Messe</alias></lexeme>
  <lexeme><grapheme>Guingamp</grapheme><alias>Guingan</alias></lexeme>
  <lexeme><grapheme>Auxerre</grapheme><alias>Aussère</alias></lexeme>
  <lexeme><grapheme>Craon</grapheme><alias>Cran</alias></lexeme>
  <lexeme><grapheme>Reims</grapheme><alias>Rince</alias></lexeme>
  <lexeme><grapheme>Gex</grapheme><alias>Gè</alias></lexeme>
  <lexeme><grapheme>Lens</grapheme><alias>Lance</alias></lexeme>
  <lexeme><grapheme>Doubs</grapheme><alias>Dou</alias></lexeme>
  <lexeme><grapheme>Gers</grapheme><alias>Gèrse</alias></lexeme>
  <lexeme><grapheme>Agen</grapheme><alias>Ajin</alias></lexeme>
  <lexeme><grapheme>Oyonnax</grapheme><alias>Oïonnaxe</alias></lexeme>
  <lexeme><grapheme>Chamonix</grapheme><alias>Chamoni</alias></lexeme>
  <lexeme><grapheme>Fréjus</grapheme><alias>Fréjusse</alias></lexeme>
  <lexeme><grapheme>Uzès</grapheme><alias>Uzèsse</alias></lexeme>
  <lexeme><grapheme>Argelès</grapheme><alias>Argelèsse</alias></lexeme>
  <lexeme><grapheme>Alès</grapheme><alias>Alèsse</alias></lexeme>
  <lexeme><grapheme>Quimper</grapheme><alias>Kinpère</alias></lexeme>
  <lexeme><grapheme>Saint-Brieuc</grapheme><alias>Saint-Brieu</alias></lexeme>
  <lexeme><grapheme>Wissembourg</grapheme><alias>Vissambourg</alias></lexeme>
  <lexeme><grapheme>Longwy</grapheme><alias>Lonwi</alias></lexeme>
</lexicon>
