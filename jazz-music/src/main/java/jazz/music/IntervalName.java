package jazz.music;

/**
 * Directed interval names as the grammar writes them: a quality letter ({@code P}, {@code M},
 * {@code m}, {@code A}, {@code d}, doubled for doubly augmented or diminished), a minus sign when the
 * interval descends, and the generic number ({@code P4}, {@code m-2}, {@code M-3}, {@code d5}).
 */
public final class IntervalName {

    /** Semitones of the major or perfect form of each simple generic interval (unison to seventh). */
    private static final int[] REFERENCE = {0, 2, 4, 5, 7, 9, 11};
    private static final boolean[] PERFECT = {true, false, false, true, true, false, false};

    private IntervalName() {
    }

    /**
     * The name of an interval given by its diatonic steps and semitones.
     *
     * @param steps diatonic steps (0 for a unison, 2 for a third, negative downwards)
     * @param semitones size in semitones (negative downwards)
     * @return the directed name, e.g. {@code M-3}
     */
    public static String of(int steps, int semitones) {
        boolean descending = steps < 0 || (steps == 0 && semitones < 0);
        int s = descending ? -steps : steps;
        int semis = descending ? -semitones : semitones;
        int octaves = s / 7;
        int simple = s % 7;
        int deviation = semis - 12 * octaves - REFERENCE[simple];
        // A builder rather than string concatenation or a stream below: this runs while the first corpus
        // of a JVM is read, where each first use of those costs milliseconds of method-handle set-up.
        StringBuilder name = new StringBuilder(6).append(quality(PERFECT[simple], deviation));
        if (descending) {
            name.append('-');
        }
        return name.append(s + 1).toString();
    }

    /**
     * The interval between two MIDI notes, in their default spelling.
     *
     * @param from the first note
     * @param to the second note
     * @return the directed name
     */
    public static String between(int from, int to) {
        return of(Pitch.diatonicStep(to) - Pitch.diatonicStep(from), to - from);
    }

    /**
     * The widened bounds of the grammar: the interval from one note to the next, plus and minus a
     * minor third (two diatonic steps, three semitones).
     *
     * @param from the previous note
     * @param to this note
     * @return {@code {upper, lower}}
     */
    public static String[] widened(int from, int to) {
        int steps = Pitch.diatonicStep(to) - Pitch.diatonicStep(from);
        int semis = to - from;
        return new String[] {of(steps + 2, semis + 3), of(steps - 2, semis - 3)};
    }

    /**
     * The size in semitones of a directed interval name.
     *
     * @param name e.g. {@code P4}, {@code m-2}, {@code AA-9}
     * @return semitones, negative when descending
     * @throws IllegalArgumentException when the name is malformed
     */
    public static int semitones(String name) {
        int i = 0;
        while (i < name.length() && "PMmAd".indexOf(name.charAt(i)) >= 0) {
            i++;
        }
        String quality = name.substring(0, i);
        boolean descending = i < name.length() && name.charAt(i) == '-';
        String digits = name.substring(descending ? i + 1 : i);
        if (quality.isEmpty() || digits.isEmpty() || digits.length() > 3 || !allDigits(digits)) {
            throw new IllegalArgumentException("not an interval name: '" + name + "'");
        }
        int number = Integer.parseInt(digits);
        if (number < 1) {
            throw new IllegalArgumentException("not an interval name: '" + name + "'");
        }
        int s = number - 1;
        int simple = s % 7;
        int deviation = deviation(PERFECT[simple], quality, name);
        int semis = 12 * (s / 7) + REFERENCE[simple] + deviation;
        return descending ? -semis : semis;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String quality(boolean perfect, int deviation) {
        if (perfect) {
            if (deviation == 0) {
                return "P";
            }
            return deviation > 0 ? "A".repeat(deviation) : "d".repeat(-deviation);
        }
        if (deviation == 0) {
            return "M";
        }
        if (deviation == -1) {
            return "m";
        }
        return deviation > 0 ? "A".repeat(deviation) : "d".repeat(-deviation - 1);
    }

    private static int deviation(boolean perfect, String quality, String name) {
        char q = quality.charAt(0);
        boolean same = true;
        for (int i = 1; i < quality.length(); i++) {
            same &= quality.charAt(i) == q;
        }
        if (!same || ((q == 'P' || q == 'M' || q == 'm') && quality.length() > 1)) {
            throw new IllegalArgumentException("not an interval name: '" + name + "'");
        }
        int n = quality.length();
        if (perfect) {
            return switch (q) {
                case 'P' -> 0;
                case 'A' -> n;
                case 'd' -> -n;
                default -> throw new IllegalArgumentException("not an interval name: '" + name + "' ("
                        + q + " does not apply to a perfect interval)");
            };
        }
        return switch (q) {
            case 'M' -> 0;
            case 'm' -> -1;
            case 'A' -> n;
            case 'd' -> -1 - n;
            default -> throw new IllegalArgumentException("not an interval name: '" + name + "' (P does not apply here)");
        };
    }
}
