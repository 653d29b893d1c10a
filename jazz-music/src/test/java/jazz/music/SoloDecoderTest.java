package jazz.music;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jazz.api.SamplingConfig;

class SoloDecoderTest {

    private final Corpus corpus = Corpus.builtIn();
    private final FixedLogitsModel model = new FixedLogitsModel(corpus.vocabulary().size(), 5);
    private final ChordProgression changes = ChordProgression.parse("Dm7 G7 | Cmaj7 | Fm7 Bb7 | Ebmaj7");

    @Test
    void everyNoteStaysInTheRangeAndNoLeapIsWiderThanAllowed() {
        DecoderConstraints limits = new DecoderConstraints(PitchRange.parse("E4-E5"), 4);
        for (long seed = 1; seed <= 5; seed++) {
            Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 16,
                    SamplingConfig.temperature(1.0, seed), new GenerationOptions(List.of(), limits, 4));
            List<SoloNote> notes = solo.notes();
            assertTrue(notes.size() > 16, "notes " + notes.size());
            for (int i = 0; i < notes.size(); i++) {
                int p = notes.get(i).pitch();
                assertTrue(p >= 64 && p <= 76, "seed " + seed + ": pitch " + p + " outside E4-E5");
                if (i > 0) {
                    int leap = Math.abs(p - notes.get(i - 1).pitch());
                    assertTrue(leap <= 4 && leap > 0, "seed " + seed + ": leap " + leap + " at note " + i);
                }
            }
        }
    }

    @Test
    void withoutLimitsTheSameSeedLeapsWiderThanTheLimitAllows() {
        Solo free = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 16, SamplingConfig.temperature(1.0, 2));
        int widest = 0;
        for (int i = 1; i < free.notes().size(); i++) {
            widest = Math.max(widest, Math.abs(free.notes().get(i).pitch() - free.notes().get(i - 1).pitch()));
        }
        assertTrue(widest > 4, "the unconstrained solo never leaps more than 4 semitones, so the test proves nothing");
        Solo limited = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 16, SamplingConfig.temperature(1.0, 2),
                new GenerationOptions(List.of(), new DecoderConstraints(PitchRange.DEFAULT, 4), 4));
        assertNotEquals(free.notes(), limited.notes());
    }

    @Test
    void aLowRangeMovesEveryFirstNoteOfAMeasureDownToo() {
        DecoderConstraints low = new DecoderConstraints(PitchRange.parse("C2-C3"), DecoderConstraints.NO_LEAP_LIMIT);
        Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 8, SamplingConfig.temperature(1.0, 4),
                new GenerationOptions(List.of(), low, 4));
        assertTrue(solo.notes().stream().allMatch(n -> n.pitch() >= 36 && n.pitch() <= 48), solo.notes().toString());
    }
}
