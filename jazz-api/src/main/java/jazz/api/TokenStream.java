package jazz.api;

/**
 * An endless line of tokens from a model: each chosen token is fed back as the next input, and the
 * LSTM state carries over from one call to the next, so a long solo continues where it left off.
 * Not thread-safe: one stream per thread.
 */
public final class TokenStream {

    private final Sampler sampler;
    private final TokenChooser chooser;
    private int previous = TrainingSet.NONE;

    /**
     * Starts from the zero state and the zero input, as the notebook's inference model does.
     *
     * @param model the model to sample
     * @param config the sampling strategy and seed
     */
    public TokenStream(SequenceModel model, SamplingConfig config) {
        this.sampler = model.sampler();
        this.chooser = new TokenChooser(config);
    }

    /**
     * Runs the model over given tokens first (a primer), so the next tokens continue them.
     *
     * @param tokens token indices
     */
    public void prime(int[] tokens) {
        for (int token : tokens) {
            sampler.step(previous);
            previous = token;
        }
    }

    /**
     * The next token.
     *
     * @return a token index
     */
    public int next() {
        int token = chooser.choose(sampler.step(previous));
        previous = token;
        return token;
    }

    /**
     * The next tokens.
     *
     * @param count how many
     * @return token indices
     */
    public int[] next(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = next();
        }
        return out;
    }
}
