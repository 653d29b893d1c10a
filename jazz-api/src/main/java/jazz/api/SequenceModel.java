package jazz.api;

/**
 * A token-level LSTM model held by one backend. A model may be sampled from several threads at once
 * (each thread takes its own {@link Sampler}); training and weight import need exclusive use.
 */
public interface SequenceModel extends AutoCloseable {

    /** @return the model's shape */
    ModelSpec spec();

    /** @return the id of the backend that holds the model */
    String backendId();

    /**
     * The current weights in the canonical layout.
     *
     * @return a copy the caller owns
     */
    CanonicalWeights weights();

    /**
     * Replaces the weights.
     *
     * @param weights weights of this model's spec
     * @throws IllegalArgumentException when the spec differs
     */
    void setWeights(CanonicalWeights weights);

    /**
     * A trainer bound to this model; it keeps the optimiser state across its epochs.
     *
     * @param config the training set-up
     * @return the trainer
     */
    Trainer trainer(TrainingConfig config);

    /**
     * A fresh sampler starting from the zero state. Samplers are cheap: take one per thread.
     *
     * @return the sampler
     */
    Sampler sampler();

    /**
     * Runs the model from the zero state over a sequence of inputs and returns the logits (before the
     * softmax) at every step.
     *
     * @param inputs token indices, or {@link TrainingSet#NONE} for a zero input
     * @return {@code [inputs.length][vocabularySize]} logits
     */
    default float[][] logits(int[] inputs) {
        Sampler sampler = sampler();
        float[][] out = new float[inputs.length][];
        for (int t = 0; t < inputs.length; t++) {
            out[t] = sampler.step(inputs[t]);
        }
        return out;
    }

    /**
     * The loss of a data set with the current weights, without training: the mean over sequences of
     * the cross-entropy summed over the steps with a target (the same measure {@link Trainer#epoch}
     * reports). Used for held-out evaluation.
     *
     * @param data sequences whose tokens fit the vocabulary
     * @return the mean loss per sequence
     * @throws IllegalArgumentException when a token is out of range
     */
    default double evaluate(TrainingSet data) {
        data.checkFits(spec().vocabularySize());
        double total = 0;
        int[] inputs = new int[data.length()];
        for (int s = 0; s < data.count(); s++) {
            for (int t = 0; t < inputs.length; t++) {
                inputs[t] = data.input(s, t);
            }
            float[][] logits = logits(inputs);
            for (int t = 0; t < inputs.length; t++) {
                int target = data.target(s, t);
                if (target == TrainingSet.NONE) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (float v : logits[t]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : logits[t]) {
                    sum += Math.exp(v - max);
                }
                total += Math.log(sum) + max - logits[t][target];
            }
        }
        return total / data.count();
    }

    /** Releases native resources; the default holds none. */
    @Override
    default void close() {
    }
}
