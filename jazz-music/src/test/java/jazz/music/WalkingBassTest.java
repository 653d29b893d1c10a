package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WalkingBassTest {

    private final ChordProgression changes = ChordProgression.parse("Dm7 G7 | Cmaj7 | Fm7 Bb7 | Ebmaj7 | C/E");

    @Test
    void aQuarterNoteOnEveryBeatInTheBassRange() {
        List<SoloNote> bass = WalkingBass.notes(changes, 5);
        assertEquals(20, bass.size());
        for (int b = 0; b < bass.size(); b++) {
            SoloNote n = bass.get(b);
            assertEquals(b, n.onset(), 1e-12);
            assertEquals(1.0, n.duration(), 1e-12);
            assertTrue(n.pitch() >= WalkingBass.LOW && n.pitch() <= WalkingBass.HIGH, "pitch " + n.pitch());
        }
    }

    @Test
    void chordBassNotesLandOnTheChangesAndApproachTonesLeadIntoThem() {
        List<SoloNote> bass = WalkingBass.notes(changes, 5);
        int[] changeBeats = {0, 2, 4, 8, 10, 12, 16};
        for (int beat : changeBeats) {
            Chord chord = WalkingBass.chordAtBeat(changes, beat);
            assertEquals(chord.bass(), Pitch.pitchClass(bass.get(beat).pitch()), "beat " + beat + " over " + chord);
            if (beat > 0) {
                int approach = bass.get(beat - 1).pitch();
                assertEquals(1, Math.abs(approach - bass.get(beat).pitch()), "no approach tone before beat " + beat);
            }
        }
        // The slash chord's bass note, E, is the target of the last bar.
        assertEquals(4, Pitch.pitchClass(bass.get(16).pitch()));
        // Between targets the line walks on chord tones: beat 5 (Cmaj7's second beat).
        assertTrue(Chord.parse("Cmaj7").contains(bass.get(5).pitch()));
    }
}
