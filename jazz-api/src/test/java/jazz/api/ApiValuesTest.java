package jazz.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ApiValuesTest {

    @Test
    void theNotebookModelHas45530Parameters() {
        assertEquals(45_530, ModelSpec.notebook(90).parameterCount());
        assertEquals(4L * 8 * (5 + 8 + 1) + 4L * 8 * (8 + 8 + 1) + 8 * 5 + 5, new ModelSpec(5, 8, 2).parameterCount());
    }

    @Test
    void badSpecsAndConfigsAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModelSpec(90, 0, 1)).getMessage()
                .contains("hidden size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModelSpec(1, 64, 1)).getMessage()
                .contains("vocabulary"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0, 32, 0.01, 0.01, 0.9, 0.999, 1e-7, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 32, Double.NaN, 0.01, 0.9, 0.999, 1e-7, 1));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SamplingConfig(SamplingStrategy.TEMPERATURE, 0, 5, 0.9, 1)).getMessage().contains("temperature"));
        assertThrows(IllegalArgumentException.class, () -> new SamplingConfig(SamplingStrategy.TOP_P, 1, 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SamplingStrategy.parse("beam-me-up"));
        assertEquals(SamplingStrategy.TOP_K, SamplingStrategy.parse("Top-K"));
    }

    @Test
    void timeBasedDecayMatchesKeras() {
        TrainingConfig c = TrainingConfig.notebook(1);
        assertEquals(0.01, c.learningRateAt(0), 1e-15);
        assertEquals(0.01 / 2, c.learningRateAt(100), 1e-15);
    }

    @Test
    void mismatchedWeightsAreRejected() {
        CanonicalWeights w = CanonicalWeights.initialize(new ModelSpec(6, 4, 1), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CanonicalWeights(new ModelSpec(7, 4, 1), w.layers(), w.denseKernel(), w.denseBias()));
        assertTrue(e.getMessage().contains("LSTM layer 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LstmLayerWeights(6, 4, new float[5], new float[64], new float[16]));
    }

    @Test
    void initialisationIsSeededAndKerasShaped() {
        ModelSpec spec = new ModelSpec(10, 8, 2);
        CanonicalWeights a = CanonicalWeights.initialize(spec, 42);
        assertTrue(a.sameValues(CanonicalWeights.initialize(spec, 42)));
        assertFalse(a.sameValues(CanonicalWeights.initialize(spec, 43)));
        float[] rec = a.layers().get(0).recurrentKernel(); // [8][32]: orthonormal rows
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double dot = 0;
                for (int k = 0; k < 32; k++) {
                    dot += rec[i * 32 + k] * rec[j * 32 + k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-5);
            }
        }
        float[] bias = a.layers().get(0).bias();
        assertEquals(1f, bias[8]);
        assertEquals(0f, bias[0]);
        double limit = Math.sqrt(6.0 / (10 + 32));
        for (float v : a.layers().get(0).inputKernel()) {
            assertTrue(Math.abs(v) <= limit);
        }
    }

    @Test
    void windowsFollowTheNotebookConvention() {
        TrainingSet set = TrainingSet.fromWindows(new int[][] {{3, 1, 4}, {1, 5, 9}});
        assertEquals(TrainingSet.NONE, set.input(0, 0));
        assertEquals(1, set.input(0, 1));
        assertEquals(1, set.target(0, 0));
        assertEquals(4, set.target(0, 1));
        assertEquals(TrainingSet.NONE, set.target(0, 2));
        assertEquals(9, set.maxToken());
        assertThrows(IllegalArgumentException.class, () -> set.checkFits(9));
        assertThrows(IllegalArgumentException.class, () -> TrainingSet.fromWindows(new int[0][]));
    }

    @Test
    void epochOrderIsASeededPermutation() {
        TrainingSet set = TrainingSet.fromWindows(new int[60][2]);
        int[] a = set.epochOrder(1, 0);
        assertArrayEquals(a, set.epochOrder(1, 0));
        assertFalse(Arrays.equals(a, set.epochOrder(1, 1)));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 60; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void minibatchesCutTheEpochOrderWithAShortLastBatch() {
        TrainingSet set = TrainingSet.fromWindows(new int[60][2]);
        int[][] batches = set.minibatches(1, 3, 32);
        assertEquals(2, batches.length);
        assertEquals(32, batches[0].length);
        assertEquals(28, batches[1].length);
        int[] joined = new int[60];
        System.arraycopy(batches[0], 0, joined, 0, 32);
        System.arraycopy(batches[1], 0, joined, 32, 28);
        assertArrayEquals(set.epochOrder(1, 3), joined);
    }

    @Test
    void chooserStrategiesAreSeededAndRespectTheirLimits() {
        float[] logits = {0f, 3f, 1f, 2.5f, -1f};
        assertEquals(1, new TokenChooser(SamplingConfig.argmax()).choose(logits));
        TokenChooser topK = new TokenChooser(new SamplingConfig(SamplingStrategy.TOP_K, 5.0, 2, 0.9, 9));
        TokenChooser again = new TokenChooser(new SamplingConfig(SamplingStrategy.TOP_K, 5.0, 2, 0.9, 9));
        int[] counts = new int[5];
        for (int i = 0; i < 2000; i++) {
            int t = topK.choose(logits);
            assertEquals(t, again.choose(logits));
            counts[t]++;
        }
        assertEquals(0, counts[0] + counts[2] + counts[4]);
        assertTrue(counts[1] > 0 && counts[3] > 0);
        TokenChooser topP = new TokenChooser(new SamplingConfig(SamplingStrategy.TOP_P, 1.0, 5, 0.5, 3));
        for (int i = 0; i < 200; i++) {
            assertEquals(1, topP.choose(logits)); // token 1 alone holds more than half the mass
        }
        TokenChooser hot = new TokenChooser(SamplingConfig.temperature(100, 4));
        int[] spread = new int[5];
        for (int i = 0; i < 2000; i++) {
            spread[hot.choose(logits)]++;
        }
        for (int c : spread) {
            assertTrue(c > 250, Arrays.toString(spread));
        }
        assertNotEquals(0, spread[0]);
    }
}
