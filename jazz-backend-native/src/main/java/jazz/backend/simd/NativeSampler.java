package jazz.backend.simd;

import java.util.Arrays;

import jazz.api.Sampler;
import jazz.api.TrainingSet;

/**
 * Runs a model one token at a time. It only reads the model's weights and owns its state and scratch
 * buffers, so any number of samplers can run on one model from different threads at once (one
 * sampler per thread); taking one costs a few small arrays.
 *
 * <p>A step runs either on the vector kernels or on their scalar twins ({@link ScalarStep}), which give
 * the same bits, so which one ran never shows in the results. Until the JIT has compiled the vector
 * kernels they are the slower by far: in a fresh JVM the first vector step took 56 to 97 ms (the Vector
 * API's classes load and link) and the first 1,600 tokens 0.45 to 0.66 s, against 48 to 70 ms on the
 * scalar path, whose loops the JIT compiles after a few calls; a {@code jazz generate} of 64 measures
 * samples about 400 tokens. So the samplers of a JVM start on the scalar path. Once the scalar steps have
 * taken {@link #FIRST_VECTOR_AFTER_NANOS}, vector steps (each timed) are mixed in while they take at
 * most a quarter of the sampling time, so that the JIT starts on the vector kernels. Every sampler of
 * the JVM takes the vector path from the first vector step that is faster than the fastest scalar step
 * seen (the vector kernels are compiled), or once the scalar steps have taken
 * {@link #SCALAR_LIMIT_NANOS} in all: compiled scalar steps take about 6 µs at hidden size 64 and
 * compiled vector steps about 1, so a long run must not wait for the budget alone to warm them up.
 */
final class NativeSampler implements Sampler {

    /**
     * The scalar sampling time after which the first vector step is tried: about twice what that step
     * costs in a fresh JVM (56 to 97 ms), so that runs of up to about 10,000 tokens (several
     * {@code jazz generate} solos) never pay for it, while in a JVM whose vector kernels are already
     * compiled (after training) the vector path is found within that time.
     */
    static final long FIRST_VECTOR_AFTER_NANOS = 150_000_000L;

    /**
     * The scalar sampling time after which the vector path is taken whatever the vector steps' times: about
     * what warming the vector kernels up costs a fresh JVM (0.2 to 0.45 s for its first 2,000 to 4,000
     * tokens), so that a long run spends at most about that much longer than if it had started on them.
     */
    static final long SCALAR_LIMIT_NANOS = 250_000_000L;

    /** Set once a vector step has beaten the scalar steps, or the scalar ones have had their time. */
    private static volatile boolean vectorPath;
    /**
     * The time this JVM's samplers have spent on each path and the fastest scalar step, while
     * {@link #vectorPath} is unset. Volatile, so that no thread reads half a value, but updated
     * without locks: an update lost between two threads only moves the next vector step a little.
     */
    private static volatile long scalarNanos;
    private static volatile long vectorNanos;
    private static volatile long fastestScalar = Long.MAX_VALUE;

    private final Parameters parameters;
    private final float[][] hidden;
    private final float[][] cell;
    private final float[] gates;
    private final float[] tanhCell;
    private final float[] logits;

    NativeSampler(Parameters parameters) {
        this.parameters = parameters;
        ParameterLayout layout = parameters.layout;
        int layers = layout.spec.layers();
        hidden = new float[layers][layout.hidden];
        cell = new float[layers][layout.hidden];
        gates = new float[layout.gates];
        tanhCell = new float[layout.hidden];
        logits = new float[layout.paddedVocabulary];
    }

    private NativeSampler(NativeSampler other) {
        this(other.parameters);
        for (int l = 0; l < hidden.length; l++) {
            System.arraycopy(other.hidden[l], 0, hidden[l], 0, hidden[l].length);
            System.arraycopy(other.cell[l], 0, cell[l], 0, cell[l].length);
        }
    }

