package jazz.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.TrainingSet;
import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import org.junit.jupiter.api.Test;

class Dl4jBackendProviderTest {

    @Test
    void isAvailableWhenNd4jAndItsLinuxNativesAreOnItsClassPath() {
        Availability availability = new Dl4jBackendProvider().availability();
        assertTrue(availability.available(), "unavailable: " + availability.reason());
        assertNull(availability.reason());
    }

    @Test
    void isUnavailableWithTheMissingJarNamedWhenLoadedWithoutNd4j() throws Exception {
        URL pluginClasses = Dl4jBackendProvider.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader api = jazz.api.spi.BackendProvider.class.getClassLoader();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {pluginClasses}, api) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("jazz.backend.dl4j.")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> found = findLoadedClass(name);
                        return found != null ? found : findClass(name);
                    }
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return name.startsWith("org/") ? null : super.getResource(name);
            }
        }) {
            Object provider = alone.loadClass(Dl4jBackendProvider.class.getName()).getConstructor().newInstance();
            Availability availability = ((jazz.api.spi.BackendProvider) provider).availability();
            assertTrue(!availability.available() && availability.reason().contains("nd4j-api is missing"),
                    String.valueOf(availability));
        }
    }

    @Test
    void isUnavailableWithTheFixNamedWhenTheJvmLacksJdkUnsupported() {
        Availability availability = Dl4jBackendProvider.availability("Linux", "amd64",
                module -> !module.equals("jdk.unsupported"), Dl4jBackendProvider.class.getClassLoader());
        assertTrue(!availability.available() && availability.reason().contains("--add-modules jdk.unsupported"),
                String.valueOf(availability));
    }

    @Test
    void isUnavailableOutsideLinuxX8664() {
        Availability availability = Dl4jBackendProvider.availability("Mac OS X", "aarch64", module -> true,
                Dl4jBackendProvider.class.getClassLoader());
        assertTrue(!availability.available() && availability.reason().contains("linux-x86_64 only"),
                String.valueOf(availability));
    }

    @Test
    void describesItselfWithTheDl4jVersionAndBlasWithoutStartingNd4j() {
        Dl4jBackendProvider provider = new Dl4jBackendProvider();
        assertEquals("dl4j", provider.id());
        assertEquals("deeplearning4j 1.0.0-M2.1 on ND4J nd4j-native (CPU, OpenBLAS)", provider.description());
    }

    @Test
    void aStartedBackendNamesNd4jsBackendBlasAndThreads() {
        Backend backend = new Dl4jBackendProvider().create(Map.of());
        assertEquals("dl4j", backend.id());
        assertTrue(backend.device().startsWith("CPU, ND4J CpuBackend, OPENBLAS, "), backend.device());
        assertEquals("deeplearning4j 1.0.0-M2.1 (" + backend.device() + ")", backend.engineVersion());
    }

    @Test
    void callsLeaveTheCallersContextClassLoaderInPlace() {
        ClassLoader mine = new URLClassLoader(new URL[0], null);
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(mine);
        try {
            Backend backend = new Dl4jBackendProvider().create(Map.of());
            try (SequenceModel model = backend.create(new ModelSpec(6, 4, 1), 3)) {
                model.logits(new int[] {TrainingSet.NONE, 2});
                model.weights();
            }
            assertSame(mine, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void unreadableOptionsAreRejectedWithTheirName() {
        Dl4jBackendProvider provider = new Dl4jBackendProvider();
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("threads", "many")));
        assertTrue(threads.getMessage().contains("threads"), threads.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider.create(Map.of("threads", "0")));
        assertThrows(IllegalArgumentException.class, () -> provider.create(Map.of("workspaces", "sometimes")));
    }
}
