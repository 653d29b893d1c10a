package jazz.api;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of one plugin folder. It sees the platform's classes, the plugin's own jars and,
 * from the core, only the exported packages of {@code jazz.api}: two plugins never see each other's libraries, so
 * engines that need different versions of one library (JavaCPP 1.5.7 for DL4J, 1.5.11 for TensorFlow
 * Java) live in one JVM.
 */
final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader api;

    PluginClassLoader(String name, URL[] jars) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.api = BackendEntry.class.getClassLoader();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        if (pkg.equals("jazz.api") || pkg.equals("jazz.api.spi")) {
            return api.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
