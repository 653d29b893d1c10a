package jazz.backend.simd;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells when the JIT compiler has settled, from the JVM's running total of compilation time. In a fresh
 * JVM the Vector API kernels run interpreted, many times slower, until C2 has compiled them, and the
 * compiler threads need a core: {@link NativeTrainer} trains on one thread until two epochs in a row
 * pass with little compilation, or 2 s after the JVM's first trainer started. From then on the JVM
 * counts as settled for every later trainer.
 */
final class CompilerActivity {

    /** Epochs in a row that must see little compilation: at most 1 ms, or a quarter of their time. */
    private static final int QUIET_EPOCHS = 2;
    /**
     * Longest time the JVM's trainers wait for quiet, counted from the first watch in the JVM (not per
     * trainer: a program that trains many short models would otherwise keep each on one thread).
     */
    private static final long MAX_WAIT_NANOS = 2_000_000_000L;

    private static volatile boolean settled;
    private static volatile long firstWatch;

    private final CompilationMXBean compiler;
    private long lastMillis;
    private int quiet;

    private CompilerActivity(CompilationMXBean compiler) {
        this.compiler = compiler;
        this.lastMillis = compiler.getTotalCompilationTime();
    }

    /** A watch from now, or null when the JVM is settled already or cannot report compilation time. */
    static CompilerActivity watch() {
        if (settled) {
            return null;
        }
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            settled = true;
            return null;
        }
        synchronized (CompilerActivity.class) {
            if (firstWatch == 0) {
                firstWatch = System.nanoTime();
            }
        }
        return new CompilerActivity(compiler);
    }

    /**
     * Records an epoch that took {@code epochNanos}; true once the compiler has been quiet long enough
     * (or the wait is over), after which the JVM counts as settled.
     */
    boolean settledAfter(long epochNanos) {
        long millis = compiler.getTotalCompilationTime();
        long compiled = millis - lastMillis;
        lastMillis = millis;
        quiet = compiled <= 1 || compiled * 4_000_000L <= epochNanos ? quiet + 1 : 0;
        if (quiet >= QUIET_EPOCHS || System.nanoTime() - firstWatch > MAX_WAIT_NANOS) {
            settled = true;
        }
        return settled;
    }
}
