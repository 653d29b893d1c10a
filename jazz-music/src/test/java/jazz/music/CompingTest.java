package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CompingTest {

    @Test
    void aTwoFiveOneMovesTheVoicesByTheFewestSemitones() {
        int[] dm7 = Comping.firstVoicing(Chord.parse("Dm7"));
        assertArrayEquals(new int[] {50, 53, 57, 60}, dm7); // D F A C, as the chords track always played it
        int[] g7 = Comping.voiceLed(Chord.parse("G7"), dm7);
        assertArrayEquals(new int[] {50, 53, 55, 59}, g7); // D F G B: A falls to G, C to B
        int[] cmaj7 = Comping.voiceLed(Chord.parse("Cmaj7"), g7);
        assertArrayEquals(new int[] {48, 52, 55, 59}, cmaj7); // C E G B: D to C, F to E
    }

    @Test
    void voicingsHoldFourNotesOfTheChordWithinTheCompingRange() {
        for (String symbol : new String[] {"C", "Am", "F#m7b5", "Bb7#9", "Ebmaj9", "Gsus4", "C5", "C/E"}) {
            Chord chord = Chord.parse(symbol);
            int[] v = Comping.voiceLed(chord, new int[] {55, 60, 64, 67});
            assertEquals(4, v.length, symbol);
            for (int p : v) {
                assertTrue(chord.contains(p) && p >= Comping.LOW && p <= Comping.HIGH, symbol + " " + p);
            }
            assertTrue(v[3] - v[0] <= 19, symbol);
            // The root is always there, so a chord read back from the notes keeps its identity.
            assertTrue(java.util.Arrays.stream(v).anyMatch(p -> Pitch.pitchClass(p) == chord.root()), symbol);
        }
        assertArrayEquals(new int[] {0, 4, 7, 0}, Comping.pitchClasses(Chord.parse("C")));
        // Five tones: the fifth gives way to the ninth.
        assertEquals(List.of(0, 2, 3, 10), java.util.Arrays.stream(Comping.pitchClasses(Chord.parse("Cm9"))).sorted()
                .boxed().toList());
    }

    @Test
    void blockHitsEachChordChangeAndCharlestonBeatOneAndTheAndOfTwo() {
        ChordProgression changes = ChordProgression.parse("Dm7 G7 | Cmaj7");
        assertEquals(List.of(0.0, 2.0, 4.0), onsets(Comping.notes(changes, 2, CompStyle.BLOCK)));
        assertEquals(List.of(0.0, 1.5, 2.0, 3.5, 4.0, 5.5), onsets(Comping.notes(changes, 2, CompStyle.CHARLESTON)));
        assertTrue(Comping.notes(changes, 2, CompStyle.NONE).isEmpty());
        List<SoloNote> block = Comping.notes(changes, 2, CompStyle.BLOCK);
        assertEquals(12, block.size());
        assertEquals(2.0, block.get(0).duration());
        assertEquals(4.0, block.get(block.size() - 1).duration());
        // A slash chord plays its bass in octave 2 under the four voices.
        List<SoloNote> slash = Comping.notes(ChordProgression.parse("C/E"), 1, CompStyle.BLOCK);
        assertEquals(5, slash.size());
        assertEquals(40, slash.stream().mapToInt(SoloNote::pitch).min().orElseThrow());
    }

    private static List<Double> onsets(List<SoloNote> notes) {
        return notes.stream().map(SoloNote::onset).distinct().sorted().collect(Collectors.toList());
    }
}
