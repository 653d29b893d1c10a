package jazz.music;

/**
 * Pitch names and the spelling used for intervals. MIDI carries no spelling, so every pitch class
 * gets the one spelling the references give MIDI notes (C, C#, D, E-flat, E, F, F#, G, G#, A,
 * B-flat, B); interval names follow from the letters of those spellings.
 */
public final class Pitch {

    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
    private static final int[] LETTER = {0, 0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6};
    private static final int[] LETTER_SEMITONES = {0, 2, 4, 5, 7, 9, 11};

    private Pitch() {
    }

    /**
     * The pitch class of a MIDI note.
     *
     * @param midi MIDI note number
     * @return 0 (C) to 11 (B)
     */
    public static int pitchClass(int midi) {
        return Math.floorMod(midi, 12);
    }

    /**
     * The name of a pitch class, e.g. {@code Bb}.
     *
     * @param pitchClass 0 to 11 (other values wrap)
     * @return the name
     */
    public static String name(int pitchClass) {
        return NAMES[Math.floorMod(pitchClass, 12)];
    }

    /**
     * Name and octave, e.g. {@code C4} for 60.
     *
     * @param midi MIDI note number
     * @return the name with its octave
     */
    public static String nameWithOctave(int midi) {
        return name(midi) + (Math.floorDiv(midi, 12) - 1);
    }

    /**
     * The diatonic step of a MIDI note: seven per octave, counted from C of octave -1, using the
     * default spelling. Used to count the generic size of an interval.
     *
     * @param midi MIDI note number
     * @return the step
     */
    public static int diatonicStep(int midi) {
        return Math.floorDiv(midi, 12) * 7 + LETTER[pitchClass(midi)];
    }

    /**
     * Parses a pitch class name: a letter A-G and any number of {@code #} or {@code b}.
     *
     * @param name e.g. {@code F#}, {@code Bb}, {@code C}
     * @return the pitch class, or -1 when the text is not a pitch name
     */
    public static int parsePitchClass(String name) {
        if (name.isEmpty()) {
            return -1;
        }
        int letter = "CDEFGAB".indexOf(Character.toUpperCase(name.charAt(0)));
        if (letter < 0) {
            return -1;
        }
        int pc = LETTER_SEMITONES[letter];
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '#') {
                pc++;
            } else if (c == 'b') {
                pc--;
            } else {
                return -1;
            }
        }
        return Math.floorMod(pc, 12);
    }

    /**
     * Parses a pitch with octave, e.g. {@code C4} (60), {@code Bb3}, {@code F#5}.
     *
     * @param text the pitch
     * @return the MIDI note number, or -1 when the text is not a pitch in 0..127
     */
    public static int parseMidi(String text) {
        int split = text.length();
        while (split > 0 && (Character.isDigit(text.charAt(split - 1)) || text.charAt(split - 1) == '-')) {
            split--;
        }
        if (split == text.length() || split == 0) {
            return -1;
        }
        int pc = parsePitchClass(text.substring(0, split));
        if (pc < 0) {
            return -1;
        }
        int octave;
        try {
            octave = Integer.parseInt(text.substring(split));
        } catch (NumberFormatException e) {
            return -1;
        }
        String letters = text.substring(0, split);
        // B# and Cb cross the octave boundary: the octave number belongs to the letter.
        int natural = LETTER_SEMITONES["CDEFGAB".indexOf(Character.toUpperCase(letters.charAt(0)))];
        int alter = 0;
        for (int i = 1; i < letters.length(); i++) {
            alter += letters.charAt(i) == '#' ? 1 : -1;
        }
        int midi = (octave + 1) * 12 + natural + alter;
        return midi >= 0 && midi <= 127 && pc >= 0 ? midi : -1;
    }
}
