package jazz.music;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jazz.api.BadInputException;

/**
 * Writes a file all at once or not at all: the bytes go to a temporary file in the target's folder,
 * which is then renamed over the target. On any failure the temporary file is removed and an
 * existing target is left as it was.
 */
public final class AtomicFile {

    /** Temporary files being written now: removed if the JVM is stopped (Ctrl-C) before the rename. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    /** Numbers the temporary files of this JVM. */
    private static final AtomicLong TEMPORARIES = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort while the JVM goes down
                }
            }
        }, "jazz-temp-cleanup"));
    }

    private AtomicFile() {
    }

    /** A temporary file just created, and the stream that writes it. */
    private record Temporary(Path path, OutputStream out) {
    }

    /** How many temporary names this JVM has tried so far (for tests). */
    static long temporaryNamesTried() {
        return TEMPORARIES.get();
    }

    /**
     * Creates and opens {@code .NAME.N.tmp} in the folder, the first N from this JVM's count that no other file has
     * (the file is created only if it did not exist, so two writers, or a file left by a killed one, never
     * share a name). Not {@code Files.createTempFile}, whose random names start the JDK's
     * {@code SecureRandom} (its providers and seeding, about a hundred classes) the first time a JVM
     * writes a file: tens of milliseconds at the end of every {@code jazz train}. Built without string
     * concatenation for the same reason.
     */
    private static Temporary createTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(new StringBuilder(name.length() + 24).append('.').append(name).append('.')
                    .append(TEMPORARIES.incrementAndGet()).append(".tmp").toString());
            try {
                return new Temporary(temp, Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 1000) {
                    throw e;
                }
            }
        }
    }

    /**
     * Give the result the old file's permissions, or the usual rw-r--r-- for a new one, as a plain
     * write would have.
     */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes bytes atomically.
     *
     * @param target the file to write
     * @param bytes its content
     * @throws BadInputException when the target is a folder, its folder is missing or not writable,
     *     or the disk is full; the message names the path
     */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes streamed content atomically.
     *
     * @param target the file to write
     * @param content writes the content
     * @throws BadInputException when the file cannot be written; the message names the path
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(target + " is a folder: give a file name to write to");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException("cannot write " + target + ": the folder " + folder
                    + " does not exist (create it first)");
        }
        Path temp = null;
        try {
            Temporary created = createTemporary(folder, absolute.getFileName().toString());
            temp = created.path();
            IN_FLIGHT.add(temp);
            try (OutputStream out = created.out()) {
                content.writeTo(out);
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_FLIGHT.remove(temp);
            temp = null;
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot write " + target + ": permission denied in " + folder
                    + " (choose a writable folder)", e);
        } catch (NoSuchFileException e) {
            throw new BadInputException("cannot write " + target + ": " + e.getFile() + " does not exist", e);
        } catch (FileSystemException e) {
            throw new BadInputException("cannot write " + target + ": " + e.getReason()
                    + " (the old file, if any, is unchanged)", e);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + target + ": " + e.getMessage()
                    + " (the old file, if any, is unchanged)", e);
        } finally {
            if (temp != null) {
                IN_FLIGHT.remove(temp);
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; the original error is what the user needs
                }
            }
        }
    }
}
