package jazz.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SamplingStrategy;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every backend must do, checked against {@link ReferenceLstm}. A backend module (first or third
 * party) runs it by extending this class and returning its started backend:
 *
 * <pre>{@code
 * class MyBackendContractTest extends BackendContract {
 *     protected Backend startBackend() { return new MyProvider().create(Map.of()); }
 * }
 * }</pre>
 *
 * with {@code jazz-api}'s test-jar as a test dependency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContract {

    private Backend backend;

    /**
     * @return the backend under test, started
     */
    protected abstract Backend startBackend();

    @BeforeAll
    void start() {
        backend = startBackend();
    }

    @AfterAll
    void stop() {
        backend.close();
    }

    /** @return the backend under test */
    protected Backend backend() {
        return backend;
    }

    /** A small corpus with structure to learn: a walk with a repeating pattern, 12 windows of 16. */
    protected static TrainingSet smallCorpus(int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] line = new int[200];
        for (int i = 0; i < line.length; i++) {
            line[i] = (i % 7 < 5) ? (i * 3) % vocabulary : random.nextInt(vocabulary);
        }
        int[][] windows = new int[12][16];
        for (int w = 0; w < windows.length; w++) {
            int start = random.nextInt(line.length - 16);
            System.arraycopy(line, start, windows[w], 0, 16);
        }
        return TrainingSet.fromWindows(windows);
    }

    private static int[] inputs(int vocabulary, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] in = new int[length];
        in[0] = TrainingSet.NONE;
        for (int t = 1; t < length; t++) {
            in[t] = random.nextInt(vocabulary);
        }
        return in;
    }

    @Test
    void parameterCountFollowsTheSpec() {
        try (SequenceModel m = backend.create(ModelSpec.notebook(90), 1)) {
            assertEquals(45_530, m.spec().parameterCount());
            assertEquals(backend.id(), m.backendId());
        }
    }

    @Test
    void canonicalWeightsRoundTripExactly() {
        for (ModelSpec spec : new ModelSpec[] {new ModelSpec(11, 6, 1), new ModelSpec(9, 5, 2)}) {
            CanonicalWeights w = CanonicalWeights.initialize(spec, 17);
            try (SequenceModel m = backend.load(w)) {
                assertTrue(w.sameValues(m.weights()), "weights changed on the way through " + backend.id());
            }
        }
    }

    @Test
    void logitsMatchTheReferenceWithinTolerance() {
        for (ModelSpec spec : new ModelSpec[] {new ModelSpec(13, 8, 1), new ModelSpec(10, 6, 2), ModelSpec.notebook(90)}) {
            CanonicalWeights w = CanonicalWeights.initialize(spec, 5);
            int[] in = inputs(spec.vocabularySize(), 25, 8);
            double[][] expected = new ReferenceLstm(w).logits(in);
            try (SequenceModel m = backend.load(w)) {
                float[][] actual = m.logits(in);
                for (int t = 0; t < in.length; t++) {
                    for (int v = 0; v < spec.vocabularySize(); v++) {
                        assertEquals(expected[t][v], actual[t][v], 1e-4, spec + " step " + t + " token " + v);
                    }
                }
            }
        }
    }

    @Test
    void argmaxLineMatchesTheReference() {
        ModelSpec spec = ModelSpec.notebook(40);
        CanonicalWeights w = CanonicalWeights.initialize(spec, 21);
        ReferenceLstm reference = new ReferenceLstm(w);
        int[] expected = new int[50];
        int[] fed = new int[50];
        int previous = TrainingSet.NONE;
        for (int t = 0; t < 50; t++) {
            fed[t] = previous;
            double[] logits = reference.logits(java.util.Arrays.copyOf(fed, t + 1))[t];
            int best = 0;
            for (int v = 1; v < logits.length; v++) {
                if (logits[v] > logits[best]) {
                    best = v;
                }
            }
            expected[t] = best;
            previous = best;
        }
        try (SequenceModel m = backend.load(w)) {
            assertArrayEquals(expected, new TokenStream(m, SamplingConfig.argmax()).next(50));
        }
    }

    @Test
    void oneEpochMatchesTheReferenceAndLowersTheLoss() {
        ModelSpec spec = new ModelSpec(12, 10, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 3);
        TrainingSet data = smallCorpus(12, 4);
        TrainingConfig config = new TrainingConfig(1, 5, 0.01, 0.01, 0.9, 0.999, 1e-7, 6);
        ReferenceLstm reference = new ReferenceLstm(start);
        ReferenceLstm.Adam adam = reference.new Adam(config);
        double referenceFirst = adam.epoch(data);
        try (SequenceModel m = backend.load(start)) {
            Trainer trainer = m.trainer(config);
            double first = trainer.epoch(data);
            assertEquals(referenceFirst, first, 1e-3 * Math.abs(referenceFirst), "first-epoch loss");
            double later = first;
            for (int e = 0; e < 20; e++) {
                later = trainer.epoch(data);
            }
            assertEquals(21, trainer.epochsDone());
            assertTrue(later < first, "loss did not fall: " + first + " -> " + later);
        }
    }

    @Test
    void aSeedReproducesWeightsAndSamples() {
        ModelSpec spec = new ModelSpec(12, 8, 1);
        TrainingSet data = smallCorpus(12, 9);
        TrainingConfig config = new TrainingConfig(3, 4, 0.01, 0.01, 0.9, 0.999, 1e-7, 2);
        CanonicalWeights[] trained = new CanonicalWeights[2];
        int[][] samples = new int[2][];
        for (int run = 0; run < 2; run++) {
            try (SequenceModel m = backend.create(spec, 77)) {
                m.trainer(config).fit(data, null);
                trained[run] = m.weights();
                samples[run] = new TokenStream(m, new SamplingConfig(SamplingStrategy.TEMPERATURE, 1.0, 5, 0.9, 5)).next(40);
            }
        }
        assertTrue(trained[0].sameValues(trained[1]), "the same seed gave different weights on " + backend.id());
        assertArrayEquals(samples[0], samples[1]);
    }

    @Test
    void samplerStateCarriesAndCopies() {
        CanonicalWeights w = CanonicalWeights.initialize(new ModelSpec(10, 6, 1), 12);
        try (SequenceModel m = backend.load(w)) {
            var sampler = m.sampler();
            sampler.step(TrainingSet.NONE);
            sampler.step(3);
            var copy = sampler.copy();
            assertArrayEquals(sampler.step(4), copy.step(4), 0f);
            sampler.reset();
            assertArrayEquals(m.logits(new int[] {TrainingSet.NONE})[0], sampler.step(TrainingSet.NONE), 0f);
        }
    }

    @Test
    void badInputIsRejectedWithAReason() {
        CanonicalWeights w = CanonicalWeights.initialize(new ModelSpec(10, 6, 1), 12);
        try (SequenceModel m = backend.load(w)) {
            CanonicalWeights other = CanonicalWeights.initialize(new ModelSpec(11, 6, 1), 12);
            assertThrows(IllegalArgumentException.class, () -> m.setWeights(other));
            assertThrows(IllegalArgumentException.class, () -> m.sampler().step(10));
            TrainingSet tooWide = TrainingSet.fromWindows(new int[][] {{1, 2, 10}});
            Trainer trainer = m.trainer(TrainingConfig.notebook(1));
            assertThrows(IllegalArgumentException.class, () -> trainer.epoch(tooWide));
        }
        assertThrows(IllegalArgumentException.class, () -> backend.create(new ModelSpec(1, 6, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> backend.create(new ModelSpec(10, 0, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingSet.fromWindows(new int[0][]));
    }
}
