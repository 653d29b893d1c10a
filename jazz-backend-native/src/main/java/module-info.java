/**
 * The default backend, {@code native}: the notebook's LSTM hand-written on the Vector API. Pure Java;
 * the JVM must start with {@code --add-modules jdk.incubator.vector} (the launcher does).
 */
module jazz.backend.simd {
    requires jazz.api;
    requires static jdk.incubator.vector;
    requires java.management;

    provides jazz.api.spi.BackendProvider with jazz.backend.simd.NativeBackendProvider;
}
