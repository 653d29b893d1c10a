package jazz.cli;

import picocli.CommandLine;

/** Entry point of the {@code jazz} command. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits with its code: 0 ok, 2 bad input or usage, 1 internal failure.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command without exiting (for tests and embedding).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return JazzCommand.commandLine(args).execute(args);
    }

    static CommandLine commandLine() {
        return JazzCommand.commandLine();
    }
}
