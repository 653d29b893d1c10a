package jazz.backend.dl4j;

import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * How the plugin runs ND4J. The defaults are the fastest measured for the notebook's small model
 * (see the module's README section): one thread for ND4J's loops and for OpenBLAS, and DL4J's
 * workspaces on.
 *
 * @param threads threads for ND4J's own loops and for BLAS; at least 1
 * @param workspaces DL4J's workspace mode for training and inference
 */
record EngineSettings(int threads, WorkspaceMode workspaces) {

    /** Option key: number of threads. */
    static final String THREADS = "threads";
    /** Option key: {@code enabled} or {@code none}. */
    static final String WORKSPACES = "workspaces";

    /** The measured best for the notebook's model. */
    static final EngineSettings DEFAULTS = new EngineSettings(1, WorkspaceMode.ENABLED);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when threads is below 1
     */
    EngineSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("the dl4j backend needs at least 1 thread, got " + threads);
        }
    }

    /**
     * Reads the settings from backend options, with {@link #DEFAULTS} for what is missing.
     *
     * @param options {@code threads} (a positive integer) and {@code workspaces} ({@code enabled} or
     *     {@code none}); other keys are ignored
     * @return the settings
     * @throws IllegalArgumentException when a value cannot be read
     */
    static EngineSettings from(Map<String, String> options) {
        int threads = DEFAULTS.threads;
        String t = options.get(THREADS);
        if (t != null) {
            try {
                threads = Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dl4j option threads must be a whole number, got '" + t + "'");
            }
        }
        WorkspaceMode workspaces = DEFAULTS.workspaces;
        String w = options.get(WORKSPACES);
        if (w != null) {
            switch (w.trim().toLowerCase(Locale.ROOT)) {
                case "enabled" -> workspaces = WorkspaceMode.ENABLED;
                case "none" -> workspaces = WorkspaceMode.NONE;
                default -> throw new IllegalArgumentException("dl4j option workspaces must be enabled or none, got '" + w + "'");
            }
        }
        return new EngineSettings(threads, workspaces);
    }
}
