/**
 * The contracts of jazz: what a sequence model is, how it is trained and sampled, the canonical
 * weight layout every backend converts to and from, and the backend SPI with its discovery.
 *
 * <p>This module depends on {@code java.base} only, so a backend plugin needs nothing else from the
 * core. Backends are found with {@link java.util.ServiceLoader} through {@link jazz.api.Backends}.
 */
module jazz.api {
    exports jazz.api;
    exports jazz.api.spi;

    uses jazz.api.spi.BackendProvider;
}
