package jazz.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import jazz.api.BadInputException;
import jazz.api.CanonicalWeights;
import jazz.api.LstmLayerWeights;
import jazz.api.ModelSpec;

/**
 * Reads and writes {@code .jazz} model files (the format is described in FORMAT.md).
 *
 * <p>Layout, little-endian: the magic {@code "JAZZMODL"}, a u16 version (1), a u16 section count,
 * then the sections, each a 4-byte ASCII tag, a u32 payload length, the payload and the payload's
 * CRC32 (u32). Sections, in order: {@code SPEC}, {@code VOCB}, {@code PROG}, {@code TRNG},
 * {@code WGHT}. Loading trusts nothing: every length is checked against a cap and against the bytes
 * that remain, every CRC is checked, and the weights' size against the spec, before anything is
 * allocated from a length in the file. No Java serialization.
 */
public final class ModelFile {

    /** The first eight bytes of every model file. */
    static final byte[] MAGIC = "JAZZMODL".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and reads. */
    static final int VERSION = 1;
    /** Largest model file read: bounds every allocation. */
    static final long MAX_FILE_BYTES = 1L << 30;
    private static final int MAX_TOKEN_BYTES = 256;
    private static final int MAX_TEXT_BYTES = 1 << 20;
    private static final int MAX_EPOCHS = 10_000_000;
    private static final String[] SECTIONS = {"SPEC", "VOCB", "PROG", "TRNG", "WGHT"};

    private ModelFile() {
    }

    /**
     * Writes a model file atomically.
     *
     * @param file the file to write
     * @param model the model
     * @throws BadInputException when the file cannot be written
     */
    public static void save(Path file, TrainedModel model) {
        AtomicFile.write(file, toBytes(model));
    }

