package jazz.api;

/**
 * One LSTM layer in the canonical (Keras) layout: row-major matrices whose columns are four blocks of
 * {@code hiddenSize}, in gate order input, forget, cell, output.
 *
 * @param inputSize rows of the input kernel
 * @param hiddenSize units of the layer
 * @param inputKernel {@code [inputSize][4·hiddenSize]}, row-major
 * @param recurrentKernel {@code [hiddenSize][4·hiddenSize]}, row-major
 * @param bias {@code [4·hiddenSize]}
 */
public record LstmLayerWeights(int inputSize, int hiddenSize, float[] inputKernel, float[] recurrentKernel,
                               float[] bias) {

    /**
     * Checks every array against the shape.
     *
     * @throws IllegalArgumentException naming the array whose length is wrong
     */
    public LstmLayerWeights {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("layer sizes must be positive, got " + inputSize + " x " + hiddenSize);
        }
        CanonicalWeights.checkLength("input kernel", inputKernel, (long) inputSize * 4 * hiddenSize);
        CanonicalWeights.checkLength("recurrent kernel", recurrentKernel, (long) hiddenSize * 4 * hiddenSize);
        CanonicalWeights.checkLength("LSTM bias", bias, 4L * hiddenSize);
    }

    /**
     * A deep copy.
     *
     * @return the copy
     */
    public LstmLayerWeights copy() {
        return new LstmLayerWeights(inputSize, hiddenSize, inputKernel.clone(), recurrentKernel.clone(), bias.clone());
    }
}
