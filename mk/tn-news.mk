# News normalizer gold (bench/tn-news/): real French, Swiss, Belgian and
# Quebec news sentences from a pool kept outside the repository (../gj, see
# bench/tn-news/README.md), rebuilt from keys and edits, then scored like
# eval-tn-real.
#   make eval-tn-news            the dev set (200 cases)
#   make eval-tn-news HELDOUT=1  the held-out set (200 cases): once, at the end of a round
#   make eval-tn-news V=1        list the cases raw eSpeak NG says right that oralise breaks
# TN_NEWS_POOL names the pool folder (default ../gj beside the checkout).
# Prints SKIPPED and succeeds when the shared folder or the pool is absent.
.PHONY: eval-tn-news

SHARED       ?= $(firstword $(wildcard ../shared ../../shared) ../shared)
TN_NEWS_SETS := $(if $(HELDOUT),heldout,dev)
TN_NEWS_EVAL := python3 $(SHARED)/eval/tn_eval.py \
                --gold-respell $(SHARED)/eval/espeak_fr_gold_respell.tsv

eval-tn-news: $(BUILD)/oralise oralise
	@if [ ! -f $(SHARED)/eval/tn_eval.py ]; then \
	    echo "eval-tn-news: SKIPPED: $(SHARED)/eval is absent"; exit 0; fi; \
	python3 bench/tn-news/build.py $(if $(TN_NEWS_POOL),--pool $(TN_NEWS_POOL)) --out build/tn-news $(TN_NEWS_SETS); st=$$?; \
	if [ $$st -eq 4 ]; then echo "eval-tn-news: SKIPPED: the pool is absent (see above)"; exit 0; fi; \
	[ $$st -eq 0 ] || exit 1; \
	for set in $(TN_NEWS_SETS); do \
	    $(TN_NEWS_EVAL) --cmd './oralise --normalize' --json build/tn-news/$$set.oralise.json \
	        build/tn-news/$$set.tsv >build/tn-news/$$set.oralise.txt || exit 1; \
	    $(TN_NEWS_EVAL) --baseline --json build/tn-news/$$set.baseline.json \
	        build/tn-news/$$set.tsv >build/tn-news/$$set.baseline.txt || exit 1; \
	    python3 bench/tn-real/compare.py $(if $(V),-v) news-$$set \
	        build/tn-news/$$set.oralise.json build/tn-news/$$set.baseline.json || exit 1; \
	done
