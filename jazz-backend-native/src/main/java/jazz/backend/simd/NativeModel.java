package jazz.backend.simd;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;

/**
 * A model held by the native backend: its weights in the native layout (copied in from the canonical
 * weights, so the caller's arrays stay its own), trained and sampled in place.
 */
final class NativeModel implements SequenceModel {

    private final Parameters parameters;
    private final int threads;

    NativeModel(CanonicalWeights weights, int threads) {
        this.parameters = new Parameters(new ParameterLayout(weights.spec()));
        this.threads = threads;
        parameters.importFrom(weights);
    }

    @Override
    public ModelSpec spec() {
        return parameters.layout.spec;
    }

    @Override
    public String backendId() {
        return NativeBackendProvider.ID;
    }

    @Override
    public CanonicalWeights weights() {
        return parameters.export();
    }

    @Override
    public void setWeights(CanonicalWeights weights) {
        parameters.importFrom(weights);
    }

    @Override
    public Trainer trainer(TrainingConfig config) {
        return new NativeTrainer(parameters, config, threads);
    }

    @Override
    public Sampler sampler() {
        return new NativeSampler(parameters);
    }
}
