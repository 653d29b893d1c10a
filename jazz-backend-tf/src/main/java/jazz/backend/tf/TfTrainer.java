package jazz.backend.tf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Trains a {@link TfModel}: one session run per minibatch computes the loss, the gradients and the
 * Adam update together. Keeps the Adam moments (in the graph) and the iteration count from one epoch
 * to the next.
 */
final class TfTrainer implements Trainer {

    private final TfModel model;
    private final TrainingConfig config;
    private final AdamSlots slots;
    private final Map<Integer, Training> byLength = new HashMap<>();
    private long iterations;
    private int epochs;

    /**
     * @param model the model to train
     * @param config the training set-up
     * @param slots this trainer's Adam moments, zeroed
     */
    TfTrainer(TfModel model, TrainingConfig config, AdamSlots slots) {
        this.model = model;
        this.config = config;
        this.slots = slots;
    }

    @Override
    public double epoch(TrainingSet data) {
        data.checkFits(model.spec().vocabularySize());
        Training training = byLength.computeIfAbsent(data.length(), this::training);
        double sum = 0;
        for (int[] batch : data.minibatches(config.seed(), epochs, config.batchSize())) {
            sum += step(training, data, batch) * batch.length;
        }
        epochs++;
        return sum / data.count();
    }

    private Training training(int length) {
        UnrolledGraph graph = model.unrolled(length);
        return new Training(graph, slots.updateFor(graph));
    }

    private double step(Training training, TrainingSet data, int[] batch) {
        int length = data.length();
        int size = batch.length;
        int[] inputs = new int[length * size];
        int[] targets = new int[length * size];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < length; t++) {
                inputs[t * size + b] = data.input(batch[b], t);
                targets[t * size + b] = data.target(batch[b], t);
            }
        }
        long t = iterations + 1;
        Shape shape = Shape.of(length, size);
        UnrolledGraph graph = training.graph();
        AdamSlots.Update update = training.update();
        List<AutoCloseable> tensors = new ArrayList<>();
        try {
            Session.Runner runner = model.session().runner()
                    .feed(graph.inputs(), add(tensors, TensorData.ints(inputs, shape)))
                    .feed(graph.targets(), add(tensors, TensorData.ints(targets, shape)))
                    .feed(graph.sequences(), add(tensors, TensorData.floats(new float[] {size}, Shape.scalar())))
                    .feed(update.learningRate(), add(tensors, scalar(config.learningRateAt(iterations))))
                    .feed(update.beta1Power(), add(tensors, scalar(Math.pow(config.beta1(), t))))
                    .feed(update.beta2Power(), add(tensors, scalar(Math.pow(config.beta2(), t))))
                    .fetch(graph.loss())
                    .addTarget(update.apply());
            try (Result result = model.run(runner, training.firstRun(), "training graph")) {
                training.ran();
                iterations = t;
                return TensorData.scalar(result.get(0));
            }
        } finally {
            Closing.all(tensors);
        }
    }

    private static TFloat32 scalar(double value) {
        return TensorData.floats(new float[] {(float) value}, Shape.scalar());
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> tensors, T tensor) {
        tensors.add(tensor);
        return tensor;
    }

    @Override
    public int epochsDone() {
        return epochs;
    }

    @Override
    public TrainingConfig config() {
        return config;
    }

    /** A training graph with this trainer's update for it, and whether it has run yet. */
    private static final class Training {
        private final UnrolledGraph graph;
        private final AdamSlots.Update update;
        private boolean ran;

        Training(UnrolledGraph graph, AdamSlots.Update update) {
            this.graph = graph;
            this.update = update;
        }

        UnrolledGraph graph() {
            return graph;
        }

        AdamSlots.Update update() {
            return update;
        }

        /** @return true before the first run, which on the GPU is traced and checked */
        boolean firstRun() {
            return !ran;
        }

        void ran() {
            ran = true;
        }
    }
}
