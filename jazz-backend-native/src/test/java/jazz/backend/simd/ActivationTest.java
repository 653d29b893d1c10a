package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jazz.api.TrainingSet;

/**
 * The softmax cross-entropy kernel: the same bits whether the JIT has compiled it yet or not (on Java 25
 * the Vector API's own float sum of lanes adds them in another order once C2 compiles it, which made a
 * training run depend on timing), the same bits for a row however the rows are blocked, and the loss and
 * gradient of a softmax computed here in double.
 */
class ActivationTest {

    private static final int V = 90;
    private static final int VP = 96;

    @Test
    void sameBitsBeforeAndAfterCompilation() {
        int rows = 64;
        float[] inputs = randomLogits(rows, 7);
        int[] targets = targets(rows);
        float[] scratch = new float[Activation.softmaxScratchLength()];
        float[] first = inputs.clone();
        double firstLoss = Activation.softmaxCrossEntropy(first, 0, rows, V, VP, targets, 0, 1f / 32, scratch);
        // Enough calls for C1 and then C2 to compile the kernel (their thresholds are some thousands).
        float[] again = new float[inputs.length];
        for (int call = 0; call < 20_000; call++) {
            System.arraycopy(inputs, 0, again, 0, inputs.length);
            Activation.softmaxCrossEntropy(again, 0, rows, V, VP, targets, 0, 1f / 32, scratch);
        }
        System.arraycopy(inputs, 0, again, 0, inputs.length);
        double loss = Activation.softmaxCrossEntropy(again, 0, rows, V, VP, targets, 0, 1f / 32, scratch);
        assertEquals(Double.doubleToLongBits(firstLoss), Double.doubleToLongBits(loss), "loss");
        assertArrayEquals(first, again, "gradient");
    }

    /**
     * Rows go through the kernel in blocks of a vector's length: a block's rows, a last partial block and
     * rows without a target give the bits each row gets alone, and the loss is the rows' losses summed in
     * order.
     */
    @Test
    void blocksOfRowsGiveEachRowsOwnBits() {
        int rows = 2 * Matmul.lanes() + 5;
        float[] inputs = randomLogits(rows, 13);
        int[] targets = targets(rows);
        targets[3] = TrainingSet.NONE;
        targets[rows - 1] = TrainingSet.NONE;
        float[] scratch = new float[Activation.softmaxScratchLength()];
        float[] together = inputs.clone();
        double loss = Activation.softmaxCrossEntropy(together, 0, rows, V, VP, targets, 0, 0.25f, scratch);
        double summed = 0;
        for (int r = 0; r < rows; r++) {
            float[] alone = java.util.Arrays.copyOfRange(inputs, r * VP, (r + 1) * VP);
            summed += Activation.softmaxCrossEntropy(alone, 0, 1, V, VP, targets, r, 0.25f, scratch);
            assertArrayEquals(alone, java.util.Arrays.copyOfRange(together, r * VP, (r + 1) * VP), "row " + r);
        }
        assertEquals(Double.doubleToLongBits(summed), Double.doubleToLongBits(loss));
        for (int i = 3 * VP; i < 4 * VP; i++) {
            assertEquals(0f, together[i], "a row without a target is zero");
        }
    }

    /**
     * σ and tanh against the same functions in double, over every 512-bit lane position of a step's gates
     * (the i, f, o blocks σ, the c block tanh), from far below to far above the exponential's range,
     * with a tail of lanes past the last whole vector.
     */
    @Test
    void sigmoidAndTanhAgainstDouble() {
        int n = 5;
        int[] kinds = new int[4 * n];
        java.util.Arrays.fill(kinds, 2 * n, 3 * n, 1);
        float[] pattern = Activation.pattern(kinds);
        SplittableRandom random = new SplittableRandom(3);
        int len = 4 * n * 41 + 7;
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = i < 8 ? new float[] {0f, -0f, 1e-30f, -100f, 100f, 1e30f, -1e30f, 88.7f}[i]
                    : (float) random.nextDouble(-30, 30);
        }
        float[] y = x.clone();
        Activation.squash(y, 0, len, pattern, 4 * n);
        for (int i = 0; i < len; i++) {
            double v = x[i];
            boolean tanh = kinds[i % (4 * n)] == 1;
            double expected = tanh ? Math.tanh(v) : 1 / (1 + Math.exp(-v));
            assertEquals(expected, y[i], 3e-7, (tanh ? "tanh(" : "σ(") + v + ") at " + i);
        }
        float[] nan = {Float.NaN};
        Activation.tanh(nan, 0, 1);
        assertEquals(Float.NaN, nan[0]);
    }

    private static float[] randomLogits(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] logits = new float[rows * VP];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < V; i++) {
                logits[r * VP + i] = (float) (random.nextDouble(-1, 1) * Math.exp(random.nextDouble(-3, 3)));
            }
        }
        return logits;
    }

    private static int[] targets(int rows) {
        int[] targets = new int[rows];
        for (int r = 0; r < rows; r++) {
            targets[r] = (r * 37) % V;
        }
        return targets;
    }

    @Test
    void lossAndGradientOfTheSoftmax() {
        SplittableRandom random = new SplittableRandom(11);
        float[] row = new float[VP];
        for (int i = 0; i < V; i++) {
            row[i] = (float) random.nextDouble(-4, 4);
        }
        int target = 17;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < V; i++) {
            max = Math.max(max, row[i]);
        }
        double sum = 0;
        for (int i = 0; i < V; i++) {
            sum += Math.exp(row[i] - max);
        }
        double expectedLoss = Math.log(sum) - (row[target] - max);
        double[] expected = new double[VP];
        for (int i = 0; i < V; i++) {
            expected[i] = 0.5 * (Math.exp(row[i] - max) / sum - (i == target ? 1 : 0));
        }
        float[] got = row.clone();
        double loss = Activation.softmaxCrossEntropy(got, 0, 1, V, VP, new int[] {target}, 0, 0.5f,
                new float[Activation.softmaxScratchLength()]);
        assertEquals(expectedLoss, loss, 1e-5);
        for (int i = 0; i < VP; i++) {
            assertEquals(expected[i], got[i], 1e-6, "gradient " + i);
        }
    }
}
