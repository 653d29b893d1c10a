package jazz.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same canonical weights give the same numbers on every backend: the contract that makes model files portable. */
class BackendParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"dl4j", "tf"})
    void sameWeightsGiveTheNativeLogitsAndArgmaxLine(String id) {
        ModelSpec spec = ModelSpec.notebook(90);
        CanonicalWeights weights = CanonicalWeights.initialize(spec, 2024);
        SplittableRandom random = new SplittableRandom(3);
        int[] inputs = new int[40];
        inputs[0] = TrainingSet.NONE;
        for (int t = 1; t < inputs.length; t++) {
            inputs[t] = random.nextInt(90);
        }
        try (Backend nat = ImageBackends.discover().open("native", Map.of());
             Backend other = ImageBackends.discover().open(id, Map.of());
             SequenceModel a = nat.load(weights);
             SequenceModel b = other.load(weights)) {
            float[][] expected = a.logits(inputs);
            float[][] actual = b.logits(inputs);
            double worst = 0;
            for (int t = 0; t < inputs.length; t++) {
                for (int v = 0; v < 90; v++) {
                    worst = Math.max(worst, Math.abs(expected[t][v] - actual[t][v]));
                }
            }
            assertTrue(worst < 1e-4, id + " logits differ from native by " + worst);
            int[] lineA = new TokenStream(a, SamplingConfig.argmax()).next(50);
            int[] lineB = new TokenStream(b, SamplingConfig.argmax()).next(50);
            assertArrayEquals(lineA, lineB, id + " argmax line differs from native");
            assertEquals(50, lineB.length);
        }
    }
}
