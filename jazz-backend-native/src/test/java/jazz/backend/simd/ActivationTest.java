package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The softmax cross-entropy kernel: the same bits whether the JIT has compiled it yet or not (on Java 25
 * the Vector API's own float sum of lanes adds them in another order once C2 compiles it, which made a
 * training run depend on timing), and the loss and gradient of a softmax computed here in double.
 */
class ActivationTest {

    private static final int V = 90;
    private static final int VP = 96;

    @Test
    void sameBitsBeforeAndAfterCompilation() {
        SplittableRandom random = new SplittableRandom(7);
        int rows = 64;
        float[][] inputs = new float[rows][VP];
        for (float[] row : inputs) {
            for (int i = 0; i < V; i++) {
                row[i] = (float) (random.nextDouble(-1, 1) * Math.exp(random.nextDouble(-3, 3)));
            }
        }
        float[] lanes = new float[Matmul.lanes()];
        float[][] first = new float[rows][];
        double[] firstLoss = new double[rows];
        for (int r = 0; r < rows; r++) {
            first[r] = inputs[r].clone();
            firstLoss[r] = Activation.softmaxCrossEntropy(first[r], 0, V, VP, r % V, 1f / 32, lanes);
        }
        // Enough calls for C1 and then C2 to compile the kernel (their thresholds are some thousands).
        float[] row = new float[VP];
        for (int call = 0; call < 60_000; call++) {
            System.arraycopy(inputs[call % rows], 0, row, 0, VP);
            Activation.softmaxCrossEntropy(row, 0, V, VP, call % V, 1f / 32, lanes);
        }
        for (int r = 0; r < rows; r++) {
            float[] again = inputs[r].clone();
            double loss = Activation.softmaxCrossEntropy(again, 0, V, VP, r % V, 1f / 32, lanes);
            assertEquals(Double.doubleToLongBits(firstLoss[r]), Double.doubleToLongBits(loss), "loss of row " + r);
            assertArrayEquals(first[r], again, "gradient of row " + r);
        }
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
        double loss = Activation.softmaxCrossEntropy(got, 0, V, VP, target, 0.5f, new float[Matmul.lanes()]);
        assertEquals(expectedLoss, loss, 1e-5);
        for (int i = 0; i < VP; i++) {
            assertEquals(expected[i], got[i], 1e-6, "gradient " + i);
        }
    }
}
