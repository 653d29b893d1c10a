package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CorpusCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = JazzCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void builtInCorpusAsJsonHasTheDocumentedKeys() {
        assertEquals(0, run("corpus", "--json"));
        String json = out.toString();
        for (String key : new String[] {"\"parts\":[]", "\"measures\":", "\"chordGroups\":", "\"tokens\":", "\"vocabulary\":",
            "\"typeCounts\":{\"C\":"}) {
            assertTrue(json.contains(key), key + " missing from " + json);
        }
    }

    @Test
    void methenyPresetPrintsPartsAndCounts() {
        Path metheny = Path.of(System.getProperty("jazz.shared.dir", "../shared"), "data", "original_metheny.mid");
        Assumptions.assumeTrue(Files.isRegularFile(metheny), "shared data absent: " + metheny);
        assertEquals(0, run("corpus", "--midi", metheny.toString(), "--preset", "metheny"));
        String text = out.toString();
        assertTrue(text.contains("Guitar") && text.contains("melody") && text.contains("Measures: 18"), text);
    }

    @Test
    void aFileThatIsNotMidiExitsWith2AndNamesIt() throws Exception {
        Path bad = dir.resolve("notes.mid");
        Files.writeString(bad, "hello");
        assertEquals(2, run("corpus", "--midi", bad.toString()));
        assertTrue(err.toString().contains(bad.toString()), err.toString());
        assertEquals(2, run("corpus", "--preset", "metheny"));
    }

    @Test
    void renderWritesAWavAndRejectsAMissingMidi() throws Exception {
        jazz.music.Solo solo = new jazz.music.Solo(java.util.List.of(new jazz.music.SoloNote(64, 0, 2, 100)),
                jazz.music.ChordProgression.parse("C"), 1);
        Path midi = dir.resolve("in.mid");
        Files.write(midi, jazz.music.MidiWriter.toMidi(solo, 130));
        Path wav = dir.resolve("out.wav");
        assertEquals(0, run("render", "--midi", midi.toString(), "--wav", wav.toString()));
        assertTrue(Files.size(wav) > 44100, "WAV of " + Files.size(wav) + " bytes");
        assertEquals(2, run("render", "--midi", dir.resolve("none.mid").toString(), "--wav", wav.toString()));
        assertTrue(err.toString().contains("none.mid"));
    }
}
