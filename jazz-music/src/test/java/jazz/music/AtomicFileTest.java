package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws Exception {
        Path file = dir.resolve("out.bin");
        AtomicFile.write(file, new byte[] {1, 2});
        AtomicFile.write(file, new byte[] {3});
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(file));
        try (var list = Files.list(dir)) {
            assertTrue(list.allMatch(file::equals));
        }
    }

    /** The temporary file's name is the next free one: files in the way (another writer's) stay untouched. */
    @Test
    void temporaryNamesInUseAreSkippedAndLeftAlone() throws Exception {
        Path file = dir.resolve("model.jazz");
        long next = AtomicFile.temporaryNamesTried() + 1;
        for (long n = next; n < next + 5; n++) {
            Files.write(dir.resolve(".model.jazz." + n + ".tmp"), new byte[] {(byte) n});
        }
        AtomicFile.write(file, new byte[] {9, 9});
        assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(file));
        for (long n = next; n < next + 5; n++) {
            assertArrayEquals(new byte[] {(byte) n}, Files.readAllBytes(dir.resolve(".model.jazz." + n + ".tmp")));
        }
        try (var list = Files.list(dir)) {
            assertTrue(list.count() == 6, "only the target and the five files in the way");
        }
    }

    @Test
    void aFolderOrAMissingFolderIsBadInputNamingThePath() throws Exception {
        BadInputException folder = assertThrows(BadInputException.class, () -> AtomicFile.write(dir, new byte[] {1}));
        assertTrue(folder.getMessage().contains(dir.toString()) && folder.getMessage().contains("folder"));
        Path missing = dir.resolve("no/such/out.mid");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFile.write(missing, new byte[] {1}));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
