package jazz.backend.tf;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Optional;

/**
 * What a plugin folder holds, seen through the plugin's own class loader: TensorFlow Java's classes
 * and the native build for one platform (JavaCPP's folder name: {@code linux-x86_64} for the CPU
 * build, {@code linux-x86_64-gpu} for the CUDA build). Only resources are looked up, so nothing native
 * is loaded.
 */
final class TensorFlowFiles {

    /** The platform of the CPU build. */
    static final String CPU_PLATFORM = "linux-x86_64";
    /** The platform of the CUDA build. */
    static final String GPU_PLATFORM = "linux-x86_64-gpu";

    private static final String API_CLASS = "org/tensorflow/TensorFlow.class";

    private final ClassLoader loader;

    /**
     * @param loader the plugin's class loader
     */
    TensorFlowFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * @param platform a JavaCPP platform folder name
     * @return the resource of TensorFlow's JNI library for that platform
     */
    static String jniLibrary(String platform) {
        return "org/tensorflow/internal/c_api/" + platform + "/libjnitensorflow.so";
    }

    /**
     * @param platform a JavaCPP platform folder name
     * @return the jar that holds that platform's natives
     */
    static String nativeJar(String platform) {
        return "tensorflow-core-native-1.1.0-" + platform + ".jar";
    }

    /** @return true when tensorflow-core-api is visible */
    boolean hasApi() {
        return loader.getResource(API_CLASS) != null;
    }

    /**
     * @param platform a JavaCPP platform folder name
     * @return true when that platform's native build is visible
     */
    boolean hasNatives(String platform) {
        return loader.getResource(jniLibrary(platform)) != null;
    }

    /**
     * Why this machine cannot run TensorFlow Java's Linux x86-64 builds, if it cannot.
     *
     * @param osName the {@code os.name} property
     * @param osArch the {@code os.arch} property
     * @return the reason, or empty on Linux x86-64
     */
    static Optional<String> unsupportedPlatform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.empty();
        }
        return Optional.of("this plugin carries TensorFlow's natives for Linux x86-64 only; this machine is "
                + osName + " " + osArch);
    }

    /**
     * @param type a class of the plugin
     * @return the folder its jar (or classes) came from, for messages
     */
    static String folderOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "the plugin folder";
            }
            Path location = Path.of(source.getLocation().toURI());
            Path parent = location.getParent();
            return parent == null ? location.toString() : parent.toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "the plugin folder";
        }
    }
}
