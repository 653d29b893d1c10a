package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;

class NativeModelTest {

    @Test
    void theNotebookModelHas45530Parameters() {
        ModelSpec spec = ModelSpec.notebook(90);
        CanonicalWeights weights = new NativeBackend(Map.of()).create(spec, 1).weights();
        long count = weights.denseKernel().length + weights.denseBias().length;
        for (LstmLayerWeights layer : weights.layers()) {
            count += layer.inputKernel().length + layer.recurrentKernel().length + layer.bias().length;
        }
        assertEquals(45_530, count);
        assertEquals(45_530, spec.parameterCount());
    }

    @Test
    void canonicalWeightsRoundTripExactly() {
        ModelSpec spec = new ModelSpec(90, 64, 2);
        CanonicalWeights first = TestModels.weights(spec, 1);
        CanonicalWeights second = TestModels.weights(spec, 2);
        SequenceModel model = TestModels.model(first, 1);
        assertTrue(model.weights().sameValues(first));
        model.setWeights(second);
        assertTrue(model.weights().sameValues(second));
    }

    @Test
    void createStartsFromTheSharedKerasInitialisation() {
        ModelSpec spec = new ModelSpec(30, 20, 2);
        SequenceModel model = new NativeBackend(Map.of()).create(spec, 77);
        assertTrue(model.weights().sameValues(CanonicalWeights.initialize(spec, 77)));
        assertEquals(NativeBackendProvider.ID, model.backendId());
    }

    @Test
    void weightsOfAnotherShapeAreRejected() {
        SequenceModel model = TestModels.model(TestModels.weights(new ModelSpec(10, 8, 1), 1), 1);
        CanonicalWeights other = TestModels.weights(new ModelSpec(10, 9, 1), 1);
        assertThrows(IllegalArgumentException.class, () -> model.setWeights(other));
    }

    @Test
    void trainingOnTokensOutsideTheVocabularyIsRejected() {
        SequenceModel model = TestModels.model(TestModels.weights(new ModelSpec(10, 8, 1), 1), 1);
        TrainingSet data = TrainingSet.fromWindows(new int[][] {{1, 2, 10}});
        assertThrows(IllegalArgumentException.class, () -> model.trainer(TrainingConfig.notebook(1)).epoch(data));
    }

    @Test
    void aBadThreadsOptionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NativeBackend(Map.of(NativeBackend.THREADS, "0")));
        assertThrows(IllegalArgumentException.class, () -> new NativeBackend(Map.of(NativeBackend.THREADS, "two")));
    }
}
