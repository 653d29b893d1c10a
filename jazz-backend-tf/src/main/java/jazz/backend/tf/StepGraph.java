package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The one-step graph that sampling runs: one input token and the packed state in, the logits and the
 * next packed state out. The state, every layer's h then every layer's c ({@code [1][2 L n_a]}), lives
 * in a Java array between steps, so a sampler is cheap to copy and any number of samplers share the
 * model's session; packing it keeps each step at two tensors in and two out.
 */
final class StepGraph {

    private final ModelSpec spec;
    private final Placeholder<TInt32> token;
    private final Placeholder<TFloat32> state;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> nextState;

    /**
     * Builds the step on a graph.
     *
     * @param tf where the operations go
     * @param weights the model's variables
     */
    StepGraph(Ops tf, WeightVariables weights) {
        Ops step = tf.withSubScope("step");
        LstmOps ops = new LstmOps(step);
        LstmParameters p = weights.reads(step);
        this.spec = p.spec();
        int layers = spec.layers();
        token = step.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        state = step.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, stateSize(spec))));
        List<Output<TFloat32>> parts = step.split(step.constant(1), state, 2L * layers).output();
        List<Operand<TFloat32>> nextH = new ArrayList<>();
        List<Operand<TFloat32>> nextC = new ArrayList<>();
        Operand<TFloat32> x = ops.oneHot(token, spec.vocabularySize());
        for (int l = 0; l < layers; l++) {
            LstmOps.CellState next = ops.cell(step.math.add(ops.matMul(x, p.inputKernel(l)), p.bias(l)),
                    new LstmOps.CellState(parts.get(l), parts.get(layers + l)), p.recurrentKernel(l));
            nextH.add(next.h());
            nextC.add(next.c());
            x = next.h();
        }
        logits = step.math.add(ops.matMul(x, p.denseKernel()), p.denseBias());
        List<Operand<TFloat32>> packed = new ArrayList<>(nextH);
        packed.addAll(nextC);
        nextState = step.concat(packed, step.constant(1));
    }

    /**
     * @param spec a model's shape
     * @return the length of its packed state, {@code 2 L n_a}
     */
    static int stateSize(ModelSpec spec) {
        return 2 * spec.layers() * spec.hiddenSize();
    }

    /**
     * A runner for one step: feeds the token and the state, fetches the logits and the next state. The
     * caller runs it and reads the result with {@link #read}.
     *
     * @param session the model's session
     * @param input the token, or -1 for the zero input
     * @param packedState every layer's h, then every layer's c
     * @param tensors collects the fed tensors, which the caller closes after the run
     * @return the runner
     */
    Session.Runner runner(Session session, int input, float[] packedState, List<AutoCloseable> tensors) {
        TInt32 tokenTensor = TensorData.ints(new int[] {input}, Shape.of(1));
        tensors.add(tokenTensor);
        TFloat32 stateTensor = TensorData.floats(packedState, Shape.of(1, packedState.length));
        tensors.add(stateTensor);
        return session.runner().feed(token, tokenTensor).feed(state, stateTensor).fetch(logits).fetch(nextState);
    }

    /**
     * Reads a step's result.
     *
     * @param result the result of a runner made by {@link #runner}
     * @param packedState overwritten with the next state
     * @return the logits
     */
    float[] read(Result result, float[] packedState) {
        float[] out = TensorData.read(result.get(0));
        TensorData.read(result.get(1), packedState);
        return out;
    }
}
