<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>OTAN</grapheme><alias>Otan</alias></lexeme>
  <lexeme><grapheme>UE</grapheme><grapheme>U.E.</grapheme><alias>U E</alias></lexeme>
  <lexeme><grapheme>IPA</grapheme><phoneme>i pe a</phoneme></lexeme>
</lexicon>
