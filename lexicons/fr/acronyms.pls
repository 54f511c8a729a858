<?xml version="1.0" encoding="UTF-8"?>
<!-- Acronyms and initialisms of French news, as a news reader says them.
     An alias written as spaced capitals is spelled (S N C F); one written as
     a word is pronounced (Otan). The alias is what eSpeak NG is given, so it
     may be respelled for eSpeak's French rules (Atakèmss). Unknown capitals
     words are spelled or said by rule; list here the ones the rule gets
     wrong. Short words of headlines in capitals (LE, DE) are said as words. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>CD-ROM</grapheme><alias>C D Rom</alias></lexeme>
  <lexeme><grapheme>DVD-ROM</grapheme><alias>D V D Rom</alias></lexeme>
  <!-- stock indices said as words: the DAX of Frankfurt, London's FTSE (Footsie) -->
  <lexeme><grapheme>DAX</grapheme><alias>Dax</alias></lexeme>
  <lexeme><grapheme>FTSE</grapheme><alias>Foutsi</alias></lexeme>
  <!-- memories said as words: "8 Go de RAM", "la ROM" -->
  <lexeme><grapheme>RAM</grapheme><alias>Ram</alias></lexeme>
  <lexeme><grapheme>ROM</grapheme><alias>Rom</alias></lexeme>
  <lexeme><grapheme>ARNm</grapheme><alias>A R N messager</alias></lexeme>
  <lexeme><grapheme>ATACMS</grapheme><alias>Atakèmss</alias></lexeme>
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
  <lexeme><grapheme>INSEE</grapheme><alias>Innsé</alias></lexeme>
  <!-- GNU, the free system: said as the animal, "gnou" -->
  <lexeme><grapheme>GNU</grapheme><alias>Gnou</alias></lexeme>
  <lexeme><grapheme>NASA</grapheme><alias>Nasa</alias></lexeme>
  <lexeme><grapheme>OPEP</grapheme><alias>Opep</alias></lexeme>
  <lexeme><grapheme>USA</grapheme><alias>U S A</alias></lexeme>
  <lexeme><grapheme>CIA</grapheme><alias>C I A</alias></lexeme>
  <lexeme><grapheme>FBI</grapheme><alias>F B I</alias></lexeme>
  <lexeme><grapheme>OCDE</grapheme><alias>O C D E</alias></lexeme>
  <lexeme><grapheme>SMIC</grapheme><alias>Smic</alias></lexeme>
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
  <lexeme><grapheme>UNICEF</grapheme><alias>Unicef</alias></lexeme>
  <lexeme><grapheme>SIDA</grapheme><alias>Sida</alias></lexeme>
  <lexeme><grapheme>CNIL</grapheme><alias>Cnil</alias></lexeme>
  <lexeme><grapheme>ADEME</grapheme><alias>Adème</alias></lexeme>
  <lexeme><grapheme>ANSES</grapheme><alias>Ansèss</alias></lexeme>
  <lexeme><grapheme>INSERM</grapheme><alias>Inserm</alias></lexeme>
  <lexeme><grapheme>CNES</grapheme><alias>Cnès</alias></lexeme>
  <lexeme><grapheme>ESA</grapheme><alias>Esa</alias></lexeme>
  <lexeme><grapheme>FIFA</grapheme><alias>Fifa</alias></lexeme>
  <lexeme><grapheme>UEFA</grapheme><alias>Uefa</alias></lexeme>
  <lexeme><grapheme>UNEDIC</grapheme><alias>Unédic</alias></lexeme>
  <lexeme><grapheme>URSSAF</grapheme><alias>Urssaf</alias></lexeme>
  <lexeme><grapheme>CAF</grapheme><alias>Caf</alias></lexeme>
  <lexeme><grapheme>CROUS</grapheme><alias>Crouss</alias></lexeme>
  <lexeme><grapheme>ENA</grapheme><alias>Éna</alias></lexeme>
  <lexeme><grapheme>ZAD</grapheme><alias>Zad</alias></lexeme>
  <lexeme><grapheme>ZNIEFF</grapheme><alias>Znieff</alias></lexeme>
  <lexeme><grapheme>MEDEF</grapheme><alias>Médef</alias></lexeme>
  <lexeme><grapheme>CAPES</grapheme><alias>Capès</alias></lexeme>
  <lexeme><grapheme>SAMU</grapheme><alias>Samu</alias></lexeme>
  <lexeme><grapheme>SMUR</grapheme><alias>Smur</alias></lexeme>
  <lexeme><grapheme>OVNI</grapheme><alias>Ovni</alias></lexeme>
  <lexeme><grapheme>DREES</grapheme><alias>Drèss</alias></lexeme>
  <lexeme><grapheme>DARES</grapheme><alias>Darèss</alias></lexeme>
  <lexeme><grapheme>PACS</grapheme><alias>Pacss</alias></lexeme>
  <lexeme><grapheme>COP</grapheme><alias>Cop</alias></lexeme>
  <lexeme><grapheme>GIEC</grapheme><alias>Giec</alias></lexeme>
  <lexeme><grapheme>ASEAN</grapheme><alias>Asséane</alias></lexeme>
  <lexeme><grapheme>MERCOSUR</grapheme><alias>Mercosur</alias></lexeme>
  <lexeme><grapheme>BRICS</grapheme><alias>Bricss</alias></lexeme>
  <lexeme><grapheme>CEDEAO</grapheme><alias>Cédéao</alias></lexeme>
  <!-- a consonant pair the rule splits only for a word it knows: OPCO is
       said op-co, EPCI spelled -->
  <lexeme><grapheme>OPCO</grapheme><alias>Opco</alias></lexeme>
  <!-- initialisms that are also short words of a word list: a headline
       in capitals says its short words as words ("LA FIN"), these stay
       spelled -->
  <lexeme><grapheme>ARS</grapheme><alias>A R S</alias></lexeme>
  <lexeme><grapheme>SPA</grapheme><alias>S P A</alias></lexeme>
  <lexeme><grapheme>SAS</grapheme><alias>S A S</alias></lexeme>
  <lexeme><grapheme>FARC</grapheme><alias>Farc</alias></lexeme>
  <lexeme><grapheme>ETA</grapheme><alias>Éta</alias></lexeme>
  <lexeme><grapheme>DAECH</grapheme><alias>Daech</alias></lexeme>
  <lexeme><grapheme>EHPAD</grapheme><alias>Éhpade</alias></lexeme>
  <lexeme><grapheme>Ehpad</grapheme><alias>Éhpade</alias></lexeme>
  <lexeme><grapheme>ARCOM</grapheme><alias>Arcom</alias></lexeme>
  <lexeme><grapheme>CSA</grapheme><alias>C S A</alias></lexeme>
  <lexeme><grapheme>HIMARS</grapheme><alias>Himarss</alias></lexeme>
  <lexeme><grapheme>ENS</grapheme><alias>E N S</alias></lexeme>
  <lexeme><grapheme>IFOP</grapheme><alias>Ifop</alias></lexeme>
  <lexeme><grapheme>ONU-Femmes</grapheme><alias>Onu Femmes</alias></lexeme>
  <lexeme><grapheme>AFP</grapheme><alias>A F P</alias></lexeme>
  <lexeme><grapheme>EDF</grapheme><alias>E D F</alias></lexeme>
  <lexeme><grapheme>GDF</grapheme><alias>G D F</alias></lexeme>
  <lexeme><grapheme>CGT</grapheme><alias>C G T</alias></lexeme>
  <lexeme><grapheme>CFDT</grapheme><alias>C F D T</alias></lexeme>
  <lexeme><grapheme>FO</grapheme><alias>F O</alias></lexeme>
  <lexeme><grapheme>PDG</grapheme><alias>P D G</alias></lexeme>
  <lexeme><grapheme>DRH</grapheme><alias>D R H</alias></lexeme>
  <lexeme><grapheme>SDF</grapheme><alias>S D F</alias></lexeme>
  <lexeme><grapheme>HLM</grapheme><alias>H L M</alias></lexeme>
  <lexeme><grapheme>RER</grapheme><alias>R E R</alias></lexeme>
  <lexeme><grapheme>TGV</grapheme><alias>T G V</alias></lexeme>
  <lexeme><grapheme>TER</grapheme><alias>T E R</alias></lexeme>
  <lexeme><grapheme>JO</grapheme><alias>J O</alias></lexeme>
  <lexeme><grapheme>JT</grapheme><alias>J T</alias></lexeme>
  <lexeme><grapheme>UNEF</grapheme><alias>Unef</alias></lexeme>
  <lexeme><grapheme>ISF</grapheme><alias>I S F</alias></lexeme>
  <lexeme><grapheme>RSA</grapheme><alias>R S A</alias></lexeme>
  <lexeme><grapheme>CSG</grapheme><alias>C S G</alias></lexeme>
  <lexeme><grapheme>IVG</grapheme><alias>I V G</alias></lexeme>
  <lexeme><grapheme>PMA</grapheme><alias>P M A</alias></lexeme>
  <lexeme><grapheme>GPA</grapheme><alias>G P A</alias></lexeme>
  <lexeme><grapheme>BTP</grapheme><alias>B T P</alias></lexeme>
  <lexeme><grapheme>CDI</grapheme><alias>C D I</alias></lexeme>
  <lexeme><grapheme>CDD</grapheme><alias>C D D</alias></lexeme>
  <lexeme><grapheme>EELV</grapheme><alias>E E L V</alias></lexeme>
  <lexeme><grapheme>PCF</grapheme><alias>P C F</alias></lexeme>
  <lexeme><grapheme>UDI</grapheme><alias>U D I</alias></lexeme>
  <lexeme><grapheme>LREM</grapheme><alias>L R E M</alias></lexeme>
  <lexeme><grapheme>URSS</grapheme><alias>U R S S</alias></lexeme>
  <lexeme><grapheme>OGM</grapheme><alias>O G M</alias></lexeme>
  <lexeme><grapheme>AIEA</grapheme><alias>A I E A</alias></lexeme>
  <lexeme><grapheme>CNRS</grapheme><alias>C N R S</alias></lexeme>
  <lexeme><grapheme>IRM</grapheme><alias>I R M</alias></lexeme>
  <lexeme><grapheme>AVC</grapheme><alias>A V C</alias></lexeme>
  <lexeme><grapheme>SIM</grapheme><alias>Sim</alias></lexeme>
  <lexeme><grapheme>PIN</grapheme><alias>Pine</alias></lexeme>
  <!-- the word in capitals ("mon site WEB"), no initials -->
  <lexeme><grapheme>WEB</grapheme><alias>web</alias></lexeme>
  <lexeme><grapheme>LED</grapheme><alias>Lède</alias></lexeme>
  <lexeme><grapheme>DOM</grapheme><alias>Dom</alias></lexeme>
  <lexeme><grapheme>TOM</grapheme><alias>Tom</alias></lexeme>
  <lexeme><grapheme>ONF</grapheme><alias>O N F</alias></lexeme>
  <lexeme><grapheme>OFII</grapheme><alias>O F I I</alias></lexeme>
  <lexeme><grapheme>OFPRA</grapheme><alias>Ofpra</alias></lexeme>
  <lexeme><grapheme>CADA</grapheme><alias>Cada</alias></lexeme>
  <lexeme><grapheme>LE</grapheme><alias>le</alias></lexeme>
  <lexeme><grapheme>LA</grapheme><alias>la</alias></lexeme>
  <lexeme><grapheme>LES</grapheme><alias>les</alias></lexeme>
  <lexeme><grapheme>DE</grapheme><alias>de</alias></lexeme>
  <lexeme><grapheme>DU</grapheme><alias>du</alias></lexeme>
  <lexeme><grapheme>DES</grapheme><alias>des</alias></lexeme>
  <lexeme><grapheme>ET</grapheme><alias>et</alias></lexeme>
  <lexeme><grapheme>EN</grapheme><alias>en</alias></lexeme>
  <lexeme><grapheme>UN</grapheme><alias>un</alias></lexeme>
  <lexeme><grapheme>UNE</grapheme><alias>une</alias></lexeme>
  <lexeme><grapheme>AU</grapheme><alias>au</alias></lexeme>
  <lexeme><grapheme>AUX</grapheme><alias>aux</alias></lexeme>
  <lexeme><grapheme>SUR</grapheme><alias>sur</alias></lexeme>
  <lexeme><grapheme>PAR</grapheme><alias>par</alias></lexeme>
  <lexeme><grapheme>POUR</grapheme><alias>pour</alias></lexeme>
  <lexeme><grapheme>QUI</grapheme><alias>qui</alias></lexeme>
  <lexeme><grapheme>QUE</grapheme><alias>que</alias></lexeme>
  <lexeme><grapheme>EST</grapheme><alias>est</alias></lexeme>
  <lexeme><grapheme>IL</grapheme><alias>il</alias></lexeme>
  <lexeme><grapheme>ELLE</grapheme><alias>elle</alias></lexeme>
  <lexeme><grapheme>ON</grapheme><alias>on</alias></lexeme>
  <lexeme><grapheme>NE</grapheme><alias>ne</alias></lexeme>
  <lexeme><grapheme>PAS</grapheme><alias>pas</alias></lexeme>
  <lexeme><grapheme>OU</grapheme><alias>ou</alias></lexeme>
  <lexeme><grapheme>SE</grapheme><alias>se</alias></lexeme>
  <lexeme><grapheme>SA</grapheme><alias>sa</alias></lexeme>
  <lexeme><grapheme>SON</grapheme><alias>son</alias></lexeme>
  <lexeme><grapheme>SES</grapheme><alias>ses</alias></lexeme>
  <lexeme><grapheme>CE</grapheme><alias>ce</alias></lexeme>
  <lexeme><grapheme>CES</grapheme><alias>ces</alias></lexeme>
  <lexeme><grapheme>MAIS</grapheme><alias>mais</alias></lexeme>
  <lexeme><grapheme>VIDEO</grapheme><alias>vidéo</alias></lexeme>
  <lexeme><grapheme>DIRECT</grapheme><alias>direct</alias></lexeme>
  <lexeme><grapheme>LIVE</grapheme><alias>laïve</alias></lexeme>
  <lexeme><grapheme>INFO</grapheme><alias>info</alias></lexeme>
  <lexeme><grapheme>OK</grapheme><alias>oké</alias></lexeme>
  <lexeme><grapheme>FNAC</grapheme><alias>Fnac</alias></lexeme>
  <lexeme><grapheme>CNAM</grapheme><alias>Cnam</alias></lexeme>
  <lexeme><grapheme>INA</grapheme><alias>Ina</alias></lexeme>
  <lexeme><grapheme>INRAE</grapheme><alias>Inraé</alias></lexeme>
  <lexeme><grapheme>UNRWA</grapheme><alias>Unrwa</alias></lexeme>
  <lexeme><grapheme>PAC</grapheme><alias>Pac</alias></lexeme>
  <lexeme><grapheme>ZEP</grapheme><alias>Zep</alias></lexeme>
  <lexeme><grapheme>BAC</grapheme><alias>Bac</alias></lexeme>
  <lexeme><grapheme>SUD</grapheme><alias>Sud</alias></lexeme>
  <lexeme><grapheme>UNSA</grapheme><alias>Unnsa</alias></lexeme>
  <lexeme><grapheme>AFNOR</grapheme><alias>Afnor</alias></lexeme>
  <lexeme><grapheme>COJO</grapheme><alias>Cojo</alias></lexeme>
  <lexeme><grapheme>SOS</grapheme><alias>S O S</alias></lexeme>
  <lexeme><grapheme>OM</grapheme><alias>O M</alias></lexeme>
  <lexeme><grapheme>OL</grapheme><alias>O L</alias></lexeme>
  <lexeme><grapheme>ISS</grapheme><alias>I S S</alias></lexeme>
  <lexeme><grapheme>IRA</grapheme><alias>I R A</alias></lexeme>
  <lexeme><grapheme>CAN</grapheme><alias>Can</alias></lexeme>
  <lexeme><grapheme>ASE</grapheme><alias>A S E</alias></lexeme>
  <lexeme><grapheme>OSCE</grapheme><alias>O S C E</alias></lexeme>
  <lexeme><grapheme>OUI</grapheme><alias>oui</alias></lexeme>
  <lexeme><grapheme>NON</grapheme><alias>non</alias></lexeme>
</lexicon>
