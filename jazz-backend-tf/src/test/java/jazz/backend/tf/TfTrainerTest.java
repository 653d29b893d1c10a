package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import jazz.api.testing.ReferenceLstm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on TensorFlow follows the reference step for step and learns. */
class TfTrainerTest {

    private static Backend backend;

    @BeforeAll
    static void start() {
        backend = new TfBackendProvider().create(Map.of());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** Largest absolute difference between two weight sets. */
    private static double maxDifference(CanonicalWeights a, CanonicalWeights b) {
        List<float[]> x = ParameterShapes.arrays(a);
        List<float[]> y = ParameterShapes.arrays(b);
        double max = 0;
        for (int g = 0; g < x.size(); g++) {
            for (int i = 0; i < x.get(g).length; i++) {
                max = Math.max(max, Math.abs(x.get(g)[i] - y.get(g)[i]));
            }
        }
        return max;
    }

    private static void followsTheReference(ModelSpec spec, int epochs) {
        CanonicalWeights start = CanonicalWeights.initialize(spec, 8);
        // 23 sequences in batches of 8: the last batch has 7, so the free batch dimension is exercised.
        TrainingSet data = SyntheticCorpus.of(spec.vocabularySize(), 120, 23, 12, 5);
        TrainingConfig config = new TrainingConfig(epochs, 8, 0.01, 0.01, 0.9, 0.999, 1e-7, 11);
        ReferenceLstm reference = new ReferenceLstm(start);
        ReferenceLstm.Adam adam = reference.new Adam(config);
        try (SequenceModel m = backend.load(start)) {
            Trainer trainer = m.trainer(config);
            for (int e = 0; e < epochs; e++) {
                double expected = adam.epoch(data);
                double actual = trainer.epoch(data);
                assertEquals(expected, actual, 2e-5 * expected, spec + " loss of epoch " + (e + 1));
            }
            double difference = maxDifference(reference.weights(), m.weights());
            System.out.printf(Locale.ROOT, "tf vs reference, %s after %d epochs: largest weight difference %.2e%n",
                    spec, epochs, difference);
            assertTrue(difference < 1e-4, "weights drifted from the reference by " + difference);
        }
    }

    @Test
    void oneLayerFollowsTheReferenceLossAndWeightsOverThreeEpochs() {
        followsTheReference(new ModelSpec(17, 12, 1), 3);
    }

    @Test
    void twoLayersFollowTheReferenceLossAndWeights() {
        followsTheReference(new ModelSpec(13, 8, 2), 2);
    }

    @Test
    void theSeedSetUpLearnsACorpusOfTheMethenyShape() {
        ModelSpec spec = ModelSpec.notebook(90);
        TrainingSet data = SyntheticCorpus.of(90, 293, 60, 30, 1);
        try (SequenceModel m = backend.create(spec, 1)) {
            long start = System.nanoTime();
            double[] history = m.trainer(TrainingConfig.notebook(1)).fit(data, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "tf, seed set-up on a synthetic 60 x 30 corpus, V = 90: loss %.2f -> %.3f"
                    + " in 100 epochs, %.2f s%n", history[0], history[99], seconds);
            assertEquals(29 * Math.log(90), history[0], 10, "epoch 1 should start near 29 ln 90");
            assertTrue(history[99] < 10, "100 epochs should reach single digits, got " + history[99]);
        }
    }

    @Test
    void aSecondTrainerStartsAdamAfreshAndOtherLengthsTrainToo() {
        ModelSpec spec = new ModelSpec(11, 6, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 4);
        TrainingConfig config = new TrainingConfig(1, 4, 0.01, 0.01, 0.9, 0.999, 1e-7, 3);
        TrainingSet shortOnes = SyntheticCorpus.of(11, 60, 9, 6, 2);
        TrainingSet longOnes = SyntheticCorpus.of(11, 60, 9, 14, 2);
        ReferenceLstm reference = new ReferenceLstm(start);
        ReferenceLstm.Adam first = reference.new Adam(config);
        double expectedShort = first.epoch(shortOnes);
        ReferenceLstm.Adam second = reference.new Adam(config);
        double expectedLong = second.epoch(longOnes);
        try (SequenceModel m = backend.load(start)) {
            assertEquals(expectedShort, m.trainer(config).epoch(shortOnes), 2e-5 * expectedShort);
            assertEquals(expectedLong, m.trainer(config).epoch(longOnes), 2e-5 * expectedLong);
            assertTrue(maxDifference(reference.weights(), m.weights()) < 1e-4);
        }
    }

    @Test
    void theTrainingSeedChoosesTheMinibatches() {
        ModelSpec spec = new ModelSpec(12, 8, 1);
        TrainingSet data = SyntheticCorpus.of(12, 80, 10, 8, 6);
        CanonicalWeights[] trained = new CanonicalWeights[2];
        for (int seed = 0; seed < 2; seed++) {
            try (SequenceModel m = backend.create(spec, 7)) {
                m.trainer(new TrainingConfig(2, 3, 0.01, 0.01, 0.9, 0.999, 1e-7, seed)).fit(data, null);
                trained[seed] = m.weights();
            }
        }
        assertFalse(trained[0].sameValues(trained[1]), "two training seeds gave the same weights");
    }

    @Test
    void dataThatDoesNotFitIsRejectedBeforeAnyUpdate() {
        ModelSpec spec = new ModelSpec(6, 4, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 1);
        try (SequenceModel m = backend.load(start)) {
            Trainer trainer = m.trainer(TrainingConfig.notebook(1));
            assertThrows(IllegalArgumentException.class, () -> trainer.epoch(TrainingSet.fromWindows(new int[][] {{1, 6}})));
            assertEquals(0, trainer.epochsDone());
            assertTrue(start.sameValues(m.weights()));
        }
    }
}
