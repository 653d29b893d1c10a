package jazz.backend.simd;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import jazz.api.TrainingSet;

/**
 * The gradient of a minibatch, its sequences split into equal shards computed on separate threads
 * (the caller's and one worker thread per further shard), then summed in shard order so that the
 * result does not depend on timing; and the Adam update that follows, split on the same threads by
 * weight matrix (each thread sums the shards' gradients over its matrices, updates them and refreshes
 * their transposed and packed copies), so that no part of a training step runs on one thread alone.
 *
 * <p>The workers are this object's own daemon threads. A minibatch is a millisecond or two of work, so
 * handing it over must be quicker than waking a parked thread (tens to hundreds of microseconds on a
 * virtual machine): after a job a worker spins for {@link #SPIN_NANOS}, which covers the gap between
 * two minibatches, and only then parks; after {@link #IDLE_EXIT_NANOS} without
 * work it ends, and the next minibatch starts a new one. A minibatch allocates nothing.
 */
final class ParallelGradient {

    private static final long SPIN_NANOS = 2_000_000L;
    private static final long IDLE_EXIT_NANOS = 2_000_000_000L;

    private final BatchGradient[] shards;
    private final float[][] gradients;
    private final double[] losses;
    private final Worker[] workers;
    private final ParameterLayout layout;
    /** Per thread, the pieces of the update it does: indices into {@link #pieceFrom} and friends. */
    private final int[][] piecesOf;
    private final int[] pieceFrom;
    private final int[] pieceTo;
    /** What a piece refreshes after its Adam step: {@code -1 - l} layer l's recurrent copies, l its input copy, or {@link #DENSE}. */
    private final int[] pieceCopies;
    private static final int DENSE = Integer.MAX_VALUE;
    private boolean updating;
    private AdamOptimizer adam;
    private int summedShards;
    private Parameters parameters;
    private TrainingSet data;
    private int[] order;
    private int from;
    private int rows;

    ParallelGradient(ParameterLayout layout, int threads) {
        this.layout = layout;
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
        int layers = layout.spec.layers();
        int pieces = 2 * layers + 1;
        pieceFrom = new int[pieces];
        pieceTo = new int[pieces];
        pieceCopies = new int[pieces];
        long[] cost = new long[pieces];
        int n = layout.hidden;
        for (int l = 0; l < layers; l++) {
            // The input kernel; the recurrent kernel with the bias after it. Cost: Adam per weight,
            // plus about two per element of a transposed copy and one per packed element.
            pieceFrom[2 * l] = layout.inputKernel[l];
            pieceTo[2 * l] = layout.recurrentKernel[l];
            pieceCopies[2 * l] = l;
            cost[2 * l] = (long) (pieceTo[2 * l] - pieceFrom[2 * l]) * (l > 0 ? 3 : 1);
            pieceFrom[2 * l + 1] = layout.recurrentKernel[l];
            pieceTo[2 * l + 1] = layout.bias[l] + layout.gates;
            pieceCopies[2 * l + 1] = -1 - l;
            cost[2 * l + 1] = (long) (pieceTo[2 * l + 1] - pieceFrom[2 * l + 1]) + 4L * n * layout.gates;
        }
        pieceFrom[pieces - 1] = layout.denseKernel;
        pieceTo[pieces - 1] = layout.size;
        pieceCopies[pieces - 1] = DENSE;
        cost[pieces - 1] = (long) (layout.size - layout.denseKernel) * 3;
        piecesOf = assign(cost, threads);
    }

