package jazz.backend.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.TrainingSet;

/** Fixtures built in code: seeded weights with non-trivial biases, seeded token sequences, native models. */
final class TestModels {

    private TestModels() {
    }

    /** Keras-initialised weights whose biases are also random, so every parameter group matters. */
    static CanonicalWeights weights(ModelSpec spec, long seed) {
        CanonicalWeights start = CanonicalWeights.initialize(spec, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (LstmLayerWeights layer : start.layers()) {
            float[] bias = layer.bias().clone();
            for (int i = 0; i < bias.length; i++) {
                bias[i] += (float) (random.nextDouble() - 0.5);
            }
            layers.add(new LstmLayerWeights(layer.inputSize(), layer.hiddenSize(), layer.inputKernel(),
                    layer.recurrentKernel(), bias));
        }
        float[] dense = start.denseKernel().clone();
        for (int i = 0; i < dense.length; i++) {
            dense[i] *= 3;
        }
        float[] denseBias = new float[spec.vocabularySize()];
        for (int i = 0; i < denseBias.length; i++) {
            denseBias[i] = (float) (random.nextDouble() - 0.5);
        }
        return new CanonicalWeights(spec, layers, dense, denseBias);
    }

    /**
     * Seeded random sequences that use both markers: some inputs are {@link TrainingSet#NONE} (always
     * step 0, sometimes later) and some steps have no target.
     */
    static TrainingSet sequences(int count, int length, int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] inputs = new int[count * length];
        int[] targets = new int[count * length];
        for (int i = 0; i < inputs.length; i++) {
            boolean first = i % length == 0;
            inputs[i] = first || random.nextInt(7) == 0 ? TrainingSet.NONE : random.nextInt(vocabulary);
            targets[i] = random.nextInt(6) == 0 ? TrainingSet.NONE : random.nextInt(vocabulary);
        }
        return new TrainingSet(count, length, inputs, targets);
    }

    /** A native model holding the given weights, trained on the given number of threads. */
    static SequenceModel model(CanonicalWeights weights, int threads) {
        return new NativeBackend(Map.of(NativeBackend.THREADS, Integer.toString(threads))).load(weights);
    }
}
