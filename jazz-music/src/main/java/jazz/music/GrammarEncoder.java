package jazz.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a measure into the abstract grammar of Keller and Morrison: one token per note or rest,
 * {@code TYPE,DURATION[,<UPPER,LOWER>]}, the type relative to the chord sounding at the note, the
 * bounds (for every note after the measure's first) the interval from the previous note widened by
 * a minor third each way.
 */
public final class GrammarEncoder {

    private GrammarEncoder() {
    }

    /**
     * Encodes one measure.
     *
     * @param measure the measure
     * @return its tokens, in order
     */
    public static List<GrammarToken> encode(Measure measure) {
        List<GrammarToken> tokens = new ArrayList<>();
        int previous = -1;
        for (MelodyEvent e : measure.events()) {
            double duration = Quantizer.quarters(e.duration());
            if (e.isRest()) {
                tokens.add(new GrammarToken(ToneType.R, duration, null, null));
                continue;
            }
            ToneType type = ToneType.classify(e.pitch(), measure.chordAt(e.onset()));
            if (previous < 0) {
                tokens.add(new GrammarToken(type, duration, null, null));
            } else {
                String[] bounds = IntervalName.widened(previous, e.pitch());
                tokens.add(new GrammarToken(type, duration, bounds[0], bounds[1]));
            }
            previous = e.pitch();
        }
        return tokens;
    }
}