    /** Longest piece first, each to the thread with the least work so far; each thread's pieces in layout order. */
    private static int[][] assign(long[] cost, int threads) {
        Integer[] byCost = new Integer[cost.length];
        for (int i = 0; i < cost.length; i++) {
            byCost[i] = i;
        }
        Arrays.sort(byCost, (x, y) -> Long.compare(cost[y], cost[x]));
        long[] load = new long[threads];
        int[] owner = new int[cost.length];
        for (int piece : byCost) {
            int least = 0;
            for (int t = 1; t < threads; t++) {
                if (load[t] < load[least]) {
                    least = t;
                }
            }
            owner[piece] = least;
            load[least] += cost[piece];
        }
        int[][] pieces = new int[threads][];
        for (int t = 0; t < threads; t++) {
            int count = 0;
            for (int o : owner) {
                count += o == t ? 1 : 0;
            }
            pieces[t] = new int[count];
            for (int p = 0, k = 0; p < owner.length; p++) {
                if (owner[p] == t) {
                    pieces[t][k++] = p;
                }
            }
        }
        return pieces;
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
        updating = false;
        runOnAll(used);
        double loss = losses[0];
        for (int s = 1; s < used; s++) {
            loss += losses[s];
        }
        summedShards = 1;
        this.data = null;
        this.order = null;
        return loss;
    }

    /**
     * Applies one Adam step from the last {@link #compute}'s gradient to the parameters it was computed
     * for, and refreshes their copies, split by weight matrix across the threads.
     */
    void update(AdamOptimizer adam) {
        this.adam = adam;
        updating = true;
        runOnAll(shards.length);
        summedShards = Math.min(shards.length, rows);
        adam.finish();
        this.adam = null;
        this.parameters = null;
    }

    /** The summed gradient of the last {@link #compute}, until the next one. */
    float[] sum() {
        int used = Math.min(shards.length, rows);
        for (int s = summedShards; s < used; s++) {
            Matmul.add(gradients[s], 0, gradients[0], 0, gradients[0].length);
        }
        summedShards = used;
        return gradients[0];
    }

    /** Runs the current job on the caller's thread as shard 0 and on {@code used - 1} workers. */
    private void runOnAll(int used) {
        for (int s = 1; s < used; s++) {
            workers[s - 1].post();
        }
        try {
            runShard(0);
        } finally {
            for (int s = 1; s < used; s++) {
                workers[s - 1].await();
            }
        }
    }

    private void runShard(int shard) {
        if (updating) {
            updatePieces(shard);
        } else {
            computeShard(shard);
        }
    }

    /** This thread's pieces of the update: sum the shards' gradients over the piece, Adam, then its copies. */
    private void updatePieces(int thread) {
        int used = Math.min(shards.length, rows);
        float[] sum = gradients[0];
        for (int piece : piecesOf[thread]) {
            int from = pieceFrom[piece];
            int to = pieceTo[piece];
            for (int s = summedShards; s < used; s++) {
                Matmul.add(gradients[s], from, sum, from, to - from);
            }
            adam.apply(parameters.values, sum, from, to);
            int copies = pieceCopies[piece];
            if (copies == DENSE) {
                parameters.refreshDense();
            } else if (copies < 0) {
                parameters.refreshRecurrent(-1 - copies);
            } else {
                parameters.refreshInput(copies);
            }
        }
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
     * One shard's thread. {@code posted} and {@code finished} count jobs (a minibatch's gradient, then
     * its update): the caller writes the job's fields, then {@code posted}; the worker runs its part,
     * then writes {@code finished}. Those
     * two volatile writes carry the data across (happens-before), so nothing else is synchronised
     * but the thread's start and end.
     */
    private final class Worker implements Runnable {

        private final int shard;
        private volatile int posted;
        private volatile int finished;
        /** The caller's thread while it sleeps in {@link #await}, for the worker to wake. */
        private volatile Thread waiter;
        private Thread thread;
        private Throwable failure;

        Worker(int shard) {
            this.shard = shard;
        }

        /** Hands the current job to the worker, starting its thread if it has none. */
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

        /** Waits for the posted job; rethrows what the worker threw. */
        void await() {
            long start = System.nanoTime();
            while (finished != posted) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (finished != posted) {
                        LockSupport.park(this);
                    }
                    waiter = null;
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
                        runShard(shard);
                    } catch (Throwable e) {
                        failure = e;
                    }
                    finished = job;
                    Thread waiting = waiter;
                    if (waiting != null) {
                        LockSupport.unpark(waiting);
                    }
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle < IDLE_EXIT_NANOS) {
                    // Until post() unparks it (a permit given just before this call is kept) or the idle
                    // time is up: a parked worker costs the other threads nothing, one that polls does.
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
