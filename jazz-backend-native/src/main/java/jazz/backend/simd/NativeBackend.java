package jazz.backend.simd;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Backend;

/**
 * The started native backend. Option {@code threads} (default: 2, or 1 on a one-core machine) sets how
 * many threads share each training minibatch (one shard per thread); one seed and one thread
 * count give bit-identical results.
 */
final class NativeBackend implements Backend {

    /** The option naming the number of training threads. */
    static final String THREADS = "threads";

    private final int threads;

    NativeBackend(Map<String, String> options) {
        this.threads = threads(options.get(THREADS));
    }

    private static int threads(String option) {
        if (option == null) {
            return Math.min(2, Runtime.getRuntime().availableProcessors());
        }
        try {
            int value = Integer.parseInt(option.trim());
            if (value >= 1 && value <= 64) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("option threads must be a whole number from 1 to 64, got '" + option + "'");
    }

    @Override
    public String id() {
        return NativeBackendProvider.ID;
    }

    @Override
    public String device() {
        return VectorInfo.describe() + ", " + threads + " training thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public String engineVersion() {
        return "jazz Vector API LSTM on Java " + Runtime.version();
    }

    @Override
    public SequenceModel load(CanonicalWeights weights) {
        return new NativeModel(weights, threads);
    }
}
