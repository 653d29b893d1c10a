package jazz.cli;

import jazz.api.TrainingConfig;
import jazz.music.TrainingPlan;
import picocli.CommandLine.Option;

/** The training options shared by {@code jazz train} and {@code jazz generate}. */
final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 100;

    @Option(names = "--hidden", paramLabel = "N", description = "LSTM units per layer (default: ${DEFAULT-VALUE}).")
    int hidden = 64;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked LSTM layers (default: ${DEFAULT-VALUE}).")
    int layers = 1;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = 0.01;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--windows", paramLabel = "M",
            description = "Training windows cut from the corpus (default: ${DEFAULT-VALUE}).")
    int windows = 60;

    @Option(names = "--window-length", paramLabel = "TX", description = "Tokens per window (default: ${DEFAULT-VALUE}).")
    int windowLength = 30;

    /** @return the plan, with range checks that name the option */
    TrainingPlan plan(long seed) {
        check(epochs >= 1 && epochs <= 1_000_000, "--epochs must be between 1 and 1000000, got " + epochs);
        check(hidden >= 1 && hidden <= 8192, "--hidden must be between 1 and 8192, got " + hidden);
        check(layers >= 1 && layers <= 16, "--layers must be between 1 and 16, got " + layers);
        check(learningRate > 0 && learningRate < 100, "--lr must be greater than 0 and below 100, got " + learningRate);
        check(batch >= 1 && batch <= 1_000_000, "--batch must be at least 1, got " + batch);
        check(windows >= 1 && windows <= 1_000_000, "--windows must be between 1 and 1000000, got " + windows);
        check(windowLength >= 2 && windowLength <= 10_000, "--window-length must be between 2 and 10000, got "
                + windowLength);
        TrainingConfig notebook = TrainingConfig.notebook(seed);
        TrainingConfig config = new TrainingConfig(epochs, batch, learningRate, notebook.decay(), notebook.beta1(),
                notebook.beta2(), notebook.epsilon(), seed);
        return new TrainingPlan(windows, windowLength, hidden, layers, config);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
