package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-data sharing archive records these commands: each must run to the end. */
class StartupTrainingTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheTrainingSucceeds() {
        for (String[] command : StartupTraining.commands(dir)) {
            CliRun run = CliRun.of(command);
            assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        }
    }
}
