package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `jazz bench` trains and samples for real and reports every backend asked for, available or not. */
class BenchCommandTest {

    @Test
    void jsonHoldsTheMachineAndOneResultPerBackend() {
        CliRun run = CliRun.of("bench", "--backends", "native,tf-gpu", "--epochs", "2", "--runs", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out();
        assertTrue(json.startsWith("{\"machine\":{\"cores\":"), json);
        for (String key : new String[] {"\"backend\":\"native\"", "\"epochSeconds\":", "\"firstEpochSeconds\":",
                "\"tokensPerSecond\":", "\"sample50Millis\":", "\"finalLoss\":", "\"ratioToFastest\":1.0"}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
        assertTrue(json.matches("(?s).*\"backend\":\"tf-gpu\",\"status\":\"unavailable: [^\"]+\",\"epochSeconds\":null.*"),
                json);
    }

    @Test
    void theTableHasARowPerBackend() {
        CliRun run = CliRun.of("bench", "--backends", "native", "--epochs", "1", "--runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\nnative\\s+\\d+\\.\\d{3}\\s+1\\.00\\s.*"), run.out());
    }
}
