<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/espeak-french-places (eSpeak NG 1.51, iso-codes): 7 of the 14
     words of French place names eSpeak NG reads as English, each spelled the way
     French reads it the same and eSpeak NG keeps French. Do not edit: rerun the script. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>Barthélemy</grapheme><alias>Barthélemi</alias></lexeme>
  <lexeme><grapheme>Danemark</grapheme><alias>Danemarque</alias></lexeme>
  <lexeme><grapheme>Meurthe</grapheme><alias>Meurte</alias></lexeme>
  <lexeme><grapheme>Sarthe</grapheme><alias>Sarte</alias></lexeme>
  <lexeme><grapheme>Thurgovie</grapheme><alias>Turgovie</alias></lexeme>
  <lexeme><grapheme>Wiltz</grapheme><alias>Viltz</alias></lexeme>
  <lexeme><grapheme>Éthiopie</grapheme><alias>Éttiopie</alias></lexeme>
</lexicon>
