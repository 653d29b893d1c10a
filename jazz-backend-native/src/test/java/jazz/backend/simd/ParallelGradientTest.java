package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

/**
 * Shards and update pieces are claimed by whichever thread comes first, and a trainer may run on fewer
 * threads than it has shards while the JIT warms up: the losses and weights must come out the same
 * bit for bit however many threads take part.
 */
class ParallelGradientTest {

    @Test
    void theNumberOfActiveThreadsChangesNoBitOfTheLossesOrWeights() {
        ModelSpec spec = new ModelSpec(11, 16, 2);
        TrainingSet data = TestModels.sequences(13, 9, 11, 6);
        int[] order = order(data.count(), 5);
        float[][] weights = new float[3][];
        double[][] losses = new double[3][4];
        for (int active = 1; active <= 3; active++) {
            ParameterLayout layout = new ParameterLayout(spec);
            Parameters parameters = new Parameters(layout);
            parameters.importFrom(TestModels.weights(spec, 5));
            ParallelGradient gradient = new ParallelGradient(layout, 3);
            gradient.activate(active);
            AdamOptimizer adam = new AdamOptimizer(TrainingConfig.notebook(1), layout.size);
            for (int step = 0; step < 4; step++) {
                // Minibatches of 13 and then 6 sequences: shards of unequal sizes.
                losses[active - 1][step] = gradient.compute(parameters, data, order, 0, step % 2 == 0 ? 13 : 6);
                gradient.update(adam);
            }
            weights[active - 1] = parameters.values.clone();
        }
        for (int active = 2; active <= 3; active++) {
            assertArrayEquals(losses[0], losses[active - 1], "losses with " + active + " threads");
            assertArrayEquals(weights[0], weights[active - 1], "weights with " + active + " threads");
        }
    }

    @Test
    void shardsCutAtEvenRowsCoverEverySequenceOnce() {
        ModelSpec spec = new ModelSpec(11, 16, 1);
        TrainingSet data = TestModels.sequences(30, 9, 11, 8);
        int[] order = order(data.count(), 1);
        for (int rows : new int[] {30, 28, 13, 7, 3}) {
            double[] losses = new double[2];
            float[][] sums = new float[2][];
            for (int run = 0; run < 2; run++) {
                ParameterLayout layout = new ParameterLayout(spec);
                Parameters parameters = new Parameters(layout);
                parameters.importFrom(TestModels.weights(spec, 9));
                // One shard, against two threads' four shards (even sizes where the rows allow).
                ParallelGradient gradient = new ParallelGradient(layout, run == 0 ? 1 : 2);
                losses[run] = gradient.compute(parameters, data, order, 0, rows);
                sums[run] = gradient.sum().clone();
            }
            assertEquals(losses[0], losses[1], 1e-5 * losses[0], rows + " rows: loss");
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < sums[0].length; i++) {
                scale = Math.max(scale, Math.abs(sums[0][i]));
                worst = Math.max(worst, Math.abs(sums[0][i] - sums[1][i]));
            }
            assertTrue(scale > 0 && worst <= 1e-5 * scale, rows + " rows: gradient differs by " + worst + " of " + scale);
        }
    }

    /** The sequences in the order {@code i·step mod count} (a permutation for {@code step} prime to it). */
    private static int[] order(int count, int step) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (i * step) % count;
        }
        return order;
    }

    @Test
    void anActiveCountOutsideTheThreadsIsRejected() {
        ParallelGradient gradient = new ParallelGradient(new ParameterLayout(new ModelSpec(5, 4, 1)), 2);
        assertThrows(IllegalArgumentException.class, () -> gradient.activate(0));
        assertThrows(IllegalArgumentException.class, () -> gradient.activate(3));
        gradient.activate(1);
        assertEquals(1, gradient.active());
    }
}
