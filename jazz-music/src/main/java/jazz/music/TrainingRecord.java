package jazz.music;

/**
 * How a model was trained, kept in its model file.
 *
 * @param backend the backend id that trained it
 * @param epochs epochs run
 * @param loss the loss of every epoch
 * @param seed the training seed
 * @param source what it learned from (file and part selection, or the built-in corpus)
 * @param seconds wall time of the training
 */
public record TrainingRecord(String backend, int epochs, double[] loss, long seed, String source, double seconds) {

    /**
     * Copies the loss history.
     */
    public TrainingRecord {
        loss = loss.clone();
    }

    /** @return the last epoch's loss, or NaN when none was recorded */
    public double finalLoss() {
        return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
    }

    /** @return a copy of the loss history */
    @Override
    public double[] loss() {
        return loss.clone();
    }
}
