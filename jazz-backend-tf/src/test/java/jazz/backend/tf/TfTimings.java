package jazz.backend.tf;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;

/**
 * Prints the timings of the seed set-up on {@code tf} under several thread settings: graph building
 * and session start, 100 training epochs (V = 90, n_a = 64, 60 windows of 30, minibatch 32) and the
 * latency of sampling 50 tokens. A measuring program, not a test: run it with the test class path,
 * {@code java -cp ... jazz.backend.tf.TfTimings [repeats]}.
 */
public final class TfTimings {

    private TfTimings() {
    }

    /**
     * @param args optional: how many times to repeat each measurement (default 3)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        TrainingSet data = SyntheticCorpus.of(90, 293, 60, 30, 1);
        List<ThreadSettings> settings = List.of(ThreadSettings.DEFAULT, new ThreadSettings(1, 1),
                new ThreadSettings(2, 1), new ThreadSettings(1, 2), new ThreadSettings(2, 2));
        System.out.printf(Locale.ROOT, "%d cores; seed set-up, synthetic corpus of the Metheny shape%n",
                Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < repeats; r++) {
            for (ThreadSettings threads : settings) {
                measure(threads, data);
            }
        }
    }

    private static void measure(ThreadSettings threads, TrainingSet data) {
        Map<String, String> options = Map.of(ThreadSettings.INTRA_OP, String.valueOf(threads.intraOp()),
                ThreadSettings.INTER_OP, String.valueOf(threads.interOp()));
        try (Backend backend = new TfBackendProvider().create(options)) {
            long t0 = System.nanoTime();
            try (SequenceModel m = backend.create(ModelSpec.notebook(90), 1)) {
                var trainer = m.trainer(TrainingConfig.notebook(1));
                double first = trainer.epoch(data);
                long t1 = System.nanoTime();
                double last = first;
                for (int e = 1; e < 100; e++) {
                    last = trainer.epoch(data);
                }
                long t2 = System.nanoTime();
                double[] latencies = new double[20];
                for (int k = 0; k < latencies.length; k++) {
                    Sampler s = m.sampler();
                    long a = System.nanoTime();
                    int token = TrainingSet.NONE;
                    for (int i = 0; i < 50; i++) {
                        float[] logits = s.step(token);
                        int best = 0;
                        for (int v = 1; v < logits.length; v++) {
                            best = logits[v] > logits[best] ? v : best;
                        }
                        token = best;
                    }
                    latencies[k] = (System.nanoTime() - a) / 1e6;
                }
                Arrays.sort(latencies);
                double epochs99 = (t2 - t1) / 1e9;
                System.out.printf(Locale.ROOT, "%-40s build+session+epoch 1 %.2f s, 100 epochs %.2f s (%.1f ms/epoch),"
                                + " loss %.2f -> %.3f, 50 tokens %.2f ms (median of 20)%n", threads.describe(),
                        (t1 - t0) / 1e9, (t1 - t0) / 1e9 + epochs99, epochs99 * 1000 / 99, first, last, latencies[10]);
            }
        }
    }
}
