<?xml version="1.0" encoding="UTF-8"?>
<!-- Names that the rules would read wrong: a letter that is not a Roman
     number ("Malcolm X"), a Roman number that is a team ("XV de France"), numbers that name
     something ("le 49.3", "la guerre de 14-18"). -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="x-sampa" xml:lang="fr">
  <lexeme><grapheme>Malcolm X</grapheme><alias>Malcolm X</alias></lexeme>
  <lexeme><grapheme>Génération X</grapheme><alias>Génération X</alias></lexeme>
  <lexeme><grapheme>génération X</grapheme><alias>génération X</alias></lexeme>
  <lexeme><grapheme>XV de France</grapheme><alias>quinze de France</alias></lexeme>
  <lexeme><grapheme>XIII de France</grapheme><alias>treize de France</alias></lexeme>
  <lexeme><grapheme>Windows XP</grapheme><alias>Windows X P</alias></lexeme>
  <lexeme><grapheme>Super U</grapheme><alias>Super U</alias></lexeme>
  <lexeme><grapheme>Canal+</grapheme><alias>Canal plus</alias></lexeme>
  <lexeme><grapheme>Apple TV</grapheme><alias>Apple T V</alias></lexeme>
  <lexeme><grapheme>49.3</grapheme><grapheme>49-3</grapheme><alias>quarante-neuf trois</alias></lexeme>
  <lexeme><grapheme>14-18</grapheme><alias>quatorze dix-huit</alias></lexeme>
  <lexeme><grapheme>39-45</grapheme><alias>trente-neuf quarante-cinq</alias></lexeme>
  <!-- Italian football's divisions: eSpeak NG reads "Serie" with a mute e
       (/s@ri/); French sports news says "Série A". -->
  <lexeme><grapheme>Serie A</grapheme><alias>Série A</alias></lexeme>
  <lexeme><grapheme>Serie B</grapheme><alias>Série B</alias></lexeme>
  <lexeme><grapheme>Serie C</grapheme><alias>Série C</alias></lexeme>
  <!-- "e-mail": eSpeak NG reads its "e" as a lone /@/; as "email" it says
       /i:meIl/, the way French says the word. "email" is left to eSpeak
       NG. "mail" it hands to its English voice for one word (/meIl/), a
       change of voice in the middle of a French sentence, where French
       says /mɛl/ ("envoyer un mail", "par mail"): it is respelled "mèl".
       Only in small letters: "le Mail" is a town's avenue. -->
  <lexeme><grapheme>e-mail</grapheme><alias>email</alias></lexeme>
  <lexeme><grapheme>e-mails</grapheme><alias>emails</alias></lexeme>
  <lexeme><grapheme>E-mail</grapheme><alias>Email</alias></lexeme>
  <lexeme><grapheme>E-mails</grapheme><alias>Emails</alias></lexeme>
  <!-- "email" as written: the French word list lacks it and holds "émail"
       (enamel), which the lost-accents rule would give it after a
       determiner ("un émail"). -->
  <lexeme><grapheme>email</grapheme><alias>email</alias></lexeme>
  <lexeme><grapheme>emails</grapheme><alias>emails</alias></lexeme>
  <lexeme><grapheme>mail</grapheme><alias>mèl</alias></lexeme>
  <lexeme><grapheme>mails</grapheme><alias>mèls</alias></lexeme>
  <lexeme><grapheme>YouTube</grapheme><alias>Youtioube</alias></lexeme>
  <lexeme><grapheme>Youtube</grapheme><alias>Youtioube</alias></lexeme>
  <lexeme><grapheme>youtube</grapheme><alias>youtioube</alias></lexeme>
  <!-- Twitter: French news readers say /twitœʁ/; eSpeak NG's French
       letter rules make its -er the infinitive's /e/ ("twité") -->
  <lexeme><grapheme>Twitter</grapheme><alias>Twitteur</alias></lexeme>
  <!-- The "-exit" of a country leaving the EU: eSpeak NG reads "Brexit"
       as French letters, with a mute t and an x of "exil" (/brEgz'i/);
       French news says /brEks'it/. -->
  <lexeme><grapheme>Brexit</grapheme><alias>Brèxite</alias></lexeme>
  <lexeme><grapheme>Frexit</grapheme><alias>Frèxite</alias></lexeme>
  <lexeme><grapheme>Grexit</grapheme><alias>Grèxite</alias></lexeme>
  <!-- Belgium's Walloon: eSpeak NG's French rules send a word that opens
       with w, a vowel and a consonant to the English voice (/w'0loUni/);
       French says it with the w of "watt". The words "wallon", "wallonne"…
       are in espeak-french.pls. -->
  <lexeme><grapheme>Wallonie</grapheme><alias>Ouallonie</alias></lexeme>
  <!-- Names eSpeak NG would read as English whose spelling has no accent
       to say they are French (words.c, rule_french_name). -->
  <lexeme><grapheme>Beyrouth</grapheme><alias>Beyroutte</alias></lexeme>
  <!-- Names of the news that eSpeak NG hands to its English voice -->
  <lexeme><grapheme>Kiev</grapheme><alias>Kiève</alias></lexeme>
  <lexeme><grapheme>Netanyahou</grapheme><alias>Nétaniahou</alias></lexeme>
  <lexeme><grapheme>Netanyahu</grapheme><alias>Nétaniahou</alias></lexeme>
  <lexeme><grapheme>Nétanyahou</grapheme><alias>Nétaniahou</alias></lexeme>
  <lexeme><grapheme>Nétanyahu</grapheme><alias>Nétaniahou</alias></lexeme>
  <lexeme><grapheme>Xi Jinping</grapheme><alias>Chi Djinnpinng</alias></lexeme>
  <!-- French words the English word list holds too, which eSpeak NG 1.51
       hands to its English voice, and which French says its own way (the
       script of espeak-french.pls leaves words of both lists to English:
       "parking" is said as English). "dos" is respelled except before a
       name ("dos Santos"): not-before-name.txt. -->
  <lexeme><grapheme>dos</grapheme><alias>dô</alias></lexeme>
  <lexeme><grapheme>Dos</grapheme><alias>Dô</alias></lexeme>
  <lexeme><grapheme>pull</grapheme><alias>pulle</alias></lexeme>
  <lexeme><grapheme>pulls</grapheme><alias>pulles</alias></lexeme>
  <lexeme><grapheme>steak</grapheme><alias>stèque</alias></lexeme>
  <lexeme><grapheme>steaks</grapheme><alias>stèques</alias></lexeme>
  <lexeme><grapheme>steack</grapheme><alias>stèque</alias></lexeme>
  <lexeme><grapheme>steacks</grapheme><alias>stèques</alias></lexeme>
  <lexeme><grapheme>chantilly</grapheme><alias>chantilli</alias></lexeme>
  <lexeme><grapheme>Chantilly</grapheme><alias>Chantilli</alias></lexeme>
  <lexeme><grapheme>atoll</grapheme><alias>atole</alias></lexeme>
  <lexeme><grapheme>atolls</grapheme><alias>atolles</alias></lexeme>
  <lexeme><grapheme>samovar</grapheme><alias>samovare</alias></lexeme>
  <lexeme><grapheme>samovars</grapheme><alias>samovares</alias></lexeme>
  <!-- French words of the French list only that eSpeak NG hands to its
       English voice and that no spelling of scripts/espeak-french-words
       saves: respelled by hand, each checked to be read in French. -->
  <lexeme><grapheme>footballeur</grapheme><alias>foutbolleur</alias></lexeme>
  <lexeme><grapheme>footballeurs</grapheme><alias>foutbolleurs</alias></lexeme>
  <lexeme><grapheme>footballeuse</grapheme><alias>foutbolleuse</alias></lexeme>
  <lexeme><grapheme>footballeuses</grapheme><alias>foutbolleuses</alias></lexeme>
  <lexeme><grapheme>toundra</grapheme><alias>toûndra</alias></lexeme>
  <lexeme><grapheme>toundras</grapheme><alias>toûndras</alias></lexeme>
  <lexeme><grapheme>alcootest</grapheme><alias>alcotest</alias></lexeme>
  <lexeme><grapheme>alcootests</grapheme><alias>alcotests</alias></lexeme>
  <lexeme><grapheme>koweïtien</grapheme><alias>kowéïtien</alias></lexeme>
  <lexeme><grapheme>koweïtienne</grapheme><alias>kowéïtienne</alias></lexeme>
  <lexeme><grapheme>koweïtiens</grapheme><alias>kowéïtiens</alias></lexeme>
  <lexeme><grapheme>koweïtiennes</grapheme><alias>kowéïtiennes</alias></lexeme>
  <lexeme><grapheme>Koweïtien</grapheme><alias>Kowéïtien</alias></lexeme>
  <lexeme><grapheme>Koweïtiens</grapheme><alias>Kowéïtiens</alias></lexeme>
  <!-- English loan nouns that eSpeak NG reads by French letter rules, in
       -er as a verb's /e/ ("designer" d@zinje), "single" sE~gl, and that
       French says as the loan: the English list has them, so the language
       switch would not take them, and no French verb is written alike
       ("supporter", "reporter", "scanner" are, and are left). -->
  <lexeme><grapheme>designer</grapheme><alias>dizaïneur</alias></lexeme>
  <lexeme><grapheme>designers</grapheme><alias>dizaïneurs</alias></lexeme>
  <lexeme><grapheme>Designer</grapheme><alias>Dizaïneur</alias></lexeme>
  <lexeme><grapheme>Designers</grapheme><alias>Dizaïneurs</alias></lexeme>
  <lexeme><grapheme>single</grapheme><alias>sinngueul</alias></lexeme>
  <lexeme><grapheme>singles</grapheme><alias>sinngueuls</alias></lexeme>
  <lexeme><grapheme>baseball</grapheme><alias>bèzbol</alias></lexeme>
  <lexeme><grapheme>pedigree</grapheme><alias>pédigré</alias></lexeme>
  <lexeme><grapheme>pedigrees</grapheme><alias>pédigrés</alias></lexeme>
  <lexeme><grapheme>best-seller</grapheme><alias>bèste-selleur</alias></lexeme>
  <lexeme><grapheme>best-sellers</grapheme><alias>bèste-selleurs</alias></lexeme>
  <lexeme><grapheme>burger</grapheme><alias>beurgueur</alias></lexeme>
  <lexeme><grapheme>burgers</grapheme><alias>beurgueurs</alias></lexeme>
  <!-- French names spelled like Italian ones: rule_name_spelling (names.c)
       says an opening Gia, Gio, Giu /dʒ/; these keep the French /ʒj/. -->
  <lexeme><grapheme>Giono</grapheme><alias>Jiono</alias></lexeme>
  <!-- Words of the web French says the French way, that eSpeak NG 1.51's
       rules hand to its English voice (a first "w", "kip"): "Wikipédia"
       /w,Ikip'eIdi@/, "wifi" /w'aIfaI/ (espeak-ng -v fr -x). Not "wikis": its
       respelling's "ou" would take a liaison ("les ouikis" /lez/). -->
  <lexeme><grapheme>Wikipédia</grapheme><alias>Ouiki-pédia</alias></lexeme>
  <lexeme><grapheme>Wikipedia</grapheme><alias>Ouiki-pédia</alias></lexeme>
  <lexeme><grapheme>wifi</grapheme><alias>ouifi</alias></lexeme>
  <lexeme><grapheme>Wifi</grapheme><alias>Ouifi</alias></lexeme>
  <lexeme><grapheme>WiFi</grapheme><alias>Ouifi</alias></lexeme>
  <!-- "ChatGPT": French says the "chat" of online chats, /tSat/, where
       the rule for capitals glued to a word gives "Chat G P T", /Sa/. -->
  <lexeme><grapheme>ChatGPT</grapheme><alias>Tchat G P T</alias></lexeme>
  <!-- Loan words French has made its own that eSpeak NG's French rules
       say with a mute e ("penalty" /pənalti/) or as English -->
  <lexeme><grapheme>penalty</grapheme><alias>pénalti</alias></lexeme>
  <lexeme><grapheme>penaltys</grapheme><alias>pénaltis</alias></lexeme>
  <lexeme><grapheme>penalties</grapheme><alias>pénaltis</alias></lexeme>
  <lexeme><grapheme>replay</grapheme><alias>riplé</alias></lexeme>
</lexicon>
