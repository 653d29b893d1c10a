package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the {@code .jazz} decoder beyond {@link ModelFileTest}: huge lengths in every section
 * header, huge counts and lengths inside every section, and random damage with the CRCs recomputed, so
 * that the decoder itself, not the checksum, has to reject or accept. Every case is a
 * {@link ModelFile.Corrupt} (a BadInputException once a file is named) or a model that re-encodes to the
 * same bytes; never another exception, and never an allocation out of proportion to the file.
 *
 * <p>System properties: {@code jazz.fuzz.inputs} (random inputs, default 10,000) and
 * {@code jazz.fuzz.seed} (input i uses seed base + i).
 */
class ModelFileFuzzTest {

    private static final long INPUTS = Long.getLong("jazz.fuzz.inputs", 10_000);
    private static final long BASE_SEED = Long.getLong("jazz.fuzz.seed", 20_261_125L);
    private static final int[] HUGE = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 1 << 30, 0x7FFF_FFF0};
    /** The decoder may allocate a few copies of the file, never anything sized by a length it read. */
    private static final long ALLOCATION_BUDGET = 1 << 20;

    private static final AllocationMeter THREADS = new AllocationMeter();

    @Test
    void aHugeLengthInAnySectionHeaderIsCorruptionNamingThatSection() {
        byte[] bytes = ModelFile.toBytes(ModelFileTest.smallModel());
        Map<String, Integer> headers = sectionHeaders(bytes);
        assertEquals(List.of("SPEC", "VOCB", "PROG", "TRNG", "WGHT"), List.copyOf(headers.keySet()));
        for (Map.Entry<String, Integer> section : headers.entrySet()) {
            for (int value : HUGE) {
                byte[] copy = bytes.clone();
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(section.getValue() + 4, value);
                ModelFile.Corrupt e = decodeCorrupt(copy);
                assertTrue(e.getMessage().startsWith("section " + section.getKey() + ": declares "), e.getMessage());
            }
        }
    }

    @Test
    void aHugeCountOrLengthInsideAnySectionIsCorruptionEvenWithAValidChecksum() {
        List<byte[]> sections = payloads(ModelFile.toBytes(ModelFileTest.smallModel()));
        // {section, offset of a count or length inside its payload, bytes of that field}
        int tokenEnd = 4 + 2 + "C,0.250".length();
        int sourceAt = 4 + "native".length();
        int lossesAt = sourceAt + 4 + "built-in corpus".length() + 8 + 8 + 4;
        int[][] fields = {
            {0, 0, 4}, {0, 4, 4}, {0, 8, 4},                      // SPEC: vocabulary, hidden, layers
            {1, 0, 4}, {1, 4, 2}, {1, tokenEnd, 2},               // VOCB: count, first and second token length
            {2, 0, 4},                                            // PROG: text length
            {3, 0, 4}, {3, sourceAt, 4}, {3, lossesAt - 4, 4}, {3, lossesAt, 4}, // TRNG: texts, epochs, losses
        };
        assertEquals(4 + "Dm7 G7 | Cmaj7".length(), sections.get(2).length, "the PROG layout this test assumes");
        for (int[] field : fields) {
            for (int value : HUGE) {
                List<byte[]> copy = copyOf(sections);
                ByteBuffer b = ByteBuffer.wrap(copy.get(field[0])).order(ByteOrder.LITTLE_ENDIAN);
                if (field[2] == 2) {
                    b.putShort(field[1], (short) value);
                } else {
                    b.putInt(field[1], value);
                }
                ModelFile.Corrupt e = decodeCorrupt(assemble(copy));
                String tag = new String[] {"SPEC", "VOCB", "PROG", "TRNG"}[field[0]];
                assertTrue(e.getMessage().startsWith("section " + tag + ":")
                                || e.getMessage().equals("a section is shorter than its content needs"),
                        "field " + java.util.Arrays.toString(field) + " = " + value + ": " + e.getMessage());
            }
        }
    }

    @Test
    void randomDamageWithValidChecksumsIsCorruptionOrAModelThatReencodesToTheSameBytes() {
        List<byte[]> sections = payloads(ModelFile.toBytes(ModelFileTest.smallModel()));
        long accepted = 0;
        long allocatedInAll = 0;
        long start = System.nanoTime();
        for (long seed = BASE_SEED; seed < BASE_SEED + INPUTS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<byte[]> copy = copyOf(sections);
            int rounds = 1 + random.nextInt(3);
            for (int i = 0; i < rounds; i++) {
                int s = random.nextInt(copy.size());
                copy.set(s, damage(copy.get(s), random));
            }
            byte[] input = assemble(copy);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                TrainedModel model = ModelFile.fromBytes(input);
                assertArrayEquals(input, ModelFile.toBytes(model), "seed " + seed + ": accepted but re-encodes differently");
                accepted++;
            } catch (ModelFile.Corrupt e) {
                assertTrue(e.getMessage().startsWith("section ") || e.getMessage().startsWith("a section "),
                        "seed " + seed + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": the decoder threw " + e, e);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            allocatedInAll += allocated;
            assertTrue(allocated < ALLOCATION_BUDGET + 16L * input.length,
                    "seed " + seed + ": decoding " + input.length + " bytes allocated " + allocated);
        }
        System.out.printf("model-file fuzz: %d inputs with valid checksums in %.1f s, %d accepted%n", INPUTS,
                (System.nanoTime() - start) / 1e9, accepted);
        assertTrue(allocatedInAll > 0, "the allocation meter measured nothing");
        assertTrue(accepted > 0 && accepted < INPUTS, "both outcomes are expected, got " + accepted + " accepted");
    }

    /** One random change to a section's payload: bit flips, an interesting int, a cut or a growth. */
    private static byte[] damage(byte[] payload, SplittableRandom r) {
        byte[] c = payload.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(4) && c.length > 0; i++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                if (c.length >= 4) {
                    int[] values = {0, 1, 2, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65536, 65537, 8193, 17,
                        r.nextInt()};
                    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(r.nextInt(c.length - 3),
                            values[r.nextInt(values.length)]);
                }
            }
            case 2 -> c = java.util.Arrays.copyOf(c, r.nextInt(c.length + 1));
            case 3 -> {
                c = java.util.Arrays.copyOf(c, c.length + 1 + r.nextInt(16));
                for (int i = payload.length; i < c.length; i++) {
                    c[i] = (byte) r.nextInt(256);
                }
            }
            default -> {
                if (c.length > 0) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
            }
        }
        return c;
    }

    private static ModelFile.Corrupt decodeCorrupt(byte[] input) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        ModelFile.Corrupt e = assertThrows(ModelFile.Corrupt.class, () -> ModelFile.fromBytes(input));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BUDGET, "rejecting " + input.length + " bytes allocated " + allocated);
        return e;
    }

    /** @return each section's tag and the offset of its header */
    private static Map<String, Integer> sectionHeaders(byte[] file) {
        Map<String, Integer> headers = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int at = ModelFile.MAGIC.length + 4;
        while (at + 8 <= file.length) {
            headers.put(new String(file, at, 4, StandardCharsets.US_ASCII), at);
            at += 8 + b.getInt(at + 4) + 4;
        }
        return headers;
    }

    private static List<byte[]> payloads(byte[] file) {
        List<byte[]> payloads = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at : sectionHeaders(file).values()) {
            byte[] p = new byte[b.getInt(at + 4)];
            System.arraycopy(file, at + 8, p, 0, p.length);
            payloads.add(p);
        }
        return payloads;
    }

    private static List<byte[]> copyOf(List<byte[]> sections) {
        List<byte[]> copy = new ArrayList<>();
        sections.forEach(s -> copy.add(s.clone()));
        return copy;
    }

    /** A model file of these payloads with right lengths and checksums. */
    private static byte[] assemble(List<byte[]> payloads) {
        String[] tags = {"SPEC", "VOCB", "PROG", "TRNG", "WGHT"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ModelFile.MAGIC);
        out.writeBytes(le(4).putShort((short) ModelFile.VERSION).putShort((short) tags.length).array());
        for (int i = 0; i < tags.length; i++) {
            CRC32 crc = new CRC32();
            crc.update(payloads.get(i));
            out.writeBytes(tags[i].getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(le(4).putInt(payloads.get(i).length).array());
            out.writeBytes(payloads.get(i));
            out.writeBytes(le(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    /**
     * The bytes this thread has allocated, from the JDK's thread MX bean. Looked up reflectively: the test
     * sources compile inside the jazz.music module, which does not read java.management, but run on the
     * class path, where every module is readable.
     */
    static final class AllocationMeter {
        private final Object bean;
        private final Method allocated;

        AllocationMeter() {
            try {
                Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
                bean = factory.getMethod("getThreadMXBean").invoke(null);
                allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this JDK does not measure allocation per thread", e);
            }
        }

        long getCurrentThreadAllocatedBytes() {
            try {
                return (long) allocated.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
