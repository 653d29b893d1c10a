package jazz.backend.simd;

import java.util.Map;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/**
 * Provides the {@code native} backend. Holds no Vector API type, so it loads (and says why it is
 * unavailable) in a JVM started without {@code jdk.incubator.vector}.
 */
public final class NativeBackendProvider implements BackendProvider {

    /** The backend id. */
    public static final String ID = "native";

    /** Creates the provider; cheap. */
    public NativeBackendProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "hand-written LSTM on the Vector API (pure Java)";
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Availability.unavailable("start the JVM with --add-modules jdk.incubator.vector");
        }
        return Availability.available(VectorInfo.describe());
    }

    @Override
    public Backend create(Map<String, String> options) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("start the JVM with --add-modules jdk.incubator.vector");
        }
        return new NativeBackend(options);
    }
}
