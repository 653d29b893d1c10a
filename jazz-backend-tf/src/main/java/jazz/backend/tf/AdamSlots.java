package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.TrainingConfig;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.NoOp;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One trainer's Adam state: the first and second moments of every weight, as variables beside the
 * weights, and the update step built for each training graph. The update is TensorFlow's own
 * {@code ApplyAdam} kernel, which is Keras's Adam: with {@code t} counted from 1,
 * {@code lr_t = lr · sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m = beta1 m + (1 - beta1) g},
 * {@code v = beta2 v + (1 - beta2) g²}, {@code w -= lr_t · m / (sqrt(v) + epsilon)}. The decayed
 * learning rate and both beta powers are fed at every step.
 */
final class AdamSlots {

    private final Ops tf;
    private final WeightVariables weights;
    private final TrainingConfig config;
    private final List<Variable<TFloat32>> m = new ArrayList<>();
    private final List<Variable<TFloat32>> v = new ArrayList<>();
    private final NoOp reset;

    /**
     * Adds zeroed moments for every weight.
     *
     * @param tf where the variables go (a scope of the trainer's own)
     * @param weights the model's variables
     * @param config the training set-up
     */
    AdamSlots(Ops tf, WeightVariables weights, TrainingConfig config) {
        this.tf = tf;
        this.weights = weights;
        this.config = config;
        List<Op> zeroing = new ArrayList<>();
        for (Shape shape : weights.shapes()) {
            Variable<TFloat32> first = tf.variable(shape, TFloat32.class);
            Variable<TFloat32> second = tf.variable(shape, TFloat32.class);
            m.add(first);
            v.add(second);
            zeroing.add(tf.assign(first, tf.zeros(tf.constant(shape), TFloat32.class)));
            zeroing.add(tf.assign(second, tf.zeros(tf.constant(shape), TFloat32.class)));
        }
        reset = tf.withControlDependencies(zeroing).noOp();
    }

    /**
     * Sets every moment to zero.
     *
     * @param session the model's session
     */
    void reset(Session session) {
        session.runner().addTarget(reset).run().close();
    }

    /**
     * Builds the update for one training graph.
     *
     * @param graph the training graph whose gradients drive the update
     * @return the update
     */
    Update updateFor(UnrolledGraph graph) {
        Ops scope = tf.withSubScope("adam" + graph.length());
        Placeholder<TFloat32> learningRate = scope.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Placeholder<TFloat32> beta1Power = scope.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Placeholder<TFloat32> beta2Power = scope.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        // The weights are updated in place, while other kernels may still be reading them: no update
        // starts before the loss and every gradient are computed.
        List<Op> computed = new ArrayList<>();
        computed.add(graph.loss());
        for (Output<TFloat32> gradient : graph.gradients()) {
            computed.add(gradient::op);
        }
        Ops after = scope.withControlDependencies(scope.withControlDependencies(computed).noOp());
        List<Op> applied = new ArrayList<>();
        for (int g = 0; g < m.size(); g++) {
            applied.add(after.train.applyAdam(weights.variables().get(g), m.get(g), v.get(g), beta1Power, beta2Power,
                    learningRate, after.constant((float) config.beta1()), after.constant((float) config.beta2()),
                    after.constant((float) config.epsilon()), graph.gradients().get(g)));
        }
        return new Update(learningRate, beta1Power, beta2Power, scope.withControlDependencies(applied).noOp());
    }

    /**
     * The Adam step of one training graph.
     *
     * @param learningRate the decayed learning rate to feed
     * @param beta1Power {@code beta1^t} to feed
     * @param beta2Power {@code beta2^t} to feed
     * @param apply the target that updates every weight
     */
    record Update(Placeholder<TFloat32> learningRate, Placeholder<TFloat32> beta1Power,
                  Placeholder<TFloat32> beta2Power, NoOp apply) {
    }
}
