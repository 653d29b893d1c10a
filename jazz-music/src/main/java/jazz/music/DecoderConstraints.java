package jazz.music;

import jazz.api.BadInputException;

/**
 * Limits the decoder keeps while turning tokens into pitches: the pitch range and the widest leap
 * from one note to the next. The grammar is untouched; only the pitch chosen for a token changes.
 *
 * @param range the pitches notes may take
 * @param maxLeap the widest interval between consecutive notes, in semitones; {@link #NO_LEAP_LIMIT}
 *        for none
 */
public record DecoderConstraints(PitchRange range, int maxLeap) {

    /** The maximum leap meaning "no limit". */
    public static final int NO_LEAP_LIMIT = Integer.MAX_VALUE;
    /** The decoder's own limits: C3 to B6, any leap. */
    public static final DecoderConstraints NONE = new DecoderConstraints(PitchRange.DEFAULT, NO_LEAP_LIMIT);

    /**
     * Checks the leap.
     *
     * @throws BadInputException when the range is missing or the leap is below one semitone
     */
    public DecoderConstraints {
        if (range == null) {
            throw new BadInputException("decoder constraints need a pitch range");
        }
        if (maxLeap < 1) {
            throw new BadInputException("--max-leap must be at least 1 semitone, got " + maxLeap);
        }
    }

    /** @return true when the leap is limited */
    public boolean limitsLeaps() {
        return maxLeap != NO_LEAP_LIMIT;
    }
}
