package jazz.music;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import jazz.api.BadInputException;

/**
 * Renders MIDI to a WAV file (44.1 kHz, 16-bit, stereo) with the JDK's Gervill software synthesizer,
 * offline: no audio device is opened and rendering runs faster than real time.
 *
 * <p>Gervill's offline entry point, {@code AudioSynthesizer.openStream}, sits in a package
 * java.desktop does not export; when the JVM runs with
 * {@code --add-exports java.desktop/com.sun.media.sound=jazz.music} (or {@code =ALL-UNNAMED} on the
 * class path) it is used, and a SoundFont may be given. Without it the same synthesizer renders
 * through the public {@code AudioSystem} MIDI file reader with its default sounds.
 */
public final class WavRenderer {

    /** The output format: 44.1 kHz, 16-bit signed little-endian, stereo. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Seconds of release after the last event, so the final notes ring out. */
    private static final double TAIL_SECONDS = 1.5;
    /** Longest rendering, in seconds: an hour of audio is already 635 MB of WAV. */
    private static final double MAX_SECONDS = 3600;

    private WavRenderer() {
    }

    /**
     * Renders MIDI bytes to a WAV file, written atomically.
     *
     * @param midiBytes a standard MIDI file
     * @param wav the WAV file to write
     * @param soundFontOrNull a SoundFont (.sf2) to play with, or null for the JDK's default sounds
     * @throws BadInputException when the MIDI is unreadable, the SoundFont is missing or unreadable,
     *         or the WAV cannot be written
     */
    public static void render(byte[] midiBytes, Path wav, Path soundFontOrNull) {
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(midiBytes));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new BadInputException("cannot render " + wav + ": the MIDI data is not readable (" + e.getMessage() + ")", e);
        }
        Soundbank soundbank = soundFontOrNull == null ? null : soundbank(soundFontOrNull);
        AudioInputStream audio = canOpenStream() ? renderOffline(sequence, soundbank) : renderByFileReader(midiBytes, soundFontOrNull);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = audio) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("rendering " + wav + " failed: " + e.getMessage(), e);
        }
        AtomicFile.write(wav, out.toByteArray());
    }

    /** @return true when Gervill's offline stream can be opened (its package is exported to us) */
    static boolean canOpenStream() {
        return Synthesizer.class.getModule().isExported("com.sun.media.sound", WavRenderer.class.getModule());
    }

    private static AudioInputStream renderOffline(Sequence sequence, Soundbank soundbank) {
        Synthesizer synth = null;
        try {
            synth = MidiSystem.getSynthesizer();
            Method openStream = Class.forName("com.sun.media.sound.AudioSynthesizer")
                    .getMethod("openStream", AudioFormat.class, Map.class);
            AudioInputStream stream = (AudioInputStream) openStream.invoke(synth, FORMAT, null);
            if (soundbank != null) {
                synth.unloadAllInstruments(synth.getDefaultSoundbank());
                if (!synth.loadAllInstruments(soundbank)) {
                    throw new BadInputException("the SoundFont " + soundbank.getName() + " has no instrument this synthesizer can load");
                }
            }
            Receiver receiver = synth.getReceiver();
            long end = 0;
            for (long[] timed : timeline(sequence)) {
                MidiEvent event = sequence.getTracks()[(int) timed[1]].get((int) timed[2]);
                MidiMessage message = event.getMessage();
                if (!(message instanceof MetaMessage)) {
                    receiver.send(message, timed[0]);
                }
                end = Math.max(end, timed[0]);
            }
            double seconds = Math.min(MAX_SECONDS, end / 1e6 + TAIL_SECONDS);
            long frames = (long) (seconds * FORMAT.getFrameRate());
            // The stream is drained before the synthesizer closes: copy it out now.
            AudioInputStream limited = new AudioInputStream(stream, FORMAT, frames);
            byte[] pcm = limited.readAllBytes();
            return new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, pcm.length / FORMAT.getFrameSize());
        } catch (MidiUnavailableException | ReflectiveOperationException | IOException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new IllegalStateException("the software synthesizer failed: " + cause, cause);
        } finally {
            if (synth != null) {
                synth.close();
            }
        }
    }

    private static AudioInputStream renderByFileReader(byte[] midiBytes, Path soundFont) {
        if (soundFont != null) {
            throw new BadInputException("a SoundFont needs Gervill's offline renderer: start the JVM with "
                    + "--add-exports java.desktop/com.sun.media.sound=jazz.music (the jazz launcher does)");
        }
        try {
            AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(midiBytes));
            return in.getFormat().matches(FORMAT) ? in : AudioSystem.getAudioInputStream(FORMAT, in);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw new IllegalStateException("the software synthesizer cannot render this MIDI: " + e.getMessage(), e);
        }
    }

    private static Soundbank soundbank(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("the SoundFont " + file + " does not exist or is not a file");
        }
        try {
            return MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new BadInputException("the SoundFont " + file + " is not readable (" + e.getMessage()
                    + "); give a .sf2 or .dls file", e);
        }
    }

    /**
     * Every event's time in microseconds, through the tempo changes: {@code {micros, track, index}},
     * by time.
     */
    private static List<long[]> timeline(Sequence sequence) {
        List<long[]> tempos = new ArrayList<>();
        Track[] tracks = sequence.getTracks();
        List<long[]> events = new ArrayList<>();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                events.add(new long[] {e.getTick(), t, i});
                if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x51 && m.getData().length == 3) {
                    byte[] d = m.getData();
                    tempos.add(new long[] {e.getTick(), (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | (d[2] & 0xFF)});
                }
            }
        }
        tempos.sort(Comparator.comparingLong(a -> a[0]));
        events.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]).thenComparingLong(a -> a[2]));
        double resolution = sequence.getResolution();
        for (long[] e : events) {
            e[0] = micros(e[0], tempos, resolution, sequence.getDivisionType());
        }
        return events;
    }

    private static long micros(long tick, List<long[]> tempos, double resolution, float division) {
        if (division != Sequence.PPQ) {
            return (long) (tick * 1e6 / (division * resolution));
        }
        double micros = 0;
        long lastTick = 0;
        double perQuarter = 500_000;
        for (long[] tempo : tempos) {
            if (tempo[0] > tick) {
                break;
            }
            micros += (tempo[0] - lastTick) * perQuarter / resolution;
            lastTick = tempo[0];
            perQuarter = tempo[1];
        }
        return (long) (micros + (tick - lastTick) * perQuarter / resolution);
    }
}
