# Whole-pipeline and batch benchmarks (bench/pipeline.sh).
.PHONY: bench-pipeline
bench-pipeline: all
	./bench/pipeline.sh
