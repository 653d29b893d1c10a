package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.TrainingSet;

class NativeSamplerTest {

    private static final float LN2 = (float) Math.log(2);
    private static final float LN3 = (float) Math.log(3);

    /**
     * V = 2, n = 1, weights chosen so the gates come out round. Worked by hand from the Keras LSTM
     * equations (the transcendental values evaluated with Python's math module in double precision):
     * <pre>
     * step 1, input zero: z = b = (0, 0, ln 2, ln 3): i = f = 1/2, g = tanh(ln 2) = 3/5, o = 3/4
     *   c1 = 1/2·0 + 1/2·3/5 = 0.3, h1 = 3/4·tanh(0.3) = 0.21848445933869318
     *   logits = h1·(1, -2) + (0.5, 0) = (0.7184844593386932, -0.43696891867738635)
     * step 2, input token 1: z = b + Wx[1] + h1·Wh = (ln 3 + 2 h1, -h1, ln 2 + h1/2, ln 3 - ln 3 + h1)
     *   i = 0.8228214443974701, f = 0.4455951332858144, g = 0.6653704637531181, o = 0.5544048667141857
     *   c2 = f·0.3 + i·g = 0.6811596260304995, h2 = o·tanh(c2) = 0.3283588987847735
     *   logits = (0.8283588987847734, -0.656717797569547)
     * </pre>
     */
    @Test
    void logitsOfATinyModelMatchAHandCalculation() {
        ModelSpec spec = new ModelSpec(2, 1, 1);
        float[] inputKernel = {1, 0, 0, 0, LN3, 0, 0, -LN3};
        float[] recurrentKernel = {2, -1, 0.5f, 1};
        float[] bias = {0, 0, LN2, LN3};
        CanonicalWeights weights = new CanonicalWeights(spec,
                List.of(new LstmLayerWeights(2, 1, inputKernel, recurrentKernel, bias)),
                new float[] {1, -2}, new float[] {0.5f, 0});
        float[][] logits = TestModels.model(weights, 1).logits(new int[] {TrainingSet.NONE, 1});
        assertArrayEquals(new float[] {0.7184844593386932f, -0.43696891867738635f}, logits[0], 2e-6f);
        assertArrayEquals(new float[] {0.8283588987847734f, -0.656717797569547f}, logits[1], 2e-6f);
    }

    /** Stacked layers, hidden sizes on and off the lane width: the sampler agrees with the scalar reference. */
    @ParameterizedTest(name = "V={0} n={1} layers={2}")
    @CsvSource({"7, 10, 3", "90, 64, 1", "13, 16, 2", "3, 1, 1"})
    void logitsMatchTheScalarReference(int v, int n, int layers) {
        ModelSpec spec = new ModelSpec(v, n, layers);
        CanonicalWeights weights = TestModels.weights(spec, 5);
        int[] inputs = {TrainingSet.NONE, 0, v - 1, 2 % v, TrainingSet.NONE, 1, 1, v / 2};
        double[][] expected = new ReferenceLstm(weights).logits(inputs);
        float[][] actual = TestModels.model(weights, 1).logits(inputs);
        for (int t = 0; t < inputs.length; t++) {
            for (int k = 0; k < v; k++) {
                assertEquals(expected[t][k], actual[t][k], 2e-5 * Math.max(1, Math.abs(expected[t][k])),
                        "step " + t + " token " + k);
            }
        }
    }

    /**
     * The scalar twins of the sampler's kernels give the vector kernels' bits: two samplers of one model,
     * one stepped on each path, fed the same tokens, must hold bit-identical logits (padding included)
     * after every step. Hidden sizes on and off the lane width (the activations' scalar tails), stacked
     * layers, and weights scaled up until the gates saturate and the exponential's clamps are reached.
     */
    @ParameterizedTest(name = "V={0} n={1} layers={2} weights x{3}")
    @CsvSource({"90, 64, 1, 1", "90, 64, 1, 40", "7, 10, 3, 1", "13, 16, 2, 8", "3, 1, 1, 1", "33, 100, 2, 4",
            "90, 512, 1, 1", "5, 37, 1, 300"})
    void scalarAndVectorStepsGiveTheSameBits(int v, int n, int layers, float scale) {
        CanonicalWeights weights = scaled(TestModels.weights(new ModelSpec(v, n, layers), 11), scale);
        SequenceModel model = TestModels.model(weights, 1);
        NativeSampler vector = (NativeSampler) model.sampler();
        NativeSampler scalar = (NativeSampler) model.sampler();
        SplittableRandom random = new SplittableRandom(v * 31L + n);
        int input = TrainingSet.NONE;
        for (int t = 0; t < 60; t++) {
            vector.vectorStep(input);
            scalar.scalarStep(input);
            float[] a = vector.lastLogits();
            float[] b = scalar.lastLogits();
            for (int k = 0; k < a.length; k++) {
                assertEquals(Float.floatToRawIntBits(a[k]), Float.floatToRawIntBits(b[k]),
                        "step " + t + " logit " + k + ": " + a[k] + " against " + b[k]);
            }
            input = random.nextInt(8) == 0 ? TrainingSet.NONE : random.nextInt(v);
        }
    }

