package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

class ArrangementTest {

    @TempDir
    Path dir;

    private final Solo eighths = new Solo(List.of(new SoloNote(60, 0, 0.5, 90), new SoloNote(62, 0.5, 0.5, 90),
            new SoloNote(64, 1, 1, 90), new SoloNote(65, 2.25, 0.25, 90), new SoloNote(67, 3, 1, 90)),
            ChordProgression.parse("C"), 1);

    @Test
    void swingLengthensTheFirstEighthOfEachBeatAndLeavesBeatsInPlace() {
        Arrangement swing = new Arrangement(CompStyle.BLOCK, false, 0.67);
        assertEquals(0.67, swing.swung(0.5), 1e-12);
        assertEquals(1.0, swing.swung(1.0), 1e-12);
        assertEquals(3.67, swing.swung(3.5), 1e-12);
        assertEquals(0.335, swing.swung(0.25), 1e-12);
        assertEquals(0.835, swing.swung(0.75), 1e-12);
        assertEquals(0.25, Arrangement.DEFAULT.swung(0.25), 1e-12);
    }

    @Test
    void swungMidiMovesTheOffbeatNoteAndKeepsTheLineLegato() throws Exception {
        Path file = dir.resolve("swing.mid");
        AtomicFile.write(file, MidiWriter.toMidi(eighths, 120, new Arrangement(CompStyle.BLOCK, false, 0.67)));
        List<MidiNote> melody = MidiReader.read(file).parts().get(0).notes();
        // 480 ticks per quarter: 0.67 of a beat is tick 322 (rounded), read back in quarters.
        assertEquals(322 / 480.0, melody.get(0).duration(), 1e-9);
        assertEquals(322 / 480.0, melody.get(1).onset(), 1e-9);
        assertEquals(1.0, melody.get(1).onset() + melody.get(1).duration(), 1e-9);
        assertEquals(1.0, melody.get(2).onset(), 1e-9);
        assertEquals(2 + Math.round(0.335 * 480) / 480.0, melody.get(3).onset(), 1e-9);
    }

    @Test
    void straightEighthsWriteTheSameBytesAsBeforeTheOptionExisted() {
        assertArrayEquals(MidiWriter.toMidi(eighths, 130), MidiWriter.toMidi(eighths, 130,
                new Arrangement(CompStyle.BLOCK, false, 0.5)));
    }

    @Test
    void theCompStyleAndBassChooseTheTracks() {
        assertEquals(List.of("Melody (electric guitar)"), trackNames(new Arrangement(CompStyle.NONE, false, 0.5)));
        assertEquals(List.of("Melody (electric guitar)", "Chords", "Bass (walking)"),
                trackNames(new Arrangement(CompStyle.CHARLESTON, true, 0.5)));
    }

    @Test
    void outOfRangeSwingAndUnknownStylesAreBadInput() {
        assertThrows(BadInputException.class, () -> new Arrangement(CompStyle.BLOCK, false, 0.4));
        assertThrows(BadInputException.class, () -> new Arrangement(CompStyle.BLOCK, false, 0.95));
        assertThrows(BadInputException.class, () -> new Arrangement(CompStyle.BLOCK, false, Double.NaN));
        assertThrows(BadInputException.class, () -> CompStyle.parse("stride"));
        assertEquals(CompStyle.CHARLESTON, CompStyle.parse("Charleston"));
    }

    private List<String> trackNames(Arrangement arrangement) {
        Path file = dir.resolve(arrangement.comp() + "-" + arrangement.walkingBass() + ".mid");
        AtomicFile.write(file, MidiWriter.toMidi(eighths, 130, arrangement));
        return MidiReader.read(file).parts().stream().map(MidiPart::name).toList();
    }
}
