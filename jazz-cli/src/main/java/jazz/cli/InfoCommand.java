package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.ModelSpec;
import jazz.music.ModelFile;
import jazz.music.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz info}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Shows what a .jazz model file holds: shape, parameters, vocabulary, training record, progression.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file.")
    Path model;

    @Option(names = "--json", description = "Print it as JSON.")
    boolean json;

    @Override
    public Integer call() {
        TrainedModel m = ModelFile.load(model);
        ModelSpec s = m.spec();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("file", model.toString());
            j.put("vocabularySize", s.vocabularySize());
            j.put("hidden", s.hiddenSize());
            j.put("layers", s.layers());
            j.put("parameters", s.parameterCount());
            j.put("backend", m.training().backend());
            j.put("epochs", m.training().epochs());
            j.put("finalLoss", m.training().finalLoss());
            j.put("seed", m.training().seed());
            j.put("seconds", m.training().seconds());
            j.put("source", m.training().source());
            j.put("progression", m.progression());
            j.put("vocabulary", m.vocabulary());
            out.println(Json.write(j));
        } else {
            out.printf(Locale.ROOT, "model        %s%n", model);
            out.printf(Locale.ROOT, "shape        LSTM %d x %d units, Dense(%d) softmax%n", s.layers(), s.hiddenSize(),
                    s.vocabularySize());
            out.printf(Locale.ROOT, "parameters   %,d%n", s.parameterCount());
            out.printf(Locale.ROOT, "vocabulary   %d tokens%n", s.vocabularySize());
            out.printf(Locale.ROOT, "trained on   %s with %s, %d epochs, seed %d, %.2f s%n", m.training().source(),
                    m.training().backend(), m.training().epochs(), m.training().seed(), m.training().seconds());
            out.printf(Locale.ROOT, "final loss   %.4f%n", m.training().finalLoss());
            out.printf(Locale.ROOT, "progression  %s%n", m.progression());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
