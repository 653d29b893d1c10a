package jazz.backend.simd;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import jazz.api.TrainingSet;

/**
 * The gradient of a minibatch, its sequences split into equal shards computed on separate threads
 * (the caller's and one worker thread per further shard), then summed in shard order so that the
 * result does not depend on timing.
 *
 * <p>The workers are this object's own daemon threads. A minibatch is a millisecond or two of work, so
 * handing it over must be quicker than waking a parked thread (tens to hundreds of microseconds on a
 * virtual machine): after a shard a worker spins for {@link #SPIN_NANOS}, which covers the caller's
 * Adam update between two minibatches, and only then parks; after {@link #IDLE_EXIT_NANOS} without
 * work it ends, and the next minibatch starts a new one. A minibatch allocates nothing.
 */
final class ParallelGradient {

    private static final long SPIN_NANOS = 2_000_000L;
    private static final long PARK_NANOS = 200_000L;
    private static final long IDLE_EXIT_NANOS = 2_000_000_000L;

    private final BatchGradient[] shards;
    private final float[][] gradients;
    private final double[] losses;
    private final Worker[] workers;
    private Parameters parameters;
    private TrainingSet data;
    private int[] order;
    private int from;
    private int rows;

    ParallelGradient(ParameterLayout layout, int threads) {
        shards = new BatchGradient[threads];
        gradients = new float[threads][layout.size];
        losses = new double[threads];
        workers = new Worker[threads - 1];
        for (int s = 0; s < threads; s++) {
            shards[s] = new BatchGradient(layout);
        }
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
        }
    }

    /**
     * Computes the minibatch of {@code rows} sequences from position {@code from} of {@code order}.
     *
     * @return the sum of the sequences' losses; the gradient of their mean is then in {@link #sum()}
     */
    double compute(Parameters parameters, TrainingSet data, int[] order, int from, int rows) {
        this.parameters = parameters;
        this.data = data;
        this.order = order;
        this.from = from;
        this.rows = rows;
        int used = Math.min(shards.length, rows);
        for (int s = 1; s < used; s++) {
            workers[s - 1].post();
        }
        try {
            computeShard(0);
        } finally {
            for (int s = 1; s < used; s++) {
                workers[s - 1].await();
            }
        }
        double loss = losses[0];
        for (int s = 1; s < used; s++) {
            loss += losses[s];
            Matmul.add(gradients[s], 0, gradients[0], 0, gradients[0].length);
        }
        this.parameters = null;
        this.data = null;
        this.order = null;
        return loss;
    }

    /** The gradient of the last {@link #compute}; overwritten by the next one. */
    float[] sum() {
        return gradients[0];
    }

    private void computeShard(int shard) {
        int used = Math.min(shards.length, rows);
        int start = shard * rows / used;
        int end = (shard + 1) * rows / used;
        Arrays.fill(gradients[shard], 0f);
        losses[shard] = shards[shard].compute(parameters, data, order, from + start, end - start, 1f / rows,
                gradients[shard]);
    }

    /**
     * One shard's thread. {@code posted} and {@code finished} count minibatches: the caller writes the
     * minibatch's fields, then {@code posted}; the worker computes, then writes {@code finished}. Those
     * two volatile writes carry the data across (happens-before), so nothing else is synchronised
     * but the thread's start and end.
     */
    private final class Worker implements Runnable {

        private final int shard;
        private volatile int posted;
        private volatile int finished;
        private Thread thread;
        private Throwable failure;

        Worker(int shard) {
            this.shard = shard;
        }

        /** Hands the current minibatch to the worker, starting its thread if it has none. */
        void post() {
            Thread wake;
            synchronized (this) {
                posted = posted + 1;
                if (thread == null) {
                    thread = new Thread(this, "jazz-native-shard-" + shard);
                    thread.setDaemon(true);
                    thread.start();
                }
                wake = thread;
            }
            LockSupport.unpark(wake);
        }

        /** Waits for the posted minibatch; rethrows what the worker threw. */
        void await() {
            long start = System.nanoTime();
            while (finished != posted) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, PARK_NANOS / 4);
                }
            }
            Throwable thrown = failure;
            if (thrown != null) {
                failure = null;
                if (thrown instanceof RuntimeException e) {
                    throw e;
                }
                if (thrown instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(thrown);
            }
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                int job = posted;
                if (job != finished) {
                    try {
                        computeShard(shard);
                    } catch (Throwable e) {
                        failure = e;
                    }
                    finished = job;
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle < IDLE_EXIT_NANOS) {
                    LockSupport.parkNanos(this, PARK_NANOS);
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
