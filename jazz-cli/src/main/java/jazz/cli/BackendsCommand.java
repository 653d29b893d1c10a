package jazz.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jazz.api.BackendEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jazz backends}: what discovery found, and why a backend cannot be used. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Lists every backend found: id, status (available / unavailable / broken),",
                "description, and the device it runs on or the reason it cannot run."})
final class BackendsCommand implements Callable<Integer> {

    @ParentCommand
    JazzCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array: id, status, reason, description, location, device.")
    boolean json;

    @Override
    public Integer call() {
        List<BackendEntry> entries = root.backends().entries();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BackendEntry e : entries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("status", e.status().label());
                m.put("reason", e.reason());
                m.put("description", e.description());
                m.put("location", e.location());
                m.put("device", e.device());
                list.add(m);
            }
            out.println(Json.write(list));
        } else {
            int idWidth = Math.max(2, entries.stream().mapToInt(e -> e.id().length()).max().orElse(2));
            int descriptionWidth = entries.stream().mapToInt(e -> String.valueOf(e.description()).length()).max().orElse(11);
            String format = "%-" + idWidth + "s  %-11s  %-" + descriptionWidth + "s  %s%n";
            out.printf(format, "ID", "STATUS", "DESCRIPTION", "DEVICE / REASON");
            for (BackendEntry e : entries) {
                out.printf(format, e.id(), e.status().label(), e.description(),
                        e.isAvailable() ? (e.device() == null ? "" : e.device()) : e.reason());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
