package jazz.api;

import java.util.concurrent.CancellationException;

/** Trains one model; keeps Adam's moments and the iteration count from one epoch to the next. */
public interface Trainer {

    /**
     * Runs one epoch: the sequences in {@link TrainingSet#epochOrder} order, in minibatches of the
     * configured size, one Adam update per minibatch.
     *
     * @param data the training set; its tokens must fit the vocabulary
     * @return the epoch's loss: the mean over sequences of the summed cross-entropy, each computed
     *     with the weights before its minibatch's update (as Keras reports it)
     * @throws IllegalArgumentException when the data does not fit the model
     */
    double epoch(TrainingSet data);

    /** @return the epochs run so far */
    int epochsDone();

    /** @return the training set-up */
    TrainingConfig config();

    /**
     * Runs the configured number of epochs, reporting each one. Stops with
     * {@link TrainingDivergedException} when a loss is not finite or above
     * {@link TrainingSet#divergenceBound()} (the loss exploded), and with a
     * {@link CancellationException} when the thread is interrupted between epochs.
     *
     * @param data the training set
     * @param listener told about every epoch; may be null
     * @return the loss of every epoch
     */
    default double[] fit(TrainingSet data, TrainingListener listener) {
        int epochs = config().epochs();
        double bound = data.divergenceBound();
        double[] history = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("training interrupted before epoch " + (epochsDone() + 1));
            }
            double loss = epoch(data);
            if (!Double.isFinite(loss) || loss > bound) {
                throw new TrainingDivergedException(epochsDone(), loss);
            }
            history[e] = loss;
            if (listener != null) {
                listener.epochDone(e + 1, epochs, loss);
            }
        }
        return history;
    }
}
