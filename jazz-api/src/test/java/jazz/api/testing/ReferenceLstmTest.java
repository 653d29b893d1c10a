package jazz.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import org.junit.jupiter.api.Test;

class ReferenceLstmTest {

    private static TrainingSet randomSet(int vocab, int count, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] windows = new int[count][length];
        for (int[] w : windows) {
            for (int t = 0; t < length; t++) {
                w[t] = r.nextInt(vocab);
            }
        }
        return TrainingSet.fromWindows(windows);
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryGroupOfATwoLayerModel() {
        ModelSpec spec = new ModelSpec(7, 5, 2);
        ReferenceLstm model = new ReferenceLstm(CanonicalWeights.initialize(spec, 3));
        TrainingSet data = randomSet(7, 3, 6, 11);
        int[] batch = {0, 1, 2};
        double[] grad = new double[model.parameters().length];
        model.loss(data, batch, grad);
        double[] p = model.parameters();
        SplittableRandom pick = new SplittableRandom(5);
        for (int g = 0; g < model.groupCount(); g++) {
            for (int k = 0; k < 6; k++) {
                int i = model.groupStart(g) + pick.nextInt(model.groupEnd(g) - model.groupStart(g));
                double saved = p[i];
                double eps = 1e-6;
                p[i] = saved + eps;
                double up = model.loss(data, batch, null);
                p[i] = saved - eps;
                double down = model.loss(data, batch, null);
                p[i] = saved;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, grad[i], 1e-6 + 1e-5 * Math.abs(numeric), "group " + g + " index " + i);
            }
        }
    }

    @Test
    void firstLossOfTheNotebookShapeIsNearTwentyNineTimesLogV() {
        ModelSpec spec = ModelSpec.notebook(90);
        ReferenceLstm model = new ReferenceLstm(CanonicalWeights.initialize(spec, 1));
        TrainingSet data = randomSet(90, 4, 30, 2);
        double loss = model.loss(data, new int[] {0, 1, 2, 3}, null);
        assertEquals(29 * Math.log(90), loss, 0.05 * 29 * Math.log(90));
    }

    @Test
    void adamLearnsAPeriodicSequence() {
        ModelSpec spec = new ModelSpec(4, 8, 1);
        ReferenceLstm model = new ReferenceLstm(CanonicalWeights.initialize(spec, 7));
        int[][] windows = new int[8][12];
        for (int i = 0; i < windows.length; i++) {
            for (int t = 0; t < 12; t++) {
                windows[i][t] = (i + t) % 4;
            }
        }
        TrainingSet data = TrainingSet.fromWindows(windows);
        ReferenceLstm.Adam adam = model.new Adam(new TrainingConfig(1, 4, 0.05, 0.0, 0.9, 0.999, 1e-7, 1));
        double first = adam.epoch(data);
        double last = first;
        for (int e = 0; e < 150; e++) {
            last = adam.epoch(data);
        }
        assertTrue(last < first / 4, "loss went from " + first + " to " + last);
    }
}
