/**
 * The TensorFlow Java backends: {@code tf} on the CPU and {@code tf-gpu} on a CUDA GPU, the notebook's
 * LSTM as a TensorFlow graph. Loaded as plugins, each in a class loader of its own: TensorFlow Java
 * 1.1.0 needs JavaCPP 1.5.11, which must not meet DL4J's 1.5.7, and the CPU and CUDA builds of
 * TensorFlow cannot share a loader either. So the jar of {@code plugins/tf} declares only {@code tf} in
 * its {@code META-INF/services}, and the jar of {@code plugins/tf-gpu} only {@code tf-gpu}; on the
 * module path this module provides both.
 */
module jazz.backend.tf {
    requires jazz.api;
    requires tensorflow;

    provides jazz.api.spi.BackendProvider with jazz.backend.tf.TfBackendProvider, jazz.backend.tf.TfGpuBackendProvider;
}
