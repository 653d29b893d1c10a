package jazz.music;

import java.util.Locale;

import jazz.api.BadInputException;

/** How the comping track plays the chords. */
public enum CompStyle {
    /** No comping track. */
    NONE,
    /** One sustained voicing on each chord change (so at least on every beat 1). */
    BLOCK,
    /** The Charleston rhythm: a short hit on the chord's first beat and a held one on the "and" of its second beat. */
    CHARLESTON;

    /** @return the command-line name: {@code none}, {@code block}, {@code charleston} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a command-line name, case-insensitively.
     *
     * @param name {@code none}, {@code block} or {@code charleston}
     * @return the style
     * @throws BadInputException for any other name, listing the valid ones
     */
    public static CompStyle parse(String name) {
        for (CompStyle s : values()) {
            if (s.cliName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return s;
            }
        }
        throw new BadInputException("unknown --comp '" + name + "': use none, block or charleston");
    }
}
