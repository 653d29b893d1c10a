package jazz.api;

/**
 * Input that cannot be used: a file that is missing, truncated or malformed, a value out of range.
 * The message names the file (or option), says what is wrong and how to fix it; the command line
 * reports it with exit code 2 and no stack trace.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file or option, and how to fix it
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file or option, and how to fix it
     * @param cause the underlying failure
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
