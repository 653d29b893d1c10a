package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jazz.api.Sampler;
import jazz.api.SamplingConfig;
import jazz.api.SamplingStrategy;
import jazz.api.TokenChooser;
import jazz.api.TrainingSet;

class BeamSearchTest {

    private final List<String> vocabulary = List.of("C,1.000", "C,2.000", "R,4.000");
    private final List<GrammarToken> parsed = vocabulary.stream().map(GrammarToken::parse).toList();

    @Test
    void aBeamWiderThanEveryLineFindsTheMostLikelyMeasure() {
        for (long seed = 1; seed <= 6; seed++) {
            FixedLogitsModel model = new FixedLogitsModel(3, seed);
            BeamSearch beam = new BeamSearch(model, parsed, 64);
            List<GrammarToken> found = beam.nextMeasure();
            Best best = new Best();
            exhaustive(model.sampler(), TrainingSet.NONE, 0, 0, new ArrayList<>(), best);
            assertEquals(best.tokens.stream().map(parsed::get).toList(), found, "seed " + seed);
        }
    }

    @Test
    void aBeamOfOneIsArgmaxAndTheSeedOnlyMovesTheDecodedPitches() {
        Corpus corpus = Corpus.builtIn();
        FixedLogitsModel model = new FixedLogitsModel(corpus.vocabulary().size(), 5);
        ChordProgression changes = ChordProgression.parse("Dm7 G7 | Cmaj7 | Fm7 Bb7 | Ebmaj7");
        GenerationOptions width1 = new GenerationOptions(List.of(), DecoderConstraints.NONE, 1);
        Solo beam = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6,
                new SamplingConfig(SamplingStrategy.BEAM, 1.0, 5, 0.9, 21), width1);
        Solo argmax = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6,
                new SamplingConfig(SamplingStrategy.ARGMAX, 1.0, 5, 0.9, 21));
        assertEquals(argmax, beam);
        GenerationOptions width4 = new GenerationOptions(List.of(), DecoderConstraints.NONE, 4);
        Solo wide = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6,
                new SamplingConfig(SamplingStrategy.BEAM, 1.0, 5, 0.9, 21), width4);
        Solo again = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6,
                new SamplingConfig(SamplingStrategy.BEAM, 1.0, 5, 0.9, 21), width4);
        assertEquals(wide, again);
        assertEquals(6, wide.measures());
        assertTrue(wide.notes().stream().allMatch(n -> n.onset() + n.duration() <= 24 + 1e-9));
    }

    /** Every line filling four beats, its probability multiplied out step by step. */
    private void exhaustive(Sampler sampler, int pending, double filled, double logP, List<Integer> tokens, Best best) {
        if (filled >= 4 - 1e-9) {
            if (logP > best.logP) {
                best.logP = logP;
                best.tokens = List.copyOf(tokens);
            }
            return;
        }
        Sampler next = sampler.copy();
        double[] p = TokenChooser.softmax(next.step(pending), 1.0);
        for (int t = 0; t < p.length; t++) {
            double duration = Math.min(parsed.get(t).duration(), 4 - filled);
            tokens.add(t);
            exhaustive(next, t, filled + duration, logP + Math.log(p[t]), tokens, best);
            tokens.remove(tokens.size() - 1);
        }
    }

    private static final class Best {
        double logP = Double.NEGATIVE_INFINITY;
        List<Integer> tokens;
    }
}
