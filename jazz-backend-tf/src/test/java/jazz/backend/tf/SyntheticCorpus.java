package jazz.backend.tf;

import java.util.SplittableRandom;

import jazz.api.TrainingSet;

/**
 * Training sets built in code with the shapes of the real ones: a token line from a seeded sparse
 * Markov chain (each token has a few likely successors, like the grammar tokens of a solo) cut into
 * windows at seeded random starts, as the notebook cuts its corpus.
 */
final class SyntheticCorpus {

    private SyntheticCorpus() {
    }

    /**
     * @param vocabulary number of distinct tokens
     * @param lineLength tokens in the line (the Metheny solo has 293)
     * @param windows number of windows (the notebook's m = 60)
     * @param length tokens per window (the notebook's Tx = 30)
     * @param seed the seed
     * @return the training set, in the notebook's convention
     */
    static TrainingSet of(int vocabulary, int lineLength, int windows, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] successors = new int[vocabulary][3];
        for (int[] s : successors) {
            for (int k = 0; k < s.length; k++) {
                s[k] = random.nextInt(vocabulary);
            }
        }
        int[] line = new int[lineLength];
        line[0] = random.nextInt(vocabulary);
        for (int i = 1; i < lineLength; i++) {
            double u = random.nextDouble();
            int[] s = successors[line[i - 1]];
            line[i] = u < 0.7 ? s[0] : u < 0.9 ? s[1] : u < 0.97 ? s[2] : random.nextInt(vocabulary);
        }
        int[][] cut = new int[windows][length];
        for (int w = 0; w < windows; w++) {
            int start = random.nextInt(lineLength - length);
            System.arraycopy(line, start, cut[w], 0, length);
        }
        return TrainingSet.fromWindows(cut);
    }
}
