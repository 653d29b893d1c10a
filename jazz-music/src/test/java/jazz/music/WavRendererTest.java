package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

class WavRendererTest {

    @TempDir
    Path dir;

    @Test
    void aRenderedSoloIsAudible44kStereo16Bit() throws Exception {
        Solo solo = new Solo(List.of(new SoloNote(67, 0, 1, 100), new SoloNote(71, 1, 1, 100), new SoloNote(74, 2, 2, 100)),
                ChordProgression.parse("G7"), 1);
        Path wav = dir.resolve("solo.wav");
        long start = System.nanoTime();
        WavRenderer.render(MidiWriter.toMidi(solo, 130), wav, null);
        System.out.printf("rendered one measure in %.2f s (offline stream: %s)%n", (System.nanoTime() - start) / 1e9,
                WavRenderer.canOpenStream());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(44100f, f.getSampleRate());
            assertEquals(16, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            byte[] pcm = in.readAllBytes();
            double sum = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                short s = (short) ((pcm[i] & 0xFF) | pcm[i + 1] << 8);
                sum += (double) s * s;
            }
            double rms = Math.sqrt(sum / (pcm.length / 2.0));
            // 1.85 s of music at 130 bpm plus the release tail.
            assertTrue(pcm.length / 4 >= 44100 * 1.8, "frames " + pcm.length / 4);
            assertTrue(rms > 100, "the WAV is silent: RMS " + rms);
        }
    }

    @Test
    void unreadableMidiOrAMissingOrBrokenSoundFontIsBadInput() throws Exception {
        Path wav = dir.resolve("x.wav");
        assertThrows(BadInputException.class, () -> WavRenderer.render(new byte[] {1, 2, 3}, wav, null));
        Solo solo = new Solo(List.of(new SoloNote(60, 0, 1, 100)), ChordProgression.parse("C"), 1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> WavRenderer.render(MidiWriter.toMidi(solo, 130), wav, dir.resolve("none.sf2")));
        assertTrue(e.getMessage().contains("none.sf2"));
        Path garbage = dir.resolve("garbage.sf2");
        Files.writeString(garbage, "RIFF but not really a SoundFont");
        BadInputException g = assertThrows(BadInputException.class,
                () -> WavRenderer.render(MidiWriter.toMidi(solo, 130), wav, garbage));
        assertTrue(g.getMessage().contains("garbage.sf2"), g.getMessage());
        assertTrue(Files.notExists(wav));
    }
}
