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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.TokenStream;
import jazz.backend.simd.NativeBackendProvider;

/** 50 greedy tokens from the zero state, as the notebook's inference model produces a run. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SamplingBenchmark {

    @Param({"64", "512"})
    int hiddenSize;

    private SequenceModel model;

    /** A freshly initialised model of the parameter's hidden size. */
    @Setup
    public void start() {
        model = new NativeBackendProvider().create(Map.of())
                .create(new ModelSpec(NotebookCorpus.VOCABULARY, hiddenSize, 1), 1);
    }

    /** A fresh stream (zero state, zero input) and 50 argmax tokens fed back one by one. */
    @Benchmark
    public int[] fiftyTokens() {
        return new TokenStream(model, SamplingConfig.argmax()).next(50);
    }
}
