package jazz.backend.tf;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The arithmetic of the model on a graph: one-hot inputs, matrix products and the Keras LSTM cell
 * (gates i, f, c, o in that order along the last axis).
 */
final class LstmOps {

    private final Ops tf;

    /**
     * @param tf where the operations go (already placed on a device, if any)
     */
    LstmOps(Ops tf) {
        this.tf = tf;
    }

    /** @return the graph's ops */
    Ops tf() {
        return tf;
    }

    /**
     * @param a left operand
     * @param b right operand
     * @return {@code a · b}
     */
    Operand<TFloat32> matMul(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.linalg.matMul(a, b);
    }

    /**
     * One-hot rows; the index {@code -1} ({@code TrainingSet.NONE}) gives a zero row, which is exactly
     * the zero input and the "no target" of our training sets.
     *
     * @param tokens token indices of any shape
     * @param depth the vocabulary size
     * @return a float tensor with one more axis of size {@code depth}
     */
    Operand<TFloat32> oneHot(Operand<TInt32> tokens, int depth) {
        return tf.oneHot(tokens, tf.constant(depth), tf.constant(1f), tf.constant(0f));
    }

    /**
     * One LSTM step.
     *
     * @param projectedInput the input times the input kernel plus the bias, {@code [B][4 n_a]}
     * @param previous the state before the step, or null for the zero state
     * @param recurrentKernel {@code [n_a][4 n_a]}
     * @return the state after the step
     */
    CellState cell(Operand<TFloat32> projectedInput, CellState previous, Operand<TFloat32> recurrentKernel) {
        Operand<TFloat32> z = projectedInput;
        if (previous != null) {
            z = tf.math.add(z, matMul(previous.h(), recurrentKernel));
        }
        List<Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
        Operand<TFloat32> input = tf.math.sigmoid(gates.get(0));
        Operand<TFloat32> forget = tf.math.sigmoid(gates.get(1));
        Operand<TFloat32> candidate = tf.math.tanh(gates.get(2));
        Operand<TFloat32> output = tf.math.sigmoid(gates.get(3));
        Operand<TFloat32> written = tf.math.mul(input, candidate);
        Operand<TFloat32> c = previous == null ? written : tf.math.add(tf.math.mul(forget, previous.c()), written);
        Operand<TFloat32> h = tf.math.mul(output, tf.math.tanh(c));
        return new CellState(h, c);
    }

    /**
     * The state of one LSTM layer.
     *
     * @param h the hidden state (the layer's output)
     * @param c the cell state
     */
    record CellState(Operand<TFloat32> h, Operand<TFloat32> c) {
    }
}
