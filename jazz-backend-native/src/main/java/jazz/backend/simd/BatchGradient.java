package jazz.backend.simd;

import java.util.Arrays;

import jazz.api.TrainingSet;

/**
 * The loss and its gradient for a block of sequences: the forward pass over all steps, then full
 * backpropagation through time. Only the recurrent products run inside the time loops; the input
 * step of the first layer is a row gather, and the dense layer, the softmax and every weight gradient
 * are single large products over all steps. Activations are stored time-major ({@code row = t·B + b}).
 * Holds its buffers, so that the epoch loop allocates nothing once they have grown to the largest
 * block; not thread-safe (one per thread).
 */
final class BatchGradient {

    private final ParameterLayout layout;
    private int rowCapacity;
    private int stepCapacity;
    private int[] inputs;
    private int[] targets;
    private float[][] gates;
    private float[][] cells;
    private float[][] tanhCells;
    private float[][] hiddens;
    private float[] logits;
    private float[] hiddenGradient;
    private float[] belowGradient;
    private float[] nextHiddenGradient;
    private float[] cellGradient;
    /** The column panel that {@link Matmul#multiplyAdd} copies into: this object's own, see there. */
    private float[] scratch;
    /** The scratch of {@link Activation#softmaxCrossEntropy}. */
    private final float[] softmaxScratch = new float[Activation.softmaxScratchLength()];

    BatchGradient(ParameterLayout layout) {
        this.layout = layout;
    }

    /**
     * Computes the summed loss of {@code rows} sequences and adds their gradient, scaled by
     * {@code lossScale}, into {@code gradient} (which the caller zeroes).
     *
     * @param order the epoch's order of sequences
     * @param from the first position in {@code order} of this block
     * @param lossScale the factor of each sequence's loss in the minimised objective (1 / minibatch size)
     * @return the sum over the block's sequences of their summed cross-entropy
     */
    double compute(Parameters parameters, TrainingSet data, int[] order, int from, int rows, float lossScale,
                   float[] gradient) {
        int length = data.length();
        ensureCapacity(rows, length);
        // Steps at the end where no sequence of the block has a target are left out: nothing after them
        // reads their states, and their gradients are zero (so are their terms of every sum), so the
        // results are the same bits. Every window of TrainingSet.fromWindows ends with such a step: a
        // thirtieth of the work for the notebook's windows of 30.
        int steps = 0;
        for (int t = 0; t < length; t++) {
            for (int b = 0; b < rows; b++) {
                inputs[t * rows + b] = data.input(order[from + b], t);
                int target = data.target(order[from + b], t);
                targets[t * rows + b] = target;
                if (target != TrainingSet.NONE) {
                    steps = t + 1;
                }
            }
        }
        if (steps == 0) {
            return 0;
        }
        forward(parameters, rows, steps);
        double loss = softmaxLoss(rows * steps, lossScale);
        backward(parameters, gradient, rows, steps);
        return loss;
    }

    private void forward(Parameters parameters, int rows, int steps) {
        float[] w = parameters.values;
        int n = layout.hidden;
        int g = layout.gates;
        int all = rows * steps;
        int block = rows * n;
        for (int l = 0; l < layout.spec.layers(); l++) {
            float[] z = gates[l];
            if (l > 0) {
                for (int r = 0; r < all; r++) {
                    System.arraycopy(w, layout.bias[l], z, r * g, g);
                }
                Matmul.multiplyAdd(hiddens[l - 1], block, all, n, w, layout.inputKernel[l], g, z, 0, scratch);
            }
            float[] c = cells[l];
            float[] tc = tanhCells[l];
            float[] h = hiddens[l];
            Arrays.fill(c, 0, block, 0f);
            Arrays.fill(h, 0, block, 0f);
            for (int t = 0; t < steps; t++) {
                int zOff = t * rows * g;
                if (l == 0) {
                    // The first layer's input step, just before the step's product, while its rows are in cache.
                    for (int r = t * rows; r < (t + 1) * rows; r++) {
                        int token = inputs[r];
                        if (token == TrainingSet.NONE) {
                            System.arraycopy(w, layout.bias[0], z, r * g, g);
                        } else {
                            Matmul.sum(w, layout.bias[0], w, layout.inputKernel[0] + token * g, z, r * g, g);
                        }
                    }
                }
                if (t > 0) {
                    Matmul.multiplyAddPacked(h, t * block, rows, n, w, layout.recurrentKernel[l],
                            parameters.recurrentPacked[l], g, z, zOff);
                }
                CellKernels.activateGates(z, zOff, rows, n, layout.gatePattern);
                CellKernels.stateAndOutput(z, zOff, c, t * block, (t + 1) * block, tc, t * block, h, (t + 1) * block,
                        rows, n);
            }
        }
        int vp = layout.paddedVocabulary;
        for (int r = 0; r < all; r++) {
            System.arraycopy(w, layout.denseBias, logits, r * vp, vp);
        }
        Matmul.multiplyAdd(hiddens[layout.spec.layers() - 1], block, all, n, w, layout.denseKernel, vp, logits, 0,
                scratch);
    }

