package jazz.backend.simd;

import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

/**
 * Trains a {@link NativeModel}: per minibatch one gradient over all its sequences (split across the
 * configured threads), then one Adam update. Keeps Adam's moments and the iteration count across epochs.
 */
final class NativeTrainer implements Trainer {

    private final Parameters parameters;
    private final TrainingConfig config;
    private final AdamOptimizer adam;
    private final ParallelGradient gradient;
    private int epochsDone;

    NativeTrainer(Parameters parameters, TrainingConfig config, int threads) {
        this.parameters = parameters;
        this.config = config;
        this.adam = new AdamOptimizer(config, parameters.layout.size);
        this.gradient = new ParallelGradient(parameters.layout, threads);
    }

    @Override
    public double epoch(TrainingSet data) {
        data.checkFits(parameters.layout.vocabulary);
        int count = data.count();
        int[] order = data.epochOrder(config.seed(), epochsDone);
        double total = 0;
        for (int from = 0; from < count; from += config.batchSize()) {
            int rows = Math.min(config.batchSize(), count - from);
            total += gradient.compute(parameters, data, order, from, rows);
            gradient.update(adam);
        }
        epochsDone++;
        return total / count;
    }

    @Override
    public int epochsDone() {
        return epochsDone;
    }

    @Override
    public TrainingConfig config() {
        return config;
    }
}
