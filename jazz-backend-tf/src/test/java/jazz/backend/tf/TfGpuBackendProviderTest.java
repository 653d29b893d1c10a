package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jazz.api.spi.Availability;
import jazz.api.spi.BackendProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tf-gpu} names each missing piece, looking only at files (fake ones here). */
class TfGpuBackendProviderTest {

    @TempDir
    Path dir;

    private CudaDriver noDriver() {
        return new CudaDriver(dir.resolve("proc/driver/nvidia"), List.of(dir.resolve("lib")), dir.resolve("ld.so.cache"));
    }

    private CudaDriver driverWithGpu(String model) throws IOException {
        Path proc = dir.resolve("proc/driver/nvidia");
        Files.createDirectories(proc.resolve("gpus/0000:01:00.0"));
        Files.writeString(proc.resolve("gpus/0000:01:00.0/information"),
                "Model: \t\t " + model + "\nIRQ:   \t\t 42\nGPU UUID: \t GPU-1234\n", StandardCharsets.UTF_8);
        return noDriver();
    }

    /** A folder that looks like the GPU plugin folder to a resource lookup. */
    private TensorFlowFiles filesWith(String platform) throws IOException {
        Path root = dir.resolve("plugin-" + platform);
        Files.createDirectories(root.resolve("org/tensorflow"));
        Files.write(root.resolve("org/tensorflow/TensorFlow.class"), new byte[] {0});
        Path jni = root.resolve(TensorFlowFiles.jniLibrary(platform));
        Files.createDirectories(jni.getParent());
        Files.write(jni, new byte[] {0});
        return new TensorFlowFiles(new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null));
    }

    private TensorFlowFiles emptyFolder() {
        return new TensorFlowFiles(new URLClassLoader(new java.net.URL[0], null));
    }

    @Test
    void withNothingInstalledBothTheDriverAndTheGpuBuildAreNamed() {
        Availability a = new TfGpuBackendProvider(noDriver(), emptyFolder()).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("no CUDA driver"), a.reason());
        assertTrue(a.reason().contains("libcuda.so.1"), a.reason());
        assertTrue(a.reason().contains("mvn -Pgpu package"), a.reason());
    }

    @Test
    void theCpuBuildInTheFolderDoesNotCountAsTheGpuBuild() throws IOException {
        Availability a = new TfGpuBackendProvider(driverWithGpu("NVIDIA H100 80GB HBM3"),
                filesWith(TensorFlowFiles.CPU_PLATFORM)).availability();
        assertFalse(a.available());
        assertFalse(a.reason().contains("CUDA driver"), a.reason());
        assertTrue(a.reason().contains(TensorFlowFiles.nativeJar(TensorFlowFiles.GPU_PLATFORM)), a.reason());
    }

    @Test
    void aDriverWithoutAGpuBuildNamesOnlyTheBuild() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.write(lib.resolve("libcuda.so.1"), new byte[] {0});
        TfGpuBackendProvider provider = new TfGpuBackendProvider(noDriver(), emptyFolder());
        assertEquals(1, provider.missing().size(), provider.missing().toString());
        assertTrue(provider.missing().get(0).contains("mvn -Pgpu package"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> provider.create(Map.of()));
        assertTrue(e.getMessage().startsWith("tf-gpu is unavailable: TensorFlow's CUDA build"), e.getMessage());
    }

    @Test
    void aGpuBuildWithoutADriverNamesOnlyTheDriver() throws IOException {
        Availability a = new TfGpuBackendProvider(noDriver(), filesWith(TensorFlowFiles.GPU_PLATFORM)).availability();
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("no CUDA driver: "), a.reason());
        assertFalse(a.reason().contains("-Pgpu"), a.reason());
    }

    @Test
    void withDriverAndGpuBuildItIsAvailableOnTheNamedGpu() throws IOException {
        Availability a = new TfGpuBackendProvider(driverWithGpu("NVIDIA H100 80GB HBM3"),
                filesWith(TensorFlowFiles.GPU_PLATFORM)).availability();
        assertTrue(a.available(), a.reason());
        assertEquals("NVIDIA H100 80GB HBM3", a.device());
    }

    @Test
    void theLinkerCacheCountsAsAPlaceForTheDriver() throws IOException {
        Files.write(dir.resolve("ld.so.cache"), "ld.so-1.7.0\0libcuda.so.1\0/usr/lib/x/libcuda.so.1\0"
                .getBytes(StandardCharsets.ISO_8859_1));
        CudaDriver driver = noDriver();
        assertTrue(driver.present());
        assertTrue(driver.library().orElseThrow().contains("linker cache"));
        assertTrue(driver.describe().startsWith("CUDA GPU 0"), driver.describe());
    }

    @Test
    void inTheDefaultGpuFolderWithoutTensorFlowItLoadsAndSaysWhatIsMissing() throws Exception {
        // The default build's plugins/tf-gpu: this module's classes only. The provider must load,
        // answer and refuse to start without touching a TensorFlow class.
        try (IsolatedPluginLoader loader = new IsolatedPluginLoader(List.of(IsolatedPluginLoader.mainClasses()))) {
            BackendProvider provider = (BackendProvider) loader.loadClass(TfGpuBackendProvider.class.getName())
                    .getConstructor().newInstance();
            assertEquals("tf-gpu", provider.id());
            Availability a = provider.availability();
            assertFalse(a.available());
            assertTrue(a.reason().contains("is not in the GPU plugin folder"), a.reason());
            assertThrows(IllegalStateException.class, () -> provider.create(Map.of()));
        }
    }
}
