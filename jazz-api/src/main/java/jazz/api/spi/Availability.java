package jazz.api.spi;

/**
 * Whether a backend can run here, and if not, why.
 *
 * @param available true when {@link BackendProvider#create} is expected to work
 * @param reason why it is unavailable (null when available)
 * @param device what it would run on, e.g. "CPU, 2 cores, AVX-512" or a GPU's name; may be null
 */
public record Availability(boolean available, String reason, String device) {

    /**
     * @param device what the backend runs on
     * @return an available backend
     */
    public static Availability available(String device) {
        return new Availability(true, null, device);
    }

    /**
     * @param reason why, and how to fix it
     * @return an unavailable backend
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason, null);
    }
}
