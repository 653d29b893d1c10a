package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jazz.api.BadInputException;
import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    static TrainedModel smallModel() {
        ModelSpec spec = new ModelSpec(3, 2, 2);
        return new TrainedModel(List.of("C,0.250", "R,0.500", "S,0.333,<m3,m-3>"), "Dm7 G7 | Cmaj7",
                new TrainingRecord("native", 3, new double[] {3.2, 2.1, 1.5}, 42, "built-in corpus", 0.25),
                CanonicalWeights.initialize(spec, 9));
    }

    @Test
    void aModelSurvivesTheRoundTripExactly() {
        TrainedModel model = smallModel();
        Path file = dir.resolve("m.jazz");
        ModelFile.save(file, model);
        TrainedModel back = ModelFile.load(file);
        assertEquals(model.vocabulary(), back.vocabulary());
        assertEquals(model.progression(), back.progression());
        assertTrue(model.weights().sameValues(back.weights()));
        assertArrayEquals(model.training().loss(), back.training().loss());
        assertEquals(model.training().seed(), back.training().seed());
        assertEquals("built-in corpus", back.training().source());
        assertArrayEquals(ModelFile.toBytes(model), ModelFile.toBytes(back));
    }

    @Test
    void everyTruncationIsAClearErrorNamingTheFile() throws Exception {
        byte[] bytes = ModelFile.toBytes(smallModel());
        Path file = dir.resolve("cut.jazz");
        for (int length = 0; length < bytes.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(bytes, length));
            BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(file));
            assertTrue(e.getMessage().startsWith("model file " + file), e.getMessage());
        }
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] bytes = ModelFile.toBytes(smallModel());
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= (byte) 0x5A;
            assertThrows(ModelFile.Corrupt.class, () -> ModelFile.fromBytes(copy), "flip at " + i);
        }
    }

    @Test
    void hugeLengthsAreRejectedBeforeAnyAllocation() {
        byte[] bytes = ModelFile.toBytes(smallModel());
        // the first section's length field sits after magic (8), version (2), count (2) and tag (4)
        for (int value : new int[] {Integer.MAX_VALUE, -1, 1 << 30}) {
            byte[] copy = bytes.clone();
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(16, value);
            ModelFile.Corrupt e = assertThrows(ModelFile.Corrupt.class, () -> ModelFile.fromBytes(copy));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void aMissingFileOrAnotherFormatIsNamed() throws Exception {
        BadInputException missing = assertThrows(BadInputException.class, () -> ModelFile.load(dir.resolve("none.jazz")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path midi = dir.resolve("song.jazz");
        Files.writeString(midi, "MThd this is not a model at all");
        BadInputException wrong = assertThrows(BadInputException.class, () -> ModelFile.load(midi));
        assertTrue(wrong.getMessage().contains("not a jazz model file"), wrong.getMessage());
    }

    @Test
    void aFailedSaveLeavesTheOldFileAndNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("keep.jazz");
        Files.writeString(file, "old");
        BadInputException e = assertThrows(BadInputException.class,
                () -> AtomicFile.write(file, out -> {
                    out.write(1);
                    throw new java.io.IOException("No space left on device");
                }));
        assertTrue(e.getMessage().contains("keep.jazz"), e.getMessage());
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFolderOrAMissingFolderIsNotAFileToWrite() {
        BadInputException folder = assertThrows(BadInputException.class, () -> ModelFile.save(dir, smallModel()));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> ModelFile.save(dir.resolve("no/such/m.jazz"), smallModel()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
