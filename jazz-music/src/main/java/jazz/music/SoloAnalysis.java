package jazz.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a solo in a MIDI file sits over its chords: the share of chord, scale, approach and other tones,
 * whether every measure holds exactly four beats (no note spills over a bar line, no two melody notes
 * overlap), the pitch range, and the longest run of grammar tokens copied verbatim from a training
 * corpus.
 *
 * @param file the solo
 * @param notes melody notes
 * @param chordToneShare share of notes that are chord tones
 * @param scaleToneShare share of notes that are scale tones (not chord tones)
 * @param approachShare share of approach tones
 * @param otherShare share of the other notes
 * @param measures measures the melody spans
 * @param fullMeasures measures holding exactly four beats of melody and rests
 * @param lowestPitch lowest MIDI pitch
 * @param highestPitch highest MIDI pitch
 * @param longestCopiedRun longest run of consecutive tokens found verbatim in the training tokens
 * @param tokens the solo's grammar tokens
 */
public record SoloAnalysis(Path file, int notes, double chordToneShare, double scaleToneShare, double approachShare,
                           double otherShare, int measures, int fullMeasures, int lowestPitch, int highestPitch,
                           int longestCopiedRun, List<String> tokens) {

    private static final double EPSILON = 1e-6;

    /**
     * Analyses a solo: the melody and chord parts are chosen as {@link PartSelection#auto()} does.
     *
     * @param file a MIDI file holding a melody and a chord part (as {@code jazz generate} writes)
     * @param trainingTokens the tokens of the corpus the model learned from, for the copied-run measure
     * @return the analysis
     * @throws jazz.api.BadInputException when the file cannot be read or has no melody or chords
     */
    public static SoloAnalysis of(Path file, List<String> trainingTokens) {
        MidiScore score = MidiReader.read(file);
        PartSelection selection = selectionFor(score);
        SelectedParts parts = SelectedParts.resolve(score, selection);
        List<MidiNote> melody = new ArrayList<>();
        parts.melody().forEach(p -> melody.addAll(p.notes()));
        melody.sort(Comparator.comparingDouble(MidiNote::onset).thenComparingInt(MidiNote::pitch));
        TreeMap<Double, Chord> chords = chordsOf(parts.chords());
        int[] counts = new int[4];
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (MidiNote n : melody) {
            Map.Entry<Double, Chord> at = chords.floorEntry(n.onset() + EPSILON);
            Chord chord = at != null ? at.getValue() : chords.firstEntry().getValue();
            counts[ToneType.classify(n.pitch(), chord).ordinal()]++;
            low = Math.min(low, n.pitch());
            high = Math.max(high, n.pitch());
        }
        double end = melody.stream().mapToDouble(MidiNote::end).max().orElse(0);
        int measures = (int) Math.ceil(end / Defaults.BEATS_PER_MEASURE - EPSILON);
        boolean[] broken = new boolean[Math.max(measures, 0)];
        for (int i = 0; i < melody.size(); i++) {
            MidiNote n = melody.get(i);
            int bar = (int) Math.floor(n.onset() / Defaults.BEATS_PER_MEASURE + EPSILON);
            double barEnd = (bar + 1.0) * Defaults.BEATS_PER_MEASURE;
            if (n.end() > barEnd + EPSILON) {
                broken[bar] = true; // spills over the bar line: the measure holds more than four beats
            }
            if (i + 1 < melody.size() && melody.get(i + 1).onset() < n.end() - EPSILON) {
                broken[bar] = true; // two melody notes at once
            }
        }
        int full = 0;
        for (boolean b : broken) {
            full += b ? 0 : 1;
        }
        int total = Math.max(1, melody.size());
        List<String> tokens = Corpus.fromMidi(file, selection).tokens();
        return new SoloAnalysis(file, melody.size(), counts[0] / (double) total, counts[1] / (double) total,
                counts[2] / (double) total, counts[3] / (double) total, measures, full,
                melody.isEmpty() ? 0 : low, melody.isEmpty() ? 0 : high, longestCommonRun(tokens, trainingTokens), tokens);
    }

    /**
     * The melody of a file jazz wrote is its "Melody" track (a walking bass can out-number a sparse
     * melody); the chords are every other part but the bass. Any other file: the automatic choice.
     */
    private static PartSelection selectionFor(MidiScore score) {
        MidiPart melody = null;
        List<String> chords = new ArrayList<>();
        for (MidiPart p : score.parts()) {
            if (p.name() != null && p.name().startsWith(MidiWriter.MELODY_TRACK_PREFIX)) {
                melody = p;
            } else if (p.name() == null || !p.name().startsWith(MidiWriter.BASS_TRACK_PREFIX)) {
                chords.add(String.valueOf(p.index()));
            }
        }
        if (melody == null) {
            return PartSelection.auto();
        }
        return PartSelection.of(null, String.valueOf(melody.index()), chords, null, null);
    }

    /** The chords as the corpus builder reads them, keyed by onset in quarters. */
    private static TreeMap<Double, Chord> chordsOf(List<MidiPart> parts) {
        TreeMap<Double, Chord> chords = new TreeMap<>();
        for (TimedChord c : MeasureExtractor.chordGroups(parts)) {
            chords.put(Quantizer.quarters(c.onset()), c.chord());
        }
        if (chords.isEmpty()) {
            throw new jazz.api.BadInputException("no chords found beside the melody: the file needs a part that plays chords");
        }
        return chords;
    }

    /**
     * The longest run of consecutive tokens of {@code a} that appears verbatim in {@code b}.
     *
     * @param a a token line
     * @param b another
     * @return the run's length
     */
    public static int longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = a.get(i - 1).equals(b.get(j - 1)) ? previous[j - 1] + 1 : 0;
                best = Math.max(best, current[j]);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return best;
    }

    /**
     * Levenshtein distance between two token lines.
     *
     * @param a a token line
     * @param b another
     * @return insertions, deletions and substitutions needed to turn one into the other
     */
    public static int editDistance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.size()];
    }
}
