package jazz.backend.dl4j;

import java.util.Map;

import jazz.api.spi.Backend;
import jazz.api.testing.BackendContract;

/** The contract every backend meets, run on {@code dl4j} against the double-precision reference. */
class Dl4jBackendContractTest extends BackendContract {

    @Override
    protected Backend startBackend() {
        return new Dl4jBackendProvider().create(Map.of());
    }
}
