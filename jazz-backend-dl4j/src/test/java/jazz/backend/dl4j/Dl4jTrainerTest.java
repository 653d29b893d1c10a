package jazz.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import jazz.api.testing.ReferenceLstm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class Dl4jTrainerTest {

    private static Backend backend;

    @BeforeAll
    static void start() {
        backend = new Dl4jBackendProvider().create(Map.of());
    }

    /** Random windows, with the targets of some steps removed. */
    private static TrainingSet data(int vocabulary, int count, int length, long seed, boolean dropTargets) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] in = new int[count * length];
        int[] out = new int[count * length];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % length == 0 ? TrainingSet.NONE : random.nextInt(vocabulary);
            out[i] = dropTargets && random.nextInt(3) == 0 ? TrainingSet.NONE : random.nextInt(vocabulary);
        }
        return new TrainingSet(count, length, in, out);
    }

    private static double largestDifference(CanonicalWeights a, CanonicalWeights b) {
        double worst = 0;
        for (int l = 0; l < a.layers().size(); l++) {
            LstmLayerWeights x = a.layers().get(l);
            LstmLayerWeights y = b.layers().get(l);
            worst = Math.max(worst, largestDifference(x.inputKernel(), y.inputKernel()));
            worst = Math.max(worst, largestDifference(x.recurrentKernel(), y.recurrentKernel()));
            worst = Math.max(worst, largestDifference(x.bias(), y.bias()));
        }
        worst = Math.max(worst, largestDifference(a.denseKernel(), b.denseKernel()));
        return Math.max(worst, largestDifference(a.denseBias(), b.denseBias()));
    }

    private static double largestDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void inverseScheduleIsKerasTimeBasedDecay() {
        TrainingConfig config = TrainingConfig.notebook(1);
        InverseSchedule schedule = new InverseSchedule(ScheduleType.ITERATION, config.learningRate(), config.decay(), 1);
        for (int iteration = 0; iteration < 1000; iteration++) {
            assertEquals(config.learningRateAt(iteration), schedule.valueAt(iteration, 0), 1e-12, "iteration " + iteration);
        }
    }

    @Test
    void threeEpochsOfATwoLayerModelFollowTheReferenceLossesAndWeights() {
        ModelSpec spec = new ModelSpec(9, 7, 2);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 31);
        TrainingSet set = data(9, 10, 8, 4, true);
        // A large decay makes a wrong iteration count in the schedule show in the weights.
        TrainingConfig config = new TrainingConfig(3, 4, 0.02, 0.5, 0.9, 0.999, 1e-7, 8);
        ReferenceLstm reference = new ReferenceLstm(start);
        ReferenceLstm.Adam adam = reference.new Adam(config);
        try (SequenceModel model = backend.load(start)) {
            Trainer trainer = model.trainer(config);
            for (int e = 0; e < 3; e++) {
                double expected = adam.epoch(set);
                assertEquals(expected, trainer.epoch(set), 1e-4 * expected, "epoch " + (e + 1));
            }
            double drift = largestDifference(reference.weights(), model.weights());
            assertTrue(drift < 1e-4, "weights drifted from the reference by " + drift);
        }
    }

    @Test
    void stepsWithoutATargetAddNothingToTheLoss() {
        ModelSpec spec = new ModelSpec(8, 5, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 2);
        TrainingSet full = data(8, 6, 10, 3, false);
        int[] in = new int[6 * 10];
        int[] out = new int[6 * 10];
        for (int s = 0; s < 6; s++) {
            for (int t = 0; t < 10; t++) {
                in[s * 10 + t] = full.input(s, t);
                out[s * 10 + t] = t < 5 ? TrainingSet.NONE : full.target(s, t);
            }
        }
        TrainingSet halfTargets = new TrainingSet(6, 10, in, out);
        TrainingConfig config = new TrainingConfig(1, 6, 0.01, 0, 0.9, 0.999, 1e-7, 1);
        double expected = new ReferenceLstm(start).new Adam(config).epoch(halfTargets);
        try (SequenceModel model = backend.load(start)) {
            assertEquals(expected, model.trainer(config).epoch(halfTargets), 1e-4 * expected);
        }
    }

    @Test
    void aSetWithNoTargetsHasZeroLossAndLeavesTheWeightsAlone() {
        ModelSpec spec = new ModelSpec(8, 5, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 2);
        int[] in = {TrainingSet.NONE, 3, 4, TrainingSet.NONE, 1, 2};
        int[] none = new int[6];
        java.util.Arrays.fill(none, TrainingSet.NONE);
        TrainingSet noTargets = new TrainingSet(2, 3, in, none);
        try (SequenceModel model = backend.load(start)) {
            assertEquals(0.0, model.trainer(TrainingConfig.notebook(1)).epoch(noTargets), 0.0);
            assertTrue(start.sameValues(model.weights()), "weights moved without a target");
        }
    }

    @Test
    void twoTrainersShareTheModelsWeightsButNotTheirAdamState() {
        ModelSpec spec = new ModelSpec(8, 5, 1);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 2);
        TrainingSet set = data(8, 4, 6, 5, false);
        TrainingConfig config = new TrainingConfig(1, 4, 0.01, 0, 0.9, 0.999, 1e-7, 1);
        ReferenceLstm reference = new ReferenceLstm(start);
        reference.new Adam(config).epoch(set);
        reference.new Adam(config).epoch(set);
        try (SequenceModel model = backend.load(start)) {
            model.trainer(config).epoch(set);
            model.trainer(config).epoch(set);
            double drift = largestDifference(reference.weights(), model.weights());
            assertTrue(drift < 1e-4, "weights drifted from the reference by " + drift);
        }
    }

    @Test
    void setWeightsReplacesWhatTheTrainerStartsFrom() {
        ModelSpec spec = new ModelSpec(8, 5, 1);
        CanonicalWeights other = CanonicalWeights.initialize(spec, 99);
        try (SequenceModel model = backend.create(spec, 1)) {
            model.setWeights(other);
            assertTrue(other.sameValues(model.weights()));
            TrainingSet set = data(8, 4, 6, 5, false);
            TrainingConfig config = new TrainingConfig(1, 4, 0.01, 0, 0.9, 0.999, 1e-7, 1);
            double expected = new ReferenceLstm(other).new Adam(config).epoch(set);
            assertEquals(expected, model.trainer(config).epoch(set), 1e-4 * expected);
        }
    }

    @Test
    void anUnknownTokenInTheTrainingSetIsRejected() {
        try (SequenceModel model = backend.create(new ModelSpec(8, 5, 1), 1)) {
            TrainingSet tooWide = TrainingSet.fromWindows(new int[][] {{1, 8, 2}});
            Trainer trainer = model.trainer(TrainingConfig.notebook(1));
            assertThrows(IllegalArgumentException.class, () -> trainer.epoch(tooWide));
            assertEquals(0, trainer.epochsDone());
        }
    }

    @Test
    void mismatchedWeightsAreRejected() {
        try (SequenceModel model = backend.create(new ModelSpec(8, 5, 1), 1)) {
            CanonicalWeights twoLayers = CanonicalWeights.initialize(new ModelSpec(8, 5, 2), 1);
            assertThrows(IllegalArgumentException.class, () -> model.setWeights(twoLayers));
            assertTrue(CanonicalWeights.initialize(new ModelSpec(8, 5, 1), 1).sameValues(model.weights()));
        }
    }
}
