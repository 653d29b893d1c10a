package jazz.music;

import jazz.api.BadInputException;

/**
 * How a solo is dressed in the MIDI file: the comping style, an optional walking bass, and the swing
 * of the melody's eighths. None of it changes the solo itself.
 *
 * @param comp the comping track's rhythm, or {@link CompStyle#NONE}
 * @param walkingBass whether to add a walking bass line
 * @param swing where the offbeat eighth falls, as a share of the beat: 0.5 is straight, 0.67 a
 *        triplet swing; {@link #MIN_SWING} to {@link #MAX_SWING}
 */
public record Arrangement(CompStyle comp, boolean walkingBass, double swing) {

    /** Straight eighths. */
    public static final double STRAIGHT = 0.5;
    /** Lowest swing ratio: straight. */
    public static final double MIN_SWING = 0.5;
    /** Highest swing ratio: a dotted-eighth-sixteenth feel and a little more. */
    public static final double MAX_SWING = 0.8;
    /** Block chords, no bass, straight: the writer's output before these options existed, voice-led. */
    public static final Arrangement DEFAULT = new Arrangement(CompStyle.BLOCK, false, STRAIGHT);

    /**
     * Checks the values.
     *
     * @throws BadInputException when the comp style is missing or the swing ratio out of range
     */
    public Arrangement {
        if (comp == null) {
            throw new BadInputException("an arrangement needs a comp style (none, block or charleston)");
        }
        if (!(swing >= MIN_SWING && swing <= MAX_SWING)) {
            throw new BadInputException("--swing must be " + MIN_SWING + " (straight) to " + MAX_SWING + ", got " + swing);
        }
    }

    /**
     * Moves a time to where swing puts it: within each beat, the first half stretches to
     * {@code swing} of the beat and the second half shrinks to the rest; beats stay where they are.
     *
     * @param quarters a time in quarters
     * @return the swung time
     */
    public double swung(double quarters) {
        double beat = Math.floor(quarters + 1e-9);
        double f = quarters - beat;
        if (f < 1e-9) {
            return beat;
        }
        double moved = f <= 0.5 ? f * swing / 0.5 : swing + (f - 0.5) * (1 - swing) / 0.5;
        return beat + moved;
    }
}
