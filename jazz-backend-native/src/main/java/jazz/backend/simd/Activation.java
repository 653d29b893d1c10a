package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise exponentials on the Vector API: sigmoid, tanh and the softmax, all through one loop,
 * {@link #exp}. The exponential is a polynomial written out in that loop (Java's {@code Math.exp} has no
 * vector form on Java 17), accurate to a few float ulps wherever the result is a normal float.
 */
final class Activation {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float LOG2E = 1.4426950408889634f;
    private static final float LN2 = 0.6931471805599453f;
    /**
     * 1.5 · 2^23: adding it to a float of magnitude below 2^22 rounds it to an integer, which subtracting
     * it again gives as a float, and which the sum's bits hold as {@code ROUNDER_BITS + round(t)}.
     */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float LOW = -87f;
    private static final float HIGH = 88f;
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
     * {@code a[i] = mul / (1 + exp(scale · a[i])) + add} in one pass: with scale -1, mul 1, add 0 the
     * logistic sigmoid; with scale -2, mul 2, add -1 the hyperbolic tangent ({@code 2σ(2x) - 1}).
     */
    static void squash(float[] a, int off, int len, float scale, float mul, float add) {
        exp(a, off, len, scale, 0f, true, mul, add);
    }

    /** The hyperbolic tangent in place. */
    static void tanh(float[] a, int off, int len) {
        squash(a, off, len, -2f, 2f, -1f);
    }

    /**
     * One row of softmax cross-entropy: {@code a[off, off + vp)} holds the logits, the first {@code v}
     * real and the rest padding ({@code vp} a multiple of the vector length, less than one vector past
     * {@code v}). Replaces the row by the loss gradient {@code lossScale · (softmax - onehot(target))},
     * zero on the padding, and returns {@code -log softmax[target]}. Whole vectors throughout: the last
     * one's padding lanes are pushed to -∞ for the maximum and multiplied by 0 after the exponential.
     */
    static double softmaxCrossEntropy(float[] a, int off, int v, int vp, int target, float lossScale) {
        int last = vp - L;
        int edge = L - (v - last);
        // A vector carried round a loop has, where C2 parses the loop, only the declared type FloatVector:
        // a method called on it is a virtual call that C2 inlines only if the JDK's shared profile
        // names the class, and when it did not (in some JVMs, depending on what ran first), every
        // vector of this method was boxed and an epoch took three times as long. So a carried vector
        // is always the argument, never the receiver, and each reduction starts from a fresh vector.
        FloatVector m = FloatVector.fromArray(S, EDGE_SHIFT, edge).add(FloatVector.fromArray(S, a, off + last));
        for (int i = 0; i < last; i += L) {
            m = FloatVector.fromArray(S, a, off + i).max(m);
        }
        float max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY).max(m).reduceLanes(VectorOperators.MAX);
        float targetLogit = a[off + target];
        exp(a, off, vp, 1f, -max, false, 0f, 0f);
        FloatVector sums = FloatVector.fromArray(S, EDGE_KEEP, edge).mul(FloatVector.fromArray(S, a, off + last));
        sums.intoArray(a, off + last);
        for (int i = 0; i < last; i += L) {
            sums = FloatVector.fromArray(S, a, off + i).add(sums);
        }
        float sum = FloatVector.zero(S).add(sums).reduceLanes(VectorOperators.ADD);
        float factor = lossScale / sum;
        for (int i = 0; i < vp; i += L) {
            FloatVector.fromArray(S, a, off + i).mul(factor).intoArray(a, off + i);
        }
        a[off + target] -= lossScale;
        return Math.log(sum) - ((double) targetLogit - max);
    }

    /**
     * {@code e = exp(scale · a[i] + shift)}, then {@code a[i] = e}, or with {@code squash}
     * {@code a[i] = mul / (1 + e) + add}. The exponential is {@code 2^round(t) · p(u)} with
     * {@code t = x·log2(e)} and {@code p} the degree-6 Taylor polynomial of {@code e^u},
     * {@code u = (t - round(t))·ln 2}. {@code 2^round(t)} is built in the exponent field from the bits of
     * {@code t + ROUNDER}, clamped as integers to {@code 2^-126 .. 2^127} (beyond them e is tiny or huge
     * for every use here, and finite): integer min and max are single instructions, where the float
     * clamp this replaced, with Java's rules for NaN and -0, took two thirds of the loop's time on Java 17
     * (3.7 ns a 512-bit vector against 9.8, same results inside the range); a NaN still comes out NaN.
     * It is written out in this one loop rather than in a helper taking and returning a vector, which C2
     * sometimes declined to inline and then boxed every vector. The lanes past the last whole vector use
     * {@code Math.exp}.
     */
    private static void exp(float[] a, int off, int len, float scale, float shift, boolean squash, float mul,
                            float add) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector t = FloatVector.fromArray(S, a, off + i).mul(scale).add(shift).mul(LOG2E);
            FloatVector rounded = t.add(ROUNDER);
            FloatVector u = t.sub(rounded.sub(ROUNDER)).mul(LN2);
            FloatVector p = u.mul(1f / 720).add(1f / 120).fma(u, FloatVector.broadcast(S, 1f / 24))
                    .fma(u, FloatVector.broadcast(S, 1f / 6)).fma(u, FloatVector.broadcast(S, 0.5f))
                    .fma(u, FloatVector.broadcast(S, 1f)).fma(u, FloatVector.broadcast(S, 1f));
            FloatVector power = rounded.reinterpretAsInts().max(ROUNDER_BITS - 126).min(ROUNDER_BITS + 127).add(127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(power);
            (squash ? FloatVector.broadcast(S, mul).div(e.add(1f)).add(add) : e).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            float e = (float) Math.exp(clamp(scale * a[off + i] + shift));
            a[off + i] = squash ? mul / (1f + e) + add : e;
        }
    }

    private static float clamp(float x) {
        return Math.min(HIGH, Math.max(LOW, x));
    }
}
