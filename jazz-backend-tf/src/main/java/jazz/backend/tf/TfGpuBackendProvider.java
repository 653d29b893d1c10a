package jazz.backend.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/**
 * Provides {@code tf-gpu}: the same TensorFlow graph on the first CUDA GPU. It lives in a plugin folder
 * of its own, {@code plugins/tf-gpu}, which the default build fills with this plugin's classes only and
 * {@code mvn -Pgpu package} with TensorFlow's CUDA build; so {@code tf-gpu} is always listed, with the
 * missing piece named, and each id is provided once.
 *
 * <p>Chosen explicitly it runs on the GPU or fails: every operation is pinned to the GPU, start-up runs
 * a product with soft placement off, and the first run of every graph is traced to check that its
 * matrix products ran on the GPU. It never falls back to the CPU.
 */
public final class TfGpuBackendProvider implements BackendProvider {

    /** The backend id. */
    public static final String ID = "tf-gpu";

    private final CudaDriver driver;
    private final TensorFlowFiles files;

    /** Creates the provider for this machine; cheap, loads no native code. */
    public TfGpuBackendProvider() {
        this(CudaDriver.system(), new TensorFlowFiles(TfGpuBackendProvider.class.getClassLoader()));
    }

    /**
     * A provider that looks at given places (for tests).
     *
     * @param driver where to look for the CUDA driver
     * @param files what the plugin folder holds
     */
    TfGpuBackendProvider(CudaDriver driver, TensorFlowFiles files) {
        this.driver = driver;
        this.files = files;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "TensorFlow Java 1.1.0 (TensorFlow 2.18) graph on a CUDA GPU";
    }

    @Override
    public Availability availability() {
        try {
            List<String> missing = missing();
            return missing.isEmpty() ? Availability.available(driver.describe())
                    : Availability.unavailable(String.join("; and ", missing));
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("the CUDA check failed: " + e);
        }
    }

    /** @return each missing piece, with how to get it; empty when the GPU backend can start */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        TensorFlowFiles.unsupportedPlatform(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"))
                .ifPresent(missing::add);
        if (!driver.present()) {
            missing.add("no CUDA driver: " + driver.absence());
        }
        if (!files.hasApi() || !files.hasNatives(TensorFlowFiles.GPU_PLATFORM)) {
            missing.add("TensorFlow's CUDA build (" + TensorFlowFiles.nativeJar(TensorFlowFiles.GPU_PLATFORM)
                    + ") is not in the GPU plugin folder " + TensorFlowFiles.folderOf(TfGpuBackendProvider.class)
                    + ": build it with mvn -Pgpu package");
        }
        return missing;
    }

    /**
     * Starts TensorFlow on the GPU.
     *
     * @param options {@code intra-op-threads} and {@code inter-op-threads} for the host-side pools
     * @return the backend
     * @throws IllegalStateException when a piece is missing or TensorFlow cannot run on the GPU
     */
    @Override
    public Backend create(Map<String, String> options) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("tf-gpu is unavailable: " + String.join("; and ", missing));
        }
        return new TfBackend(ID, ComputeDevice.GPU, driver.describe(), ThreadSettings.from(options));
    }
}
