package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import jazz.api.testing.ReferenceLstm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A TensorFlow model reads and writes the canonical layout and computes what the reference computes. */
class TfModelTest {

    private static Backend backend;

    @BeforeAll
    static void start() {
        backend = new TfBackendProvider().create(Map.of());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void theCanonicalLayoutIsKerasGateOrderInputForgetCellOutput() {
        // V = 2, one unit: token 1's row of the input kernel drives the four gates with distinct values,
        // and the dense layer reads h out unchanged as logit 0. A model that read the blocks in any other
        // order would give another h.
        ModelSpec spec = new ModelSpec(2, 1, 1);
        float[] kernel = {0, 0, 0, 0, 0.3f, -0.7f, 1.1f, 0.5f};
        float[] recurrent = {0.2f, 0.4f, -0.6f, 0.8f};
        float[] bias = {0.1f, 1.0f, -0.2f, 0.05f};
        CanonicalWeights w = new CanonicalWeights(spec, List.of(new LstmLayerWeights(2, 1, kernel, recurrent, bias)),
                new float[] {1, 0}, new float[] {0, 0});
        double i1 = sigmoid(0.4), g1 = Math.tanh(0.9), o1 = sigmoid(0.55);
        double c1 = i1 * g1;
        double h1 = o1 * Math.tanh(c1);
        double i2 = sigmoid(0.1 + 0.2 * h1), f2 = sigmoid(1.0 + 0.4 * h1), g2 = Math.tanh(-0.2 - 0.6 * h1);
        double o2 = sigmoid(0.05 + 0.8 * h1);
        double c2 = f2 * c1 + i2 * g2;
        double h2 = o2 * Math.tanh(c2);
        try (SequenceModel m = backend.load(w)) {
            float[][] logits = m.logits(new int[] {1, TrainingSet.NONE});
            assertEquals(h1, logits[0][0], 1e-6, "h after token 1");
            assertEquals(h2, logits[1][0], 1e-6, "h after a zero input");
            assertEquals(0, logits[0][1], 0);
        }
    }

    @Test
    void twoLayerArgmaxLineMatchesTheReference() {
        ModelSpec spec = new ModelSpec(30, 16, 2);
        CanonicalWeights w = CanonicalWeights.initialize(spec, 31);
        ReferenceLstm reference = new ReferenceLstm(w);
        int[] fed = new int[40];
        int[] expected = new int[40];
        int previous = TrainingSet.NONE;
        for (int t = 0; t < fed.length; t++) {
            fed[t] = previous;
            double[] logits = reference.logits(java.util.Arrays.copyOf(fed, t + 1))[t];
            int best = 0;
            for (int v = 1; v < logits.length; v++) {
                best = logits[v] > logits[best] ? v : best;
            }
            expected[t] = best;
            previous = best;
        }
        try (SequenceModel m = backend.load(w)) {
            assertArrayEquals(expected, new TokenStream(m, SamplingConfig.argmax()).next(40));
            float[][] logits = m.logits(fed);
            double[][] reference2 = reference.logits(fed);
            for (int t = 0; t < fed.length; t++) {
                for (int v = 0; v < spec.vocabularySize(); v++) {
                    assertEquals(reference2[t][v], logits[t][v], 1e-4, "step " + t + " token " + v);
                }
            }
        }
    }

    @Test
    void weightsAreCopiesAndForeignShapesAreRejected() {
        ModelSpec spec = new ModelSpec(7, 4, 2);
        CanonicalWeights w = CanonicalWeights.initialize(spec, 2);
        try (SequenceModel m = backend.load(w)) {
            CanonicalWeights out = m.weights();
            out.denseBias()[0] += 1;
            assertTrue(w.sameValues(m.weights()), "changing a returned copy changed the model");
            CanonicalWeights other = CanonicalWeights.initialize(spec, 3);
            m.setWeights(other);
            assertTrue(other.sameValues(m.weights()));
            assertThrows(IllegalArgumentException.class, () -> m.setWeights(CanonicalWeights.initialize(
                    new ModelSpec(7, 4, 1), 2)));
            assertThrows(IllegalArgumentException.class, () -> m.sampler().step(-2));
            assertThrows(IllegalArgumentException.class, () -> m.sampler().step(7));
        }
    }

    @Test
    void samplersShareTheWeightsButNotTheState() {
        try (SequenceModel m = backend.load(CanonicalWeights.initialize(new ModelSpec(9, 5, 1), 4))) {
            var a = m.sampler();
            var b = m.sampler();
            a.step(2); // not the zero input: with Keras's zero biases it would leave the state at zero
            float[] afterTwo = a.step(3);
            float[] fresh = b.step(3);
            assertFalse(java.util.Arrays.equals(afterTwo, fresh), "a second sampler saw the first one's state");
            m.setWeights(CanonicalWeights.initialize(new ModelSpec(9, 5, 1), 5));
            b.reset();
            float[] withNewWeights = b.step(3);
            assertFalse(java.util.Arrays.equals(fresh, withNewWeights), "the sampler did not see the new weights");
        }
    }

    @Test
    void samplersOnSeveralThreadsGetWhatOneThreadGets() throws Exception {
        try (SequenceModel m = backend.load(CanonicalWeights.initialize(new ModelSpec(25, 12, 2), 6))) {
            int[] expected = new TokenStream(m, SamplingConfig.argmax()).next(60);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<int[]>> lines = new java.util.ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    lines.add(pool.submit(() -> new TokenStream(m, SamplingConfig.argmax()).next(60)));
                }
                for (var line : lines) {
                    assertArrayEquals(expected, line.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aClosedModelRefusesWork() {
        SequenceModel m = backend.load(CanonicalWeights.initialize(new ModelSpec(5, 3, 1), 1));
        var sampler = m.sampler();
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, m::weights);
        assertThrows(IllegalStateException.class, () -> sampler.step(1));
        assertThrows(IllegalStateException.class, () -> m.trainer(TrainingConfig.notebook(1)));
    }
}
