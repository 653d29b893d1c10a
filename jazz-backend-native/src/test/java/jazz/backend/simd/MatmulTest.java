package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The products against a plain double-precision sum, on shapes that reach each path (register blocks
 * and leftover rows, whole panels, a leftover vector and scalar columns), and the one-row product and
 * the products from a packed right-hand side and from a left operand stored transposed against the
 * blocked one bit for bit (rows also from the packed right-hand side): a row must not depend on which
 * path computed it.
 */
class MatmulTest {

    private static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    @ParameterizedTest
    @CsvSource({"1, 5, 3", "3, 7, 16", "4, 1, 16", "5, 9, 33", "16, 64, 256", "17, 300, 88", "9, 700, 21", "64, 480, 45",
            "14, 64, 256", "6, 256, 64", "30, 20, 40", "10, 33, 70", "12, 9, 32", "2, 10, 224", "3, 5, 400",
            "5, 64, 96", "7, 13, 111"})
    void productsMatchDoublePrecisionAndTheirRows(int m, int k, int n) {
        float[] a = random(m * k, m + k);
        float[] b = random(k * n, n + 1);
        float[] c = random(m * n, 3);
        float[] product = c.clone();
        Matmul.multiplyAdd(a, 0, m, k, b, 0, n, product, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = c[i * n + j];
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                // Terms below 1 in size: float rounding of a k-term sum stays within about k·2⁻²³.
                assertEquals(sum, product[i * n + j], 4e-7 * (k + 8), "element " + i + ", " + j);
            }
        }
        float[] rows = c.clone();
        for (int i = 0; i < m; i++) {
            Matmul.multiplyAddRow(a, i * k, k, b, 0, n, rows, i * n);
        }
        assertArrayEquals(product, rows, "row by row gives the blocked product's bits");
        float[] packed = new float[Matmul.packedLength(k, n)];
        Matmul.pack(b, 0, k, n, packed);
        float[] fromPacked = c.clone();
        Matmul.multiplyAddPacked(a, 0, m, k, b, 0, packed, n, fromPacked, 0);
        assertArrayEquals(product, fromPacked, "the packed right-hand side gives the same bits");
        float[] rowsFromPacked = c.clone();
        for (int i = 0; i < m; i++) {
            Matmul.multiplyAddRowPacked(a, i * k, k, b, 0, packed, n, rowsFromPacked, i * n);
        }
        assertArrayEquals(product, rowsFromPacked, "rows from the packed right-hand side give the same bits");
        // a stored transposed, as the first m columns of k rows m + 5 floats long, after 3 other floats.
        float[] transposed = new float[3 + k * (m + 5)];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                transposed[3 + p * (m + 5) + i] = a[i * k + p];
            }
        }
        float[] fromTransposed = c.clone();
        Matmul.multiplyAddTransposed(transposed, 3, m + 5, m, k, b, 0, n, fromTransposed, 0,
                new float[Matmul.scratchLength(k)]);
        assertArrayEquals(product, fromTransposed, "a read transposed gives the same bits");
    }

    @ParameterizedTest
    @CsvSource({"240, 64", "37, 21", "5, 3", "16, 256", "70, 1030", "33, 8192", "2, 9000"})
    void transposeMovesEveryElement(int rows, int cols) {
        float[] a = random(rows * cols + 7, rows);
        float[] t = new float[rows * cols + 5];
        Matmul.transpose(a, 7, rows, cols, t, 5);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(a[7 + r * cols + c], t[5 + c * rows + r], "element " + r + ", " + c);
            }
        }
    }
}
