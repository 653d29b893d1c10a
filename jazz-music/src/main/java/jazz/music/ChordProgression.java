package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jazz.api.BadInputException;

/**
 * Chord changes, one bar per 4/4 measure: {@code "Dm7 G7 | Cmaj7 | ..."}. Bars are split by
 * {@code |}; several chords in one bar share it evenly.
 */
public final class ChordProgression {

    /** Most bars a progression may hold. */
    public static final int MAX_BARS = 10_000;

    private final List<List<Chord>> bars;

    /**
     * A progression of bars.
     *
     * @param bars each bar's chords, at least one per bar
     * @throws IllegalArgumentException when there is no bar, or a bar is empty
     */
    public ChordProgression(List<List<Chord>> bars) {
        if (bars.isEmpty() || bars.size() > MAX_BARS) {
            throw new IllegalArgumentException("a progression needs 1 to " + MAX_BARS + " bars, got " + bars.size());
        }
        List<List<Chord>> copy = new ArrayList<>();
        for (List<Chord> bar : bars) {
            if (bar.isEmpty()) {
                throw new IllegalArgumentException("every bar of a progression needs a chord");
            }
            copy.add(List.copyOf(bar));
        }
        this.bars = List.copyOf(copy);
    }

    /**
     * Parses chord symbols, bars split by {@code |}.
     *
     * @param symbols e.g. {@code "Dm7 G7 | Cmaj7 | Cmaj7"}
     * @return the progression
     * @throws BadInputException naming the bad symbol, or for an empty bar or no chords
     */
    public static ChordProgression parse(String symbols) {
        if (symbols == null || symbols.isBlank()) {
            throw new BadInputException("the chord progression is empty; write bars of chord symbols split by |,"
                    + " e.g. \"Dm7 G7 | Cmaj7\"");
        }
        String[] texts = symbols.trim().split("\\|", -1);
        if (texts.length > MAX_BARS) {
            throw new BadInputException("the chord progression has " + texts.length + " bars, more than " + MAX_BARS);
        }
        List<List<Chord>> bars = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String bar = texts[i].trim();
            if (bar.isEmpty()) {
                if (i == texts.length - 1 && i > 0) {
                    continue; // a trailing bar line
                }
                throw new BadInputException("bar " + (i + 1) + " of the chord progression \"" + symbols + "\" is empty");
            }
            List<Chord> chords = new ArrayList<>();
            for (String symbol : bar.split("\\s+")) {
                chords.add(Chord.parse(symbol));
            }
            bars.add(chords);
        }
        return new ChordProgression(bars);
    }

    /** @return the number of bars */
    public int measures() {
        return bars.size();
    }

    /**
     * The chords of one bar; bars beyond the end cycle through the progression.
     *
     * @param measure the bar, from 0
     * @return its chords
     */
    public List<Chord> bar(int measure) {
        return bars.get(Math.floorMod(measure, bars.size()));
    }

    /**
     * The chords of one bar with their onsets within the bar, the bar shared evenly.
     *
     * @param measure the bar, from 0 (cycling)
     * @return the chords, onsets in twelfths of a quarter from the bar's start
     */
    public List<TimedChord> timedBar(int measure) {
        List<Chord> bar = bar(measure);
        List<TimedChord> out = new ArrayList<>();
        for (int i = 0; i < bar.size(); i++) {
            out.add(new TimedChord(i * Measure.UNITS / bar.size(), bar.get(i)));
        }
        return out;
    }

    /** @return the bars' chords */
    public List<List<Chord>> bars() {
        return bars;
    }

    /** @return the symbols, bars split by {@code " | "}; {@link #parse} reads them back equal */
    public String toSymbols() {
        return bars.stream().map(b -> b.stream().map(Chord::symbol).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChordProgression p && p.bars.equals(bars);
    }

    @Override
    public int hashCode() {
        return bars.hashCode();
    }

    @Override
    public String toString() {
        return toSymbols();
    }
}
