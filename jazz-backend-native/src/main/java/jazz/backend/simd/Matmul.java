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
    /** Steps of p per pass over the panels: a chunk of a packed panel is 16 KB whatever the vector size. */
    private static final int K_CHUNK = 2048 / L;

    /** Per-thread buffer for a packed column panel of {@code b}; grows to the largest panel, then stays. */
    private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private Matmul() {
    }

    /** The width of a packed column panel: two vectors, the width of the register block. */
    static int panelWidth() {
        return 2 * L;
    }

    /** The size of {@link #pack}'s output for a {@code [k][n]} matrix: its whole panels, side by side. */
    static int packedSize(int k, int n) {
        return (n - n % L) / (2 * L) * 2 * L * k;
    }

    /**
     * Copies the whole column panels ({@code 2L} columns each) of {@code b[k][n]} into {@code packed}, one
     * panel after the other, each row of a panel next to the previous one: the layout the register
     * blocks read. A matrix multiplied many times over (the recurrent kernel, once per step) is packed
     * once per update instead of once per product. Columns past the last whole panel are not copied;
     * the products read them from {@code b}.
     */
    static void pack(float[] b, int bOff, int k, int n, float[] packed) {
        int panels = (n - n % L) / (2 * L);
        for (int q = 0; q < panels; q++) {
            packPanel(b, bOff + q * 2 * L, k, n, packed, q * 2 * L * k);
        }
    }

    private static void packPanel(float[] b, int src, int k, int n, float[] panel, int panelOff) {
        for (int p = 0; p < k; p++, src += n) {
            FloatVector.fromArray(S, b, src).intoArray(panel, panelOff + 2 * L * p);
            FloatVector.fromArray(S, b, src + L).intoArray(panel, panelOff + 2 * L * p + L);
        }
    }

    /**
     * {@code c[m][n] += a[m][k] · b[k][n]}, all row-major and densely packed. Register-blocked in four
     * rows by two vectors; each column panel of {@code b} is packed once and used by every row block.
     * Rows beyond a multiple of four go through {@link #multiplyAddRow}.
     */
    static void multiplyAdd(float[] a, int aOff, int m, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        multiplyAdd(a, aOff, k, 1, m, k, null, b, bOff, n, c, cOff);
    }

    /** {@link #multiplyAdd(float[], int, int, int, float[], int, int, float[], int)} with {@code b}'s panels packed already by {@link #pack}. */
    static void multiplyAddPacked(float[] a, int aOff, int m, int k, float[] packed, float[] b, int bOff, int n,
                                  float[] c, int cOff) {
        multiplyAdd(a, aOff, k, 1, m, k, packed, b, bOff, n, c, cOff);
    }

    /**
     * {@code c[m][n] += a[k][m]ᵀ · b[k][n]}: the weight gradients, {@code hᵀ · dz} over all steps, without
     * first transposing the activations.
     */
    static void multiplyAddTransposedA(float[] a, int aOff, int m, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        multiplyAdd(a, aOff, 1, m, m, k, null, b, bOff, n, c, cOff);
    }

    /**
     * The product behind the public forms: element {@code (i, p)} of the left factor is
     * {@code a[aOff + i·rowStride + p·columnStride]}.
     */
    private static void multiplyAdd(float[] a, int aOff, int rowStride, int columnStride, int m, int k,
                                    float[] packed, float[] b, int bOff, int n, float[] c, int cOff) {
        int blocked = m - m % 4;
        for (int i = blocked; i < m; i++) {
            if (columnStride == 1) {
                multiplyAddRow(a, aOff + i * rowStride, k, b, bOff, n, c, cOff + i * n);
            } else {
                stridedRow(a, aOff + i * rowStride, columnStride, k, b, bOff, n, c, cOff + i * n);
            }
        }
        if (blocked == 0) {
            return;
        }
        int vectorColumns = n - n % L;
        float[] panel = packed;
        if (panel == null) {
            float[][] holder = PANEL.get();
            if (holder[0].length < 2 * L * Math.min(k, K_CHUNK)) {
                holder[0] = new float[2 * L * Math.min(k, K_CHUNK)];
            }
            panel = holder[0];
        }
        int panelColumns = vectorColumns - vectorColumns % (2 * L);
        // Steps of p in chunks, so that the chunk of a panel (16 KB) and of four rows of a stay in L1.
        for (int k0 = 0; k0 < k; k0 += K_CHUNK) {
            int kc = Math.min(K_CHUNK, k - k0);
            for (int j = 0, q = 0; j < panelColumns; j += 2 * L, q++) {
                int panelOff = 0;
                if (packed == null) {
                    // Copy the panel's rows next to each other: read in place they lie a whole row of b
                    // apart, one page per row for wide matrices, and every row block below walks them.
                    packPanel(b, bOff + k0 * n + j, kc, n, panel, 0);
                } else {
                    panelOff = q * 2 * L * k + k0 * 2 * L;
                }
                if (columnStride == 1) {
                    for (int i = 0; i < blocked; i += 4) {
                        block4x2(a, aOff + i * rowStride + k0, rowStride, kc, panel, panelOff, c, cOff + i * n + j, n);
                    }
                } else {
                    for (int i = 0; i < blocked; i += 4) {
                        block4x2Transposed(a, aOff + i + k0 * columnStride, columnStride, kc, panel, panelOff, c,
                                cOff + i * n + j, n);
                    }
                }
            }
        }
        int j = panelColumns;
        for (; j < vectorColumns; j += L) {
            // A vector of columns past the last whole panel.
            for (int i = 0; i < blocked; i++) {
                int c0 = cOff + i * n + j;
                FloatVector s0 = FloatVector.fromArray(S, c, c0);
                for (int p = 0; p < k; p++) {
                    s0 = FloatVector.broadcast(S, a[aOff + i * rowStride + p * columnStride])
                            .fma(FloatVector.fromArray(S, b, bOff + p * n + j), s0);
                }
                s0.intoArray(c, c0);
            }
        }
        for (; j < n; j++) {
            // Columns past the last whole vector: one fused multiply-add chain each.
            for (int i = 0; i < blocked; i++) {
                float sum = c[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * rowStride + p * columnStride], b[bOff + p * n + j], sum);
                }
                c[cOff + i * n + j] = sum;
            }
        }
    }

    /**
     * Four rows of {@code c} by two vectors of columns from a packed panel: eight accumulators in
     * registers, each row of the panel loaded once for the four rows.
     */
    private static void block4x2(float[] a, int a0, int rowStride, int k, float[] panel, int panelOff, float[] c, int c0,
                                 int n) {
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
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, panelOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, panelOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a0 + rowStride + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a0 + 2 * rowStride + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a0 + 3 * rowStride + p]);
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

    /** {@link #block4x2} with the left factor transposed: its four values of step {@code p} lie side by side. */
    private static void block4x2Transposed(float[] a, int a0, int stride, int k, float[] panel, int panelOff,
                                           float[] c, int c0, int n) {
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
        for (int p = 0, ap = a0; p < k; p++, ap += stride) {
            FloatVector b0 = FloatVector.fromArray(S, panel, panelOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, panelOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[ap + 3]);
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

    /** One row of {@code c} whose left factor's values lie {@code stride} apart (a column of a transposed factor). */
    private static void stridedRow(float[] a, int aOff, int stride, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        int vectorColumns = n - n % L;
        for (int p = 0; p < k; p++) {
            float x = a[aOff + p * stride];
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

    /**
     * {@code c[n] += a[k] · b[k][n]}, one row: streams {@code b} row by row (a column panel would jump a
     * whole row of {@code b} per load) and folds four rows of {@code b} into each load and store of {@code c}.
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
