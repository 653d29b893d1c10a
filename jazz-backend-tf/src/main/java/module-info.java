/**
 * The TensorFlow Java backends, {@code tf} (CPU) and {@code tf-gpu} (CUDA). Loaded as a plugin in a
 * class loader of its own: TensorFlow Java 1.1.0 needs JavaCPP 1.5.11, which must not meet DL4J's 1.5.7.
 */
module jazz.backend.tf {
    requires jazz.api;
    requires tensorflow;

    provides jazz.api.spi.BackendProvider with jazz.backend.tf.TfBackendProvider;
}
