package jazz.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jazz.api.BackendEntry;
import jazz.api.Backends;
import jazz.api.spi.Backend;
import org.junit.jupiter.api.Test;

/**
 * The design rests on this: DL4J (JavaCPP 1.5.7) and TensorFlow Java (JavaCPP 1.5.11) cannot share a
 * class path, so each plugin folder of the image gets a class loader of its own, and both engines
 * start and answer in one JVM.
 */
class PluginIsolationTest {

    static Path pluginFolder() {
        Path image = Path.of(System.getProperty("jazz.image", "target/jazz"));
        Path plugins = image.resolve("plugins");
        assertTrue(Files.isDirectory(plugins.resolve("dl4j")) && Files.isDirectory(plugins.resolve("tf")),
                "the image's plugin folders are missing under " + plugins);
        return plugins;
    }

    @Test
    void dl4jAndTensorFlowStartInOneJvmEachInItsOwnClassLoader() {
        Backends backends = Backends.discover(List.of(pluginFolder()));
        BackendEntry dl4j = backends.require("dl4j");
        BackendEntry tf = backends.require("tf");
        assertNotSame(dl4j.provider().getClass().getClassLoader(), tf.provider().getClass().getClassLoader());
        try (Backend a = backends.open("dl4j", Map.of()); Backend b = backends.open("tf", Map.of())) {
            String nd4j = a.engineVersion();
            String tensorflow = b.engineVersion();
            assertTrue(nd4j.contains("ND4J") || nd4j.contains("Nd4j") || nd4j.contains("CpuBackend"), nd4j);
            assertTrue(tensorflow.matches("(?s).*TensorFlow.*\\d+\\.\\d+.*"), tensorflow);
        }
    }

    @Test
    void theImageListsEveryFirstPartyBackendOnce() {
        Backends backends = Backends.discover(List.of(pluginFolder()));
        for (String id : Backends.FIRST_PARTY) {
            assertEquals(1, backends.entries().stream().filter(e -> e.id().equals(id)).count(), id);
        }
        assertTrue(backends.require("native").isAvailable());
    }
}
