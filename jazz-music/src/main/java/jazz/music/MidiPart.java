package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One part of a MIDI file: the notes of one channel in one track.
 *
 * @param index position among the file's parts, from 0
 * @param name the track name (with the channel when the track holds several), or the instrument
 * @param track the track it came from
 * @param channel MIDI channel, 1 to 16
 * @param program General MIDI program (0 to 127) of its first program change, or -1
 * @param notes the notes, by onset
 */
public record MidiPart(int index, String name, int track, int channel, int program, List<MidiNote> notes) {

    /** MIDI channel 10 holds drums in General MIDI. */
    private static final int DRUM_CHANNEL = 10;

    /**
     * Copies the note list.
     */
    public MidiPart {
        notes = List.copyOf(notes);
    }

    /** @return true on the General MIDI drum channel */
    public boolean isDrums() {
        return channel == DRUM_CHANNEL;
    }

    /**
     * The most notes sounding at once, counting only notes that start in a window.
     *
     * @param from window start, quarters (inclusive)
     * @param to window end, quarters (inclusive)
     * @return the polyphony, 0 when no note starts in the window
     */
    public int polyphony(double from, double to) {
        List<MidiNote> inside = notesIn(from, to);
        // A sweep over onsets (notes are sorted by onset): the ends still ahead are the notes sounding.
        PriorityQueue<Double> sounding = new PriorityQueue<>();
        int max = 0;
        int i = 0;
        while (i < inside.size()) {
            double onset = inside.get(i).onset();
            while (!sounding.isEmpty() && sounding.peek() <= onset) {
                sounding.poll();
            }
            int group = 0;
            List<Double> ends = new ArrayList<>();
            for (; i < inside.size() && inside.get(i).onset() == onset; i++) {
                group++;
                if (inside.get(i).end() > onset) {
                    ends.add(inside.get(i).end());
                }
            }
            max = Math.max(max, sounding.size() + group);
            sounding.addAll(ends);
        }
        return max;
    }

    /**
     * The share of notes that start while another note of the part still sounds.
     *
     * @param from window start, quarters (inclusive)
     * @param to window end, quarters (inclusive)
     * @return 0 (strictly one note at a time) to 1
     */
    public double overlapShare(double from, double to) {
        List<MidiNote> inside = notesIn(from, to);
        if (inside.isEmpty()) {
            return 1;
        }
        int overlapping = 0;
        double latestEnd = Double.NEGATIVE_INFINITY;
        for (MidiNote n : inside) {
            if (n.onset() < latestEnd - 1e-9) {
                overlapping++;
            }
            latestEnd = Math.max(latestEnd, n.end());
        }
        return overlapping / (double) inside.size();
    }

    /**
     * The notes that start in a window.
     *
     * @param from window start, quarters (inclusive)
     * @param to window end, quarters (inclusive)
     * @return the notes, by onset
     */
    public List<MidiNote> notesIn(double from, double to) {
        return notes.stream().filter(n -> n.onset() >= from && n.onset() <= to).toList();
    }

    /** @return e.g. {@code 5 "Guitar" (channel 6, program 26)} */
    public String label() {
        return index + " \"" + name + "\" (channel " + channel + (program >= 0 ? ", program " + program : "") + ")";
    }
}
