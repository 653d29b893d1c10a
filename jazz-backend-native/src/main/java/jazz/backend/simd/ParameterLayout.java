package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;

import jazz.api.ModelSpec;

/**
 * Where each weight matrix sits in one flat array of parameters (so that Adam is a single loop):
 * per layer the input kernel {@code [n_in][4n]}, recurrent kernel {@code [n][4n]} and bias {@code [4n]}
 * in Keras's layout, then the dense kernel {@code [n][Vp]} and bias {@code [Vp]}, where {@code Vp} is the
 * vocabulary padded to a whole number of vector lanes (the padding stays zero and gets no gradient).
 */
final class ParameterLayout {

    final ModelSpec spec;
    final int hidden;
    final int gates;
    final int vocabulary;
    final int paddedVocabulary;
    final int[] inputKernel;
    final int[] recurrentKernel;
    final int[] bias;
    final int denseKernel;
    final int denseBias;
    final int size;
    /** σ for the i, f and o blocks of a row of gates, tanh for the candidate: see {@link Activation#pattern}. */
    final float[] gatePattern;

    ParameterLayout(ModelSpec spec) {
        this.spec = spec;
        this.hidden = spec.hiddenSize();
        this.gates = 4 * hidden;
        this.vocabulary = spec.vocabularySize();
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        this.paddedVocabulary = (vocabulary + lanes - 1) / lanes * lanes;
        int layers = spec.layers();
        inputKernel = new int[layers];
        recurrentKernel = new int[layers];
        bias = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            inputKernel[l] = (int) offset;
            offset += (long) spec.inputSize(l) * gates;
            recurrentKernel[l] = (int) offset;
            offset += (long) hidden * gates;
            bias[l] = (int) offset;
            offset += gates;
        }
        denseKernel = (int) offset;
        offset += (long) hidden * paddedVocabulary;
        denseBias = (int) offset;
        offset += paddedVocabulary;
        if (offset > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a model of " + spec + " has too many parameters for the native backend");
        }
        size = (int) offset;
        int[] kinds = new int[gates];
        java.util.Arrays.fill(kinds, 2 * hidden, 3 * hidden, 1);
        gatePattern = Activation.pattern(kinds);
    }
}
