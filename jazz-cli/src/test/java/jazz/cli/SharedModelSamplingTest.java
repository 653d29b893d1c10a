package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jazz.api.Backends;
import jazz.api.SamplingConfig;
import jazz.api.SamplingStrategy;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.api.TrainingConfig;
import jazz.api.spi.Backend;
import jazz.music.ChordProgression;
import jazz.music.Corpus;
import jazz.music.Jazz;
import jazz.music.Solo;
import jazz.music.SoloGenerator;
import jazz.music.TrainedModel;
import jazz.music.TrainingPlan;

/**
 * One loaded model sampled from 8 threads at once gives, per seed, exactly what one thread gives: the
 * samplers share the weights but no state. Here in jazz-cli because it is the module that sees both the
 * pipeline (jazz-music) and a real backend (native, a test dependency).
 */
class SharedModelSamplingTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 3;

    private static Jazz jazz;
    private static TrainedModel model;
    private static Backend backend;
    private static SequenceModel loaded;

    @BeforeAll
    static void trainAndLoadOneModel() {
        jazz = Jazz.open(Backends.discover(List.of()), "native");
        TrainingConfig n = TrainingConfig.notebook(11);
        TrainingConfig config = new TrainingConfig(6, n.batchSize(), n.learningRate(), n.decay(), n.beta1(), n.beta2(),
                n.epsilon(), 11);
        model = jazz.train(Corpus.builtIn(), new TrainingPlan(60, 30, 32, 1, config), (epoch, epochs, loss) -> { });
        backend = Backends.discover(List.of()).open("native", Map.of());
        loaded = backend.load(model.weights());
    }

    @AfterAll
    static void close() {
        loaded.close();
        backend.close();
        jazz.close();
    }

    /** Thread t samples these: every strategy, seeds unique to the thread. */
    private static List<SamplingConfig> configsOf(int thread) {
        List<SamplingConfig> configs = new ArrayList<>();
        long seed = 1000L * thread;
        configs.add(SamplingConfig.argmax());
        configs.add(new SamplingConfig(SamplingStrategy.TEMPERATURE, 1.0, 5, 0.9, seed + 1));
        configs.add(new SamplingConfig(SamplingStrategy.TOP_K, 0.8, 5, 0.9, seed + 2));
        configs.add(new SamplingConfig(SamplingStrategy.TOP_P, 1.2, 5, 0.9, seed + 3));
        return configs;
    }

    @Test
    void tokenStreamsOfOneModelOnEightThreadsMatchASingleThreadPerSeed() throws Exception {
        int[][][] alone = new int[THREADS][][];
        for (int t = 0; t < THREADS; t++) {
            List<SamplingConfig> configs = configsOf(t);
            alone[t] = new int[configs.size()][];
            for (int c = 0; c < configs.size(); c++) {
                alone[t][c] = new TokenStream(loaded, configs.get(c)).next(300);
            }
        }
        // Different seeds must give different streams, or the comparison below would prove little.
        assertNotEquals(java.util.Arrays.toString(alone[1][1]), java.util.Arrays.toString(alone[2][1]));

        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<int[][][]>> results = onThreads(t -> {
            List<SamplingConfig> configs = configsOf(t);
            int[][][] rounds = new int[ROUNDS][configs.size()][];
            start.await();
            for (int r = 0; r < ROUNDS; r++) {
                // Interleave the streams of this thread too: several samplers of one model alive at once.
                TokenStream[] streams = configs.stream().map(c -> new TokenStream(loaded, c)).toArray(TokenStream[]::new);
                for (int c = 0; c < streams.length; c++) {
                    rounds[r][c] = new int[300];
                }
                for (int step = 0; step < 300; step++) {
                    for (int c = 0; c < streams.length; c++) {
                        rounds[r][c][step] = streams[c].next();
                    }
                }
            }
            return rounds;
        });
        for (int t = 0; t < THREADS; t++) {
            int[][][] rounds = results.get(t).get(5, TimeUnit.MINUTES);
            for (int r = 0; r < ROUNDS; r++) {
                for (int c = 0; c < alone[t].length; c++) {
                    assertArrayEquals(alone[t][c], rounds[r][c], "thread " + t + ", round " + r + ", " + configsOf(t).get(c));
                }
            }
        }
    }

    @Test
    void solosOfOneModelOnEightThreadsMatchASingleThreadPerSeed() throws Exception {
        ChordProgression progression = ChordProgression.parse(model.progression());
        List<SamplingConfig> samplings = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            samplings.add(configsOf(t).get(1 + t % 3));
        }
        List<Solo> alone = new ArrayList<>();
        for (SamplingConfig s : samplings) {
            alone.add(SoloGenerator.improvise(loaded, model.vocabulary(), progression, 8, s));
        }

        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Solo>> together = onThreads(t -> {
            start.await();
            return SoloGenerator.improvise(loaded, model.vocabulary(), progression, 8, samplings.get(t));
        });
        for (int t = 0; t < THREADS; t++) {
            assertEquals(alone.get(t), together.get(t).get(5, TimeUnit.MINUTES), "thread " + t + ", " + samplings.get(t));
        }
        assertEquals(alone, jazz.improviseAll(model, progression, 8, samplings), "Jazz.improviseAll");
        assertNotEquals(alone.get(0), alone.get(3));
    }

    /** A task of one thread. */
    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    private static <T> List<Future<T>> onThreads(ThreadTask<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> task.run(thread)));
            }
            return futures;
        } finally {
            pool.shutdown();
        }
    }
}
