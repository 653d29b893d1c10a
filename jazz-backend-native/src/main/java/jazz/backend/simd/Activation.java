package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise exponentials on the Vector API: sigmoid, tanh and the softmax all come down to
 * {@link #exp}. The exponential is a polynomial inlined in the loop (Java's {@code Math.exp} has no
 * vector form on Java 17), accurate to a few float ulps over the clamped range [-87, 88].
 */
final class Activation {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float LOG2E = 1.4426950408889634f;
    private static final float LN2 = 0.6931471805599453f;
    /**
     * 1.5 · 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. Adding
     * it plus 127 leaves {@code round(t) + 127} in the low mantissa bits, which a shift by 23 moves into
     * the exponent field: {@code 2^round(t)} without a float-to-int conversion (which boxes on Java 17).
     */
    private static final float ROUNDER = 12582912f;
    private static final float LOW = -87f;
    private static final float HIGH = 88f;

    private Activation() {
    }

    /** {@code a[i] = exp(scale · a[i] + shift)} for {@code len} values from {@code off}. */
    static void exp(float[] a, int off, int len, float scale, float shift) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, off + i).mul(scale).add(shift).max(LOW).min(HIGH);
            FloatVector t = x.mul(LOG2E);
            FloatVector whole = t.add(ROUNDER).sub(ROUNDER);
            FloatVector u = t.sub(whole).mul(LN2);
            FloatVector p = u.mul(1f / 720).add(1f / 120).fma(u, FloatVector.broadcast(S, 1f / 24))
                    .fma(u, FloatVector.broadcast(S, 1f / 6)).fma(u, FloatVector.broadcast(S, 0.5f))
                    .fma(u, FloatVector.broadcast(S, 1f)).fma(u, FloatVector.broadcast(S, 1f));
            FloatVector power = t.add(ROUNDER + 127).reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .reinterpretAsFloats();
            p.mul(power).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            float x = Math.min(HIGH, Math.max(LOW, scale * a[off + i] + shift));
            a[off + i] = (float) Math.exp(x);
        }
    }

    /** {@code a[i] = mul / (1 + a[i]) + add}: turns {@code exp(-x)} into a sigmoid and {@code exp(-2x)} into a tanh. */
    static void reciprocal(float[] a, int off, int len, float mul, float add) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector.broadcast(S, mul).div(FloatVector.fromArray(S, a, off + i).add(1f)).add(add).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = mul / (1f + a[off + i]) + add;
        }
    }

    /** The logistic sigmoid in place. */
    static void sigmoid(float[] a, int off, int len) {
        exp(a, off, len, -1f, 0f);
        reciprocal(a, off, len, 1f, 0f);
    }

    /** The hyperbolic tangent in place, as {@code 2 σ(2x) - 1}. */
    static void tanh(float[] a, int off, int len) {
        exp(a, off, len, -2f, 0f);
        reciprocal(a, off, len, 2f, -1f);
    }

    /** The largest of {@code len} values. */
    static float max(float[] a, int off, int len) {
        float max = Float.NEGATIVE_INFINITY;
        int i = 0;
        int vectorEnd = len - len % L;
        if (vectorEnd > 0) {
            FloatVector m = FloatVector.fromArray(S, a, off);
            for (i = L; i < vectorEnd; i += L) {
                m = m.max(FloatVector.fromArray(S, a, off + i));
            }
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < len; i++) {
            max = Math.max(max, a[off + i]);
        }
        return max;
    }

    /** The sum of {@code len} values. */
    static float sum(float[] a, int off, int len) {
        float sum = 0;
        int i = 0;
        int vectorEnd = len - len % L;
        if (vectorEnd > 0) {
            FloatVector s = FloatVector.fromArray(S, a, off);
            for (i = L; i < vectorEnd; i += L) {
                s = s.add(FloatVector.fromArray(S, a, off + i));
            }
            sum = s.reduceLanes(VectorOperators.ADD);
        }
        for (; i < len; i++) {
            sum += a[off + i];
        }
        return sum;
    }

    /** {@code a[i] = mul · a[i] + add}. */
    static void affine(float[] a, int off, int len, float mul, float add) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector.fromArray(S, a, off + i).mul(mul).add(add).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = mul * a[off + i] + add;
        }
    }

    /** {@code a[i] *= factor}. */
    static void scale(float[] a, int off, int len, float factor) {
        int i = 0;
        for (int vectorEnd = len - len % L; i < vectorEnd; i += L) {
            FloatVector.fromArray(S, a, off + i).mul(factor).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] *= factor;
        }
    }
}
