package jazz.backend.dl4j;

import java.util.function.Supplier;

/**
 * Runs code with the plugin's own class loader as the thread's context class loader. ND4J looks up its
 * backend (and SLF4J its configuration) through the context loader; inside a plugin loader that is not
 * the caller's loader, so every call into ND4J or DL4J goes through here, or ND4J fails with
 * {@code NoAvailableBackendException}.
 */
final class PluginContext {

    private static final ClassLoader PLUGIN = PluginContext.class.getClassLoader();

    private PluginContext() {
    }

    /**
     * Calls a function under the plugin's context class loader, restoring the caller's afterwards.
     *
     * @param body what to call
     * @param <T> its result type
     * @return its result
     */
    static <T> T call(Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        if (saved == PLUGIN) {
            return body.get();
        }
        thread.setContextClassLoader(PLUGIN);
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /**
     * Runs an action under the plugin's context class loader.
     *
     * @param body what to run
     */
    static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }
}
