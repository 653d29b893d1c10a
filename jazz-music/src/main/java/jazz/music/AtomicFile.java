package jazz.music;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import jazz.api.BadInputException;

/**
 * Writes a file all at once: the bytes go to a temporary file in the target's folder, which is then
 * renamed over the target, so a reader never sees half a file and a failed write leaves an existing
 * target as it was.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes bytes to a file atomically.
     *
     * @param target the file to write
     * @param bytes its new content
     * @throws BadInputException naming the path when the target is a folder, its folder is missing
     *         or cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(target + " is a folder: give a file name, e.g. " + target.resolve("out"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException("cannot write " + target + ": the folder " + folder
                    + " does not exist; create it first or choose another path");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            Files.write(temp, bytes);
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot write " + target + ": permission denied in " + folder
                    + "; choose a folder you can write to", e);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + target + ": " + e.getMessage()
                    + "; check the path and the free space", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that failure is the one to report.
                }
            }
        }
    }

    /**
     * Temporary files are private to their owner; the written file gets the permissions of the file
     * it replaces, or the usual rw-r--r-- of a new file.
     */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default permissions apply.
        }
    }
}
