package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import jazz.api.SamplingConfig;
import jazz.music.ChordProgression;
import jazz.music.Corpus;
import jazz.music.Jazz;
import jazz.music.MidiWriter;
import jazz.music.ModelFile;
import jazz.music.Solo;
import jazz.music.TrainedModel;
import jazz.music.TrainingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, compiled and run; the test fails if the README's copy drifts from this one. */
class ReadmeEmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAsWritten() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        Path source = Path.of(System.getProperty("user.dir"))
                .resolve("src/test/java/jazz/cli/ReadmeEmbeddingExampleTest.java");
        String example = between(Files.readString(source), "// README example start\n", "        // README example end");
        String unindented = example.replaceAll("(?m)^ {8}", "");
        assertTrue(Files.readString(readme).contains(unindented.replace("Path.of(\"", "Path.of(\"").replace(
                "dir.resolve(\"my.jazz\")", "Path.of(\"my.jazz\")").replace("dir.resolve(\"solo.mid\")", "Path.of(\"solo.mid\")")),
                "README.md no longer holds the example of " + source.getFileName());

        // README example start
        try (Jazz jazz = Jazz.open("native")) {
            TrainedModel model = jazz.train(Corpus.builtIn(), TrainingPlan.notebook(1), null);
            ModelFile.save(dir.resolve("my.jazz"), model);
            Solo solo = jazz.improvise(model, ChordProgression.parse("Dm7 G7 | Cmaj7 | Cmaj7"), 4,
                    SamplingConfig.temperature(0.5, 7));
            Files.write(dir.resolve("solo.mid"), MidiWriter.toMidi(solo, 130));
        }
        // README example end

        assertTrue(Files.size(dir.resolve("my.jazz")) > 100_000);
        assertTrue(Files.size(dir.resolve("solo.mid")) > 100);
    }

    private static String between(String text, String start, String end) {
        int a = text.lastIndexOf(start) + start.length();
        return text.substring(a, text.indexOf(end, a));
    }
}
