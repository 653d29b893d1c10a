package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command meets hostile command lines: unknown options, missing values, conflicting options,
 * numbers out of range, folders where files belong, missing files and files that are not what they
 * claim. Each ends in exit code 2 with a message on stderr and no stack trace; usage errors also show
 * picocli's usage hint; bad files are named.
 */
class HostileCommandLineTest {

    @TempDir
    static Path dir;

    private static String model;
    private static String folder;
    private static String missing;
    private static String notMidi;
    private static String notModel;
    private static String out;
    private static String solo;

    @BeforeAll
    static void filesToBeHostileWith() throws IOException {
        Path trained = dir.resolve("small.jazz");
        CliRun run = CliRun.of("train", "--epochs", "1", "--hidden", "8", "--seed", "5", "--out", trained.toString());
        assertEquals(0, run.exitCode(), run.err());
        model = trained.toString();
        folder = Files.createDirectory(dir.resolve("a-folder.mid")).toString();
        missing = dir.resolve("no-such-file.mid").toString();
        notMidi = Files.writeString(dir.resolve("notes.mid"), "these are not notes\n", StandardCharsets.UTF_8).toString();
        notModel = Files.write(dir.resolve("model.jazz"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6}).toString();
        out = dir.resolve("out.mid").toString();
        solo = dir.resolve("solo.mid").toString();
        run = CliRun.of("generate", "--model", model, "--measures", "2", "--out", solo, "--no-wav");
        assertEquals(0, run.exitCode(), run.err());
    }

    /** A command line, what is wrong with it, and a text stderr must hold (or null). */
    private record Case(String why, String mustSay, String... args) {
        @Override
        public String toString() {
            return why + " " + Arrays.toString(args);
        }
    }

    private static List<Case> usageErrors() {
        return List.of(
                new Case("unknown option", "--bogus", "generate", "--bogus"),
                new Case("unknown option", "--bogus", "train", "--bogus", "--out", out),
                new Case("unknown option", "--bogus", "info", "--bogus", model),
                new Case("unknown option", "--bogus", "corpus", "--bogus"),
                new Case("unknown option", "--bogus", "render", "--bogus", "--midi", missing, "--wav", out),
                new Case("unknown option", "--bogus", "analyze", "--bogus", out),
                new Case("unknown option", "--bogus", "bench", "--bogus"),
                new Case("unknown command", "dance", "dance"),
                new Case("missing value", "--seed", "generate", "--model", model, "--seed"),
                new Case("missing value", "--epochs", "train", "--epochs"),
                new Case("missing value", "--midi", "corpus", "--midi"),
                new Case("missing value", "--wav", "render", "--midi", missing, "--wav"),
                new Case("missing value", "--model", "analyze", out, "--model"),
                new Case("missing value", "--runs", "bench", "--runs"),
                new Case("missing parameter", "MODEL", "info"),
                new Case("missing parameter", "FILE.mid", "analyze"),
                new Case("missing required option", "--wav", "render", "--midi", missing),
                new Case("conflicting options", "--no-wav", "generate", "--model", model, "--wav", "x.wav", "--no-wav"),
                new Case("conflicting options", "--midi", "generate", "--model", model, "--midi", missing),
                new Case("not a number", "--seed", "generate", "--model", model, "--seed", "seven"),
                new Case("not a number", "--epochs", "train", "--epochs", "many", "--out", out),
                new Case("not a number", "--from", "corpus", "--from", "start"),
                new Case("not a number", "--runs", "bench", "--runs", "1.5"),
                new Case("a number beyond int", "--measures", "generate", "--model", model, "--measures", "99999999999"),
                new Case("too many parameters", "Unmatched argument", "info", model, model));
    }

