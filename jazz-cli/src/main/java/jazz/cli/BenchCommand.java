package jazz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.BackendEntry;
import jazz.api.BadInputException;
import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import jazz.music.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz bench}: the same training and sampling on every backend, in one JVM, side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains and samples the notebook's set-up on every available backend, in one",
                "JVM, after a warm-up per backend (1 s of sampling, then at least 20 epochs and",
                "2 s, then until the JIT is quiet, at most 15 s), and prints time per epoch",
                "(median over every timed epoch, with its quartiles, so that a noisy run shows",
                "as one; a fresh model's first epoch, with any graph building, apart), training",
                "tokens/s, 50-token sampling latency, final loss, peak heap, and each time's",
                "ratio to the fastest backend. The timed runs take turns: one run of each",
                "backend, then the next round, so that a machine whose speed drifts touches",
                "every backend alike; each turn starts with 0.1 s of untimed training (longer,",
                "up to 1 s, until the JIT has been quiet for 50 ms)."})
final class BenchCommand implements Callable<Integer> {

    private static final long WARMUP_SAMPLING_NANOS = 1_000_000_000L;
    private static final int WARMUP_EPOCHS = 20;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long WARMUP_WINDOW_NANOS = 500_000_000L;
    private static final long WARMUP_MAX_NANOS = 15_000_000_000L;
    private static final int SAMPLES_PER_ROUND = 10;
    private static final long RESUME_NANOS = 100_000_000L;
    /** How long the JIT must have finished no compilation before a timed turn starts. */
    private static final long RESUME_QUIET_NANOS = 50_000_000L;
    /** The longest a turn waits for that quiet. */
    private static final long RESUME_MAX_NANOS = 1_000_000_000L;

