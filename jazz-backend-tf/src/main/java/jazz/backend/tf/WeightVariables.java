package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The model's weights as TensorFlow variables, one per canonical parameter group, shared by the
 * sampling step and every training graph of the model. Canonical weights go in through one assign
 * per variable and come out by fetching the variables, both exact copies.
 */
final class WeightVariables {

    private final ModelSpec spec;
    private final List<Shape> shapes;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final List<Placeholder<TFloat32>> newValues = new ArrayList<>();
    private final List<Assign<TFloat32>> assigns = new ArrayList<>();

    /**
     * Adds the variables and their assign operations to a graph.
     *
     * @param tf the graph's ops, scoped where the weights should live
     * @param spec the model's shape
     */
    WeightVariables(Ops tf, ModelSpec spec) {
        this.spec = spec;
        this.shapes = ParameterShapes.of(spec);
        Ops weights = tf.withSubScope("weights");
        for (Shape shape : shapes) {
            Variable<TFloat32> variable = weights.variable(shape, TFloat32.class);
            Placeholder<TFloat32> value = weights.placeholder(TFloat32.class, Placeholder.shape(shape));
            variables.add(variable);
            newValues.add(value);
            assigns.add(weights.assign(variable, value));
        }
    }

    /** @return the variables in canonical order (for the optimiser's in-place updates) */
    List<Variable<TFloat32>> variables() {
        return variables;
    }

    /** @return the shapes in canonical order */
    List<Shape> shapes() {
        return shapes;
    }

    /**
     * Reads of every variable through an identity, for one graph that uses the weights. Gradients are
     * taken with respect to these reads.
     *
     * @param tf where the reads go
     * @return the parameters as values
     */
    LstmParameters reads(Ops tf) {
        List<Operand<TFloat32>> reads = new ArrayList<>();
        for (Variable<TFloat32> v : variables) {
            reads.add(tf.identity(v));
        }
        return new LstmParameters(spec, reads);
    }

    /**
     * Writes canonical weights into the variables.
     *
     * @param session the model's session
     * @param weights weights of this spec
     */
    void write(Session session, CanonicalWeights weights) {
        List<float[]> arrays = ParameterShapes.arrays(weights);
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int g = 0; g < arrays.size(); g++) {
                TFloat32 t = TensorData.floats(arrays.get(g), shapes.get(g));
                tensors.add(t);
                runner.feed(newValues.get(g), t).addTarget(assigns.get(g));
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /**
     * Reads the variables.
     *
     * @param session the model's session
     * @return a fresh copy in the canonical layout
     */
    CanonicalWeights read(Session session) {
        Session.Runner runner = session.runner();
        variables.forEach(runner::fetch);
        List<float[]> arrays = new ArrayList<>();
        try (Result result = runner.run()) {
            for (int g = 0; g < variables.size(); g++) {
                arrays.add(TensorData.read(result.get(g)));
            }
        }
        return ParameterShapes.weights(spec, arrays);
    }
}
