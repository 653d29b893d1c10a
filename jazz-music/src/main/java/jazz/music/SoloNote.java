package jazz.music;

/**
 * A note of a generated solo.
 *
 * @param pitch MIDI note number
 * @param onset start in quarter notes from the start of the solo
 * @param duration length in quarter notes, greater than 0
 * @param velocity MIDI velocity, 1 to 127
 */
public record SoloNote(int pitch, double onset, double duration, int velocity) {
}
