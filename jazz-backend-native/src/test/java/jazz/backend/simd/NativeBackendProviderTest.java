package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

class NativeBackendProviderTest {

    @Test
    void isDiscoveredAsAServiceAndAvailableWithTheVectorModule() {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(NativeBackendProvider.ID))
                .findFirst().orElseThrow();
        assertTrue(provider.availability().available(), provider.availability().reason());
        assertTrue(provider.availability().device().contains("bit vectors"), provider.availability().device());
        try (Backend backend = provider.create(Map.of())) {
            assertEquals(NativeBackendProvider.ID, backend.id());
            assertTrue(backend.device().contains("training thread"), backend.device());
        }
    }
}
