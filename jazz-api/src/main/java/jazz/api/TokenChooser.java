package jazz.api;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks a token from logits with one of the {@link SamplingStrategy strategies}. The draws come from
 * one generator seeded by the config, and the arithmetic is done in double precision in a fixed order,
 * so the same logits and seed give the same tokens on every backend. Not thread-safe.
 */
public final class TokenChooser {

    private final SamplingConfig config;
    private final SplittableRandom random;

    /**
     * @param config strategy, temperature, k, p and seed
     * @throws IllegalArgumentException for {@link SamplingStrategy#BEAM}, which searches whole lines
     *         rather than choosing one token at a time
     */
    public TokenChooser(SamplingConfig config) {
        if (config.strategy() == SamplingStrategy.BEAM) {
            throw new IllegalArgumentException("beam search is not a per-token choice: it compares whole lines, "
                    + "so it runs in the solo generator, not in a TokenChooser");
        }
        this.config = config;
        this.random = new SplittableRandom(config.seed());
    }

    /** @return the config */
    public SamplingConfig config() {
        return config;
    }

    /**
     * Chooses a token.
     *
     * @param logits the model's logits for the next token
     * @return the chosen token index
     */
    public int choose(float[] logits) {
        if (config.strategy() == SamplingStrategy.ARGMAX) {
            return argmax(logits);
        }
        double[] p = softmax(logits, config.temperature());
        Integer[] order = null;
        if (config.strategy() == SamplingStrategy.TOP_K || config.strategy() == SamplingStrategy.TOP_P) {
            order = byProbability(p);
            int keep;
            if (config.strategy() == SamplingStrategy.TOP_K) {
                keep = Math.min(config.topK(), p.length);
            } else {
                double mass = 0;
                keep = 0;
                while (keep < p.length && mass < config.topP()) {
                    mass += p[order[keep++]];
                }
            }
            double[] kept = new double[p.length];
            for (int i = 0; i < keep; i++) {
                kept[order[i]] = p[order[i]];
            }
            p = kept;
        }
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double u = random.nextDouble() * total;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                acc += p[i];
                last = i;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last >= 0 ? last : argmax(logits);
    }

    /**
     * The index of the largest logit; the first one on ties.
     *
     * @param logits values
     * @return the index
     */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Softmax of {@code logits / temperature}, in double precision.
     *
     * @param logits values
     * @param temperature greater than 0
     * @return probabilities summing to 1
     */
    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static Integer[] byProbability(double[] p) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        return order;
    }
}
