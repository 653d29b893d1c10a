package jazz.music;

/**
 * A note read from a MIDI file, timed in quarter notes from the start of the file.
 *
 * @param pitch MIDI note number
 * @param onset start, in quarters
 * @param duration length, in quarters (0 for a note-off at the same tick)
 * @param velocity note-on velocity, 1 to 127
 */
public record MidiNote(int pitch, double onset, double duration, int velocity) {

    /** @return the end, in quarters */
    public double end() {
        return onset + duration;
    }
}
