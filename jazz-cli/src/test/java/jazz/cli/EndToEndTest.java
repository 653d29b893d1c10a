package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train -> info -> generate through the real CLI and the native backend, and the bad inputs around them. */
class EndToEndTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        model = dir.resolve("small.jazz");
        CliRun run = CliRun.of("train", "--epochs", "8", "--seed", "3", "--out", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"backend\":\"native\""), run.out());
        assertTrue(run.out().matches("(?s)\\{\"backend\".*\"parameters\":\\d+,\"epochs\":8,\"loss\":\\[.*\\],\"seconds\":.*,\"out\":.*\\}\\s*"),
                run.out());
        assertTrue(run.err().contains("epoch 8/8"), run.err());
    }

    @Test
    void infoShowsWhatTheModelHolds() {
        CliRun run = CliRun.of("info", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"backend\":\"native\"") && run.out().contains("\"epochs\":8")
                && run.out().contains("\"seed\":3") && run.out().contains("\"progression\":"), run.out());
    }

    @Test
    void theSameSeedGivesByteIdenticalMidiAndAnotherSeedAnotherSolo() throws Exception {
        Path a = dir.resolve("a.mid");
        Path b = dir.resolve("b.mid");
        Path c = dir.resolve("c.mid");
        for (Path p : new Path[] {a, b}) {
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--seed", "7", "--out", p.toString(), "--no-wav",
                    "--measures", "8", "--json");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("\"measures\":8") && run.out().contains("\"seed\":7")
                    && run.out().contains("\"wav\":null"), run.out());
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--seed", "8", "--out", c.toString(), "--no-wav",
                "--measures", "8").exitCode());
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        Sequence sequence = MidiSystem.getSequence(a.toFile());
        assertEquals(1, MidiSystem.getMidiFileFormat(a.toFile()).getType());
        assertTrue(sequence.getResolution() >= 480);
        assertTrue(sequence.getTracks().length >= 2);
    }

    @Test
    void chordsFromTheCommandLineAndEveryStrategyWork() {
        for (String strategy : new String[] {"argmax", "temperature", "top-k", "top-p"}) {
            Path out = dir.resolve(strategy + ".mid");
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--chords", "Dm7 G7 | Cmaj7 | F#m7b5 B7 | Em7",
                    "--sampling", strategy, "--out", out.toString(), "--no-wav");
            assertEquals(0, run.exitCode(), strategy + ": " + run.err());
            assertTrue(run.out().contains("4 measures"), run.out());
        }
    }

    @Test
    void generateWritesAWavBesideTheMidi() throws Exception {
        Path out = dir.resolve("with-sound.mid");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--measures", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path wav = dir.resolve("with-sound.wav");
        assertTrue(Files.size(wav) > 44, "no audio in " + wav);
    }

    @Test
    void aTruncatedModelIsExitTwoAndWritesNothing() throws Exception {
        Path cut = dir.resolve("cut.jazz");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(model), 100));
        Path out = dir.resolve("never.mid");
        CliRun run = CliRun.of("generate", "--model", cut.toString(), "--out", out.toString(), "--no-wav");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(cut.toString()) && run.err().contains("truncated"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() throws Exception {
        String m = model.toString();
        String out = dir.resolve("bad.mid").toString();
        String[][] cases = {
            {"--measures", "0"}, {"--temperature", "0"}, {"--temperature", "-1"}, {"--sampling", "loud"},
            {"--wav", "x.wav", "--no-wav"}, {"--tempo", "0"}, {"--top-p", "1.5"}, {"--chords", "Hmaj7"},
            {"--measures"}, {"--count", "0"},
        };
        for (String[] bad : cases) {
            String[] args = new String[bad.length + 6];
            args[0] = "generate";
            args[1] = "--model";
            args[2] = m;
            args[3] = "--out";
            args[4] = out;
            args[5] = "--no-wav".equals(bad[bad.length - 1]) ? "--seed=1" : "--seed=1";
            System.arraycopy(bad, 0, args, 6, bad.length);
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), Arrays.toString(bad) + ": " + run.err());
            assertFalse(run.err().isBlank(), Arrays.toString(bad));
            assertFalse(run.err().contains("\tat "), run.err());
        }
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void anOutputThatIsAFolderOrInAMissingFolderIsExitTwo() {
        CliRun folder = CliRun.of("generate", "--model", model.toString(), "--out", dir.toString(), "--no-wav");
        assertEquals(2, folder.exitCode());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        CliRun missing = CliRun.of("train", "--epochs", "1", "--out", dir.resolve("nope/m.jazz").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void anExplodingLearningRateStopsNamingTheEpochAndKeepsTheOldModel() throws Exception {
        Path keep = dir.resolve("keep.jazz");
        Files.copy(model, keep);
        byte[] before = Files.readAllBytes(keep);
        CliRun run = CliRun.of("train", "--epochs", "30", "--lr", "90", "--out", keep.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("diverged at epoch"), run.err());
        assertArrayEquals(before, Files.readAllBytes(keep));
    }

    @Test
    void theLossCurveIsAPng() throws Exception {
        Path png = dir.resolve("loss.png");
        CliRun run = CliRun.of("train", "--epochs", "3", "--out", dir.resolve("plotted.jazz").toString(), "--plot",
                png.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
    }
}
