package jazz.backend.dl4j;

import java.util.HashMap;
import java.util.Map;

import jazz.api.ModelSpec;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;

/**
 * Times the notebook's training (V = 90, n_a = 64, 60 windows of 30, minibatch 32, 100 epochs) on the
 * synthetic corpus, for comparing engine settings. Each setting that ND4J reads at load time needs its
 * own JVM, so this is a program, run once per setting:
 *
 * <pre>{@code java -cp <test class path> jazz.backend.dl4j.Dl4jTrainingBenchmark threads=1 workspaces=enabled}</pre>
 */
public final class Dl4jTrainingBenchmark {

    private Dl4jTrainingBenchmark() {
    }

    /** CPU time of the whole process, all threads (native ones included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * @param args backend options as {@code key=value}
     */
    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long started = System.nanoTime();
        Backend backend = new Dl4jBackendProvider().create(options);
        long loaded = System.nanoTime();
        TrainingSet data = SyntheticCorpus.notebookShape(1);
        TrainingConfig config = TrainingConfig.notebook(1);
        try (SequenceModel model = backend.create(ModelSpec.notebook(SyntheticCorpus.VOCABULARY), 1)) {
            Trainer trainer = model.trainer(config);
            double first = trainer.epoch(data);
            long firstDone = System.nanoTime();
            long cpuBefore = processCpuNanos();
            double last = first;
            for (int e = 1; e < config.epochs(); e++) {
                last = trainer.epoch(data);
            }
            long done = System.nanoTime();
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            var sampler = model.sampler();
            int token = jazz.api.TrainingSet.NONE;
            long sampleStart = System.nanoTime();
            for (int t = 0; t < 200; t++) {
                float[] logits = sampler.step(token);
                int best = 0;
                for (int v = 1; v < logits.length; v++) {
                    best = logits[v] > logits[best] ? v : best;
                }
                token = best;
            }
            long sampleDone = System.nanoTime();
            System.out.printf("%s | %s | start-up %.2f s | 100 epochs %.2f s (first epoch %.3f s) (CPU %.2f s) | loss %.2f -> %.3f"
                            + " | sampling %.0f us/step%n",
                    options, backend.device(), (loaded - started) / 1e9, (done - loaded) / 1e9,
                    (firstDone - loaded) / 1e9, cpuSeconds, first, last, (sampleDone - sampleStart) / 1e3 / 200);
        }
    }
}
