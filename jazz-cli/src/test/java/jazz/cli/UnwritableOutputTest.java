package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving into a place that cannot be written: exit 2, a message naming the file, the old file intact
 * and no temporary file left behind. (A disk that fills up during the write is simulated at the
 * AtomicFile level, in jazz-music's ModelFileTest.)
 */
class UnwritableOutputTest {

    @TempDir
    Path dir;

    @Test
    void trainingIntoAReadOnlyFolderExitsTwoAndKeepsTheOldModel() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Path old = folder.resolve("old.jazz");
        assertEquals(0, CliRun.of("train", "--epochs", "1", "--hidden", "4", "--out", old.toString()).exitCode());
        byte[] before = Files.readAllBytes(old);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(canCreateIn(folder),
                    "skipped: this user (root?) writes into a read-only folder anyway; the /sys test covers root");
            CliRun run = CliRun.of("train", "--epochs", "1", "--hidden", "4", "--seed", "9", "--out", old.toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(old.toString()), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
            assertArrayEquals(before, Files.readAllBytes(old));
            try (var files = Files.list(folder)) {
                assertEquals(List.of(old), files.toList());
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writingIntoAFolderNobodyMayWriteExitsTwoNamingTheFileEvenForRoot() throws IOException {
        Path sys = Path.of("/sys/kernel");
        Assumptions.assumeTrue(Files.isDirectory(sys) && !canCreateIn(sys),
                "skipped: no read-only /sys/kernel on this machine");
        Path model = sys.resolve("jazz-test.jazz");
        CliRun train = CliRun.of("train", "--epochs", "1", "--hidden", "4", "--out", model.toString());
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains(model.toString()), train.err());
        assertFalse(train.err().contains("\tat "), train.err());
        assertFalse(Files.exists(model));

        Path trained = dir.resolve("m.jazz");
        assertEquals(0, CliRun.of("train", "--epochs", "1", "--hidden", "4", "--out", trained.toString()).exitCode());
        Path midi = sys.resolve("jazz-test.mid");
        CliRun generate = CliRun.of("generate", "--model", trained.toString(), "--measures", "2", "--out", midi.toString(),
                "--no-wav");
        assertEquals(2, generate.exitCode(), generate.err());
        assertTrue(generate.err().contains(midi.toString()), generate.err());
        assertFalse(Files.exists(midi));
    }

    /** Whether this process can really create a file in the folder, whatever the permissions say. */
    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
