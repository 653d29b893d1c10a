package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.TrainingListener;
import jazz.music.Corpus;
import jazz.music.Jazz;
import jazz.music.ModelFile;
import jazz.music.TrainedModel;
import jazz.music.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz train}: learns a soloist's style and saves the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the LSTM on a MIDI solo (or the built-in corpus) and writes a .jazz model file.",
                "Progress (epoch, loss, ETA) goes to stderr; --json prints the result on stdout."})
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    JazzCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--midi", paramLabel = "FILE|DIR",
            description = "MIDI file, or folder of MIDI files (searched recursively), to learn from (default: the built-in corpus).")
    Path midi;

    @Option(names = "--eval-ratio", paramLabel = "R",
            description = {"Share held out for evaluation: whole files when there are several, else the last measures",
                    "(default: 0.1 with several files, none with one). Reports held-out loss and perplexity per epoch."})
    Double evalRatio;

    @Mixin
    PartOptions parts;

    @Mixin
    TrainingOptions training;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of windows, weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "MODEL", description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("model.jazz");

    @Option(names = "--plot", paramLabel = "PNG", description = "Also draw the loss curve into this PNG file.")
    Path plot;

    @Option(names = "--json", description = "Print backend, parameters, epochs, loss, seconds and out as JSON.")
    boolean json;

    @Override
    public Integer call() {
        TrainingPlan plan = training.plan(seed);
        OutputPaths.check(out);
        if (plot != null) {
            OutputPaths.check(plot);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (midi == null) {
            parts.requireMidi();
        }
        // The backend's availability check runs meanwhile (Backends.prepare).
        root.backends().prepare(root.backendId());
        Corpus corpus = CorpusLoader.load(midi, parts.selection(), err);
        Double ratio = evalRatio != null ? evalRatio : corpus.segmentCount() > 1 ? Double.valueOf(0.1) : null;
        if (ratio != null && ratio != 0) {
            corpus = corpus.withHeldOut(ratio, seed);
        }
        List<Double> evalLoss = new ArrayList<>();
        TrainedModel model;
        try (Jazz jazz = Jazz.open(root.backends(), root.backendId())) {
            err.printf("jazz: training on %s with %s (%d tokens, vocabulary %d)%n", corpus.source(), jazz.backendId(),
                    corpus.tokens().size(), corpus.vocabulary().size());
            err.flush();
            ProgressBar bar = new ProgressBar(err, ProgressBar.onTerminal() && !json, "train");
            model = jazz.train(corpus, plan, new TrainingListener() {
                @Override
                public void epochDone(int epoch, int epochs, double loss) {
                    bar.epochDone(epoch, epochs, loss);
                }

                @Override
                public void evaluated(int epoch, double loss, double perplexity) {
                    evalLoss.add(loss);
                    bar.evaluated(epoch, loss, perplexity);
                }
            });
        }
        ModelFile.save(out, model);
        if (plot != null) {
            LossPlot.write(plot, model.training().loss(), "jazz train: " + corpus.source());
        }
        double[] loss = model.training().loss();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", model.training().backend());
            m.put("parameters", model.spec().parameterCount());
            m.put("epochs", model.training().epochs());
            m.put("loss", loss);
            m.put("seconds", model.training().seconds());
            m.put("out", out.toString());
            m.put("evalLoss", evalLoss.isEmpty() ? null : evalLoss);
            spec.commandLine().getOut().println(Json.write(m));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %s: %d parameters, %d epochs on %s in %.2f s, loss %.3f -> %.3f%s%n", out,
                    model.spec().parameterCount(), model.training().epochs(), model.training().backend(),
                    model.training().seconds(), loss[0], loss[loss.length - 1], plot == null ? "" : "; plot " + plot);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
