package jazz.backend.simd.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jazz.api.ModelSpec;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;
import jazz.backend.simd.NativeBackendProvider;

/**
 * One training epoch of the notebook's set-up (60 windows of 30, minibatch 32, Adam with decay) at the
 * notebook's hidden size and at 512, on one thread and on two. GFLOP/s = the printed FLOPs per epoch
 * divided by the time per epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingBenchmark {

    @Param({"64", "512"})
    int hiddenSize;

    @Param({"1", "2"})
    int threads;

    private TrainingSet data;
    private Trainer trainer;

    /** A fresh model of the parameters' shape and its trainer; prints the FLOPs of one epoch. */
    @Setup(Level.Trial)
    public void start() {
        data = NotebookCorpus.trainingSet(1);
        Backend backend = new NativeBackendProvider().create(Map.of("threads", Integer.toString(threads)));
        trainer = backend.create(new ModelSpec(NotebookCorpus.VOCABULARY, hiddenSize, 1), 1)
                .trainer(TrainingConfig.notebook(1).withEpochs(Integer.MAX_VALUE));
        System.out.printf("%n%.4f GFLOP per epoch at hidden size %d on %s%n",
                NotebookCorpus.flopsPerEpoch(hiddenSize, 1) / 1e9, hiddenSize, backend.device());
    }

    /** One epoch: two minibatch updates (32 + 28 sequences). */
    @Benchmark
    public double epoch() {
        return trainer.epoch(data);
    }
}
