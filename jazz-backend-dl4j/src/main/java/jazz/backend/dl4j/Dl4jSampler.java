package jazz.backend.dl4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.TrainingSet;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the model one step at a time with DL4J's own {@code rnnTimeStep} on each LSTM layer. DL4J keeps
 * the recurrent state inside the layer, so this sampler keeps its own copy and swaps it in (under the
 * model's lock) for each step: samplers stay independent and can be copied. The logits come from the
 * output layer's weights applied to the top hidden state, before the softmax.
 */
final class Dl4jSampler implements Sampler {

    private final Dl4jModel model;
    private final ModelSpec spec;
    /** Per LSTM layer, its state after the last step; null entries mean the zero state. */
    private final Map<String, INDArray>[] states;

    /**
     * @param model the model to run
     * @param from a sampler whose state to copy, or null for the zero state
     */
    @SuppressWarnings("unchecked")
    Dl4jSampler(Dl4jModel model, Dl4jSampler from) {
        this.model = model;
        this.spec = model.spec();
        this.states = new Map[spec.layers()];
        if (from != null) {
            PluginContext.run(() -> {
                for (int l = 0; l < states.length; l++) {
                    states[l] = from.states[l] == null ? null : duplicate(from.states[l]);
                }
            });
        }
    }

    @Override
    public float[] step(int input) {
        if (input < TrainingSet.NONE || input >= spec.vocabularySize()) {
            throw new IllegalArgumentException("token " + input + " is outside the vocabulary of "
                    + spec.vocabularySize() + " tokens");
        }
        synchronized (model.lock()) {
            return PluginContext.call(() -> run(input));
        }
    }

    private float[] run(int input) {
        MultiLayerNetwork network = model.inferenceNetwork();
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, spec.vocabularySize(), 1);
        if (input != TrainingSet.NONE) {
            x.putScalar(new long[] {0, input, 0}, 1f);
        }
        for (int l = 0; l < spec.layers(); l++) {
            BaseRecurrentLayer<?> layer = (BaseRecurrentLayer<?>) network.getLayer(l);
            if (states[l] == null) {
                layer.rnnClearPreviousState();
            } else {
                layer.rnnSetPreviousState(states[l]);
            }
            x = layer.rnnTimeStep(x, workspaces);
            states[l] = new HashMap<>(layer.rnnGetPreviousState());
            layer.rnnClearPreviousState();
        }
        Layer dense = network.getLayer(spec.layers());
        INDArray hidden = x.reshape(1, spec.hiddenSize());
        INDArray logits = hidden.mmul(dense.getParam(DefaultParamInitializer.WEIGHT_KEY))
                .addi(dense.getParam(DefaultParamInitializer.BIAS_KEY));
        return logits.toFloatVector();
    }

    @Override
    public void reset() {
        Arrays.fill(states, null);
    }

    @Override
    public Sampler copy() {
        return new Dl4jSampler(model, this);
    }

    private static Map<String, INDArray> duplicate(Map<String, INDArray> state) {
        Map<String, INDArray> copy = new HashMap<>();
        state.forEach((key, value) -> copy.put(key, value.dup()));
        return copy;
    }
}
