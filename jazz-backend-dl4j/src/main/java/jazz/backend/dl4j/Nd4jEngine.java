package jazz.backend.dl4j;

import java.util.Properties;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once per plugin loader, with the plugin's settings. Some settings must be in place
 * before ND4J's classes load: JavaCPP reads {@code org.bytedeco.javacpp.maxPhysicalBytes} once, and
 * with its default it reads the process's resident size on every native allocation, which costs more
 * than the arithmetic of this small model.
 */
final class Nd4jEngine {

    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Nd4jEngine() {
    }

    /**
     * Loads ND4J (the first time) and applies the thread settings. One thread is the default because
     * ND4J's loops and OpenBLAS otherwise start a thread per core, and on a small model their
     * hand-offs cost more than they save (measured: far slower on a busy 2-core machine).
     *
     * @param settings the settings
     * @return what ND4J runs on, e.g. "CPU, ND4J CpuBackend, OPENBLAS, 1 thread"
     * @throws IllegalStateException when ND4J's native library fails to load
     */
    static synchronized String start(EngineSettings settings) {
        // A system property is JVM-wide: another JavaCPP (TensorFlow's plugin) that loads later also
        // skips the check, which only lifts a limit. A value the user set is kept.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        try {
            return PluginContext.call(() -> {
                Nd4j.getEnvironment().setMaxThreads(settings.threads());
                Nd4j.getEnvironment().setMaxMasterThreads(settings.threads());
                Nd4j.factory().blas().setMaxThreads(settings.threads());
                Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
                return "CPU, ND4J " + Nd4j.getBackend().getClass().getSimpleName() + ", "
                        + info.getProperty("blas.vendor", "unknown BLAS") + ", " + settings.threads()
                        + (settings.threads() == 1 ? " thread" : " threads");
            });
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("ND4J failed to start: " + e, e);
        }
    }
}
