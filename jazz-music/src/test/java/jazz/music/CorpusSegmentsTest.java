package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jazz.api.BadInputException;
import jazz.api.TrainingSet;
import org.junit.jupiter.api.Test;

/** Several files as one corpus: one vocabulary, windows that never cross a file, files held out for evaluation. */
class CorpusSegmentsTest {

    @Test
    void aSingleSegmentDrawsTheNotebooksWindows() {
        Corpus one = Corpus.builtIn();
        Corpus combined = Corpus.combine("same", List.of(one));
        assertArrayEquals(one.windows(60, 30, 5)[17], combined.windows(60, 30, 5)[17]);
        assertEquals(1, combined.segmentCount());
        assertFalse(combined.hasHeldOut());
        assertNull(combined.evaluationSet(30));
    }

    @Test
    void windowsNeverCrossAFileAndHeldOutFilesAreNotTrainedOn() {
        java.nio.file.Path metheny = java.nio.file.Path.of(System.getProperty("jazz.shared.dir", "../../shared"),
                "data/original_metheny.mid");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(metheny),
                "skipped: " + metheny + " is absent (the shared data folder is not beside the checkout)");
        Corpus builtIn = Corpus.builtIn();
        Corpus solo = Corpus.fromMidi(metheny, PartSelection.metheny());
        Corpus both = Corpus.combine("two", List.of(builtIn, solo));
        assertEquals(2, both.segmentCount());
        assertTrue(both.vocabulary().containsAll(builtIn.vocabulary()) && both.vocabulary().containsAll(solo.vocabulary()));
        String first = String.join(" ", builtIn.tokens());
        String second = String.join(" ", solo.tokens());
        for (int[] w : both.windows(300, 30, 3)) {
            String text = String.join(" ", java.util.Arrays.stream(w).mapToObj(both.vocabulary()::get).toList());
            assertTrue(first.contains(text) || second.contains(text), "a window crosses the files: " + text);
        }
        Corpus held = both.withHeldOut(0.5, 9);
        int fromFirst = 0;
        int fromSecond = 0;
        for (int[] w : held.windows(300, 30, 3)) {
            String text = String.join(" ", java.util.Arrays.stream(w).mapToObj(held.vocabulary()::get).toList());
            fromFirst += first.contains(text) ? 1 : 0;
            fromSecond += second.contains(text) ? 1 : 0;
        }
        assertTrue(fromFirst == 0 || fromSecond == 0, "both files were trained on: " + fromFirst + " / " + fromSecond);
        TrainingSet eval = held.evaluationSet(30);
        assertNotNull(eval);
        int heldTokens = fromFirst == 0 ? builtIn.tokens().size() : solo.tokens().size();
        assertEquals(heldTokens / 30, eval.count());
    }

    @Test
    void oneFileHoldsOutItsLastMeasures() {
        Corpus single = Corpus.builtIn().withHeldOut(0.25, 1);
        assertEquals(2, single.segmentCount());
        TrainingSet eval = single.evaluationSet(30);
        assertNotNull(eval);
        assertTrue(eval.count() >= 1);
        assertThrows(BadInputException.class, () -> Corpus.builtIn().withHeldOut(1.0, 1));
        assertThrows(BadInputException.class, () -> Corpus.combine("empty", Collections.emptyList()));
    }
}