    /**
     * Reads a model file.
     *
     * @param file the file to read
     * @return the model
     * @throws BadInputException when the file is missing, unreadable, truncated, corrupt or of another
     *     version; the message names the file and the section
     */
    public static TrainedModel load(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file + " is not a jazz model: " + size + " bytes is more than the "
                        + MAX_FILE_BYTES + "-byte limit");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("model file " + file + " does not exist (train one with: jazz train --out "
                    + file + ")", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromBytes(bytes);
        } catch (Corrupt e) {
            throw new BadInputException("model file " + file + " is damaged: " + e.getMessage()
                    + " (train it again or use another file)", e);
        }
    }

    /**
     * The bytes of a model file.
     *
     * @param model the model
     * @return the encoded file
     */
    public static byte[] toBytes(TrainedModel model) {
        ModelSpec spec = model.spec();
        Map<String, byte[]> sections = new LinkedHashMap<>();

        ByteBuffer specBuf = buffer(12).putInt(spec.vocabularySize()).putInt(spec.hiddenSize()).putInt(spec.layers());
        sections.put("SPEC", specBuf.array());

        ByteArrayOutputStream vocab = new ByteArrayOutputStream();
        writeInt(vocab, model.vocabulary().size());
        for (String token : model.vocabulary()) {
            writeText(vocab, token, 2);
        }
        sections.put("VOCB", vocab.toByteArray());

        ByteArrayOutputStream prog = new ByteArrayOutputStream();
        writeText(prog, model.progression(), 4);
        sections.put("PROG", prog.toByteArray());

        TrainingRecord t = model.training();
        ByteArrayOutputStream trng = new ByteArrayOutputStream();
        writeText(trng, t.backend(), 4);
        writeText(trng, t.source(), 4);
        byte[] fixed = buffer(8 + 8 + 4).putLong(t.seed()).putDouble(t.seconds()).putInt(t.epochs()).array();
        trng.writeBytes(fixed);
        double[] loss = t.loss();
        ByteBuffer lossBuf = buffer(4 + 8 * loss.length).putInt(loss.length);
        for (double v : loss) {
            lossBuf.putDouble(v);
        }
        trng.writeBytes(lossBuf.array());
        sections.put("TRNG", trng.toByteArray());

        CanonicalWeights w = model.weights();
        ByteBuffer weights = buffer(4 * Math.toIntExact(spec.parameterCount()));
        for (LstmLayerWeights layer : w.layers()) {
            put(weights, layer.inputKernel());
            put(weights, layer.recurrentKernel());
            put(weights, layer.bias());
        }
        put(weights, w.denseKernel());
        put(weights, w.denseBias());
        sections.put("WGHT", weights.array());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.writeBytes(buffer(4).putShort((short) VERSION).putShort((short) sections.size()).array());
        for (Map.Entry<String, byte[]> s : sections.entrySet()) {
            CRC32 crc = new CRC32();
            crc.update(s.getValue());
            out.writeBytes(s.getKey().getBytes(StandardCharsets.US_ASCII));
            writeInt(out, s.getValue().length);
            out.writeBytes(s.getValue());
            writeInt(out, (int) crc.getValue());
        }
        return out.toByteArray();
    }

    /**
     * Decodes model-file bytes.
     *
     * @param bytes the file's bytes
     * @return the model
     * @throws Corrupt naming the section and the problem
     */
    static TrainedModel fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4) {
            throw new Corrupt("header: the file is " + bytes.length + " bytes long, too short to be a jazz model");
        }
        for (byte b : MAGIC) {
            if (in.get() != b) {
                throw new Corrupt("header: this is not a jazz model file (wrong magic bytes)");
            }
        }
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw new Corrupt("header: format version " + version + " is not supported (this jazz reads version "
                    + VERSION + ")");
        }
        int count = Short.toUnsignedInt(in.getShort());
        if (count != SECTIONS.length) {
            throw new Corrupt("header: " + count + " sections, expected " + SECTIONS.length);
        }
        Map<String, ByteBuffer> sections = new LinkedHashMap<>();
        for (String expected : SECTIONS) {
            if (in.remaining() < 8) {
                throw new Corrupt("section " + expected + ": the file ends before the section (truncated)");
            }
            byte[] tag = new byte[4];
            in.get(tag);
            String name = new String(tag, StandardCharsets.ISO_8859_1);
            if (!name.equals(expected)) {
                throw new Corrupt("section " + expected + ": found tag '" + printable(name) + "' instead");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length + 4 > in.remaining()) {
                throw new Corrupt("section " + name + ": declares " + length + " bytes but only " + in.remaining()
                        + " remain (truncated)");
            }
            byte[] payload = new byte[(int) length];
            in.get(payload);
            int stored = in.getInt();
            CRC32 crc = new CRC32();
            crc.update(payload);
            if ((int) crc.getValue() != stored) {
                throw new Corrupt("section " + name + ": checksum mismatch");
            }
            sections.put(name, ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN));
        }
        if (in.hasRemaining()) {
            throw new Corrupt("trailer: " + in.remaining() + " unexpected bytes after the last section");
        }
        try {
            return decode(sections);
        } catch (BufferUnderflowException e) {
            throw new Corrupt("a section is shorter than its content needs");
        }
    }

    private static TrainedModel decode(Map<String, ByteBuffer> sections) {
        ByteBuffer s = sections.get("SPEC");
        ModelSpec spec;
        try {
            spec = new ModelSpec(s.getInt(), s.getInt(), s.getInt());
        } catch (IllegalArgumentException e) {
            throw new Corrupt("section SPEC: " + e.getMessage());
        }
        end(s, "SPEC");

        ByteBuffer v = sections.get("VOCB");
        int size = v.getInt();
        if (size != spec.vocabularySize()) {
            throw new Corrupt("section VOCB: " + size + " tokens but the spec says " + spec.vocabularySize());
        }
        List<String> vocabulary = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            vocabulary.add(readText(v, 2, MAX_TOKEN_BYTES, "VOCB"));
        }
        end(v, "VOCB");

        ByteBuffer p = sections.get("PROG");
        String progression = readText(p, 4, MAX_TEXT_BYTES, "PROG");
        end(p, "PROG");

        ByteBuffer t = sections.get("TRNG");
        String backend = readText(t, 4, MAX_TOKEN_BYTES, "TRNG");
        String source = readText(t, 4, MAX_TEXT_BYTES, "TRNG");
        long seed = t.getLong();
        double seconds = t.getDouble();
        int epochs = t.getInt();
        int losses = t.getInt();
        if (epochs < 0 || epochs > MAX_EPOCHS || losses < 0 || losses > MAX_EPOCHS || (long) losses * 8 > t.remaining()) {
            throw new Corrupt("section TRNG: " + epochs + " epochs with " + losses + " losses does not fit the section");
        }
        double[] loss = new double[losses];
        for (int i = 0; i < losses; i++) {
            loss[i] = t.getDouble();
        }
        end(t, "TRNG");

        ByteBuffer w = sections.get("WGHT");
        long floats = spec.parameterCount();
        if (w.remaining() != floats * 4) {
            throw new Corrupt("section WGHT: " + w.remaining() + " bytes but the spec " + spec.vocabularySize() + "x"
                    + spec.hiddenSize() + "x" + spec.layers() + " needs " + floats * 4);
        }
        List<LstmLayerWeights> layers = new ArrayList<>();
        int n = spec.hiddenSize();
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.inputSize(l);
            layers.add(new LstmLayerWeights(in, n, get(w, in * 4 * n), get(w, n * 4 * n), get(w, 4 * n)));
        }
        CanonicalWeights weights = new CanonicalWeights(spec, layers, get(w, n * spec.vocabularySize()),
                get(w, spec.vocabularySize()));
        return new TrainedModel(vocabulary, progression, new TrainingRecord(backend, epochs, loss, seed, source, seconds),
                weights);
    }

    private static void end(ByteBuffer b, String section) {
        if (b.hasRemaining()) {
            throw new Corrupt("section " + section + ": " + b.remaining() + " unexpected bytes at its end");
        }
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put(ByteBuffer b, float[] values) {
        for (float f : values) {
            b.putFloat(f);
        }
    }

    private static float[] get(ByteBuffer b, int count) {
        float[] values = new float[count];
        b.asFloatBuffer().get(values);
        b.position(b.position() + 4 * count);
        return values;
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(buffer(4).putInt(value).array());
    }

    private static void writeText(ByteArrayOutputStream out, String text, int lengthBytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (lengthBytes == 2) {
            if (utf8.length > MAX_TOKEN_BYTES) {
                throw new IllegalArgumentException("token longer than " + MAX_TOKEN_BYTES + " bytes: " + text);
            }
            out.writeBytes(buffer(2).putShort((short) utf8.length).array());
        } else {
            writeInt(out, utf8.length);
        }
        out.writeBytes(utf8);
    }

    private static String readText(ByteBuffer b, int lengthBytes, int max, String section) {
        if (b.remaining() < lengthBytes) {
            throw new Corrupt("section " + section + ": ends inside a text length");
        }
        long length = lengthBytes == 2 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        if (length > max || length > b.remaining()) {
            throw new Corrupt("section " + section + ": a text of " + length + " bytes does not fit");
        }
        byte[] utf8 = new byte[(int) length];
        b.get(utf8);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new Corrupt("section " + section + ": a text is not valid UTF-8");
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A model file whose bytes do not hold a model; the message names the section. */
    static final class Corrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }
}
