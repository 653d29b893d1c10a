package jazz.backend.simd;

import java.util.Random;
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

/**
 * The matrix products of one training step in isolation, at the shapes the notebook's set-up gives them
 * (m x k times k x n): GFLOP/s = 2mkn divided by the time per product.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBenchmark {

    /** m x k x n: the recurrent step forward and backward, and a weight gradient over all steps. */
    @Param({"16x64x256", "16x256x64", "64x480x256", "480x64x96"})
    String shape;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;
    private float[] scratch;

    /** Random operands of the shape. */
    @Setup
    public void start() {
        String[] parts = shape.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        Random random = new Random(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        scratch = new float[Matmul.scratchLength(k)];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
    }

    /** The FMA ceiling: 12 independent chains of 1000 vector FMAs on registers only (2·12·1000·lanes FLOPs). */
    @Benchmark
    public float peak() {
        jdk.incubator.vector.VectorSpecies<Float> s = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
        jdk.incubator.vector.FloatVector x = jdk.incubator.vector.FloatVector.fromArray(s, a, 0);
        jdk.incubator.vector.FloatVector y = jdk.incubator.vector.FloatVector.fromArray(s, b, 0);
        jdk.incubator.vector.FloatVector s0 = x, s1 = y, s2 = x, s3 = y, s4 = x, s5 = y, s6 = x, s7 = y, s8 = x, s9 = y, sa = x, sb = y;
        for (int i = 0; i < 1000; i++) {
            s0 = s0.fma(x, y); s1 = s1.fma(x, y); s2 = s2.fma(x, y); s3 = s3.fma(x, y); s4 = s4.fma(x, y);
            s5 = s5.fma(x, y); s6 = s6.fma(x, y); s7 = s7.fma(x, y); s8 = s8.fma(x, y); s9 = s9.fma(x, y); sa = sa.fma(x, y); sb = sb.fma(x, y);
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(sa).add(sb).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** {@code c += a · b}. */
    @Benchmark
    public float[] multiplyAdd() {
        Matmul.multiplyAdd(a, 0, m, k, b, 0, n, c, 0, scratch);
        return c;
    }
}
