package jazz.backend.simd;

import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

/**
 * Trains a {@link NativeModel}: per minibatch one gradient over all its sequences (split across the
 * configured threads), then one Adam update. Keeps Adam's moments and the iteration count across epochs.
 * In a JVM whose JIT is still compiling the kernels, the shards run on this thread alone until it has
 * settled (see {@link CompilerActivity}): the compiler gets the other core, and the results are the same.
 */
final class NativeTrainer implements Trainer {

    private final Parameters parameters;
    private final TrainingConfig config;
    private final AdamOptimizer adam;
    private final ParallelGradient gradient;
    private int epochsDone;
    private final int threads;
    /** Watches the JIT while this trainer runs on one thread; null once all threads take part. */
    private CompilerActivity warming;

    NativeTrainer(Parameters parameters, TrainingConfig config, int threads) {
        this.parameters = parameters;
        this.config = config;
        this.adam = new AdamOptimizer(config, parameters.layout.size);
        this.gradient = new ParallelGradient(parameters.layout, threads);
        this.threads = threads;
        if (threads > 1) {
            warming = CompilerActivity.watch();
            if (warming != null) {
                gradient.activate(1);
            }
        }
    }

    @Override
    public double epoch(TrainingSet data) {
        data.checkFits(parameters.layout.vocabulary);
        int count = data.count();
        int[] order = data.epochOrder(config.seed(), epochsDone);
        long start = System.nanoTime();
        double total = 0;
        for (int from = 0; from < count; from += config.batchSize()) {
            int rows = Math.min(config.batchSize(), count - from);
            total += gradient.compute(parameters, data, order, from, rows);
            gradient.update(adam);
        }
        epochsDone++;
        if (warming != null && warming.settledAfter(System.nanoTime() - start)) {
            gradient.activate(threads);
            warming = null;
        }
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
