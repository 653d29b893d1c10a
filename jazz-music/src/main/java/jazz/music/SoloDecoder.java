package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns grammar tokens back into notes over a chord (SPEC 1.7): approach and arbitrary tones count
 * as chord tones; durations snap to the sixteenth grid; a measure's first note is drawn from the
 * chord, scale or approach tones in octave 4; each later note from the interval range its token
 * allows around the previous note, filtered by type (two semitones up or down when nothing fits),
 * folded by octaves into a pitch range (C3 to B6 unless {@link DecoderConstraints} say otherwise)
 * and, when a widest leap is set, no further than it from the previous note; a note repeating the
 * previous pitch is dropped. Every random choice comes
 * from the one generator passed in, so a seed reproduces a solo.
 */
public final class SoloDecoder {

    /** Lowest note of a measure's first note (C4). */
    private static final int FIRST_NOTE_FLOOR = 60;
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
     * Decodes one measure within the decoder's own limits (C3 to B6, any leap).
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
        return decode(tokens, chords, start, previous, random, DecoderConstraints.NONE);
    }

    /**
     * Decodes one measure within a pitch range and a widest leap. A note that fits its token's type
     * and interval but not the limits is not taken; when nothing fits, the line steps a whole tone
     * (or the widest leap allowed, if narrower) towards the inside of the range.
     *
     * @param tokens the measure's tokens, durations already snapped and fitting four beats
     * @param chords the measure's chords, onsets in twelfths of a quarter from the measure start
     * @param start the measure's start in quarters
     * @param previous the last pitch of the solo so far, or -1
     * @param random the solo's one random generator
     * @param limits the pitch range and widest leap
     * @return the notes, by onset, every pitch in the range and no leap wider than allowed
     */
    public static List<SoloNote> decode(List<GrammarToken> tokens, List<TimedChord> chords, double start,
            int previous, RandomGenerator random, DecoderConstraints limits) {
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
                pitch = firstNote(chord, chordTone, last, random, limits);
            } else {
                pitch = nextNote(chord, chordTone, last, t, random, limits);
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

    /**
     * A note with no interval to follow: a fitting pitch class in octave 4, folded into the range;
     * under a leap limit, the octave of each pitch class nearest the previous note.
     */
    private static int firstNote(Chord chord, boolean chordTone, int last, RandomGenerator random,
            DecoderConstraints limits) {
        PitchRange range = limits.range();
        boolean leaps = limits.limitsLeaps() && last >= 0;
        List<Integer> choices = new ArrayList<>();
        Scale scale = Scale.fitting(chord);
        for (int pc = 0; pc < 12; pc++) {
            boolean fits = chordTone ? chord.contains(pc) : scale.contains(pc) && !chord.contains(pc);
            if (!fits) {
                continue;
            }
            int p = leaps ? nearest(pc, last, range) : range.fold(FIRST_NOTE_FLOOR + pc);
            if (!leaps || Math.abs(p - last) <= limits.maxLeap()) {
                choices.add(p);
            }
        }
        if (choices.isEmpty()) {
            int root = leaps ? nearest(chord.root(), last, range) : range.fold(FIRST_NOTE_FLOOR + chord.root());
            return leaps && Math.abs(root - last) > limits.maxLeap() ? step(last, random, limits) : root;
        }
        return choices.get(random.nextInt(choices.size()));
    }

    private static int nextNote(Chord chord, boolean chordTone, int last, GrammarToken t, RandomGenerator random,
            DecoderConstraints limits) {
        int a = IntervalName.semitones(t.upper());
        int b = IntervalName.semitones(t.lower());
        int low = last + Math.min(a, b);
        int high = last + Math.max(a, b);
        Scale scale = Scale.fitting(chord);
        List<Integer> choices = new ArrayList<>();
        for (int p = low; p <= high; p++) {
            int pc = Pitch.pitchClass(p);
            boolean fits = chordTone ? chord.contains(pc) : scale.contains(pc);
            int folded = limits.range().fold(p);
            if (fits && folded != last && Math.abs(folded - last) <= limits.maxLeap() && !choices.contains(folded)) {
                choices.add(folded);
            }
        }
        return choices.isEmpty() ? step(last, random, limits) : choices.get(random.nextInt(choices.size()));
    }

    /** A whole tone up or down (narrower under a tighter leap limit), turned back at the range's ends. */
    private static int step(int last, RandomGenerator random, DecoderConstraints limits) {
        int size = Math.min(2, limits.maxLeap());
        int pitch = last + (random.nextBoolean() ? size : -size);
        if (!limits.range().contains(pitch)) {
            pitch = 2 * last - pitch;
        }
        return limits.range().fold(pitch);
    }

    /** The note of a pitch class nearest a reference note, inside the range (the lower on a tie). */
    private static int nearest(int pitchClass, int reference, PitchRange range) {
        int best = -1;
        for (int p = range.low(); p <= range.high(); p++) {
            if (Pitch.pitchClass(p) == Pitch.pitchClass(pitchClass)
                    && (best < 0 || Math.abs(p - reference) < Math.abs(best - reference))) {
                best = p;
            }
        }
        return best;
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
