package jazz.backend.tf;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.types.TFloat32;

/**
 * Proves, when {@code tf-gpu} starts, that TensorFlow can run a kernel on the GPU: a one-element
 * matrix product pinned to {@code /device:GPU:0} with soft placement off, so TensorFlow must refuse
 * rather than quietly use the CPU.
 */
final class GpuProbe {

    private GpuProbe() {
    }

    /**
     * @throws IllegalStateException with TensorFlow's reason when no GPU kernel can run
     */
    static void requireGpu() {
        try (Graph graph = new Graph()) {
            Ops tf = ComputeDevice.GPU.place(Ops.create(graph));
            MatMul<TFloat32> product = tf.linalg.matMul(tf.constant(new float[][] {{1f}}), tf.constant(new float[][] {{2f}}));
            ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false)
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).build()).build();
            try (Session session = new Session(graph, strict); Result result = session.runner().fetch(product).run()) {
                float two = TensorData.read(result.get(0))[0];
                if (two != 2f) {
                    throw new IllegalStateException("tf-gpu: the GPU computed 1 x 2 = " + two);
                }
            }
        } catch (TensorFlowException | IllegalArgumentException e) {
            throw new IllegalStateException("tf-gpu: TensorFlow cannot run on the GPU (" + e.getMessage().strip()
                    + "). The CUDA build of TensorFlow 2.18 needs the CUDA 12 runtime and cuDNN 9 libraries on the"
                    + " library path; choose --backend=tf for the CPU", e);
        }
    }
}
