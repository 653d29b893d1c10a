package jazz.backend.tf;

import java.util.HashMap;
import java.util.Map;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.Sampler;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingConfig;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A model held by TensorFlow: one graph and one session for the model's whole life. The graph holds
 * the weights as variables, the one-step graph that sampling runs, and, built on first use, one
 * unrolled training graph per sequence length and one set of Adam moments per trainer, all sharing the
 * same variables.
 */
final class TfModel implements SequenceModel {

    private final TfBackend backend;
    private final ModelSpec spec;
    private final Graph graph;
    private final Ops tf;
    private final Session session;
    private final WeightVariables weights;
    private final StepGraph step;
    private final Map<Integer, UnrolledGraph> unrolled = new HashMap<>();
    private int trainers;
    private volatile boolean closed;

    /**
     * Builds the graph, starts the session and loads the weights.
     *
     * @param backend the backend that holds the model
     * @param initial the starting weights
     */
    TfModel(TfBackend backend, CanonicalWeights initial) {
        this.backend = backend;
        this.spec = initial.spec();
        this.graph = new Graph();
        try {
            this.tf = backend.computeDevice().place(Ops.create(graph));
            this.weights = new WeightVariables(tf, spec);
            this.step = new StepGraph(tf, weights);
            this.session = new Session(graph, backend.computeDevice().sessionConfig(backend.threads()));
            weights.write(session, initial);
        } catch (RuntimeException | Error e) {
            graph.close();
            throw e;
        }
        if (backend.computeDevice() == ComputeDevice.GPU) {
            try {
                new TfSampler(this).checkPlacement();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String backendId() {
        return backend.id();
    }

    @Override
    public CanonicalWeights weights() {
        ensureOpen();
        return weights.read(session);
    }

    @Override
    public void setWeights(CanonicalWeights newWeights) {
        ensureOpen();
        if (!newWeights.spec().equals(spec)) {
            throw new IllegalArgumentException("weights of " + newWeights.spec() + " do not fit a model of " + spec);
        }
        weights.write(session, newWeights);
    }

    @Override
    public synchronized Trainer trainer(TrainingConfig config) {
        ensureOpen();
        AdamSlots slots = new AdamSlots(tf.withSubScope("trainer" + trainers++), weights, config);
        slots.reset(session);
        return new TfTrainer(this, config, slots);
    }

    @Override
    public Sampler sampler() {
        ensureOpen();
        return new TfSampler(this);
    }

    /**
     * The training graph for one sequence length, built on first use.
     *
     * @param length steps per sequence
     * @return the graph
     */
    synchronized UnrolledGraph unrolled(int length) {
        ensureOpen();
        return unrolled.computeIfAbsent(length, t -> new UnrolledGraph(tf, weights, t));
    }

    /** @return the session */
    Session session() {
        ensureOpen();
        return session;
    }

    /** @return the one-step graph */
    StepGraph step() {
        return step;
    }

    /** @return where the model computes */
    ComputeDevice device() {
        return backend.computeDevice();
    }

    /**
     * Runs a graph, checking on the first run of a {@code tf-gpu} graph that its products ran on the GPU.
     *
     * @param runner the prepared run
     * @param firstRun whether this graph has not run before
     * @param what what the graph is
     * @return the result, which the caller closes
     */
    Result run(Session.Runner runner, boolean firstRun, String what) {
        return firstRun ? device().runChecked(runner, what) : runner.run();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this " + backend.id() + " model is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            session.close();
            graph.close();
            backend.forget(this);
        }
    }
}
