package jazz.api;

import java.util.Locale;

/** What discovery found out about a backend. */
public enum BackendStatus {
    /** It can be used. */
    AVAILABLE,
    /** It loaded but cannot run here (no GPU, plugin folder missing, ...). */
    UNAVAILABLE,
    /** Its plugin failed to load or its provider failed to start, or its id is taken twice. */
    BROKEN;

    /** @return the lower-case name used in tables and JSON */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
