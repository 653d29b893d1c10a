package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise exponentials on the Vector API: sigmoid and tanh through one loop, {@link #exp}, the
 * softmax's through {@link #plainExp}. The exponential is a polynomial written out in each loop (Java's
 * {@code Math.exp} has no vector form on Java 17), accurate to a few float ulps wherever the result is a
 * normal float.
 */
final class Activation {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final double LN2 = Math.log(2);
    static final float LOG2E = (float) (1 / LN2);
    /**
     * 1.5 · 2^23 + 127: adding it to a float {@code t} of magnitude below 2^22 rounds {@code t} to an
     * integer {@code n}, which subtracting it again gives as a float, and the sum's bits are
     * {@code ROUNDER_BITS + n}, whose low nine bits, shifted into the exponent field, make {@code 2^n}
     * (the 127 is the exponent's bias; 1.5 · 2^23's own bits shift out).
     */
    static final float ROUNDER = 12582912f + 127;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** {@code (ln 2)^k / k!}: the Taylor coefficients of {@code 2^f} about 0. */
    static final float C2 = (float) (LN2 * LN2 / 2);
    static final float C3 = (float) (Math.pow(LN2, 3) / 6);
    static final float C4 = (float) (Math.pow(LN2, 4) / 24);
    static final float C5 = (float) (Math.pow(LN2, 5) / 120);
    static final float C6 = (float) (Math.pow(LN2, 6) / 720);
    /**
     * {@code L} zeros then {@code L} times -∞, and {@code L} ones then {@code L} zeros: read from
     * {@code L - r}, a vector whose lanes from {@code r} on are -∞ (or 0), the rest 0 (or 1).
     */
    private static final float[] EDGE_SHIFT = new float[2 * L];
    private static final float[] EDGE_KEEP = new float[2 * L];

