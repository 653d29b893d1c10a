package jazz.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jazz --backend=ID train} in a fresh JVM per backend, with this JVM's own flags, and times
 * the whole process: what a user feels, JIT warm-up and engine start-up included.
 */
final class ColdRuns {

    /** One cold run: its exit code and whole-process wall time. */
    record Cold(String backend, int exitCode, double processSeconds) {
    }

    private ColdRuns() {
    }

    static Cold run(String backend, int epochs, List<String> corpusArgs, List<String> pluginDirs) {
        Path model;
        try {
            model = Files.createTempFile("jazz-cold-", ".jazz");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary file for the cold run: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            command.add("--module-path");
            command.add(modulePath);
            command.add("-m");
            command.add("jazz.cli/jazz.cli.Main");
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
        }
        command.add("--backend=" + backend);
        for (String dir : pluginDirs) {
            command.add("--plugin-dir=" + dir);
        }
        command.addAll(List.of("train", "--epochs", String.valueOf(epochs), "--out", model.toString()));
        command.addAll(corpusArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Cold(backend, -1, Double.NaN);
            }
            return new Cold(backend, p.exitValue(), (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM for the cold run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cold(backend, -1, Double.NaN);
        } finally {
            try {
                Files.deleteIfExists(model);
            } catch (IOException ignored) {
                // a temporary file; nothing to report
            }
        }
    }
}
