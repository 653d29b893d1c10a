package jazz.api;

import java.util.Locale;

/** How the next token is chosen from the model's output distribution. */
public enum SamplingStrategy {
    /** The most likely token; deterministic (the notebook's choice). */
    ARGMAX,
    /** A draw from softmax(logits / temperature). */
    TEMPERATURE,
    /** A draw among the k most likely tokens, after temperature. */
    TOP_K,
    /** A draw from the smallest set of most likely tokens whose mass reaches p, after temperature. */
    TOP_P,
    /**
     * Beam search over whole measures for the most likely line; deterministic. Not a per-token
     * choice: {@link TokenChooser} rejects it, the solo generator searches.
     */
    BEAM;

    /**
     * The command-line name: {@code argmax}, {@code temperature}, {@code top-k}, {@code top-p},
     * {@code beam}.
     *
     * @return the name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a command-line name, case-insensitively.
     *
     * @param name one of {@code argmax}, {@code temperature}, {@code top-k}, {@code top-p}, {@code beam}
     * @return the strategy
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static SamplingStrategy parse(String name) {
        for (SamplingStrategy s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sampling strategy '" + name
                + "': use argmax, temperature, top-k, top-p or beam");
    }
}
