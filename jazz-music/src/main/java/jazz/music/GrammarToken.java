package jazz.music;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One element of the abstract melody grammar: {@code TYPE,DURATION[,<UPPER,LOWER>]}, e.g.
 * {@code C,0.250}, {@code S,0.500,<m3,m-3>} or {@code R,1.000}.
 *
 * @param type what the note is relative to its chord (R for a rest)
 * @param duration length in quarter notes
 * @param upper the upper bound of the interval from the previous note, or null
 * @param lower the lower bound of the interval from the previous note, or null
 */
public record GrammarToken(ToneType type, double duration, String upper, String lower) {

    /** Longest duration a token may hold, in quarters: generous, it only rejects nonsense. */
    static final double MAX_DURATION = 64;

    /**
     * Checks the token.
     *
     * @throws IllegalArgumentException when the duration is out of range, the bounds are half
     *         given or malformed, or a rest carries bounds
     */
    public GrammarToken {
        if (type == null) {
            throw new IllegalArgumentException("a grammar token needs a type");
        }
        if (!(duration >= 0 && duration <= MAX_DURATION)) {
            throw new IllegalArgumentException("grammar token duration out of range: " + duration);
        }
        if ((upper == null) != (lower == null)) {
            throw new IllegalArgumentException("a grammar token has both interval bounds or none");
        }
        if (upper != null) {
            if (type == ToneType.R) {
                throw new IllegalArgumentException("a rest carries no interval bounds");
            }
            IntervalName.semitones(upper);
            IntervalName.semitones(lower);
        }
    }

    /**
     * Parses a token.
     *
     * @param token e.g. {@code A,0.333,<P4,M-2>}
     * @return the token
     * @throws IllegalArgumentException naming the token when it is malformed
     */
    public static GrammarToken parse(String token) {
        try {
            String[] parts = token.split(",", -1);
            if (parts.length != 2 && parts.length != 4) {
                throw new IllegalArgumentException("expected TYPE,DURATION or TYPE,DURATION,<UPPER,LOWER>");
            }
            if (parts[0].length() != 1) {
                throw new IllegalArgumentException("the type is one of C, S, A, X, R");
            }
            ToneType type = ToneType.valueOf(parts[0]);
            double duration = Double.parseDouble(parts[1]);
            if (parts.length == 2) {
                return new GrammarToken(type, duration, null, null);
            }
            if (!parts[2].startsWith("<") || !parts[3].endsWith(">")) {
                throw new IllegalArgumentException("interval bounds go in <UPPER,LOWER>");
            }
            return new GrammarToken(type, duration, parts[2].substring(1), parts[3].substring(0, parts[3].length() - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed grammar token '" + token + "': " + e.getMessage(), e);
        }
    }

    /** @return true when the token carries interval bounds */
    public boolean hasInterval() {
        return upper != null;
    }

    /**
     * The token's text, with the duration to three decimals as {@code String.format(Locale.ROOT, "%.3f")}
     * writes it (its shortest decimal digits rounded half up), built without the formatter or string
     * concatenation: their first use in a JVM costs about 25 and 20 ms, and this is the first text a
     * training run builds.
     *
     * @return the token's text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(24).append(type.name()).append(',');
        if (Double.doubleToRawLongBits(duration) == Long.MIN_VALUE) {
            text.append('-'); // -0.0, which the formatter writes with its sign and BigDecimal drops
        }
        text.append(new BigDecimal(Double.toString(duration)).setScale(3, RoundingMode.HALF_UP).toPlainString());
        if (upper != null) {
            text.append(",<").append(upper).append(',').append(lower).append('>');
        }
        return text.toString();
    }
}
