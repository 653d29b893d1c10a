package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jazz.api.BadInputException;

/**
 * A chord: its symbol, root, bass and the pitch classes that sound. Chords come from symbols
 * ({@code Dm7}, {@code G7}, {@code Cmaj7}, {@code F#m7b5}, {@code Bb7#9}, {@code C/E}) or from the
 * notes of a chord group in a MIDI file.
 *
 * @param symbol the chord symbol
 * @param root pitch class of the root, 0 to 11
 * @param bass pitch class of the lowest note (the root unless a slash chord)
 * @param tones bit i set when pitch class i sounds (the bass included)
 */
public record Chord(String symbol, int root, int bass, int tones) {

    /** Base qualities, longest spelling first so that a longer match wins. */
    private static final List<Map.Entry<String, int[]>> BASES = List.of(
            Map.entry("m(maj7)", new int[] {0, 3, 7, 11}), Map.entry("min7b5", new int[] {0, 3, 6, 10}),
            Map.entry("mMaj7", new int[] {0, 3, 7, 11}), Map.entry("7sus4", new int[] {0, 5, 7, 10}),
            Map.entry("maj13", new int[] {0, 4, 7, 11, 2, 9}), Map.entry("maj7", new int[] {0, 4, 7, 11}),
            Map.entry("maj9", new int[] {0, 4, 7, 11, 2}), Map.entry("m7b5", new int[] {0, 3, 6, 10}),
            Map.entry("-7b5", new int[] {0, 3, 6, 10}), Map.entry("min7", new int[] {0, 3, 7, 10}),
            Map.entry("dim7", new int[] {0, 3, 6, 9}), Map.entry("sus4", new int[] {0, 5, 7}),
            Map.entry("sus2", new int[] {0, 2, 7}), Map.entry("7sus", new int[] {0, 5, 7, 10}),
            Map.entry("mM7", new int[] {0, 3, 7, 11}), Map.entry("ma7", new int[] {0, 4, 7, 11}),
            Map.entry("m11", new int[] {0, 3, 7, 10, 2, 5}), Map.entry("maj", new int[] {0, 4, 7}),
            Map.entry("min", new int[] {0, 3, 7}), Map.entry("dim", new int[] {0, 3, 6}),
            Map.entry("aug", new int[] {0, 4, 8}), Map.entry("sus", new int[] {0, 5, 7}),
            Map.entry("\u00f87", new int[] {0, 3, 6, 10}), Map.entry("\u03947", new int[] {0, 4, 7, 11}),
            Map.entry("M7", new int[] {0, 4, 7, 11}), Map.entry("M9", new int[] {0, 4, 7, 11, 2}),
            Map.entry("m7", new int[] {0, 3, 7, 10}), Map.entry("-7", new int[] {0, 3, 7, 10}),
            Map.entry("m9", new int[] {0, 3, 7, 10, 2}), Map.entry("-9", new int[] {0, 3, 7, 10, 2}),
            Map.entry("m6", new int[] {0, 3, 7, 9}), Map.entry("-6", new int[] {0, 3, 7, 9}),
            Map.entry("o7", new int[] {0, 3, 6, 9}), Map.entry("\u00b07", new int[] {0, 3, 6, 9}),
            Map.entry("13", new int[] {0, 4, 7, 10, 2, 9}), Map.entry("11", new int[] {0, 4, 7, 10, 2, 5}),
            Map.entry("69", new int[] {0, 4, 7, 9, 2}), Map.entry("\u00f8", new int[] {0, 3, 6, 10}),
            Map.entry("\u0394", new int[] {0, 4, 7, 11}), Map.entry("M", new int[] {0, 4, 7}),
            Map.entry("m", new int[] {0, 3, 7}), Map.entry("-", new int[] {0, 3, 7}),
            Map.entry("o", new int[] {0, 3, 6}), Map.entry("\u00b0", new int[] {0, 3, 6}),
            Map.entry("+", new int[] {0, 4, 8}), Map.entry("9", new int[] {0, 4, 7, 10, 2}),
            Map.entry("7", new int[] {0, 4, 7, 10}), Map.entry("6", new int[] {0, 4, 7, 9}),
            Map.entry("5", new int[] {0, 7}));

