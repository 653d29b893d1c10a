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
        if (terminal) {
            int filled = (int) Math.round(WIDTH * (double) epoch / epochs);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text + "   ");
            if (epoch == epochs) {
                err.println();
            }
            err.flush();
        } else if (epoch == 1 || epoch == epochs || epoch % Math.max(1, epochs / 10) == 0) {
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
