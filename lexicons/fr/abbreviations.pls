<?xml version="1.0" encoding="UTF-8"?>
<!-- Abbreviations of French news text and how they are said. A grapheme
     that ends with a full stop matches only with that stop. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>M.</grapheme><alias>Monsieur</alias></lexeme>
  <lexeme><grapheme>MM.</grapheme><alias>Messieurs</alias></lexeme>
  <lexeme><grapheme>Mme</grapheme><alias>Madame</alias></lexeme>
  <lexeme><grapheme>Mmes</grapheme><alias>Mesdames</alias></lexeme>
  <lexeme><grapheme>Mlle</grapheme><alias>Mademoiselle</alias></lexeme>
  <lexeme><grapheme>Mlles</grapheme><alias>Mesdemoiselles</alias></lexeme>
  <lexeme><grapheme>Me</grapheme><alias>Maître</alias></lexeme>
  <lexeme><grapheme>Dr</grapheme><alias>Docteur</alias></lexeme>
  <lexeme><grapheme>Pr</grapheme><alias>Professeur</alias></lexeme>
  <lexeme><grapheme>Mgr</grapheme><alias>Monseigneur</alias></lexeme>
  <lexeme><grapheme>n°</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>N°</grapheme><alias>numéro</alias></lexeme>
  <lexeme><grapheme>etc.</grapheme><alias>et cetera</alias></lexeme>
  <lexeme><grapheme>av. J.-C.</grapheme><alias>avant Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>apr. J.-C.</grapheme><alias>après Jésus-Christ</alias></lexeme>
  <lexeme><grapheme>J.-C.</grapheme><alias>Jésus-Christ</alias></lexeme>
</lexicon>
