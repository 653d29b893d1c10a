package jazz.backend.simd;

import java.util.Arrays;

import jazz.api.Sampler;
import jazz.api.TrainingSet;

/**
 * Runs a model one token at a time. It only reads the model's weights and owns its state and scratch
 * buffers, so any number of samplers can run on one model from different threads at once (one
 * sampler per thread); taking one costs a few small arrays.
 */
final class NativeSampler implements Sampler {

    private final Parameters parameters;
    private final float[][] hidden;
    private final float[][] cell;
    private final float[] gates;
    private final float[] tanhCell;
    private final float[] logits;

    NativeSampler(Parameters parameters) {
        this.parameters = parameters;
        ParameterLayout layout = parameters.layout;
        int layers = layout.spec.layers();
        hidden = new float[layers][layout.hidden];
        cell = new float[layers][layout.hidden];
        gates = new float[layout.gates];
        tanhCell = new float[layout.hidden];
        logits = new float[layout.paddedVocabulary];
    }

    private NativeSampler(NativeSampler other) {
        this(other.parameters);
        for (int l = 0; l < hidden.length; l++) {
            System.arraycopy(other.hidden[l], 0, hidden[l], 0, hidden[l].length);
            System.arraycopy(other.cell[l], 0, cell[l], 0, cell[l].length);
        }
    }

    @Override
    public float[] step(int input) {
        ParameterLayout layout = parameters.layout;
        if (input < TrainingSet.NONE || input >= layout.vocabulary) {
            throw new IllegalArgumentException("token " + input + " is outside the vocabulary of " + layout.vocabulary
                    + " tokens");
        }
        float[] w = parameters.values;
        int n = layout.hidden;
        int g = layout.gates;
        for (int l = 0; l < hidden.length; l++) {
            System.arraycopy(w, layout.bias[l], gates, 0, g);
            if (l > 0) {
                Matmul.multiplyAdd(hidden[l - 1], 0, 1, n, w, layout.inputKernel[l], g, gates, 0);
            } else if (input != TrainingSet.NONE) {
                Matmul.add(w, layout.inputKernel[0] + input * g, gates, 0, g);
            }
            Matmul.multiplyAddRowPacked(hidden[l], 0, n, w, layout.recurrentKernel[l], parameters.recurrentPacked[l], g,
                    gates, 0);
            CellKernels.activateGates(gates, 0, 1, n, layout.gatePattern);
            CellKernels.stateAndOutput(gates, 0, cell[l], 0, 0, tanhCell, 0, hidden[l], 0, 1, n);
        }
        System.arraycopy(w, layout.denseBias, logits, 0, layout.paddedVocabulary);
        Matmul.multiplyAddRowPacked(hidden[hidden.length - 1], 0, n, w, layout.denseKernel, parameters.densePacked,
                layout.paddedVocabulary, logits, 0);
        return Arrays.copyOf(logits, layout.vocabulary);
    }

    @Override
    public void reset() {
        for (int l = 0; l < hidden.length; l++) {
            Arrays.fill(hidden[l], 0f);
            Arrays.fill(cell[l], 0f);
        }
    }

    @Override
    public Sampler copy() {
        return new NativeSampler(this);
    }
}
