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
 * the melody on an electric guitar, the progression comped on a piano track ({@link Comping}) and,
 * when asked, a walking bass ({@link WalkingBass}). Swing moves offbeats in the file only; the solo
 * and its grammar are untouched.
 */
public final class MidiWriter {

    /** General MIDI program of the melody: electric guitar (jazz). */
    public static final int GUITAR_PROGRAM = 26;
    /** The melody track's name starts with this; {@link SoloAnalysis} finds the melody by it. */
    public static final String MELODY_TRACK_PREFIX = "Melody";
    /** The walking bass track's name starts with this. */
    public static final String BASS_TRACK_PREFIX = "Bass";
    /** General MIDI program of the chords: acoustic grand piano. */
    public static final int PIANO_PROGRAM = 0;
    private static final int MELODY_CHANNEL = 0;
    private static final int CHORD_CHANNEL = 1;
    /** General MIDI program of the walking bass: acoustic bass. */
    public static final int BASS_PROGRAM = 32;
    private static final int BASS_CHANNEL = 2;

    private MidiWriter() {
    }

    /**
     * The MIDI bytes of a solo with block chords, no bass and straight eighths; the same solo gives
     * the same bytes.
     *
     * @param solo the solo
     * @param tempoBpm quarter notes per minute, 20 to 400
     * @return a standard MIDI file
     * @throws BadInputException when the tempo is out of range
     */
    public static byte[] toMidi(Solo solo, int tempoBpm) {
        return toMidi(solo, tempoBpm, Arrangement.DEFAULT);
    }

    /**
     * The MIDI bytes of a solo in an arrangement: the melody (swung as asked), the comping track
     * named "Chords" unless the style is none, and a walking bass when asked; the same solo and
     * arrangement give the same bytes.
     *
     * @param solo the solo
     * @param tempoBpm quarter notes per minute, 20 to 400
     * @param arrangement comping style, walking bass and swing
     * @return a standard MIDI file
     * @throws BadInputException when the tempo is out of range
     */
    public static byte[] toMidi(Solo solo, int tempoBpm, Arrangement arrangement) {
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

            addTrack(sequence, MELODY_TRACK_PREFIX + " (electric guitar)", MELODY_CHANNEL, GUITAR_PROGRAM, solo.notes(), arrangement);
            if (arrangement.comp() != CompStyle.NONE) {
                addTrack(sequence, "Chords", CHORD_CHANNEL, PIANO_PROGRAM,
                        Comping.notes(solo.progression(), solo.measures(), arrangement.comp()), arrangement);
            }
            if (arrangement.walkingBass()) {
                addTrack(sequence, BASS_TRACK_PREFIX + " (walking)", BASS_CHANNEL, BASS_PROGRAM,
                        WalkingBass.notes(solo.progression(), solo.measures()), arrangement);
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

    /** One instrument's track; onsets and ends go through the swing, so beats stay put and offbeats move. */
    private static void addTrack(Sequence sequence, String name, int channel, int program, List<SoloNote> notes,
            Arrangement arrangement) throws InvalidMidiDataException {
        Track track = sequence.createTrack();
        track.add(meta(0x03, name.getBytes(StandardCharsets.US_ASCII), 0));
        track.add(shortEvent(ShortMessage.PROGRAM_CHANGE, channel, program, 0, 0));
        for (SoloNote n : notes) {
            long on = ticks(arrangement.swung(n.onset()));
            long off = Math.max(on + 1, ticks(arrangement.swung(n.onset() + n.duration())));
            track.add(shortEvent(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity(), on));
            track.add(shortEvent(ShortMessage.NOTE_OFF, channel, n.pitch(), 0, off));
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
