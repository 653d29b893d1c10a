package jazz.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import org.junit.jupiter.api.Test;

/**
 * The notebook's whole training run (V = 90, n_a = 64, 60 windows of 30, minibatch 32, 100 epochs) on
 * a corpus of the Metheny corpus's shape. The Metheny corpus itself is tested where it is built.
 */
class Dl4jNotebookTrainingTest {

    @Test
    void hundredEpochsOfTheSeedSetUpStartNearTwentyNineLnVAndEndInSingleDigits() {
        TrainingSet data = SyntheticCorpus.notebookShape(1);
        try (SequenceModel model = new Dl4jBackendProvider().create(Map.of())
                .create(ModelSpec.notebook(SyntheticCorpus.VOCABULARY), 1)) {
            long start = System.nanoTime();
            double[] losses = model.trainer(TrainingConfig.notebook(1)).fit(data, null);
            System.err.printf("dl4j, notebook set-up, synthetic corpus: 100 epochs in %.1f s, loss %.2f -> %.3f%n",
                    (System.nanoTime() - start) / 1e9, losses[0], losses[99]);
            // 29 targets per window, each near ln V before training.
            double chance = 29 * Math.log(SyntheticCorpus.VOCABULARY);
            assertEquals(chance, losses[0], 0.05 * chance, "first epoch");
            assertTrue(losses[99] < 10, "loss after 100 epochs: " + losses[99]);
        }
    }
}
