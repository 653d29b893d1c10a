package jazz.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jazz.api.BadInputException;

/**
 * Cuts the selected parts into measures, as the references do: quantise; split the melody into
 * voices (a note that starts while the first voice still sounds goes to a second voice); fill the
 * first voice's gaps with rests and merge the second voice's notes in without rests of their own;
 * keep what starts in the window; group notes and chords into 4/4 measures. Chords are groups of
 * two or more notes of one accompaniment part that start together.
 */
public final class MeasureExtractor {

    private MeasureExtractor() {
    }

    /**
     * The measures of a selection.
     *
     * @param parts the resolved selection
     * @return the measures, and how many measures of chords the window held
     * @throws BadInputException naming the file when the window holds no melody or no chords
     */
    public static Extraction extract(SelectedParts parts) {
        int from = Quantizer.quantize(parts.from());
        int to = Quantizer.quantize(parts.to());
        List<MelodyEvent> melody = new ArrayList<>();
        for (MelodyEvent e : melodyLine(parts.melody())) {
            if (e.onset() >= from && e.onset() <= to) {
                // A rest that runs past the window (the soloist stops) ends with it.
                boolean clip = e.isRest() && e.onset() + e.duration() > to;
                if (!(clip && e.onset() == to)) {
                    melody.add(clip ? new MelodyEvent(MelodyEvent.REST, e.onset(), to - e.onset()) : e);
                }
            }
        }
        String file = String.valueOf(parts.score().file());
        checkDurations(melody, file);
        List<TimedChord> chords = new ArrayList<>();
        for (TimedChord c : chordGroups(parts.chords())) {
            if (c.onset() >= from && c.onset() <= to) {
                chords.add(c);
            }
        }
        if (melody.stream().allMatch(MelodyEvent::isRest)) {
            throw new BadInputException(file + ": the melody has no notes in the window");
        }
        if (chords.isEmpty()) {
            throw new BadInputException(file + ": the chord parts play no chords (two or more notes at once) in the "
                    + "window; choose other parts with --chord-track");
        }
        Map<Integer, List<MelodyEvent>> byMeasure = new TreeMap<>();
        for (MelodyEvent e : melody) {
            byMeasure.computeIfAbsent(e.onset() / Measure.UNITS, k -> new ArrayList<>()).add(e);
        }
        Map<Integer, List<TimedChord>> chordsByMeasure = new TreeMap<>();
        for (TimedChord c : chords) {
            chordsByMeasure.computeIfAbsent(c.onset() / Measure.UNITS, k -> new ArrayList<>()).add(c);
        }
        List<Measure> measures = new ArrayList<>();
        for (Map.Entry<Integer, List<MelodyEvent>> e : byMeasure.entrySet()) {
            int number = e.getKey();
            List<TimedChord> under = chordsByMeasure.get(number);
            if (under == null) {
                under = List.of(new TimedChord(number * Measure.UNITS, carried(chords, number * Measure.UNITS)));
            }
            measures.add(new Measure(number, e.getValue(), under));
        }
        return new Extraction(measures, chordsByMeasure.size());
    }

    /**
     * A grammar token holds at most {@link GrammarToken#MAX_DURATION} quarters (16 measures); a longer
     * note comes from a damaged file (a lost note-off, a huge delta time), not from a solo. Rests end at
     * the next bar line, so only notes can be that long.
     */
    private static void checkDurations(List<MelodyEvent> melody, String file) {
        for (MelodyEvent e : melody) {
            double quarters = Quantizer.quarters(e.duration());
            if (quarters > GrammarToken.MAX_DURATION) {
                throw new BadInputException(file + ": the melody holds a note for " + (long) quarters
                        + " quarter notes from quarter " + (long) Quantizer.quarters(e.onset()) + ", more than the "
                        + (long) GrammarToken.MAX_DURATION + " a grammar token can hold; the file is damaged,"
                        + " or choose a window without it (--from/--to)");
            }
        }
    }

    /**
     * The melody as the grammar sees it: notes of all melody parts, quantised, the first voice's gaps
     * filled with rests.
     *
     * @param parts the melody parts
     * @return notes and rests, by onset (a rest before a note at the same onset)
     */
    static List<MelodyEvent> melodyLine(List<MidiPart> parts) {
        List<MelodyEvent> notes = new ArrayList<>();
        for (MidiPart p : parts) {
            for (MidiNote n : p.notes()) {
                notes.add(new MelodyEvent(n.pitch(), Quantizer.quantize(n.onset()), Quantizer.quantizeDuration(n.duration())));
            }
        }
        notes.sort(Comparator.comparingInt(MelodyEvent::onset).thenComparingInt(MelodyEvent::pitch));
        List<MelodyEvent> line = new ArrayList<>();
        int firstVoiceEnd = -1;
        for (MelodyEvent n : notes) {
            if (n.onset() >= firstVoiceEnd) {
                if (firstVoiceEnd >= 0 && n.onset() > firstVoiceEnd) {
                    line.add(rest(firstVoiceEnd, n.onset()));
                }
                firstVoiceEnd = n.onset() + n.duration();
            }
            line.add(n);
        }
        line.sort(Comparator.comparingInt(MelodyEvent::onset).thenComparing(e -> !e.isRest()));
        return line;
    }

    /**
     * A rest of the first voice. A silence longer than a measure ends at the next bar line: the
     * measures after it hold nothing and are skipped, as the references skip them.
     */
    private static MelodyEvent rest(int from, int to) {
        int end = to - from > Measure.UNITS ? (from / Measure.UNITS + 1) * Measure.UNITS : to;
        return new MelodyEvent(MelodyEvent.REST, from, end - from);
    }

    /**
     * The chords of the accompaniment: per part, the notes that start together (after quantising),
     * two or more of them; groups of several parts at one onset merge into one chord.
     *
     * @param parts the accompaniment parts
     * @return the chords, by onset
     */
    static List<TimedChord> chordGroups(List<MidiPart> parts) {
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (MidiPart p : parts) {
            Map<Integer, List<Integer>> partGroups = new TreeMap<>();
            for (MidiNote n : p.notes()) {
                partGroups.computeIfAbsent(Quantizer.quantize(n.onset()), k -> new ArrayList<>()).add(n.pitch());
            }
            for (Map.Entry<Integer, List<Integer>> g : partGroups.entrySet()) {
                if (g.getValue().stream().distinct().count() >= 2) {
                    groups.computeIfAbsent(g.getKey(), k -> new ArrayList<>()).addAll(g.getValue());
                }
            }
        }
        List<TimedChord> chords = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            chords.add(new TimedChord(g.getKey(), Chord.fromNotes(g.getValue().stream().mapToInt(Integer::intValue).toArray())));
        }
        return chords;
    }

    private static Chord carried(List<TimedChord> chords, int at) {
        Chord sounding = chords.get(0).chord();
        for (TimedChord c : chords) {
            if (c.onset() <= at) {
                sounding = c.chord();
            }
        }
        return sounding;
    }

    /**
     * The measures of a selection.
     *
     * @param measures the measures holding melody, in order
     * @param chordGroups how many measures of the window hold chords
     */
    public record Extraction(List<Measure> measures, int chordGroups) {
    }
}
