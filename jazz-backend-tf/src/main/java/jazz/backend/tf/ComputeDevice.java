package jazz.backend.tf;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.RunOptions;

/**
 * Where a backend's models compute: the CPU ({@code tf}), or the first GPU ({@code tf-gpu}), where
 * every operation is pinned to {@code /device:GPU:0} and the first run of each graph is traced to
 * prove that its matrix products ran there.
 */
enum ComputeDevice {

    /** TensorFlow's CPU kernels. */
    CPU,

    /** The first CUDA GPU. */
    GPU;

    private static final DeviceSpec FIRST_GPU = DeviceSpec.newBuilder()
            .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();

    /**
     * @param tf a graph's root ops
     * @return ops that place what they build on this device
     */
    Ops place(Ops tf) {
        return this == GPU ? tf.withDevice(FIRST_GPU) : tf;
    }

    /**
     * The session settings for this device.
     *
     * @param threads the thread settings
     * @return the session configuration
     */
    ConfigProto sessionConfig(ThreadSettings threads) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads.intraOp())
                .setInterOpParallelismThreads(threads.interOp());
        if (this == GPU) {
            // Integer bookkeeping ops (shapes, one-hot indices) may stay on the host; the products
            // are checked after the first run instead.
            config.setAllowSoftPlacement(true)
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).build());
        }
        return config.build();
    }

    /**
     * Runs a graph once; on the GPU traced, failing unless its matrix products ran on the GPU.
     *
     * @param runner the prepared run
     * @param what what the graph is, for the message
     * @return the run's result, which the caller closes
     */
    Result runChecked(Session.Runner runner, String what) {
        if (this == CPU) {
            return runner.run();
        }
        runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
        Result result = runner.runAndFetchMetadata();
        try {
            DevicePlacement.of(result.getMetadata().orElseThrow(() -> new IllegalStateException(
                    "tf-gpu: TensorFlow returned no run metadata, so the placement cannot be checked")))
                    .requireGpu(what);
            return result;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }
}
