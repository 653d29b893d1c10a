package jazz.api;

/**
 * How a model is trained: Adam with Keras's time-based decay,
 * {@code lr_t = learningRate / (1 + decay · iterations)}, over shuffled minibatches.
 *
 * @param epochs passes over the training set; at least 1
 * @param batchSize sequences per minibatch; at least 1
 * @param learningRate Adam's initial step size; greater than 0
 * @param decay time-based decay per iteration; 0 or more
 * @param beta1 Adam's first-moment decay, in [0, 1)
 * @param beta2 Adam's second-moment decay, in [0, 1)
 * @param epsilon Adam's denominator guard (Keras: 1e-7); greater than 0
 * @param seed seeds the shuffling of every epoch
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double decay,
                             double beta1, double beta2, double epsilon, long seed) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a number greater than 0, got " + learningRate);
        }
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("decay must be 0 or more, got " + decay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be greater than 0, got " + epsilon);
        }
    }

    /**
     * The notebook's set-up: 100 epochs, minibatch 32, Adam(0.01, 0.9, 0.999), decay 0.01.
     *
     * @param seed the shuffling seed
     * @return the config
     */
    public static TrainingConfig notebook(long seed) {
        return new TrainingConfig(100, 32, 0.01, 0.01, 0.9, 0.999, 1e-7, seed);
    }

    /**
     * The learning rate at a given iteration (0 for the first minibatch).
     *
     * @param iteration number of minibatch updates already made
     * @return {@code learningRate / (1 + decay · iteration)}
     */
    public double learningRateAt(long iteration) {
        return learningRate / (1 + decay * iteration);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param newEpochs the number of epochs
     * @return the config
     */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, decay, beta1, beta2, epsilon, seed);
    }
}
