package jazz.cli;

/** The exit codes of every command. */
final class ExitCodes {

    /** Success. */
    static final int OK = 0;
    /** An internal failure: a bug or an engine crash. */
    static final int INTERNAL = 1;
    /** Bad input or usage: a wrong option, a bad file, an unknown backend. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
