package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import jazz.api.BadInputException;
import jazz.api.SamplingConfig;
import jazz.api.SamplingStrategy;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;

/**
 * Improvises a solo: samples grammar tokens from a model measure by measure (the LSTM state carries
 * across measures) until each measure holds four beats, the last note truncated to fit, then turns
 * them into notes over each measure's chords with one seeded random generator. A primer runs
 * through the model first and opens the solo; beam search replaces sampling when asked for.
 */
public final class SoloGenerator {

    /** Most measures one solo may have. */
    public static final int MAX_MEASURES = 10_000;
    /** Tokens sampled for one measure before giving up (rests of zero length cannot stall it). */
    private static final int MAX_TOKENS_PER_MEASURE = 256;

    private SoloGenerator() {
    }

    /**
     * Improvises a solo with no primer, within the decoder's own limits.
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
        return improvise(model, vocabulary, progression, measures, sampling, GenerationOptions.DEFAULT);
    }

    /**
     * Improvises a solo that continues a primer. The model first runs over the primer's tokens (a
     * primer token missing from the vocabulary is fed as the nearest one: same type, closest
     * duration, closest interval bounds); the solo then holds the primer's measures, decoded from its
     * own tokens over the progression's first bars, followed by {@code measures} new measures. With
     * {@link SamplingStrategy#BEAM} each new measure is the most likely line a beam of
     * {@code options.beamWidth()} finds; otherwise tokens are drawn one by one.
     *
     * @param model the trained model; its vocabulary size must match {@code vocabulary}
     * @param vocabulary the model's tokens, index i for output i
     * @param progression the chords; measures beyond its length cycle through it
     * @param measures how many new measures, at least 1; with the primer at most {@link #MAX_MEASURES}
     * @param sampling the sampling strategy and the seed of every random choice
     * @param options the primer, the decoder's limits and the beam width
     * @return the solo; the same inputs and seed give the same solo
     * @throws BadInputException when the measures are out of range, the vocabulary does not fit the
     *         model or a primer token is not a grammar token
     */
    public static Solo improvise(SequenceModel model, List<String> vocabulary, ChordProgression progression,
            int measures, SamplingConfig sampling, GenerationOptions options) {
        int primed = options.primerMeasures();
        if (measures < 1 || measures + primed > MAX_MEASURES) {
            throw new BadInputException("--measures must be 1 to " + (MAX_MEASURES - primed)
                    + (primed > 0 ? " after a primer of " + primed + " measures" : "") + ", got " + measures);
        }
        if (model.spec().vocabularySize() != vocabulary.size()) {
            throw new BadInputException("the model has " + model.spec().vocabularySize() + " outputs but the vocabulary "
                    + vocabulary.size() + " tokens");
        }
        List<GrammarToken> parsed = new ArrayList<>();
        for (String token : vocabulary) {
            parsed.add(GrammarToken.parse(token));
        }
        List<List<GrammarToken>> primer = parsePrimer(options.primer());
        int[] primerIndices = primer.stream().flatMap(List::stream).mapToInt(t -> nearest(t, vocabulary, parsed)).toArray();
        Supplier<List<GrammarToken>> nextMeasure;
        if (sampling.strategy() == SamplingStrategy.BEAM) {
            BeamSearch beam = new BeamSearch(model, parsed, options.beamWidth());
            beam.prime(primerIndices);
            nextMeasure = beam::nextMeasure;
        } else {
            TokenStream stream = new TokenStream(model, sampling);
            stream.prime(primerIndices);
            nextMeasure = () -> fillMeasure(stream, parsed);
        }
        SplittableRandom random = new SplittableRandom(sampling.seed());
        List<SoloNote> notes = new ArrayList<>();
        int last = -1;
        for (int m = 0; m < primed + measures; m++) {
            List<GrammarToken> measure = m < primed ? fitMeasure(primer.get(m)) : nextMeasure.get();
            List<SoloNote> decoded = SoloDecoder.decode(measure, progression.timedBar(m),
                    m * (double) Defaults.BEATS_PER_MEASURE, last, random, options.constraints());
            notes.addAll(decoded);
            if (!decoded.isEmpty()) {
                last = decoded.get(decoded.size() - 1).pitch();
            }
        }
        return new Solo(notes, progression, primed + measures);
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
            GrammarToken t = fit(vocabulary.get(stream.next()), filled);
            measure.add(t);
            filled += t.duration();
        }
        return padToBarLine(measure, filled);
    }

    /**
     * A primer measure made to hold exactly four beats, as sampled measures are.
     *
     * @param tokens the measure's tokens as written
     * @return tokens whose durations add up to four beats
     */
    static List<GrammarToken> fitMeasure(List<GrammarToken> tokens) {
        List<GrammarToken> measure = new ArrayList<>();
        double filled = 0;
        for (GrammarToken t : tokens) {
            if (filled >= Defaults.BEATS_PER_MEASURE - 1e-9) {
                break;
            }
            GrammarToken fitted = fit(t, filled);
            measure.add(fitted);
            filled += fitted.duration();
        }
        return padToBarLine(measure, filled);
    }

    /**
     * A token as the decoder takes it: the duration snapped to the sixteenth grid and cut at the bar
     * line, approach and other tones turned into chord tones.
     *
     * @param t the token
     * @param filled beats already filled in the measure
     * @return the fitted token
     */
    static GrammarToken fit(GrammarToken t, double filled) {
        ToneType type = t.type() == ToneType.A || t.type() == ToneType.X ? ToneType.C : t.type();
        double duration = Math.min(SoloDecoder.snap(t.duration()), Defaults.BEATS_PER_MEASURE - filled);
        return new GrammarToken(type, duration, t.upper(), t.lower());
    }

    /**
     * Ends a measure on its bar line with a rest when its tokens fall short.
     *
     * @param measure the fitted tokens (modified)
     * @param filled the beats they fill
     * @return the measure
     */
    static List<GrammarToken> padToBarLine(List<GrammarToken> measure, double filled) {
        if (filled < Defaults.BEATS_PER_MEASURE - 1e-9) {
            measure.add(new GrammarToken(ToneType.R, Defaults.BEATS_PER_MEASURE - filled, null, null));
        }
        return measure;
    }

    private static List<List<GrammarToken>> parsePrimer(List<List<String>> primer) {
        List<List<GrammarToken>> out = new ArrayList<>();
        for (List<String> measure : primer) {
            List<GrammarToken> tokens = new ArrayList<>();
            for (String token : measure) {
                try {
                    tokens.add(GrammarToken.parse(token));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("the primer holds '" + token + "', which is not a grammar token: "
                            + e.getMessage());
                }
            }
            out.add(tokens);
        }
        return out;
    }

    /**
     * The vocabulary index of a primer token: its own when the model knows it, else the nearest one
     * (a different type costs most, then the duration, then the interval bounds), the first on ties.
     */
    static int nearest(GrammarToken token, List<String> vocabulary, List<GrammarToken> parsed) {
        int exact = vocabulary.indexOf(token.toString());
        if (exact >= 0) {
            return exact;
        }
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < parsed.size(); i++) {
            GrammarToken v = parsed.get(i);
            double cost = (v.type() == token.type() ? 0 : 1000) + 10 * Math.abs(v.duration() - token.duration());
            if (v.hasInterval() != token.hasInterval()) {
                cost += 5;
            } else if (v.hasInterval()) {
                cost += 0.1 * (Math.abs(IntervalName.semitones(v.upper()) - IntervalName.semitones(token.upper()))
                        + Math.abs(IntervalName.semitones(v.lower()) - IntervalName.semitones(token.lower())));
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = i;
            }
        }
        return best;
    }
}
