package jazz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jazz.api.BadInputException;
import jazz.music.MidiReader;
import jazz.music.WavRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz render}: MIDI to WAV with the JDK's software synthesizer, no audio device needed. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Renders a MIDI file to WAV (44.1 kHz, 16-bit, stereo) with the JDK's Gervill "
                + "synthesizer, offline; optionally with a SoundFont (.sf2)."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--midi", paramLabel = "FILE", required = true, description = "The MIDI file to render.")
    Path midi;

    @Option(names = "--wav", paramLabel = "FILE", required = true, description = "The WAV file to write.")
    Path wav;

    @Option(names = "--soundfont", paramLabel = "FILE", description = "A SoundFont (.sf2) instead of the JDK's sounds.")
    Path soundFont;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            // Reading it as a score first gives the same checks and messages as every other command.
            MidiReader.read(midi);
            bytes = Files.readAllBytes(midi);
        } catch (NoSuchFileException e) {
            throw new BadInputException(midi + " does not exist: give the path of a MIDI file (.mid)");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + midi + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        WavRenderer.render(bytes, wav, soundFont);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("jazz: wrote %s (%.1f s to render)%n", wav, (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
