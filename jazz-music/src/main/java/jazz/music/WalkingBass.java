package jazz.music;

import java.util.ArrayList;
import java.util.List;

/**
 * A walking bass line: a quarter note on every beat, the chord's bass note (its root, or the note
 * after the slash) whenever a chord starts and on each bar's beat 1, a chromatic approach tone a
 * semitone from the next of those targets on the beat before it, and chord tones walking towards the
 * target in between; every note between E1 and G3, each as near the previous one as its pitch class
 * allows. No random choice: the chords alone decide the line.
 */
public final class WalkingBass {

    /** Lowest bass note (E1, the open string). */
    static final int LOW = 28;
    /** Highest bass note (G3). */
    static final int HIGH = 55;
    /** Where the line starts: near E2. */
    private static final int START = 40;
    /** Velocity of the bass. */
    static final int VELOCITY = 80;

    private WalkingBass() {
    }

    /**
     * The bass notes of a solo's measures.
     *
     * @param progression the chords (cycled)
     * @param measures how many measures
     * @return one quarter note per beat, by onset
     */
    public static List<SoloNote> notes(ChordProgression progression, int measures) {
        int beats = measures * Defaults.BEATS_PER_MEASURE;
        List<SoloNote> out = new ArrayList<>();
        int previous = START;
        for (int b = 0; b < beats; b++) {
            Chord chord = chordAtBeat(progression, b);
            int pitch;
            if (isTarget(progression, b)) {
                pitch = nearest(chord.bass(), previous);
            } else if (isTarget(progression, b + 1)) {
                pitch = approach(nearest(chordAtBeat(progression, b + 1).bass(), previous), previous, chord);
            } else {
                int target = nearest(chordAtBeat(progression, nextTarget(progression, b)).bass(), previous);
                pitch = walk(chord, previous, target);
            }
            out.add(new SoloNote(pitch, b, 1.0, VELOCITY));
            previous = pitch;
        }
        return out;
    }

    /** A semitone from the target, from the side the line comes from (the other side if that is taken or out of range). */
    private static int approach(int target, int previous, Chord chord) {
        int side = target >= previous ? -1 : 1;
        for (int p : new int[] {target + side, target - side}) {
            if (p >= LOW && p <= HIGH && p != previous) {
                return p;
            }
        }
        return walk(chord, previous, target);
    }

    /** A chord tone a step or a skip from the previous note, towards the target; away from it at the range's ends. */
    private static int walk(Chord chord, int previous, int target) {
        int direction = target > previous ? 1 : target < previous ? -1 : (previous < (LOW + HIGH) / 2 ? 1 : -1);
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 1; d <= 7; d++) {
                int p = previous + direction * d;
                if (p >= LOW && p <= HIGH && chord.contains(p)) {
                    return p;
                }
            }
            direction = -direction;
        }
        return nearest(chord.root(), previous);
    }

    private static boolean isTarget(ChordProgression progression, int beat) {
        if (beat % Defaults.BEATS_PER_MEASURE == 0) {
            return true;
        }
        return !chordAtBeat(progression, beat).equals(chordAtBeat(progression, beat - 1));
    }

    private static int nextTarget(ChordProgression progression, int beat) {
        int b = beat + 1;
        while (!isTarget(progression, b)) {
            b++;
        }
        return b;
    }

    /** The chord sounding at a beat: the bar's last chord starting at or before it. */
    static Chord chordAtBeat(ChordProgression progression, int beat) {
        int measure = Math.floorDiv(beat, Defaults.BEATS_PER_MEASURE);
        double within = beat - measure * (double) Defaults.BEATS_PER_MEASURE;
        Chord sounding = null;
        for (TimedChord c : progression.timedBar(measure)) {
            if (sounding == null || Quantizer.quarters(c.onset()) <= within + 1e-9) {
                sounding = c.chord();
            }
        }
        return sounding;
    }

    /** The note of a pitch class in the bass range nearest a reference note (the lower on a tie). */
    private static int nearest(int pitchClass, int reference) {
        int best = -1;
        for (int p = LOW; p <= HIGH; p++) {
            if (Pitch.pitchClass(p) == Pitch.pitchClass(pitchClass)
                    && (best < 0 || Math.abs(p - reference) < Math.abs(best - reference))) {
                best = p;
            }
        }
        return best;
    }
}
