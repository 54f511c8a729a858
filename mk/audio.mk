# Audio stage: benchmark of CPU cost per minute of audio for each format
# against eSpeak NG's CLI, and time to the first byte when streaming.
#   make bench-audio            (N=12 make bench-audio for a longer article)
.PHONY: bench-audio

$(BUILD)/bench/audio_ttfb: bench/audio_ttfb.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror $< -o $@

# Loudness and true peak of decoded files, as the tests measure them.
$(BUILD)/bench/audio_level: bench/audio_level.c tests/audioutil.h tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests $< $(LDFLAGS) $(LIBS) -o $@

bench-audio: $(BUILD)/oralise $(BUILD)/bench/audio_ttfb $(BUILD)/bench/audio_level
	./bench/audio-bench.sh $(BUILD)/oralise $(BUILD)/bench/audio_ttfb $(BUILD)/bench/audio_level
