package jazz.backend.tf;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class loader built like the core's plugin loader: the platform's classes, the given folders and
 * jars, and from the test's own class path only the {@code jazz.api} packages. It lets a test see
 * what a provider does in a plugin folder that lacks TensorFlow, or that holds another build of it.
 */
final class IsolatedPluginLoader extends URLClassLoader {

    private final ClassLoader api = jazz.api.spi.BackendProvider.class.getClassLoader();

    /**
     * @param entries folders of classes and jars
     */
    IsolatedPluginLoader(List<Path> entries) {
        super("isolated-tf-plugin", urls(entries), ClassLoader.getPlatformClassLoader());
    }

    private static URL[] urls(List<Path> entries) {
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** @return the folder of this module's compiled main classes */
    static Path mainClasses() {
        return Path.of(System.getProperty("jazz.tf.classes", "target/classes"));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("jazz.api.") && name.lastIndexOf('.') <= "jazz.api.spi".length()) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            if (pkg.equals("jazz.api") || pkg.equals("jazz.api.spi")) {
                return api.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
