package jazz.api;

/**
 * How tokens are drawn from a model.
 *
 * @param strategy argmax, temperature, top-k or top-p
 * @param temperature divides the logits before the softmax; greater than 0
 * @param topK how many tokens top-k keeps; at least 1
 * @param topP the probability mass top-p keeps; in (0, 1]
 * @param seed seeds every random draw, so a seed reproduces a sequence
 */
public record SamplingConfig(SamplingStrategy strategy, double temperature, int topK, double topP, long seed) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public SamplingConfig {
        if (strategy == null) {
            throw new IllegalArgumentException("sampling strategy must not be null");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a number greater than 0, got " + temperature);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
    }

    /**
     * Argmax sampling, as the notebook does.
     *
     * @return the config
     */
    public static SamplingConfig argmax() {
        return new SamplingConfig(SamplingStrategy.ARGMAX, 1.0, 5, 0.9, 0);
    }

    /**
     * Temperature sampling (deepjazz uses 0.5).
     *
     * @param temperature greater than 0
     * @param seed the seed of the draws
     * @return the config
     */
    public static SamplingConfig temperature(double temperature, long seed) {
        return new SamplingConfig(SamplingStrategy.TEMPERATURE, temperature, 5, 0.9, seed);
    }

    /**
     * A copy with another seed.
     *
     * @param newSeed the seed
     * @return the config
     */
    public SamplingConfig withSeed(long newSeed) {
        return new SamplingConfig(strategy, temperature, topK, topP, newSeed);
    }
}
