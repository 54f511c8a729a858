# Whole-pipeline and batch benchmarks (bench/pipeline.sh).
.PHONY: bench-pipeline
bench-pipeline: all
	./bench/pipeline.sh

# Peak memory on large and hostile inputs against 64 MiB (bench/memory.sh).
.PHONY: bench-memory
bench-memory: all
	./bench/memory.sh
