package jazz.backend.simd;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;

import jazz.api.TrainingSet;

/**
 * The gradient of a minibatch, its sequences split into equal shards computed on separate threads
 * (the caller's and the common fork-join pool's), then summed in shard order so that the result does
 * not depend on timing. The shard tasks are made once and re-forked, so a minibatch allocates nothing.
 */
final class ParallelGradient {

    private final BatchGradient[] shards;
    private final float[][] gradients;
    private final double[] losses;
    private final ShardTask[] tasks;
    private Parameters parameters;
    private TrainingSet data;
    private int[] order;
    private int from;
    private int rows;

    ParallelGradient(ParameterLayout layout, int threads) {
        shards = new BatchGradient[threads];
        gradients = new float[threads][layout.size];
        losses = new double[threads];
        tasks = new ShardTask[threads];
        for (int s = 0; s < threads; s++) {
            shards[s] = new BatchGradient(layout);
            tasks[s] = new ShardTask(s);
        }
    }

    /**
     * Computes the minibatch of {@code rows} sequences from position {@code from} of {@code order}.
     *
     * @return the sum of the sequences' losses; the gradient of their mean is then in {@link #sum()}
     */
    double compute(Parameters parameters, TrainingSet data, int[] order, int from, int rows) {
        this.parameters = parameters;
        this.data = data;
        this.order = order;
        this.from = from;
        this.rows = rows;
        int used = Math.min(shards.length, rows);
        for (int s = 1; s < used; s++) {
            tasks[s].reinitialize();
            tasks[s].fork();
        }
        computeShard(0);
        double loss = losses[0];
        for (int s = 1; s < used; s++) {
            tasks[s].join();
            loss += losses[s];
            Matmul.add(gradients[s], 0, gradients[0], 0, gradients[0].length);
        }
        this.parameters = null;
        this.data = null;
        this.order = null;
        return loss;
    }

    /** The gradient of the last {@link #compute}; overwritten by the next one. */
    float[] sum() {
        return gradients[0];
    }

    private void computeShard(int shard) {
        int used = Math.min(shards.length, rows);
        int start = shard * rows / used;
        int end = (shard + 1) * rows / used;
        Arrays.fill(gradients[shard], 0f);
        losses[shard] = shards[shard].compute(parameters, data, order, from + start, end - start, 1f / rows,
                gradients[shard]);
    }

    /** One shard, reused from minibatch to minibatch. */
    private final class ShardTask extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final int shard;

        ShardTask(int shard) {
            this.shard = shard;
        }

        @Override
        protected void compute() {
            computeShard(shard);
        }
    }
}
