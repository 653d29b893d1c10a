package jazz.api.testing;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

/**
 * A plain, scalar, double-precision LSTM with the exact semantics every backend must reproduce: Keras
 * gates (i, f, c, o), Dense + softmax, cross-entropy summed over the steps with a target and averaged
 * over a batch's sequences, full backpropagation through time, and Keras's Adam with time-based decay.
 * Written for clarity, not speed: it is the yardstick of the backend tests.
 *
 * <p>All parameters live in one flat array, in canonical order: for each layer the input kernel,
 * recurrent kernel and bias, then the dense kernel and bias.
 */
public final class ReferenceLstm {

    private final ModelSpec spec;
    private final double[] params;
    private final int[] offsets; // per layer: kernel, recurrent, bias; then dense kernel, dense bias

    /**
     * @param weights starting weights
     */
    public ReferenceLstm(CanonicalWeights weights) {
        this.spec = weights.spec();
        int groups = 3 * spec.layers() + 2;
        offsets = new int[groups + 1];
        List<float[]> arrays = new ArrayList<>();
        for (LstmLayerWeights l : weights.layers()) {
            arrays.add(l.inputKernel());
            arrays.add(l.recurrentKernel());
            arrays.add(l.bias());
        }
        arrays.add(weights.denseKernel());
        arrays.add(weights.denseBias());
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] = offsets[g] + arrays.get(g).length;
        }
        params = new double[offsets[groups]];
        for (int g = 0; g < groups; g++) {
            float[] a = arrays.get(g);
            for (int i = 0; i < a.length; i++) {
                params[offsets[g] + i] = a[i];
            }
        }
    }

    /** @return the model's shape */
    public ModelSpec spec() {
        return spec;
    }

    /** @return the flat parameter array (live, not a copy) */
    public double[] parameters() {
        return params;
    }

    /** @return the number of parameter groups (3 per layer + 2) */
    public int groupCount() {
        return offsets.length - 1;
    }

    /**
     * @param group a group index
     * @return the offset of the group in {@link #parameters()}
     */
    public int groupStart(int group) {
        return offsets[group];
    }

    /**
     * @param group a group index
     * @return the end (exclusive) of the group in {@link #parameters()}
     */
    public int groupEnd(int group) {
        return offsets[group + 1];
    }

    /** @return the current weights, rounded to float */
    public CanonicalWeights weights() {
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            layers.add(new LstmLayerWeights(spec.inputSize(l), spec.hiddenSize(), floats(3 * l), floats(3 * l + 1),
                    floats(3 * l + 2)));
        }
        int d = 3 * spec.layers();
        return new CanonicalWeights(spec, layers, floats(d), floats(d + 1));
    }

    private float[] floats(int group) {
        float[] f = new float[offsets[group + 1] - offsets[group]];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) params[offsets[group] + i];
        }
        return f;
    }

    /**
     * Logits at every step from the zero state.
     *
     * @param inputs token indices or {@link TrainingSet#NONE}
     * @return {@code [T][V]}
     */
    public double[][] logits(int[] inputs) {
        return new Pass(inputs, null).logits;
    }

    /**
     * The mean loss of some sequences, and (when {@code grad} is not null) its gradient added into grad.
     *
     * @param data the training set
     * @param sequences which sequences form the batch
     * @param grad gradient accumulator the size of {@link #parameters()}, or null
     * @return the batch loss
     */
    public double loss(TrainingSet data, int[] sequences, double[] grad) {
        double total = 0;
        for (int s : sequences) {
            int[] in = new int[data.length()];
            int[] target = new int[data.length()];
            for (int t = 0; t < in.length; t++) {
                in[t] = data.input(s, t);
                target[t] = data.target(s, t);
            }
            Pass pass = new Pass(in, target);
            total += pass.loss;
            if (grad != null) {
                pass.backward(grad, 1.0 / sequences.length);
            }
        }
        return total / sequences.length;
    }

    /** Keras's Adam with time-based decay over this model's parameters. */
    public final class Adam {
        private final TrainingConfig config;
        private final double[] m = new double[params.length];
        private final double[] v = new double[params.length];
        private long iterations;
        private int epochs;

        /**
         * @param config the training set-up
         */
        public Adam(TrainingConfig config) {
            this.config = config;
        }

        /**
         * One epoch in {@link TrainingSet#epochOrder} order.
         *
         * @param data the training set
         * @return the mean loss over sequences, each before its batch's update
         */
        public double epoch(TrainingSet data) {
            double sum = 0;
            for (int[] batch : data.minibatches(config.seed(), epochs++, config.batchSize())) {
                double[] grad = new double[params.length];
                sum += loss(data, batch, grad) * batch.length;
                step(grad);
            }
            return sum / data.count();
        }

        /**
         * One update.
         *
         * @param grad the gradient
         */
        public void step(double[] grad) {
            double lr = config.learningRateAt(iterations);
            long t = ++iterations;
            double lrT = lr * Math.sqrt(1 - Math.pow(config.beta2(), t)) / (1 - Math.pow(config.beta1(), t));
            for (int i = 0; i < params.length; i++) {
                m[i] = config.beta1() * m[i] + (1 - config.beta1()) * grad[i];
                v[i] = config.beta2() * v[i] + (1 - config.beta2()) * grad[i] * grad[i];
                params[i] -= lrT * m[i] / (Math.sqrt(v[i]) + config.epsilon());
            }
        }
    }

    /** One sequence's forward pass, kept for its backward pass. */
    private final class Pass {
        final int T;
        final int n = spec.hiddenSize();
        final int V = spec.vocabularySize();
        final int L = spec.layers();
        final int[] inputs;
        final int[] targets;
        final double[][][] x; // [layer][t][n_in] (layer 0 not stored: one-hot)
        final double[][][] gates; // [layer][t][4n] after activation
        final double[][][] c; // [layer][t+1][n], index 0 = zero state
        final double[][][] h; // [layer][t+1][n]
        final double[][] logits;
        final double[][] probs;
        double loss;

        Pass(int[] inputs, int[] targets) {
            this.inputs = inputs;
            this.targets = targets;
            T = inputs.length;
            x = new double[L][][];
            gates = new double[L][T][4 * n];
            c = new double[L][T + 1][n];
            h = new double[L][T + 1][n];
            logits = new double[T][V];
            probs = new double[T][V];
            for (int t = 0; t < T; t++) {
                for (int l = 0; l < L; l++) {
                    double[] z = gates[l][t];
                    int kernel = offsets[3 * l];
                    int rec = offsets[3 * l + 1];
                    int bias = offsets[3 * l + 2];
                    for (int j = 0; j < 4 * n; j++) {
                        z[j] = params[bias + j];
                    }
                    if (l == 0) {
                        if (inputs[t] != TrainingSet.NONE) {
                            for (int j = 0; j < 4 * n; j++) {
                                z[j] += params[kernel + inputs[t] * 4 * n + j];
                            }
                        }
                    } else {
                        double[] in = h[l - 1][t + 1];
                        for (int k = 0; k < n; k++) {
                            for (int j = 0; j < 4 * n; j++) {
                                z[j] += in[k] * params[kernel + k * 4 * n + j];
                            }
                        }
                    }
                    double[] hp = h[l][t];
                    for (int k = 0; k < n; k++) {
                        for (int j = 0; j < 4 * n; j++) {
                            z[j] += hp[k] * params[rec + k * 4 * n + j];
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        double i = sigmoid(z[j]);
                        double f = sigmoid(z[n + j]);
                        double g = Math.tanh(z[2 * n + j]);
                        double o = sigmoid(z[3 * n + j]);
                        z[j] = i;
                        z[n + j] = f;
                        z[2 * n + j] = g;
                        z[3 * n + j] = o;
                        c[l][t + 1][j] = f * c[l][t][j] + i * g;
                        h[l][t + 1][j] = o * Math.tanh(c[l][t + 1][j]);
                    }
                }
                int dk = offsets[3 * L];
                int db = offsets[3 * L + 1];
                double[] top = h[L - 1][t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < V; v++) {
                    double s = params[db + v];
                    for (int k = 0; k < n; k++) {
                        s += top[k] * params[dk + k * V + v];
                    }
                    logits[t][v] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int v = 0; v < V; v++) {
                    probs[t][v] = Math.exp(logits[t][v] - max);
                    sum += probs[t][v];
                }
                for (int v = 0; v < V; v++) {
                    probs[t][v] /= sum;
                }
                if (targets != null && targets[t] != TrainingSet.NONE) {
                    loss -= Math.log(probs[t][targets[t]]);
                }
            }
        }

        void backward(double[] grad, double scale) {
            int dk = offsets[3 * L];
            int db = offsets[3 * L + 1];
            double[][] dhNext = new double[L][n];
            double[][] dcNext = new double[L][n];
            for (int t = T - 1; t >= 0; t--) {
                double[] dh = new double[n];
                if (targets[t] != TrainingSet.NONE) {
                    double[] top = h[L - 1][t + 1];
                    for (int v = 0; v < V; v++) {
                        double dz = scale * (probs[t][v] - (v == targets[t] ? 1 : 0));
                        grad[db + v] += dz;
                        for (int k = 0; k < n; k++) {
                            grad[dk + k * V + v] += top[k] * dz;
                            dh[k] += params[dk + k * V + v] * dz;
                        }
                    }
                }
                for (int l = L - 1; l >= 0; l--) {
                    int kernel = offsets[3 * l];
                    int rec = offsets[3 * l + 1];
                    int bias = offsets[3 * l + 2];
                    double[] g = gates[l][t];
                    double[] dz = new double[4 * n];
                    for (int j = 0; j < n; j++) {
                        double dhj = dh[j] + dhNext[l][j];
                        double tc = Math.tanh(c[l][t + 1][j]);
                        double dc = dcNext[l][j] + dhj * g[3 * n + j] * (1 - tc * tc);
                        double i = g[j];
                        double f = g[n + j];
                        double gg = g[2 * n + j];
                        double o = g[3 * n + j];
                        dz[j] = dc * gg * i * (1 - i);
                        dz[n + j] = dc * c[l][t][j] * f * (1 - f);
                        dz[2 * n + j] = dc * i * (1 - gg * gg);
                        dz[3 * n + j] = dhj * tc * o * (1 - o);
                        dcNext[l][j] = dc * f;
                    }
                    for (int j = 0; j < 4 * n; j++) {
                        grad[bias + j] += dz[j];
                    }
                    double[] hp = h[l][t];
                    double[] dhPrev = new double[n];
                    for (int k = 0; k < n; k++) {
                        for (int j = 0; j < 4 * n; j++) {
                            grad[rec + k * 4 * n + j] += hp[k] * dz[j];
                            dhPrev[k] += params[rec + k * 4 * n + j] * dz[j];
                        }
                    }
                    dhNext[l] = dhPrev;
                    double[] dIn = new double[n];
                    if (l == 0) {
                        if (inputs[t] != TrainingSet.NONE) {
                            for (int j = 0; j < 4 * n; j++) {
                                grad[kernel + inputs[t] * 4 * n + j] += dz[j];
                            }
                        }
                    } else {
                        double[] in = h[l - 1][t + 1];
                        for (int k = 0; k < n; k++) {
                            for (int j = 0; j < 4 * n; j++) {
                                grad[kernel + k * 4 * n + j] += in[k] * dz[j];
                                dIn[k] += params[kernel + k * 4 * n + j] * dz[j];
                            }
                        }
                    }
                    dh = dIn;
                }
            }
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
