package jazz.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import jazz.api.SamplingConfig;
import jazz.api.TokenStream;
import jazz.api.SequenceModel;
import jazz.music.Corpus;
import jazz.music.Jazz;
import jazz.music.ModelFile;
import jazz.music.PartSelection;
import jazz.music.TrainedModel;
import jazz.music.TrainingPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notebook's numbers on the notebook's data, on every CPU backend: ≈ 30 ln V at epoch 1, below 10 at epoch 100. */
class MethenyTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"native", "dl4j", "tf"})
    void theSeedSetUpLearnsTheMethenySolo(String id) {
        Corpus corpus = Corpus.fromMidi(ImageBackends.metheny(), PartSelection.metheny());
        int v = corpus.vocabulary().size();
        TrainedModel model;
        try (Jazz jazz = Jazz.open(ImageBackends.discover(), id)) {
            model = jazz.train(corpus, TrainingPlan.notebook(1), null);
        }
        double[] loss = model.training().loss();
        System.out.printf(Locale.ROOT, "%s: V=%d, parameters %d, loss %.2f -> %.3f in %.2f s%n", id, v,
                model.spec().parameterCount(), loss[0], loss[99], model.training().seconds());
        assertEquals(100, loss.length);
        assertTrue(Math.abs(loss[0] - 30 * Math.log(v)) < 0.15 * 30 * Math.log(v), id + " first loss " + loss[0]);
        assertTrue(loss[99] < 10, id + " loss after 100 epochs is " + loss[99]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dl4j", "tf"})
    void aModelTrainedOnAPluginSamplesTheSameLineOnNative(String id) {
        Corpus corpus = Corpus.fromMidi(ImageBackends.metheny(), PartSelection.metheny());
        TrainingPlan plan = TrainingPlan.notebook(4);
        plan = new TrainingPlan(plan.windows(), plan.windowLength(), plan.hiddenSize(), plan.layers(),
                plan.config().withEpochs(5));
        TrainedModel trained;
        int[] there;
        try (Jazz jazz = Jazz.open(ImageBackends.discover(), id)) {
            trained = jazz.train(corpus, plan, null);
        }
        TrainedModel loaded = ModelFileRoundTrip.through(trained);
        try (var plugin = ImageBackends.discover().open(id, java.util.Map.of());
             SequenceModel m = plugin.load(trained.weights())) {
            there = new TokenStream(m, SamplingConfig.argmax()).next(50);
        }
        try (var nat = ImageBackends.discover().open("native", java.util.Map.of());
             SequenceModel m = nat.load(loaded.weights())) {
            assertArrayEquals(there, new TokenStream(m, SamplingConfig.argmax()).next(50));
        }
    }

    /** Bytes out and back in, as a user's file would travel. */
    static final class ModelFileRoundTrip {
        static TrainedModel through(TrainedModel model) {
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("jazz-roundtrip", ".jazz");
                try {
                    ModelFile.save(file, model);
                    return ModelFile.load(file);
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
