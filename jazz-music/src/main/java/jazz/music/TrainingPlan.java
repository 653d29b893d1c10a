package jazz.music;

import jazz.api.TrainingConfig;

/**
 * What to train: how many windows of how many tokens to cut from the corpus, the model's size, and
 * the optimiser set-up (whose seed also picks the windows and the starting weights).
 *
 * @param windows training windows cut from the corpus (the notebook's m = 60)
 * @param windowLength tokens per window (the notebook's Tx = 30)
 * @param hiddenSize LSTM units per layer (64)
 * @param layers stacked LSTM layers (1)
 * @param config epochs, batch, Adam and its decay, seed
 */
public record TrainingPlan(int windows, int windowLength, int hiddenSize, int layers, TrainingConfig config) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public TrainingPlan {
        if (windows < 1 || windows > 1_000_000) {
            throw new IllegalArgumentException("windows must be between 1 and 1000000, got " + windows);
        }
        if (windowLength < 2 || windowLength > 10_000) {
            throw new IllegalArgumentException("window length must be between 2 and 10000, got " + windowLength);
        }
        if (hiddenSize < 1 || layers < 1) {
            throw new IllegalArgumentException("hidden size and layers must be at least 1");
        }
    }

    /**
     * The notebook's set-up: 60 windows of 30 tokens, one LSTM of 64 units, 100 epochs of Adam.
     *
     * @param seed the seed of windows, weights and shuffling
     * @return the plan
     */
    public static TrainingPlan notebook(long seed) {
        return new TrainingPlan(60, 30, 64, 1, TrainingConfig.notebook(seed));
    }
}
