package jazz.music;

import java.util.ArrayList;
import java.util.List;

import jazz.api.BadInputException;

/**
 * What a musician sets beyond the sampling strategy: a primer the solo continues, the decoder's
 * limits, and the width of the beam when the strategy is beam search.
 *
 * @param primer the primer's grammar tokens, one list per measure; empty for no primer
 * @param constraints the decoder's pitch range and widest leap
 * @param beamWidth lines kept by beam search, 1 to {@link #MAX_BEAM_WIDTH} (ignored by the other strategies)
 */
public record GenerationOptions(List<List<String>> primer, DecoderConstraints constraints, int beamWidth) {

    /** Widest beam: each step costs a model step per kept line. */
    public static final int MAX_BEAM_WIDTH = 64;
    /** The beam width when none is given. */
    public static final int DEFAULT_BEAM_WIDTH = 4;
    /** No primer, the decoder's own limits, the default beam. */
    public static final GenerationOptions DEFAULT = new GenerationOptions(List.of(), DecoderConstraints.NONE,
            DEFAULT_BEAM_WIDTH);

    /**
     * Checks and copies.
     *
     * @throws BadInputException when the beam width is out of range or a primer measure is empty
     */
    public GenerationOptions {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> measure : primer) {
            if (measure.isEmpty()) {
                throw new BadInputException("primer measure " + (copy.size() + 1) + " holds no tokens");
            }
            copy.add(List.copyOf(measure));
        }
        primer = List.copyOf(copy);
        if (constraints == null) {
            throw new BadInputException("generation options need decoder constraints");
        }
        if (beamWidth < 1 || beamWidth > MAX_BEAM_WIDTH) {
            throw new BadInputException("--beam-width must be 1 to " + MAX_BEAM_WIDTH + ", got " + beamWidth);
        }
    }

    /**
     * The primer's tokens, measure by measure, from a corpus (a training solo or a MIDI file).
     *
     * @param corpus where the primer comes from
     * @param measures how many of its first measures, 1 to its measure count
     * @return token texts, one list per measure
     * @throws BadInputException when the corpus has fewer measures
     */
    public static List<List<String>> primerOf(Corpus corpus, int measures) {
        if (measures < 1 || measures > corpus.measureCount()) {
            throw new BadInputException("the primer asks for " + measures + " measures but " + corpus.source() + " has "
                    + corpus.measureCount());
        }
        List<List<String>> out = new ArrayList<>();
        for (List<GrammarToken> m : corpus.measureTokens().subList(0, measures)) {
            out.add(m.stream().map(GrammarToken::toString).toList());
        }
        return out;
    }

    /**
     * A copy with a primer.
     *
     * @param measures token texts, one list per measure
     * @return the options
     */
    public GenerationOptions withPrimer(List<List<String>> measures) {
        return new GenerationOptions(measures, constraints, beamWidth);
    }

    /** @return how many measures the primer holds */
    public int primerMeasures() {
        return primer.size();
    }
}
