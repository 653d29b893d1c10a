package jazz.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import jazz.api.BadInputException;

/**
 * Writes a solo as a type-1 MIDI file at 480 ticks per quarter: a conductor track (name, tempo, 4/4),
 * the melody on an electric guitar, and the progression's chords on a piano track.
 */
public final class MidiWriter {

    /** General MIDI program of the melody: electric guitar (jazz). */
    public static final int GUITAR_PROGRAM = 26;
    /** General MIDI program of the chords: acoustic grand piano. */
    public static final int PIANO_PROGRAM = 0;
    private static final int MELODY_CHANNEL = 0;
    private static final int CHORD_CHANNEL = 1;
    private static final int CHORD_VELOCITY = 60;

    private MidiWriter() {
    }

    /**
     * The MIDI bytes of a solo; the same solo gives the same bytes.
     *
     * @param solo the solo
     * @param tempoBpm quarter notes per minute, 20 to 400
     * @return a standard MIDI file
     * @throws BadInputException when the tempo is out of range
     */
    public static byte[] toMidi(Solo solo, int tempoBpm) {
        if (tempoBpm < 20 || tempoBpm > 400) {
            throw new BadInputException("the tempo must be 20 to 400 bpm, got " + tempoBpm);
        }
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, Defaults.PPQ);
            Track conductor = sequence.createTrack();
            conductor.add(meta(0x03, "jazz solo".getBytes(StandardCharsets.US_ASCII), 0));
            int micros = 60_000_000 / tempoBpm;
            conductor.add(meta(0x51, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 0));
            conductor.add(meta(0x58, new byte[] {4, 2, 24, 8}, 0));

            Track melody = sequence.createTrack();
            melody.add(meta(0x03, "Melody (electric guitar)".getBytes(StandardCharsets.US_ASCII), 0));
            melody.add(shortEvent(ShortMessage.PROGRAM_CHANGE, MELODY_CHANNEL, GUITAR_PROGRAM, 0, 0));
            for (SoloNote n : solo.notes()) {
                long on = ticks(n.onset());
                long off = Math.max(on + 1, ticks(n.onset() + n.duration()));
                melody.add(shortEvent(ShortMessage.NOTE_ON, MELODY_CHANNEL, n.pitch(), n.velocity(), on));
                melody.add(shortEvent(ShortMessage.NOTE_OFF, MELODY_CHANNEL, n.pitch(), 0, off));
            }

            Track chords = sequence.createTrack();
            chords.add(meta(0x03, "Chords".getBytes(StandardCharsets.US_ASCII), 0));
            chords.add(shortEvent(ShortMessage.PROGRAM_CHANGE, CHORD_CHANNEL, PIANO_PROGRAM, 0, 0));
            for (int m = 0; m < solo.measures(); m++) {
                List<TimedChord> bar = solo.progression().timedBar(m);
                long barStart = ticks(m * (double) Defaults.BEATS_PER_MEASURE);
                for (int i = 0; i < bar.size(); i++) {
                    long on = barStart + ticks(Quantizer.quarters(bar.get(i).onset()));
                    long off = i + 1 < bar.size() ? barStart + ticks(Quantizer.quarters(bar.get(i + 1).onset()))
                            : barStart + ticks(Defaults.BEATS_PER_MEASURE);
                    for (int pitch : bar.get(i).chord().voicing()) {
                        chords.add(shortEvent(ShortMessage.NOTE_ON, CHORD_CHANNEL, pitch, CHORD_VELOCITY, on));
                        chords.add(shortEvent(ShortMessage.NOTE_OFF, CHORD_CHANNEL, pitch, 0, off));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a solo made an invalid MIDI event", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ticks(double quarters) {
        return Math.round(quarters * Defaults.PPQ);
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }

    private static MidiEvent shortEvent(int command, int channel, int data1, int data2, long tick)
            throws InvalidMidiDataException {
        return new MidiEvent(new ShortMessage(command, channel, data1, data2), tick);
    }
}
