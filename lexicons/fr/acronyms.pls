<?xml version="1.0" encoding="UTF-8"?>
<!-- Acronyms and initialisms of French news, as a news reader says them.
     An alias written as spaced capitals is spelled (S N C F); one written as
     a word is pronounced (Otan). The alias is what eSpeak NG is given, so it
     may be respelled for eSpeak's French rules (Atakmss). -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>ATACMS</grapheme><alias>Atakmss</alias></lexeme>
  <lexeme><grapheme>OTAN</grapheme><alias>Otan</alias></lexeme>
  <lexeme><grapheme>ONU</grapheme><alias>Onu</alias></lexeme>
  <lexeme><grapheme>UE</grapheme><alias>U E</alias></lexeme>
  <lexeme><grapheme>FMI</grapheme><alias>F M I</alias></lexeme>
  <lexeme><grapheme>BCE</grapheme><alias>B C E</alias></lexeme>
  <lexeme><grapheme>PIB</grapheme><alias>P I B</alias></lexeme>
  <lexeme><grapheme>CAC</grapheme><alias>Cac</alias></lexeme>
  <lexeme><grapheme>SNCF</grapheme><alias>S N C F</alias></lexeme>
  <lexeme><grapheme>RATP</grapheme><alias>R A T P</alias></lexeme>
  <lexeme><grapheme>UNESCO</grapheme><alias>Unesco</alias></lexeme>
  <lexeme><grapheme>INSEE</grapheme><alias>Insee</alias></lexeme>
  <lexeme><grapheme>NASA</grapheme><alias>Nasa</alias></lexeme>
  <lexeme><grapheme>OPEP</grapheme><alias>Opep</alias></lexeme>
  <lexeme><grapheme>USA</grapheme><alias>U S A</alias></lexeme>
  <lexeme><grapheme>CIA</grapheme><alias>C I A</alias></lexeme>
  <lexeme><grapheme>FBI</grapheme><alias>F B I</alias></lexeme>
  <lexeme><grapheme>OCDE</grapheme><alias>O C D E</alias></lexeme>
  <lexeme><grapheme>SMIC</grapheme><alias>Smic</alias></lexeme>
  <lexeme><grapheme>Smic</grapheme><alias>Smic</alias></lexeme>
  <lexeme><grapheme>ONG</grapheme><alias>O N G</alias></lexeme>
  <lexeme><grapheme>PS</grapheme><alias>P S</alias></lexeme>
  <lexeme><grapheme>RN</grapheme><alias>R N</alias></lexeme>
  <lexeme><grapheme>LFI</grapheme><alias>L F I</alias></lexeme>
  <lexeme><grapheme>LR</grapheme><alias>L R</alias></lexeme>
  <lexeme><grapheme>UMP</grapheme><alias>U M P</alias></lexeme>
  <lexeme><grapheme>PME</grapheme><alias>P M E</alias></lexeme>
  <lexeme><grapheme>TVA</grapheme><alias>T V A</alias></lexeme>
  <lexeme><grapheme>COVID</grapheme><alias>Covid</alias></lexeme>
  <lexeme><grapheme>OMS</grapheme><alias>O M S</alias></lexeme>
</lexicon>
