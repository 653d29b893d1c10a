package jazz.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds plugin jars from compiled test classes, for discovery tests. */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes a jar holding some classes (taken from the test class path) and a services file.
     *
     * @param jar the jar to write
     * @param providers the lines of {@code META-INF/services/jazz.api.spi.BackendProvider}
     * @param classes the classes to pack
     * @return the jar
     * @throws IOException when writing fails
     */
    public static Path write(Path jar, String[] providers, Class<?>... classes) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/jazz.api.spi.BackendProvider"));
            out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
