package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

/**
 * Inputs the MIDI fuzzer ({@link MidiFuzzTest}) found crashing the reader or the corpus builder with an
 * unchecked exception, kept byte for byte: each must now end in a {@link BadInputException} that says
 * what is wrong.
 */
class MidiFuzzCrashersTest {

    @TempDir
    Path dir;

    /**
     * Fuzz seed 20261924: a note-off whose pitch byte is a status byte (0xC3). javax.sound.midi reads it as
     * pitch 195, which then closed a note of another channel and ended in IllegalArgumentException("melody
     * event out of range: pitch 195").
     */
    private static final String STATUS_BYTE_AS_PITCH = "4d546864000000060001000200604d54726b0000007600ff03044c656164"
            + "109040501c804000049041501c804100049042501c804200049143501c804300049044501c804400049040501c80400081449041"
            + "501c804100049042501c804200049043101c80c308049044501c804400049040501c904000049041501c80410004904850814080"
            + "480000ff2f004d54726b0000004200ff0304436f6d7000913050003450003750003a508300817000003400003700003a00009130"
            + "50003450003750003a508300813000003400003700003a0000ff2f00";

    /**
     * The fuzzer's first finding (seeds 20261182, 20261203, 20261596, ... about 3% of its inputs): a huge
     * delta time or a lost note-off makes a melody note last longer than the 64 quarters a grammar token
     * holds, which ended in IllegalArgumentException("grammar token duration out of range") from
     * GrammarToken. Rebuilt here as a clean file: a note held for 100 quarters.
     */
    @Test
    void aNoteLongerThanAGrammarTokenIsABadInputNamingTheFileAndTheLength() throws IOException {
        int ppq = 96;
        MidiBytes midi = new MidiBytes(ppq, 2).name(0, "Lead").name(1, "Comp");
        midi.note(0, 0, 64, 0, 100L * ppq).note(1, 1, 48, 0, 4 * ppq).note(1, 1, 52, 0, 4 * ppq);
        Path note = dir.resolve("long-note.mid");
        Files.write(note, midi.bytes(1));
        BadInputException e = assertThrows(BadInputException.class, () -> Corpus.fromMidi(note, PartSelection.auto()));
        assertTrue(e.getMessage().startsWith(note.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds a note for 100 quarter notes from quarter 0"), e.getMessage());
    }

    @Test
    void aStatusByteWhereAPitchBelongsIsABadInputNamingTheFile() throws IOException {
        Path file = write("status-as-pitch.mid", STATUS_BYTE_AS_PITCH);
        BadInputException e = assertThrows(BadInputException.class, () -> MidiReader.read(file));
        assertTrue(e.getMessage().startsWith(file + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("0xc3"), e.getMessage());
    }

    @Test
    void theStatusByteCrasherIsRejectedByTheReaderInTheFuzzPipeline() throws IOException {
        MidiFuzzTest.Outcome outcome = MidiFuzzTest.run(dir.resolve("crasher.mid"), HexFormat.of().parseHex(STATUS_BYTE_AS_PITCH),
                java.util.List.of(PartSelection.auto()));
        assertEquals(MidiFuzzTest.Outcome.REJECTED_BY_READER, outcome);
    }

    private Path write(String name, String hex) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, HexFormat.of().parseHex(hex));
        return file;
    }
}
