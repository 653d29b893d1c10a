package jazz.backend.simd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;

/**
 * A model's weights in the native layout ({@link ParameterLayout}), plus transposed copies of the
 * kernels that the backward pass multiplies by: {@code Whᵀ [4n][n]}, {@code Wxᵀ [4n][n]} for layers above
 * the first, and {@code Wyᵀ [Vp][n]}, and the recurrent kernel and its transpose packed for the
 * products inside the time loops (and for the sampler, with the dense kernel). The copies are refreshed
 * after each update.
 */
final class Parameters {

    final ParameterLayout layout;
    final float[] values;
    final float[][] recurrentTransposed;
    /** {@code Wh} and {@code Whᵀ} in {@link Matmul#pack}'s form, for the products at every step. */
    final float[][] recurrentPacked;
    final float[][] recurrentTransposedPacked;
    final float[][] inputTransposed;
    final float[] denseTransposed;
    /** {@code Wy} in {@link Matmul#pack}'s form, for the sampler's one-row products. */
    final float[] densePacked;

    Parameters(ParameterLayout layout) {
        this.layout = layout;
        this.values = new float[layout.size];
        int layers = layout.spec.layers();
        int n = layout.hidden;
        recurrentTransposed = new float[layers][layout.gates * n];
        recurrentPacked = new float[layers][Matmul.packedLength(n, layout.gates)];
        recurrentTransposedPacked = new float[layers][Matmul.packedLength(layout.gates, n)];
        inputTransposed = new float[layers][];
        for (int l = 1; l < layers; l++) {
            inputTransposed[l] = new float[layout.gates * n];
        }
        denseTransposed = new float[layout.paddedVocabulary * n];
        densePacked = new float[Matmul.packedLength(n, layout.paddedVocabulary)];
    }

    /** Copies canonical weights in, checking that their spec is this model's. */
    void importFrom(CanonicalWeights weights) {
        if (!weights.spec().equals(layout.spec)) {
            throw new IllegalArgumentException("the weights are for " + weights.spec() + " but the model is " + layout.spec);
        }
        for (int l = 0; l < layout.spec.layers(); l++) {
            LstmLayerWeights w = weights.layers().get(l);
            System.arraycopy(w.inputKernel(), 0, values, layout.inputKernel[l], w.inputKernel().length);
            System.arraycopy(w.recurrentKernel(), 0, values, layout.recurrentKernel[l], w.recurrentKernel().length);
            System.arraycopy(w.bias(), 0, values, layout.bias[l], w.bias().length);
        }
        int v = layout.vocabulary;
        int vp = layout.paddedVocabulary;
        Arrays.fill(values, layout.denseKernel, layout.size, 0f);
        for (int r = 0; r < layout.hidden; r++) {
            System.arraycopy(weights.denseKernel(), r * v, values, layout.denseKernel + r * vp, v);
        }
        System.arraycopy(weights.denseBias(), 0, values, layout.denseBias, v);
        refreshTransposes();
    }

    /** The weights in the canonical layout, as new arrays. */
    CanonicalWeights export() {
        int n = layout.hidden;
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < layout.spec.layers(); l++) {
            int in = layout.spec.inputSize(l);
            layers.add(new LstmLayerWeights(in, n,
                    Arrays.copyOfRange(values, layout.inputKernel[l], layout.inputKernel[l] + in * layout.gates),
                    Arrays.copyOfRange(values, layout.recurrentKernel[l], layout.recurrentKernel[l] + n * layout.gates),
                    Arrays.copyOfRange(values, layout.bias[l], layout.bias[l] + layout.gates)));
        }
        int v = layout.vocabulary;
        float[] dense = new float[n * v];
        for (int r = 0; r < n; r++) {
            System.arraycopy(values, layout.denseKernel + r * layout.paddedVocabulary, dense, r * v, v);
        }
        return new CanonicalWeights(layout.spec, layers, dense,
                Arrays.copyOfRange(values, layout.denseBias, layout.denseBias + v));
    }

    /** Recomputes the transposed and packed copies from {@link #values}. */
    void refreshTransposes() {
        for (int l = 0; l < layout.spec.layers(); l++) {
            refreshRecurrent(l);
            refreshInput(l);
        }
        refreshDense();
    }

    /** Recomputes the copies of layer {@code l}'s recurrent kernel. */
    void refreshRecurrent(int l) {
        int n = layout.hidden;
        Matmul.transpose(values, layout.recurrentKernel[l], n, layout.gates, recurrentTransposed[l], 0);
        Matmul.pack(values, layout.recurrentKernel[l], n, layout.gates, recurrentPacked[l]);
        Matmul.pack(recurrentTransposed[l], 0, layout.gates, n, recurrentTransposedPacked[l]);
    }

    /** Recomputes the copy of layer {@code l}'s input kernel (none for the first layer, whose input is a gather). */
    void refreshInput(int l) {
        if (l > 0) {
            Matmul.transpose(values, layout.inputKernel[l], layout.hidden, layout.gates, inputTransposed[l], 0);
        }
    }

    /** Recomputes the copies of the dense kernel. */
    void refreshDense() {
        Matmul.transpose(values, layout.denseKernel, layout.hidden, layout.paddedVocabulary, denseTransposed, 0);
        Matmul.pack(values, layout.denseKernel, layout.hidden, layout.paddedVocabulary, densePacked);
    }
}
