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

# Opus settings measured on speech (issue 15): the encoder's own real-time
# factor and distances from the source for each application and complexity.
#   make bench-opus [OPUS_WAV=file.wav]   (default: the sample article)
$(BUILD)/bench/opus_choice: bench/opus_choice.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $< $(shell pkg-config --cflags --libs opus samplerate sndfile) -lm -o $@

OPUS_WAV ?= $(BUILD)/bench/sample.wav
$(BUILD)/bench/sample.wav: $(BUILD)/oralise
	@mkdir -p $(dir $@)
	$(BUILD)/oralise -q -j 1 --loudness -19 --pad 0 samples/lemonde-atacms.txt -o $@

.PHONY: bench-opus
bench-opus: $(BUILD)/bench/opus_choice $(OPUS_WAV)
	$(BUILD)/bench/opus_choice $(OPUS_WAV)
