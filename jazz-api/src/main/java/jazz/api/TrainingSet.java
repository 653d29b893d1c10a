package jazz.api;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Sequences of token indices to learn from: {@code count} sequences of {@code length} steps. At each
 * step the input is a token index or {@link #NONE} (an all-zero input vector), and the target is the
 * token the model should predict at that step or {@link #NONE} (no loss at that step).
 *
 * <p>The loss of a sequence is the cross-entropy summed over its steps with a target; the loss of a
 * batch or an epoch is the mean over its sequences.
 */
public final class TrainingSet {

    /** Marks a zero input vector or a step without a target. */
    public static final int NONE = -1;

    private final int count;
    private final int length;
    private final int[] inputs;
    private final int[] targets;

    /**
     * Creates a training set from flat arrays, {@code [count][length]} row-major.
     *
     * @param count number of sequences, at least 1
     * @param length steps per sequence, at least 1
     * @param inputs input token per step, or {@link #NONE}
     * @param targets target token per step, or {@link #NONE}
     * @throws IllegalArgumentException when the arrays do not fit the sizes or a value is below NONE
     */
    public TrainingSet(int count, int length, int[] inputs, int[] targets) {
        if (count < 1 || length < 1) {
            throw new IllegalArgumentException("a training set needs at least one sequence of at least one step, got "
                    + count + " x " + length);
        }
        if (inputs.length != (long) count * length || targets.length != (long) count * length) {
            throw new IllegalArgumentException("inputs and targets must hold " + count + " x " + length + " values");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] < NONE || targets[i] < NONE) {
                throw new IllegalArgumentException("token indices must be " + NONE + " or more");
            }
        }
        this.count = count;
        this.length = length;
        this.inputs = inputs.clone();
        this.targets = targets.clone();
    }

    /**
     * The notebook's convention for windows of consecutive tokens: the input at step 0 is zero, the
     * input at step t is token t, and the target at step t is token t+1 (none at the last step).
     *
     * @param windows {@code [m][Tx]} token indices, all windows of one length
     * @return the training set
     * @throws IllegalArgumentException for no windows, ragged windows or negative tokens
     */
    public static TrainingSet fromWindows(int[][] windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("the corpus gave no training windows");
        }
        int tx = windows[0].length;
        int[] in = new int[windows.length * tx];
        int[] out = new int[windows.length * tx];
        for (int i = 0; i < windows.length; i++) {
            if (windows[i].length != tx) {
                throw new IllegalArgumentException("window " + i + " has " + windows[i].length + " tokens, expected " + tx);
            }
            for (int t = 0; t < tx; t++) {
                if (windows[i][t] < 0) {
                    throw new IllegalArgumentException("window " + i + " holds a negative token index");
                }
                in[i * tx + t] = t == 0 ? NONE : windows[i][t];
                out[i * tx + t] = t + 1 < tx ? windows[i][t + 1] : NONE;
            }
        }
        return new TrainingSet(windows.length, tx, in, out);
    }

    /** @return the number of sequences */
    public int count() {
        return count;
    }

    /** @return the steps per sequence */
    public int length() {
        return length;
    }

    /**
     * The input token of one step.
     *
     * @param sequence sequence index
     * @param step step index
     * @return a token index or {@link #NONE}
     */
    public int input(int sequence, int step) {
        return inputs[sequence * length + step];
    }

    /**
     * The target token of one step.
     *
     * @param sequence sequence index
     * @param step step index
     * @return a token index or {@link #NONE}
     */
    public int target(int sequence, int step) {
        return targets[sequence * length + step];
    }

    /**
     * How many steps have a target, over all sequences.
     *
     * @return the number of targets
     */
    public long targetCount() {
        long n = 0;
        for (int t : targets) {
            n += t == NONE ? 0 : 1;
        }
        return n;
    }

    /**
     * The loss above which training has certainly diverged: ten times the loss of a uniform guess over
     * the tokens in use, summed over a sequence's targets. A healthy run starts near one tenth of it.
     *
     * @return the bound, per sequence
     */
    public double divergenceBound() {
        return 10 * Math.log(Math.max(2, maxToken() + 1)) * targetCount() / count;
    }

    /**
     * The largest token index used, or {@link #NONE} if none is.
     *
     * @return the largest index
     */
    public int maxToken() {
        int max = NONE;
        for (int i = 0; i < inputs.length; i++) {
            max = Math.max(max, Math.max(inputs[i], targets[i]));
        }
        return max;
    }

    /**
     * Checks that every token fits a vocabulary.
     *
     * @param vocabularySize the model's vocabulary size
     * @throws IllegalArgumentException when a token index is out of range
     */
    public void checkFits(int vocabularySize) {
        int max = maxToken();
        if (max >= vocabularySize) {
            throw new IllegalArgumentException("the training set uses token " + max + " but the vocabulary has "
                    + vocabularySize + " tokens");
        }
    }

    /**
     * The minibatches of an epoch: {@link #epochOrder} cut into runs of {@code batchSize} sequence
     * indices, the last one shorter when the count is not a multiple.
     *
     * @param seed the training seed
     * @param epoch the epoch, from 0
     * @param batchSize sequences per minibatch, at least 1
     * @return the minibatches, in the order they are trained
     */
    public int[][] minibatches(long seed, int epoch, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        int[] order = epochOrder(seed, epoch);
        int[][] batches = new int[(count + batchSize - 1) / batchSize][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = Arrays.copyOfRange(order, b * batchSize, Math.min(count, (b + 1) * batchSize));
        }
        return batches;
    }

    /**
     * The order in which the sequences are visited in an epoch: a seeded shuffle, the same on every
     * backend, so that one seed gives the same minibatches everywhere.
     *
     * @param seed the training seed
     * @param epoch the epoch, from 0
     * @return a permutation of {@code 0..count-1}
     */
    public int[] epochOrder(long seed, int epoch) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
