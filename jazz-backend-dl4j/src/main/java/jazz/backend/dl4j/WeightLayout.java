package jazz.backend.dl4j;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts between the canonical (Keras) weights and DL4J's parameters. The matrices have the same
 * shapes ({@code W [n_in, 4n]}, {@code RW [n, 4n]}, {@code b [1, 4n]}, dense {@code W [n, V]},
 * {@code b [1, V]}), but DL4J's {@code LSTMHelpers} lays the four gate blocks out as block input (c),
 * forget, output, input where Keras has input, forget, cell, output.
 */
final class WeightLayout {

    /** For each DL4J gate block, the Keras block it holds: c, f, o, i in Keras's i, f, c, o numbering. */
    static final int[] KERAS_BLOCK_OF_DL4J_BLOCK = {2, 1, 3, 0};

    private WeightLayout() {
    }

    /**
     * Writes canonical weights into a network's parameters.
     *
     * @param weights the canonical weights; their spec must be the network's
     * @param network an LSTM stack topped by the output layer, built by {@link NetworkFactory}
     */
    static void write(CanonicalWeights weights, MultiLayerNetwork network) {
        ModelSpec spec = weights.spec();
        int n = spec.hiddenSize();
        for (int l = 0; l < spec.layers(); l++) {
            LstmLayerWeights w = weights.layers().get(l);
            Layer layer = network.getLayer(l);
            layer.setParam(LSTMParamInitializer.INPUT_WEIGHT_KEY,
                    matrix(toDl4jGates(w.inputKernel(), w.inputSize(), n), w.inputSize(), 4 * n));
            layer.setParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY,
                    matrix(toDl4jGates(w.recurrentKernel(), n, n), n, 4 * n));
            layer.setParam(LSTMParamInitializer.BIAS_KEY, matrix(toDl4jGates(w.bias(), 1, n), 1, 4 * n));
        }
        Layer dense = network.getLayer(spec.layers());
        dense.setParam(DefaultParamInitializer.WEIGHT_KEY, matrix(weights.denseKernel(), n, spec.vocabularySize()));
        dense.setParam(DefaultParamInitializer.BIAS_KEY, matrix(weights.denseBias(), 1, spec.vocabularySize()));
    }

    /**
     * Reads a network's parameters as canonical weights.
     *
     * @param spec the network's shape
     * @param network an LSTM stack topped by the output layer, built by {@link NetworkFactory}
     * @return a copy the caller owns
     */
    static CanonicalWeights read(ModelSpec spec, MultiLayerNetwork network) {
        int n = spec.hiddenSize();
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            Layer layer = network.getLayer(l);
            int in = spec.inputSize(l);
            layers.add(new LstmLayerWeights(in, n,
                    toKerasGates(values(layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY)), in, n),
                    toKerasGates(values(layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY)), n, n),
                    toKerasGates(values(layer.getParam(LSTMParamInitializer.BIAS_KEY)), 1, n)));
        }
        Layer dense = network.getLayer(spec.layers());
        return new CanonicalWeights(spec, layers, values(dense.getParam(DefaultParamInitializer.WEIGHT_KEY)),
                values(dense.getParam(DefaultParamInitializer.BIAS_KEY)));
    }

    /**
     * Reorders the gate blocks of a row-major {@code [rows][4n]} matrix from Keras's order to DL4J's.
     *
     * @param keras the matrix in Keras's gate order
     * @param rows its rows
     * @param n units per gate block
     * @return a new matrix in DL4J's gate order
     */
    static float[] toDl4jGates(float[] keras, int rows, int n) {
        float[] dl4j = new float[keras.length];
        for (int r = 0; r < rows; r++) {
            for (int block = 0; block < 4; block++) {
                System.arraycopy(keras, r * 4 * n + KERAS_BLOCK_OF_DL4J_BLOCK[block] * n, dl4j, r * 4 * n + block * n, n);
            }
        }
        return dl4j;
    }

    /**
     * Reorders the gate blocks of a row-major {@code [rows][4n]} matrix from DL4J's order to Keras's.
     *
     * @param dl4j the matrix in DL4J's gate order
     * @param rows its rows
     * @param n units per gate block
     * @return a new matrix in Keras's gate order
     */
    static float[] toKerasGates(float[] dl4j, int rows, int n) {
        float[] keras = new float[dl4j.length];
        for (int r = 0; r < rows; r++) {
            for (int block = 0; block < 4; block++) {
                System.arraycopy(dl4j, r * 4 * n + block * n, keras, r * 4 * n + KERAS_BLOCK_OF_DL4J_BLOCK[block] * n, n);
            }
        }
        return keras;
    }

    private static INDArray matrix(float[] rowMajor, int rows, int columns) {
        return Nd4j.create(rowMajor, new long[] {rows, columns}, 'c');
    }

    /** The values of a parameter view in row-major order, whatever the view's own ordering. */
    private static float[] values(INDArray parameter) {
        return parameter.dup('c').data().asFloat();
    }
}
