package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;
import jazz.api.testing.ReferenceLstm;
import org.junit.jupiter.api.Test;

/**
 * {@code tf-gpu} on a real GPU. It skips only where this machine has no CUDA driver; with a driver, the
 * GPU plugin folder ({@code mvn -Pgpu}) must be built, or the test fails saying so. Runs in a JVM of its
 * own (see the pom): TensorFlow's CUDA build cannot share a process with the CPU build the other tests
 * load. The provider is loaded from the GPU folder's jars in an isolated class loader, as the core
 * loads {@code plugins/tf-gpu}.
 */
class TfGpuBackendTest {

    @Test
    void trainsAndSamplesOnTheGpuLikeTheReference() throws Exception {
        CudaDriver driver = CudaDriver.system();
        assumeTrue(driver.present(), "skipped: no CUDA driver on this machine (" + driver.absence() + ")");
        Path folder = Path.of(System.getProperty("jazz.tf.gpu.folder", "target/plugin/tf-gpu"));
        List<Path> entries = new ArrayList<>();
        entries.add(IsolatedPluginLoader.mainClasses());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> jars = Files.list(folder)) {
                jars.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("jazz-"))
                        .sorted().forEach(entries::add);
            }
        }
        try (IsolatedPluginLoader loader = new IsolatedPluginLoader(entries)) {
            BackendProvider provider = (BackendProvider) loader.loadClass(TfGpuBackendProvider.class.getName())
                    .getConstructor().newInstance();
            Availability availability = provider.availability();
            assertTrue(availability.available(), "a CUDA driver is present but tf-gpu is unavailable: "
                    + availability.reason());
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try (Backend backend = provider.create(Map.of())) {
                assertEquals(availability.device(), backend.device());
                trainOnTheGpu(backend);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    private static void trainOnTheGpu(Backend backend) throws IOException {
        ModelSpec spec = new ModelSpec(20, 16, 2);
        CanonicalWeights start = CanonicalWeights.initialize(spec, 3);
        TrainingSet data = SyntheticCorpus.of(20, 100, 12, 10, 4);
        TrainingConfig config = new TrainingConfig(2, 5, 0.01, 0.01, 0.9, 0.999, 1e-7, 9);
        ReferenceLstm reference = new ReferenceLstm(start);
        ReferenceLstm.Adam adam = reference.new Adam(config);
        int[] probe = {TrainingSet.NONE, 3, 7, 1};
        try (SequenceModel m = backend.load(start)) {
            double[][] expected = reference.logits(probe);
            float[][] actual = m.logits(probe);
            for (int t = 0; t < probe.length; t++) {
                for (int v = 0; v < spec.vocabularySize(); v++) {
                    assertEquals(expected[t][v], actual[t][v], 1e-4, "GPU logits, step " + t);
                }
            }
            var trainer = m.trainer(config);
            for (int e = 0; e < config.epochs(); e++) {
                double ref = adam.epoch(data);
                double gpu = trainer.epoch(data);
                System.out.printf(Locale.ROOT, "tf-gpu on %s: epoch %d loss %.5f (reference %.5f)%n", backend.device(),
                        e + 1, gpu, ref);
                assertEquals(ref, gpu, 1e-4 * ref);
            }
        }
    }
}
