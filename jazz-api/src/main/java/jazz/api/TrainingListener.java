package jazz.api;

/** Hears about training progress, for progress bars and loss curves. */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after every epoch.
     *
     * @param epoch the epoch just finished, from 1
     * @param epochs the epochs planned
     * @param loss that epoch's loss
     */
    void epochDone(int epoch, int epochs, double loss);

    /**
     * Called after an epoch when held-out data is evaluated (after {@link #epochDone} for that epoch).
     *
     * @param epoch the epoch just finished, from 1
     * @param loss the held-out loss per sequence
     * @param perplexity the held-out perplexity per token
     */
    default void evaluated(int epoch, double loss, double perplexity) {
    }
}
