package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jazz.api.BadInputException;
import jazz.api.TrainingSet;

class CorpusTest {

    static Path metheny() {
        String shared = System.getProperty("jazz.shared.dir", "../shared");
        Path file = Path.of(shared, "data", "original_metheny.mid");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the shared folder with original_metheny.mid is absent: " + file);
        return file;
    }

    @Test
    void methenyPresetGivesTheNotebooksCorpusSize() {
        Corpus corpus = Corpus.fromMidi(metheny(), PartSelection.metheny());
        assertEquals(18, corpus.measureCount());
        assertEquals(19, corpus.chordGroups());
        int tokens = corpus.tokens().size();
        int vocabulary = corpus.vocabulary().size();
        assertTrue(tokens >= 160 && tokens <= 300, "tokens " + tokens);
        assertTrue(vocabulary >= 70 && vocabulary <= 100, "vocabulary " + vocabulary);
        assertEquals(18, corpus.progression().measures());
        assertEquals("original_metheny.mid (preset metheny)", corpus.source());
        int rests = corpus.typeCounts().get(ToneType.R);
        assertTrue(rests >= 36 && rests <= 110, "rests " + rests);
    }

    @Test
    void methenyFirstMeasuresMatchTheGoldenTokens() {
        Corpus corpus = Corpus.fromMidi(metheny(), PartSelection.metheny());
        assertEquals("C,0.500 R,0.167 C,0.333,<P1,d-5> R,0.333 C,0.250,<M-2,m-6> C,0.250,<M3,d-3> R,0.083 "
                + "C,0.250,<d6,m2> C,0.250,<d5,P1> R,0.083 C,0.667,<M2,d-4> R,0.083 C,0.250,<A-1,P-5> R,0.333 "
                + "C,0.250,<P-4,d-8> S,0.250,<d4,M-2> R,0.083 C,0.250,<P5,A1> C,0.250,<d5,P1> R,0.083", measure(corpus, 0));
        assertEquals("C,0.500 S,0.250,<m2,P-4> C,0.250,<P4,m-2> R,0.250 A,0.250,<P4,m-2> R,0.167 S,0.500,<A-1,P-5> "
                + "R,0.333 C,0.250,<P1,d-5> C,0.250,<m2,P-4> C,0.250,<m2,P-4> C,0.250,<M2,d-4> C,0.250,<d4,M-2> "
                + "C,0.250,<P4,m-2> C,0.250,<P4,m-2>", measure(corpus, 1));
    }

    @Test
    void vocabularyIsSortedAndIndicesPointIntoIt() {
        Corpus corpus = Corpus.builtIn();
        List<String> sorted = new ArrayList<>(corpus.vocabulary());
        sorted.sort(null);
        assertEquals(sorted, corpus.vocabulary());
        assertEquals(corpus.vocabulary().size(), corpus.vocabulary().stream().distinct().count());
        int[] indices = corpus.tokenIndices();
        for (int i = 0; i < indices.length; i++) {
            assertEquals(corpus.tokens().get(i), corpus.vocabulary().get(indices[i]));
        }
        corpus.tokens().forEach(GrammarToken::parse);
    }

    @Test
    void builtInCorpusHasAtLeast48MeasuresOverItsOwnChanges() {
        Corpus corpus = Corpus.builtIn();
        assertTrue(corpus.measureCount() >= 48, "measures " + corpus.measureCount());
        assertEquals(corpus.measureCount(), corpus.progression().measures());
        assertEquals("F7", corpus.progression().bar(0).get(0).symbol());
        assertEquals("built-in corpus", corpus.source());
        assertTrue(corpus.parts().isEmpty());
    }

    @Test
    void trainingWindowsAreSeededConsecutiveRunsInTheNotebooksConvention() {
        Corpus corpus = Corpus.builtIn();
        int[][] a = corpus.windows(60, 30, 7);
        assertArrayEquals(a, corpus.windows(60, 30, 7));
        assertNotEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(corpus.windows(60, 30, 8)));
        String all = " " + java.util.Arrays.toString(corpus.tokenIndices()).replaceAll("[\\[\\],]", "") + " ";
        for (int[] w : a) {
            assertTrue(all.contains(" " + java.util.Arrays.toString(w).replaceAll("[\\[\\],]", "") + " "));
        }
        TrainingSet set = corpus.trainingSet(60, 30, 7);
        assertEquals(60, set.count());
        assertEquals(TrainingSet.NONE, set.input(0, 0));
        assertEquals(a[0][1], set.input(0, 1));
        assertEquals(a[0][1], set.target(0, 0));
        assertEquals(TrainingSet.NONE, set.target(0, 29));
        float[][][] x = Corpus.oneHot(a, corpus.vocabulary().size());
        assertEquals(0, sum(x[0][0]));
        assertEquals(1, x[0][1][a[0][1]]);
        assertEquals(1, sum(x[0][1]));
    }

    @Test
    void aCorpusShorterThanAWindowIsBadInput() {
        Corpus corpus = Corpus.builtIn();
        int n = corpus.tokens().size();
        assertThrows(BadInputException.class, () -> corpus.trainingSet(1, n, 1));
        assertEquals(1, corpus.trainingSet(1, n - 1, 1).count());
    }

    @Test
    void corpusTextRejectsABarThatDoesNotAddUpToFourBeats() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> CorpusText.parse("# comment\nC | C4:q E4:q G4:q\n", "test corpus"));
        assertTrue(e.getMessage().contains("test corpus line 2"), e.getMessage());
        assertThrows(BadInputException.class, () -> CorpusText.parse("C | H4:w", "t"));
        assertThrows(BadInputException.class, () -> CorpusText.parse("Cxx7 | C4:w", "t"));
        List<Measure> ok = CorpusText.parse("F#m7 | F#4:t A4:t C#5:t E5:h. # comment", "t");
        assertEquals(4, ok.get(0).events().size());
        assertEquals(4, ok.get(0).events().get(1).onset());
    }

    private static String measure(Corpus corpus, int i) {
        return String.join(" ", corpus.measureTokens().get(i).stream().map(GrammarToken::toString).toList());
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
