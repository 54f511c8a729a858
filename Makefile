# oralise — French news articles to speech.
#   make            build liboralise.a and the oralise binary
#   make demo       install what is missing, build, read the samples into out/
#   make check      install what is missing, run every test, plain and under
#                   AddressSanitizer + UndefinedBehaviorSanitizer

CC      ?= cc
MAKEFLAGS += --no-print-directory
PKGS    := espeak-ng sndfile libxml-2.0 json-c samplerate libebur128 ogg vorbisenc vorbis opus libcurl uchardet \
           libzip uuid libmpg123
BUILD   ?= build
DATADIR ?= $(CURDIR)
PREFIX  ?= /usr/local
VERSION := $(shell sed -n 's/^\#define ORA_VERSION "\(.*\)"/\1/p' include/oralise.h)

WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CFLAGS  ?= -O2 -g
ifeq ($(SANITIZE),1)
CFLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(WARN) $(CFLAGS) -Iinclude -Isrc -DORA_DATADIR='"$(DATADIR)"' \
             $(shell pkg-config --cflags $(PKGS))
# Link-time optimization: the normalizer's hot loop calls small functions of
# its other files (word sets, the lexicon, UTF-8 decoding) that only the link
# can inline (5 % fewer instructions in make bench-normalize). The objects
# are fat: the tests and programs that embed liboralise.a link them as plain
# objects, and only the program and the benchmarks pay for the LTO link.
# LTO= turns it off (a compiler without it); the sanitizers' build has none.
ifneq ($(SANITIZE),1)
LTO     ?= -flto=auto -ffat-lto-objects
endif
ifneq ($(LTO),)
AR      := gcc-ar
endif
# libunistring (the normalizer's NFC and Unicode properties) ships no .pc
# file on Debian, so pkg-config cannot name it: it is linked by hand.
# libcurl is opened with dlopen on the first web address (src/read/fetch.c
# says why), libzip for each talking book (src/publish/epub.c): their
# headers come from pkg-config, -lcurl and -lzip stay off the program's
# link (the tests that read books link libzip themselves).
LIBS     = $(filter-out -lcurl -lzip,$(shell pkg-config --libs $(PKGS))) -lunistring -lm -ldl

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c src/*/*/*.c))
LIB_HDR := $(wildcard src/*.h src/*/*.h src/*/*/*.h)
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo check check-run check-sanitize clean install uninstall example
all: $(BUILD)/oralise oralise

$(BUILD)/obj/%.o: src/%.c include/oralise.h $(LIB_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LTO) -c $< -o $@

$(BUILD)/liboralise.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^ # a fresh archive: no member left over from a moved file

$(BUILD)/oralise: src/main.c $(BUILD)/liboralise.a
	$(CC) $(ALL_CFLAGS) $(LTO) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

# The binary at the top of the tree is the plain build, for the README's
# commands and the evaluation scripts.
oralise: build/oralise
	ln -sf build/oralise oralise

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(BUILD)/liboralise.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -lzip -lcmocka -o $@

deps:
	@./scripts/install-deps

demo: deps
	$(MAKE) all
	@mkdir -p out
	./oralise samples/lemonde-atacms.txt -o out/lemonde-atacms.ogg
	./oralise samples/lemonde-atacms.html -o out/lemonde-atacms-html.ogg
	./oralise --print=script samples/lemonde-atacms.txt > out/lemonde-atacms.script.txt
	@echo "Listen to out/lemonde-atacms.ogg (from the text copy) and out/lemonde-atacms-html.ogg (from the page)."

check-run: $(BUILD)/oralise $(TEST_BIN)
	@ORALISE=$(BUILD)/oralise ./tests/run $(TEST_BIN)

check-sanitize: deps
	$(MAKE) BUILD=build-san SANITIZE=1 check-run

check: deps
	$(MAKE) all
	$(MAKE) check-run
	$(MAKE) BUILD=build-san SANITIZE=1 check-run

# Installed binaries look for their data in $(PREFIX)/share/oralise, so they
# are built apart, with that path compiled in. DESTDIR is for packagers.
SHARE := $(PREFIX)/share/oralise
install:
	rm -rf build-install # objects must be rebuilt with this PREFIX compiled in
	$(MAKE) BUILD=build-install DATADIR=$(SHARE) build-install/oralise build-install/liboralise.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(SHARE)
	install -m 755 build-install/oralise $(DESTDIR)$(PREFIX)/bin/oralise
	install -m 644 build-install/liboralise.a $(DESTDIR)$(PREFIX)/lib/liboralise.a
	install -m 644 include/oralise.h $(DESTDIR)$(PREFIX)/include/oralise.h
	install -m 644 doc/oralise.1 $(DESTDIR)$(PREFIX)/share/man/man1/oralise.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' oralise.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/oralise.pc
	cp -R lexicons rules $(DESTDIR)$(SHARE)/

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/oralise $(DESTDIR)$(PREFIX)/lib/liboralise.a \
	    $(DESTDIR)$(PREFIX)/include/oralise.h $(DESTDIR)$(PREFIX)/share/man/man1/oralise.1 \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/oralise.pc $(DESTDIR)$(SHARE)

# The embedding example, built against the tree (not an installed copy).
example: $(BUILD)/speak_article
$(BUILD)/speak_article: examples/speak_article.c $(BUILD)/liboralise.a
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

clean:
	rm -rf build build-san build-fuzz build-install out oralise

# Each stage may bring its own targets (fuzzers, benchmarks) in mk/NAME.mk.
-include $(wildcard mk/*.mk)
