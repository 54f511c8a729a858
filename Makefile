# oralise — French news articles to speech.
#   make            build liboralise.a and the oralise binary
#   make demo       install what is missing, build, read the samples into out/
#   make check      install what is missing, run every test, plain and under
#                   AddressSanitizer + UndefinedBehaviorSanitizer

CC      ?= cc
MAKEFLAGS += --no-print-directory
PKGS    := espeak-ng sndfile libxml-2.0 json-c samplerate libebur128
BUILD   ?= build
DATADIR ?= $(CURDIR)
PREFIX  ?= /usr/local

WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CFLAGS  ?= -O2 -g
ifeq ($(SANITIZE),1)
CFLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(WARN) $(CFLAGS) -Iinclude -Isrc -DORA_DATADIR='"$(DATADIR)"' \
             $(shell pkg-config --cflags $(PKGS))
LIBS     = $(shell pkg-config --libs $(PKGS)) -lm

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo check check-run check-sanitize clean
all: $(BUILD)/oralise oralise

$(BUILD)/obj/%.o: src/%.c include/oralise.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/liboralise.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/oralise: src/main.c $(BUILD)/liboralise.a
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

# The binary at the top of the tree is the plain build, for the README's
# commands and the evaluation scripts.
oralise: build/oralise
	ln -sf build/oralise oralise

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(BUILD)/liboralise.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -lcmocka -o $@

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

clean:
	rm -rf build build-san build-fuzz out oralise

# Each stage may bring its own targets (fuzzers, benchmarks) in mk/NAME.mk.
-include $(wildcard mk/*.mk)
