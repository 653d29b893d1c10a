package jazz.backend.simd;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads that every {@link ParallelGradient} of the JVM shares: daemon threads started on
 * first need, one per extra thread a trainer asks for. A helper only ever helps: the thread that posts a
 * job claims its parts too and waits for them all to complete, so a job finishes whether or not a helper
 * comes (two trainers posting at once may take the same helper; the one it misses runs on fewer threads).
 *
 * <p>Shared rather than one set per trainer, because a program that trains many short models (the
 * warm-up of {@code jazz bench} trains hundreds) otherwise starts threads for each, and a trainer's
 * idle threads kept its buffers reachable until they ended: 150 MB of dead models copied by every young
 * collection, pauses of 0.1 to 0.6 s.
 *
 * <p>A minibatch is a millisecond or two of work, so handing it over must be quicker than waking a parked
 * thread (tens to hundreds of microseconds on a virtual machine): after a job a helper spins for
 * {@link #SPIN_NANOS}, which covers the gap between two minibatches, and only then parks; after
 * {@link #IDLE_EXIT_NANOS} without work it ends, and the next job starts a new one.
 */
final class Helpers {

    private static final long SPIN_NANOS = 2_000_000L;
    private static final long IDLE_EXIT_NANOS = 2_000_000_000L;

    private static Helper[] helpers = new Helper[0];

    private Helpers() {
    }

    /** Offers {@code job} to {@code count} helpers, starting those that are not running. */
    static void post(ParallelGradient job, int count) {
        Helper[] all = helpers;
        if (all.length < count) {
            all = grow(count);
        }
        for (int h = 0; h < count; h++) {
            all[h].post(job);
        }
    }

    private static synchronized Helper[] grow(int count) {
        if (helpers.length < count) {
            Helper[] more = Arrays.copyOf(helpers, count);
            for (int h = helpers.length; h < count; h++) {
                more[h] = new Helper(h + 1);
            }
            helpers = more;
        }
        return helpers;
    }

    /**
     * One helper. {@code posted} counts the jobs handed to it: the poster writes {@code job}, then
     * {@code posted}, whose volatile write carries it across; the helper then claims parts of the job
     * until none is left, and drops its reference to it unless another job came meanwhile (so a closed
     * model's buffers are not kept).
     */
    private static final class Helper implements Runnable {

        private final int index;
        private volatile ParallelGradient job;
        private volatile int posted;
        private int finished;
        private Thread thread;

        Helper(int index) {
            this.index = index;
        }

        void post(ParallelGradient next) {
            Thread wake;
            synchronized (this) {
                job = next;
                posted = posted + 1;
                if (thread == null) {
                    thread = new Thread(this, "jazz-native-helper-" + index);
                    thread.setDaemon(true);
                    thread.start();
                }
                wake = thread;
            }
            LockSupport.unpark(wake);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                int seen = posted;
                if (seen != finished) {
                    ParallelGradient current = job;
                    if (current != null) {
                        current.help();
                    }
                    synchronized (this) {
                        // Drop the reference unless a job was posted meanwhile (perhaps by the same
                        // trainer, its next one): that one is still to run.
                        if (posted == seen) {
                            job = null;
                        }
                    }
                    finished = seen;
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle < IDLE_EXIT_NANOS) {
                    // Until post() unparks it (a permit given just before this call is kept) or the idle
                    // time is up: a parked helper costs the other threads nothing, one that polls does.
                    LockSupport.parkNanos(this, IDLE_EXIT_NANOS - idle);
                } else {
                    synchronized (this) {
                        if (posted == finished) {
                            thread = null;
                            return;
                        }
                    }
                }
            }
        }
    }
}
