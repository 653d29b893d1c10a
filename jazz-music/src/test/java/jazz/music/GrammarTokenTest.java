package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A token's text: the duration written exactly as {@code String.format(Locale.ROOT, "%.3f")} writes it. */
class GrammarTokenTest {

    private static void check(double duration) {
        GrammarToken token = new GrammarToken(ToneType.S, duration, "m3", "m-3");
        assertEquals("S," + String.format(Locale.ROOT, "%.3f", duration) + ",<m3,m-3>", token.toString(),
                "duration " + duration);
    }

    @Test
    void durationsAreWrittenAsTheFormatterWritesThem() {
        // Every fraction of a quarter a quantised corpus holds, and more.
        for (int denominator : new int[] {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 60, 96, 100, 1000, 2000}) {
            for (int k = 0; k <= (int) GrammarToken.MAX_DURATION * denominator; k++) {
                check((double) k / denominator);
            }
        }
        // Halves at the fourth decimal, whose nearest doubles lie either side of the half.
        for (double d : new double[] {-0.0, 1e-9, 0.0005, 1.0005, 2.0005, 0.0625, 0.1875, 1.0625, 2.3125, 63.9995, 0.9995, 9.9995}) {
            check(d);
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            check(random.nextDouble(GrammarToken.MAX_DURATION));
        }
        assertEquals("R,1.000", new GrammarToken(ToneType.R, 1, null, null).toString());
    }
}
