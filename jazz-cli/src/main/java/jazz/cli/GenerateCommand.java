package jazz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.BadInputException;
import jazz.api.SamplingConfig;
import jazz.api.SamplingStrategy;
import jazz.music.Arrangement;
import jazz.music.AtomicFile;
import jazz.music.ChordProgression;
import jazz.music.CompStyle;
import jazz.music.Corpus;
import jazz.music.DecoderConstraints;
import jazz.music.GenerationOptions;
import jazz.music.Jazz;
import jazz.music.MidiWriter;
import jazz.music.ModelFile;
import jazz.music.PitchRange;
import jazz.music.Solo;
import jazz.music.TrainedModel;
import jazz.music.WavRenderer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz generate}: improvises a solo and writes it as MIDI (and WAV). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Improvises a new solo over chord changes and writes it as MIDI and WAV.",
                "With no options: learns from the built-in corpus with the default backend and writes",
                "solo.mid and solo.wav here. The same seed and inputs give byte-identical MIDI."})
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    JazzCommand root;

    @Spec
    CommandSpec spec;

    /** Where the model comes from: a file, a MIDI solo to train on, or (neither) the built-in corpus. */
    static final class Source {
        @Option(names = "--model", paramLabel = "FILE", description = "Use a trained .jazz model (no training).")
        Path model;

        @Option(names = "--midi", paramLabel = "FILE", description = "Train on this MIDI solo first.")
        Path midi;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    @Mixin
    PartOptions parts;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", paramLabel = "FILE", description = "MIDI file to write (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("solo.mid");

    /** WAV output: a file, or none. */
    static final class Wav {
        @Option(names = "--wav", paramLabel = "FILE", description = "WAV file to write (default: the MIDI name with .wav).")
        Path wav;

        @Option(names = "--no-wav", description = "Do not render a WAV file.")
        boolean noWav;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Wav wav = new Wav();

    @Option(names = "--soundfont", paramLabel = "SF2", description = "SoundFont for the WAV (default: the JDK's).")
    Path soundFont;

    @Option(names = "--measures", paramLabel = "N", description = "Measures to improvise (default: the progression's length).")
    Integer measures;

    @Option(names = "--chords", paramLabel = "SYMBOLS",
            description = "Chord changes, bars split by '|': \"Dm7 G7 | Cmaj7\" (default: the model's training progression).")
    String chords;

    @Option(names = "--sampling", paramLabel = "STRATEGY",
            description = "argmax, temperature, top-k, top-p or beam (default: ${DEFAULT-VALUE}).")
    String sampling = "temperature";

    @Option(names = "--beam-width", paramLabel = "W",
            description = "Lines kept by --sampling beam, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int beamWidth = GenerationOptions.DEFAULT_BEAM_WIDTH;

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature, above 0 (default: ${DEFAULT-VALUE}).")
    double temperature = 0.5;

    @Option(names = "--top-k", paramLabel = "K", description = "Tokens kept by top-k (default: ${DEFAULT-VALUE}).")
    int topK = 5;

    @Option(names = "--top-p", paramLabel = "P", description = "Probability mass kept by top-p (default: ${DEFAULT-VALUE}).")
    double topP = 0.9;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of training, sampling and decoding (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--tempo", paramLabel = "BPM", description = "Tempo of the MIDI file (default: ${DEFAULT-VALUE}).")
    int tempo = 130;

    @Option(names = "--json", description = "Print midi, wav, backend, measures, notes, seconds and seed as JSON.")
    boolean json;

    @Option(names = "--count", paramLabel = "N",
            description = "Improvise N solos with seeds seed, seed+1, ... into NAME-01.mid, NAME-02.mid, ... (default: 1).")
    int count = 1;

    @Option(names = "--primer", paramLabel = "FILE.mid",
            description = "Continue this MIDI solo (parts chosen as --melody-track/--chord-track/--preset say, else automatically):"
                    + " the model runs over its tokens first and the output opens with its measures.")
    Path primer;

    @Option(names = "--primer-measures", paramLabel = "N",
            description = "Use only the first N measures of the primer; without --primer, the first N measures of the"
                    + " training solo (needs --midi or the built-in corpus, not --model).")
    Integer primerMeasures;

    @Option(names = "--range", paramLabel = "LOW-HIGH",
            description = "Pitch range of the melody in note names, e.g. E3-E6 (default: C3-B6).")
    String range;

    @Option(names = "--max-leap", paramLabel = "SEMITONES", description = "Widest interval between consecutive melody notes.")
    Integer maxLeap;

    @Option(names = "--swing", paramLabel = "RATIO",
            description = "Offbeat eighths at RATIO of the beat in the MIDI output, 0.5 (straight) to 0.8; 0.67 swings"
                    + " (default: ${DEFAULT-VALUE}).")
    double swing = Arrangement.STRAIGHT;

    @Option(names = "--comp", paramLabel = "STYLE",
            description = "Comping track: none, block (a voicing per chord change) or charleston (default: ${DEFAULT-VALUE}).")
    String comp = CompStyle.BLOCK.cliName();

    @Option(names = "--bass", description = "Add a walking bass track.")
    boolean bass;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        SamplingStrategy strategy = SamplingStrategy.parse(sampling);
        new SamplingConfig(strategy, temperature, topK, topP, seed); // checks the ranges before any work
        TrainingOptions.check(tempo >= 20 && tempo <= 400, "--tempo must be between 20 and 400 bpm, got " + tempo);
        TrainingOptions.check(count >= 1 && count <= 999, "--count must be between 1 and 999, got " + count);
        if (measures != null) {
            TrainingOptions.check(measures >= 1 && measures <= 10_000, "--measures must be between 1 and 10000, got "
                    + measures);
        }
        Path wavBase = wav.noWav ? null : wav.wav != null ? wav.wav : siblingWav(out);
        List<Path> midiPaths = new ArrayList<>();
        List<Path> wavPaths = new ArrayList<>();
        List<SamplingConfig> configs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            midiPaths.add(count == 1 ? out : numbered(out, i + 1));
            wavPaths.add(wavBase == null ? null : count == 1 ? wavBase : numbered(wavBase, i + 1));
            configs.add(new SamplingConfig(strategy, temperature, topK, topP, seed + i));
        }
        for (int i = 0; i < count; i++) {
            OutputPaths.check(midiPaths.get(i));
            if (wavPaths.get(i) != null) {
                OutputPaths.check(wavPaths.get(i));
            }
        }
        if (soundFont != null && !Files.isRegularFile(soundFont)) {
            throw new IllegalArgumentException("--soundfont " + soundFont + " is not a file");
        }
        // The backend's availability check runs while the model, primer and chords are read (Backends.prepare).
        root.backends().prepare(root.backendId());
        ChordProgression given = chords == null ? null : ChordProgression.parse(chords);
        Arrangement arrangement = new Arrangement(CompStyle.parse(comp), bass, swing);
        GenerationOptions options = new GenerationOptions(List.of(), constraints(), beamWidth);
        if (primerMeasures != null && primer == null && source.model != null) {
            throw new BadInputException("--primer-measures without --primer takes the training solo's first measures,"
                    + " which a --model file does not hold: train in the same run (--midi FILE or no source), or give"
                    + " --primer FILE.mid");
        }
        if (primer != null) {
            Corpus primerCorpus = Corpus.fromMidi(primer, parts.selection());
            options = options.withPrimer(GenerationOptions.primerOf(primerCorpus,
                    primerMeasures != null ? primerMeasures : primerCorpus.measureCount()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Solo> solos;
        String backendId;
        try (Jazz jazz = Jazz.open(root.backends(), root.backendId())) {
            backendId = jazz.backendId();
            TrainedModel model;
            if (source.model != null) {
                model = ModelFile.load(source.model);
            } else {
                Corpus corpus = source.midi == null ? Corpus.builtIn() : Corpus.fromMidi(source.midi, parts.selection());
                if (primer == null && primerMeasures != null) {
                    options = options.withPrimer(GenerationOptions.primerOf(corpus, primerMeasures));
                }
                err.printf("jazz: learning from %s with %s%n", corpus.source(), backendId);
                err.flush();
                model = jazz.train(corpus, training.plan(seed), new ProgressBar(err, ProgressBar.onTerminal() && !json, "train"));
            }
            ChordProgression progression = given != null ? given : ChordProgression.parse(model.progression());
            int length = measures != null ? measures : progression.measures();
            if (options.primerMeasures() > 0) {
                err.printf("jazz: the solo opens with %d primer measures, then %d new ones%n", options.primerMeasures(),
                        length);
                err.flush();
            }
            solos = jazz.improviseAll(model, progression, length, configs, options);
        }
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                byte[] midi = MidiWriter.toMidi(solos.get(i), tempo, arrangement);
                if (wavPaths.get(i) != null) {
                    WavRenderer.render(midi, wavPaths.get(i), soundFont);
                    written.add(wavPaths.get(i));
                }
                AtomicFile.write(midiPaths.get(i), midi);
                written.add(midiPaths.get(i));
            }
        } catch (RuntimeException e) {
            written.forEach(GenerateCommand::deleteQuietly); // all or nothing
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Solo solo = solos.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("midi", midiPaths.get(i).toString());
            m.put("wav", wavPaths.get(i) == null ? null : wavPaths.get(i).toString());
            m.put("backend", backendId);
            m.put("measures", solo.measures());
            m.put("notes", solo.noteCount());
            m.put("seconds", seconds);
            m.put("seed", seed + i);
            rows.add(m);
            if (!json) {
                stdout.printf(Locale.ROOT, "wrote %s%s: %d measures, %d notes, backend %s, seed %d%n", midiPaths.get(i),
                        wavPaths.get(i) == null ? "" : " and " + wavPaths.get(i), solo.measures(), solo.noteCount(),
                        backendId, seed + i);
            }
        }
        if (json) {
            stdout.println(Json.write(count == 1 ? rows.get(0) : rows));
        } else {
            stdout.printf(Locale.ROOT, "done in %.2f s%n", seconds);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The decoder's limits from --range and --max-leap. */
    private DecoderConstraints constraints() {
        PitchRange pitches = range == null ? PitchRange.DEFAULT : PitchRange.parse(range);
        return new DecoderConstraints(pitches, maxLeap == null ? DecoderConstraints.NO_LEAP_LIMIT : maxLeap);
    }

    static Path numbered(Path file, int index) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(String.format(Locale.ROOT, "%s-%02d%s", base, index, ext));
    }

    static Path siblingWav(Path midi) {
        String name = midi.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return midi.resolveSibling(base + ".wav");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the MIDI failure is what gets reported
        }
    }
}
