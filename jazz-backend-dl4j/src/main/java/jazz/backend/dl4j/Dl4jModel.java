package jazz.backend.dl4j;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The model on DL4J. One flattened parameter array holds the weights; the inference network and every
 * trainer's network are views of it, so training through any trainer changes what the samplers and
 * {@link #weights()} see, and each trainer keeps its own Adam state.
 */
final class Dl4jModel implements SequenceModel {

    private final ModelSpec spec;
    private final NetworkFactory factory;
    private final MultiLayerNetwork network;
    /** Guards the inference network's layers, whose recurrent state samplers swap in and out. */
    private final Object lock = new Object();

    /**
     * @param weights the starting weights
     * @param factory builds networks of the weights' spec
     */
    Dl4jModel(CanonicalWeights weights, NetworkFactory factory) {
        this.spec = weights.spec();
        this.factory = factory;
        this.network = PluginContext.call(() -> {
            MultiLayerNetwork built = factory.inferenceNetwork();
            WeightLayout.write(weights, built);
            return built;
        });
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String backendId() {
        return Dl4jBackendProvider.ID;
    }

    @Override
    public CanonicalWeights weights() {
        synchronized (lock) {
            return PluginContext.call(() -> WeightLayout.read(spec, network));
        }
    }

    @Override
    public void setWeights(CanonicalWeights weights) {
        if (!spec.equals(weights.spec())) {
            throw new IllegalArgumentException("the weights are for " + weights.spec() + " but this model is " + spec);
        }
        synchronized (lock) {
            PluginContext.run(() -> WeightLayout.write(weights, network));
        }
    }

    @Override
    public Trainer trainer(TrainingConfig config) {
        MultiLayerNetwork training = PluginContext.call(() -> factory.trainingNetwork(network.params(), config));
        return new Dl4jTrainer(spec, training, config);
    }

    @Override
    public Sampler sampler() {
        return new Dl4jSampler(this, null);
    }

    /** @return the network the samplers run, parameters shared with every trainer */
    MultiLayerNetwork inferenceNetwork() {
        return network;
    }

    /** @return the lock a sampler holds while it runs the inference network */
    Object lock() {
        return lock;
    }

    @Override
    public void close() {
        PluginContext.run(network::close);
    }
}
