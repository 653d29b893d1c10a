package jazz.api.spi;

import java.util.Map;

/**
 * The entry point of a backend, found with {@link java.util.ServiceLoader}. A provider is cheap: it
 * must not load a native engine until {@link #create} is called.
 *
 * <p>To add a backend: implement this interface, declare it with {@code provides
 * jazz.api.spi.BackendProvider with ...} and in {@code META-INF/services/jazz.api.spi.BackendProvider},
 * and put the jar with its dependencies in a folder of its own under a plugin folder.
 */
public interface BackendProvider {

    /** @return the id users choose it by, lower case, e.g. {@code native}, {@code tf-gpu} */
    String id();

    /** @return one line saying what it is */
    String description();

    /**
     * Whether it can run here. Never throws and never loads a native engine: it looks for files,
     * drivers and modules only.
     *
     * @return the availability
     */
    Availability availability();

    /**
     * Starts the engine.
     *
     * @param options backend-specific settings (e.g. threads); unknown keys are ignored
     * @return the backend
     * @throws IllegalStateException when the engine cannot start, with the reason
     */
    Backend create(Map<String, String> options);
}
