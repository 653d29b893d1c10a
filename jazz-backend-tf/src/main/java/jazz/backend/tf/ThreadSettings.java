package jazz.backend.tf;

import java.util.Map;

/**
 * TensorFlow's two thread pools, from the backend options {@code intra-op-threads} (threads inside one
 * kernel, e.g. a matrix product) and {@code inter-op-threads} (kernels run at once). 0, the default,
 * lets TensorFlow size each pool to the machine, which measured fastest here (see the README).
 *
 * @param intraOp threads per kernel; 0 for TensorFlow's choice
 * @param interOp kernels at once; 0 for TensorFlow's choice
 */
record ThreadSettings(int intraOp, int interOp) {

    /** Option key of {@link #intraOp}. */
    static final String INTRA_OP = "intra-op-threads";
    /** Option key of {@link #interOp}. */
    static final String INTER_OP = "inter-op-threads";

    /** TensorFlow's defaults. */
    static final ThreadSettings DEFAULT = new ThreadSettings(0, 0);

    /**
     * @throws IllegalArgumentException for a negative count
     */
    ThreadSettings {
        if (intraOp < 0 || interOp < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (TensorFlow's choice) or more, got "
                    + intraOp + " and " + interOp);
        }
    }

    /**
     * Reads the settings from backend options; other keys are ignored.
     *
     * @param options backend options
     * @return the settings
     * @throws IllegalArgumentException when a value is not a count
     */
    static ThreadSettings from(Map<String, String> options) {
        return new ThreadSettings(count(options, INTRA_OP), count(options, INTER_OP));
    }

    private static int count(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("backend option " + key + " must be a whole number, got '" + value + "'");
        }
    }

    /** @return a short description, e.g. "TensorFlow's default thread pools" */
    String describe() {
        if (equals(DEFAULT)) {
            return "default thread pools";
        }
        return (intraOp == 0 ? "default" : String.valueOf(intraOp)) + " intra-op / "
                + (interOp == 0 ? "default" : String.valueOf(interOp)) + " inter-op threads";
    }
}
