package jazz.backend.simd.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import jazz.api.TrainingSet;

/**
 * A seeded stand-in for the Metheny training set with its exact shape (V = 90, 60 windows of 30 cut at
 * random starts from a 293-token line of repeated, varied phrases), so the benchmarks need no MIDI.
 */
final class NotebookCorpus {

    static final int VOCABULARY = 90;
    static final int WINDOWS = 60;
    static final int LENGTH = 30;

    private NotebookCorpus() {
    }

    static TrainingSet trainingSet(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] phrases = new int[12][];
        for (int p = 0; p < phrases.length; p++) {
            phrases[p] = new int[8 + random.nextInt(12)];
            for (int i = 0; i < phrases[p].length; i++) {
                phrases[p][i] = random.nextInt(VOCABULARY);
            }
        }
        int[] line = new int[293];
        int filled = 0;
        while (filled < line.length) {
            int[] phrase = phrases[random.nextInt(phrases.length)];
            for (int i = 0; i < phrase.length && filled < line.length; i++) {
                line[filled++] = random.nextInt(10) == 0 ? random.nextInt(VOCABULARY) : phrase[i];
            }
        }
        int[][] windows = new int[WINDOWS][];
        for (int w = 0; w < WINDOWS; w++) {
            int start = random.nextInt(line.length - LENGTH + 1);
            windows[w] = Arrays.copyOfRange(line, start, start + LENGTH);
        }
        return TrainingSet.fromWindows(windows);
    }

    /**
     * Floating-point operations of one training epoch, counting only the products (2 per multiply-add):
     * per sequence and step, forward {@code 2n·4n} (recurrent) + {@code 2n·V} (dense), backward twice
     * that (input gradient and weight gradient of each); layers above the first add their input product.
     * The last step of every window has no target, and the trainer leaves it out (since 2026-12-02; the
     * figures before counted, and computed, all {@code LENGTH} steps).
     */
    static double flopsPerEpoch(int hidden, int layers) {
        double perStep = 3.0 * (2.0 * hidden * 4 * hidden * (2 * layers - 1) + 2.0 * hidden * VOCABULARY);
        return perStep * WINDOWS * (LENGTH - 1);
    }
}
