package jazz.backend.dl4j;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/** Provides {@code dl4j}: deeplearning4j on ND4J's native CPU backend. */
public final class Dl4jBackendProvider implements BackendProvider {

    /** Creates the provider; cheap, loads no native code. */
    public Dl4jBackendProvider() {
    }

    @Override
    public String id() {
        return "dl4j";
    }

    @Override
    public String description() {
        return "deeplearning4j 1.0.0-M2.1 on ND4J native (CPU)";
    }

    @Override
    public Availability availability() {
        if (getClass().getClassLoader().getResource("org/nd4j/linalg/factory/Nd4j.class") == null) {
            return Availability.unavailable("nd4j-api is missing from the plugin folder");
        }
        return Availability.unavailable("the DL4J model is not implemented yet (issue 6)");
    }

    @Override
    public Backend create(Map<String, String> options) {
        return new Backend() {
            @Override
            public String id() {
                return "dl4j";
            }

            @Override
            public String device() {
                return "CPU";
            }

            @Override
            public String engineVersion() {
                return "ND4J " + org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
            }

            @Override
            public SequenceModel load(CanonicalWeights weights) {
                throw new UnsupportedOperationException("the DL4J model is not implemented yet (issue 6)");
            }
        };
    }
}
