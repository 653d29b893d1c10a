package jazz.api;

/** Training produced a loss that is not a finite number; the weights are no longer usable. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;

    /**
     * @param epoch the epoch (from 1) whose loss was not finite
     * @param loss the loss
     */
    public TrainingDivergedException(int epoch, double loss) {
        super("training diverged at epoch " + epoch + " (loss " + loss
                + ", far worse than guessing): lower the learning rate (--lr) and train again");
        this.epoch = epoch;
    }

    /** @return the epoch (from 1) whose loss was not finite */
    public int epoch() {
        return epoch;
    }
}
