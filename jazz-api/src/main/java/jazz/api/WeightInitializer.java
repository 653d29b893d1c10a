package jazz.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Keras's default initialisers, computed in double precision from one seeded generator. */
final class WeightInitializer {

    private WeightInitializer() {
    }

    static CanonicalWeights keras(ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = spec.hiddenSize();
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.inputSize(l);
            float[] kernel = glorotUniform(random, in, 4 * n);
            float[] recurrent = orthogonal(random, n, 4 * n);
            float[] bias = new float[4 * n];
            for (int j = n; j < 2 * n; j++) {
                bias[j] = 1f;
            }
            layers.add(new LstmLayerWeights(in, n, kernel, recurrent, bias));
        }
        float[] dense = glorotUniform(random, n, spec.vocabularySize());
        return new CanonicalWeights(spec, layers, dense, new float[spec.vocabularySize()]);
    }

    private static float[] glorotUniform(SplittableRandom random, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }

    /**
     * A {@code rows x cols} matrix with orthonormal rows (rows ≤ cols), or orthonormal columns when
     * rows > cols: Gram-Schmidt on Gaussian vectors, which is what Keras's QR-based initialiser yields.
     */
    private static float[] orthogonal(SplittableRandom random, int rows, int cols) {
        boolean transpose = rows > cols;
        int vectors = transpose ? cols : rows;
        int length = transpose ? rows : cols;
        double[][] q = new double[vectors][length];
        for (int v = 0; v < vectors; v++) {
            double[] x = q[v];
            for (int attempt = 0; ; attempt++) {
                for (int i = 0; i < length; i++) {
                    x[i] = gaussian(random);
                }
                for (int k = 0; k < v; k++) {
                    double dot = 0;
                    for (int i = 0; i < length; i++) {
                        dot += x[i] * q[k][i];
                    }
                    for (int i = 0; i < length; i++) {
                        x[i] -= dot * q[k][i];
                    }
                }
                double norm = 0;
                for (double value : x) {
                    norm += value * value;
                }
                norm = Math.sqrt(norm);
                if (norm > 1e-6 || attempt > 8) {
                    for (int i = 0; i < length; i++) {
                        x[i] /= norm;
                    }
                    break;
                }
            }
        }
        float[] w = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r * cols + c] = (float) (transpose ? q[c][r] : q[r][c]);
            }
        }
        return w;
    }

    /** Box-Muller, so the values do not depend on the JDK's nextGaussian algorithm. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