    /** Replaces the logits by the gradient of the scaled loss with respect to them; returns the loss. */
    private double softmaxLoss(int all, float lossScale) {
        return Activation.softmaxCrossEntropy(logits, 0, all, layout.vocabulary, layout.paddedVocabulary, targets, 0,
                lossScale, softmaxScratch);
    }

    private void backward(Parameters parameters, float[] gradient, int rows, int steps) {
        int n = layout.hidden;
        int g = layout.gates;
        int vp = layout.paddedVocabulary;
        int all = rows * steps;
        int block = rows * n;
        int layers = layout.spec.layers();
        // A layer's outputs hold all steps' rows after the zero state: from row `rows` on the outputs
        // h(1..T) (the input of the layer above, or of the dense layer), from row 0 the states
        // h(0..T-1) that the layer's own recurrent product read. The weight gradients read them as
        // they lie, transposed by the product.
        Matmul.multiplyAddTransposed(hiddens[layers - 1], block, n, n, all, logits, 0, vp, gradient, layout.denseKernel,
                scratch);
        Matmul.addRows(logits, 0, all, vp, gradient, layout.denseBias);
        float[] up = hiddenGradient;
        float[] below = belowGradient;
        Arrays.fill(up, 0, all * n, 0f);
        Matmul.multiplyAdd(logits, 0, all, vp, parameters.denseTransposed, 0, n, up, 0, scratch);
        for (int l = layers - 1; l >= 0; l--) {
            Arrays.fill(nextHiddenGradient, 0, block, 0f);
            Arrays.fill(cellGradient, 0, block, 0f);
            float[] recurrentT = parameters.recurrentTransposed[l];
            // The gate gradient replaces the gates step by step (each step's gates are read before its
            // gradient is written): one buffer the size of all steps' gates fewer to keep in cache.
            float[] gateGradient = gates[l];
            for (int t = steps - 1; t >= 0; t--) {
                CellKernels.backward(gates[l], t * rows * g, cells[l], t * block, tanhCells[l], t * block,
                        up, t * block, nextHiddenGradient, cellGradient, gateGradient, t * rows * g, rows, n);
                // The first layer's input rows (or, for no input, the bias) while the step's rows are in
                // cache; the bias gradient of the rows with an input is the sum of the input rows, after.
                for (int r = t * rows; r < (t + 1) * rows; r++) {
                    int token = l == 0 ? inputs[r] : TrainingSet.NONE;
                    Matmul.add(gateGradient, r * g, gradient,
                            token == TrainingSet.NONE ? layout.bias[l] : layout.inputKernel[0] + token * g, g);
                }
                if (t > 0) {
                    Arrays.fill(nextHiddenGradient, 0, block, 0f);
                    Matmul.multiplyAddPacked(gateGradient, t * rows * g, rows, g, recurrentT, 0,
                            parameters.recurrentTransposedPacked[l], n, nextHiddenGradient, 0);
                }
            }
            if (l == 0) {
                // Rows of tokens no sequence of the block holds are zero: adding them changes nothing.
                for (int token = 0; token < layout.vocabulary; token++) {
                    Matmul.add(gradient, layout.inputKernel[0] + token * g, gradient, layout.bias[0], g);
                }
            }
            // From step 1 on: the zero state before step 0 adds nothing (its terms come first in every sum,
            // so leaving them out changes no bit).
            Matmul.multiplyAddTransposed(hiddens[l], block, n, n, all - rows, gateGradient, rows * g, g, gradient,
                    layout.recurrentKernel[l], scratch);
            if (l > 0) {
                Matmul.multiplyAddTransposed(hiddens[l - 1], block, n, n, all, gateGradient, 0, g, gradient,
                        layout.inputKernel[l], scratch);
                Arrays.fill(below, 0, all * n, 0f);
                Matmul.multiplyAdd(gateGradient, 0, all, g, parameters.inputTransposed[l], 0, n, below, 0, scratch);
                float[] swap = up;
                up = below;
                below = swap;
            }
        }
    }

    private void ensureCapacity(int rows, int steps) {
        if (rows <= rowCapacity && steps <= stepCapacity) {
            return;
        }
        rowCapacity = Math.max(rows, rowCapacity);
        stepCapacity = Math.max(steps, stepCapacity);
        int all = rowCapacity * stepCapacity;
        int n = layout.hidden;
        int layers = layout.spec.layers();
        inputs = new int[all];
        targets = new int[all];
        gates = new float[layers][all * layout.gates];
        cells = new float[layers][(all + rowCapacity) * n];
        tanhCells = new float[layers][all * n];
        hiddens = new float[layers][(all + rowCapacity) * n];
        logits = new float[all * layout.paddedVocabulary];
        hiddenGradient = new float[all * n];
        belowGradient = new float[all * n];
        nextHiddenGradient = new float[rowCapacity * n];
        cellGradient = new float[rowCapacity * n];
        int widest = Math.max(all, Math.max(layout.gates, Math.max(n, layout.paddedVocabulary)));
        scratch = new float[Matmul.scratchLength(widest)];
    }
}
