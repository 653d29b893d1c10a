package jazz.music;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A structure-aware mutator of standard MIDI files for fuzzing: it knows where the chunks, the chunk
 * lengths, the events, the status bytes and the meta/sysex lengths of a file are, and damages exactly
 * those places (as well as random ones). Every mutation is a pure function of the bytes and the random
 * source, so an input is rebuilt from its seed alone.
 */
final class MidiMutator {

    /** Lengths a damaged or hostile file likes to claim. */
    private static final long[] HUGE = {0x7FFFFFFFL, 0xFFFFFFFFL, 0x80000000L, 0x0FFFFFFFL, 0x00FFFFFFL};

    private MidiMutator() {
    }

    /**
     * Where things are in a MIDI file, as far as its structure can be followed.
     *
     * @param chunks each chunk's start (its 4-byte tag)
     * @param events each event's start (its delta time), inside MTrk chunks
     * @param statuses each explicit status byte
     * @param lengths each meta or sysex length (a variable-length quantity)
     */
    record Layout(List<Integer> chunks, List<Integer> events, List<Integer> statuses, List<Integer> lengths) {

        /** @return every structural boundary: chunk starts, chunk payload starts, event starts */
        List<Integer> boundaries() {
            List<Integer> all = new ArrayList<>(events);
            for (int c : chunks) {
                all.add(c);
                all.add(c + 4);
                all.add(c + 8);
            }
            return all;
        }
    }

