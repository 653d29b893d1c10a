package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jazz.api.BadInputException;

/** Pitch, intervals, chords, scales and tone types. */
class TheoryTest {

    @ParameterizedTest(name = "{0} -> root {1}, tones {2}, quality {3}")
    @CsvSource(delimiter = ';', value = {
        "C;      C;  C E G;         MAJOR",
        "Dm7;    D;  D F A C;       MINOR",
        "G7;     G;  G B D F;       MAJOR",
        "Cmaj7;  C;  C E G B;       MAJOR",
        "F#m7b5; F#; F# A C E;      DIMINISHED",
        "Bb7#9;  Bb; Bb D F Ab C#;  MAJOR",
        "Ebdim7; Eb; Eb F# A C;     DIMINISHED",
        "Abaug;  G#; G# C E;        AUGMENTED",
        "C/E;    C;  C E G;         MAJOR",
        "Dm7/G;  D;  D F A C G;     MINOR",
        "G7sus4; G;  G C D F;       OTHER",
        "C6;     C;  C E G A;       MAJOR",
        "Gm(maj7); G; G Bb D F#;    MINOR",
        "C7alt;  C;  C E G Bb C# D# F# G#; MAJOR",
        "A-7;    A;  A C E G;       MINOR",
        "C7(b9,#11); C; C E G Bb C# F#; MAJOR"})
    void chordSymbolsParse(String symbol, String root, String tones, ChordQuality quality) {
        Chord chord = Chord.parse(symbol);
        assertEquals(Pitch.parsePitchClass(root), chord.root());
        int mask = 0;
        for (String t : tones.trim().split("\\s+")) {
            mask |= 1 << Pitch.parsePitchClass(t);
        }
        assertEquals(mask, chord.tones(), symbol);
        assertEquals(quality, chord.quality(), symbol);
        assertEquals(symbol, chord.symbol());
    }

    @Test
    void aSlashChordKeepsItsBass() {
        Chord chord = Chord.parse("Cmaj7/E");
        assertEquals(4, chord.bass());
        assertEquals(40, chord.voicing()[0]);
    }

    @Test
    void badChordSymbolsNameTheSymbol() {
        for (String bad : new String[] {"H7", "Cxyz", "C/Q", "", "7"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> Chord.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad.trim() + "'") || bad.isEmpty(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "notes {0} -> {1}")
    @CsvSource({"'48 52 55', C", "'50 53 57 60', Dm7", "'43 47 50 53', G7", "'52 55 59 62', Em7",
        "'40 48 55 59', Cmaj7/E", "'59 62 65 69', Bm7b5", "'48 51 54 57', Cdim7"})
    void chordsAreNamedFromTheirNotes(String notes, String symbol) {
        int[] midi = java.util.Arrays.stream(notes.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertEquals(symbol, Chord.fromNotes(midi).symbol());
    }

    @ParameterizedTest(name = "{0} to {1} is {2}")
    @CsvSource({"60, 67, P5", "60, 65, P4", "64, 62, M-2", "65, 64, m-2", "64, 63, A-1", "60, 63, m3", "60, 66, A4",
        "66, 72, d5", "60, 60, P1", "60, 76, M10", "72, 60, P-8", "61, 63, d3"})
    void intervalsAreNamedFromTheDefaultSpelling(int from, int to, String name) {
        assertEquals(name, IntervalName.between(from, to));
        assertEquals(to - from, IntervalName.semitones(name));
    }

    @Test
    void widenedBoundsAddAndSubtractAMinorThird() {
        assertEquals("m3,m-3", String.join(",", IntervalName.widened(60, 60)));
        assertEquals("m2,P-4", String.join(",", IntervalName.widened(64, 62)));
        assertEquals("P4,m-2", String.join(",", IntervalName.widened(60, 62)));
        assertEquals(3, IntervalName.semitones("m3"));
        assertEquals(-8, IntervalName.semitones("m-6"));
        assertEquals(6, IntervalName.semitones("A4"));
        assertEquals(-1, IntervalName.semitones("A-1"));
        assertThrows(IllegalArgumentException.class, () -> IntervalName.semitones("M5"));
        assertThrows(IllegalArgumentException.class, () -> IntervalName.semitones("P3"));
        assertThrows(IllegalArgumentException.class, () -> IntervalName.semitones("Q4"));
    }

    @Test
    void scalesFitMajorChordsWithMajorScalesAndOthersWithDorian() {
        assertEquals(0, Scale.fitting(Chord.parse("Cmaj7")).tonic());
        assertEquals(0, Scale.fitting(Chord.parse("G7")).tonic());
        assertEquals(2, Scale.fitting(Chord.parse("Dm7")).tonic());
        assertTrue(Scale.fitting(Chord.parse("Dm7")).contains(11));
        assertEquals(ToneType.C, ToneType.classify(64, Chord.parse("C")));
        assertEquals(ToneType.S, ToneType.classify(62, Chord.parse("C")));
        assertEquals(ToneType.A, ToneType.classify(63, Chord.parse("C")));
        assertEquals(ToneType.A, ToneType.classify(70, Chord.parse("Cmaj7")));
        assertEquals(ToneType.X, ToneType.classify(70, Chord.parse("C")));
    }

    @ParameterizedTest(name = "{0} quarters -> {1} twelfths")
    @CsvSource({"0, 0", "0.26, 3", "0.32, 4", "0.49, 6", "0.65, 8", "0.7, 8", "0.74, 9", "1.02, 12", "0.04, 0"})
    void quantisingPicksTheNearerOfTheQuarterAndTripletGrids(double quarters, int units) {
        assertEquals(units, Quantizer.quantize(quarters));
    }

    @Test
    void aZeroLengthNoteBecomesASixteenth() {
        assertEquals(3, Quantizer.quantizeDuration(0.01));
    }

    @Test
    void grammarTokensRoundTripAndRejectMalformedText() {
        for (String t : new String[] {"C,0.250", "S,0.250,<m3,m-3>", "R,0.500", "A,0.333,<P4,M-2>", "X,1.000,<d5,P1>"}) {
            assertEquals(t, GrammarToken.parse(t).toString());
        }
        for (String bad : new String[] {"", "Q,0.250", "C", "C,abc", "C,0.25,<m3>", "R,0.250,<m3,m-3>", "C,0.250,m3,m-3",
            "C,-1.0", "C,0.250,<Z3,m-3>"}) {
            assertThrows(IllegalArgumentException.class, () -> GrammarToken.parse(bad), bad);
        }
    }
}
