package jazz.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jazz.api.BadInputException;
import jazz.api.Backends;
import jazz.api.ModelSpec;
import jazz.api.SamplingConfig;
import jazz.api.SequenceModel;
import jazz.api.Trainer;
import jazz.api.TrainingListener;
import jazz.api.TrainingSet;
import jazz.api.spi.Backend;

/**
 * The few lines an application needs: open a backend, train a model on a corpus (or load one with
 * {@link ModelFile}), and improvise solos over a progression.
 *
 * <pre>{@code
 * try (Jazz jazz = Jazz.open("native")) {
 *     TrainedModel model = jazz.train(Corpus.builtIn(), TrainingPlan.notebook(1), null);
 *     Solo solo = jazz.improvise(model, ChordProgression.parse("Dm7 G7 | Cmaj7 | Cmaj7"), 4,
 *             SamplingConfig.temperature(0.5, 7));
 *     byte[] midi = MidiWriter.toMidi(solo, 130);
 * }
 * }</pre>
 *
 * Not thread-safe for training; {@link #improvise} may be called from several threads.
 */
public final class Jazz implements AutoCloseable {

    private final Backend backend;

    private Jazz(Backend backend) {
        this.backend = backend;
    }

    /**
     * Opens a backend found by discovery (the boot layer plus {@code JAZZ_PLUGIN_PATH} and the
     * {@code jazz.plugin.path} property).
     *
     * @param backendId e.g. {@code native}
     * @return the facade
     * @throws jazz.api.BackendUnavailableException when it is unknown or cannot run here
     */
    public static Jazz open(String backendId) {
        return open(Backends.discover(List.of()), backendId);
    }

    /**
     * Opens a backend from given discovery results.
     *
     * @param backends discovered backends
     * @param backendId the id
     * @return the facade
     */
    public static Jazz open(Backends backends, String backendId) {
        return new Jazz(backends.open(backendId, Map.of()));
    }

    /**
     * Uses a backend the application started itself.
     *
     * @param backend the backend
     * @return the facade
     */
    public static Jazz with(Backend backend) {
        return new Jazz(backend);
    }

    /** @return the backend's id */
    public String backendId() {
        return backend.id();
    }

    /** @return what the backend computes on */
    public String device() {
        return backend.device();
    }

    /**
     * Trains a model on a corpus. When the corpus holds data out ({@link Corpus#withHeldOut}), the
     * listener also hears the held-out loss and perplexity after every epoch.
     *
     * @param corpus what to learn from
     * @param plan windows, model size and optimiser set-up
     * @param listener told about every epoch; may be null
     * @return the trained model, ready to save or improvise with
     * @throws BadInputException when the corpus is too short for the windows
     * @throws jazz.api.TrainingDivergedException when the loss stops being a number
     */
    public TrainedModel train(Corpus corpus, TrainingPlan plan, TrainingListener listener) {
        long seed = plan.config().seed();
        TrainingSet data = corpus.trainingSet(plan.windows(), plan.windowLength(), seed);
        ModelSpec spec = new ModelSpec(corpus.vocabulary().size(), plan.hiddenSize(), plan.layers());
        long start = System.nanoTime();
        TrainingSet held = corpus.hasHeldOut() ? corpus.evaluationSet(plan.windowLength()) : null;
        try (SequenceModel model = backend.create(spec, seed)) {
            Trainer trainer = model.trainer(plan.config());
            TrainingListener reporting = listener;
            if (held != null && listener != null) {
                double tokensPerSequence = (double) held.targetCount() / held.count();
                reporting = new TrainingListener() {
                    @Override
                    public void epochDone(int epoch, int epochs, double loss) {
                        listener.epochDone(epoch, epochs, loss);
                        double evalLoss = model.evaluate(held);
                        listener.evaluated(epoch, evalLoss, Math.exp(evalLoss / tokensPerSequence));
                    }
                };
            }
            double[] loss = trainer.fit(data, reporting);
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingRecord record = new TrainingRecord(backend.id(), loss.length, loss, seed, corpus.source(), seconds);
            return new TrainedModel(corpus.vocabulary(), corpus.progression().toSymbols(), record, model.weights());
        }
    }

