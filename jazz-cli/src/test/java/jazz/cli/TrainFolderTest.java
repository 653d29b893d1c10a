package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `jazz train --midi DIR`: every MIDI file under a folder, unusable ones skipped, whole files held out. */
class TrainFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfSolosTrainsWithHeldOutLossAndSkipsWhatItCannotUse() throws Exception {
        Path model = dir.resolve("seed.jazz");
        assertEquals(0, CliRun.of("train", "--epochs", "2", "--out", model.toString()).exitCode());
        Path solos = Files.createDirectories(dir.resolve("solos/nested"));
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--count", "3", "--out",
                solos.resolve("take.mid").toString(), "--no-wav").exitCode());
        Files.writeString(dir.resolve("solos/notes.mid"), "these are not MIDI bytes");

        Path out = dir.resolve("folder.jazz");
        CliRun run = CliRun.of("train", "--midi", dir.resolve("solos").toString(), "--epochs", "3", "--window-length", "12",
                "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("skipped") && run.err().contains("notes.mid"), run.err());
        assertTrue(run.err().contains("using 3 of 4 MIDI files"), run.err());
        assertTrue(run.err().contains("held-out loss"), run.err());
        assertTrue(run.out().matches("(?s).*\"evalLoss\":\\[[0-9.]+,[0-9.]+,[0-9.]+\\].*"), run.out());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void aFolderWithoutUsableMidiIsExitTwo() throws Exception {
        Files.writeString(dir.resolve("junk.mid"), "nope");
        CliRun run = CliRun.of("train", "--midi", dir.toString(), "--epochs", "1", "--out", dir.resolve("m.jazz").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("none of the 1 MIDI files"), run.err());
        CliRun ratio = CliRun.of("train", "--eval-ratio", "1.5", "--epochs", "1", "--out", dir.resolve("m.jazz").toString());
        assertEquals(2, ratio.exitCode());
        assertTrue(ratio.err().contains("--eval-ratio"), ratio.err());
    }
}
