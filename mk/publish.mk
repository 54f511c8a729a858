# Talking books and podcast feeds: the EPUB's cost against an MP3 of the
# same article, and Ace by DAISY's accessibility report on the sample book.
#   make bench-epub
.PHONY: bench-epub

bench-epub: $(BUILD)/oralise
	./bench/epub.sh
