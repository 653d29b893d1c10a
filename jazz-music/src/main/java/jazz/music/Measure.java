package jazz.music;

import java.util.List;

/**
 * One 4/4 measure of a solo: the melody events that start in it and the chords under it.
 *
 * @param number the measure's number in the piece, from 0 (its start is {@code number * 48} twelfths)
 * @param events the melody's notes and rests, by onset
 * @param chords the chords, by onset; at least one
 */
public record Measure(int number, List<MelodyEvent> events, List<TimedChord> chords) {

    /** Length of a measure in twelfths of a quarter. */
    public static final int UNITS = Defaults.BEATS_PER_MEASURE * Quantizer.UNITS_PER_QUARTER;

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException when there is no chord
     */
    public Measure {
        events = List.copyOf(events);
        chords = List.copyOf(chords);
        if (chords.isEmpty()) {
            throw new IllegalArgumentException("measure " + number + " has no chord");
        }
    }

    /** @return the measure's start, in twelfths of a quarter */
    public int start() {
        return number * UNITS;
    }

    /**
     * The chord sounding at a time: the last chord starting at or before it, else the first chord.
     *
     * @param onset a time in twelfths of a quarter
     * @return the chord
     */
    public Chord chordAt(int onset) {
        Chord sounding = chords.get(0).chord();
        for (TimedChord c : chords) {
            if (c.onset() <= onset) {
                sounding = c.chord();
            }
        }
        return sounding;
    }
}
