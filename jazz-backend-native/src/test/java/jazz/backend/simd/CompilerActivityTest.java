package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-thread warm-up ends once the epochs stop speeding up: two in a row at 0.8 of the one before or more. */
class CompilerActivityTest {

    private static String steadiness(long... epochMicros) {
        CompilerActivity watch = new CompilerActivity();
        StringBuilder sb = new StringBuilder();
        for (long micros : epochMicros) {
            sb.append(watch.steadyAfter(micros * 1000) ? 'S' : '.');
        }
        return sb.toString();
    }

    @Test
    void twoEpochsInARowThatDidNotSpeedUpAreSteady() {
        // A cold run's first epochs on one thread (µs), as logged: slower, faster, barely faster, ...
        assertEquals("...SS", steadiness(576_000, 15_200, 28_000, 26_000, 24_000));
        assertEquals(".....S", steadiness(576_000, 15_200, 28_000, 12_900, 11_500, 11_000));
        assertEquals("........SS", steadiness(576_000, 15_200, 28_000, 12_900, 11_500, 7_400, 3_300, 3_100,
                2_650, 2_690));
    }

    @Test
    void epochsThatKeepGettingFasterAreNotSteady() {
        assertEquals(".......", steadiness(600_000, 300_000, 150_000, 75_000, 37_000, 18_000, 9_000));
        assertEquals(".", steadiness(1_000));
        // One epoch that did not speed up between faster ones starts the count again.
        assertEquals("......", steadiness(10_000, 9_000, 5_000, 4_900, 2_000, 1_900));
    }
}
