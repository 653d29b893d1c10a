package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingSet;

class BatchGradientTest {

    private static int[] all(TrainingSet data) {
        int[] sequences = new int[data.count()];
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = i;
        }
        return sequences;
    }

    /** The reference's BPTT gradient equals central finite differences of its loss, in double precision. */
    @ParameterizedTest(name = "V={0} n={1} layers={2}")
    @CsvSource({"5, 3, 1", "4, 3, 2"})
    void referenceBackpropagationMatchesFiniteDifferencesForEveryParameterGroup(int v, int n, int layers) {
        ModelSpec spec = new ModelSpec(v, n, layers);
        ReferenceLstm reference = new ReferenceLstm(TestModels.weights(spec, 11));
        TrainingSet data = TestModels.sequences(3, 5, v, 12);
        int[] sequences = all(data);
        List<double[]> analytic = reference.gradient(data, sequences);
        List<String> names = reference.groupNames();
        double h = 1e-5;
        for (int group = 0; group < analytic.size(); group++) {
            double[] w = reference.groups.get(group);
            double worst = 0;
            for (int i = 0; i < w.length; i++) {
                double saved = w[i];
                w[i] = saved + h;
                double up = reference.loss(data, sequences);
                w[i] = saved - h;
                double down = reference.loss(data, sequences);
                w[i] = saved;
                double numeric = (up - down) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - analytic.get(group)[i]));
            }
            assertTrue(worst < 1e-8, names.get(group) + ": largest difference to finite differences " + worst);
        }
    }

    /**
     * The native loss and gradient equal the reference's for every parameter group, on shapes that use the
     * vector paths (n and V multiples of the lanes), the scalar tails (n = 3, 10) and stacked layers,
     * on one thread and with the minibatch split over two.
     */
    @ParameterizedTest(name = "V={0} n={1} layers={2} threads={3}")
    @CsvSource({"5, 3, 2, 1", "11, 8, 1, 1", "13, 16, 2, 2", "7, 10, 3, 2", "9, 20, 1, 2", "90, 64, 1, 2"})
    void nativeLossAndGradientMatchTheReference(int v, int n, int layers, int threads) {
        ModelSpec spec = new ModelSpec(v, n, layers);
        CanonicalWeights weights = TestModels.weights(spec, 21);
        TrainingSet data = TestModels.sequences(5, 7, v, 22);
        ReferenceLstm reference = new ReferenceLstm(weights);
        List<double[]> expected = reference.gradient(data, all(data));

        ParameterLayout layout = new ParameterLayout(spec);
        Parameters parameters = new Parameters(layout);
        parameters.importFrom(weights);
        ParallelGradient gradient = new ParallelGradient(layout, threads);
        double loss = gradient.compute(parameters, data, all(data), 0, data.count()) / data.count();
        assertEquals(reference.loss(data, all(data)), loss, 1e-5 * Math.abs(loss));

        Parameters asWeights = new Parameters(layout);
        System.arraycopy(gradient.sum(), 0, asWeights.values, 0, layout.size);
        CanonicalWeights actual = asWeights.export();
        List<String> names = reference.groupNames();
        int group = 0;
        for (LstmLayerWeights layer : actual.layers()) {
            assertClose(names.get(group), expected.get(group++), layer.inputKernel());
            assertClose(names.get(group), expected.get(group++), layer.recurrentKernel());
            assertClose(names.get(group), expected.get(group++), layer.bias());
        }
        assertClose(names.get(group), expected.get(group++), actual.denseKernel());
        assertClose(names.get(group), expected.get(group), actual.denseBias());
    }

    private static void assertClose(String name, double[] expected, float[] actual) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertTrue(scale > 0, name + ": the reference gradient is all zero, the check would prove nothing");
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            assertTrue(error <= 2e-5 * scale + 1e-7,
                    name + "[" + i + "]: native " + actual[i] + ", reference " + expected[i] + " (scale " + scale + ")");
        }
    }
}