    @Override
    public float[] step(int input) {
        ParameterLayout layout = parameters.layout;
        if (input < TrainingSet.NONE || input >= layout.vocabulary) {
            throw new IllegalArgumentException("token " + input + " is outside the vocabulary of " + layout.vocabulary
                    + " tokens");
        }
        if (vectorPath) {
            run(input, true);
        } else {
            boolean vector = scalarNanos >= FIRST_VECTOR_AFTER_NANOS && vectorNanos * 3 <= scalarNanos;
            long start = System.nanoTime();
            run(input, vector);
            long took = System.nanoTime() - start;
            if (vector) {
                vectorNanos += took;
                if (took < fastestScalar) {
                    vectorPath = true;
                }
            } else {
                scalarNanos += took;
                fastestScalar = Math.min(fastestScalar, took);
                if (scalarNanos >= SCALAR_LIMIT_NANOS) {
                    vectorPath = true;
                }
            }
        }
        return Arrays.copyOf(logits, layout.vocabulary);
    }

    /** A step on the vector kernels (for tests; {@link #step} chooses the path itself). */
    void vectorStep(int input) {
        run(input, true);
    }

    /** A step on the scalar twins of the kernels: the same bits (for tests). */
    void scalarStep(int input) {
        run(input, false);
    }

    /**
     * One step: the gates, cell and output of each layer, then the logits, on the vector kernels or on
     * their scalar twins ({@link ScalarStep}); the one sequence of steps for both, so that they cannot
     * drift apart.
     */
    private void run(int input, boolean vector) {
        ParameterLayout layout = parameters.layout;
        float[] w = parameters.values;
        int n = layout.hidden;
        int g = layout.gates;
        for (int l = 0; l < hidden.length; l++) {
            System.arraycopy(w, layout.bias[l], gates, 0, g);
            if (l > 0) {
                if (vector) {
                    Matmul.multiplyAdd(hidden[l - 1], 0, 1, n, w, layout.inputKernel[l], g, gates, 0);
                } else {
                    ScalarStep.multiplyAddRow(hidden[l - 1], 0, n, w, layout.inputKernel[l], g, gates, 0);
                }
            } else if (input != TrainingSet.NONE) {
                if (vector) {
                    Matmul.add(w, layout.inputKernel[0] + input * g, gates, 0, g);
                } else {
                    ScalarStep.add(w, layout.inputKernel[0] + input * g, gates, 0, g);
                }
            }
            if (vector) {
                Matmul.multiplyAddRowPacked(hidden[l], 0, n, w, layout.recurrentKernel[l], parameters.recurrentPacked[l],
                        g, gates, 0);
                CellKernels.activateGates(gates, 0, 1, n, layout.gatePattern);
                CellKernels.stateAndOutput(gates, 0, cell[l], 0, 0, tanhCell, 0, hidden[l], 0, 1, n);
            } else {
                ScalarStep.multiplyAddRow(hidden[l], 0, n, w, layout.recurrentKernel[l], g, gates, 0);
                ScalarStep.activateGates(gates, n, layout.gatePattern);
                ScalarStep.stateAndOutput(gates, cell[l], hidden[l], n);
            }
        }
        System.arraycopy(w, layout.denseBias, logits, 0, layout.paddedVocabulary);
        if (vector) {
            Matmul.multiplyAddRowPacked(hidden[hidden.length - 1], 0, n, w, layout.denseKernel, parameters.densePacked,
                    layout.paddedVocabulary, logits, 0);
        } else {
            ScalarStep.multiplyAddRow(hidden[hidden.length - 1], 0, n, w, layout.denseKernel, layout.paddedVocabulary,
                    logits, 0);
        }
    }

    /** Whether this JVM's samplers have moved to the vector kernels (for tests). */
    static boolean onVectorPath() {
        return vectorPath;
    }

    /** The logits of the last step, all {@code paddedVocabulary} of them (for tests). */
    float[] lastLogits() {
        return logits;
    }

    @Override
    public void reset() {
        for (int l = 0; l < hidden.length; l++) {
            Arrays.fill(hidden[l], 0f);
            Arrays.fill(cell[l], 0f);
        }
    }

    @Override
    public Sampler copy() {
        return new NativeSampler(this);
    }
}
