package jazz.music;

import java.util.SplittableRandom;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;

/**
 * A test model whose logits are a fixed pseudo-random function of the step and the last input, so
 * sampling is reproducible without a real backend. It cannot train.
 */
final class FixedLogitsModel implements SequenceModel {

    private final ModelSpec spec;
    private final long seed;

    FixedLogitsModel(int vocabularySize, long seed) {
        this.spec = ModelSpec.notebook(vocabularySize);
        this.seed = seed;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String backendId() {
        return "test-fixed";
    }

    @Override
    public CanonicalWeights weights() {
        return CanonicalWeights.initialize(spec, seed);
    }

    @Override
    public void setWeights(CanonicalWeights weights) {
        throw new UnsupportedOperationException("the test model has fixed logits");
    }

    @Override
    public Trainer trainer(TrainingConfig config) {
        throw new UnsupportedOperationException("the test model cannot train");
    }

    @Override
    public Sampler sampler() {
        return new StepSampler(0);
    }

    private final class StepSampler implements Sampler {
        private int step;

        StepSampler(int step) {
            this.step = step;
        }

        @Override
        public float[] step(int input) {
            SplittableRandom random = new SplittableRandom(seed * 31 + step * 1009L + input);
            step++;
            float[] logits = new float[spec.vocabularySize()];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (3 * random.nextDouble());
            }
            return logits;
        }

        @Override
        public void reset() {
            step = 0;
        }

        @Override
        public Sampler copy() {
            return new StepSampler(step);
        }
    }
}
