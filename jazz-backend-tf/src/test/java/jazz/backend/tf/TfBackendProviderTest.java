package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;
import org.junit.jupiter.api.Test;

/** {@code tf} says whether it can run from what its plugin folder holds, and starts TensorFlow. */
class TfBackendProviderTest {

    @Test
    void isAvailableWhereTensorFlowAndItsCpuNativesAreVisible() {
        Availability a = new TfBackendProvider().availability();
        assertTrue(a.available(), a.reason());
        assertTrue(a.device().startsWith("CPU"), a.device());
    }

    @Test
    void aPluginFolderWithoutTensorFlowIsUnavailableWithTheReasonAndWithoutThrowing() throws Exception {
        try (IsolatedPluginLoader loader = new IsolatedPluginLoader(List.of(IsolatedPluginLoader.mainClasses()))) {
            BackendProvider provider = (BackendProvider) loader.loadClass(TfBackendProvider.class.getName())
                    .getConstructor().newInstance();
            Availability a = provider.availability();
            assertFalse(a.available());
            assertTrue(a.reason().contains("tensorflow-core-api is missing"), a.reason());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> provider.create(Map.of()));
            assertTrue(e.getMessage().contains("tensorflow-core-api is missing"), e.getMessage());
        }
    }

    @Test
    void startsTensorFlowWithTheThreadSettingsAndRejectsBadOnes() {
        try (Backend backend = new TfBackendProvider().create(Map.of(ThreadSettings.INTRA_OP, "1",
                ThreadSettings.INTER_OP, "2", "unknown-key", "ignored"))) {
            assertEquals("tf", backend.id());
            assertTrue(backend.engineVersion().startsWith("TensorFlow 2."), backend.engineVersion());
            assertTrue(backend.device().contains("1 intra-op / 2 inter-op threads"), backend.device());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new TfBackendProvider().create(Map.of(ThreadSettings.INTRA_OP, "many")));
        assertThrows(IllegalArgumentException.class,
                () -> new TfBackendProvider().create(Map.of(ThreadSettings.INTER_OP, "-1")));
    }

    @Test
    void onlyLinuxOnX86IsSupported() {
        assertTrue(TensorFlowFiles.unsupportedPlatform("Linux", "amd64").isEmpty());
        assertTrue(TensorFlowFiles.unsupportedPlatform("Mac OS X", "aarch64").orElseThrow().contains("Mac OS X aarch64"));
        assertTrue(TensorFlowFiles.unsupportedPlatform("Linux", "aarch64").isPresent());
    }
}
