package jazz.cli;

import java.io.PrintWriter;
import java.util.Locale;

import jazz.api.TrainingListener;

/**
 * Training progress on stderr: a bar redrawn in place on a terminal, plain lines (about ten per run)
 * when stderr is a file or a pipe.
 */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final long start = System.nanoTime();
    private String evaluation = "";
    private String lastLine = "";
    private int lastEpoch;
    private int lastEpochs;

    ProgressBar(PrintWriter err, boolean terminal, String label) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    /** @return true when the JVM talks to a terminal (then the bar is redrawn in place) */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public void epochDone(int epoch, int epochs, double loss) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / epoch * (epochs - epoch);
        String text = String.format(Locale.ROOT, "%s epoch %d/%d  loss %.4f  %s elapsed  ETA %s", label, epoch, epochs,
                loss, clock(elapsed), clock(eta));
        lastLine = text;
        lastEpoch = epoch;
        lastEpochs = epochs;
        draw(epoch, epochs, text + evaluation);
    }

    @Override
    public void evaluated(int epoch, double loss, double perplexity) {
        evaluation = String.format(Locale.ROOT, "  held-out loss %.4f  perplexity %.2f", loss, perplexity);
        if (terminal) {
            draw(lastEpoch, lastEpochs, lastLine + evaluation);
            if (epoch == lastEpochs) {
                err.println();
                err.flush();
            }
        } else if (shows(epoch, lastEpochs)) {
            err.println(lastLine + evaluation);
            err.flush();
        }
    }

    private boolean shows(int epoch, int epochs) {
        return epoch == 1 || epoch == epochs || epoch % Math.max(1, epochs / 10) == 0;
    }

    private void draw(int epoch, int epochs, String text) {
        if (terminal) {
            int filled = (int) Math.round(WIDTH * (double) epoch / epochs);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text + "   ");
            if (epoch == epochs && evaluation.isEmpty()) {
                err.println();
            }
            err.flush();
        } else if (evaluation.isEmpty() && shows(epoch, epochs)) {
            err.println(text);
            err.flush();
        }
    }

    static String clock(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
