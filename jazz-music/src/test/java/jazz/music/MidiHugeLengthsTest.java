package jazz.music;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import jazz.api.BadInputException;

/**
 * Every length a MIDI file declares, set to a huge value, is rejected before anything of that size is
 * allocated: the chunk lengths of the header and of every track, and the length of a meta event inside
 * a track whose own length stays right.
 */
class MidiHugeLengthsTest {

    private static final long[] HUGE = {0x7FFFFFFFL, 0xFFFFFFFFL, 0x80000000L, 0x0FFFFFFFL};
    /** What reading a file of a few hundred bytes may allocate at most, whatever it declares. */
    private static final long ALLOCATION_BUDGET = 8 << 20;
    private static final Path FILE = Path.of("huge.mid");

    @Test
    void aHugeLengthInAnyChunkHeaderIsBadInputAndAllocatesLittle() {
        byte[] bytes = MidiFuzzTest.typeOneLeadAndComp();
        MidiMutator.Layout layout = MidiMutator.layout(bytes);
        assertTrue(layout.chunks().size() >= 3, "header and two tracks: " + layout.chunks());
        for (int chunk : layout.chunks()) {
            for (long value : HUGE) {
                byte[] copy = bytes.clone();
                ByteBuffer.wrap(copy).putInt(chunk + 4, (int) value);
                assertRejectedCheaply(copy, "chunk at " + chunk + " claiming " + value + " bytes");
            }
        }
    }

    @Test
    void aHugeMetaEventLengthInsideATrackIsBadInputAndAllocatesLittle() {
        byte[] bytes = MidiFuzzTest.typeOneLeadAndComp();
        MidiMutator.Layout layout = MidiMutator.layout(bytes);
        assertTrue(!layout.lengths().isEmpty(), "the file has named tracks, so meta events");
        for (int at : layout.lengths()) {
            // The track name's length, one byte, becomes 0x0FFFFFFF (four bytes); the track's length follows.
            byte[] huge = MidiMutator.vlq(0x0FFFFFFF);
            byte[] copy = new byte[bytes.length + huge.length - 1];
            System.arraycopy(bytes, 0, copy, 0, at);
            System.arraycopy(huge, 0, copy, at, huge.length);
            System.arraycopy(bytes, at + 1, copy, at + huge.length, bytes.length - at - 1);
            int track = 0;
            for (int chunk : layout.chunks()) {
                if (chunk < at) {
                    track = chunk;
                }
            }
            ByteBuffer b = ByteBuffer.wrap(copy);
            b.putInt(track + 4, b.getInt(track + 4) + huge.length - 1);
            assertRejectedCheaply(copy, "meta event length at " + at);
        }
    }

    private static void assertRejectedCheaply(byte[] input, String what) {
        ModelFileFuzzTest.AllocationMeter meter = new ModelFileFuzzTest.AllocationMeter();
        long before = meter.getCurrentThreadAllocatedBytes();
        BadInputException e = assertThrows(BadInputException.class, () -> MidiReader.read(FILE, input), what);
        long allocated = meter.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().startsWith(FILE.toString()), e.getMessage());
        assertTrue(allocated < ALLOCATION_BUDGET, what + ": allocated " + allocated + " bytes");
    }
}
