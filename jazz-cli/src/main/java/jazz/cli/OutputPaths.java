package jazz.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import jazz.api.BadInputException;

/** Checks output paths before any work is done, so a bad path fails in a second, not after training. */
final class OutputPaths {

    private OutputPaths() {
    }

    static void check(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(target + " is a folder: give a file name to write to");
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException("cannot write " + target + ": the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new BadInputException("cannot write " + target + ": the folder " + folder + " is not writable");
        }
    }
}