    static {
        java.util.Arrays.fill(EDGE_SHIFT, L, 2 * L, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(EDGE_KEEP, 0, L, 1f);
    }

    private Activation() {
    }

    /**
     * Per-lane parameters for {@link #squash}: element {@code j} of a span that repeats every
     * {@code period} elements gets {@code mul / (1 + exp(scale · x)) + add} with {@code scale}, {@code mul}
     * and {@code add} from {@code kinds[j]}: 0 the logistic sigmoid (scale -1, mul 1, add 0), 1 the
     * hyperbolic tangent ({@code 2σ(2x) - 1}: scale -2, mul 2, add -1). Stored as three rows of
     * {@code period + L} (each row's first {@code L} repeated after it, so that a vector starting anywhere
     * in the period reads its lanes in one load), the scales times {@code log2(e)} (exactly, as they are
     * powers of two), the base {@link #exp} works in.
     */
    static float[] pattern(int[] kinds) {
        int period = kinds.length;
        int row = period + L;
        float[] pattern = new float[3 * row];
        for (int j = 0; j < row; j++) {
            boolean tanh = kinds[j % period] == 1;
            pattern[j] = tanh ? -2 * LOG2E : -LOG2E;
            pattern[row + j] = tanh ? 2f : 1f;
            pattern[2 * row + j] = tanh ? -1f : 0f;
        }
        return pattern;
    }

    /** The pattern of {@link #tanh}, one vector long. */
    private static final float[] TANH = pattern(tanhKinds());
    private static int[] tanhKinds() {
        int[] kinds = new int[L];
        java.util.Arrays.fill(kinds, 1);
        return kinds;
    }

    /**
     * {@code a[off + i] = mul / (1 + exp(scale · a[off + i])) + add} for {@code i < len}, the parameters of
     * element {@code i} from {@code pattern} (see {@link #pattern}) at {@code i mod period}: σ and tanh
     * over a whole step's gates in one loop.
     */
    static void squash(float[] a, int off, int len, float[] pattern, int period) {
        exp(a, off, len, pattern, period);
    }

    /** The hyperbolic tangent in place. */
    static void tanh(float[] a, int off, int len) {
        exp(a, off, len, TANH, L);
    }

    /** The scratch length {@link #softmaxCrossEntropy} needs. */
    static int softmaxScratchLength() {
        return (L + 3) * L;
    }

    /**
     * Softmax cross-entropy of {@code rows} rows of {@code vp} logits from {@code off}, the first {@code v}
     * of each real and the rest padding ({@code vp} a multiple of the vector length, less than one vector
     * past {@code v}). Replaces each row by the loss gradient {@code lossScale · (softmax - onehot(target))},
     * zero on the padding, and returns the sum over the rows of {@code -log softmax[target]}; a row whose
     * target ({@code targets[tOff + r]}) is {@link jazz.api.TrainingSet#NONE} becomes zeros and adds no loss.
     * {@code scratch} holds at least {@link #softmaxScratchLength()} floats.
     *
     * <p>Rows go in blocks of {@code L}, each in passes: every row's maximum, subtracted from it; one
     * exponential loop over the whole block (row by row, each vector of the loop's few iterations waited on
     * the chain of dependent operations before it); each row's lanes summed; those sums' lanes added for
     * all the block's rows at once (independent chains rather than one); then each row's scaling: 66 ns a
     * row against 89 row by row, the same bits. Whole vectors throughout: the last one's padding lanes are pushed to -∞ for
     * the maximum and multiplied by 0 after the exponential.
     */
    static double softmaxCrossEntropy(float[] a, int off, int rows, int v, int vp, int[] targets, int tOff,
                                      float lossScale, float[] scratch) {
        double loss = 0;
        for (int r0 = 0; r0 < rows; r0 += L) {
            loss = softmaxBlock(a, off + r0 * vp, Math.min(L, rows - r0), v, vp, targets, tOff + r0, lossScale,
                    scratch, loss);
        }
        return loss;
    }

    /**
     * {@link #softmaxCrossEntropy} of one block of at most {@code L} rows from {@code first}, its targets
     * from {@code targets[tOff]}: returns {@code loss} plus the block's rows' losses, added in row order (the
     * same sum as row by row). A method of its own, called once per block, so that the JIT compiles it
     * whole after some calls rather than first compiling its loops on stack replacement, three times, as
     * it did for the loop over all the blocks (about 0.15 s of the one C2 thread in a cold training run).
     */
    private static double softmaxBlock(float[] a, int first, int block, int v, int vp, int[] targets, int tOff,
                                       float lossScale, float[] scratch, double loss) {
        int last = vp - L;
        int edge = L - (v - last);
        int maxes = L * L;
        int targetLogits = maxes + L;
        int sums = targetLogits + L;
        for (int r = 0; r < block; r++) {
            int row = first + r * vp;
            // A vector carried round a loop has, where C2 parses the loop, only the declared type
            // FloatVector: a method called on it is a virtual call that C2 inlines only if the JDK's
            // shared profile names the class, and when it did not (in some JVMs, depending on what ran
            // first), every vector of this method was boxed and an epoch took three times as long. So a
            // carried vector is always the argument, never the receiver, and each reduction starts from a
            // fresh vector.
            FloatVector m = FloatVector.fromArray(S, EDGE_SHIFT, edge).add(FloatVector.fromArray(S, a, row + last));
            for (int i = 0; i < last; i += L) {
                m = FloatVector.fromArray(S, a, row + i).max(m);
            }
            float max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY).max(m).reduceLanes(VectorOperators.MAX);
            scratch[maxes + r] = max;
            scratch[targetLogits + r] = a[row + Math.max(targets[tOff + r], 0)];
            for (int i = 0; i < vp; i += L) {
                FloatVector.fromArray(S, a, row + i).sub(max).intoArray(a, row + i);
            }
        }
        plainExp(a, first, block * vp);
        for (int r = 0; r < block; r++) {
            int row = first + r * vp;
            FloatVector sum = FloatVector.fromArray(S, EDGE_KEEP, edge).mul(FloatVector.fromArray(S, a, row + last));
            sum.intoArray(a, row + last);
            for (int i = 0; i < last; i += L) {
                sum = FloatVector.fromArray(S, a, row + i).add(sum);
            }
            FloatVector.zero(S).add(sum).intoArray(scratch, r * L);
            scratch[sums + r] = 0f;
        }
        // Each row's lanes added in order (reduceLanes(ADD) may add them in any order, and on Java 25 C2's
        // order is not the interpreter's, so a run's results would depend on when the JIT compiled this
        // method), lane by lane for all the rows: independent chains the processor overlaps.
        for (int i = 0; i < L; i++) {
            for (int r = 0; r < block; r++) {
                scratch[sums + r] += scratch[r * L + i];
            }
        }
        // A row whose target is NONE is scaled by 0 and adds 0 to the loss, without a branch: every
        // window's last step has no target, so the JIT, compiling this method after a few calls, had seen
        // only rows with one, left the other path out, and on the first such row went back to the
        // interpreter until it had compiled the method again (0.15 to 0.2 s of a cold training run).
        for (int r = 0; r < block; r++) {
            int row = first + r * vp;
            int target = targets[tOff + r];
            int live = (target >>> 31) ^ 1;
            float sum = scratch[sums + r];
            float factor = live * lossScale / sum;
            for (int i = 0; i < vp; i += L) {
                FloatVector.fromArray(S, a, row + i).mul(factor).intoArray(a, row + i);
            }
            a[row + Math.max(target, 0)] -= live * lossScale;
            loss += live * (Math.log(sum) - ((double) scratch[targetLogits + r] - scratch[maxes + r]));
        }
        return loss;
    }

