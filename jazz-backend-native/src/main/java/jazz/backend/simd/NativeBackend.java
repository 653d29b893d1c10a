package jazz.backend.simd;

import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.SequenceModel;
import jazz.api.spi.Backend;

/**
 * The started native backend. Option {@code threads} (default: 2, or 1 on a one-core machine) sets how
 * many threads share each training minibatch; one seed and one thread count give bit-identical results.
 * Option {@code warmup} ({@code on} by default, or {@code off}): whether the first backend of a JVM starts
 * the background thread that gets the kernels compiled before the first epoch ({@link Warmup}).
 */
final class NativeBackend implements Backend {

    /** The option naming the number of training threads. */
    static final String THREADS = "threads";

    /** The option that turns the kernel warm-up ({@link Warmup}) off ({@code off}) or on ({@code on}, the default). */
    static final String WARMUP = "warmup";

    private final int threads;

    NativeBackend(Map<String, String> options) {
        this.threads = threads(options.get(THREADS));
        if (warmup(options.get(WARMUP))) {
            Warmup.start();
        }
    }

    private static boolean warmup(String option) {
        if (option == null || option.trim().equals("on")) {
            return true;
        }
        if (option.trim().equals("off")) {
            return false;
        }
        throw new IllegalArgumentException("option warmup must be on or off, got '" + option + "'");
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
