package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form of the product against a plain double-precision sum, on shapes that reach each path:
 * register blocks and leftover rows, whole panels, a leftover vector and scalar columns, and more
 * steps of p than one chunk (so the products carry across chunks).
 */
class MatmulTest {

    private static final int L = Matmul.panelWidth() / 2;

    private static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** {@code c + a·b} in double precision, {@code a} given as [m][k] (or [k][m] when transposed). */
    private static double[] expected(float[] a, boolean transposed, float[] b, float[] c, int m, int k, int n) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = c[i * n + j];
                for (int p = 0; p < k; p++) {
                    sum += (double) (transposed ? a[p * m + i] : a[i * k + p]) * b[p * n + j];
                }
                out[i * n + j] = sum;
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, float[] actual, int offset, int k, String form) {
        for (int i = 0; i < expected.length; i++) {
            // Each term is below 1 in size: float rounding of a k-term sum stays within k·2⁻²³ or so.
            assertEquals(expected[i], actual[offset + i], 4e-7 * (k + 8), form + ": element " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 5, 3", "3, 7, 16", "4, 1, 16", "5, 9, 33", "16, 64, 256", "17, 300, 88", "9, 700, 21", "64, 480, 40"})
    void everyFormMatchesTheDoublePrecisionProduct(int m, int kSteps, int nUnits) {
        // Shapes scale with the vector length, so the same paths are taken on 256- and 512-bit machines.
        int k = kSteps;
        int n = nUnits * L / 8 + nUnits % 8;
        float[] a = random(m * k, m + k);
        float[] b = random(k * n, n + 1);
        float[] c = random(m * n, 3);
        double[] want = expected(a, false, b, c, m, k, n);

        float[] plain = c.clone();
        Matmul.multiplyAdd(a, 0, m, k, b, 0, n, plain, 0);
        assertClose(want, plain, 0, k, "multiplyAdd");

        float[] packed = new float[Matmul.packedSize(k, n)];
        Matmul.pack(b, 0, k, n, packed);
        float[] fromPacked = c.clone();
        Matmul.multiplyAddPacked(a, 0, m, k, packed, b, 0, n, fromPacked, 0);
        assertArrayEquals(plain, fromPacked, "packed panels give the same bits as panels packed on the fly");

        float[] aT = new float[k * m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aT[p * m + i] = a[i * k + p];
            }
        }
        // Offsets inside larger arrays, as the training buffers use them.
        float[] aTWide = new float[aT.length + 5];
        System.arraycopy(aT, 0, aTWide, 5, aT.length);
        float[] cWide = new float[c.length + 3];
        System.arraycopy(c, 0, cWide, 3, c.length);
        Matmul.multiplyAddTransposedA(aTWide, 5, m, k, b, 0, n, cWide, 3);
        assertClose(want, cWide, 3, k, "multiplyAddTransposedA");
        float[] transposedResult = java.util.Arrays.copyOfRange(cWide, 3, 3 + c.length);
        assertArrayEquals(plain, transposedResult, "the transposed form adds in the same order");

        if (m == 1) {
            float[] row = c.clone();
            Matmul.multiplyAddRow(a, 0, k, b, 0, n, row, 0);
            assertArrayEquals(plain, row, "one row");
        }
    }
}
