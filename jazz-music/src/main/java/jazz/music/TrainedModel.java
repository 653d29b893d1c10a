package jazz.music;

import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;

/**
 * Everything a {@code .jazz} model file holds: the weights, the vocabulary they index, the chord
 * progression the model was trained over, and how it was trained.
 *
 * @param vocabulary the grammar tokens, in index order
 * @param progression the training progression as chord symbols ("Dm7 G7 | Cmaj7")
 * @param training how it was trained
 * @param weights the canonical weights
 */
public record TrainedModel(List<String> vocabulary, String progression, TrainingRecord training,
                           CanonicalWeights weights) {

    /**
     * Checks that the vocabulary fits the weights.
     *
     * @throws IllegalArgumentException when the vocabulary size differs from the spec's
     */
    public TrainedModel {
        vocabulary = List.copyOf(vocabulary);
        if (vocabulary.size() != weights.spec().vocabularySize()) {
            throw new IllegalArgumentException("the vocabulary has " + vocabulary.size() + " tokens but the model expects "
                    + weights.spec().vocabularySize());
        }
    }

    /** @return the model's shape */
    public ModelSpec spec() {
        return weights.spec();
    }
}
