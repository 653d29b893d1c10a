package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** `jazz bench` trains and samples for real and reports every backend asked for, available or not. */
class BenchCommandTest {

    @Test
    void jsonHoldsTheMachineAndOneResultPerBackend() {
        CliRun run = CliRun.of("bench", "--backends", "native,tf-gpu", "--epochs", "2", "--runs", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out();
        assertTrue(json.startsWith("{\"machine\":{\"cores\":"), json);
        for (String key : new String[] {"\"backend\":\"native\"", "\"epochSeconds\":", "\"epochSecondsQ1\":",
                "\"epochSecondsQ3\":", "\"firstEpochSeconds\":",
                "\"tokensPerSecond\":", "\"sample50Millis\":", "\"finalLoss\":", "\"ratioToFastest\":1.0"}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
        assertTrue(json.matches("(?s).*\"backend\":\"tf-gpu\",\"status\":\"unavailable: [^\"]+\",\"epochSeconds\":null,"
                + "\"epochSecondsQ1\":null,\"epochSecondsQ3\":null,\"epochTimesSeconds\":\\[\\],.*"), json);
        // Two timed epochs, each a positive time, and the quartiles between the fastest and the slowest.
        Matcher each = Pattern
                .compile("\"epochTimesSeconds\":\\[([0-9.Ee-]+),([0-9.Ee-]+)\\]").matcher(json);
        assertTrue(each.find(), json);
        double first = Double.parseDouble(each.group(1));
        double second = Double.parseDouble(each.group(2));
        assertTrue(first > 0 && second > 0, json);
        double q1 = number(json, "epochSecondsQ1");
        double median = number(json, "epochSeconds");
        double q3 = number(json, "epochSecondsQ3");
        assertTrue(Math.min(first, second) <= q1 && q1 <= median && median <= q3 && q3 <= Math.max(first, second), json);
    }

    @Test
    void quartilesInterpolateBetweenTheSortedTimes() {
        double[] times = {0.4, 0.1, 0.3, 0.2, 0.5};
        assertEquals(0.2, BenchCommand.quantile(times, 0.25), 1e-12);
        assertEquals(0.3, BenchCommand.quantile(times, 0.5), 1e-12);
        assertEquals(0.4, BenchCommand.quantile(times, 0.75), 1e-12);
        assertEquals(0.125, BenchCommand.quantile(new double[] {0.2, 0.1}, 0.25), 1e-12);
        assertEquals(0.7, BenchCommand.quantile(new double[] {0.7}, 0.75), 1e-12);
        assertEquals(0.4, times[0], 0.0, "the times are not reordered");
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.Ee-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theTableHasARowPerBackend() {
        CliRun run = CliRun.of("bench", "--backends", "native", "--epochs", "1", "--runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\nnative\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d+-\\d+\\.\\d+\\s+1\\.00\\s.*"),
                run.out());
    }
}
