package jazz.music;

/**
 * The scale a chord implies for the grammar's scale tones: the major scale that best fits a chord of
 * major quality, else the best-fitting dorian scale. "Best fitting" is the transposition holding
 * the most chord tones; a tie goes to the one whose tonic lies fewest semitones above the root.
 *
 * @param tonic pitch class of the tonic
 * @param tones bit i set when pitch class i is in the scale
 */
public record Scale(int tonic, int tones) {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] DORIAN = {0, 2, 3, 5, 7, 9, 10};

    /**
     * The scale of a chord.
     *
     * @param chord the chord
     * @return the best-fitting major scale (major chords) or dorian scale (others)
     */
    public static Scale fitting(Chord chord) {
        int[] steps = chord.quality() == ChordQuality.MAJOR ? MAJOR : DORIAN;
        Scale best = null;
        int bestCount = -1;
        for (int i = 0; i < 12; i++) {
            int tonic = (chord.root() + i) % 12;
            int mask = 0;
            for (int s : steps) {
                mask |= 1 << ((tonic + s) % 12);
            }
            int count = Integer.bitCount(mask & chord.tones());
            if (count > bestCount) {
                bestCount = count;
                best = new Scale(tonic, mask);
            }
        }
        return best;
    }

    /**
     * Whether a pitch class is in the scale.
     *
     * @param pitchClass 0 to 11 (other values wrap)
     * @return true for a scale tone
     */
    public boolean contains(int pitchClass) {
        return ChordQuality.has(tones, pitchClass);
    }
}
