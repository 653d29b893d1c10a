package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void jsonListsTheFourFirstPartyIdsWithStatusAndReason() {
        CliRun run = CliRun.of("backends", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out().trim();
        assertTrue(json.startsWith("[{") && json.endsWith("}]"), json);
        for (String id : new String[] {"native", "dl4j", "tf", "tf-gpu"}) {
            assertTrue(json.contains("\"id\":\"" + id + "\""), id + " missing in " + json);
        }
        assertTrue(json.contains("\"id\":\"native\",\"status\":\"available\",\"reason\":null"), json);
        assertTrue(json.contains("\"location\":"), json);
    }

    @Test
    void tableShowsAHeaderAndOneLinePerBackend() {
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\\R");
        assertTrue(lines[0].startsWith("ID"), lines[0]);
        assertTrue(lines.length >= 5, run.out());
    }

    @Test
    void anUnknownBackendIsAUsageErrorListingTheInstalledOnes() {
        CliRun run = CliRun.of("--backend=nope", "backends");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown backend 'nope'"), run.err());
        assertTrue(run.err().contains("native   available"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingCommandOrUnknownOptionIsAUsageError() {
        assertEquals(2, CliRun.of().exitCode());
        CliRun run = CliRun.of("backends", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        assertEquals(0, CliRun.of("--help").exitCode());
        assertEquals(0, CliRun.of("backends", "--help").exitCode());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("jazz "), version.out());
    }
}
