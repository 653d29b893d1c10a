package jazz.music;

/**
 * A note or a rest of a melody line, on the twelfth-of-a-quarter grid.
 *
 * @param pitch MIDI note number, or {@link #REST}
 * @param onset start, in twelfths of a quarter from the start of the piece
 * @param duration length, in twelfths of a quarter, at least 1
 */
public record MelodyEvent(int pitch, int onset, int duration) {

    /** The pitch of a rest. */
    public static final int REST = -1;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a negative onset, a duration below 1 or a pitch out of range
     */
    public MelodyEvent {
        if (onset < 0 || duration < 1 || pitch < REST || pitch > 127) {
            throw new IllegalArgumentException("melody event out of range: pitch " + pitch + ", onset " + onset
                    + ", duration " + duration);
        }
    }

    /** @return true for a rest */
    public boolean isRest() {
        return pitch == REST;
    }
}
