package jazz.backend.tf;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/** Provides {@code tf}: TensorFlow Java on the CPU. */
public final class TfBackendProvider implements BackendProvider {

    /** Creates the provider; cheap, loads no native code. */
    public TfBackendProvider() {
    }

    @Override
    public String id() {
        return "tf";
    }

    @Override
    public String description() {
        return "TensorFlow Java 1.1.0 on the CPU";
    }

    @Override
    public Availability availability() {
        if (getClass().getClassLoader().getResource("org/tensorflow/TensorFlow.class") == null) {
            return Availability.unavailable("tensorflow-core-api is missing from the plugin folder");
        }
        return Availability.unavailable("the TensorFlow model is not implemented yet (issue 7)");
    }

    @Override
    public Backend create(Map<String, String> options) {
        return new Backend() {
            @Override
            public String id() {
                return "tf";
            }

            @Override
            public String device() {
                return "CPU";
            }

            @Override
            public String engineVersion() {
                return "TensorFlow " + org.tensorflow.TensorFlow.version();
            }

            @Override
            public SequenceModel load(CanonicalWeights weights) {
                throw new UnsupportedOperationException("the TensorFlow model is not implemented yet (issue 7)");
            }
        };
    }
}
