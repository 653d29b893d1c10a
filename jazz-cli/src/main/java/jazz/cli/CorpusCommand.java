package jazz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import jazz.music.Corpus;
import jazz.music.GrammarToken;
import jazz.music.MidiPart;
import jazz.music.SelectedParts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz corpus}: what the grammar extraction finds in a MIDI file, or in the built-in corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows what a MIDI file gives to learn from: its parts (index, name, channel, notes, "
                + "polyphony), the selection, measures, chord groups, tokens, vocabulary and counts per token type. "
                + "With no --midi it describes the built-in corpus."})
final class CorpusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--midi", paramLabel = "FILE", description = "MIDI file to read (default: the built-in corpus).")
    Path midi;

    @Mixin
    PartOptions parts;

    @Option(names = "--json", description = "Print JSON: parts, measures, chordGroups, tokens, vocabulary, typeCounts, ...")
    boolean json;

    @Override
    public Integer call() {
        Corpus corpus;
        if (midi == null) {
            parts.requireMidi();
            corpus = Corpus.builtIn();
        } else {
            corpus = Corpus.fromMidi(midi, parts.selection());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report(corpus)));
        } else {
            print(corpus, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> report(Corpus corpus) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", corpus.source());
        List<Map<String, Object>> parts = new ArrayList<>();
        SelectedParts sel = corpus.selection();
        for (MidiPart p : corpus.parts()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("index", p.index());
            part.put("name", p.name());
            part.put("track", p.track());
            part.put("channel", p.channel());
            part.put("program", p.program());
            part.put("notes", p.notes().size());
            part.put("notesInWindow", p.notesIn(sel.from(), sel.to()).size());
            part.put("polyphony", p.polyphony(sel.from(), sel.to()));
            part.put("role", sel.melody().contains(p) ? "melody" : sel.chords().contains(p) ? "chords" : "");
            parts.add(part);
        }
        m.put("parts", parts);
        if (sel != null) {
            Map<String, Object> selection = new LinkedHashMap<>();
            selection.put("melody", sel.melody().stream().map(MidiPart::index).toList());
            selection.put("chords", sel.chords().stream().map(MidiPart::index).toList());
            selection.put("from", sel.from());
            selection.put("to", sel.to());
            m.put("selection", selection);
        }
        m.put("measures", corpus.measureCount());
        m.put("chordGroups", corpus.chordGroups());
        m.put("tokens", corpus.tokens().size());
        m.put("vocabulary", corpus.vocabulary().size());
        Map<String, Object> counts = new LinkedHashMap<>();
        corpus.typeCounts().forEach((type, n) -> counts.put(type.name(), n));
        m.put("typeCounts", counts);
        m.put("progression", corpus.progression().toSymbols());
        m.put("measureTokens", corpus.measureTokens().stream()
                .map(list -> list.stream().map(GrammarToken::toString).collect(Collectors.joining(" "))).toList());
        m.put("vocabularyList", corpus.vocabulary());
        return m;
    }

    private static void print(Corpus corpus, PrintWriter out) {
        out.println("Source: " + corpus.source());
        SelectedParts sel = corpus.selection();
        if (sel != null) {
            out.printf("%nParts (window: quarters %s to %s):%n", num(sel.from()), num(sel.to()));
            out.printf("  %5s  %-22s %7s %7s %9s %9s  %s%n", "INDEX", "NAME", "CHANNEL", "NOTES", "IN WINDOW", "POLYPHONY", "ROLE");
            for (MidiPart p : corpus.parts()) {
                out.printf("  %5d  %-22s %7d %7d %9d %9d  %s%n", p.index(), p.name(), p.channel(), p.notes().size(),
                        p.notesIn(sel.from(), sel.to()).size(), p.polyphony(sel.from(), sel.to()),
                        sel.melody().contains(p) ? "melody" : sel.chords().contains(p) ? "chords" : "");
            }
        }
        out.printf("%nMeasures: %d   chord groups: %d   tokens: %d   vocabulary: %d%n", corpus.measureCount(),
                corpus.chordGroups(), corpus.tokens().size(), corpus.vocabulary().size());
        out.println("Tokens per type: " + corpus.typeCounts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + "   (C chord, S scale, A approach, X other, R rest)");
        out.println();
        for (int i = 0; i < corpus.measureCount(); i++) {
            String chords = corpus.progression().bar(i).stream().map(Object::toString).collect(Collectors.joining(" "));
            out.printf("%3d  %-24s %s%n", i + 1, chords, corpus.measureTokens().get(i).stream()
                    .map(GrammarToken::toString).collect(Collectors.joining(" ")));
        }
        out.println();
        out.println("Vocabulary (" + corpus.vocabulary().size() + "): " + String.join(" ", corpus.vocabulary()));
    }

    private static String num(double q) {
        return q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q);
    }
}
