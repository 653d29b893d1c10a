package jazz.backend.simd;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jazz.api.TrainingSet;

/**
 * The gradient of a minibatch, its sequences split into shards (one per configured thread), computed on
 * the caller's thread and the JVM's shared {@link Helpers} and summed in shard order; then the Adam
 * update, split into pieces by weight matrix (each piece sums the shards' gradients over its matrices,
 * updates them and refreshes their transposed and packed copies), so that no part of a training step
 * runs on one thread alone. The caller takes part 0 of each job, and the threads claim the others from
 * a counter: a thread the system has not yet scheduled leaves its share to the others, and which thread
 * computes a shard changes nothing in the result, so it does not depend on timing or on how many threads
 * take part ({@link #activate}).
 *
 * <p>The caller spins for {@link #SPIN_NANOS} while the helpers finish their parts (a minibatch is a
 * millisecond or two of work; waking a parked thread takes tens to hundreds of microseconds on a
 * virtual machine), then parks until the thread that completes the last part wakes it. A minibatch
 * allocates nothing.
 */
final class ParallelGradient {

    private static final long SPIN_NANOS = 2_000_000L;

    private final BatchGradient[] shards;
    private final float[][] gradients;
    private final double[] losses;
    /** The pieces of the update, most work first. */
    private final Piece[] pieces;
    private boolean updating;
    private int active;
    /**
     * The current job's claims: its number (bits 32 up), its count of parts (bits 16 to 31) and the next
     * part no thread has claimed (bits 0 to 15). A claim is a compare-and-set on all three, so a helper
     * that wakes late can claim nothing from a job but the one whose fields it then reads.
     */
    private final AtomicLong claims = new AtomicLong();
    private long jobs;
    /** The current job's shards or pieces done. */
    private final AtomicInteger completed = new AtomicInteger();
    /** The caller's thread while it sleeps in {@link #runOnAll}, for the thread that completes the job to wake. */
    private volatile Thread waiter;
    /** What a part of the current job threw; written before its completion is counted. */
    private volatile Throwable failure;
    private AdamOptimizer adam;
    private int summedShards;
    private Parameters parameters;
    private TrainingSet data;
    private int[] order;
    private int from;
    private int rows;
    /** The shards the current minibatch uses: one per thread, fewer when it has fewer sequences. */
    private int used;

    ParallelGradient(ParameterLayout layout, int threads) {
        this.active = threads;
        // One shard per thread: two per thread (so that a preempted thread would hold back less) were
        // 4 to 6 % slower per epoch on two threads, and no steadier for fresh models (bench --epochs 5).
        shards = new BatchGradient[threads];
        gradients = new float[threads][layout.size];
        losses = new double[threads];
        for (int s = 0; s < threads; s++) {
            shards[s] = new BatchGradient(layout);
        }
        pieces = Piece.of(layout);
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
        this.used = Math.min(shards.length, rows);
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
        runOnAll(pieces.length);
        summedShards = used;
        adam.finish();
        this.adam = null;
        this.parameters = null;
    }

    /** The summed gradient of the last {@link #compute}, until the next one. */
    float[] sum() {
        for (int s = summedShards; s < used; s++) {
            Matmul.add(gradients[s], 0, gradients[0], 0, gradients[0].length);
        }
        summedShards = used;
        return gradients[0];
    }

    /**
     * Sets how many of the threads take part from the next job on, from 1 to the thread count. The
     * shards stay the same and are summed in the same order: the results do not depend on it, only
     * the speed does.
     */
    void activate(int active) {
        // One shard per thread: the shard count is the thread count.
        if (active < 1 || active > shards.length) {
            throw new IllegalArgumentException("active threads must be from 1 to " + shards.length + ", got " + active);
        }
        this.active = active;
    }

    /** The number of threads that take part, see {@link #activate}. */
    int active() {
        return active;
    }

