package jazz.music;

/**
 * A chord and when it starts.
 *
 * @param onset start, in twelfths of a quarter from the start of the piece
 * @param chord the chord
 */
public record TimedChord(int onset, Chord chord) {
}
