package jazz.backend.simd;

/**
 * Tells when the JIT has settled, from the epochs' own times. In a fresh JVM the Vector API kernels run
 * interpreted, many times slower, until C2 has compiled them, and the compiler threads need a core:
 * {@link NativeTrainer} trains on one thread until two epochs in a row took at least 0.8 times the one
 * before (the JIT no longer speeds them up), or 2 s after the JVM's first trainer started. From then on
 * the JVM counts as settled for every later trainer.
 *
 * <p>Earlier versions read the JVM's compilation-time counter (two epochs with little compilation); its
 * management bean costs about 20 ms of class loading in every fresh JVM, and cold 100-epoch trains were
 * 47 and 73 ms shorter at the median without it (two sets of twelve interleaved runs), the switch to
 * all threads coming at about the same epoch.
 */
final class CompilerActivity {

    /** Epochs in a row that must not have sped up. */
    private static final int STEADY_EPOCHS = 2;
    /** An epoch at least this share of the one before has not sped up. */
    private static final double STEADY_RATIO = 0.8;
    /**
     * Longest time the JVM's trainers wait, counted from the first watch in the JVM (not per trainer: a
     * program that trains many short models would otherwise keep each on one thread).
     */
    private static final long MAX_WAIT_NANOS = 2_000_000_000L;

    private static volatile boolean settled;
    private static volatile long firstWatch;

    private long lastNanos;
    private int steady;

    /** A watch of its own, not registered with the JVM's: for tests of {@link #steadyAfter}. */
    CompilerActivity() {
    }

    /** A watch from now, or null when the JVM is settled already. */
    static CompilerActivity watch() {
        if (settled) {
            return null;
        }
        synchronized (CompilerActivity.class) {
            if (firstWatch == 0) {
                firstWatch = System.nanoTime();
            }
        }
        return new CompilerActivity();
    }

    /**
     * Records an epoch that took {@code epochNanos}; true once the epochs have stopped speeding up (or the
     * wait is over), after which the JVM counts as settled.
     */
    boolean settledAfter(long epochNanos) {
        if (steadyAfter(epochNanos) || System.nanoTime() - firstWatch > MAX_WAIT_NANOS) {
            settled = true;
        }
        return settled;
    }

    /** Records an epoch; true once the last {@value #STEADY_EPOCHS} epochs each did not speed up. */
    boolean steadyAfter(long epochNanos) {
        steady = lastNanos > 0 && epochNanos >= STEADY_RATIO * lastNanos ? steady + 1 : 0;
        lastNanos = epochNanos;
        return steady >= STEADY_EPOCHS;
    }
}
