package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Div;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training graph for sequences of one length: the model unrolled over every step, the loss and
 * its gradients from TensorFlow ({@link Ops#gradients}). Inputs and targets are fed time-major,
 * {@code [length][batch]}, with a free batch dimension, so the last, shorter minibatch of an epoch
 * needs no padding.
 *
 * <p>The loss is {@code -Σ y · log softmax(logits)} over every step and sequence, divided by the
 * number of sequences. A target of -1 ({@code TrainingSet.NONE}) one-hot encodes to a zero row, which
 * contributes exactly nothing to the loss and (through the log-softmax's gradient) to the gradients:
 * the one-hot target is the mask. A fused softmax cross-entropy would not do: its gradient assumes
 * every row of the targets sums to one.
 */
final class UnrolledGraph {

    private final int length;
    private final Placeholder<TInt32> inputs;
    private final Placeholder<TInt32> targets;
    private final Placeholder<TFloat32> sequences;
    private final Div<TFloat32> loss;
    private final List<Output<TFloat32>> gradients = new ArrayList<>();

    /**
     * Builds the graph.
     *
     * @param tf where the operations go
     * @param weights the model's variables
     * @param length the number of steps
     */
    UnrolledGraph(Ops tf, WeightVariables weights, int length) {
        this.length = length;
        Ops g = tf.withSubScope("train" + length);
        LstmOps ops = new LstmOps(g);
        LstmParameters p = weights.reads(g);
        ModelSpec spec = p.spec();
        int n = spec.hiddenSize();
        int v = spec.vocabularySize();
        inputs = g.placeholder(TInt32.class, Placeholder.shape(Shape.of(length, -1)));
        targets = g.placeholder(TInt32.class, Placeholder.shape(Shape.of(length, -1)));
        sequences = g.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

        // Layer by layer: each layer's input projection (with its bias) for all steps is one product.
        Operand<TFloat32> layerInput = g.reshape(ops.oneHot(inputs, v), g.constant(new int[] {-1, v}));
        for (int l = 0; l < spec.layers(); l++) {
            Operand<TFloat32> projected = g.reshape(g.math.add(ops.matMul(layerInput, p.inputKernel(l)), p.bias(l)),
                    g.constant(new int[] {length, -1, 4 * n}));
            List<Output<TFloat32>> perStep = g.unstack(projected, (long) length).output();
            List<Operand<TFloat32>> outputs = new ArrayList<>();
            LstmOps.CellState state = null;
            for (int t = 0; t < length; t++) {
                state = ops.cell(perStep.get(t), state, p.recurrentKernel(l));
                outputs.add(state.h());
            }
            layerInput = g.reshape(g.stack(outputs), g.constant(new int[] {-1, n}));
        }
        Operand<TFloat32> logits = g.math.add(ops.matMul(layerInput, p.denseKernel()), p.denseBias());
        Operand<TFloat32> expected = g.reshape(ops.oneHot(targets, v), g.constant(new int[] {-1, v}));
        Operand<TFloat32> crossEntropy = g.math.neg(g.sum(g.math.mul(expected, g.nn.logSoftmax(logits)),
                g.constant(new int[] {0, 1})));
        loss = g.math.div(crossEntropy, sequences);
        Gradients grads = g.gradients(loss, p.groups());
        for (int i = 0; i < p.groups().size(); i++) {
            gradients.add(grads.dy(i));
        }
    }

    /** @return the number of steps */
    int length() {
        return length;
    }

    /** @return the token inputs, {@code [length][batch]}, -1 for a zero input */
    Placeholder<TInt32> inputs() {
        return inputs;
    }

    /** @return the targets, {@code [length][batch]}, -1 for none */
    Placeholder<TInt32> targets() {
        return targets;
    }

    /** @return the number of sequences in the batch, as a float scalar */
    Placeholder<TFloat32> sequences() {
        return sequences;
    }

    /** @return the batch's loss: summed cross-entropy per sequence, mean over the sequences */
    Div<TFloat32> loss() {
        return loss;
    }

    /** @return the loss's gradient for every parameter group, in canonical order */
    List<Output<TFloat32>> gradients() {
        return gradients;
    }
}
