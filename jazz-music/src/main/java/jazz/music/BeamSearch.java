package jazz.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.TokenChooser;
import jazz.api.TrainingSet;

/**
 * Beam search over grammar tokens, one measure at a time: keeps the {@code width} most likely lines
 * (summed log-probabilities of the model's softmax) until the best of them all fill four beats, then
 * continues the next measure from the winner's state. No random draw is made, so the tokens depend
 * only on the model and the primer. Not thread-safe: one search per solo.
 */
final class BeamSearch {

    /** Expansion rounds per measure before the best line so far is taken (tokens last at least a sixteenth). */
    private static final int MAX_STEPS = 256;

    private final List<GrammarToken> vocabulary;
    private final int width;
    private Sampler state;
    private int pending = TrainingSet.NONE;

    /**
     * Starts from the zero state and the zero input, as sampling does.
     *
     * @param model the model
     * @param vocabulary the parsed vocabulary, index i for output i
     * @param width lines kept, at least 1
     */
    BeamSearch(SequenceModel model, List<GrammarToken> vocabulary, int width) {
        this.vocabulary = vocabulary;
        this.width = width;
        this.state = model.sampler();
    }

    /**
     * Runs the model over a primer, as {@link jazz.api.TokenStream#prime} does.
     *
     * @param tokens token indices
     */
    void prime(int[] tokens) {
        for (int token : tokens) {
            state.step(pending);
            pending = token;
        }
    }

    /**
     * The most likely measure the beam finds.
     *
     * @return tokens filling exactly four beats, fitted as {@link SoloGenerator#fillMeasure} fits them
     */
    List<GrammarToken> nextMeasure() {
        List<Line> beam = List.of(new Line(state, pending, 0, 0, List.of()));
        for (int step = 0; step < MAX_STEPS && !beam.stream().allMatch(Line::finished); step++) {
            List<Line> pool = new ArrayList<>();
            for (Line line : beam) {
                if (line.finished()) {
                    pool.add(line);
                } else {
                    expand(line, pool);
                }
            }
            pool.sort(Line.ORDER);
            beam = List.copyOf(pool.subList(0, Math.min(width, pool.size())));
        }
        Line best = beam.stream().filter(Line::finished).findFirst().orElse(beam.get(0));
        state = best.sampler();
        pending = best.pending();
        List<GrammarToken> measure = new ArrayList<>();
        double filled = 0;
        for (int token : best.tokens()) {
            GrammarToken fitted = SoloGenerator.fit(vocabulary.get(token), filled);
            measure.add(fitted);
            filled += fitted.duration();
        }
        return SoloGenerator.padToBarLine(measure, filled);
    }

    private void expand(Line line, List<Line> pool) {
        Sampler next = line.sampler().copy();
        double[] p = TokenChooser.softmax(next.step(line.pending()), 1.0);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        for (int k = 0; k < Math.min(width, order.length); k++) {
            int token = order[k];
            if (p[token] <= 0) {
                break;
            }
            double duration = SoloGenerator.fit(vocabulary.get(token), line.filled()).duration();
            List<Integer> tokens = new ArrayList<>(line.tokens());
            tokens.add(token);
            pool.add(new Line(next, token, line.logProbability() + Math.log(p[token]), line.filled() + duration,
                    List.copyOf(tokens)));
        }
    }

    /**
     * One line of the beam.
     *
     * @param sampler the model's state before {@code pending} is fed (shared by siblings; copied before stepping)
     * @param pending the last token, not yet fed
     * @param logProbability summed log-probability of the line's tokens
     * @param filled beats the line fills
     * @param tokens the line's token indices in this measure
     */
    private record Line(Sampler sampler, int pending, double logProbability, double filled, List<Integer> tokens) {

        /** Most likely first; equal likelihoods in token order, so the search never depends on chance. */
        static final Comparator<Line> ORDER = Comparator.comparingDouble(Line::logProbability).reversed()
                .thenComparing(Line::tokens, Line::compareTokens);

        boolean finished() {
            return filled >= Defaults.BEATS_PER_MEASURE - 1e-9;
        }

        private static int compareTokens(List<Integer> a, List<Integer> b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = Integer.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }
}
