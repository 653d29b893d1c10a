package jazz.backend.tf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which builds of TensorFlow's native library this process has mapped, read from
 * {@code /proc/self/maps}. The CPU and CUDA builds share their library names, so once one is loaded
 * the dynamic linker hands it to the other too: a process that loaded {@code tf} would run
 * {@code tf-gpu} on the CPU build. The backends refuse to start in that case instead.
 */
final class LoadedNatives {

    private static final String LIBRARY = "libtensorflow_cc.so";

    private LoadedNatives() {
    }

    /**
     * @param maps the process's memory map, normally {@code /proc/self/maps}
     * @param platform the JavaCPP platform folder of the build about to load
     * @return the mapped TensorFlow libraries of another build, if any
     */
    static Optional<String> otherBuild(Path maps, String platform) {
        List<String> lines;
        try {
            lines = Files.readAllLines(maps, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or no procfs: nothing to compare
        }
        TreeSet<String> others = new TreeSet<>();
        for (String line : lines) {
            int slash = line.indexOf('/');
            if (slash < 0 || !line.contains(LIBRARY)) {
                continue;
            }
            Path library = Path.of(line.substring(slash).strip());
            Path folder = library.getParent();
            if (folder != null && !folder.getFileName().toString().equals(platform)) {
                others.add(library.toString());
            }
        }
        return others.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", others));
    }

    /**
     * Fails when this process already holds another build of TensorFlow.
     *
     * @param id the backend about to start
     * @param platform the JavaCPP platform folder of its build
     * @throws IllegalStateException naming the build that is loaded
     */
    static void requireNoOtherBuild(String id, String platform) {
        otherBuild(Path.of("/proc/self/maps"), platform).ifPresent(other -> {
            throw new IllegalStateException(id + " cannot start in this process: another build of TensorFlow is"
                    + " already loaded (" + other + "), and the CPU and CUDA builds cannot share a process. Run "
                    + id + " in a process of its own (e.g. jazz bench --cold)");
        });
    }
}
