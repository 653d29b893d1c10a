package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;
import org.tensorflow.ndarray.Shape;

/**
 * The model's parameter groups in canonical order: per LSTM layer the input kernel, recurrent kernel
 * and bias, then the dense kernel and bias. TensorFlow's row-major float tensors of these shapes hold
 * exactly the canonical (Keras) arrays, so converting is a copy.
 */
final class ParameterShapes {

    private ParameterShapes() {
    }

    /**
     * @param spec the model's shape
     * @return the shape of every parameter group, in canonical order
     */
    static List<Shape> of(ModelSpec spec) {
        int n = spec.hiddenSize();
        List<Shape> shapes = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            shapes.add(Shape.of(spec.inputSize(l), 4L * n));
            shapes.add(Shape.of(n, 4L * n));
            shapes.add(Shape.of(4L * n));
        }
        shapes.add(Shape.of(n, spec.vocabularySize()));
        shapes.add(Shape.of(spec.vocabularySize()));
        return shapes;
    }

    /**
     * @param weights canonical weights
     * @return their arrays in canonical order (the records' own arrays, not copies)
     */
    static List<float[]> arrays(CanonicalWeights weights) {
        List<float[]> arrays = new ArrayList<>();
        for (LstmLayerWeights layer : weights.layers()) {
            arrays.add(layer.inputKernel());
            arrays.add(layer.recurrentKernel());
            arrays.add(layer.bias());
        }
        arrays.add(weights.denseKernel());
        arrays.add(weights.denseBias());
        return arrays;
    }

    /**
     * @param spec the model's shape
     * @param arrays one array per group, in canonical order
     * @return canonical weights holding those arrays
     */
    static CanonicalWeights weights(ModelSpec spec, List<float[]> arrays) {
        List<LstmLayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            layers.add(new LstmLayerWeights(spec.inputSize(l), spec.hiddenSize(), arrays.get(3 * l),
                    arrays.get(3 * l + 1), arrays.get(3 * l + 2)));
        }
        int dense = 3 * spec.layers();
        return new CanonicalWeights(spec, layers, arrays.get(dense), arrays.get(dense + 1));
    }
}
