package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import jazz.api.BackendUnavailableException;
import jazz.api.Backends;
import jazz.api.BadInputException;
import jazz.api.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The top-level {@code jazz} command: global options, then one sub-command. */
@Command(name = "jazz", mixinStandardHelpOptions = true, versionProvider = JazzCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Learns a jazz soloist's style from MIDI and improvises new solos over chord changes",
                "with an LSTM, on interchangeable backends (native, dl4j, tf, tf-gpu, plugins)."},
        footer = {"", "Backend choice: --backend, else -Djazz.backend, else JAZZ_BACKEND, else native.",
                "Exit codes: 0 ok, 2 bad input or usage, 1 internal failure."})
public final class JazzCommand implements Runnable {

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend that trains and samples (native, dl4j, tf, tf-gpu, or a plugin's id).")
    String backend;

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "Extra plugin folder (repeatable); also the JAZZ_PLUGIN_PATH variable.")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Backends backends;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: try 'jazz --help'");
    }

    /**
     * The discovered backends: the image's plugin folder, {@code --plugin-dir}s and
     * {@code JAZZ_PLUGIN_PATH}. Discovered once per run.
     *
     * @return the backends
     */
    Backends backends() {
        if (backends == null) {
            List<Path> folders = new ArrayList<>();
            String image = System.getProperty("jazz.image.plugins");
            if (image != null && !image.isBlank()) {
                folders.add(Path.of(image));
            }
            folders.addAll(pluginDirs);
            backends = Backends.discover(folders);
        }
        return backends;
    }

    /** @return the id of the chosen backend (--backend, property, variable, default) */
    String backendId() {
        return Backends.chosenId(backend);
    }

    /** The sub-commands' names, in the order the usage help lists them. */
    static final List<String> SUBCOMMANDS =
            List.of("generate", "train", "corpus", "info", "render", "analyze", "backends", "bench", "help");

    /** The root options that take a value as the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUES = Set.of("--backend", "--plugin-dir");

    /** The command line with every sub-command: for usage help, completion and tests of the whole tree. */
    static CommandLine commandLine() {
        return build(null);
    }

    /**
     * The command line for these arguments: with only the sub-command they name, when they name one
     * other than {@code help}, else with all. Picocli reads every option and annotation of each command
     * it is given when it is built: the eight that a run does not use cost about 40 ms of a fresh JVM's
     * start ({@code jazz generate --help}, ten interleaved runs each: 0.52 s median against 0.56). A run
     * sees the same commands, options, messages and exit codes either way.
     *
     * @param args the arguments about to be executed
     * @return a command line to execute them with
     */
    static CommandLine commandLine(String... args) {
        String named = subcommandNamed(args);
        return build(named == null || named.equals("help") ? null : named);
    }

    /**
     * The first argument that is not a root option or an option's value, when it is a sub-command's
     * name; null otherwise (no such argument, an unknown word, an argument file or {@code --}).
     */
    static String subcommandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (arg.equals("--") || arg.startsWith("@")) {
                return null;
            } else if (!arg.startsWith("-")) {
                return SUBCOMMANDS.contains(arg) ? arg : null;
            }
        }
        return null;
    }

    /** The root command with the named sub-command, or all of them when {@code only} is null. */
    private static CommandLine build(String only) {
        CommandLine cl = new CommandLine(new JazzCommand());
        for (String name : SUBCOMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setExecutionStrategy(JazzCommand::execute);
        cl.setExecutionExceptionHandler(JazzCommand::failed);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /**
     * A new instance of the named sub-command. A switch rather than a table of constructor references:
     * those would spin nine lambda classes at every start, and only one command is wanted.
     */
    private static Object subcommand(String name) {
        switch (name) {
            case "generate": return new GenerateCommand();
            case "train": return new TrainCommand();
            case "corpus": return new CorpusCommand();
            case "info": return new InfoCommand();
            case "render": return new RenderCommand();
            case "analyze": return new AnalyzeCommand();
            case "backends": return new BackendsCommand();
            case "bench": return new BenchCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException("no sub-command " + name);
        }
    }

    /** Checks an explicitly named backend before any command runs; an unknown one is a usage error. */
    private static int execute(ParseResult parsed) {
        JazzCommand root = parsed.commandSpec().commandLine().getCommand();
        if (!CommandLine.printHelpIfRequested(parsed)) {
            String id = root.backendId();
            if ((root.backend != null || !id.equals(Backends.DEFAULT_ID)) && !root.backends().has(id)) {
                PrintWriter err = parsed.commandSpec().commandLine().getErr();
                err.println("jazz: unknown backend '" + id + "'. " + root.backends().listing());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        } else {
            return ExitCodes.OK;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
        JazzCommand root = cl.getCommandSpec().root().commandLine().getCommand();
        PrintWriter err = cl.getErr();
        int code;
        if (e instanceof BadInputException || e instanceof BackendUnavailableException
                || e instanceof IllegalArgumentException || e instanceof TrainingDivergedException) {
            err.println("jazz: " + e.getMessage());
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof CancellationException) {
            err.println("jazz: " + e.getMessage());
            code = ExitCodes.INTERNAL;
        } else {
            err.println("jazz: internal error: " + e + (root.debug ? "" : " (run with --debug for the stack trace)"));
            code = ExitCodes.INTERNAL;
        }
        if (root.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = JazzCommand.class.getPackage().getImplementationVersion();
            return new String[] {"jazz " + (v == null ? "(development build)" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
