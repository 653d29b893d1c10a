package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns grammar tokens back into notes over a chord (SPEC 1.7): approach and arbitrary tones count
 * as chord tones; durations snap to the sixteenth grid; a measure's first note is drawn from the
 * chord, scale or approach tones in octave 4; each later note from the interval range its token
 * allows around the previous note, filtered by type (two semitones up or down when nothing fits),
 * no lower than octave 3; a note repeating the previous pitch is dropped. Every random choice comes
 * from the one generator passed in, so a seed reproduces a solo.
 */
public final class SoloDecoder {

    /** Lowest note of a measure's first note (C4). */
    private static final int FIRST_NOTE_FLOOR = 60;
    /** Lowest note of later notes (C3). */
    private static final int FLOOR = 48;
    /** Highest note: keeps a random walk on the guitar's range (B6). */
    private static final int CEILING = 95;
    /** Velocity of generated notes. */
    static final int VELOCITY = 90;
    private static final double GRID = 0.25;

    private SoloDecoder() {
    }

    /**
     * Snaps a duration to the sixteenth grid, never to zero.
     *
     * @param quarters a duration in quarters
     * @return a positive multiple of 0.25
     */
    public static double snap(double quarters) {
        return Math.max(GRID, Math.round(quarters / GRID) * GRID);
    }

    /**
     * Decodes one measure.
     *
     * @param tokens the measure's tokens, durations already snapped and fitting four beats
     * @param chords the measure's chords, onsets in twelfths of a quarter from the measure start
     * @param start the measure's start in quarters
     * @param previous the last pitch of the solo so far, or -1
     * @param random the solo's one random generator
     * @return the notes, by onset
     */
    public static List<SoloNote> decode(List<GrammarToken> tokens, List<TimedChord> chords, double start,
            int previous, RandomGenerator random) {
        List<SoloNote> notes = new ArrayList<>();
        double at = 0;
        int last = previous;
        boolean first = true;
        for (GrammarToken t : tokens) {
            double onset = at;
            at += t.duration();
            if (t.type() == ToneType.R) {
                continue;
            }
            Chord chord = chordAt(chords, onset);
            boolean chordTone = t.type() != ToneType.S;
            int pitch;
            if (first || !t.hasInterval() || last < 0) {
                pitch = firstNote(chord, chordTone, random);
            } else {
                pitch = nextNote(chord, chordTone, last, t, random);
            }
            first = false;
            if (pitch == last) {
                continue;
            }
            notes.add(new SoloNote(pitch, start + onset, t.duration(), VELOCITY));
            last = pitch;
        }
        return notes;
    }

    private static int firstNote(Chord chord, boolean chordTone, RandomGenerator random) {
        List<Integer> choices = new ArrayList<>();
        Scale scale = Scale.fitting(chord);
        for (int pc = 0; pc < 12; pc++) {
            boolean fits = chordTone ? chord.contains(pc) : scale.contains(pc) && !chord.contains(pc);
            if (fits) {
                choices.add(FIRST_NOTE_FLOOR + pc);
            }
        }
        if (choices.isEmpty()) {
            choices.add(FIRST_NOTE_FLOOR + chord.root());
        }
        return choices.get(random.nextInt(choices.size()));
    }

    private static int nextNote(Chord chord, boolean chordTone, int last, GrammarToken t, RandomGenerator random) {
        int a = IntervalName.semitones(t.upper());
        int b = IntervalName.semitones(t.lower());
        int low = last + Math.min(a, b);
        int high = last + Math.max(a, b);
        Scale scale = Scale.fitting(chord);
        List<Integer> choices = new ArrayList<>();
        for (int p = low; p <= high; p++) {
            int pc = Pitch.pitchClass(p);
            boolean fits = chordTone ? chord.contains(pc) : scale.contains(pc);
            if (fits && p != last) {
                choices.add(p);
            }
        }
        int pitch = choices.isEmpty() ? last + (random.nextBoolean() ? 2 : -2) : choices.get(random.nextInt(choices.size()));
        while (pitch < FLOOR) {
            pitch += 12;
        }
        while (pitch > CEILING) {
            pitch -= 12;
        }
        return pitch;
    }

    private static Chord chordAt(List<TimedChord> chords, double onset) {
        Chord sounding = chords.get(0).chord();
        for (TimedChord c : chords) {
            if (Quantizer.quarters(c.onset()) <= onset + 1e-9) {
                sounding = c.chord();
            }
        }
        return sounding;
    }
}
