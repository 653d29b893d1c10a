package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;

/**
 * Seeded mutation fuzzing of the MIDI reader and the corpus builder: damaged variants of real MIDI files
 * (the Metheny file and files built here) must each end in a result or in {@link BadInputException},
 * never in another exception, an {@link OutOfMemoryError} or a hang. Inputs that read are also built into a
 * corpus, and the small ones analysed as solos.
 *
 * <p>System properties: {@code jazz.fuzz.inputs} (default 10,000; the {@code fuzz} profile runs more),
 * {@code jazz.fuzz.seed} (the base seed; input i uses seed base + i), {@code jazz.fuzz.replay} (run just
 * the input of that seed) and {@code jazz.fuzz.timeoutSeconds} (the per-input limit, default 30).
 */
class MidiFuzzTest {

    private static final long INPUTS = Long.getLong("jazz.fuzz.inputs", 10_000);
    private static final long BASE_SEED = Long.getLong("jazz.fuzz.seed", 20_261_125L);
    private static final Long REPLAY = Long.getLong("jazz.fuzz.replay");
    private static final long TIMEOUT_SECONDS = Long.getLong("jazz.fuzz.timeoutSeconds", 30);
    /** Crashers are saved here for triage and for turning into regression tests. */
    private static final Path CRASHERS = Path.of("target", "fuzz-crashers");

    /** The solo analysis reads the file once more: only the small inputs (the files built here) get it. */
    private static final int ANALYSED_BYTES = 16 << 10;

    @TempDir
    Path dir;

    /** What became of one input. */
    enum Outcome {
        /** The reader rejected it with a BadInputException. */
        REJECTED_BY_READER,
        /** The reader read it; the corpus builder rejected it with a BadInputException. */
        REJECTED_BY_CORPUS,
        /** A corpus came out. */
        CORPUS
    }

    /** A seed MIDI file and the part selections the corpus builder is tried with. */
    record SeedFile(String name, byte[] bytes, List<PartSelection> selections) {
    }

    @Test
    void damagedMidiFilesEndInAResultOrABadInputExceptionNeverACrashOrAHang() throws Exception {
        List<SeedFile> seeds = seeds();
        Map<Outcome, Long> outcomes = new LinkedHashMap<>();
        Map<String, long[]> perSeedFile = new LinkedHashMap<>();
        List<String> crashes = new ArrayList<>();
        long first = REPLAY != null ? REPLAY : BASE_SEED;
        long count = REPLAY != null ? 1 : INPUTS;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "midi-fuzz");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (long seed = first; seed < first + count; seed++) {
                SplittableRandom random = new SplittableRandom(seed);
                // Mutants of the large Metheny file cost ten times more: one input in five starts from it.
                SeedFile seedFile = seeds.get(seeds.size() == 3 && random.nextInt(5) == 0 ? 0
                        : seeds.size() - 1 - random.nextInt(2));
                byte[] input = MidiMutator.mutate(seedFile.bytes(), random);
                Path file = dir.resolve("fuzz.mid");
                Future<Outcome> run = worker.submit(() -> run(file, input, seedFile.selections()));
                long inputStart = System.nanoTime();
                try {
                    outcomes.merge(run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), 1L, Long::sum);
                    long[] time = perSeedFile.computeIfAbsent(seedFile.name(), k -> new long[3]);
                    long nanos = System.nanoTime() - inputStart;
                    time[0]++;
                    time[1] += nanos;
                    time[2] = Math.max(time[2], nanos);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    save(seed, input);
                    fail("input of seed " + seed + " (from " + seedFile.name() + ", " + input.length
                            + " bytes) ran longer than " + TIMEOUT_SECONDS + " s; replay with -Djazz.fuzz.replay=" + seed);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    save(seed, input);
                    crashes.add("seed " + seed + " (from " + seedFile.name() + "): " + cause);
                    if (crashes.size() == 1) {
                        cause.printStackTrace();
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MIDI fuzz: %d inputs from seed %d in %.1f s (%.0f inputs/s): %s%n", count, first, seconds,
                count / seconds, outcomes);
        perSeedFile.forEach((name, time) -> System.out.printf("  from %s: %d inputs, mean %.2f ms, slowest %.1f ms%n",
                name, time[0], time[1] / 1e6 / time[0], time[2] / 1e6));
        assertTrue(crashes.isEmpty(), crashes.size() + " inputs crashed (bytes in " + CRASHERS.toAbsolutePath()
                + "; replay with -Djazz.fuzz.replay=SEED):\n" + String.join("\n", crashes));
        assertEquals(count, outcomes.values().stream().mapToLong(Long::longValue).sum());
        if (REPLAY == null) {
            // The mutations must not all die at the first check: a share of them reaches the corpus builder.
            long deep = outcomes.getOrDefault(Outcome.CORPUS, 0L) + outcomes.getOrDefault(Outcome.REJECTED_BY_CORPUS, 0L);
            assertTrue(deep > count / 10, "only " + deep + " of " + count + " inputs got past the reader: " + outcomes);
            assertTrue(outcomes.getOrDefault(Outcome.REJECTED_BY_READER, 0L) > count / 10,
                    "the reader rejected few inputs; are the mutations reaching it? " + outcomes);
        }
    }

