package jazz.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jazz.api.Backends;

/** The image's backends and the shared test data, for the tests that run every backend together. */
final class ImageBackends {

    /** The backends every build must be able to run here. */
    static final List<String> CPU_BACKENDS = List.of("native", "dl4j", "tf");

    private static Backends backends;

    private ImageBackends() {
    }

    static synchronized Backends discover() {
        if (backends == null) {
            backends = Backends.discover(List.of(PluginIsolationTest.pluginFolder()));
        }
        return backends;
    }

    static Path metheny() {
        Path shared = Path.of(System.getProperty("jazz.shared.dir", "../../shared"));
        Path file = shared.resolve("data/original_metheny.mid");
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent (the shared data folder is not beside the checkout)");
        return file;
    }
}
