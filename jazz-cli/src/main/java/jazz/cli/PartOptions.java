package jazz.cli;

import java.util.ArrayList;
import java.util.List;

import jazz.music.PartSelection;
import picocli.CommandLine.Option;

/** Which parts of a MIDI file are the melody and the chords, and which window of it to use. */
final class PartOptions {

    @Option(names = "--melody-track", paramLabel = "NAME|INDEX", description = "Melody part (default: chosen automatically).")
    String melody;

    @Option(names = "--chord-track", paramLabel = "NAME|INDEX",
            description = "Accompaniment part (repeatable; default: parts that play chords).")
    List<String> chords = new ArrayList<>();

    @Option(names = "--from", paramLabel = "Q", description = "Window start, in quarter notes.")
    Double from;

    @Option(names = "--to", paramLabel = "Q", description = "Window end, in quarter notes.")
    Double to;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Named selection: 'metheny' picks what the notebook picks in original_metheny.mid.")
    String preset;

    /** @return these options as command-line arguments, to pass them on to another jazz process */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (preset != null) {
            args.addAll(List.of("--preset", preset));
        }
        if (melody != null) {
            args.addAll(List.of("--melody-track", melody));
        }
        for (String c : chords) {
            args.addAll(List.of("--chord-track", c));
        }
        if (from != null) {
            args.addAll(List.of("--from", String.valueOf(from)));
        }
        if (to != null) {
            args.addAll(List.of("--to", String.valueOf(to)));
        }
        return args;
    }

    /** Part options only make sense with a MIDI file: say so instead of ignoring them. */
    void requireMidi() {
        if (preset != null || melody != null || !chords.isEmpty() || from != null || to != null) {
            throw new IllegalArgumentException("--preset, --melody-track, --chord-track, --from and --to need --midi FILE");
        }
    }

    PartSelection selection() {
        return PartSelection.of(preset, melody, chords, from, to);
    }
}
