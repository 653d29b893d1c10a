package jazz.backend.simd.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jazz.api.ModelSpec;
import jazz.api.TrainingConfig;
import jazz.api.TrainingSet;
import jazz.backend.simd.NativeBackendProvider;

/**
 * The notebook's whole training (fresh model, 100 epochs) as one shot. With the default warm-up it is
 * the warm figure; run with {@code -wi 0 -i 1 -f 5} for the figure of a fresh JVM (JIT included,
 * JVM start excluded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class HundredEpochsBenchmark {

    @Param({"2"})
    int threads;

    private final TrainingSet data = NotebookCorpus.trainingSet(1);

    /** Creates the model and trains it for the notebook's 100 epochs; returns the last loss. */
    @Benchmark
    public double hundredEpochs() {
        double[] history = new NativeBackendProvider().create(Map.of("threads", Integer.toString(threads)))
                .create(ModelSpec.notebook(NotebookCorpus.VOCABULARY), 1)
                .trainer(TrainingConfig.notebook(1)).fit(data, null);
        return history[history.length - 1];
    }
}
