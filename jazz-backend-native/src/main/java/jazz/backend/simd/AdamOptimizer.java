package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import jazz.api.TrainingConfig;

/**
 * Adam as Keras 2 applies it with time-based decay: at update {@code t} (from 1, after
 * {@code t - 1} earlier iterations) {@code lr_t = lr / (1 + decay·(t-1)) · √(1-β₂ᵗ) / (1-β₁ᵗ)},
 * {@code m = β₁m + (1-β₁)g}, {@code v = β₂v + (1-β₂)g²}, {@code θ -= lr_t · m / (√v + ε)}: the bias
 * correction folded into the step size and ε added outside the square root.
 */
final class AdamOptimizer {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final TrainingConfig config;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private long iterations;

    AdamOptimizer(TrainingConfig config, int size) {
        this.config = config;
        this.firstMoment = new float[size];
        this.secondMoment = new float[size];
    }

    /**
     * Applies the coming update to {@code [from, to)} of {@code parameters} only: ranges of one update
     * may run on different threads at once, then {@link #finish} counts the update.
     */
    void apply(float[] parameters, float[] gradient, int from, int to) {
        long t = iterations + 1;
        double correction = Math.sqrt(1 - Math.pow(config.beta2(), t)) / (1 - Math.pow(config.beta1(), t));
        float step = (float) (config.learningRateAt(iterations) * correction);
        float b1 = (float) config.beta1();
        float b2 = (float) config.beta2();
        float eps = (float) config.epsilon();
        apply(parameters, gradient, firstMoment, secondMoment, from, to, step, b1, b2, eps);
    }

    /** Ends an update applied range by range. */
    void finish() {
        iterations++;
    }

    private static void apply(float[] p, float[] g, float[] m, float[] v, int from, int to, float step, float b1,
                              float b2, float eps) {
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        int i = from;
        for (int vectorEnd = to - (to - from) % L; i < vectorEnd; i += L) {
            FloatVector grad = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(b1).add(grad.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(grad.mul(grad).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector.fromArray(S, p, i).sub(mi.mul(step).div(vi.sqrt().add(eps))).intoArray(p, i);
        }
        for (; i < to; i++) {
            m[i] = b1 * m[i] + c1 * g[i];
            v[i] = b2 * v[i] + c2 * g[i] * g[i];
            p[i] -= step * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