    /**
     * Finds the structure of (possibly damaged) MIDI bytes, following it as far as it makes sense.
     *
     * @param b the bytes
     * @return the layout found
     */
    static Layout layout(byte[] b) {
        List<Integer> chunks = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int at = 0;
        while (at + 8 <= b.length) {
            chunks.add(at);
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt(at + 4));
            int end = (int) Math.min(b.length, at + 8 + length);
            if (tag(b, at).equals("MTrk")) {
                events(b, at + 8, end, events, statuses, lengths);
            }
            if (at + 8 + length > b.length) {
                break;
            }
            at = end;
        }
        return new Layout(chunks, events, statuses, lengths);
    }

    private static void events(byte[] b, int from, int end, List<Integer> events, List<Integer> statuses,
            List<Integer> lengths) {
        int at = from;
        int running = 0;
        while (at < end) {
            events.add(at);
            at = skipVlq(b, at, end);
            if (at >= end) {
                return;
            }
            int status = b[at] & 0xFF;
            if (status >= 0x80) {
                statuses.add(at);
                at++;
            } else {
                status = running;
            }
            if (status == 0xFF) {
                at++; // meta type
                if (at >= end) {
                    return;
                }
                lengths.add(at);
                long[] vlq = readVlq(b, at, end);
                at = (int) Math.min(end, vlq[1] + vlq[0]);
            } else if (status == 0xF0 || status == 0xF7) {
                lengths.add(at);
                long[] vlq = readVlq(b, at, end);
                at = (int) Math.min(end, vlq[1] + vlq[0]);
            } else if (status >= 0x80) {
                running = status;
                int command = status & 0xF0;
                at += command == 0xC0 || command == 0xD0 ? 1 : 2;
            } else {
                return; // data byte with no status: the structure ends here
            }
        }
    }

    private static int skipVlq(byte[] b, int at, int end) {
        return (int) readVlq(b, at, end)[1];
    }

    /** @return {value, position after it} */
    private static long[] readVlq(byte[] b, int at, int end) {
        long value = 0;
        int i = at;
        while (i < end && i - at < 4) {
            int v = b[i++] & 0xFF;
            value = value << 7 | (v & 0x7F);
            if (v < 0x80) {
                break;
            }
        }
        return new long[] {value, i};
    }

    private static String tag(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    /**
     * One fuzz input: one to three mutations of the seed file, each chosen by the random source.
     *
     * @param seedFile a valid MIDI file
     * @param random the input's random source
     * @return the damaged bytes
     */
    static byte[] mutate(byte[] seedFile, SplittableRandom random) {
        byte[] b = seedFile;
        int rounds = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < rounds; i++) {
            b = once(b, random);
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom r) {
        Layout l = layout(b);
        switch (r.nextInt(14)) {
            case 0:
                return flipBits(b, r);
            case 1:
                return truncateAtBoundary(b, l, r);
            case 2:
                return Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 3:
                return chunkLength(b, l, r);
            case 4:
                return duplicateChunk(b, l, r);
            case 5:
                return deleteChunk(b, l, r);
            case 6:
                return header(b, r);
            case 7:
                return metaLength(b, l, r);
            case 8:
                return runningStatus(b, l, r);
            case 9:
                return deltaTime(b, l, r);
            case 10:
                return overwriteRandom(b, r);
            case 11:
                return insertAtEvent(b, l, r);
            case 12:
                return randomTrack(r);
            default:
                return swapEvents(b, l, r);
        }
    }

    private static byte[] flipBits(byte[] b, SplittableRandom r) {
        byte[] c = b.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips && c.length > 0; i++) {
            c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return c;
    }

    private static byte[] truncateAtBoundary(byte[] b, Layout l, SplittableRandom r) {
        List<Integer> at = l.boundaries();
        if (at.isEmpty()) {
            return Arrays.copyOf(b, r.nextInt(b.length + 1));
        }
        int cut = at.get(r.nextInt(at.size())) + r.nextInt(5) - 2;
        return Arrays.copyOf(b, Math.max(0, Math.min(b.length, cut)));
    }

    private static byte[] chunkLength(byte[] b, Layout l, SplittableRandom r) {
        if (l.chunks().isEmpty()) {
            return b;
        }
        byte[] c = b.clone();
        int chunk = l.chunks().get(r.nextInt(l.chunks().size()));
        long old = Integer.toUnsignedLong(ByteBuffer.wrap(c).getInt(chunk + 4));
        long[] choices = {HUGE[r.nextInt(HUGE.length)], old + 1, old - 1, 0, old + 1 + r.nextInt(64),
            Math.max(0, old - 1 - r.nextInt(64))};
        ByteBuffer.wrap(c).putInt(chunk + 4, (int) choices[r.nextInt(choices.length)]);
        return c;
    }

    private static int chunkEnd(byte[] b, int chunk) {
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt(chunk + 4));
        return (int) Math.min(b.length, chunk + 8 + length);
    }

    private static byte[] duplicateChunk(byte[] b, Layout l, SplittableRandom r) {
        if (l.chunks().isEmpty()) {
            return b;
        }
        int chunk = l.chunks().get(r.nextInt(l.chunks().size()));
        int end = chunkEnd(b, chunk);
        int copies = 1 + (r.nextInt(8) == 0 ? r.nextInt(20) : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, end);
        for (int i = 0; i < copies; i++) {
            out.write(b, chunk, end - chunk);
        }
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }

    private static byte[] deleteChunk(byte[] b, Layout l, SplittableRandom r) {
        if (l.chunks().isEmpty()) {
            return b;
        }
        int chunk = l.chunks().get(r.nextInt(l.chunks().size()));
        return splice(b, chunk, chunkEnd(b, chunk), new byte[0]);
    }

    private static byte[] header(byte[] b, SplittableRandom r) {
        if (b.length < 14) {
            return b;
        }
        byte[] c = b.clone();
        ByteBuffer h = ByteBuffer.wrap(c);
        int[] values = {0, 1, 2, 3, 0x7FFF, 0x8000, 0xFFFF, r.nextInt(0x10000)};
        int[] divisions = {0, 1, 3, 0x7FFF, 0x8000, 0xE728, 0xE250, 0xFF01, 0x8001, r.nextInt(0x10000)};
        switch (r.nextInt(4)) {
            case 0 -> h.putShort(8, (short) values[r.nextInt(values.length)]);
            case 1 -> h.putShort(10, (short) values[r.nextInt(values.length)]);
            case 2 -> h.putShort(12, (short) divisions[r.nextInt(divisions.length)]);
            default -> h.putInt(4, (int) new long[] {0, 5, 7, 0xFFFFFFFFL, 0x7FFFFFFFL}[r.nextInt(5)]);
        }
        return c;
    }

    /** A meta or sysex length rewritten: huge, off by a little, or an unterminated quantity. */
    private static byte[] metaLength(byte[] b, Layout l, SplittableRandom r) {
        if (l.lengths().isEmpty()) {
            return flipBits(b, r);
        }
        int at = l.lengths().get(r.nextInt(l.lengths().size()));
        int oldEnd = (int) readVlq(b, at, b.length)[1];
        byte[][] choices = {vlq(0x0FFFFFFF), vlq(0x7F), {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80}, vlq(r.nextInt(1 << 21)), {0}};
        return fixLength(splice(b, at, oldEnd, choices[r.nextInt(choices.length)]), b.length, l, at,
                r.nextBoolean());
    }

    /** A status byte removed (leaning on a running status that may not exist) or replaced. */
    private static byte[] runningStatus(byte[] b, Layout l, SplittableRandom r) {
        if (l.statuses().isEmpty()) {
            return flipBits(b, r);
        }
        int at = l.statuses().get(r.nextInt(l.statuses().size()));
        byte[] replacement = switch (r.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {(byte) r.nextInt(0x80)};
            case 2 -> new byte[] {(byte) new int[] {0xF0, 0xF7, 0xFF, 0xF1, 0xF4, 0xF8, 0xFE}[r.nextInt(7)]};
            default -> new byte[] {(byte) (0x80 + r.nextInt(0x80))};
        };
        return fixLength(splice(b, at, at + 1, replacement), b.length, l, at, r.nextBoolean());
    }

    /** A delta time (at an event's start) made huge, unterminated or random. */
    private static byte[] deltaTime(byte[] b, Layout l, SplittableRandom r) {
        if (l.events().isEmpty()) {
            return flipBits(b, r);
        }
        int at = l.events().get(r.nextInt(l.events().size()));
        int oldEnd = (int) readVlq(b, at, b.length)[1];
        byte[][] choices = {vlq(0x0FFFFFFF), {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F},
            vlq(r.nextInt(1 << 28)), {(byte) 0x80}};
        return fixLength(splice(b, at, oldEnd, choices[r.nextInt(choices.length)]), b.length, l, at,
                r.nextBoolean());
    }

    private static byte[] overwriteRandom(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        int from = r.nextInt(c.length);
        int count = Math.min(c.length - from, 1 + r.nextInt(32));
        for (int i = 0; i < count; i++) {
            c[from + i] = (byte) r.nextInt(256);
        }
        return c;
    }

    private static byte[] insertAtEvent(byte[] b, Layout l, SplittableRandom r) {
        if (l.events().isEmpty()) {
            return flipBits(b, r);
        }
        int at = l.events().get(r.nextInt(l.events().size()));
        byte[] junk = new byte[1 + r.nextInt(16)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) r.nextInt(256);
        }
        return fixLength(splice(b, at, at, junk), b.length, l, at, true);
    }

    /** A valid header and one track of random bytes with a correct length: the event parser's turn. */
    private static byte[] randomTrack(SplittableRandom r) {
        byte[] events = new byte[r.nextInt(2048)];
        for (int i = 0; i < events.length; i++) {
            events[i] = (byte) r.nextInt(256);
        }
        ByteBuffer f = ByteBuffer.allocate(22 + events.length);
        f.put("MThd".getBytes(StandardCharsets.ISO_8859_1)).putInt(6).putShort((short) 0).putShort((short) 1)
                .putShort((short) 96).put("MTrk".getBytes(StandardCharsets.ISO_8859_1)).putInt(events.length).put(events);
        return f.array();
    }

    private static byte[] swapEvents(byte[] b, Layout l, SplittableRandom r) {
        List<Integer> events = l.events();
        if (events.size() < 3) {
            return flipBits(b, r);
        }
        int i = r.nextInt(events.size() - 2);
        int a = events.get(i);
        int mid = events.get(i + 1);
        int end = events.get(i + 2);
        if (!(a < mid && mid < end && end <= b.length)) {
            return flipBits(b, r);
        }
        byte[] c = b.clone();
        int second = end - mid;
        System.arraycopy(b, mid, c, a, second);
        System.arraycopy(b, a, c, a + second, mid - a);
        return c;
    }

    /**
     * Keeps the enclosing chunk's length right after a splice at {@code at} (when {@code fix}), so the
     * parser reads into the damage instead of stopping at a length mismatch.
     */
    private static byte[] fixLength(byte[] c, int oldLength, Layout l, int at, boolean fix) {
        int chunk = -1;
        for (int start : l.chunks()) {
            if (start <= at) {
                chunk = start;
            }
        }
        if (!fix || chunk < 0 || chunk + 8 > c.length) {
            return c;
        }
        ByteBuffer bb = ByteBuffer.wrap(c);
        long length = Integer.toUnsignedLong(bb.getInt(chunk + 4));
        bb.putInt(chunk + 4, (int) (length + c.length - oldLength));
        return c;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        from = Math.max(0, Math.min(b.length, from));
        to = Math.max(from, Math.min(b.length, to));
        byte[] c = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(insert, 0, c, from, insert.length);
        System.arraycopy(b, to, c, from + insert.length, b.length - to);
        return c;
    }

    /** @return the variable-length quantity of a value below 2^28 */
    static byte[] vlq(int value) {
        byte[] out = new byte[4];
        int n = 0;
        int v = value & 0x0FFFFFFF;
        do {
            out[n++] = (byte) (v & 0x7F);
            v >>>= 7;
        } while (v != 0);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = (byte) (out[n - 1 - i] | (i < n - 1 ? 0x80 : 0));
        }
        return be;
    }
}