    /** Whichever path each step takes, a sampler's logits are those of one path throughout. */
    @Test
    void stepsMayMixThePaths() {
        SequenceModel model = TestModels.model(TestModels.weights(new ModelSpec(20, 24, 2), 4), 1);
        NativeSampler mixed = (NativeSampler) model.sampler();
        NativeSampler vector = (NativeSampler) model.sampler();
        for (int t = 0; t < 40; t++) {
            int input = t == 0 ? TrainingSet.NONE : (t * 7) % 20;
            if (t % 3 == 0) {
                mixed.scalarStep(input);
            } else {
                mixed.vectorStep(input);
            }
            vector.vectorStep(input);
            assertArrayEquals(vector.lastLogits(), mixed.lastLogits(), "step " + t);
        }
        float[] viaStep = model.sampler().step(TrainingSet.NONE);
        assertEquals(20, viaStep.length);
    }

    /**
     * A JVM's samplers leave the scalar path within the time it is allowed: after at most
     * {@link NativeSampler#SCALAR_LIMIT_NANOS} of scalar steps (sooner once a vector step is the faster),
     * they all take the vector kernels. Here, stepping one sampler for up to twenty times that long.
     */
    @Test
    void samplersMoveToTheVectorKernels() {
        Sampler sampler = TestModels.model(TestModels.weights(new ModelSpec(30, 64, 1), 2), 1).sampler();
        long deadline = System.nanoTime() + 20 * NativeSampler.SCALAR_LIMIT_NANOS;
        int steps = 0;
        while (!NativeSampler.onVectorPath() && System.nanoTime() < deadline) {
            sampler.step(steps++ % 30);
        }
        assertTrue(NativeSampler.onVectorPath(), "still on the scalar path after " + steps + " steps");
    }

    private static CanonicalWeights scaled(CanonicalWeights w, float scale) {
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (LstmLayerWeights layer : w.layers()) {
            layers.add(new LstmLayerWeights(layer.inputSize(), layer.hiddenSize(), times(layer.inputKernel(), scale),
                    times(layer.recurrentKernel(), scale), times(layer.bias(), scale)));
        }
        return new CanonicalWeights(w.spec(), layers, times(w.denseKernel(), scale), times(w.denseBias(), scale));
    }

    private static float[] times(float[] a, float scale) {
        float[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    @Test
    void copyContinuesFromTheSameStateAndResetReturnsToTheStart() {
        SequenceModel model = TestModels.model(TestModels.weights(new ModelSpec(9, 12, 2), 3), 1);
        Sampler sampler = model.sampler();
        float[] first = sampler.step(TrainingSet.NONE);
        sampler.step(4);
        Sampler copy = sampler.copy();
        float[] fromOriginal = sampler.step(7);
        assertArrayEquals(fromOriginal, copy.step(7));
        sampler.reset();
        assertArrayEquals(first, sampler.step(TrainingSet.NONE));
    }

    @Test
    void samplersOnSeveralThreadsShareOneModel() throws Exception {
        SequenceModel model = TestModels.model(TestModels.weights(new ModelSpec(20, 32, 1), 8), 1);
        int[] inputs = new int[200];
        for (int t = 1; t < inputs.length; t++) {
            inputs[t] = (t * 7) % 20;
        }
        inputs[0] = TrainingSet.NONE;
        float[][] alone = model.logits(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> runs = pool.invokeAll(List.of(() -> model.logits(inputs), () -> model.logits(inputs),
                    () -> model.logits(inputs), () -> model.logits(inputs)));
            for (Future<float[][]> run : runs) {
                float[][] logits = run.get();
                for (int t = 0; t < inputs.length; t++) {
                    assertArrayEquals(alone[t], logits[t]);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTokenOutsideTheVocabularyIsRejected() {
        Sampler sampler = TestModels.model(TestModels.weights(new ModelSpec(5, 4, 1), 1), 1).sampler();
        assertThrows(IllegalArgumentException.class, () -> sampler.step(5));
        assertThrows(IllegalArgumentException.class, () -> sampler.step(-2));
    }
}
