package jazz.backend.simd;

import java.util.Map;

import jazz.api.spi.Backend;
import jazz.api.testing.BackendContract;

/** The shared backend contract, run on the native backend. */
class NativeBackendContractTest extends BackendContract {

    @Override
    protected Backend startBackend() {
        return new NativeBackendProvider().create(Map.of());
    }
}