    @ParentCommand
    JazzCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--backends", split = ",", paramLabel = "IDS",
            description = "Backends to compare (default: every first-party one).")
    List<String> ids = new ArrayList<>(List.of("native", "dl4j", "tf", "tf-gpu"));

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per timed run (default: ${DEFAULT-VALUE}).")
    int epochs = 100;

    @Option(names = "--hidden", paramLabel = "N", description = "LSTM units (default: ${DEFAULT-VALUE}).")
    int hidden = 64;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per backend, the median is kept (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--midi", paramLabel = "FILE", description = "Corpus to train on (default: the built-in corpus).")
    Path midi;

    @Mixin
    PartOptions parts;

    @Option(names = "--json", description = "Print {machine, results} as JSON.")
    boolean json;

    @Option(names = "--cold", description = {"Instead: run 'jazz --backend=ID train' in a fresh JVM per backend",
            "and compare whole-process wall times (JIT and engine start-up included)."})
    boolean cold;

    /**
     * One backend's figures: the time per epoch is the median of every timed epoch ({@code epochTimes},
     * in the order they ran), with the first and third quartiles beside it.
     */
    record Result(String backend, String status, double epochSeconds, double epochQ1, double epochQ3,
                  double[] epochTimes, double firstEpochSeconds, double tokensPerSecond, double sample50Millis,
                  double finalLoss, long peakHeapBytes) {

        static Result failed(String backend, String status) {
            return new Result(backend, status, Double.NaN, Double.NaN, Double.NaN, new double[0], Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, 0);
        }
    }

    @Override
    public Integer call() {
        TrainingOptions.check(epochs >= 1 && epochs <= 100_000, "--epochs must be between 1 and 100000, got " + epochs);
        TrainingOptions.check(hidden >= 1 && hidden <= 8192, "--hidden must be between 1 and 8192, got " + hidden);
        TrainingOptions.check(runs >= 1 && runs <= 100, "--runs must be between 1 and 100, got " + runs);
        boolean named = spec.commandLine().getParseResult().hasMatchedOption("--backends");
        for (String id : ids) {
            // An unavailable backend is a row of the table; an id no provider has, named by the user, is a typo.
            if (named && root.backends().find(id).isEmpty()) {
                throw new BadInputException("--backends: unknown backend '" + id + "'. " + root.backends().listing());
            }
        }
        if (cold) {
            return coldRuns();
        }
        Corpus corpus = midi == null ? Corpus.builtIn() : Corpus.fromMidi(midi, parts.selection());
        TrainingSet data = corpus.trainingSet(60, 30, 1);
        ModelSpec modelSpec = new ModelSpec(corpus.vocabulary().size(), hidden, 1);
        PrintWriter err = spec.commandLine().getErr();
        TrainingConfig config = TrainingConfig.notebook(1).withEpochs(epochs);
        CanonicalWeights start = CanonicalWeights.initialize(modelSpec, 1);
        List<Measured> measured = new ArrayList<>();
        try {
            for (String id : ids) {
                BackendEntry entry = root.backends().find(id).orElse(null);
                Measured m = new Measured(id);
                measured.add(m);
                if (entry == null || !entry.isAvailable()) {
                    m.status = entry == null ? "unknown backend" : entry.statusLine();
                    continue;
                }
                err.printf("bench: %s (%s)...%n", id, entry.device());
                err.flush();
                m.open(start, config, data);
            }
            // The timed runs go round the backends, one run of each in turn, and so do the sampling rounds:
            // this machine's speed drifts by tens of percent over a minute, and a ratio of figures taken
            // half a minute apart would carry that drift. Each turn starts with a short untimed stretch of
            // the same work (see Measured.resume).
            for (int r = 0; r < runs; r++) {
                for (Measured m : measured) {
                    m.resume(data);
                    m.timedRun(r, start, config, data);
                }
            }
            for (int round = 0; round < Math.max(1, runs); round++) {
                for (Measured m : measured) {
                    m.resume(data);
                    m.sampleRound(round, start);
                }
            }
        } finally {
            measured.forEach(Measured::close);
        }
        long tokens = (long) data.count() * data.length();
        List<Result> results = new ArrayList<>();
        for (Measured m : measured) {
            results.add(m.result(tokens));
        }
        print(results, corpus, modelSpec);
        return ExitCodes.OK;
    }

    /** One backend's state through the interleaved runs: open from its warm-up to the end, unless it fails. */
    private final class Measured implements AutoCloseable {
        private final String id;
        private Backend backend;
        /** A model kept for {@link #resume}, trained on and sampled from between the timed turns. */
        private SequenceModel resumeModel;
        private Trainer resumeTrainer;
        private String status = "available";
        private final double[] epochTimes = new double[runs * epochs];
        private final double[] firstEpochs = new double[runs];
        private final double[] samples = new double[SAMPLES_PER_ROUND * Math.max(1, runs)];
        private double finalLoss = Double.NaN;
        private long peakHeap;

        Measured(String id) {
            this.id = id;
        }

        void open(CanonicalWeights start, TrainingConfig config, TrainingSet data) {
            try {
                backend = root.backends().open(id, Map.of());
                long warmStart = System.nanoTime();
                int warmEpochs = warmUp(backend, start, config, data);
                resumeModel = backend.load(start);
                resumeTrainer = resumeModel.trainer(config.withEpochs(Integer.MAX_VALUE));
                resumeTrainer.epoch(data);
                PrintWriter err = spec.commandLine().getErr();
                err.printf(Locale.ROOT, "bench: %s warmed up: %d epochs in %.1f s%n", id, warmEpochs,
                        (System.nanoTime() - warmStart) / 1e9);
                err.flush();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /**
         * Brings the backend back to where its warm-up left it before one of its timed turns: after the
         * other backends' turns its caches hold their data, and their worker threads may still be
         * spinning on the cores (DL4J's right after its turn: the native backend's 5-epoch runs then took
         * 3.2 to 4.3 ms per epoch instead of 1.1 to 1.5; three seconds' sleep instead still left them 12 %
         * slower). So each turn starts with at least 0.1 s and two epochs of training on a model kept for
         * it, untimed, then 10 sampled tokens. The training goes on (up to 1 s) until the JIT has finished
         * no compilation for 50 ms: TensorFlow's turns build a graph per model in Java, code that the JIT
         * is still compiling round after round, and its compiler thread then took a core from the next
         * turn (native 5-epoch runs right after a TensorFlow turn: 3.8 to 6.5 ms per epoch in many runs
         * instead of 1.1 to 1.4).
         */
        void resume(TrainingSet data) {
            if (backend == null) {
                return;
            }
            try {
                long begin = System.nanoTime();
                long compiled = compilationMillis();
                long quietSince = begin;
                for (int e = 0; ; e++) {
                    resumeTrainer.epoch(data);
                    long now = System.nanoTime();
                    long total = compilationMillis();
                    if (total != compiled) {
                        compiled = total;
                        quietSince = now;
                    }
                    if (e >= 1 && now - begin >= RESUME_NANOS
                            && (now - quietSince >= RESUME_QUIET_NANOS || now - begin >= RESUME_MAX_NANOS)) {
                        break;
                    }
                }
                new TokenStream(resumeModel, SamplingConfig.argmax()).next(10);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /**
         * One fresh model trained for --epochs, every epoch timed on its own: a backend's one-time work per
         * model (TensorFlow builds its training graph in the first epoch) shows in firstEpochSeconds, and
         * the time per epoch is the median over all runs' epochs.
         */
        void timedRun(int r, CanonicalWeights start, TrainingConfig config, TrainingSet data) {
            if (backend == null) {
                return;
            }
            try {
                resetPeaks();
                try (SequenceModel model = backend.load(start)) {
                    Trainer trainer = model.trainer(config);
                    for (int e = 0; e < epochs; e++) {
                        long t0 = System.nanoTime();
                        finalLoss = trainer.epoch(data);
                        epochTimes[r * epochs + e] = (System.nanoTime() - t0) / 1e9;
                    }
                    firstEpochs[r] = epochTimes[r * epochs];
                }
                peakHeap = Math.max(peakHeap, peakHeap());
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /** 50 tokens from a fresh stream, {@link #SAMPLES_PER_ROUND} times, each timed. */
        void sampleRound(int round, CanonicalWeights start) {
            if (backend == null) {
                return;
            }
            try (SequenceModel model = backend.load(start)) {
                for (int i = 0; i < SAMPLES_PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    new TokenStream(model, SamplingConfig.argmax()).next(50);
                    samples[round * SAMPLES_PER_ROUND + i] = (System.nanoTime() - t0) / 1e6;
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void fail(RuntimeException e) {
            status = "failed: " + e.getMessage();
            close();
        }

        Result result(long tokens) {
            if (!status.equals("available")) {
                return Result.failed(id, status);
            }
            double epochSeconds = median(epochTimes);
            return new Result(id, status, epochSeconds, quantile(epochTimes, 0.25), quantile(epochTimes, 0.75),
                    epochTimes.clone(), median(firstEpochs), tokens / epochSeconds, median(samples), finalLoss, peakHeap);
        }

        @Override
        public void close() {
            if (resumeModel != null) {
                SequenceModel m = resumeModel;
                resumeModel = null;
                resumeTrainer = null;
                m.close();
            }
            if (backend != null) {
                Backend b = backend;
                backend = null;
                b.close();
            }
        }
    }

    /** The JVM's running total of JIT compilation time, or 0 where the JVM does not report it. */
    private static long compilationMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    /**
     * The warm-up, the same for every backend whatever --epochs says: sampling first, 50-token streams
     * for at least {@link #WARMUP_SAMPLING_NANOS} (the native sampler starts a JVM on scalar steps and
     * moves to its vector kernels within about half a second of sampling), then fresh models trained as
     * the timed runs train them, for at least 20 epochs and 2 s and then until the JIT has been quiet for
     * a while (the native kernels reach their compiled speed only once C2 has compiled them, and a
     * compiler thread busy on the second core slows every two-thread epoch), at most 15 s. A JIT, a
     * graph or a native library's first calls must not count.
     */
    private int warmUp(Backend backend, CanonicalWeights start, TrainingConfig config, TrainingSet data) {
        try (SequenceModel model = backend.load(start)) {
            long sampling = System.nanoTime();
            for (int i = 0; i < 20 || System.nanoTime() - sampling < WARMUP_SAMPLING_NANOS; i++) {
                new TokenStream(model, SamplingConfig.argmax()).next(50);
            }
        }
        long begin = System.nanoTime();
        long windowStart = begin;
        long windowJit = compilationMillis();
        int quietWindows = 0;
        int done = 0;
        while (true) {
            // The heap-peak probes around each model, as in the timed runs: their first use loads the JDK's
            // management classes and spins method handles, and the JIT then compiled that code on both
            // compiler threads during the first timed run (with TensorFlow in the bench, most of native's
            // first five epochs took 2.7 to 5.3 ms instead of 1.0 to 1.5; JFR's class-load events and
            // -XX:+PrintCompilation placed the work in resetPeaks()).
            resetPeaks();
            try (SequenceModel model = backend.load(start)) {
                Trainer trainer = model.trainer(config);
                for (int e = 0; e < epochs; e++) {
                    trainer.epoch(data);
                    done++;
                    long now = System.nanoTime();
                    if (now - begin > WARMUP_MAX_NANOS) {
                        return done;
                    }
                    if (now - windowStart >= WARMUP_WINDOW_NANOS) {
                        long jit = compilationMillis();
                        // Quiet: the compiler threads busy for at most 5 % of the window.
                        quietWindows = (jit - windowJit) * 20_000_000L <= now - windowStart ? quietWindows + 1 : 0;
                        windowStart = now;
                        windowJit = jit;
                    }
                    if (done >= WARMUP_EPOCHS && now - begin >= WARMUP_NANOS && quietWindows >= 2) {
                        return done;
                    }
                }
            }
            peakHeap();
        }
    }

    private void print(List<Result> results, Corpus corpus, ModelSpec modelSpec) {
        double fastestEpoch = results.stream().mapToDouble(Result::epochSeconds).filter(Double::isFinite).min().orElse(Double.NaN);
        double fastestSample = results.stream().mapToDouble(Result::sample50Millis).filter(Double::isFinite).min().orElse(Double.NaN);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("cpu", cpuName());
            machine.put("java", Runtime.version().toString());
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("corpus", corpus.source());
            setup.put("vocabulary", modelSpec.vocabularySize());
            setup.put("hidden", modelSpec.hiddenSize());
            setup.put("parameters", modelSpec.parameterCount());
            setup.put("epochs", epochs);
            setup.put("runs", runs);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Result r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backend", r.backend());
                m.put("status", r.status());
                m.put("epochSeconds", r.epochSeconds());
                m.put("epochSecondsQ1", r.epochQ1());
                m.put("epochSecondsQ3", r.epochQ3());
                m.put("epochTimesSeconds", r.epochTimes());
                m.put("firstEpochSeconds", r.firstEpochSeconds());
                m.put("tokensPerSecond", r.tokensPerSecond());
                m.put("sample50Millis", r.sample50Millis());
                m.put("finalLoss", r.finalLoss());
                m.put("peakHeapBytes", r.peakHeapBytes());
                m.put("ratioToFastest", r.epochSeconds() / fastestEpoch);
                m.put("sampleRatioToFastest", r.sample50Millis() / fastestSample);
                rows.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", machine);
            all.put("setup", setup);
            all.put("results", rows);
            out.println(Json.write(all));
        } else {
            out.printf(Locale.ROOT, "%s; V=%d, n_a=%d (%,d parameters), 60 windows x 30, batch 32, %d epochs x %d runs; %d cores, Java %s%n",
                    corpus.source(), modelSpec.vocabularySize(), modelSpec.hiddenSize(), modelSpec.parameterCount(), epochs,
                    runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
            String format = "%-8s %12s %15s %8s %12s %12s %12s %8s %11s %10s%n";
            out.printf(format, "BACKEND", "EPOCH (ms)", "Q1-Q3 (ms)", "x FAST", "1ST EPOCH ms", "TOKENS/S", "SAMPLE50 ms",
                    "x FAST", "FINAL LOSS", "PEAK HEAP");
            for (Result r : results) {
                if (!Double.isFinite(r.epochSeconds())) {
                    out.printf("%-8s %s%n", r.backend(), r.status());
                    continue;
                }
                out.printf(Locale.ROOT, "%-8s %12.3f %15s %8.2f %12.1f %12.0f %12.3f %8.2f %11.3f %9dM%n", r.backend(),
                        r.epochSeconds() * 1e3, quartiles(r), r.epochSeconds() / fastestEpoch,
                        r.firstEpochSeconds() * 1e3,
                        r.tokensPerSecond(), r.sample50Millis(),
                        r.sample50Millis() / fastestSample, r.finalLoss(), r.peakHeapBytes() >> 20);
            }
        }
        out.flush();
    }

    private int coldRuns() {
        List<String> corpusArgs = new ArrayList<>();
        if (midi != null) {
            corpusArgs.addAll(List.of("--midi", midi.toString()));
            corpusArgs.addAll(parts.arguments());
        }
        corpusArgs.addAll(List.of("--hidden", String.valueOf(hidden)));
        List<String> pluginDirs = new ArrayList<>();
        root.pluginDirs.forEach(p -> pluginDirs.add(p.toString()));
        PrintWriter err = spec.commandLine().getErr();
        List<String> available = new ArrayList<>();
        for (String id : ids) {
            BackendEntry entry = root.backends().find(id).orElse(null);
            if (entry != null && entry.isAvailable()) {
                available.add(id);
            }
        }
        // One run of each backend in turn, as in the warm runs: the machine's drift then touches all alike.
        double[][] times = new double[available.size()][runs];
        int[] codes = new int[available.size()];
        for (int r = 0; r < runs; r++) {
            for (int b = 0; b < available.size(); b++) {
                String id = available.get(b);
                err.printf("bench --cold: %s run %d/%d...%n", id, r + 1, runs);
                err.flush();
                ColdRuns.Cold c = ColdRuns.run(id, epochs, corpusArgs, pluginDirs);
                times[b][r] = c.processSeconds();
                codes[b] = Math.max(codes[b], c.exitCode());
            }
        }
        List<ColdRuns.Cold> results = new ArrayList<>();
        for (int b = 0; b < available.size(); b++) {
            results.add(new ColdRuns.Cold(available.get(b), codes[b], median(times[b])));
        }
        double fastest = results.stream().filter(c -> c.exitCode() == 0).mapToDouble(ColdRuns.Cold::processSeconds)
                .min().orElse(Double.NaN);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ColdRuns.Cold c : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backend", c.backend());
                m.put("exitCode", c.exitCode());
                m.put("processSeconds", c.processSeconds());
                m.put("ratioToFastest", c.processSeconds() / fastest);
                rows.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("epochs", epochs);
            all.put("runs", runs);
            all.put("cold", rows);
            out.println(Json.write(all));
        } else {
            out.printf(Locale.ROOT, "cold 'jazz train --epochs %d', fresh JVM per run, median of %d:%n", epochs, runs);
            for (ColdRuns.Cold c : results) {
                out.printf(Locale.ROOT, "%-8s %8.2f s  x%.2f%s%n", c.backend(), c.processSeconds(), c.processSeconds() / fastest,
                        c.exitCode() == 0 ? "" : "  (exit " + c.exitCode() + ")");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The {@code p} quantile of {@code values}, interpolated linearly between the two sorted values around
     * position {@code p·(n-1)} (so the 0.5 quantile is the median).
     */
    static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The table's quartile cell: both in milliseconds, to two or three significant places. */
    private static String quartiles(Result r) {
        return String.format(Locale.ROOT, "%s-%s", millis(r.epochQ1()), millis(r.epochQ3()));
    }

    private static String millis(double seconds) {
        double ms = seconds * 1e3;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
