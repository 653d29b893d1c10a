package jazz.music;

import jazz.api.BadInputException;

/**
 * The pitches a generated melody may use, both ends included, e.g. {@code E3-E6}. At least an octave
 * wide, so that any pitch class can be folded into it.
 *
 * @param low lowest MIDI note
 * @param high highest MIDI note
 */
public record PitchRange(int low, int high) {

    /** The decoder's range when none is given: C3 to B6, the guitar's reach. */
    public static final PitchRange DEFAULT = new PitchRange(48, 95);

    /**
     * Checks the ends.
     *
     * @throws BadInputException when an end is outside 0..127 or the range spans less than an octave
     */
    public PitchRange {
        if (low < 0 || high > 127) {
            throw new BadInputException("a pitch range must lie within MIDI notes 0 to 127, got " + low + " to " + high);
        }
        if (high - low < 12) {
            throw new BadInputException("a pitch range must span at least an octave, got " + Pitch.nameWithOctave(low)
                    + " to " + Pitch.nameWithOctave(high));
        }
    }

    /**
     * Parses {@code LOW-HIGH} in note names with octaves: {@code E3-E6}, {@code Bb2-F#5}, {@code C4-C6}.
     *
     * @param text the range
     * @return the range
     * @throws BadInputException when a name is not a note with an octave, or the range is too narrow
     */
    public static PitchRange parse(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", "");
        // The separator is the dash after the first octave digit: negative octaves ("C-1") keep their sign.
        int split = -1;
        for (int i = 1; i < t.length(); i++) {
            if (t.charAt(i) == '-' && Character.isDigit(t.charAt(i - 1))) {
                split = i;
                break;
            }
        }
        if (split < 0) {
            throw new BadInputException("--range '" + text + "' is not LOW-HIGH in note names with octaves, e.g. E3-E6");
        }
        int low = Pitch.parseMidi(t.substring(0, split).trim());
        int high = Pitch.parseMidi(t.substring(split + 1).trim());
        if (low < 0 || high < 0) {
            throw new BadInputException("--range '" + text + "': both ends must be notes with octaves within MIDI 0-127,"
                    + " e.g. E3-E6, Bb2-F#5");
        }
        if (low > high) {
            throw new BadInputException("--range '" + text + "': the low note comes first");
        }
        return new PitchRange(low, high);
    }

    /**
     * Whether a note lies in the range.
     *
     * @param midi a MIDI note
     * @return true when {@code low <= midi <= high}
     */
    public boolean contains(int midi) {
        return midi >= low && midi <= high;
    }

    /**
     * Moves a note by octaves into the range, keeping its pitch class.
     *
     * @param midi a MIDI note
     * @return the note an octave multiple away that lies in the range
     */
    public int fold(int midi) {
        int p = midi;
        while (p < low) {
            p += 12;
        }
        while (p > high) {
            p -= 12;
        }
        return p;
    }

    /** @return e.g. {@code E3-E6} */
    @Override
    public String toString() {
        return Pitch.nameWithOctave(low) + "-" + Pitch.nameWithOctave(high);
    }
}
