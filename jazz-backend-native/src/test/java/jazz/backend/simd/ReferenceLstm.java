package jazz.backend.simd;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingSet;

/**
 * A deliberately plain, scalar, double-precision LSTM written straight from the equations (one
 * sequence at a time, one-hot inputs as explicit vectors, no fused gates, no transposes), used as the
 * independent implementation that the native backend is checked against, and itself checked against
 * finite differences.
 */
final class ReferenceLstm {

    private final ModelSpec spec;
    /** Per layer: input kernel, recurrent kernel, bias; then dense kernel and dense bias (canonical layout). */
    final List<double[]> groups = new ArrayList<>();

    ReferenceLstm(CanonicalWeights weights) {
        spec = weights.spec();
        for (LstmLayerWeights layer : weights.layers()) {
            groups.add(toDouble(layer.inputKernel()));
            groups.add(toDouble(layer.recurrentKernel()));
            groups.add(toDouble(layer.bias()));
        }
        groups.add(toDouble(weights.denseKernel()));
        groups.add(toDouble(weights.denseBias()));
    }

    /** Names of the parameter groups, in the order of {@link #groups}. */
    List<String> groupNames() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            names.add("layer " + l + " input kernel");
            names.add("layer " + l + " recurrent kernel");
            names.add("layer " + l + " bias");
        }
        names.add("dense kernel");
        names.add("dense bias");
        return names;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The logits of every step of one sequence from the zero state. */
    double[][] logits(int[] inputs) {
        Pass pass = new Pass(inputs);
        return pass.logits;
    }

    /** The mean over the given sequences of their summed cross-entropy. */
    double loss(TrainingSet data, int[] sequences) {
        double total = 0;
        for (int s : sequences) {
            Pass pass = new Pass(inputsOf(data, s));
            for (int t = 0; t < data.length(); t++) {
                int y = data.target(s, t);
                if (y != TrainingSet.NONE) {
                    total -= Math.log(softmax(pass.logits[t])[y]);
                }
            }
        }
        return total / sequences.length;
    }

    /** The gradient of {@link #loss} in the layout of {@link #groups}, by backpropagation through time. */
    List<double[]> gradient(TrainingSet data, int[] sequences) {
        List<double[]> grad = new ArrayList<>();
        for (double[] g : groups) {
            grad.add(new double[g.length]);
        }
        int n = spec.hiddenSize();
        int v = spec.vocabularySize();
        int layers = spec.layers();
        int steps = data.length();
        double[] wy = groups.get(3 * layers);
        for (int s : sequences) {
            Pass pass = new Pass(inputsOf(data, s));
            double[][] dhUp = new double[steps][n];
            for (int t = 0; t < steps; t++) {
                int y = data.target(s, t);
                if (y == TrainingSet.NONE) {
                    continue;
                }
                double[] d = softmax(pass.logits[t]);
                d[y] -= 1;
                for (int k = 0; k < v; k++) {
                    d[k] /= sequences.length;
                }
                double[] h = pass.h[layers - 1][t + 1];
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < v; k++) {
                        grad.get(3 * layers)[j * v + k] += h[j] * d[k];
                        dhUp[t][j] += wy[j * v + k] * d[k];
                    }
                }
                for (int k = 0; k < v; k++) {
                    grad.get(3 * layers + 1)[k] += d[k];
                }
            }
            for (int l = layers - 1; l >= 0; l--) {
                int in = spec.inputSize(l);
                double[] wx = groups.get(3 * l);
                double[] wh = groups.get(3 * l + 1);
                double[] dhNext = new double[n];
                double[] dcNext = new double[n];
                double[][] dhBelow = new double[steps][in];
                for (int t = steps - 1; t >= 0; t--) {
                    double[] dz = new double[4 * n];
                    for (int j = 0; j < n; j++) {
                        double i = pass.i[l][t][j];
                        double f = pass.f[l][t][j];
                        double g = pass.g[l][t][j];
                        double o = pass.o[l][t][j];
                        double tc = Math.tanh(pass.c[l][t + 1][j]);
                        double dh = dhUp[t][j] + dhNext[j];
                        double dc = dh * o * (1 - tc * tc) + dcNext[j];
                        dz[j] = dc * g * i * (1 - i);
                        dz[n + j] = dc * pass.c[l][t][j] * f * (1 - f);
                        dz[2 * n + j] = dc * i * (1 - g * g);
                        dz[3 * n + j] = dh * tc * o * (1 - o);
                        dcNext[j] = dc * f;
                    }
                    double[] x = pass.x[l][t];
                    double[] hPrev = pass.h[l][t];
                    dhNext = new double[n];
                    for (int q = 0; q < 4 * n; q++) {
                        for (int r = 0; r < in; r++) {
                            grad.get(3 * l)[r * 4 * n + q] += x[r] * dz[q];
                            dhBelow[t][r] += wx[r * 4 * n + q] * dz[q];
                        }
                        for (int r = 0; r < n; r++) {
                            grad.get(3 * l + 1)[r * 4 * n + q] += hPrev[r] * dz[q];
                            dhNext[r] += wh[r * 4 * n + q] * dz[q];
                        }
                        grad.get(3 * l + 2)[q] += dz[q];
                    }
                }
                dhUp = dhBelow;
            }
        }
        return grad;
    }

    private static int[] inputsOf(TrainingSet data, int sequence) {
        int[] inputs = new int[data.length()];
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = data.input(sequence, t);
        }
        return inputs;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The forward pass of one sequence, keeping every intermediate value. */
    private final class Pass {
        final double[][][] x;
        final double[][][] i;
        final double[][][] f;
        final double[][][] g;
        final double[][][] o;
        /** {@code c[l][t+1]} is the cell after step t; {@code c[l][0]} is zero. Same for {@code h}. */
        final double[][][] c;
        final double[][][] h;
        final double[][] logits;

        Pass(int[] inputs) {
            int steps = inputs.length;
            int layers = spec.layers();
            int n = spec.hiddenSize();
            int v = spec.vocabularySize();
            x = new double[layers][steps][];
            i = new double[layers][steps][n];
            f = new double[layers][steps][n];
            g = new double[layers][steps][n];
            o = new double[layers][steps][n];
            c = new double[layers][steps + 1][n];
            h = new double[layers][steps + 1][n];
            logits = new double[steps][v];
            for (int l = 0; l < layers; l++) {
                int in = spec.inputSize(l);
                double[] wx = groups.get(3 * l);
                double[] wh = groups.get(3 * l + 1);
                double[] b = groups.get(3 * l + 2);
                for (int t = 0; t < steps; t++) {
                    if (l == 0) {
                        x[l][t] = new double[in];
                        if (inputs[t] != TrainingSet.NONE) {
                            x[l][t][inputs[t]] = 1;
                        }
                    } else {
                        x[l][t] = h[l - 1][t + 1];
                    }
                    for (int j = 0; j < n; j++) {
                        double[] z = new double[4];
                        for (int gate = 0; gate < 4; gate++) {
                            int col = gate * n + j;
                            double sum = b[col];
                            for (int r = 0; r < in; r++) {
                                sum += x[l][t][r] * wx[r * 4 * n + col];
                            }
                            for (int r = 0; r < n; r++) {
                                sum += h[l][t][r] * wh[r * 4 * n + col];
                            }
                            z[gate] = sum;
                        }
                        i[l][t][j] = sigmoid(z[0]);
                        f[l][t][j] = sigmoid(z[1]);
                        g[l][t][j] = Math.tanh(z[2]);
                        o[l][t][j] = sigmoid(z[3]);
                        c[l][t + 1][j] = f[l][t][j] * c[l][t][j] + i[l][t][j] * g[l][t][j];
                        h[l][t + 1][j] = o[l][t][j] * Math.tanh(c[l][t + 1][j]);
                    }
                }
            }
            double[] wy = groups.get(3 * layers);
            double[] by = groups.get(3 * layers + 1);
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < v; k++) {
                    double sum = by[k];
                    for (int j = 0; j < n; j++) {
                        sum += h[layers - 1][t + 1][j] * wy[j * v + k];
                    }
                    logits[t][k] = sum;
                }
            }
        }
    }
}