    /**
     * {@code e = exp(scale · a[i])}, then {@code a[i] = mul / (1 + e) + add}, the pattern holding
     * {@code scale · log2(e)} (the softmax's plain exponential is {@link #plainExp}). The exponential is
     * {@code 2^t = 2^n · p(f)} with {@code t = scale · log2(e) · x}, {@code n = round(t)},
     * {@code f = t - n} in [-1/2, 1/2] and {@code p} the degree-6 Taylor polynomial of {@code 2^f} (as
     * exact as that of {@code e^u} for {@code u = f · ln 2}, with neither the multiplications by
     * {@code log2(e)} and {@code ln 2} nor the shift that {@code e^x} needed: 17 vector operations rather
     * than 22 for a σ, and 14 % less time a vector over a step's gates; the largest errors, set by the
     * rounding of {@code t}, are the same). {@code 2^n} is built in the exponent field from
     * the bits of {@code t + ROUNDER}, clamped as integers to {@code 2^-126 .. 2^127} (beyond them e is
     * tiny or huge for every use here, and finite): integer min and max are single instructions, where the
     * float clamp this replaced, with Java's rules for NaN and -0, took two thirds of the loop's time on
     * Java 17; a NaN still comes out NaN. It is written out in this one loop rather than in a helper
     * taking and returning a vector, which C2 sometimes declined to inline and then boxed every vector, or
     * in one taking arrays, which C2 did not inline once compiled on its own (too big an inlinee): a
     * call per vector, 30 to 50 % longer. {@link CellKernels#stateAndOutput} writes out its tanh the same
     * way, and {@link #plainExp} the softmax's exponential. The lanes past the last whole vector use
     * {@code Math.pow}.
     */
    private static void exp(float[] a, int off, int len, float[] pattern, int period) {
        int row = period + L;
        int q = 0;
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector t = FloatVector.fromArray(S, a, off + i).mul(FloatVector.fromArray(S, pattern, q));
            FloatVector rounded = t.add(ROUNDER);
            FloatVector f = t.sub(rounded.sub(ROUNDER));
            FloatVector p = f.fma(C6, C5).fma(f, FloatVector.broadcast(S, C4)).fma(f, FloatVector.broadcast(S, C3))
                    .fma(f, FloatVector.broadcast(S, C2)).fma(f, FloatVector.broadcast(S, (float) LN2))
                    .fma(f, FloatVector.broadcast(S, 1f));
            FloatVector power = rounded.reinterpretAsInts().max(ROUNDER_BITS - 126).min(ROUNDER_BITS + 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector.fromArray(S, pattern, row + q).div(p.mul(power).add(1f))
                    .add(FloatVector.fromArray(S, pattern, 2 * row + q)).intoArray(a, off + i);
            q += L;
            while (q >= period) {
                q -= period;
            }
        }
        for (; i < len; i++, q = q + 1 == period ? 0 : q + 1) {
            float e = (float) Math.pow(2, Math.min(127f, Math.max(-126f, pattern[q] * a[off + i])));
            a[off + i] = pattern[row + q] / (1f + e) + pattern[2 * row + q];
        }
    }

    /**
     * {@code a[i] = exp(a[i])}: {@link #exp}'s arithmetic with the scale 1 (times {@code log2(e)}) in
     * every lane, for the softmax. A loop of its own rather than a flag of that one: the JIT, having
     * profiled that loop on the gates only, hoisted the flag's test out of it as a speculation, and the
     * first softmax call undid the compiled code (the exponential then ran interpreted until compiled
     * again, a tenth of a second of a cold training run).
     */
    private static void plainExp(float[] a, int off, int len) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector t = FloatVector.fromArray(S, a, off + i).mul(LOG2E);
            FloatVector rounded = t.add(ROUNDER);
            FloatVector f = t.sub(rounded.sub(ROUNDER));
            FloatVector p = f.fma(C6, C5).fma(f, FloatVector.broadcast(S, C4)).fma(f, FloatVector.broadcast(S, C3))
                    .fma(f, FloatVector.broadcast(S, C2)).fma(f, FloatVector.broadcast(S, (float) LN2))
                    .fma(f, FloatVector.broadcast(S, 1f));
            FloatVector power = rounded.reinterpretAsInts().max(ROUNDER_BITS - 126).min(ROUNDER_BITS + 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            p.mul(power).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = (float) Math.pow(2, Math.min(127f, Math.max(-126f, LOG2E * a[off + i])));
        }
    }
}
