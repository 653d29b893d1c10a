package jazz.backend.dl4j;


import jazz.api.ModelSpec;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains a {@link Dl4jModel} with DL4J's {@code fit}: one Adam update per minibatch, the minibatches in
 * {@link TrainingSet#epochOrder} order. DL4J's score after {@code fit} is the loss of the forward pass
 * before the update, which is what Keras reports.
 */
final class Dl4jTrainer implements Trainer {

    private final ModelSpec spec;
    private final MultiLayerNetwork network;
    private final TrainingConfig config;
    private int epochs;

    /**
     * @param spec the model's shape
     * @param network a training network whose parameters are the model's
     * @param config the training set-up
     */
    Dl4jTrainer(ModelSpec spec, MultiLayerNetwork network, TrainingConfig config) {
        this.spec = spec;
        this.network = network;
        this.config = config;
    }

    @Override
    public double epoch(TrainingSet data) {
        data.checkFits(spec.vocabularySize());
        int[][] batches = data.minibatches(config.seed(), epochs, config.batchSize());
        double sum = PluginContext.call(() -> {
            double total = 0;
            for (int[] batch : batches) {
                network.fit(SequenceBatch.of(data, batch, spec.vocabularySize()));
                total += network.score() * batch.length;
            }
            return total;
        });
        epochs++;
        return sum / data.count();
    }

    @Override
    public int epochsDone() {
        return epochs;
    }

    @Override
    public TrainingConfig config() {
        return config;
    }
}
