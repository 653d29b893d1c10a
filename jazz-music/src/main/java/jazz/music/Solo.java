package jazz.music;

import java.util.List;

/**
 * A generated solo: melody notes over a chord progression, every measure exactly four beats.
 *
 * @param notes the melody, by onset
 * @param progression the chords, cycled over the measures
 * @param measureCount how many measures the solo spans
 */
public record Solo(List<SoloNote> notes, ChordProgression progression, int measureCount) {

    /** Copies the notes. */
    public Solo {
        notes = List.copyOf(notes);
    }

    /** @return the number of melody notes */
    public int noteCount() {
        return notes.size();
    }

    /** @return the number of measures */
    public int measures() {
        return measureCount;
    }
}
