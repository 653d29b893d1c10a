package jazz.api.spi;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SequenceModel;

/** A started backend engine: it creates models and loads canonical weights. */
public interface Backend extends AutoCloseable {

    /** @return the backend id, e.g. {@code native} */
    String id();

    /** @return what it computes on, e.g. "CPU (Vector API, 512-bit)" */
    String device();

    /** @return the engine and its version, e.g. "TensorFlow 2.16.2" */
    String engineVersion();

    /**
     * A model with weights to load.
     *
     * @param weights canonical weights; the model's spec is theirs
     * @return the model
     */
    SequenceModel load(CanonicalWeights weights);

    /**
     * A fresh model initialised as Keras does, from a seed ({@link CanonicalWeights#initialize}).
     *
     * @param spec the model's shape
     * @param seed the initialisation seed
     * @return the model
     */
    default SequenceModel create(ModelSpec spec, long seed) {
        return load(CanonicalWeights.initialize(spec, seed));
    }

    /** Releases the engine; models already made may stop working. The default holds nothing. */
    @Override
    default void close() {
    }
}
