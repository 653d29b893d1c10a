package jazz.music;

/** The triad quality of a chord, from its third and fifth above the root. */
public enum ChordQuality {
    /** Major third, perfect (or no) fifth. */
    MAJOR,
    /** Minor third, perfect (or no) fifth. */
    MINOR,
    /** Minor third, diminished fifth. */
    DIMINISHED,
    /** Major third, augmented fifth. */
    AUGMENTED,
    /** Anything else: no third, or a third and fifth that make none of the above. */
    OTHER;

    /**
     * The quality of a set of pitch classes above a root.
     *
     * @param relativeMask bit i set when the interval of i semitones above the root sounds
     * @return the quality
     */
    static ChordQuality of(int relativeMask) {
        boolean major = has(relativeMask, 4);
        boolean minor = !major && has(relativeMask, 3);
        boolean perfect = has(relativeMask, 7) || !(has(relativeMask, 6) || has(relativeMask, 8));
        if (major && perfect) {
            return MAJOR;
        }
        if (minor && perfect) {
            return MINOR;
        }
        if (minor && has(relativeMask, 6)) {
            return DIMINISHED;
        }
        if (major && has(relativeMask, 8)) {
            return AUGMENTED;
        }
        return OTHER;
    }

    /** Whether a 12-bit pitch-class set holds a pitch class (wrapped into 0..11). */
    static boolean has(int mask, int pitchClass) {
        return (mask & (1 << Math.floorMod(pitchClass, 12))) != 0;
    }
}
