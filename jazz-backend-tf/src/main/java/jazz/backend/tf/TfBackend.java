package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Backend;
import org.tensorflow.TensorFlow;

/** TensorFlow Java, started: makes {@link TfModel}s on the CPU or the GPU. */
final class TfBackend implements Backend {

    private final String id;
    private final ComputeDevice device;
    private final String deviceName;
    private final ThreadSettings threads;
    private final String version;
    private final Set<TfModel> models = ConcurrentHashMap.newKeySet();

    /**
     * Loads TensorFlow's native library.
     *
     * @param id the backend id
     * @param device where models compute
     * @param deviceName what to report as the device
     * @param threads the thread settings
     * @throws IllegalStateException when the native library does not load
     */
    TfBackend(String id, ComputeDevice device, String deviceName, ThreadSettings threads) {
        this.id = id;
        this.device = device;
        this.deviceName = deviceName;
        this.threads = threads;
        LoadedNatives.requireNoOtherBuild(id, device == ComputeDevice.GPU ? TensorFlowFiles.GPU_PLATFORM
                : TensorFlowFiles.CPU_PLATFORM);
        try {
            this.version = TensorFlow.version();
        } catch (LinkageError e) {
            throw new IllegalStateException("TensorFlow's native library did not load: " + e, e);
        }
        if (device == ComputeDevice.GPU) {
            GpuProbe.requireGpu();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String device() {
        return deviceName;
    }

    @Override
    public String engineVersion() {
        return "TensorFlow " + version + " (TensorFlow Java 1.1.0)";
    }

    @Override
    public SequenceModel load(CanonicalWeights weights) {
        TfModel model = new TfModel(this, weights);
        models.add(model);
        return model;
    }

    /** @return where models compute */
    ComputeDevice computeDevice() {
        return device;
    }

    /** @return the thread settings of every session */
    ThreadSettings threads() {
        return threads;
    }

    /**
     * Stops tracking a closed model.
     *
     * @param model the model
     */
    void forget(TfModel model) {
        models.remove(model);
    }

    /** Closes every model this backend made and still holds. */
    @Override
    public void close() {
        List<TfModel> open = new ArrayList<>(models);
        open.forEach(TfModel::close);
    }
}
