package jazz.backend.dl4j;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Backend;

/** The started {@code dl4j} backend: ND4J is loaded and set up; it loads models. */
final class Dl4jBackend implements Backend {

    private final EngineSettings settings;
    private final String device;

    /**
     * @param settings the engine settings
     * @param device what ND4J reported at start-up
     */
    Dl4jBackend(EngineSettings settings, String device) {
        this.settings = settings;
        this.device = device;
    }

    @Override
    public String id() {
        return Dl4jBackendProvider.ID;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String engineVersion() {
        return "deeplearning4j " + Dl4jBackendProvider.dl4jVersion() + " (" + device + ")";
    }

    @Override
    public SequenceModel load(CanonicalWeights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        return new Dl4jModel(weights, new NetworkFactory(weights.spec(), settings.workspaces()));
    }
}
