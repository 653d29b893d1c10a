package jazz.backend.tf;

import java.util.List;

import jazz.api.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The model's parameters as graph values, in canonical order: per layer the input kernel, recurrent
 * kernel and bias, then the dense kernel and bias.
 *
 * @param spec the model's shape
 * @param groups one operand per parameter group
 */
record LstmParameters(ModelSpec spec, List<Operand<TFloat32>> groups) {

    /** @return layer {@code l}'s input kernel, {@code [n_in][4 n_a]} */
    Operand<TFloat32> inputKernel(int l) {
        return groups.get(3 * l);
    }

    /** @return layer {@code l}'s recurrent kernel, {@code [n_a][4 n_a]} */
    Operand<TFloat32> recurrentKernel(int l) {
        return groups.get(3 * l + 1);
    }

    /** @return layer {@code l}'s bias, {@code [4 n_a]} */
    Operand<TFloat32> bias(int l) {
        return groups.get(3 * l + 2);
    }

    /** @return the dense kernel, {@code [n_a][V]} */
    Operand<TFloat32> denseKernel() {
        return groups.get(3 * spec.layers());
    }

    /** @return the dense bias, {@code [V]} */
    Operand<TFloat32> denseBias() {
        return groups.get(3 * spec.layers() + 1);
    }
}
