package jazz.music;

import java.util.List;
import java.util.Locale;

import jazz.api.BadInputException;

/**
 * Which parts of a MIDI file make the solo and its chords, and which stretch of the piece.
 * A part is named by its index or its name (case-insensitive; a name shared by several channels
 * of one track takes them all). Unset fields are chosen automatically.
 *
 * @param melody the melody part's name or index, or null for the automatic choice
 * @param chords the chord parts' names or indices; empty for the automatic choice
 * @param from window start in quarter notes, or null for the start of the piece
 * @param to window end in quarter notes, or null for the end of the piece
 * @param preset the preset the selection came from, or null
 */
public record PartSelection(String melody, List<String> chords, Double from, Double to, String preset) {

    /** The presets {@link #of} knows. */
    public static final List<String> PRESETS = List.of("metheny");

    /**
     * Checks the window and copies the list.
     *
     * @throws BadInputException when the window is negative, not finite or empty
     */
    public PartSelection {
        chords = chords == null ? List.of() : List.copyOf(chords);
        if (from != null && !(from >= 0 && Double.isFinite(from))) {
            throw new BadInputException("--from must be a number of quarter notes, 0 or more, got " + from);
        }
        if (to != null && !(to > 0 && Double.isFinite(to))) {
            throw new BadInputException("--to must be a number of quarter notes greater than 0, got " + to);
        }
        if (from != null && to != null && from >= to) {
            throw new BadInputException("--from (" + from + ") must be before --to (" + to + ")");
        }
    }

    /** @return everything chosen automatically over the whole piece */
    public static PartSelection auto() {
        return new PartSelection(null, List.of(), null, null, null);
    }

    /**
     * What the notebook selects on {@code original_metheny.mid}: the guitar (its voices merged) as
     * melody, piano, bass, trumpet and French horn as accompaniment, quarters 476 to 548.
     *
     * @return the selection
     */
    public static PartSelection metheny() {
        return new PartSelection("Guitar", List.of("Piano", "Bass", "Trumpet", "French Horn"), 476.0, 548.0, "metheny");
    }

    /**
     * A selection from command-line options: the preset first, then each option given overrides it.
     *
     * @param preset a preset name ({@code metheny}) or null
     * @param melody {@code --melody-track}, or null
     * @param chords {@code --chord-track}s, or empty
     * @param from {@code --from}, or null
     * @param to {@code --to}, or null
     * @return the selection
     * @throws BadInputException for an unknown preset or a bad window
     */
    public static PartSelection of(String preset, String melody, List<String> chords, Double from, Double to) {
        PartSelection base = auto();
        if (preset != null) {
            if (!"metheny".equals(preset.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("unknown --preset '" + preset + "'; presets: " + String.join(", ", PRESETS));
            }
            base = metheny();
        }
        return new PartSelection(melody != null ? melody : base.melody(),
                chords != null && !chords.isEmpty() ? chords : base.chords(),
                from != null ? from : base.from(), to != null ? to : base.to(), base.preset());
    }

    /** @return a short description, e.g. {@code preset metheny} or {@code melody 3, chords auto} */
    public String describe() {
        if (preset != null && this.equals(metheny())) {
            return "preset " + preset;
        }
        return "melody " + (melody == null ? "auto" : melody) + ", chords "
                + (chords.isEmpty() ? "auto" : String.join("+", chords))
                + (from == null && to == null ? "" : ", quarters " + (from == null ? "start" : fmt(from)) + " to "
                        + (to == null ? "end" : fmt(to)));
    }

    private static String fmt(double q) {
        return q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q);
    }
}
