package jazz.music;

/** The grammar's element types: what a melody note is relative to the chord under it. */
public enum ToneType {
    /** A chord tone. */
    C,
    /** A scale tone of the chord's scale. */
    S,
    /** An approach tone: a semitone above or below a chord tone. */
    A,
    /** Any other note. */
    X,
    /** A rest. */
    R;

    /**
     * Classifies a note over a chord, in the grammar's order: chord tone, scale tone, approach tone,
     * anything else.
     *
     * @param midi the note
     * @param chord the chord sounding at the note's onset
     * @return C, S, A or X
     */
    public static ToneType classify(int midi, Chord chord) {
        int pc = Pitch.pitchClass(midi);
        if (chord.contains(pc)) {
            return C;
        }
        if (Scale.fitting(chord).contains(pc)) {
            return S;
        }
        if (isApproach(pc, chord)) {
            return A;
        }
        return X;
    }

    /**
     * Whether a pitch class lies a semitone from a chord tone.
     *
     * @param pitchClass 0 to 11
     * @param chord the chord
     * @return true for an approach tone
     */
    static boolean isApproach(int pitchClass, Chord chord) {
        return chord.contains(pitchClass + 1) || chord.contains(pitchClass + 11);
    }
}
