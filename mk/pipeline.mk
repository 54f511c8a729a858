# Whole-pipeline and batch benchmarks (bench/pipeline.sh).
.PHONY: bench-pipeline
bench-pipeline: all
	./bench/pipeline.sh

# Peak memory on large and hostile inputs against 64 MiB (bench/memory.sh).
.PHONY: bench-memory
bench-memory: all
	./bench/memory.sh

# Compressed formats against espeak-ng + oggenc / lame / opusenc, CPU of
# .ogg, batch -j 2 against -j 1 (bench/overlap.sh; issue 15).
.PHONY: bench-overlap
bench-overlap: all $(BUILD)/bench/opus_choice
	OPUS_CHOICE=$(BUILD)/bench/opus_choice ./bench/overlap.sh