    /**
     * Runs one input through the reader, the corpus builder (with each selection) and the solo analysis.
     * A BadInputException at any stage is an acceptable end; anything else propagates as a crash.
     */
    static Outcome run(Path file, byte[] input, List<PartSelection> selections) throws IOException {
        try {
            MidiReader.read(file, input);
        } catch (BadInputException e) {
            assertMessage(e, file);
            return Outcome.REJECTED_BY_READER;
        }
        Files.write(file, input);
        Outcome outcome = Outcome.REJECTED_BY_CORPUS;
        for (PartSelection selection : selections) {
            try {
                Corpus corpus = Corpus.fromMidi(file, selection);
                corpus.tokenIndices();
                corpus.progression().toSymbols();
                outcome = Outcome.CORPUS;
            } catch (BadInputException e) {
                assertMessage(e, null);
            }
        }
        if (input.length < ANALYSED_BYTES) {
            try {
                SoloAnalysis.of(file, List.of("C,0.250", "R,0.500"));
            } catch (BadInputException e) {
                assertMessage(e, null);
            }
        }
        return outcome;
    }

    /** A rejection carries a message, which names the file when the reader rejects the bytes. */
    private static void assertMessage(BadInputException e, Path file) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a BadInputException without a message", e);
        }
        if (file != null && !e.getMessage().contains(file.toString())) {
            throw new AssertionError("the message does not name " + file + ": " + e.getMessage(), e);
        }
    }

    private static void save(long seed, byte[] input) {
        try {
            Files.createDirectories(CRASHERS);
            Files.write(CRASHERS.resolve("seed-" + seed + ".mid"), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files the mutations start from: the Metheny file when present, and files built here. */
    static List<SeedFile> seeds() throws IOException {
        List<SeedFile> seeds = new ArrayList<>();
        Path metheny = Path.of(System.getProperty("jazz.shared.dir", "../shared"), "data", "original_metheny.mid");
        if (Files.isRegularFile(metheny)) {
            seeds.add(new SeedFile("original_metheny.mid", Files.readAllBytes(metheny), List.of(PartSelection.metheny())));
        } else {
            System.out.println("MIDI fuzz: " + metheny.toAbsolutePath()
                    + " is absent; fuzzing only the MIDI files built by the test");
        }
        seeds.add(new SeedFile("type0-two-channels", typeZeroTwoChannels(), List.of(PartSelection.auto())));
        seeds.add(new SeedFile("type1-lead-and-comp", typeOneLeadAndComp(),
                List.of(PartSelection.auto(), PartSelection.of(null, "Lead", List.of("Comp"), 1.0, 7.0))));
        return seeds;
    }

    /** A type-0 file: a melody on channel 1 and chords on channel 2, in one track. */
    static byte[] typeZeroTwoChannels() {
        MidiBytes midi = new MidiBytes(480, 1).name(0, "Band").program(0, 0, 26).program(0, 1, 0);
        for (int i = 0; i < 16; i++) {
            midi.note(0, 0, 60 + (i * 5) % 12, i * 240L, i * 240L + 200);
        }
        for (int bar = 0; bar < 2; bar++) {
            long on = bar * 1920L;
            midi.note(0, 1, 50, on, on + 1920).note(0, 1, 53, on, on + 1920).note(0, 1, 57, on, on + 1920);
        }
        return midi.bytes(0);
    }

    /** A type-1 file: a named lead track with triplets and a rest, a named comping track. */
    static byte[] typeOneLeadAndComp() {
        int ppq = 96;
        MidiBytes midi = new MidiBytes(ppq, 2).name(0, "Lead").name(1, "Comp");
        for (int i = 0; i < 12; i++) {
            long on = i * ppq / 3L + (i >= 6 ? ppq * 2 : 0);
            midi.note(0, 0, 64 + i % 5, on, on + ppq / 3 - 4);
        }
        midi.note(0, 0, 72, ppq * 6L, ppq * 8L);
        for (int bar = 0; bar < 2; bar++) {
            long on = bar * 4L * ppq;
            midi.note(1, 1, 48, on, on + 4 * ppq).note(1, 1, 52, on, on + 4 * ppq).note(1, 1, 55, on, on + 4 * ppq)
                    .note(1, 1, 58, on, on + 4 * ppq);
        }
        return midi.bytes(1);
    }
}
