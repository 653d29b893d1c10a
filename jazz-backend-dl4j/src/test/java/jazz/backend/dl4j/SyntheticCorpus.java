package jazz.backend.dl4j;

import java.util.SplittableRandom;

import jazz.api.TrainingSet;

/**
 * A stand-in for the Metheny corpus with its shape: a line of 293 tokens over a vocabulary of 90 in
 * which short motifs recur (as a solo's grammar tokens do), cut into 60 windows of 30 at seeded
 * random starts, as the notebook does.
 */
final class SyntheticCorpus {

    /** The seed corpus's vocabulary. */
    static final int VOCABULARY = 90;

    private SyntheticCorpus() {
    }

    /**
     * @param seed picks the line and the window starts
     * @return 60 windows of 30 in the notebook's convention
     */
    static TrainingSet notebookShape(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] motifs = new int[12][];
        for (int m = 0; m < motifs.length; m++) {
            motifs[m] = new int[3 + random.nextInt(6)];
            for (int i = 0; i < motifs[m].length; i++) {
                motifs[m][i] = random.nextInt(VOCABULARY);
            }
        }
        int[] line = new int[293];
        int at = 0;
        while (at < line.length) {
            if (random.nextInt(4) == 0) {
                line[at++] = random.nextInt(VOCABULARY);
            } else {
                for (int token : motifs[random.nextInt(motifs.length)]) {
                    if (at < line.length) {
                        line[at++] = token;
                    }
                }
            }
        }
        int[][] windows = new int[60][30];
        for (int[] window : windows) {
            System.arraycopy(line, random.nextInt(line.length - 30), window, 0, 30);
        }
        return TrainingSet.fromWindows(windows);
    }
}
