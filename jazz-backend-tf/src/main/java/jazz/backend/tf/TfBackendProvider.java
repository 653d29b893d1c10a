package jazz.backend.tf;

import java.util.Map;
import java.util.Optional;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/**
 * Provides {@code tf}: the model as a TensorFlow graph on the CPU. Its plugin folder holds the CPU
 * build of TensorFlow; {@code tf-gpu} lives in a folder of its own ({@link TfGpuBackendProvider}).
 */
public final class TfBackendProvider implements BackendProvider {

    /** The backend id. */
    public static final String ID = "tf";

    /** Creates the provider; cheap, loads no native code. */
    public TfBackendProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "TensorFlow Java 1.1.0 (TensorFlow 2.18) graph on the CPU";
    }

    @Override
    public Availability availability() {
        try {
            return problem().map(Availability::unavailable)
                    .orElseGet(() -> Availability.available("CPU, " + Runtime.getRuntime().availableProcessors() + " cores"));
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("the TensorFlow check failed: " + e);
        }
    }

    private Optional<String> problem() {
        Optional<String> platform = TensorFlowFiles.unsupportedPlatform(System.getProperty("os.name", "?"),
                System.getProperty("os.arch", "?"));
        if (platform.isPresent()) {
            return platform;
        }
        TensorFlowFiles files = new TensorFlowFiles(getClass().getClassLoader());
        String folder = TensorFlowFiles.folderOf(getClass());
        if (!files.hasApi()) {
            return Optional.of("tensorflow-core-api is missing from " + folder + " (rebuild the image with mvn package)");
        }
        if (!files.hasNatives(TensorFlowFiles.CPU_PLATFORM)) {
            return Optional.of("TensorFlow's CPU natives (" + TensorFlowFiles.nativeJar(TensorFlowFiles.CPU_PLATFORM)
                    + ") are missing from " + folder + " (rebuild the image with mvn package)");
        }
        return Optional.empty();
    }

    /**
     * Starts TensorFlow on the CPU.
     *
     * @param options {@code intra-op-threads} and {@code inter-op-threads} (0 or absent: TensorFlow's
     *     default pools, the fastest measured here); other keys are ignored
     * @return the backend
     * @throws IllegalStateException when TensorFlow is missing or does not load
     * @throws IllegalArgumentException when an option is not a count
     */
    @Override
    public Backend create(Map<String, String> options) {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IllegalStateException("tf is unavailable: " + problem.get());
        }
        ThreadSettings threads = ThreadSettings.from(options);
        return new TfBackend(ID, ComputeDevice.CPU, "CPU, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + threads.describe(), threads);
    }
}
