package jazz.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the launcher runs, once per JDK and image build, while the JVM writes the classes it loaded into
 * a class-data sharing archive ({@code -XX:ArchiveClassesAtExit}): the everyday commands on small inputs,
 * so that later runs of any of them map those classes from the archive instead of loading and verifying
 * them from the jars. Its files go to a temporary folder that it removes; what the commands print is the
 * launcher's to discard.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /**
     * Runs the commands; their exit codes are not checked (a failing command loads its classes too).
     *
     * @param args ignored
     * @throws IOException when the temporary folder cannot be made or emptied
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("jazz-startup-");
        try {
            for (String[] command : commands(dir)) {
                Main.run(command);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * @param dir the folder for the files the commands write
     * @return the commands, in order: each may read what an earlier one wrote
     */
    static List<String[]> commands(Path dir) {
        String model = dir.resolve("model.jazz").toString();
        String solo = dir.resolve("solo.mid").toString();
        // A small network: the classes are those of a full run, the arithmetic is not.
        List<String> small = List.of("--epochs", "1", "--hidden", "8", "--windows", "4", "--batch", "4");
        return List.of(
                new String[] {"--help"},
                concat(List.of("--backend=native", "train", "--out", model), small),
                new String[] {"--backend=native", "generate", "--model", model, "--measures", "16", "--seed", "1",
                        "--no-wav", "--out", solo},
                new String[] {"corpus", "--midi", solo},
                concat(List.of("--backend=native", "train", "--midi", solo, "--window-length", "8", "--out",
                        dir.resolve("solo.jazz").toString()), small),
                new String[] {"info", model},
                new String[] {"analyze", solo});
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }
}
