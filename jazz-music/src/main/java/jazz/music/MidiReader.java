package jazz.music;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import jazz.api.BadInputException;

/**
 * Reads a standard MIDI file (type 0 or 1, any resolution) into parts: one per channel per track,
 * so a type-0 file or a track holding several instruments splits by channel. javax.sound.midi is
 * tolerant and throws unchecked exceptions, so the chunk structure is checked here first (sizes
 * capped before anything is allocated) and every call into it is guarded.
 */
public final class MidiReader {

    /** Largest MIDI file read: real performances are well under a megabyte. */
    static final long MAX_FILE_BYTES = 16L << 20;
    /** Most notes read from one file. */
    static final int MAX_NOTES = 1_000_000;
    private static final int MAX_TRACKS = 4096;
    /** Latest note end, in quarters: a day of music at 400 bpm; beyond it times would overflow the grid. */
    static final double MAX_QUARTERS = 400 * 60 * 24;

    private MidiReader() {
    }

    /**
     * Reads a MIDI file.
     *
     * @param file the file
     * @return its parts
     * @throws BadInputException naming the file when it is missing, too large, not MIDI, truncated
     *         or holds no notes
     */
    public static MidiScore read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + " is a folder, not a MIDI file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file + " is " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " a MIDI file may have here; is it really a MIDI file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist: give the path of a MIDI file (.mid)");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return read(file, bytes);
    }

    /**
     * Reads MIDI bytes.
     *
     * @param file the name to report in messages
     * @param bytes the file's bytes
     * @return its parts
     * @throws BadInputException naming the file when the bytes are not a usable MIDI file
     */
    public static MidiScore read(Path file, byte[] bytes) {
        int type = checkChunks(file, bytes);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new BadInputException(file + " is not a readable MIDI file: " + e.getMessage(), e);
        }
        int resolution = sequence.getResolution();
        if (resolution <= 0) {
            throw new BadInputException(file + " has a timing division of " + resolution + " ticks, which is not usable");
        }
        double ticksPerQuarter = sequence.getDivisionType() == Sequence.PPQ
                ? resolution
                // SMPTE timing counts ticks per second; take the MIDI default of 120 bpm.
                : sequence.getDivisionType() * resolution / 2.0;
        List<MidiPart> parts = new ArrayList<>();
        Track[] tracks = sequence.getTracks();
        int total = 0;
        for (int t = 0; t < tracks.length; t++) {
            List<MidiPart> trackParts = parts(file, tracks[t], t, ticksPerQuarter, parts.size());
            for (MidiPart p : trackParts) {
                total += p.notes().size();
            }
            if (total > MAX_NOTES) {
                throw new BadInputException(file + " holds more than " + MAX_NOTES + " notes; that is not a performance");
            }
            parts.addAll(trackParts);
        }
        if (parts.isEmpty()) {
            throw new BadInputException(file + " holds no notes");
        }
        MidiScore score = new MidiScore(file, type, resolution, parts);
        if (score.length() > MAX_QUARTERS) {
            throw new BadInputException(file + " has a note ending after " + (long) score.length()
                    + " quarter notes, more than a day of music; the file is damaged");
        }
        return score;
    }

    /** Walks the chunks: header first, then chunks whose lengths fit the file. */
    private static int checkChunks(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new BadInputException(file + " is empty, not a MIDI file");
        }
        if (bytes.length < 14 || !"MThd".equals(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1))) {
            throw new BadInputException(file + " is not a MIDI file (it does not start with the MThd header)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long headerLength = Integer.toUnsignedLong(b.getInt(4));
        if (headerLength < 6 || headerLength > bytes.length - 8) {
            throw new BadInputException(file + " has a MIDI header of " + headerLength + " bytes; the file is damaged");
        }
        int type = b.getShort(8) & 0xFFFF;
        int declaredTracks = b.getShort(10) & 0xFFFF;
        if (type > 2) {
            throw new BadInputException(file + " declares MIDI file type " + type + "; only types 0, 1 and 2 exist");
        }
        if (declaredTracks == 0 || declaredTracks > MAX_TRACKS) {
            throw new BadInputException(file + " declares " + declaredTracks + " tracks; the file is damaged");
        }
        long at = 8 + headerLength;
        int tracks = 0;
        while (at + 8 <= bytes.length) {
            long length = Integer.toUnsignedLong(b.getInt((int) at + 4));
            if (length > bytes.length - at - 8) {
                throw new BadInputException(file + " is truncated or damaged: chunk " + (tracks + 1) + " claims "
                        + length + " bytes but only " + (bytes.length - at - 8) + " remain");
            }
            if ("MTrk".equals(new String(bytes, (int) at, 4, StandardCharsets.ISO_8859_1))) {
                tracks++;
            }
            at += 8 + length;
        }
        if (tracks < declaredTracks) {
            throw new BadInputException(file + " is truncated: it declares " + declaredTracks + " tracks but holds "
                    + tracks);
        }
        return type == 2 ? 1 : type;
    }

    private static List<MidiPart> parts(Path file, Track track, int trackIndex, double ticksPerQuarter,
            int firstIndex) {
        String name = null;
        Map<Integer, Integer> programs = new HashMap<>();
        Map<Integer, List<MidiNote>> byChannel = new TreeMap<>();
        Map<Integer, Deque<long[]>> open = new HashMap<>();
        long lastTick = 0;
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            long tick = Math.max(0, event.getTick());
            lastTick = Math.max(lastTick, tick);
            if (event.getMessage() instanceof MetaMessage meta) {
                if (meta.getType() == 0x03 && name == null) {
                    name = new String(meta.getData(), StandardCharsets.ISO_8859_1).trim();
                }
            } else if (event.getMessage() instanceof ShortMessage msg) {
                int channel = msg.getChannel();
                int command = msg.getCommand();
                if (msg.getData1() > 127 || msg.getData2() > 127) {
                    // javax.sound.midi takes whatever byte follows a status as data, even another status.
                    throw new BadInputException(file + " is damaged: track " + (trackIndex + 1) + " has a status byte 0x"
                            + Integer.toHexString(Math.max(msg.getData1(), msg.getData2())) + " where a data byte belongs"
                            + " (tick " + tick + ")");
                }
                if (command == ShortMessage.PROGRAM_CHANGE) {
                    programs.putIfAbsent(channel, msg.getData1());
                } else if (command == ShortMessage.NOTE_ON && msg.getData2() > 0) {
                    open.computeIfAbsent(channel << 7 | msg.getData1(), k -> new ArrayDeque<>())
                            .addLast(new long[] {tick, msg.getData2()});
                } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
                    Deque<long[]> starts = open.get(channel << 7 | msg.getData1());
                    if (starts != null && !starts.isEmpty()) {
                        long[] start = starts.removeFirst();
                        byChannel.computeIfAbsent(channel, k -> new ArrayList<>())
                                .add(note(msg.getData1(), start, tick, ticksPerQuarter));
                    }
                }
            }
        }
        // Notes never switched off end with the track.
        for (Map.Entry<Integer, Deque<long[]>> e : open.entrySet()) {
            for (long[] start : e.getValue()) {
                byChannel.computeIfAbsent(e.getKey() >> 7, k -> new ArrayList<>())
                        .add(note(e.getKey() & 0x7F, start, lastTick, ticksPerQuarter));
            }
        }
        List<MidiPart> parts = new ArrayList<>();
        for (Map.Entry<Integer, List<MidiNote>> e : byChannel.entrySet()) {
            int channel = e.getKey();
            List<MidiNote> notes = e.getValue();
            notes.sort(Comparator.comparingDouble(MidiNote::onset).thenComparingInt(MidiNote::pitch));
            int program = programs.getOrDefault(channel, -1);
            String partName = name == null || name.isEmpty()
                    ? (channel == 9 ? "Drums" : program >= 0 ? "Program " + program : "Track " + trackIndex)
                    : name;
            if (byChannel.size() > 1) {
                partName = partName + " ch" + (channel + 1);
            }
            parts.add(new MidiPart(firstIndex + parts.size(), partName, trackIndex, channel + 1, program, notes));
        }
        return parts;
    }

    private static MidiNote note(int pitch, long[] start, long endTick, double ticksPerQuarter) {
        return new MidiNote(pitch, start[0] / ticksPerQuarter, (endTick - start[0]) / ticksPerQuarter, (int) start[1]);
    }
}
