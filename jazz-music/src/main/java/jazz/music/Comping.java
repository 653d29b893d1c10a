package jazz.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comping track: four-note voicings of each chord, voice-led (each voicing is the inversion and
 * octave that moves the voices least from the previous one), played in a {@link CompStyle} rhythm.
 * The first voicing is the chord in close root position from octave 3. A slash chord adds its bass in
 * octave 2 below the four voices.
 */
public final class Comping {

    /** Lowest note of a voicing (C3). */
    static final int LOW = 48;
    /** Highest note of a voicing (G5). */
    static final int HIGH = 79;
    /** Widest span of a voicing: an octave and a fifth. */
    private static final int MAX_SPAN = 19;
    /** Velocity of comping notes. */
    static final int VELOCITY = 60;
    /** Guide tones first, then colour, the fifth last: which tones a four-note voicing keeps. */
    private static final int[] RANK = {0, 5, 4, 1, 1, 7, 8, 9, 6, 3, 2, 2};

    private Comping() {
    }

    /**
     * The comping notes of a solo's measures.
     *
     * @param progression the chords (cycled)
     * @param measures how many measures
     * @param style the rhythm; {@link CompStyle#NONE} gives no notes
     * @return the notes, by onset (quarters from the start)
     */
    public static List<SoloNote> notes(ChordProgression progression, int measures, CompStyle style) {
        List<SoloNote> out = new ArrayList<>();
        if (style == CompStyle.NONE) {
            return out;
        }
        int[] previous = null;
        for (int m = 0; m < measures; m++) {
            List<TimedChord> bar = progression.timedBar(m);
            double barStart = m * (double) Defaults.BEATS_PER_MEASURE;
            for (int i = 0; i < bar.size(); i++) {
                double start = Quantizer.quarters(bar.get(i).onset());
                double end = i + 1 < bar.size() ? Quantizer.quarters(bar.get(i + 1).onset()) : Defaults.BEATS_PER_MEASURE;
                Chord chord = bar.get(i).chord();
                int[] voicing = previous == null ? firstVoicing(chord) : voiceLed(chord, previous);
                previous = voicing;
                int[] played = withBass(chord, voicing);
                for (double[] hit : hits(style, start, end)) {
                    for (int pitch : played) {
                        out.add(new SoloNote(pitch, barStart + hit[0], hit[1], VELOCITY));
                    }
                }
            }
        }
        return out;
    }

    /** Onsets and durations (quarters within the bar) of the hits on a chord lasting from start to end. */
    private static List<double[]> hits(CompStyle style, double start, double end) {
        double second = start + 1.5;
        if (style == CompStyle.CHARLESTON && second < end - 1e-9) {
            return List.of(new double[] {start, 1.0}, new double[] {second, end - second});
        }
        return List.<double[]>of(new double[] {start, end - start});
    }

    /**
     * The four pitch classes a voicing plays: all the chord's tones above the bass when there are
     * four, the root doubled (then the fifth) when there are fewer, the root, third, seventh and the
     * first tension when there are more.
     *
     * @param chord the chord
     * @return four pitch classes, 0 to 11, the root first
     */
    static int[] pitchClasses(Chord chord) {
        List<Integer> intervals = new ArrayList<>();
        int slash = Math.floorMod(chord.bass() - chord.root(), 12);
        for (int i = 0; i < 12; i++) {
            if (chord.contains(chord.root() + i) && !(chord.bass() != chord.root() && i == slash)) {
                intervals.add(i);
            }
        }
        if (!intervals.contains(0)) {
            intervals.add(0);
        }
        intervals.sort((a, b) -> Integer.compare(RANK[a], RANK[b]));
        List<Integer> four = new ArrayList<>(intervals.subList(0, Math.min(4, intervals.size())));
        int[] fill = {0, 7, 0, 7};
        for (int k = 0; four.size() < 4; k++) {
            four.add(fill[k]);
        }
        return four.stream().mapToInt(i -> Math.floorMod(chord.root() + i, 12)).toArray();
    }

    /**
     * The voicing of a chord nearest to a previous one: of every placement of its four pitch classes
     * between C3 and G5 that spans at most an octave and a fifth with no note doubled in unison, the
     * one whose voices (lowest to highest) move the fewest semitones in all; the first found on ties.
     *
     * @param chord the chord
     * @param previous the previous voicing, four notes lowest first
     * @return four MIDI notes, lowest first
     */
    static int[] voiceLed(Chord chord, int[] previous) {
        int[] pcs = pitchClasses(chord);
        int[] best = null;
        int bestCost = Integer.MAX_VALUE;
        for (int[] candidate : placements(pcs)) {
            int cost = 0;
            for (int v = 0; v < 4; v++) {
                cost += Math.abs(candidate[v] - previous[v]);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The first voicing: close root position from octave 3, the same tones the chords track played
     * before voice leading (a triad doubles its root an octave up).
     *
     * @param chord the chord
     * @return four MIDI notes, lowest first
     */
    static int[] firstVoicing(Chord chord) {
        int[] reference = new int[4];
        int[] pcs = pitchClasses(chord);
        int root = LOW + chord.root();
        for (int v = 0; v < 4; v++) {
            reference[v] = root + Math.floorMod(pcs[v] - chord.root(), 12);
        }
        Arrays.sort(reference);
        for (int v = 1; v < 4; v++) {
            if (reference[v] <= reference[v - 1]) {
                reference[v] += 12; // a doubled tone goes up an octave
            }
        }
        Arrays.sort(reference);
        return voiceLed(chord, reference);
    }

    private static List<int[]> placements(int[] pcs) {
        List<int[]> out = new ArrayList<>();
        place(pcs, 0, new int[4], out);
        return out;
    }

    private static void place(int[] pcs, int v, int[] notes, List<int[]> out) {
        if (v == 4) {
            int[] sorted = notes.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < 4; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return;
                }
            }
            if (sorted[3] - sorted[0] <= MAX_SPAN) {
                out.add(sorted);
            }
            return;
        }
        for (int p = LOW + Math.floorMod(pcs[v] - LOW, 12); p <= HIGH; p += 12) {
            notes[v] = p;
            place(pcs, v + 1, notes, out);
        }
    }

    private static int[] withBass(Chord chord, int[] voicing) {
        if (chord.bass() == chord.root()) {
            return voicing;
        }
        int[] out = new int[5];
        out[0] = 36 + chord.bass();
        System.arraycopy(voicing, 0, out, 1, 4);
        return out;
    }
}
