package jazz.music;

import java.nio.file.Path;
import java.util.List;

/**
 * What a MIDI file holds, as parts of notes timed in quarters.
 *
 * @param file the file it was read from
 * @param type the MIDI file type, 0 or 1 (2 is read as 1)
 * @param resolution ticks per quarter note
 * @param parts the parts with notes, by track then channel
 */
public record MidiScore(Path file, int type, int resolution, List<MidiPart> parts) {

    /** Copies the part list. */
    public MidiScore {
        parts = List.copyOf(parts);
    }

    /** @return the end of the last note, in quarters */
    public double length() {
        return parts.stream().flatMap(p -> p.notes().stream()).mapToDouble(MidiNote::end).max().orElse(0);
    }
}
