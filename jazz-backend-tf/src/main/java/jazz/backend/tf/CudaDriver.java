package jazz.backend.tf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Looks for an NVIDIA CUDA driver without loading anything: the kernel module's
 * {@code /proc/driver/nvidia}, or the user-space driver {@code libcuda.so.1} in the usual library
 * folders or the dynamic linker's cache. The paths are injectable so that tests can use fake folders.
 */
final class CudaDriver {

    /** The user-space driver library. */
    static final String LIBRARY = "libcuda.so.1";

    private final Path procFolder;
    private final List<Path> libraryFolders;
    private final Path linkerCache;

    /**
     * @param procFolder the kernel module's folder, normally {@code /proc/driver/nvidia}
     * @param libraryFolders folders that may hold {@value #LIBRARY}
     * @param linkerCache the dynamic linker's cache, normally {@code /etc/ld.so.cache}
     */
    CudaDriver(Path procFolder, List<Path> libraryFolders, Path linkerCache) {
        this.procFolder = procFolder;
        this.libraryFolders = List.copyOf(libraryFolders);
        this.linkerCache = linkerCache;
    }

    /**
     * The driver as this machine has it: the usual folders plus those of {@code LD_LIBRARY_PATH}.
     *
     * @return the driver probe
     */
    static CudaDriver system() {
        List<Path> folders = new ArrayList<>();
        for (String f : List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib",
                "/usr/local/cuda/lib64", "/usr/local/cuda/compat", "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib")) {
            folders.add(Path.of(f));
        }
        String extra = System.getenv("LD_LIBRARY_PATH");
        if (extra != null) {
            for (String f : extra.split(":")) {
                if (!f.isBlank()) {
                    folders.add(Path.of(f));
                }
            }
        }
        return new CudaDriver(Path.of("/proc/driver/nvidia"), folders, Path.of("/etc/ld.so.cache"));
    }

    /** @return true when the kernel module or the user-space driver is present */
    boolean present() {
        return Files.isDirectory(procFolder) || library().isPresent();
    }

    /** @return where {@value #LIBRARY} was found, if anywhere */
    Optional<String> library() {
        for (Path folder : libraryFolders) {
            if (Files.exists(folder.resolve(LIBRARY))) {
                return Optional.of(folder.resolve(LIBRARY).toString());
            }
        }
        if (linkerCacheNamesLibrary()) {
            return Optional.of(LIBRARY + " (dynamic linker cache " + linkerCache + ")");
        }
        return Optional.empty();
    }

    private boolean linkerCacheNamesLibrary() {
        try {
            if (!Files.isRegularFile(linkerCache) || Files.size(linkerCache) > 64L << 20) {
                return false;
            }
            return new String(Files.readAllBytes(linkerCache), StandardCharsets.ISO_8859_1).contains(LIBRARY);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return why no driver was found, naming the places looked at */
    String absence() {
        return procFolder + " is absent and " + LIBRARY + " is neither in " + linkerCache + " nor in the "
                + libraryFolders.size() + " usual library folders (" + libraryFolders.get(0) + ", ...)";
    }

    /**
     * The GPUs the kernel module reports ({@code gpus/<bus>/information}, line {@code Model:}).
     *
     * @return the GPU models, in bus order; empty when unknown
     */
    List<String> gpuNames() {
        Path gpus = procFolder.resolve("gpus");
        if (!Files.isDirectory(gpus)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> buses = Files.list(gpus)) {
            for (Path bus : buses.sorted().toList()) {
                Path information = bus.resolve("information");
                if (!Files.isRegularFile(information)) {
                    continue;
                }
                for (String line : Files.readAllLines(information, StandardCharsets.UTF_8)) {
                    if (line.startsWith("Model:")) {
                        names.add(line.substring("Model:".length()).strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return names;
        }
        return names;
    }

    /** @return what the GPU is, for {@code jazz backends}: the first GPU's model, or a plain label */
    String describe() {
        List<String> names = gpuNames();
        if (names.isEmpty()) {
            return "CUDA GPU 0 (driver " + library().orElse(procFolder.toString()) + ")";
        }
        return names.get(0) + (names.size() > 1 ? " (GPU 0 of " + names.size() + ")" : "");
    }
}