    /**
     * Improvises a solo.
     *
     * @param model a trained model
     * @param progression the chords to play over
     * @param measures how many measures (the progression repeats as needed)
     * @param sampling how tokens are drawn, and the seed of every random choice
     * @return the solo
     * @throws BadInputException when the model's vocabulary is not a jazz grammar or measures is below 1
     */
    public Solo improvise(TrainedModel model, ChordProgression progression, int measures, SamplingConfig sampling) {
        return improviseAll(model, progression, measures, List.of(sampling)).get(0);
    }

    /**
     * Improvises several solos from one loaded model, in parallel on the available cores. Each solo is
     * exactly what {@link #improvise} gives for its config, whatever the threads do.
     *
     * @param model a trained model
     * @param progression the chords to play over
     * @param measures how many measures per solo
     * @param samplings one config (with its seed) per solo
     * @return the solos, in the order of the configs
     */
    public List<Solo> improviseAll(TrainedModel model, ChordProgression progression, int measures,
                                   List<SamplingConfig> samplings) {
        return improviseAll(model, progression, measures, samplings, GenerationOptions.DEFAULT);
    }

    /**
     * Improvises a solo with a primer, decoder limits or beam search.
     *
     * @param model a trained model
     * @param progression the chords to play over
     * @param measures how many new measures (after the primer's)
     * @param sampling how tokens are drawn, and the seed of every random choice
     * @param options the primer, the decoder's limits and the beam width
     * @return the solo
     * @throws BadInputException when the model's vocabulary is not a jazz grammar or measures is below 1
     */
    public Solo improvise(TrainedModel model, ChordProgression progression, int measures, SamplingConfig sampling,
                          GenerationOptions options) {
        return improviseAll(model, progression, measures, List.of(sampling), options).get(0);
    }

    /**
     * Improvises several solos with the same options, in parallel on the available cores. Each solo
     * is exactly what {@link #improvise(TrainedModel, ChordProgression, int, SamplingConfig, GenerationOptions)}
     * gives for its config.
     *
     * @param model a trained model
     * @param progression the chords to play over
     * @param measures how many new measures per solo (after the primer's)
     * @param samplings one config (with its seed) per solo
     * @param options the primer, the decoder's limits and the beam width, shared by all solos
     * @return the solos, in the order of the configs
     */
    public List<Solo> improviseAll(TrainedModel model, ChordProgression progression, int measures,
                                   List<SamplingConfig> samplings, GenerationOptions options) {
        if (measures < 1) {
            throw new BadInputException("--measures must be at least 1, got " + measures);
        }
        for (String token : model.vocabulary()) {
            try {
                GrammarToken.parse(token);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("the model's vocabulary holds '" + token
                        + "', which is not a jazz grammar token: " + e.getMessage());
            }
        }
        try (SequenceModel loaded = backend.load(model.weights())) {
            if (samplings.size() == 1) {
                return List.of(SoloGenerator.improvise(loaded, model.vocabulary(), progression, measures, samplings.get(0),
                        options));
            }
            int threads = Math.min(samplings.size(), Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "jazz-improvise");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Solo>> futures = new ArrayList<>();
                for (SamplingConfig sampling : samplings) {
                    futures.add(pool.submit(() ->
                            SoloGenerator.improvise(loaded, model.vocabulary(), progression, measures, sampling, options)));
                }
                List<Solo> solos = new ArrayList<>();
                for (Future<Solo> f : futures) {
                    solos.add(f.get());
                }
                return solos;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while improvising");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Releases the backend. */
    @Override
    public void close() {
        backend.close();
    }
}
