package jazz.backend.dl4j;

import jazz.api.TrainingSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One minibatch in DL4J's recurrent layout ({@code [sequences, V, steps]}): one-hot inputs where
 * {@link TrainingSet#NONE} is the zero vector, one-hot targets, and a label mask that is 0 at the steps
 * without a target, so they add nothing to the loss or the gradient.
 */
final class SequenceBatch {

    private SequenceBatch() {
    }

    /**
     * Builds the minibatch of some sequences.
     *
     * @param data the training set, already checked against the vocabulary
     * @param sequences the sequences of the batch, in order
     * @param vocabularySize the one-hot width
     * @return the data set
     */
    static DataSet of(TrainingSet data, int[] sequences, int vocabularySize) {
        int steps = data.length();
        int count = sequences.length;
        float[] features = new float[count * vocabularySize * steps];
        float[] labels = new float[count * vocabularySize * steps];
        float[] mask = new float[count * steps];
        for (int s = 0; s < count; s++) {
            for (int t = 0; t < steps; t++) {
                int input = data.input(sequences[s], t);
                if (input != TrainingSet.NONE) {
                    features[(s * vocabularySize + input) * steps + t] = 1f;
                }
                int target = data.target(sequences[s], t);
                if (target != TrainingSet.NONE) {
                    labels[(s * vocabularySize + target) * steps + t] = 1f;
                    mask[s * steps + t] = 1f;
                }
            }
        }
        long[] shape = {count, vocabularySize, steps};
        INDArray labelMask = Nd4j.create(mask, new long[] {count, steps}, 'c');
        return new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c'), null, labelMask);
    }
}
