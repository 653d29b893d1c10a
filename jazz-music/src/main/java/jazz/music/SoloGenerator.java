package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jazz.api.BadInputException;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;

/**
 * Improvises a solo: samples grammar tokens from a model measure by measure (the LSTM state carries
 * across measures) until each measure holds four beats, the last note truncated to fit, then turns
 * them into notes over each measure's chords with one seeded random generator.
 */
public final class SoloGenerator {

    /** Most measures one solo may have. */
    public static final int MAX_MEASURES = 10_000;
    /** Tokens sampled for one measure before giving up (rests of zero length cannot stall it). */
    private static final int MAX_TOKENS_PER_MEASURE = 256;

    private SoloGenerator() {
    }

    /**
     * Improvises a solo.
     *
     * @param model the trained model; its vocabulary size must match {@code vocabulary}
     * @param vocabulary the model's tokens, index i for output i
     * @param progression the chords; measures beyond its length cycle through it
     * @param measures how many measures, 1 to {@link #MAX_MEASURES}
     * @param sampling the sampling strategy and the seed of every random choice
     * @return the solo; the same inputs and seed give the same solo
     * @throws BadInputException when the measures are out of range or the vocabulary does not fit the
     *         model
     */
    public static Solo improvise(SequenceModel model, List<String> vocabulary, ChordProgression progression,
            int measures, SamplingConfig sampling) {
        if (measures < 1 || measures > MAX_MEASURES) {
            throw new BadInputException("--measures must be 1 to " + MAX_MEASURES + ", got " + measures);
        }
        if (model.spec().vocabularySize() != vocabulary.size()) {
            throw new BadInputException("the model has " + model.spec().vocabularySize() + " outputs but the vocabulary "
                    + vocabulary.size() + " tokens");
        }
        List<GrammarToken> parsed = new ArrayList<>();
        for (String token : vocabulary) {
            parsed.add(GrammarToken.parse(token));
        }
        TokenStream stream = new TokenStream(model, sampling);
        SplittableRandom random = new SplittableRandom(sampling.seed());
        List<SoloNote> notes = new ArrayList<>();
        int last = -1;
        for (int m = 0; m < measures; m++) {
            List<GrammarToken> measure = fillMeasure(stream, parsed);
            List<SoloNote> decoded = SoloDecoder.decode(measure, progression.timedBar(m),
                    m * (double) Defaults.BEATS_PER_MEASURE, last, random);
            notes.addAll(decoded);
            if (!decoded.isEmpty()) {
                last = decoded.get(decoded.size() - 1).pitch();
            }
        }
        return new Solo(notes, progression, measures);
    }

    /**
     * Samples tokens until they fill four beats; durations are snapped to the sixteenth grid and the
     * last token is cut to end on the bar line; approach and other tones become chord tones.
     *
     * @param stream the model's token stream, carrying its state from measure to measure
     * @param vocabulary the parsed vocabulary
     * @return tokens whose durations add up to four beats
     */
    static List<GrammarToken> fillMeasure(TokenStream stream, List<GrammarToken> vocabulary) {
        List<GrammarToken> measure = new ArrayList<>();
        double filled = 0;
        for (int i = 0; i < MAX_TOKENS_PER_MEASURE && filled < Defaults.BEATS_PER_MEASURE - 1e-9; i++) {
            GrammarToken t = vocabulary.get(stream.next());
            ToneType type = t.type() == ToneType.A || t.type() == ToneType.X ? ToneType.C : t.type();
            double duration = Math.min(SoloDecoder.snap(t.duration()), Defaults.BEATS_PER_MEASURE - filled);
            measure.add(new GrammarToken(type, duration, t.upper(), t.lower()));
            filled += duration;
        }
        if (filled < Defaults.BEATS_PER_MEASURE - 1e-9) {
            measure.add(new GrammarToken(ToneType.R, Defaults.BEATS_PER_MEASURE - filled, null, null));
        }
        return measure;
    }
}
