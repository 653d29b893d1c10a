package jazz.api;

/**
 * Runs a model one step at a time, carrying the LSTM state from step to step. A sampler belongs to
 * one thread; it is cheap to create, so take one per thread.
 */
public interface Sampler {

    /**
     * Feeds one input and advances the state.
     *
     * @param input a token index, or {@link TrainingSet#NONE} for the zero input
     * @return the logits of the next token, {@code [vocabularySize]}, owned by the caller
     * @throws IllegalArgumentException when the token is out of range
     */
    float[] step(int input);

    /** Returns to the zero state. */
    void reset();

    /**
     * An independent sampler in the same state (for beam search and look-ahead).
     *
     * @return the copy
     */
    Sampler copy();
}
