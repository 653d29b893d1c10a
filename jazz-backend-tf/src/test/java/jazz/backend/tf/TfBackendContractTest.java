package jazz.backend.tf;

import java.util.Map;

import jazz.api.spi.Backend;
import jazz.api.testing.BackendContract;

/** {@code tf} keeps the contract every backend keeps, checked against the reference LSTM. */
class TfBackendContractTest extends BackendContract {

    @Override
    protected Backend startBackend() {
        return new TfBackendProvider().create(Map.of());
    }
}