    /**
     * Runs the current job's {@code parts} shards (or pieces) on the caller's thread and the active
     * helpers, and returns once every part is done (not once every helper has answered: a helper the
     * system schedules late finds nothing left to claim). Rethrows what a part threw.
     */
    private void runOnAll(int parts) {
        int taking = Math.min(active, parts);
        failure = null;
        completed.set(0);
        // Part 0 is the caller's before any helper can claim: so the caller always computes shard 0 and a
        // helper shard 1 (and the largest piece of the update is the caller's), and each shard's buffers
        // stay in the cache of the core that used them last. When the helpers claimed first, a helper
        // spinning for work took shard 0 in nine minibatches of ten and the caller in the tenth, and at
        // each such swap both shards' 1.5 MB of buffers had to cross between the cores.
        claims.set((++jobs << 32) | ((long) parts << 16) | 1);
        if (taking > 1) {
            Helpers.post(this, taking - 1);
        }
        runPart(0, parts);
        runParts();
        long start = System.nanoTime();
        while (completed.get() < parts) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                waiter = Thread.currentThread();
                if (completed.get() < parts) {
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

    /** A helper thread's share of the current job: whatever parts are left when it comes. */
    void help() {
        runParts();
    }

    /** Claims and runs the current job's shards (or pieces) until none is left. */
    private void runParts() {
        while (true) {
            long claim = claims.get();
            int parts = (int) (claim >>> 16) & 0xFFFF;
            int part = (int) claim & 0xFFFF;
            if (part >= parts) {
                return;
            }
            if (claims.compareAndSet(claim, claim + 1)) {
                runPart(part, parts);
            }
        }
    }

    /** Runs one claimed part of the current job of {@code parts} and counts it done. */
    private void runPart(int part, int parts) {
        try {
            if (updating) {
                updatePiece(pieces[part]);
            } else {
                computeShard(part);
            }
        } catch (Throwable e) {
            failure = e;
        }
        if (completed.incrementAndGet() == parts) {
            Thread waiting = waiter;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    /** One piece of the update: sum the shards' gradients over it, Adam, then its copies. */
    private void updatePiece(Piece piece) {
        float[] sum = gradients[0];
        for (int s = summedShards; s < used; s++) {
            Matmul.add(gradients[s], piece.from, sum, piece.from, piece.to - piece.from);
        }
        adam.apply(parameters.values, sum, piece.from, piece.to);
        switch (piece.copies) {
            case INPUT -> parameters.refreshInput(piece.layer);
            case RECURRENT -> parameters.refreshRecurrent(piece.layer);
            case DENSE -> parameters.refreshDense();
        }
    }

    /** Which copies a piece of the update refreshes after its Adam step. */
    private enum Copies { INPUT, RECURRENT, DENSE }

    /**
     * A piece of the update: the parameters {@code [from, to)}, the copies made from them, and an
     * estimate of its work (Adam per weight, about two per element of a transposed copy, one per packed
     * element), by which the pieces are ordered so that the longest starts first.
     */
    private record Piece(int from, int to, Copies copies, int layer, long cost) {

        /** Per layer its input kernel, then its recurrent kernel with the bias; then the dense layer. */
        static Piece[] of(ParameterLayout layout) {
            int layers = layout.spec.layers();
            Piece[] pieces = new Piece[2 * layers + 1];
            for (int l = 0; l < layers; l++) {
                int input = layout.recurrentKernel[l] - layout.inputKernel[l];
                pieces[2 * l] = new Piece(layout.inputKernel[l], layout.recurrentKernel[l], Copies.INPUT, l,
                        (long) input * (l > 0 ? 3 : 1));
                int recurrent = layout.bias[l] + layout.gates - layout.recurrentKernel[l];
                pieces[2 * l + 1] = new Piece(layout.recurrentKernel[l], layout.bias[l] + layout.gates,
                        Copies.RECURRENT, l, recurrent + 4L * layout.hidden * layout.gates);
            }
            pieces[2 * layers] = new Piece(layout.denseKernel, layout.size, Copies.DENSE, 0,
                    (long) (layout.size - layout.denseKernel) * 4);
            Arrays.sort(pieces, (x, y) -> Long.compare(y.cost, x.cost));
            return pieces;
        }
    }

    private void computeShard(int shard) {
        int start = boundary(shard);
        int end = boundary(shard + 1);
        Arrays.fill(gradients[shard], 0f);
        losses[shard] = shards[shard].compute(parameters, data, order, from + start, end - start, 1f / rows,
                gradients[shard]);
    }

    /**
     * Where shard {@code s} of {@code used} starts: the even row nearest to {@code s·rows/used}, so that
     * shards have even sizes where they can (the products' register blocks take rows in pairs).
     */
    private int boundary(int s) {
        if (s == used) {
            return rows;
        }
        if (rows < 2 * used) {
            return s * rows / used;
        }
        int start = 2 * (int) Math.round(s * (double) rows / (2.0 * used));
        return Math.min(start, rows);
    }
}