    /** Tensions and alterations after the base quality; longest spelling first. */
    private static final List<String> TENSIONS = List.of("add13", "add11", "add9", "alt", "#11", "b13", "b9", "#9",
            "13", "11", "9", "b5", "#5");

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a pitch class is out of range or no tone sounds
     */
    public Chord {
        if (root < 0 || root > 11 || bass < 0 || bass > 11 || tones <= 0 || tones >= 1 << 12) {
            throw new IllegalArgumentException("chord out of range: root " + root + ", bass " + bass + ", tones " + tones);
        }
    }

    /**
     * Parses a chord symbol: a root ({@code C}, {@code F#}, {@code Bb}), a quality ({@code m7},
     * {@code maj7}, {@code 7}, {@code m7b5}, {@code dim7}, {@code sus4}, ...), tensions or
     * alterations ({@code b9}, {@code #9}, {@code #11}, {@code b13}, {@code alt}, in parentheses or
     * not) and an optional slash bass ({@code C/E}).
     *
     * @param symbol the symbol
     * @return the chord
     * @throws BadInputException naming the symbol when it cannot be read
     */
    public static Chord parse(String symbol) {
        String s = symbol.trim();
        if (s.isEmpty()) {
            throw new BadInputException("empty chord symbol");
        }
        int slash = s.lastIndexOf('/');
        String body = s;
        int bass = -1;
        if (slash > 0) {
            bass = Pitch.parsePitchClass(s.substring(slash + 1));
            if (bass < 0) {
                throw bad(symbol, "the bass after '/' is not a note name");
            }
            body = s.substring(0, slash);
        }
        int rootLength = body.length() > 1 && (body.charAt(1) == '#' || body.charAt(1) == 'b') ? 2 : 1;
        int root = Pitch.parsePitchClass(body.substring(0, Math.min(rootLength, body.length())));
        if (root < 0) {
            throw bad(symbol, "it must start with a root A-G, optionally followed by # or b");
        }
        String rest = body.substring(rootLength);
        int relative = 0;
        String matched = "";
        for (Map.Entry<String, int[]> base : BASES) {
            if (rest.startsWith(base.getKey())) {
                matched = base.getKey();
                for (int interval : base.getValue()) {
                    relative |= 1 << interval;
                }
                break;
            }
        }
        if (matched.isEmpty()) {
            relative = 1 | 1 << 4 | 1 << 7;
        }
        relative = tensions(symbol, rest.substring(matched.length()), relative);
        int tones = rotate(relative, root);
        if (bass < 0) {
            bass = root;
        }
        return new Chord(s, root, bass, tones | 1 << bass);
    }

    /**
     * Names the chord formed by notes that sound together: the root is the note with the most
     * stacked thirds and fifths above it (the lowest note wins a tie), the symbol names its triad
     * and seventh.
     *
     * @param midiNotes MIDI note numbers, at least one
     * @return the chord; its {@link #tones()} hold every pitch class played
     * @throws IllegalArgumentException when there are no notes
     */
    public static Chord fromNotes(int[] midiNotes) {
        if (midiNotes.length == 0) {
            throw new IllegalArgumentException("a chord needs at least one note");
        }
        int lowest = midiNotes[0];
        int tones = 0;
        for (int n : midiNotes) {
            lowest = Math.min(lowest, n);
            tones |= 1 << Pitch.pitchClass(n);
        }
        int bass = Pitch.pitchClass(lowest);
        int root = bass;
        int best = Integer.MIN_VALUE;
        for (int i = 0; i < 12; i++) {
            int candidate = Math.floorMod(bass + i, 12);
            if (!ChordQuality.has(tones, candidate)) {
                continue;
            }
            int score = rootScore(rotate(tones, -candidate));
            if (score > best) {
                best = score;
                root = candidate;
            }
        }
        String symbol = Pitch.name(root) + suffix(rotate(tones, -root)) + (bass == root ? "" : "/" + Pitch.name(bass));
        return new Chord(symbol, root, bass, tones);
    }

    /** @return the triad quality, from the third and fifth above the root */
    public ChordQuality quality() {
        return ChordQuality.of(rotate(tones, -root));
    }

    /**
     * Whether a pitch class sounds in the chord.
     *
     * @param pitchClass 0 to 11 (other values wrap)
     * @return true for a chord tone
     */
    public boolean contains(int pitchClass) {
        return ChordQuality.has(tones, pitchClass);
    }

