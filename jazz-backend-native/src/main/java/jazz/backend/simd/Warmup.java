package jazz.backend.simd;

import java.util.Arrays;
import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

/**
 * Gets the Vector API kernels compiled before the first real epoch needs them.
 *
 * <p>Vector API code is fast only once C2 has compiled it: interpreted, or compiled by C1, every vector
 * operation allocates, and the first epoch in a fresh JVM took over a second. The first backend of a
 * JVM starts this daemon thread, which trains and samples a small model of its own on synthetic tokens,
 * so that the compiler has the kernels queued or done while the caller is still reading its MIDI
 * files. It stops as soon as real work starts (a trainer's first epoch, a sampler's first step) or
 * after {@link #LIMIT_NANOS}, so it never competes with training for long. It touches nothing shared
 * but the compiled code: results do not depend on whether or when it ran.
 */
final class Warmup {

    private static final long LIMIT_NANOS = 3_000_000_000L;

    private static volatile boolean stopped;
    private static boolean started;

    private Warmup() {
    }

    /** Starts the warm-up thread, once per JVM; later calls do nothing. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread thread = new Thread(Warmup::run, "jazz-native-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Real work has started: the warm-up stops after its current round. Cheap; call it freely. */
    static void stop() {
        if (!stopped) {
            stopped = true;
        }
    }

    private static void run() {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        Exercise exercise = new Exercise();
        while (!stopped && System.nanoTime() < deadline) {
            exercise.round();
        }
    }

    /**
     * A small two-layer model trained and sampled on synthetic tokens, with shapes that pass through
     * every branch of the kernels (register blocks and leftover rows, whole panels, a leftover vector of
     * columns, more steps than one chunk of a product, one-row products), so that code compiled on it
     * has no untaken branch that the real model would deoptimise on.
     */
    private static final class Exercise {

        private final CanonicalWeights start;
        private final Parameters parameters;
        private final BatchGradient gradient;
        private final AdamOptimizer adam;
        private final NativeSampler sampler;
        private final TrainingSet data;
        private final float[] sum;
        private final int[] order;
        private int rounds;

        Exercise() {
            int lanes = VectorInfo.lanes();
            ModelSpec spec = new ModelSpec(3 * lanes - 3, 2 * lanes + 1, 2);
            ParameterLayout layout = new ParameterLayout(spec);
            start = CanonicalWeights.initialize(spec, 1);
            parameters = new Parameters(layout);
            parameters.importFrom(start);
            gradient = new BatchGradient(layout);
            adam = new AdamOptimizer(TrainingConfig.notebook(1), layout.size);
            sampler = new NativeSampler(parameters);
            SplittableRandom random = new SplittableRandom(1);
            // 7 sequences, 7 · steps rows: a few more than one chunk of p (2048 / lanes) in the weight gradients.
            int[][] windows = new int[7][2048 / lanes / 7 + 3];
            for (int[] window : windows) {
                for (int t = 0; t < window.length; t++) {
                    window[t] = random.nextInt(spec.vocabularySize());
                }
            }
            data = TrainingSet.fromWindows(windows);
            sum = new float[layout.size];
            order = new int[windows.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }

        /** One minibatch update and a few sampled tokens. */
        void round() {
            if (++rounds % 32 == 0) {
                // Back to the first weights now and then: Adam on random tokens would drift for ever.
                parameters.importFrom(start);
            }
            Arrays.fill(sum, 0f);
            gradient.compute(parameters, data, order, 0, order.length, 1f / order.length, sum);
            adam.update(parameters.values, sum);
            parameters.refreshTransposes();
            sampler.reset();
            int token = TrainingSet.NONE;
            for (int i = 0; i < 8; i++) {
                float[] logits = sampler.step(token);
                token = Math.floorMod(Float.floatToRawIntBits(logits[i]), logits.length);
            }
        }
    }
}
