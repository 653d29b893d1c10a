package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The one-step graph that sampling runs: one input token and the state of every layer in, the logits
 * and the next state out. The state lives in Java arrays between steps, so a sampler is cheap to copy
 * and any number of samplers share the model's session.
 */
final class StepGraph {

    private final ModelSpec spec;
    private final Placeholder<TInt32> token;
    private final List<Placeholder<TFloat32>> h = new ArrayList<>();
    private final List<Placeholder<TFloat32>> c = new ArrayList<>();
    private final Operand<TFloat32> logits;
    private final List<Operand<TFloat32>> nextH = new ArrayList<>();
    private final List<Operand<TFloat32>> nextC = new ArrayList<>();

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
        int n = spec.hiddenSize();
        token = step.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        Operand<TFloat32> x = ops.oneHot(token, spec.vocabularySize());
        for (int l = 0; l < spec.layers(); l++) {
            Placeholder<TFloat32> hIn = step.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, n)));
            Placeholder<TFloat32> cIn = step.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, n)));
            h.add(hIn);
            c.add(cIn);
            LstmOps.CellState next = ops.cell(ops.matMul(x, p.inputKernel(l)), new LstmOps.CellState(hIn, cIn),
                    p.recurrentKernel(l), p.bias(l));
            nextH.add(next.h());
            nextC.add(next.c());
            x = next.h();
        }
        logits = step.math.add(ops.matMul(x, p.denseKernel()), p.denseBias());
    }

    /**
     * A runner for one step: feeds the token and the state, fetches the logits then every layer's h,
     * then every layer's c. The caller runs it and reads the result with {@link #read}.
     *
     * @param session the model's session
     * @param input the token, or -1 for the zero input
     * @param state {@code [2L][n_a]}: every layer's h, then every layer's c
     * @param tensors collects the fed tensors, which the caller closes after the run
     * @return the runner
     */
    Session.Runner runner(Session session, int input, float[][] state, List<AutoCloseable> tensors) {
        int layers = spec.layers();
        Shape stateShape = Shape.of(1, spec.hiddenSize());
        TInt32 tokenTensor = TensorData.ints(new int[] {input}, Shape.of(1));
        tensors.add(tokenTensor);
        Session.Runner runner = session.runner().feed(token, tokenTensor).fetch(logits);
        for (int l = 0; l < layers; l++) {
            TFloat32 hl = TensorData.floats(state[l], stateShape);
            TFloat32 cl = TensorData.floats(state[layers + l], stateShape);
            tensors.add(hl);
            tensors.add(cl);
            runner.feed(h.get(l), hl).feed(c.get(l), cl);
        }
        nextH.forEach(runner::fetch);
        nextC.forEach(runner::fetch);
        return runner;
    }

    /**
     * Reads a step's result.
     *
     * @param result the result of a runner made by {@link #runner}
     * @param state overwritten with the next state
     * @return the logits
     */
    float[] read(Result result, float[][] state) {
        float[] out = TensorData.read(result.get(0));
        for (int i = 0; i < state.length; i++) {
            TensorData.read(result.get(1 + i), state[i]);
        }
        return out;
    }
}
