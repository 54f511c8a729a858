# Web addresses (issue 13): what a fetch from the local test server adds to
# reading and converting the same page from a file, in time and in peak
# memory (bench/fetch.sh; RUNS=N for more runs, 15 by default).
.PHONY: bench-fetch

$(BUILD)/bench/fetch_bench: bench/fetch_bench.c $(BUILD)/liboralise.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/liboralise.a $(LDFLAGS) $(LIBS) -o $@

bench-fetch: all $(BUILD)/bench/fetch_bench
	FETCH_BENCH=$(BUILD)/bench/fetch_bench ./bench/fetch.sh $(RUNS)
