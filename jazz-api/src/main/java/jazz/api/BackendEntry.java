package jazz.api;

import jazz.api.spi.BackendProvider;

/**
 * One backend as discovery sees it.
 *
 * @param id the backend id (for a plugin that failed to load: the plugin's folder name)
 * @param status available, unavailable or broken
 * @param reason why it is unavailable or broken; null when available
 * @param description the provider's one-line description, or what failed
 * @param location where it was loaded from: a module name, a jar or a plugin folder
 * @param device what it runs on when available; may be null
 * @param provider the provider, or null when broken before one existed
 */
public record BackendEntry(String id, BackendStatus status, String reason, String description, String location,
                           String device, BackendProvider provider) {

    /** @return true when it can be used */
    public boolean isAvailable() {
        return status == BackendStatus.AVAILABLE;
    }

    /** @return "available", or the status and the reason */
    public String statusLine() {
        return reason == null ? status.label() : status.label() + ": " + reason;
    }
}
