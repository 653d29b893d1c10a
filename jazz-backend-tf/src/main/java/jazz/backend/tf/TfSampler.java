package jazz.backend.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jazz.api.Sampler;
import jazz.api.TrainingSet;
import org.tensorflow.Result;

/**
 * Runs a {@link TfModel}'s one-step graph, carrying every layer's h and c in Java arrays from one step
 * to the next. Many samplers share one model; each belongs to one thread.
 */
final class TfSampler implements Sampler {

    private final TfModel model;
    private final float[] state; // every layer's h, then every layer's c

    /**
     * @param model the model to run
     */
    TfSampler(TfModel model) {
        this.model = model;
        this.state = new float[StepGraph.stateSize(model.spec())];
    }

    private TfSampler(TfSampler from) {
        this.model = from.model;
        this.state = from.state.clone();
    }

    @Override
    public float[] step(int input) {
        int v = model.spec().vocabularySize();
        if (input != TrainingSet.NONE && (input < 0 || input >= v)) {
            throw new IllegalArgumentException("token " + input + " is outside the vocabulary of " + v
                    + " tokens (use " + TrainingSet.NONE + " for the zero input)");
        }
        return run(input, false);
    }

    /** Runs one traced step from the zero state, failing unless it ran on the model's device. */
    void checkPlacement() {
        run(TrainingSet.NONE, true);
        reset();
    }

    private float[] run(int input, boolean firstRun) {
        List<AutoCloseable> tensors = new ArrayList<>();
        try {
            StepGraph graph = model.step();
            try (Result result = model.run(graph.runner(model.session(), input, state, tensors), firstRun, "sampling step")) {
                return graph.read(result, state);
            }
        } finally {
            Closing.all(tensors);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(state, 0f);
    }

    @Override
    public Sampler copy() {
        return new TfSampler(this);
    }
}
