package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;

/**
 * The sampler's kernels in plain scalar arithmetic, giving the same bits as the vector kernels they
 * stand in for: every product element is the same chain of fused multiply-adds in the order of
 * {@code p}; σ and tanh repeat, lane by lane, the operations of {@link Activation}'s exponential loop
 * (and {@code Math.pow} for the elements that loop leaves to its scalar tail); the cell's state is
 * {@code f · c + i · g} rounded as the vector code rounds it. {@link NativeSampler} runs them while the
 * JIT has not yet compiled the vector kernels: before that, Vector API code runs interpreted or in C1
 * and allocates on every operation (the first 200 tokens took 0.34 to 0.46 s in a fresh JVM, against
 * 0.5 to 0.7 ms once compiled), where these loops are compiled after a few calls.
 * {@code NativeSamplerTest} checks both paths bit for bit.
 */
final class ScalarStep {

    /** The lane count of the vector kernels: which elements of an activation their vector loop covers. */
    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    private ScalarStep() {
    }

    /** {@code y[yOff + j] += x[xOff + j]} for {@code j < n}, as {@link Matmul#add}. */
    static void add(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += x[xOff + j];
        }
    }

    /**
     * {@code c[cOff + j] += Σ_p a[aOff + p] · b[bOff + p·n + j]}, one fused multiply-add per {@code p} in
     * order for each {@code j}: the bits of {@link Matmul#multiplyAddRowPacked} and of the one-row
     * {@link Matmul#multiplyAdd}, read from the row-major {@code b}. Four rows of {@code b} per pass over
     * {@code c}, each element's four steps of its chain in order: the JIT does not vectorize these loops,
     * and a pass per row spent as long loading and storing {@code c} as multiplying (64 x 256 in 6.0 to
     * 9.0 µs compiled, against 3.4 to 3.8 by fours; by eights no faster).
     */
    static void multiplyAddRow(float[] a, int aOff, int k, float[] b, int bOff, int n, float[] c, int cOff) {
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
            for (int j = 0; j < n; j++) {
                float sum = c[cOff + j];
                sum = Math.fma(x0, b[r0 + j], sum);
                sum = Math.fma(x1, b[r1 + j], sum);
                sum = Math.fma(x2, b[r2 + j], sum);
                c[cOff + j] = Math.fma(x3, b[r3 + j], sum);
            }
        }
        for (; p < k; p++) {
            float x = a[aOff + p];
            int row = bOff + p * n;
            for (int j = 0; j < n; j++) {
                c[cOff + j] = Math.fma(x, b[row + j], c[cOff + j]);
            }
        }
    }

    /** {@link CellKernels#activateGates} for one row of {@code 4 · n} gates. */
    static void activateGates(float[] gates, int n, float[] pattern) {
        int period = 4 * n;
        int row = period + L;
        int vectorEnd = period - period % L;
        for (int i = 0; i < period; i++) {
            float mul = pattern[row + i];
            float add = pattern[2 * row + i];
            float t = gates[i] * pattern[i];
            gates[i] = i < vectorEnd ? mul / (exp2(t) + 1f) + add : mul / (1f + pow2(t)) + add;
        }
    }

    /**
     * {@link CellKernels#stateAndOutput} for one row: {@code c = f · cPrev + i · g} into {@code cell} (read
     * and written in place), {@code h = o · tanh(c)}.
     */
    static void stateAndOutput(float[] gates, float[] cell, float[] h, int n) {
        int vectorEnd = n - n % L;
        for (int j = 0; j < n; j++) {
            float c = gates[n + j] * cell[j] + gates[j] * gates[2 * n + j];
            cell[j] = c;
            float t = c * (-2 * Activation.LOG2E);
            float tanh = j < vectorEnd ? 2f / (exp2(t) + 1f) + -1f : 2f / (1f + pow2(t)) + -1f;
            h[j] = gates[3 * n + j] * tanh;
        }
    }

    /**
     * {@code 2^t} as one lane of {@link Activation}'s exponential loop computes it, returned as the
     * product {@code p · 2^n} that the loop adds 1 to: {@code n = round(t)} from the bits of
     * {@code t + ROUNDER} (clamped as integers), {@code p} the degree-6 polynomial of {@code t - n}.
     */
    private static float exp2(float t) {
        float rounded = t + Activation.ROUNDER;
        float f = t - (rounded - Activation.ROUNDER);
        float p = Math.fma(f, Activation.C6, Activation.C5);
        p = Math.fma(p, f, Activation.C4);
        p = Math.fma(p, f, Activation.C3);
        p = Math.fma(p, f, Activation.C2);
        p = Math.fma(p, f, (float) Activation.LN2);
        p = Math.fma(p, f, 1f);
        int bits = Math.min(Math.max(Float.floatToRawIntBits(rounded), Activation.ROUNDER_BITS - 126),
                Activation.ROUNDER_BITS + 127);
        return p * Float.intBitsToFloat(bits << 23);
    }

    /** {@code 2^t} as the scalar tail of {@link Activation}'s exponential loop computes it. */
    private static float pow2(float t) {
        return (float) Math.pow(2, Math.min(127f, Math.max(-126f, t)));
    }
}