    /**
     * A close voicing for the chords track: the bass in octave 2 for a slash chord, the root in
     * octave 3 and the other tones stacked above it within an octave.
     *
     * @return MIDI note numbers, lowest first
     */
    public int[] voicing() {
        List<Integer> notes = new ArrayList<>();
        if (bass != root) {
            notes.add(36 + bass);
        }
        int relative = rotate(tones, -root);
        for (int i = 0; i < 12; i++) {
            if (ChordQuality.has(relative, i) && !(i == Math.floorMod(bass - root, 12) && bass != root)) {
                notes.add(48 + root + i);
            }
        }
        return notes.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return symbol;
    }

    private static int tensions(String symbol, String text, int relative) {
        int i = 0;
        int mask = relative;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == ',' || c == ' ') {
                i++;
                continue;
            }
            String found = null;
            for (String t : TENSIONS) {
                if (text.startsWith(t, i)) {
                    found = t;
                    break;
                }
            }
            if (found == null) {
                throw bad(symbol, "'" + text.substring(i) + "' is not a chord quality or tension");
            }
            mask = switch (found) {
                case "b9" -> mask | 1 << 1;
                case "#9" -> mask | 1 << 3;
                case "9", "add9" -> mask | 1 << 2;
                case "11", "add11" -> mask | 1 << 5;
                case "#11" -> mask | 1 << 6;
                case "b13" -> mask | 1 << 8;
                case "13", "add13" -> mask | 1 << 9;
                case "b5" -> (mask & ~(1 << 7)) | 1 << 6;
                case "#5" -> (mask & ~(1 << 7)) | 1 << 8;
                case "alt" -> mask | 1 << 1 | 1 << 3 | 1 << 6 | 1 << 8;
                default -> throw new IllegalStateException(found);
            };
            i += found.length();
        }
        return mask;
    }

    private static int rootScore(int relative) {
        // Thirds weigh most, then fifths (a diminished one too), then sevenths: the root has the most
        // thirds stacked above it, as in B-D-F-A (Bm7b5 rather than Dm6).
        int[] weight = {0, 0, 1, 6, 6, 1, 4, 5, 2, 2, 3, 3};
        int score = 0;
        for (int i = 1; i < 12; i++) {
            if (ChordQuality.has(relative, i)) {
                score += weight[i];
            }
        }
        return score;
    }

    private static String suffix(int relative) {
        boolean b7 = ChordQuality.has(relative, 10);
        boolean maj7 = ChordQuality.has(relative, 11);
        boolean sixth = ChordQuality.has(relative, 9);
        return switch (ChordQuality.of(relative)) {
            case MAJOR -> maj7 ? "maj7" : b7 ? "7" : sixth ? "6" : "";
            case MINOR -> b7 ? "m7" : maj7 ? "mMaj7" : sixth ? "m6" : "m";
            case DIMINISHED -> b7 ? "m7b5" : sixth ? "dim7" : "dim";
            case AUGMENTED -> b7 ? "7#5" : "aug";
            case OTHER -> {
                if (ChordQuality.has(relative, 4)) {
                    yield b7 ? "7b5" : "(b5)";
                }
                if (ChordQuality.has(relative, 5)) {
                    yield b7 ? "7sus4" : "sus4";
                }
                if (ChordQuality.has(relative, 2)) {
                    yield "sus2";
                }
                yield "5";
            }
        };
    }

    /** Rotates a 12-bit pitch-class set up by {@code by} semitones (down when negative). */
    static int rotate(int mask, int by) {
        int r = Math.floorMod(by, 12);
        return ((mask << r) | (mask >>> (12 - r))) & 0xFFF;
    }

    private static BadInputException bad(String symbol, String why) {
        return new BadInputException("cannot read the chord symbol '" + symbol + "': " + why
                + " (examples: Dm7, G7, Cmaj7, F#m7b5, Bb7#9, C/E)");
    }

    /**
     * Written out rather than the record's generated one, whose first call in a JVM builds its method
     * handles (about 40 ms on the development machine, in the middle of reading a corpus).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Chord c && root == c.root && bass == c.bass && tones == c.tones
                && java.util.Objects.equals(symbol, c.symbol);
    }

    @Override
    public int hashCode() {
        return ((java.util.Objects.hashCode(symbol) * 31 + root) * 31 + bass) * 31 + tones;
    }
}
