package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        subcommands = {GenerateCommand.class, TrainCommand.class, CorpusCommand.class, InfoCommand.class,
                RenderCommand.class, AnalyzeCommand.class, BackendsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
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

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JazzCommand());
        cl.setExecutionStrategy(JazzCommand::execute);
        cl.setExecutionExceptionHandler(JazzCommand::failed);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Checks an explicitly named backend before any command runs; an unknown one is a usage error. */
    private static int execute(ParseResult parsed) {
        JazzCommand root = parsed.commandSpec().commandLine().getCommand();
        if (!CommandLine.printHelpIfRequested(parsed)) {
            String id = root.backendId();
            if ((root.backend != null || !id.equals(Backends.DEFAULT_ID)) && root.backends().find(id).isEmpty()) {
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
