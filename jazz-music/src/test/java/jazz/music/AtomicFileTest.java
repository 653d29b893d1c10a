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

    @Test
    void aFolderOrAMissingFolderIsBadInputNamingThePath() throws Exception {
        BadInputException folder = assertThrows(BadInputException.class, () -> AtomicFile.write(dir, new byte[] {1}));
        assertTrue(folder.getMessage().contains(dir.toString()) && folder.getMessage().contains("folder"));
        Path missing = dir.resolve("no/such/out.mid");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFile.write(missing, new byte[] {1}));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
