package jazz.backend.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/**
 * Provides {@code dl4j}: the notebook's model on deeplearning4j and ND4J's native CPU backend. The
 * plugin lives on a class path of its own (DL4J's jars carry module descriptors that do not resolve),
 * so this class only looks at resources until {@link #create} starts ND4J.
 */
public final class Dl4jBackendProvider implements BackendProvider {

    /** The backend id. */
    static final String ID = "dl4j";

    /** Classes and native files the plugin folder must hold, with what is missing when one is absent. */
    private static final String[][] REQUIRED = {
        {"org/nd4j/linalg/factory/Nd4j.class", "nd4j-api"},
        {"org/nd4j/linalg/cpu/nativecpu/CpuBackend.class", "nd4j-native"},
        {"org/deeplearning4j/nn/multilayer/MultiLayerNetwork.class", "deeplearning4j-nn"},
        {"org/bytedeco/javacpp/Loader.class", "javacpp"},
        {"org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so", "nd4j-native's linux-x86_64 natives"},
        {"org/bytedeco/openblas/linux-x86_64/libopenblas.so.0", "openblas's linux-x86_64 natives"},
    };

    /** The JDK module that holds {@code sun.misc.Unsafe}, which JavaCPP needs. */
    private static final String UNSAFE_MODULE = "jdk.unsupported";
    private static final String NO_UNSAFE = "ND4J's JavaCPP needs the jdk.unsupported module: start the JVM with"
            + " --add-modules jdk.unsupported";

    /** Creates the provider; cheap, loads no native code. */
    public Dl4jBackendProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "deeplearning4j " + dl4jVersion() + " on ND4J nd4j-native (CPU, OpenBLAS)";
    }

    @Override
    public Availability availability() {
        return availability(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                module -> ModuleLayer.boot().findModule(module).isPresent(), Dl4jBackendProvider.class.getClassLoader());
    }

    /**
     * The availability check, with what it looks at passed in.
     *
     * @param osName the operating system's name
     * @param osArch the architecture
     * @param bootModule whether a module is in the boot layer
     * @param loader the plugin's class loader
     * @return the availability; never throws
     */
    static Availability availability(String osName, String osArch, Predicate<String> bootModule, ClassLoader loader) {
        try {
            String os = osName.toLowerCase(Locale.ROOT);
            if (!os.startsWith("linux") || !(osArch.equals("amd64") || osArch.equals("x86_64"))) {
                return Availability.unavailable("the plugin bundles ND4J natives for linux-x86_64 only, this is "
                        + os + "/" + osArch);
            }
            // JavaCPP 1.5.7 reads native memory through sun.misc.Unsafe; a JVM started on the module
            // path resolves jdk.unsupported only when asked to, and without it ND4J fails on first use.
            if (!bootModule.test(UNSAFE_MODULE)) {
                return Availability.unavailable(NO_UNSAFE);
            }
            for (String[] required : REQUIRED) {
                if (loader.getResource(required[0]) == null) {
                    return Availability.unavailable(required[1] + " is missing from the plugin folder (no "
                            + required[0] + ")");
                }
            }
            return Availability.available("CPU (ND4J nd4j-native, OpenBLAS)");
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("the plugin folder could not be inspected: " + e);
        }
    }

    /**
     * Starts ND4J with the plugin's settings.
     *
     * @param options {@code threads} (default 1) and {@code workspaces} ({@code enabled}, the default, or
     *     {@code none}); other keys are ignored
     * @return the backend
     * @throws IllegalArgumentException when an option's value cannot be read
     * @throws IllegalStateException when ND4J fails to start or cannot (no {@code jdk.unsupported})
     */
    @Override
    public Backend create(Map<String, String> options) {
        EngineSettings settings = EngineSettings.from(options == null ? Map.of() : options);
        if (ModuleLayer.boot().findModule(UNSAFE_MODULE).isEmpty()) {
            throw new IllegalStateException(NO_UNSAFE);
        }
        return new Dl4jBackend(settings, Nd4jEngine.start(settings));
    }

    /** @return the version of deeplearning4j-nn in the plugin folder, from its Maven metadata */
    static String dl4jVersion() {
        try (InputStream in = Dl4jBackendProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
