package jazz.api;

import java.util.Arrays;
import java.util.List;

/**
 * All weights of a model in the layout every backend converts to and from (Keras's): per LSTM layer
 * the input kernel, recurrent kernel and bias with gates in order i, f, c, o; then the dense kernel
 * {@code [hiddenSize][V]} and bias {@code [V]}. A model trained on one backend samples on any other
 * through this type.
 *
 * @param spec the model's shape
 * @param layers one entry per LSTM layer, bottom first
 * @param denseKernel {@code [hiddenSize][vocabularySize]}, row-major
 * @param denseBias {@code [vocabularySize]}
 */
public record CanonicalWeights(ModelSpec spec, List<LstmLayerWeights> layers, float[] denseKernel, float[] denseBias) {

    /**
     * Checks every shape against the spec.
     *
     * @throws IllegalArgumentException naming the first part whose shape does not fit
     */
    public CanonicalWeights {
        if (spec == null || layers == null) {
            throw new IllegalArgumentException("spec and layers must not be null");
        }
        layers = List.copyOf(layers);
        if (layers.size() != spec.layers()) {
            throw new IllegalArgumentException("spec has " + spec.layers() + " LSTM layers but the weights have "
                    + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            LstmLayerWeights w = layers.get(l);
            if (w.inputSize() != spec.inputSize(l) || w.hiddenSize() != spec.hiddenSize()) {
                throw new IllegalArgumentException("LSTM layer " + l + " is " + w.inputSize() + " x " + w.hiddenSize()
                        + " but the spec needs " + spec.inputSize(l) + " x " + spec.hiddenSize());
            }
        }
        checkLength("dense kernel", denseKernel, (long) spec.hiddenSize() * spec.vocabularySize());
        checkLength("dense bias", denseBias, spec.vocabularySize());
    }

    static void checkLength(String what, float[] array, long expected) {
        if (array == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(what + " has " + array.length + " values, expected " + expected);
        }
    }

    /**
     * A deep copy, so a caller cannot change a model's weights through a shared array.
     *
     * @return the copy
     */
    public CanonicalWeights copy() {
        return new CanonicalWeights(spec, layers.stream().map(LstmLayerWeights::copy).toList(),
                denseKernel.clone(), denseBias.clone());
    }

    /**
     * Whether two sets of weights hold exactly the same values.
     *
     * @param other the weights to compare with
     * @return true when spec and every value are bit-for-bit equal
     */
    public boolean sameValues(CanonicalWeights other) {
        if (!spec.equals(other.spec)) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            LstmLayerWeights a = layers.get(l);
            LstmLayerWeights b = other.layers.get(l);
            if (!Arrays.equals(a.inputKernel(), b.inputKernel()) || !Arrays.equals(a.recurrentKernel(), b.recurrentKernel())
                    || !Arrays.equals(a.bias(), b.bias())) {
                return false;
            }
        }
        return Arrays.equals(denseKernel, other.denseKernel) && Arrays.equals(denseBias, other.denseBias);
    }

    /**
     * Keras's initialisation, seeded: glorot-uniform input and dense kernels, orthogonal recurrent
     * kernels, zero biases except the forget gate's, which starts at 1 (Keras's {@code unit_forget_bias}).
     * Every backend starts from these values, so one seed gives one starting point everywhere.
     *
     * @param spec the model's shape
     * @param seed the seed
     * @return fresh weights
     */
    public static CanonicalWeights initialize(ModelSpec spec, long seed) {
        return WeightInitializer.keras(spec, seed);
    }
}
