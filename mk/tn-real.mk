# Real-text normalizer gold (bench/tn-real/, issue 11): sentences drawn from
# ../shared/corpus-real, rebuilt from line numbers and edits, then scored
# against raw eSpeak NG.
#   make eval-tn-real            dev (400 cases), dev2 to dev6 (200 each) and the first
#                                four held-out sets (200 each), labelled "heldout-seen"
#                                to "heldout4-seen": they have been scored and read,
#                                so they are dev sets now
#   make eval-tn-real HELDOUT=1  only heldout5 and heldout6 (200 cases each), the sets
#                                nobody has read: once, at the end of a round
#   make eval-tn-real V=1        list the cases eSpeak NG says right that oralise breaks
# SHARED is the shared folder: ../shared beside a checkout, ../../shared beside
# a worktree under wt/, or name it: make eval-tn-real SHARED=/path/to/shared
.PHONY: eval-tn-real

SHARED       ?= $(firstword $(wildcard ../shared ../../shared) ../shared)
TN_REAL_SETS := $(if $(HELDOUT),heldout5 heldout6,dev dev2 dev3 dev4 dev5 dev6 heldout heldout2 heldout3 heldout4)
TN_EVAL      := python3 $(SHARED)/eval/tn_eval.py \
                --gold-respell $(SHARED)/eval/espeak_fr_gold_respell.tsv

eval-tn-real: $(BUILD)/oralise oralise
	@if [ ! -f $(SHARED)/corpus-real/sentences.txt ] || [ ! -f $(SHARED)/eval/tn_eval.py ]; then \
	    echo "eval-tn-real: SKIPPED: $(SHARED)/corpus-real or $(SHARED)/eval is absent"; exit 0; fi; \
	python3 bench/tn-real/build.py --corpus $(SHARED)/corpus-real/sentences.txt --out build/tn-real $(TN_REAL_SETS) || exit 1; \
	for set in $(TN_REAL_SETS); do \
	    $(TN_EVAL) --cmd './oralise --normalize' --json build/tn-real/$$set.oralise.json \
	        build/tn-real/$$set.tsv >build/tn-real/$$set.oralise.txt || exit 1; \
	    $(TN_EVAL) --baseline --json build/tn-real/$$set.baseline.json \
	        build/tn-real/$$set.tsv >build/tn-real/$$set.baseline.txt || exit 1; \
	    python3 bench/tn-real/compare.py $(if $(V),-v) $$(case $$set in heldout|heldout[1-4]) echo $$set-seen;; *) echo $$set;; esac) \
	        build/tn-real/$$set.oralise.json build/tn-real/$$set.baseline.json || exit 1; \
	done

# The shared development set (../shared/eval/tn_dev_fr.tsv), scored twice:
# with the shared respell file alone (tn_eval.py's reference), then with the
# gold words of bench/tn-real/gold-french.tsv written in French too, the
# reference every tn-real set is scored against (see bench/tn-real/README.md).
#   make eval-tn-dev [SHARED=...]
.PHONY: eval-tn-dev
eval-tn-dev: $(BUILD)/oralise oralise
	@if [ ! -f $(SHARED)/eval/tn_dev_fr.tsv ]; then \
	    echo "eval-tn-dev: SKIPPED: $(SHARED)/eval is absent"; exit 0; fi; \
	mkdir -p build/tn-dev && \
	python3 bench/tn-real/gold-respell.py $(SHARED)/eval/espeak_fr_gold_respell.tsv build/tn-dev/respell.tsv && \
	printf 'shared respell file:           ' && \
	$(TN_EVAL) --cmd './oralise --normalize' $(SHARED)/eval/tn_dev_fr.tsv | tail -1 && \
	printf 'with bench/tn-real/gold-french: ' && \
	python3 $(SHARED)/eval/tn_eval.py --gold-respell build/tn-dev/respell.tsv \
	    --cmd './oralise --normalize' $(SHARED)/eval/tn_dev_fr.tsv | tail -1
