# The normalizer's fuzzers and benchmark (issue 3).
#   make fuzz-normalize [FUZZ_TIME=600]   libFuzzer on ora_normalize
#   make fuzz-pls [FUZZ_TIME=600]         libFuzzer on the PLS lexicon loader
#   make bench-normalize                  MB/s of the normalizer and of eSpeak NG
# Fuzzers run under nice: the machine is shared.

FUZZ_CC    ?= clang
FUZZ_TIME  ?= 600
FUZZ_BUILD := build-fuzz
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_CFLAGS = $(WARN) $(FUZZ_FLAGS) -Iinclude -Isrc -DORA_DATADIR='"$(DATADIR)"' \
              $(shell pkg-config --cflags $(PKGS))
FUZZ_OBJ   := $(LIB_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)

.PHONY: fuzz-normalize fuzz-pls bench-normalize

# The normalizer is the pipeline's hot loop, held to 50 MB/s (issue 11);
# -O3 gives it about 5 % on this machine (50.4 -> 53 MB/s in make
# bench-normalize). It is kept to the normalizer's objects and the two it
# calls in its loop (UTF-8 decoding, the scripts' table), which the link
# inlines (LTO, Makefile): the rest gains little, and a test's snprintf
# raised a -Wformat-truncation there. The sanitizers' build keeps its -O1.
ifneq ($(SANITIZE),1)
$(BUILD)/obj/normalize/%.o $(BUILD)/obj/util.o $(BUILD)/obj/alphabets.o: CFLAGS += -O3
endif

$(FUZZ_BUILD)/obj/%.o: src/%.c include/oralise.h $(LIB_HDR)
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: $(FUZZ_CC) not found (libFuzzer needs clang: apt-get install clang)"; exit 1; }
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined $^ $(LIBS) -o $@

fuzz-normalize: $(FUZZ_BUILD)/fuzz_normalize
	@mkdir -p $(FUZZ_BUILD)/corpus/normalize
	nice -n 19 $< -max_total_time=$(FUZZ_TIME) -max_len=4096 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus/normalize fuzz/corpus/normalize

fuzz-pls: $(FUZZ_BUILD)/fuzz_pls
	@mkdir -p $(FUZZ_BUILD)/corpus/pls
	ASAN_OPTIONS=quarantine_size_mb=16 nice -n 19 $< -max_total_time=$(FUZZ_TIME) -max_len=8192 -rss_limit_mb=256 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus/pls fuzz/corpus/pls

$(BUILD)/bench/normalize_bench: bench/normalize_bench.c $(BUILD)/liboralise.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LTO) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

bench-normalize: $(BUILD)/bench/normalize_bench
	@BENCH=$< ./bench/normalize.sh
.PRECIOUS: $(FUZZ_BUILD)/obj/%.o