    private static List<Case> badValues() {
        return List.of(
                new Case("out of range", "--measures", "generate", "--model", model, "--measures", "-4", "--out", out, "--no-wav"),
                new Case("out of range", "--measures", "generate", "--model", model, "--measures", "100000", "--out", out, "--no-wav"),
                new Case("out of range", "top-k", "generate", "--model", model, "--top-k", "0", "--out", out, "--no-wav"),
                new Case("out of range", "top-p", "generate", "--model", model, "--top-p", "0", "--out", out, "--no-wav"),
                new Case("out of range", "epochs", "train", "--epochs", "0", "--out", out),
                new Case("out of range", "epochs", "train", "--epochs", "-3", "--out", out),
                new Case("out of range", "hidden", "train", "--hidden", "0", "--out", out),
                new Case("out of range", "hidden", "train", "--hidden", "1000000", "--out", out),
                new Case("out of range", "layers", "train", "--layers", "0", "--out", out),
                new Case("out of range", "--lr", "train", "--lr", "-0.1", "--out", out),
                new Case("out of range", "batch", "train", "--batch", "0", "--out", out),
                new Case("out of range", "window", "train", "--windows", "0", "--out", out),
                new Case("out of range", "window", "train", "--window-length", "0", "--out", out),
                new Case("out of range", "--from", "corpus", "--from", "-2"),
                new Case("out of range", "--to", "corpus", "--from", "8", "--to", "4"),
                new Case("out of range", "epochs", "bench", "--epochs", "0"),
                new Case("out of range", "runs", "bench", "--runs", "0"),
                new Case("out of range", "hidden", "bench", "--hidden", "-1"),
                new Case("selection without a file", "--midi", "corpus", "--preset", "pat"),
                new Case("unknown preset", "pat", "corpus", "--midi", solo, "--preset", "pat"),
                new Case("unknown part", "Trumpet", "corpus", "--midi", solo, "--melody-track", "Trumpet"),
                new Case("unknown part", "99", "corpus", "--midi", solo, "--chord-track", "99"),
                new Case("unknown backend", "nope", "bench", "--backends", "nope"),
                new Case("folder as input", folder, "generate", "--midi", folder, "--out", out, "--no-wav"),
                new Case("folder as input", folder, "train", "--midi", folder, "--out", out),
                new Case("folder as input", folder, "info", folder),
                new Case("folder as input", folder, "corpus", "--midi", folder),
                new Case("folder as input", folder, "render", "--midi", folder, "--wav", out),
                new Case("folder as input", folder, "analyze", folder),
                new Case("folder as input", folder, "bench", "--midi", folder),
                new Case("folder as output", folder, "train", "--epochs", "1", "--hidden", "4", "--out", folder),
                new Case("folder as output", folder, "generate", "--model", model, "--out", folder, "--no-wav"),
                new Case("folder as output", folder, "render", "--midi", solo, "--wav", folder),
                new Case("missing file", missing, "generate", "--midi", missing, "--out", out, "--no-wav"),
                new Case("missing file", missing, "train", "--midi", missing, "--out", out),
                new Case("missing file", missing, "info", missing),
                new Case("missing file", missing, "corpus", "--midi", missing),
                new Case("missing file", missing, "render", "--midi", missing, "--wav", out),
                new Case("missing file", missing, "analyze", missing),
                new Case("missing file", missing, "bench", "--midi", missing),
                new Case("not MIDI", notMidi, "generate", "--midi", notMidi, "--out", out, "--no-wav"),
                new Case("not MIDI", notMidi, "train", "--midi", notMidi, "--out", out),
                new Case("not MIDI", notMidi, "corpus", "--midi", notMidi),
                new Case("not MIDI", notMidi, "render", "--midi", notMidi, "--wav", out),
                new Case("not MIDI", notMidi, "analyze", notMidi),
                new Case("not MIDI", notMidi, "bench", "--midi", notMidi),
                new Case("not a model", notModel, "info", notModel),
                new Case("not a model", notModel, "generate", "--model", notModel, "--out", out, "--no-wav"),
                new Case("not a model", notModel, "analyze", notMidi, "--model", notModel));
    }

    @Test
    void usageErrorsOfEveryCommandExitTwoWithTheMessageAndTheUsageHint() {
        List<String> problems = new ArrayList<>();
        for (Case c : usageErrors()) {
            CliRun run = CliRun.of(c.args());
            check(c, run, problems);
            if (!run.err().contains("Usage:") && !run.err().contains("--help") && !run.err().contains("Did you mean")) {
                problems.add(c + ": no usage hint in\n" + run.err());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
        assertFalse(Files.exists(Path.of(out)), "a failed command wrote " + out);
    }

    @Test
    void badValuesAndBadFilesOfEveryCommandExitTwoWithAMessageNamingThem() {
        List<String> problems = new ArrayList<>();
        for (Case c : badValues()) {
            check(c, CliRun.of(c.args()), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
        assertFalse(Files.exists(Path.of(out)), "a failed command wrote " + out);
    }

    private static void check(Case c, CliRun run, List<String> problems) {
        String err = run.err();
        if (run.exitCode() != 2) {
            problems.add(c + ": exit " + run.exitCode() + "\n" + err);
        } else if (err.isBlank()) {
            problems.add(c + ": exit 2 without a message");
        } else if (err.contains("\tat ") || err.contains("Exception") || err.contains("internal error")) {
            problems.add(c + ": a stack trace or an exception's name\n" + err);
        } else if (c.mustSay() != null && !err.contains(c.mustSay())) {
            problems.add(c + ": the message does not say '" + c.mustSay() + "'\n" + err);
        }
    }
}
