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
    /**
     * Whether to use the eight- and six-row blocks: their 16 and 12 accumulators, two panel vectors and
     * a broadcast fit in the 32 registers of AVX-512, not in the 16 of AVX2 (where they would spill).
     */
    private static final boolean WIDE_BLOCKS = S.vectorBitSize() >= 512;

    private Matmul() {
    }

    /**
     * {@code c[m][n] += a[m][k] · b[k][n]}, all row-major and densely packed. Register-blocked in eight
     * and six rows by two vectors where the registers allow (16 and 12 independent FMA chains: enough
     * to hide the FMA latency), then four and two rows; each column panel of {@code b} is copied once
     * into {@code scratch} (at least {@link #scratchLength}{@code (k)} long) and used by every row block.
     * An odd last row, and products of fewer than four rows, go through {@link #multiplyAddRow}.
     */
    static void multiplyAdd(float[] a, int aOff, int m, int k, float[] b, int bOff, int n, float[] c, int cOff,
                            float[] scratch) {
        multiply(a, aOff, k, m, k, b, bOff, null, n, c, cOff, scratch);
    }

    /**
     * {@code c[m][n] += aᵀ · b[k][n]} for {@code a} stored as {@code k} rows {@code lda ≥ m} apart, of which
     * the first {@code m} columns are used: a weight gradient from a layer's time-major outputs without
     * transposing them first. Blocks of eight rows (four where the registers are fewer) read the values of
     * one {@code p} next to each other, one cache line for eight rows where a transposed copy is read in
     * eight streams: 64 x 480 x 256 in 105-113 µs against 127-142 transposing and then multiplying, and
     * 64 x 480 x 96 in 35-42 against 50-66. Rows past the last block are gathered into {@code scratch}
     * ({@link #scratchLength}{@code (k)}) one at a time and go through {@link #multiplyAddRow}. Gives the
     * same bits as {@link #multiplyAdd} on the transpose.
     */
    static void multiplyAddTransposed(float[] a, int aOff, int lda, int m, int k, float[] b, int bOff, int n,
                                      float[] c, int cOff, float[] scratch) {
        int blocked = m - m % 4;
        for (int i = blocked; i < m; i++) {
            for (int p = 0; p < k; p++) {
                scratch[p] = a[aOff + p * lda + i];
            }
            multiplyAddRow(scratch, 0, k, b, bOff, n, c, cOff + i * n);
        }
        int vectorColumns = n - n % L;
        int j = 0;
        for (; j + 2 * L <= vectorColumns; j += 2 * L) {
            copyPanel(b, bOff + j, k, n, scratch, 0);
            int i = 0;
            if (WIDE_BLOCKS) {
                for (; i + 8 <= blocked; i += 8) {
                    rows8Transposed(a, aOff + i, lda, k, scratch, n, c, cOff + i * n + j);
                }
            }
            for (; i < blocked; i += 4) {
                rows4Transposed(a, aOff + i, lda, k, scratch, n, c, cOff + i * n + j);
            }
        }
        // Columns past the last panel: each element one chain of fused multiply-adds in the order of p.
        for (int i = 0; i < blocked; i++) {
            for (int jj = j; jj < n; jj++) {
                float sum = c[cOff + i * n + jj];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + p * lda + i], b[bOff + p * n + jj], sum);
                }
                c[cOff + i * n + jj] = sum;
            }
        }
    }

    /**
     * {@link #multiplyAdd(float[], int, int, int, float[], int, int, float[], int, float[])} with a scratch
     * panel of its own: for one-off products and single rows (which need none). Hot loops pass their
     * own, which also keeps a thread's first call free of branches the JIT has not seen taken (each
     * such branch sends the compiled kernel back to the interpreter).
     */
    static void multiplyAdd(float[] a, int aOff, int m, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        multiply(a, aOff, k, m, k, b, bOff, null, n, c, cOff, m >= 4 ? new float[scratchLength(k)] : null);
    }

    /** The scratch length that products with inner dimension {@code k} need. */
    static int scratchLength(int k) {
        return 2 * L * k;
    }

    /**
     * {@link #multiplyAdd} with the column panels of {@code b} already in {@code packed} (see
     * {@link #pack}): for a matrix used by many products, such as a recurrent kernel at every step.
     * Gives the same bits as {@link #multiplyAdd}.
     */
    static void multiplyAddPacked(float[] a, int aOff, int m, int k, float[] b, int bOff, float[] packed, int n,
                                  float[] c, int cOff) {
        multiply(a, aOff, k, m, k, b, bOff, packed, n, c, cOff, null);
    }

    /** The length of {@link #pack}'s form of a {@code [k][n]} matrix. */
    static int packedLength(int k, int n) {
        return k * (n - n % (2 * L));
    }

    /**
     * Writes the column panels of {@code b[k][n]}, two vectors wide, one after the other into
     * {@code packed}: panel {@code q}'s row {@code p} at {@code (q·k + p)·2L}.
     */
    static void pack(float[] b, int bOff, int k, int n, float[] packed) {
        int panels = (n - n % (2 * L)) / (2 * L);
        for (int q = 0; q < panels; q++) {
            copyPanel(b, bOff + q * 2 * L, k, n, packed, q * 2 * L * k);
        }
    }

    /**
     * Copies one panel, the two vectors of columns of {@code b} from {@code bOff}, its {@code k} rows next
     * to each other from {@code pOff}.
     */
    private static void copyPanel(float[] b, int bOff, int k, int n, float[] panel, int pOff) {
        for (int p = 0, src = bOff, dst = pOff; p < k; p++, src += n, dst += 2 * L) {
            FloatVector.fromArray(S, b, src).intoArray(panel, dst);
            FloatVector.fromArray(S, b, src + L).intoArray(panel, dst + L);
        }
    }

    private static void multiply(float[] a, int aOff, int lda, int m, int k, float[] b, int bOff, float[] packed,
                                 int n, float[] c, int cOff, float[] panel) {
        // Row blocks of eight, six, four and two rows over column panels; an odd last row, and products
        // of fewer than four rows (which would not repay copying the panels), go row by row.
        int blocked = m < 4 ? 0 : m - m % 2;
        for (int i = blocked; i < m; i++) {
            multiplyAddRow(a, aOff + i * lda, k, b, bOff, n, c, cOff + i * n);
        }
        if (blocked == 0) {
            return;
        }
        m = blocked;
        int vectorColumns = n - n % L;
        int j = 0;
        for (; j + 2 * L <= vectorColumns; j += 2 * L) {
            if (packed != null) {
                panelBlocks(a, aOff, lda, m, k, packed, j * k, n, c, cOff + j);
                continue;
            }
            // Copy the panel's rows next to each other: read in place they lie a whole row of b apart,
            // one page per row for wide matrices, and the row blocks would walk them all again.
            copyPanel(b, bOff + j, k, n, panel, 0);
            panelBlocks(a, aOff, lda, m, k, panel, 0, n, c, cOff + j);
        }
        for (; j < vectorColumns; j += L) {
            for (int i = 0; i < m; i++) {
                int c0 = cOff + i * n + j;
                FloatVector s0 = FloatVector.fromArray(S, c, c0);
                int a0 = aOff + i * lda;
                int bRow = bOff + j;
                for (int p = 0; p < k; p++, bRow += n) {
                    s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bRow), s0);
                }
                s0.intoArray(c, c0);
            }
        }
        if (vectorColumns < n) {
            for (int i = 0; i < m; i++) {
                int a0 = aOff + i * lda;
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
     * {@code c[m][2L] += a[m][k] · panel[k][2L]} for an even {@code m}, the rows of {@code a} {@code lda}
     * apart and those of {@code c} {@code n} apart: the register-blocked core of {@link #multiplyAdd}, in
     * blocks of eight and six rows (where the registers allow), then four and two. One method per block
     * height: one method holding them all was too big for C1 ("out of virtual registers") and, some runs,
     * for C2, and ran interpreted.
     */
    private static void panelBlocks(float[] a, int aOff, int lda, int m, int k, float[] panel, int pOff, int n,
                                    float[] c, int cOff) {
        int i = 0;
        if (WIDE_BLOCKS) {
            for (; i + 8 <= m; i += 8) {
                rows8(a, aOff + i * lda, lda, k, panel, pOff, n, c, cOff + i * n);
            }
            if (i + 6 <= m) {
                rows6(a, aOff + i * lda, lda, k, panel, pOff, n, c, cOff + i * n);
                i += 6;
            }
        }
        for (; i + 4 <= m; i += 4) {
            rows4(a, aOff + i * lda, lda, k, panel, pOff, n, c, cOff + i * n);
        }
        if (i + 2 <= m) {
            rows2(a, aOff + i * lda, lda, k, panel, pOff, n, c, cOff + i * n);
        }
    }

    /** One block of 8 rows: {@code c[8][2L] += a[8][k] · panel[k][2L]}. */
    private static void rows8(float[] a, int a0, int lda, int k, float[] panel, int pOff, int n, float[] c,
                              int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector s21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector s31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        FloatVector s40 = FloatVector.fromArray(S, c, c0 + 4 * n);
        FloatVector s41 = FloatVector.fromArray(S, c, c0 + 4 * n + L);
        FloatVector s50 = FloatVector.fromArray(S, c, c0 + 5 * n);
        FloatVector s51 = FloatVector.fromArray(S, c, c0 + 5 * n + L);
        FloatVector s60 = FloatVector.fromArray(S, c, c0 + 6 * n);
        FloatVector s61 = FloatVector.fromArray(S, c, c0 + 6 * n + L);
        FloatVector s70 = FloatVector.fromArray(S, c, c0 + 7 * n);
        FloatVector s71 = FloatVector.fromArray(S, c, c0 + 7 * n + L);
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a0 + lda + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a0 + 2 * lda + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a0 + 3 * lda + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(S, a[a0 + 4 * lda + p]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(S, a[a0 + 5 * lda + p]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = FloatVector.broadcast(S, a[a0 + 6 * lda + p]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = FloatVector.broadcast(S, a[a0 + 7 * lda + p]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
        s40.intoArray(c, c0 + 4 * n);
        s41.intoArray(c, c0 + 4 * n + L);
        s50.intoArray(c, c0 + 5 * n);
        s51.intoArray(c, c0 + 5 * n + L);
        s60.intoArray(c, c0 + 6 * n);
        s61.intoArray(c, c0 + 6 * n + L);
        s70.intoArray(c, c0 + 7 * n);
        s71.intoArray(c, c0 + 7 * n + L);
    }

    /** One block of 6 rows: {@code c[6][2L] += a[6][k] · panel[k][2L]}. */
    private static void rows6(float[] a, int a0, int lda, int k, float[] panel, int pOff, int n, float[] c,
                              int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector s21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector s31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        FloatVector s40 = FloatVector.fromArray(S, c, c0 + 4 * n);
        FloatVector s41 = FloatVector.fromArray(S, c, c0 + 4 * n + L);
        FloatVector s50 = FloatVector.fromArray(S, c, c0 + 5 * n);
        FloatVector s51 = FloatVector.fromArray(S, c, c0 + 5 * n + L);
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a0 + lda + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a0 + 2 * lda + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a0 + 3 * lda + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(S, a[a0 + 4 * lda + p]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(S, a[a0 + 5 * lda + p]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
        s40.intoArray(c, c0 + 4 * n);
        s41.intoArray(c, c0 + 4 * n + L);
        s50.intoArray(c, c0 + 5 * n);
        s51.intoArray(c, c0 + 5 * n + L);
    }

    /** One block of 4 rows: {@code c[4][2L] += a[4][k] · panel[k][2L]}. */
    private static void rows4(float[] a, int a0, int lda, int k, float[] panel, int pOff, int n, float[] c,
                              int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector s21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector s31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a0 + lda + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a0 + 2 * lda + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a0 + 3 * lda + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
    }

    /** One block of 2 rows: {@code c[2][2L] += a[2][k] · panel[k][2L]}. */
    private static void rows2(float[] a, int a0, int lda, int k, float[] panel, int pOff, int n, float[] c,
                              int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + 2 * L * p + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a0 + lda + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
    }

    /**
     * One block of 8 rows of {@link #multiplyAddTransposed}: {@code c[8][2L] += a[k][8]ᵀ · panel[k][2L]}, the
     * rows of {@code a} {@code lda} apart (the eight values of one {@code p} next to each other: their
     * bounds checks merge into one). {@link #rows8} but for its reads of {@code a}, on purpose: one method
     * for both, the two strides as arguments, made the row-major products 3 to 14 % slower (a variable
     * row stride keeps a bounds check on every broadcast).
     */
    private static void rows8Transposed(float[] a, int a0, int lda, int k, float[] panel, int n, float[] c, int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector s21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector s31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        FloatVector s40 = FloatVector.fromArray(S, c, c0 + 4 * n);
        FloatVector s41 = FloatVector.fromArray(S, c, c0 + 4 * n + L);
        FloatVector s50 = FloatVector.fromArray(S, c, c0 + 5 * n);
        FloatVector s51 = FloatVector.fromArray(S, c, c0 + 5 * n + L);
        FloatVector s60 = FloatVector.fromArray(S, c, c0 + 6 * n);
        FloatVector s61 = FloatVector.fromArray(S, c, c0 + 6 * n + L);
        FloatVector s70 = FloatVector.fromArray(S, c, c0 + 7 * n);
        FloatVector s71 = FloatVector.fromArray(S, c, c0 + 7 * n + L);
        for (int p = 0, ap = a0; p < k; p++, ap += lda) {
            FloatVector b0 = FloatVector.fromArray(S, panel, 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, 2 * L * p + L);
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
            x = FloatVector.broadcast(S, a[ap + 4]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
        s40.intoArray(c, c0 + 4 * n);
        s41.intoArray(c, c0 + 4 * n + L);
        s50.intoArray(c, c0 + 5 * n);
        s51.intoArray(c, c0 + 5 * n + L);
        s60.intoArray(c, c0 + 6 * n);
        s61.intoArray(c, c0 + 6 * n + L);
        s70.intoArray(c, c0 + 7 * n);
        s71.intoArray(c, c0 + 7 * n + L);
    }

    /** One block of 4 rows of {@link #multiplyAddTransposed}, as {@link #rows8Transposed}. */
    private static void rows4Transposed(float[] a, int a0, int lda, int k, float[] panel, int n, float[] c, int c0) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector s11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector s21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector s31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        for (int p = 0, ap = a0; p < k; p++, ap += lda) {
            FloatVector b0 = FloatVector.fromArray(S, panel, 2 * L * p);
            FloatVector b1 = FloatVector.fromArray(S, panel, 2 * L * p + L);
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
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
    }

    /**
     * {@code c[n] += a[k] · b[k][n]}, one row: eight vectors of {@code c} at a time stay in registers
     * while {@code b}'s rows stream past (eight independent FMA chains, enough to hide the FMA latency),
     * then four, two and one, then the columns past the last vector. Every element is one chain of fused
     * multiply-adds in the order of p, as in {@link #multiplyAdd}'s blocks: a row gives the same bits
     * by either path.
     */
    static void multiplyAddRow(float[] a, int aOff, int k, float[] b, int bOff, int n, float[] c, int cOff) {
        int vectorColumns = n - n % L;
        int j = 0;
        for (; j + 8 * L <= vectorColumns; j += 8 * L) {
            int c0 = cOff + j;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector s2 = FloatVector.fromArray(S, c, c0 + 2 * L);
            FloatVector s3 = FloatVector.fromArray(S, c, c0 + 3 * L);
            FloatVector s4 = FloatVector.fromArray(S, c, c0 + 4 * L);
            FloatVector s5 = FloatVector.fromArray(S, c, c0 + 5 * L);
            FloatVector s6 = FloatVector.fromArray(S, c, c0 + 6 * L);
            FloatVector s7 = FloatVector.fromArray(S, c, c0 + 7 * L);
            for (int p = 0, r = bOff + j; p < k; p++, r += n) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, b, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, b, r + L), s1);
                s2 = x.fma(FloatVector.fromArray(S, b, r + 2 * L), s2);
                s3 = x.fma(FloatVector.fromArray(S, b, r + 3 * L), s3);
                s4 = x.fma(FloatVector.fromArray(S, b, r + 4 * L), s4);
                s5 = x.fma(FloatVector.fromArray(S, b, r + 5 * L), s5);
                s6 = x.fma(FloatVector.fromArray(S, b, r + 6 * L), s6);
                s7 = x.fma(FloatVector.fromArray(S, b, r + 7 * L), s7);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
            s2.intoArray(c, c0 + 2 * L);
            s3.intoArray(c, c0 + 3 * L);
            s4.intoArray(c, c0 + 4 * L);
            s5.intoArray(c, c0 + 5 * L);
            s6.intoArray(c, c0 + 6 * L);
            s7.intoArray(c, c0 + 7 * L);
        }
        for (; j + 4 * L <= vectorColumns; j += 4 * L) {
            int c0 = cOff + j;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector s2 = FloatVector.fromArray(S, c, c0 + 2 * L);
            FloatVector s3 = FloatVector.fromArray(S, c, c0 + 3 * L);
            for (int p = 0, r = bOff + j; p < k; p++, r += n) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, b, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, b, r + L), s1);
                s2 = x.fma(FloatVector.fromArray(S, b, r + 2 * L), s2);
                s3 = x.fma(FloatVector.fromArray(S, b, r + 3 * L), s3);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
            s2.intoArray(c, c0 + 2 * L);
            s3.intoArray(c, c0 + 3 * L);
        }
        for (; j + 2 * L <= vectorColumns; j += 2 * L) {
            int c0 = cOff + j;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            for (int p = 0, r = bOff + j; p < k; p++, r += n) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, b, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, b, r + L), s1);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
        }
        lastColumns(a, aOff, k, b, bOff, n, c, cOff, j);
    }

    /**
     * The columns of a one-row product from {@code j} on, fewer than two vectors' worth: whole vectors one
     * chain each, then scalar chains, all in the order of p, reading {@code b}'s rows {@code n} apart.
     */
    private static void lastColumns(float[] a, int aOff, int k, float[] b, int bOff, int n, float[] c, int cOff,
                                    int j) {
        for (; j + L <= n; j += L) {
            FloatVector s0 = FloatVector.fromArray(S, c, cOff + j);
            for (int p = 0, r = bOff + j; p < k; p++, r += n) {
                s0 = FloatVector.broadcast(S, a[aOff + p]).fma(FloatVector.fromArray(S, b, r), s0);
            }
            s0.intoArray(c, cOff + j);
        }
        for (; j < n; j++) {
            float sum = c[cOff + j];
            for (int p = 0; p < k; p++) {
                sum = Math.fma(a[aOff + p], b[bOff + p * n + j], sum);
            }
            c[cOff + j] = sum;
        }
    }

    /**
     * {@link #multiplyAddRow} reading {@code b}'s column panels from {@code packed} (see {@link #pack}),
     * where each panel's rows lie next to each other: one row of the sampler's products streams through
     * contiguous memory instead of {@code k} rows {@code n} apart, four panels (eight vectors of
     * {@code c}, eight independent FMA chains) at a time, then two and one; the columns past the last
     * panel are read from {@code b}. Same bits as {@link #multiplyAddRow}: each element is one chain of
     * fused multiply-adds in the order of p. Its blocks repeat {@link #multiplyAddRow}'s with another
     * stride on purpose: both written over shared block methods taking the strides as arguments (same
     * bits) made 50 tokens at hidden size 64 1.3 to 11.5 % slower in four interleaved runs.
     */
    static void multiplyAddRowPacked(float[] a, int aOff, int k, float[] b, int bOff, float[] packed, int n,
                                     float[] c, int cOff) {
        int panels = (n - n % (2 * L)) / (2 * L);
        int size = 2 * L * k;
        int q = 0;
        for (; q + 4 <= panels; q += 4) {
            int c0 = cOff + q * 2 * L;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector s2 = FloatVector.fromArray(S, c, c0 + 2 * L);
            FloatVector s3 = FloatVector.fromArray(S, c, c0 + 3 * L);
            FloatVector s4 = FloatVector.fromArray(S, c, c0 + 4 * L);
            FloatVector s5 = FloatVector.fromArray(S, c, c0 + 5 * L);
            FloatVector s6 = FloatVector.fromArray(S, c, c0 + 6 * L);
            FloatVector s7 = FloatVector.fromArray(S, c, c0 + 7 * L);
            for (int p = 0, r = q * size; p < k; p++, r += 2 * L) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, packed, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, packed, r + L), s1);
                s2 = x.fma(FloatVector.fromArray(S, packed, r + size), s2);
                s3 = x.fma(FloatVector.fromArray(S, packed, r + size + L), s3);
                s4 = x.fma(FloatVector.fromArray(S, packed, r + 2 * size), s4);
                s5 = x.fma(FloatVector.fromArray(S, packed, r + 2 * size + L), s5);
                s6 = x.fma(FloatVector.fromArray(S, packed, r + 3 * size), s6);
                s7 = x.fma(FloatVector.fromArray(S, packed, r + 3 * size + L), s7);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
            s2.intoArray(c, c0 + 2 * L);
            s3.intoArray(c, c0 + 3 * L);
            s4.intoArray(c, c0 + 4 * L);
            s5.intoArray(c, c0 + 5 * L);
            s6.intoArray(c, c0 + 6 * L);
            s7.intoArray(c, c0 + 7 * L);
        }
        for (; q + 2 <= panels; q += 2) {
            int c0 = cOff + q * 2 * L;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector s2 = FloatVector.fromArray(S, c, c0 + 2 * L);
            FloatVector s3 = FloatVector.fromArray(S, c, c0 + 3 * L);
            for (int p = 0, r = q * size; p < k; p++, r += 2 * L) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, packed, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, packed, r + L), s1);
                s2 = x.fma(FloatVector.fromArray(S, packed, r + size), s2);
                s3 = x.fma(FloatVector.fromArray(S, packed, r + size + L), s3);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
            s2.intoArray(c, c0 + 2 * L);
            s3.intoArray(c, c0 + 3 * L);
        }
        for (; q < panels; q++) {
            int c0 = cOff + q * 2 * L;
            FloatVector s0 = FloatVector.fromArray(S, c, c0);
            FloatVector s1 = FloatVector.fromArray(S, c, c0 + L);
            for (int p = 0, r = q * size; p < k; p++, r += 2 * L) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                s0 = x.fma(FloatVector.fromArray(S, packed, r), s0);
                s1 = x.fma(FloatVector.fromArray(S, packed, r + L), s1);
            }
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
        }
        lastColumns(a, aOff, k, b, bOff, n, c, cOff, panels * 2 * L);
    }

    /**
     * {@code t[cols][rows] = a[rows][cols]ᵀ}: lets weight gradients and backward products reuse
     * {@link #multiplyAdd}. In panels of up to 32 rows of {@code a} (fewer for long rows, so that a panel
     * stays within about 32 KB): each row of {@code t} is written in one contiguous run per panel while
     * the panel's rows stay in cache. Plain scalar loops: the gathers that a vector transpose needs load
     * about a hundred classes of the Vector API and their index checks in every fresh JVM (65 ms of a cold
     * {@code jazz train}'s set-up, measured with the first model's import), and they were no faster:
     * 64 x 256 in 9.6 to 10.2 µs against 12.8 to 13.1 by gathers, 64 x 96 in 3.9 to 4.3 against 3.4,
     * 512 x 2048 in 1.1 ms against 2.6 (in eight-row panels, as there).
     */
    static void transpose(float[] a, int aOff, int rows, int cols, float[] t, int tOff) {
        int panel = Math.max(8, Math.min(32, 8192 / Math.max(1, cols)));
        for (int r0 = 0; r0 < rows; r0 += panel) {
            int r1 = Math.min(rows, r0 + panel);
            for (int c = 0; c < cols; c++) {
                for (int r = r0, src = aOff + r0 * cols + c, dst = tOff + c * rows; r < r1; r++, src += cols) {
                    t[dst + r] = a[src];
                }
            }
        }
    }

    /** The number of float lanes in a vector. */
    static int lanes() {
        return L;
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

    /** {@code out[outOff..outOff+n) = x[xOff..xOff+n) + y[yOff..yOff+n)}. */
    static void sum(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        int j = 0;
        for (int vectorEnd = n - n % L; j < vectorEnd; j += L) {
            FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, y, yOff + j)).intoArray(out, outOff + j);
        }
        for (; j < n; j++) {
            out[outOff + j] = x[xOff + j] + y[yOff + j];
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
