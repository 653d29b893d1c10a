package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense row-major matrix products on the Vector API. Every kernel takes arrays, offsets and sizes only,
 * so no vector value crosses a method boundary that the JIT might not inline.
 */
final class Matmul {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Per-thread buffer for a packed column panel of {@code b}; grows to the largest panel, then stays. */
    private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private Matmul() {
    }

    /**
     * {@code c[m][n] += a[m][k] · b[k][n]}, all row-major and densely packed. Register-blocked in four
     * rows by two vectors; each column panel of {@code b} is packed once and used by every row block.
     * Rows beyond a multiple of four go through {@link #multiplyAddRow}.
     */
    static void multiplyAdd(float[] a, int aOff, int m, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        int blocked = m - m % 4;
        for (int i = blocked; i < m; i++) {
            multiplyAddRow(a, aOff + i * k, k, b, bOff, n, c, cOff + i * n);
        }
        if (blocked == 0) {
            return;
        }
        m = blocked;
        int vectorColumns = n - n % L;
        float[][] holder = PANEL.get();
        if (holder[0].length < 2 * L * k) {
            holder[0] = new float[2 * L * k];
        }
        float[] panel = holder[0];
        int j = 0;
        for (; j + 2 * L <= vectorColumns; j += 2 * L) {
            // Copy the panel's rows next to each other: read in place they lie a whole row of b apart,
            // one page per row for wide matrices, and the row blocks below would walk them all again.
            for (int p = 0, src = bOff + j; p < k; p++, src += n) {
                FloatVector.fromArray(S, b, src).intoArray(panel, 2 * L * p);
                FloatVector.fromArray(S, b, src + L).intoArray(panel, 2 * L * p + L);
            }
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int c0 = cOff + i * n + j;
                int c1 = c0 + n;
                int c2 = c1 + n;
                int c3 = c2 + n;
                FloatVector s00 = FloatVector.fromArray(S, c, c0);
                FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
                FloatVector s10 = FloatVector.fromArray(S, c, c1);
                FloatVector s11 = FloatVector.fromArray(S, c, c1 + L);
                FloatVector s20 = FloatVector.fromArray(S, c, c2);
                FloatVector s21 = FloatVector.fromArray(S, c, c2 + L);
                FloatVector s30 = FloatVector.fromArray(S, c, c3);
                FloatVector s31 = FloatVector.fromArray(S, c, c3 + L);
                int a0 = aOff + i * k;
                for (int p = 0; p < k; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, panel, 2 * L * p);
                    FloatVector b1 = FloatVector.fromArray(S, panel, 2 * L * p + L);
                    FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                    s00 = x.fma(b0, s00);
                    s01 = x.fma(b1, s01);
                    x = FloatVector.broadcast(S, a[a0 + k + p]);
                    s10 = x.fma(b0, s10);
                    s11 = x.fma(b1, s11);
                    x = FloatVector.broadcast(S, a[a0 + 2 * k + p]);
                    s20 = x.fma(b0, s20);
                    s21 = x.fma(b1, s21);
                    x = FloatVector.broadcast(S, a[a0 + 3 * k + p]);
                    s30 = x.fma(b0, s30);
                    s31 = x.fma(b1, s31);
                }
                s00.intoArray(c, c0);
                s01.intoArray(c, c0 + L);
                s10.intoArray(c, c1);
                s11.intoArray(c, c1 + L);
                s20.intoArray(c, c2);
                s21.intoArray(c, c2 + L);
                s30.intoArray(c, c3);
                s31.intoArray(c, c3 + L);
            }
        }
        for (; j < vectorColumns; j += L) {
            for (int i = 0; i < m; i++) {
                int c0 = cOff + i * n + j;
                FloatVector s0 = FloatVector.fromArray(S, c, c0);
                int a0 = aOff + i * k;
                int bRow = bOff + j;
                for (int p = 0; p < k; p++, bRow += n) {
                    s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bRow), s0);
                }
                s0.intoArray(c, c0);
            }
        }
        if (vectorColumns < n) {
            for (int i = 0; i < m; i++) {
                int a0 = aOff + i * k;
                for (int jj = vectorColumns; jj < n; jj++) {
                    float sum = c[cOff + i * n + jj];
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a[a0 + p], b[bOff + p * n + jj], sum);
                    }
                    c[cOff + i * n + jj] = sum;
                }
            }
        }
    }

    /**
     * {@code c[n] += a[k] · b[k][n]}, one row: streams {@code b} row by row (a column panel would jump a
     * whole row of {@code b} per load) and folds four rows of {@code b} into each load and store of {@code c}.
     * Every element, in the vector columns and past them, is one chain of fused multiply-adds in the order
     * of p, as in {@link #multiplyAdd}'s blocks: a row gives the same bits by either path.
     */
    static void multiplyAddRow(float[] a, int aOff, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        int vectorColumns = n - n % L;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            float x0 = a[aOff + p];
            float x1 = a[aOff + p + 1];
            float x2 = a[aOff + p + 2];
            float x3 = a[aOff + p + 3];
            int r0 = bOff + p * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            int j = 0;
            for (; j < vectorColumns; j += L) {
                FloatVector sum = FloatVector.fromArray(S, c, cOff + j);
                sum = FloatVector.broadcast(S, x0).fma(FloatVector.fromArray(S, b, r0 + j), sum);
                sum = FloatVector.broadcast(S, x1).fma(FloatVector.fromArray(S, b, r1 + j), sum);
                sum = FloatVector.broadcast(S, x2).fma(FloatVector.fromArray(S, b, r2 + j), sum);
                sum = FloatVector.broadcast(S, x3).fma(FloatVector.fromArray(S, b, r3 + j), sum);
                sum.intoArray(c, cOff + j);
            }
            for (; j < n; j++) {
                float sum = Math.fma(x0, b[r0 + j], c[cOff + j]);
                sum = Math.fma(x1, b[r1 + j], sum);
                sum = Math.fma(x2, b[r2 + j], sum);
                c[cOff + j] = Math.fma(x3, b[r3 + j], sum);
            }
        }
        for (; p < k; p++) {
            float x = a[aOff + p];
            int r = bOff + p * n;
            int j = 0;
            for (; j < vectorColumns; j += L) {
                FloatVector.broadcast(S, x).fma(FloatVector.fromArray(S, b, r + j), FloatVector.fromArray(S, c, cOff + j))
                        .intoArray(c, cOff + j);
            }
            for (; j < n; j++) {
                c[cOff + j] = Math.fma(x, b[r + j], c[cOff + j]);
            }
        }
    }

    /** {@code t[cols][rows] = a[rows][cols]ᵀ}: lets weight gradients and backward products reuse {@link #multiplyAdd}. */
    static void transpose(float[] a, int aOff, int rows, int cols, float[] t, int tOff) {
        for (int r = 0; r < rows; r++) {
            int row = aOff + r * cols;
            for (int col = 0; col < cols; col++) {
                t[tOff + col * rows + r] = a[row + col];
            }
        }
    }

    /** Adds the {@code rows} rows of {@code a[rows][n]} into {@code sum[n]} (a bias gradient). */
    static void addRows(float[] a, int aOff, int rows, int n, float[] sum, int sumOff) {
        int vectorColumns = n - n % L;
        for (int r = 0; r < rows; r++) {
            int row = aOff + r * n;
            int j = 0;
            for (; j < vectorColumns; j += L) {
                FloatVector.fromArray(S, sum, sumOff + j).add(FloatVector.fromArray(S, a, row + j)).intoArray(sum, sumOff + j);
            }
            for (; j < n; j++) {
                sum[sumOff + j] += a[row + j];
            }
        }
    }

    /** {@code y[off..off+n) += x[xOff..xOff+n)}. */
    static void add(float[] x, int xOff, float[] y, int yOff, int n) {
        int j = 0;
        for (int vectorEnd = n - n % L; j < vectorEnd; j += L) {
            FloatVector.fromArray(S, y, yOff + j).add(FloatVector.fromArray(S, x, xOff + j)).intoArray(y, yOff + j);
        }
        for (; j < n; j++) {
            y[yOff + j] += x[xOff + j];
        }
    }
}
