<?xml version="1.0" encoding="UTF-8"?>
<!-- Latin words of French texts that eSpeak NG misreads. The numbering of
     articles of law past bis and ter (article 1649 quinquies, 220 quaterdecies,
     199 unvicies): eSpeak NG says "quinquies" /kɛ̃ki/ and "sexies" /sɛksi/,
     a jurist /kɥɛ̃kjɛs/ and /sɛksjɛs/. bis, ter and quater are left to eSpeak
     NG (it says bis and ter right, quater /kwate/ nearly). A t before i and
     a vowel is /s/ when the Latin is said the French way, as in "nation":
     "octies" is /ɔksjɛs/. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>quater</grapheme><alias>kouatère</alias></lexeme>
  <lexeme><grapheme>quinquies</grapheme><alias>cuinquièsse</alias></lexeme>
  <lexeme><grapheme>sexies</grapheme><alias>sexièsse</alias></lexeme>
  <lexeme><grapheme>septies</grapheme><alias>sèptièsse</alias></lexeme>
  <lexeme><grapheme>octies</grapheme><alias>ocsièsse</alias></lexeme>
  <lexeme><grapheme>nonies</grapheme><alias>nonièsse</alias></lexeme>
  <lexeme><grapheme>decies</grapheme><alias>décièsse</alias></lexeme>
  <lexeme><grapheme>undecies</grapheme><alias>ondécièsse</alias></lexeme>
  <lexeme><grapheme>duodecies</grapheme><alias>duodécièsse</alias></lexeme>
  <lexeme><grapheme>terdecies</grapheme><alias>terdécièsse</alias></lexeme>
  <lexeme><grapheme>quaterdecies</grapheme><alias>quatèrdécièsse</alias></lexeme>
  <lexeme><grapheme>quindecies</grapheme><alias>cuindécièsse</alias></lexeme>
  <lexeme><grapheme>sexdecies</grapheme><alias>sexdécièsse</alias></lexeme>
  <lexeme><grapheme>septdecies</grapheme><alias>sèptdécièsse</alias></lexeme>
  <lexeme><grapheme>octodecies</grapheme><alias>octodécièsse</alias></lexeme>
  <lexeme><grapheme>novodecies</grapheme><alias>novodécièsse</alias></lexeme>
  <lexeme><grapheme>vicies</grapheme><alias>vicièsse</alias></lexeme>
  <lexeme><grapheme>unvicies</grapheme><alias>unvicièsse</alias></lexeme>
  <lexeme><grapheme>duovicies</grapheme><alias>duovicièsse</alias></lexeme>
  <lexeme><grapheme>tervicies</grapheme><alias>tervicièsse</alias></lexeme>
  <lexeme><grapheme>quatervicies</grapheme><alias>quatervicièsse</alias></lexeme>
  <lexeme><grapheme>quinvicies</grapheme><alias>cuinvicièsse</alias></lexeme>
  <lexeme><grapheme>sexvicies</grapheme><alias>sexvicièsse</alias></lexeme>
  <lexeme><grapheme>septvicies</grapheme><alias>sèptvicièsse</alias></lexeme>
  <lexeme><grapheme>octovicies</grapheme><alias>octovicièsse</alias></lexeme>
  <lexeme><grapheme>novovicies</grapheme><alias>novovicièsse</alias></lexeme>
  <lexeme><grapheme>tricies</grapheme><alias>tricièsse</alias></lexeme>
  <!-- Latin phrases of French prose eSpeak NG says as English ("mea") or
       without their final s ("in extremis"), or with "ae" as two vowels -->
  <lexeme><grapheme>ex aequo</grapheme><alias>ègzéquo</alias></lexeme>
  <lexeme><grapheme>ex-aequo</grapheme><alias>ègzéquo</alias></lexeme>
  <lexeme><grapheme>mea culpa</grapheme><alias>méa culpa</alias></lexeme>
  <lexeme><grapheme>in extremis</grapheme><alias>ine extrémisse</alias></lexeme>
  <lexeme><grapheme>alter ego</grapheme><alias>altère égo</alias></lexeme>
  <lexeme><grapheme>extra-muros</grapheme><alias>extra-murosse</alias></lexeme>
  <lexeme><grapheme>honoris causa</grapheme><alias>honorisse causa</alias></lexeme>
  <lexeme><grapheme>numerus clausus</grapheme><alias>numérusse claususse</alias></lexeme>
  <lexeme><grapheme>ad vitam aeternam</grapheme><alias>ad vitame étèrname</alias></lexeme>
  <!-- and at a sentence's start -->
  <lexeme><grapheme>Ex aequo</grapheme><alias>Ègzéquo</alias></lexeme>
  <lexeme><grapheme>Ex-aequo</grapheme><alias>Ègzéquo</alias></lexeme>
  <lexeme><grapheme>Mea culpa</grapheme><alias>Méa culpa</alias></lexeme>
  <lexeme><grapheme>In extremis</grapheme><alias>Ine extrémisse</alias></lexeme>
</lexicon>
