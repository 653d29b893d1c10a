package jazz.backend.simd;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Backend;

/** The started native backend (issue 4 fills in the model). */
final class NativeBackend implements Backend {

    NativeBackend(Map<String, String> options) {
    }

    @Override
    public String id() {
        return NativeBackendProvider.ID;
    }

    @Override
    public String device() {
        return VectorInfo.describe();
    }

    @Override
    public String engineVersion() {
        return "jazz Vector API LSTM on Java " + Runtime.version();
    }

    @Override
    public SequenceModel load(CanonicalWeights weights) {
        throw new UnsupportedOperationException("the native LSTM is not built yet");
    }
}
