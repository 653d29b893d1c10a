package jazz.backend.simd;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells when the JIT compiler has settled, from the JVM's running total of compilation time. In a fresh
 * JVM the Vector API kernels run interpreted, many times slower, until C2 has compiled them, and the
 * compiler threads need a core: {@link NativeTrainer} trains on one thread until an epoch passes with
 * little compilation. Once that has happened, the JVM stays settled for every later trainer.
 */
final class CompilerActivity {

    /** Epochs in a row that must see compilation below a quarter of their time. */
    private static final int QUIET_EPOCHS = 2;
    /** Longest time spent waiting for quiet, in case the JVM never stops compiling. */
    private static final long MAX_WAIT_NANOS = 3_000_000_000L;

    private static volatile boolean settled;

    private final CompilationMXBean compiler;
    private final long start = System.nanoTime();
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
        quiet = compiled * 4_000_000L <= epochNanos ? quiet + 1 : 0;
        if (quiet >= QUIET_EPOCHS || System.nanoTime() - start > MAX_WAIT_NANOS) {
            settled = true;
        }
        return settled;
    }
}
