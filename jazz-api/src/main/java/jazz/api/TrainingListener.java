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
}
