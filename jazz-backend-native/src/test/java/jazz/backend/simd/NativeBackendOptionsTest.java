package jazz.backend.simd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The backend options that are not about threads: the kernel warm-up. */
class NativeBackendOptionsTest {

    @Test
    void theOptionTakesOnOrOff() {
        new NativeBackend(Map.of(NativeBackend.WARMUP, "off"));
        new NativeBackend(Map.of(NativeBackend.WARMUP, "on"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NativeBackend(Map.of(NativeBackend.WARMUP, "maybe")));
        assertTrue(e.getMessage().contains("warmup must be on or off"), e.getMessage());
    }
}
