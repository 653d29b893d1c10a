package jazz.backend.tf;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Moves Java arrays into TensorFlow tensors and back, without intermediate copies. */
final class TensorData {

    private TensorData() {
    }

    /**
     * @param values row-major values
     * @param shape the tensor's shape
     * @return a new tensor the caller closes
     */
    static TFloat32 floats(float[] values, Shape shape) {
        return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    /**
     * @param values row-major values
     * @param shape the tensor's shape
     * @return a new tensor the caller closes
     */
    static TInt32 ints(int[] values, Shape shape) {
        return TInt32.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    /**
     * @param tensor a float tensor
     * @return its values, row-major
     */
    static float[] read(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] values = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    /**
     * @param tensor a float tensor
     * @param into where its values go; exactly its size
     */
    static void read(Tensor tensor, float[] into) {
        ((TFloat32) tensor).copyTo(DataBuffers.of(into, false, false));
    }

    /**
     * @param tensor a scalar float tensor
     * @return its value
     */
    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
