package jazz.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Builds real MIDI files for tests: notes given in ticks, written by javax.sound.midi. */
final class MidiBytes {

    private final Sequence sequence;

    MidiBytes(int resolution, int tracks) {
        try {
            sequence = new Sequence(Sequence.PPQ, resolution);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < tracks; i++) {
            sequence.createTrack();
        }
    }

    MidiBytes name(int track, String name) {
        add(track, new MidiEvent(meta(0x03, name.getBytes(StandardCharsets.US_ASCII)), 0));
        return this;
    }

    MidiBytes program(int track, int channel, int program) {
        add(track, event(ShortMessage.PROGRAM_CHANGE, channel, program, 0, 0));
        return this;
    }

    /** A note from tick {@code on} to tick {@code off}; channel 0-based. */
    MidiBytes note(int track, int channel, int pitch, long on, long off) {
        add(track, event(ShortMessage.NOTE_ON, channel, pitch, 80, on));
        add(track, event(ShortMessage.NOTE_OFF, channel, pitch, 0, off));
        return this;
    }

    byte[] bytes(int type) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, type, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(int track, MidiEvent e) {
        Track t = sequence.getTracks()[track];
        t.add(e);
    }

    private static MidiEvent event(int command, int channel, int d1, int d2, long tick) {
        try {
            return new MidiEvent(new ShortMessage(command, channel, d1, d2), tick);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MetaMessage meta(int type, byte[] data) {
        try {
            return new MetaMessage(type, data, data.length);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
