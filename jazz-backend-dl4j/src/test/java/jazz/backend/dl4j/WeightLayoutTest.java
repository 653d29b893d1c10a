package jazz.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeightLayoutTest {

    @BeforeAll
    static void startNd4j() {
        new Dl4jBackendProvider().create(Map.of());
    }

    /** A [rows][4n] matrix whose every value names its Keras gate block (1 = i, 2 = f, 3 = c, 4 = o). */
    private static float[] blockNumbers(int rows, int n) {
        float[] m = new float[rows * 4 * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = 1 + (i % (4 * n)) / n;
        }
        return m;
    }

    @Test
    void dl4jHoldsTheGateBlocksInOrderCellForgetOutputInput() {
        float[] dl4j = WeightLayout.toDl4jGates(blockNumbers(2, 3), 2, 3);
        float[] expectedRow = {3, 3, 3, 2, 2, 2, 4, 4, 4, 1, 1, 1};
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(expectedRow, java.util.Arrays.copyOfRange(dl4j, r * 12, r * 12 + 12), 0f);
        }
    }

    @Test
    void gateReorderingIsInvertedExactly() {
        float[] keras = new float[5 * 4 * 7];
        for (int i = 0; i < keras.length; i++) {
            keras[i] = i * 0.37f - 11;
        }
        assertArrayEquals(keras, WeightLayout.toKerasGates(WeightLayout.toDl4jGates(keras, 5, 7), 5, 7), 0f);
    }

    @Test
    void theKerasForgetBiasLandsInDl4jsForgetBlockOfTheNetwork() {
        ModelSpec spec = new ModelSpec(6, 4, 1);
        CanonicalWeights initial = CanonicalWeights.initialize(spec, 1);
        LstmLayerWeights layer = initial.layers().get(0);
        float[] bias = blockNumbers(1, 4);
        CanonicalWeights weights = new CanonicalWeights(spec, java.util.List.of(new LstmLayerWeights(6, 4,
                layer.inputKernel(), layer.recurrentKernel(), bias)), initial.denseKernel(), initial.denseBias());
        MultiLayerNetwork network = new NetworkFactory(spec, WorkspaceMode.ENABLED).inferenceNetwork();
        WeightLayout.write(weights, network);
        float[] dl4jBias = network.getLayer(0).getParam(LSTMParamInitializer.BIAS_KEY).toFloatVector();
        assertArrayEquals(new float[] {3, 3, 3, 3, 2, 2, 2, 2, 4, 4, 4, 4, 1, 1, 1, 1}, dl4jBias, 0f);
        assertArrayEquals(bias, WeightLayout.read(spec, network).layers().get(0).bias(), 0f);
    }
}
