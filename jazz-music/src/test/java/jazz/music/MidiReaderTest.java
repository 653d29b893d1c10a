package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

class MidiReaderTest {

    @TempDir
    Path dir;

    @Test
    void typeZeroFileSplitsIntoOnePartPerChannel() throws IOException {
        MidiBytes midi = new MidiBytes(480, 1).name(0, "Band").program(0, 0, 26).program(0, 1, 0);
        for (int i = 0; i < 8; i++) {
            midi.note(0, 0, 60 + i, i * 240L, i * 240L + 200);
        }
        midi.note(0, 1, 48, 0, 1920).note(0, 1, 52, 0, 1920).note(0, 1, 55, 0, 1920);
        Path file = write("type0.mid", midi.bytes(0));
        MidiScore score = MidiReader.read(file);
        assertEquals(0, score.type());
        assertEquals(2, score.parts().size());
        MidiPart melody = score.parts().get(0);
        MidiPart chords = score.parts().get(1);
        assertEquals("Band ch1", melody.name());
        assertEquals(1, melody.channel());
        assertEquals(26, melody.program());
        assertEquals(8, melody.notes().size());
        assertEquals(3, chords.polyphony(0, 4));
        assertEquals(0.5, melody.notes().get(1).onset(), 1e-9);
    }

    @Test
    void oddResolutionAndTripletsQuantiseToTheTripletGrid() throws IOException {
        int ppq = 97;
        MidiBytes midi = new MidiBytes(ppq, 2).name(0, "Lead").name(1, "Comp");
        // Eighth-note triplets, played slightly late, at a resolution that does not divide by 3.
        for (int i = 0; i < 6; i++) {
            long on = Math.round(i * ppq / 3.0) + 2;
            midi.note(0, 0, 60 + i, on, on + 30);
        }
        midi.note(1, 1, 48, 0, 4 * ppq).note(1, 1, 52, 0, 4 * ppq).note(1, 1, 55, 0, 4 * ppq);
        Path file = write("odd.mid", midi.bytes(1));
        Corpus corpus = Corpus.fromMidi(file, PartSelection.of(null, "Lead", List.of("Comp"), null, null));
        List<Measure> measures = corpus.measures();
        assertEquals(1, measures.size());
        int[] onsets = measures.get(0).events().stream().filter(e -> !e.isRest()).mapToInt(MelodyEvent::onset).toArray();
        assertEquals("[0, 4, 8, 12, 16, 20]", Arrays.toString(onsets));
        assertEquals("C,0.333", corpus.measureTokens().get(0).get(0).toString());
    }

    @Test
    void aNoteTiedOverTheBarLineKeepsItsLengthInTheMeasureWhereItStarts() throws IOException {
        MidiBytes midi = new MidiBytes(480, 2).name(0, "Lead").name(1, "Comp");
        midi.note(0, 0, 64, 0, 480 * 3).note(0, 0, 67, 480 * 3, 480 * 6).note(0, 0, 72, 480 * 6, 480 * 8);
        midi.note(1, 1, 48, 0, 480 * 8).note(1, 1, 52, 0, 480 * 8).note(1, 1, 55, 0, 480 * 8);
        Path file = write("tied.mid", midi.bytes(1));
        Corpus corpus = Corpus.fromMidi(file, PartSelection.auto());
        assertEquals(List.of("C,3.000 C,3.000,<d5,P1>", "C,2.000"),
                corpus.measureTokens().stream().map(m -> String.join(" ", m.stream().map(Object::toString).toList())).toList());
    }

    @Test
    void gapsOfTheFirstVoiceBecomeRestsAndOverlappingNotesAddNone() throws IOException {
        MidiBytes midi = new MidiBytes(480, 2).name(0, "Lead").name(1, "Comp");
        midi.note(0, 0, 60, 0, 480);          // first voice 0..1
        midi.note(0, 0, 64, 240, 720);        // overlaps: second voice
        midi.note(0, 0, 67, 960, 1440);       // first voice again, after a gap 1..2
        midi.note(1, 1, 48, 0, 1920).note(1, 1, 55, 0, 1920);
        List<MelodyEvent> line = MeasureExtractor.melodyLine(MidiReader.read(write("voices.mid", midi.bytes(1))).parts().subList(0, 1));
        assertEquals(List.of(new MelodyEvent(60, 0, 12), new MelodyEvent(64, 6, 12), new MelodyEvent(MelodyEvent.REST, 12, 12),
                new MelodyEvent(67, 24, 12)), line);
    }

    @Test
    void badFilesAreRejectedNamingTheFile() throws IOException {
        byte[] good = new MidiBytes(480, 1).name(0, "x").note(0, 0, 60, 0, 480).bytes(1);
        byte[] absurd = good.clone();
        ByteBuffer.wrap(absurd).putInt(18, 0x7FFFFFF0);
        byte[] noNotes = new MidiBytes(480, 1).name(0, "silence").bytes(1);
        byte[] endless = new MidiBytes(1, 1).name(0, "x").note(0, 0, 60, 0, 0x0FFFFFFFL).bytes(1);
        List<byte[]> cases = List.of(new byte[0], "not a midi file at all".getBytes(), Arrays.copyOf(good, good.length - 5),
                absurd, noNotes, endless);
        for (int i = 0; i < cases.size(); i++) {
            Path file = write("bad" + i + ".mid", cases.get(i));
            BadInputException e = assertThrows(BadInputException.class, () -> MidiReader.read(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        Path missing = dir.resolve("missing.mid");
        assertTrue(assertThrows(BadInputException.class, () -> MidiReader.read(missing)).getMessage().contains("missing.mid"));
        assertThrows(BadInputException.class, () -> MidiReader.read(dir));
    }

    @Test
    void aPartThatDoesNotExistIsReportedWithTheListOfParts() throws IOException {
        MidiBytes midi = new MidiBytes(480, 2).name(0, "Lead").name(1, "Comp");
        midi.note(0, 0, 60, 0, 480).note(1, 1, 48, 0, 480).note(1, 1, 52, 0, 480);
        Path file = write("parts.mid", midi.bytes(1));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Corpus.fromMidi(file, PartSelection.of(null, "Banjo", List.of(), null, null)));
        assertTrue(e.getMessage().contains("Banjo") && e.getMessage().contains("\"Comp\"") && e.getMessage().contains(file.toString()),
                e.getMessage());
        BadInputException window = assertThrows(BadInputException.class,
                () -> Corpus.fromMidi(file, PartSelection.of(null, null, List.of(), 100.0, 200.0)));
        assertTrue(window.getMessage().contains(file.toString()), window.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
