package jazz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jazz.api.BadInputException;
import jazz.music.Corpus;
import jazz.music.PartSelection;

/** Reads what to learn from: the built-in corpus, one MIDI file, or every MIDI file under a folder. */
final class CorpusLoader {

    private static final int MAX_FILES = 100_000;

    private CorpusLoader() {
    }

    /**
     * @param midi a MIDI file, a folder of them (searched recursively), or null for the built-in corpus
     * @param selection the part options, applied to every file
     * @param err where progress and skipped files are reported
     * @return the corpus
     */
    static Corpus load(Path midi, PartSelection selection, PrintWriter err) {
        if (midi == null) {
            return Corpus.builtIn();
        }
        if (!Files.isDirectory(midi)) {
            return Corpus.fromMidi(midi, selection);
        }
        List<Path> files = midiFilesUnder(midi);
        if (files.isEmpty()) {
            throw new BadInputException("no MIDI file (.mid, .midi) under " + midi);
        }
        List<Corpus> used = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                Corpus c = Corpus.fromMidi(f, selection);
                used.add(c);
                err.printf(Locale.ROOT, "read %d/%d %s: %d measures, %d tokens%n", i + 1, files.size(), midi.relativize(f),
                        c.measureCount(), c.tokens().size());
            } catch (BadInputException e) {
                skipped++;
                err.printf(Locale.ROOT, "skipped %d/%d %s: %s%n", i + 1, files.size(), midi.relativize(f), e.getMessage());
            }
            err.flush();
        }
        err.printf(Locale.ROOT, "using %d of %d MIDI files under %s (%d skipped)%n", used.size(), files.size(), midi, skipped);
        err.flush();
        if (used.isEmpty()) {
            throw new BadInputException("none of the " + files.size() + " MIDI files under " + midi
                    + " could be used (see the lines above)");
        }
        return Corpus.combine(midi.getFileName() == null ? midi.toString() : midi.getFileName() + "/ (" + used.size()
                + " files, " + selection.describe() + ")", used);
    }

    private static List<Path> midiFilesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".mid") || n.endsWith(".midi");
            }).sorted().limit(MAX_FILES).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
