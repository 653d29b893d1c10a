package jazz.api;

/**
 * A backend was asked for that is unknown, unavailable or broken. The message names what was asked
 * for and lists every backend with its status, so the user can pick another.
 */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was asked for, what exists, and how to choose
     */
    public BackendUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what was asked for, what exists, and how to choose
     * @param cause the engine's own failure
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
