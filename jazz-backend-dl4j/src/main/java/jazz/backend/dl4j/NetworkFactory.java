package jazz.backend.dl4j;

import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Builds the notebook's model as a DL4J {@link MultiLayerNetwork}: {@code layers} LSTM layers (tanh
 * cell and output activations, sigmoid gates, no peepholes: Keras's LSTM) and an {@link RnnOutputLayer},
 * which is Dense(V) + softmax applied at every step with the multi-class cross-entropy. DL4J sums that
 * loss over the unmasked steps and divides by the number of sequences, which is our loss.
 */
final class NetworkFactory {

    private final ModelSpec spec;
    private final WorkspaceMode workspaces;

    /**
     * @param spec the model's shape
     * @param workspaces DL4J's workspace mode for training and inference
     */
    NetworkFactory(ModelSpec spec, WorkspaceMode workspaces) {
        this.spec = spec;
        this.workspaces = workspaces;
    }

    /** @return a network that owns fresh (to be overwritten) parameters and never updates them */
    MultiLayerNetwork inferenceNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(new NoOp()));
        network.init();
        return network;
    }

    /**
     * A network that trains the given parameters in place, with Keras's Adam and time-based decay.
     *
     * @param parameters the flattened parameters of another network of this factory, shared (not copied)
     * @param config the training set-up
     * @return the network; its updater state starts at zero
     */
    MultiLayerNetwork trainingNetwork(INDArray parameters, TrainingConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(adam(config)));
        network.init(parameters, false);
        return network;
    }

    /**
     * Adam whose step size follows Keras's time-based decay. {@code InverseSchedule} gives
     * {@code lr / (1 + gamma · iteration)^power}, with DL4J's iteration counted from 0 over minibatch
     * updates: with power 1 that is {@code lr / (1 + decay · iteration)}.
     *
     * @param config the training set-up
     * @return the updater
     */
    static IUpdater adam(TrainingConfig config) {
        Adam adam = new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
        adam.setLearningRateSchedule(new InverseSchedule(ScheduleType.ITERATION, config.learningRate(), config.decay(), 1));
        return adam;
    }

    private MultiLayerConfiguration configuration(IUpdater updater) {
        int n = spec.hiddenSize();
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.ZERO)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .cacheMode(CacheMode.NONE)
                .list();
        for (int l = 0; l < spec.layers(); l++) {
            layers.layer(new LSTM.Builder()
                    .nIn(spec.inputSize(l))
                    .nOut(n)
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .build());
        }
        layers.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .nIn(n)
                .nOut(spec.vocabularySize())
                .build());
        return layers.backpropType(BackpropType.Standard).build();
    }
}
