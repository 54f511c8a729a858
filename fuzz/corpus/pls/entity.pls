<?xml version="1.0"?>
<!DOCTYPE lexicon [ <!ENTITY e SYSTEM "file:///etc/passwd"> <!ENTITY i "interne"> ]>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">
  <lexeme><grapheme>X</grapheme><alias>&e;&i;</alias></lexeme>
</lexicon>
