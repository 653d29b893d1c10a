package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.music.MidiNote;
import jazz.music.MidiPart;
import jazz.music.MidiReader;
import jazz.music.MidiScore;

/** The musician's controls of {@code jazz generate}, through the real CLI and the native backend. */
class GenerateCommandControlsTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        model = dir.resolve("small.jazz");
        CliRun run = CliRun.of("train", "--epochs", "8", "--seed", "3", "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void beamSearchIsDeterministicAndTheSeedStillPicksThePitches() throws Exception {
        Path a = dir.resolve("beam-a.mid");
        Path b = dir.resolve("beam-b.mid");
        Path c = dir.resolve("beam-c.mid");
        for (Path p : List.of(a, b)) {
            assertEquals(0, generate("--sampling", "beam", "--beam-width", "3", "--seed", "4", "--out", p.toString()).exitCode());
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(0, generate("--sampling", "beam", "--beam-width", "3", "--seed", "5", "--out", c.toString()).exitCode());
        List<MidiNote> first = melody(a);
        List<MidiNote> other = melody(c);
        assertEquals(first.stream().map(MidiNote::onset).toList(), other.stream().map(MidiNote::onset).toList(),
                "beam search chose other tokens for another seed");
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        CliRun wide = generate("--sampling", "beam", "--beam-width", "65", "--out", dir.resolve("wide.mid").toString());
        assertEquals(2, wide.exitCode());
        assertTrue(wide.err().contains("--beam-width"), wide.err());
    }

    @Test
    void rangeAndMaxLeapHoldOverTheWholeMelody() {
        Path out = dir.resolve("range.mid");
        CliRun run = generate("--range", "E4-E5", "--max-leap", "5", "--measures", "12", "--seed", "9", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<MidiNote> notes = melody(out);
        assertTrue(notes.size() > 12);
        for (int i = 0; i < notes.size(); i++) {
            assertTrue(notes.get(i).pitch() >= 64 && notes.get(i).pitch() <= 76, "pitch " + notes.get(i).pitch());
            if (i > 0) {
                assertTrue(Math.abs(notes.get(i).pitch() - notes.get(i - 1).pitch()) <= 5);
            }
        }
    }

    @Test
    void badControlsExitWithTwoAndOneLine() {
        String[][] bad = {
            {"--range", "E6-E3"}, {"--range", "H2-E5"}, {"--range", "C4-G4"}, {"--max-leap", "0"},
            {"--swing", "0.95"}, {"--comp", "stride"}, {"--primer-measures", "2"},
            {"--primer", dir.resolve("missing.mid").toString()},
        };
        for (String[] args : bad) {
            CliRun run = generate(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertFalse(run.err().isBlank(), String.join(" ", args));
        }
        assertTrue(generate("--primer-measures", "2").err().contains("--model"));
    }

    @Test
    void aPrimerFileOpensTheSoloWithItsRhythmAndTheNewMeasuresFollow() {
        Path primer = dir.resolve("primer.mid");
        assertEquals(0, generate("--measures", "4", "--seed", "21", "--out", primer.toString()).exitCode());
        Path out = dir.resolve("continued.mid");
        CliRun run = generate("--primer", primer.toString(), "--measures", "3", "--seed", "22", "--json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"measures\":7"), run.out());
        assertTrue(run.err().contains("4 primer measures"), run.err());
        List<Double> primerOnsets = melody(primer).stream().map(MidiNote::onset).toList();
        List<MidiNote> notes = melody(out);
        List<Double> opening = notes.stream().filter(n -> n.onset() < 16).map(MidiNote::onset).toList();
        assertFalse(opening.isEmpty());
        assertTrue(primerOnsets.containsAll(opening), "the opening is not the primer's rhythm: " + opening);
        assertTrue(notes.stream().anyMatch(n -> n.onset() >= 16), "no new measures after the primer");

        Path two = dir.resolve("two.mid");
        assertEquals(0, generate("--primer", primer.toString(), "--primer-measures", "2", "--measures", "1", "--json",
                "--out", two.toString()).exitCode());
        assertTrue(melody(two).stream().allMatch(n -> n.onset() + n.duration() <= 12 + 1e-9));
    }

    @Test
    void primerMeasuresFromTheTrainingSoloWhenTrainingInTheSameRun() {
        Path out = dir.resolve("trained-primer.mid");
        CliRun run = CliRun.of("generate", "--epochs", "1", "--primer-measures", "2", "--measures", "2", "--no-wav",
                "--json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"measures\":4"), run.out());
        assertTrue(run.err().contains("2 primer measures"), run.err());
    }

    @Test
    void countWritesNumberedSolosWithEveryControlAndSeedsReproduceThem() throws Exception {
        Path out = dir.resolve("set.mid");
        String[] args = {"--count", "2", "--comp", "charleston", "--bass", "--swing", "0.67", "--range", "D3-G5",
            "--max-leap", "7", "--measures", "4", "--out", out.toString()};
        CliRun run = generate(args);
        assertEquals(0, run.exitCode(), run.err());
        Path one = dir.resolve("set-01.mid");
        Path two = dir.resolve("set-02.mid");
        byte[] first = Files.readAllBytes(one);
        assertFalse(Arrays.equals(first, Files.readAllBytes(two)));
        MidiScore score = MidiReader.read(one);
        assertEquals(List.of("Melody (electric guitar)", "Chords", "Bass (walking)"),
                score.parts().stream().map(MidiPart::name).toList());
        assertEquals(16, score.parts().get(2).notes().size());
        // Charleston: the "and" of 2 is an offbeat eighth, so the swing moves it to 1 + 0.67 beats.
        assertTrue(score.parts().get(1).notes().stream().anyMatch(n -> Math.abs(n.onset() - (1 + 322 / 480.0)) < 1e-9));
        assertEquals(0, generate(args).exitCode());
        assertArrayEquals(first, Files.readAllBytes(one));
    }

    private static CliRun generate(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("generate", "--model", model.toString(), "--no-wav"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<MidiNote> melody(Path file) {
        return MidiReader.read(file).parts().get(0).notes();
    }
}
