package jazz.music;

import java.util.ArrayList;
import java.util.List;

import jazz.api.BadInputException;

/**
 * Reads the text format of the built-in corpus: one measure per line, its chord symbols, a bar line
 * and its melody, e.g. {@code Dm7 G7 | D5:e F5:e A5:q G5:t F5:t E5:t r:q}. Notes are a pitch with
 * octave ({@code C4} is middle C) or {@code r} for a rest, a colon, and a duration: {@code w} whole,
 * {@code h} half, {@code q} quarter, {@code e} eighth, {@code s} sixteenth, {@code t} eighth-note
 * triplet (1/3), a dot for dotted ({@code q.}), or a number of quarters ({@code 1.5}, {@code 2/3}).
 * Each line's durations add up to four quarters. {@code #} starts a comment; blank lines are skipped.
 */
public final class CorpusText {

    private CorpusText() {
    }

    /**
     * Parses the text.
     *
     * @param text the corpus
     * @param name the name to report in messages
     * @return the measures, numbered from 0
     * @throws BadInputException naming the line when it cannot be read
     */
    public static List<Measure> parse(String text, String name) {
        List<Measure> measures = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            // '#' inside a symbol (F#m7) is a sharp: only a '#' at the start or after a space is a comment.
            while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) {
                hash = line.indexOf('#', hash + 1);
            }
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                measures.add(measure(line, measures.size()));
            } catch (BadInputException | IllegalArgumentException e) {
                throw new BadInputException(name + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (measures.isEmpty()) {
            throw new BadInputException(name + " holds no measures");
        }
        return measures;
    }

    private static Measure measure(String line, int number) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            throw new BadInputException("expected 'CHORDS | NOTES'");
        }
        String[] symbols = line.substring(0, bar).trim().split("\\s+");
        if (symbols[0].isEmpty()) {
            throw new BadInputException("no chord before the bar line");
        }
        int start = number * Measure.UNITS;
        List<TimedChord> chords = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            chords.add(new TimedChord(start + i * Measure.UNITS / symbols.length, Chord.parse(symbols[i])));
        }
        List<MelodyEvent> events = new ArrayList<>();
        int at = start;
        for (String note : line.substring(bar + 1).trim().split("\\s+")) {
            int colon = note.indexOf(':');
            if (colon < 0) {
                throw new BadInputException("'" + note + "' is not PITCH:DURATION");
            }
            String pitchText = note.substring(0, colon);
            int pitch = pitchText.equals("r") ? MelodyEvent.REST : Pitch.parseMidi(pitchText);
            if (pitch == -1 && !pitchText.equals("r")) {
                throw new BadInputException("'" + pitchText + "' is not a pitch like C4, Bb3, F#5 or r");
            }
            int duration = duration(note.substring(colon + 1));
            events.add(new MelodyEvent(pitch, at, duration));
            at += duration;
        }
        if (at - start != Measure.UNITS) {
            throw new BadInputException("the durations add up to " + Quantizer.quarters(at - start)
                    + " quarters, not 4");
        }
        return new Measure(number, events, chords);
    }

    private static int duration(String text) {
        double quarters;
        String base = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        switch (base) {
            case "w" -> quarters = 4;
            case "h" -> quarters = 2;
            case "q" -> quarters = 1;
            case "e" -> quarters = 0.5;
            case "s" -> quarters = 0.25;
            case "t" -> quarters = 1.0 / 3;
            default -> {
                try {
                    int slash = base.indexOf('/');
                    quarters = slash < 0 ? Double.parseDouble(base)
                            : Double.parseDouble(base.substring(0, slash)) / Double.parseDouble(base.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new BadInputException("'" + text + "' is not a duration (w h q e s t, a dot, or quarters)");
                }
            }
        }
        if (text.endsWith(".")) {
            quarters *= 1.5;
        }
        int units = Quantizer.quantize(quarters);
        if (units < 1 || Math.abs(Quantizer.quarters(units) - quarters) > 1e-9) {
            throw new BadInputException("the duration '" + text + "' is not a multiple of 1/4 or 1/3 quarter");
        }
        return units;
    }
}
