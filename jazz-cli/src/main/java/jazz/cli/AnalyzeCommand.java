package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.BadInputException;
import jazz.music.Corpus;
import jazz.music.ModelFile;
import jazz.music.SoloAnalysis;
import jazz.music.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz analyze}: how good a solo is, measured. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures solos over their chord track: chord / scale / approach / other tone shares,",
                "notes per measure and whether every measure holds exactly 4 beats, pitch range, the longest",
                "run of tokens copied from the training corpus; for several files, identical pairs and the",
                "mean pairwise token edit distance."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mid", arity = "1..*", description = "Solos to analyse (as jazz generate writes them).")
    List<Path> files;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model whose training corpus the copies are counted against (built-in corpus models only).")
    Path model;

    @Option(names = "--corpus-midi", paramLabel = "FILE", description = "Training MIDI the copies are counted against.")
    Path corpusMidi;

    @Mixin
    PartOptions parts;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<String> training = trainingTokens();
        List<SoloAnalysis> results = new ArrayList<>();
        for (Path f : files) {
            results.add(SoloAnalysis.of(f, training));
        }
        int identical = 0;
        double distance = 0;
        int pairs = 0;
        for (int i = 0; i < results.size(); i++) {
            for (int j = i + 1; j < results.size(); j++) {
                int d = SoloAnalysis.editDistance(results.get(i).tokens(), results.get(j).tokens());
                identical += d == 0 ? 1 : 0;
                distance += d;
                pairs++;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SoloAnalysis a : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", a.file().toString());
            m.put("notes", a.notes());
            m.put("chordToneShare", a.chordToneShare());
            m.put("scaleToneShare", a.scaleToneShare());
            m.put("approachShare", a.approachShare());
            m.put("otherShare", a.otherShare());
            m.put("measures", a.measures());
            m.put("fullMeasures", a.fullMeasures());
            m.put("notesPerMeasure", a.measures() == 0 ? 0.0 : a.notes() / (double) a.measures());
            m.put("pitchRange", List.of(a.lowestPitch(), a.highestPitch()));
            m.put("longestCopiedRun", a.longestCopiedRun());
            rows.add(m);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>(rows.get(0));
            all.put("files", rows);
            all.put("identicalPairs", identical);
            all.put("meanEditDistance", pairs == 0 ? null : distance / pairs);
            out.println(Json.write(all));
        } else {
            for (SoloAnalysis a : results) {
                out.printf(Locale.ROOT, "%s: %d notes in %d measures (%d hold exactly 4 beats), pitch %d-%d%n", a.file(),
                        a.notes(), a.measures(), a.fullMeasures(), a.lowestPitch(), a.highestPitch());
                out.printf(Locale.ROOT, "  chord tones %.0f%%, scale %.0f%%, approach %.0f%%, other %.0f%%; longest copied run %d tokens%n",
                        100 * a.chordToneShare(), 100 * a.scaleToneShare(), 100 * a.approachShare(), 100 * a.otherShare(),
                        a.longestCopiedRun());
            }
            if (pairs > 0) {
                out.printf(Locale.ROOT, "%d files: %d identical pairs, mean pairwise token edit distance %.1f%n",
                        results.size(), identical, distance / pairs);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<String> trainingTokens() {
        if (corpusMidi != null) {
            return Corpus.fromMidi(corpusMidi, parts.selection()).tokens();
        }
        if (model != null) {
            TrainedModel m = ModelFile.load(model);
            if (!m.training().source().equals(Corpus.builtIn().source())) {
                throw new BadInputException("model " + model + " learned from " + m.training().source()
                        + ": give that file with --corpus-midi to count copied runs");
            }
        }
        return Corpus.builtIn().tokens();
    }

}
