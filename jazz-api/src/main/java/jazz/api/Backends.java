package jazz.api;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.jar.JarFile;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jazz.api.spi.Availability;
import jazz.api.spi.Backend;
import jazz.api.spi.BackendProvider;

/**
 * Finds the backends: the providers of the boot layer (or class path), then each plugin folder in a
 * class loader of its own. A plugin that fails to load, a provider that fails to start, an
 * availability check that throws or hangs: each becomes a {@link BackendStatus#BROKEN} or
 * {@link BackendStatus#UNAVAILABLE} entry with the reason, and discovery goes on. A provider's
 * availability is asked the first time its entry is needed, so a run that uses one backend does not wait
 * for the checks of the others; the plugin folders are read only when a backend that the boot layer does
 * not provide is wanted, or the whole list, so a run of a built-in backend does not open the plugins.
 *
 * <p>A plugin folder holds either the jars of one plugin, or one sub-folder of jars per plugin.
 *
 * <pre>{@code
 * Backends backends = Backends.discover(List.of());
 * try (Backend backend = backends.open("native", Map.of())) { ... }
 * }</pre>
 */
public final class Backends {

    /** The backend used when none is chosen. */
    public static final String DEFAULT_ID = "native";

    /** The first-party backends: listed even when their plugin is not installed. */
    public static final List<String> FIRST_PARTY = List.of("native", "dl4j", "tf", "tf-gpu");

    /** System property and variable that add plugin folders (a path-separator list). */
    public static final String PLUGIN_PATH_PROPERTY = "jazz.plugin.path";
    /** Variable that adds plugin folders (a path-separator list). */
    public static final String PLUGIN_PATH_VARIABLE = "JAZZ_PLUGIN_PATH";
    /** System property that chooses the backend. */
    public static final String BACKEND_PROPERTY = "jazz.backend";
    /** Variable that chooses the backend. */
    public static final String BACKEND_VARIABLE = "JAZZ_BACKEND";

    /** System property: how long an availability check may take, in milliseconds (default 10 s). */
    public static final String AVAILABILITY_TIMEOUT_PROPERTY = "jazz.availability.timeout.ms";

    private final List<LazyEntry> boot;
    private final List<Path> pluginFolders;
    /** Whether the first-party backends that nothing provides are listed as not installed. */
    private final boolean listMissing;
    /** Every entry, the plugins' included: read on first need. */
    private List<LazyEntry> entries;

    private Backends(List<LazyEntry> boot, List<Path> pluginFolders, boolean listMissing) {
        this.boot = List.copyOf(boot);
        this.pluginFolders = List.copyOf(pluginFolders);
        this.listMissing = listMissing;
    }

    /**
     * Discovers the backends of the boot layer, and names the plugin folders to search: the given ones
     * plus those named by the {@code jazz.plugin.path} property and the {@code JAZZ_PLUGIN_PATH}
     * variable. The folders are read the first time a backend that the boot layer does not provide is
     * looked up, or the whole list is asked for: a run of a built-in backend does not open the plugins'
     * jars (about 70 ms for the image's dl4j and tf plugins). A plugin cannot replace a backend of the
     * boot layer: one that declares the same id is listed as broken, and the boot layer's is used.
     *
     * @param pluginFolders extra plugin folders (e.g. from {@code --plugin-dir}); may be empty
     * @return what was found
     */
    public static Backends discover(List<Path> pluginFolders) {
        List<Path> folders = new ArrayList<>(pluginFolders);
        folders.addAll(splitPath(System.getProperty(PLUGIN_PATH_PROPERTY)));
        folders.addAll(splitPath(System.getenv(PLUGIN_PATH_VARIABLE)));
        folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();

        List<Found> found = new ArrayList<>();
        loadProviders(ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader()), null,
                "boot layer", found);
        return new Backends(resolve(found), folders, true);
    }

    /**
     * Backends handed in code, without discovery: for applications that know what they want.
     *
     * @param providers the providers
     * @return the backends
     */
    public static Backends of(BackendProvider... providers) {
        List<Found> found = new ArrayList<>();
        for (BackendProvider p : providers) {
            found.add(new Found(p, locationOf(p.getClass()), null, null));
        }
        return new Backends(resolve(found), List.of(), false);
    }

    /** Every entry: the boot layer's, then the plugins' (read now if not yet), sorted. */
    private synchronized List<LazyEntry> all() {
        if (entries == null) {
            List<Found> found = new ArrayList<>();
            for (Path folder : pluginFolders) {
                for (Path plugin : pluginsIn(folder, found)) {
                    loadPlugin(plugin, found);
                }
            }
            Map<String, String> builtIn = new HashMap<>();
            boot.forEach(e -> builtIn.putIfAbsent(e.id(), e.location));
            List<LazyEntry> all = new ArrayList<>(boot);
            for (LazyEntry e : resolve(found)) {
                String shadowed = builtIn.get(e.id());
                all.add(shadowed == null ? e : new LazyEntry(new BackendEntry(e.id(), BackendStatus.BROKEN,
                        "id '" + e.id() + "' is the boot layer's (" + shadowed + "), which is used: this plugin is not"
                                + " (remove it, or give it another id)", e.description, e.location, null, null)));
            }
            if (listMissing) {
                Set<String> ids = new HashSet<>();
                all.forEach(e -> ids.add(e.id()));
                for (String id : FIRST_PARTY) {
                    if (!ids.contains(id)) {
                        all.add(new LazyEntry(new BackendEntry(id, BackendStatus.UNAVAILABLE,
                                "plugin not installed: no provider of '" + id + "' in " + describe(pluginFolders)
                                        + " (build the image with mvn package, or add its folder with --plugin-dir)",
                                "first-party backend", null, null, null)));
                    }
                }
            }
            // Stable: of two entries with one id, the boot layer's stays first.
            all.sort(Comparator.comparingInt((LazyEntry e) -> rank(e.id())).thenComparing(LazyEntry::id));
            entries = List.copyOf(all);
        }
        return entries;
    }

    /**
     * Every backend found, the first-party ones first; asks each availability not asked yet.
     *
     * @return the entries
     */
    public List<BackendEntry> entries() {
        return all().stream().map(LazyEntry::get).toList();
    }

    /** @return the plugin folders that were searched */
    public List<Path> pluginFolders() {
        return pluginFolders;
    }

    /**
     * Looks a backend up by id, case-insensitively; asks only that backend's availability, and reads the
     * plugin folders only when the boot layer does not provide it.
     *
     * @param id the id
     * @return its entry, if any
     */
    public Optional<BackendEntry> find(String id) {
        return Optional.ofNullable(entry(id)).map(LazyEntry::get);
    }

    /** The entry of an id, the boot layer's first; null if none. */
    private LazyEntry entry(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (LazyEntry e : boot) {
            if (e.id().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        return all().stream().filter(e -> e.id().equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    /**
     * Whether a backend of this id was found (case-insensitively), whatever its status; asks no
     * availability. Reads the plugin folders only when the boot layer does not provide it.
     *
     * @param id the id
     * @return whether there is an entry
     */
    public boolean has(String id) {
        return entry(id) != null;
    }

    /**
     * Starts asking a backend's availability in the background, so that the check (for the native
     * backend, the Vector API's start-up, about 40 ms in a fresh JVM) overlaps the caller's own work, such as
     * reading MIDI; {@link #find}, {@link #require} and {@link #open} then wait for it. Does nothing for an
     * unknown id or one asked already.
     *
     * @param id the id
     */
    public void prepare(String id) {
        LazyEntry e = entry(id);
        if (e != null) {
            e.start();
        }
    }

    /**
     * Checks that a backend exists and is available, without starting it.
     *
     * @param id the id
     * @return its entry
     * @throws BackendUnavailableException when it is unknown, unavailable or broken, listing all
     */
    public BackendEntry require(String id) {
        BackendEntry entry = find(id).orElseThrow(() -> new BackendUnavailableException(
                "unknown backend '" + id + "'. " + listing()));
        if (!entry.isAvailable()) {
            throw new BackendUnavailableException("backend '" + entry.id() + "' is " + entry.statusLine() + ". "
                    + listing());
        }
        return entry;
    }

    /**
     * Starts a backend. Never falls back to another one.
     *
     * @param id the id
     * @param options backend settings
     * @return the started backend
     * @throws BackendUnavailableException when it is unknown, unavailable, broken or fails to start
     */
    public Backend open(String id, Map<String, String> options) {
        BackendEntry entry = require(id);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(entry.provider().getClass().getClassLoader());
            return entry.provider().create(options);
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("backend '" + entry.id() + "' failed to start: " + message(e), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The installed backends as lines of a message: id, status and reason.
     *
     * @return the listing
     */
    public String listing() {
        StringBuilder sb = new StringBuilder("Installed backends:");
        for (BackendEntry e : entries()) {
            sb.append(System.lineSeparator()).append(String.format("  %-8s %s", e.id(), e.statusLine()));
        }
        sb.append(System.lineSeparator()).append("Choose one with --backend=NAME (or the JAZZ_BACKEND variable).");
        return sb.toString();
    }

    /**
     * The backend to use: the command-line choice, else the {@code jazz.backend} property, else the
     * {@code JAZZ_BACKEND} variable, else {@value #DEFAULT_ID}; lower-cased.
     *
     * @param commandLine the {@code --backend} value, or null
     * @return the id
     */
    public static String chosenId(String commandLine) {
        for (String candidate : new String[] {commandLine, System.getProperty(BACKEND_PROPERTY),
                System.getenv(BACKEND_VARIABLE)}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim().toLowerCase(Locale.ROOT);
            }
        }
        return DEFAULT_ID;
    }

    // ---------------------------------------------------------------------------------------------

    /** A provider instance, or the failure of one, before availability is asked. */
    private record Found(BackendProvider provider, String location, String brokenId, String failure) {
    }

    /**
     * One entry, known from the start or once its provider's availability has been asked: the first time
     * it is needed (or {@link Backends#prepare prepared}), and only once.
     */
    private static final class LazyEntry {
        private final String id;
        private final String description;
        private final String location;
        private BackendProvider provider;
        private BackendEntry entry;
        private Check check;

        LazyEntry(BackendEntry entry) {
            this.id = entry.id();
            this.description = entry.description();
            this.location = entry.location();
            this.entry = entry;
        }

        LazyEntry(BackendProvider provider, String id, String description, String location) {
            this.id = id;
            this.description = description;
            this.location = location;
            this.provider = provider;
        }

        String id() {
            return id;
        }

        /** Starts the availability check in the background unless it has been asked already. */
        synchronized void start() {
            if (entry == null && check == null) {
                check = new Check(provider, id);
            }
        }

        synchronized BackendEntry get() {
            if (entry == null) {
                start();
                entry = check.await(provider, id, description, location);
                check = null;
                provider = null;
            }
            return entry;
        }
    }

    private static void loadProviders(ServiceLoader<BackendProvider> loader, ClassLoader only, String location,
                                      List<Found> found) {
        Iterator<BackendProvider> it = loader.iterator();
        int failures = 0;
        while (failures < 100) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                BackendProvider p = it.next();
                if (only != null && p.getClass().getClassLoader() != only) {
                    continue; // a provider of the core seen again through the plugin's loader
                }
                found.add(new Found(p, only != null ? location : locationOf(p.getClass()), null, null));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failures++;
                found.add(new Found(null, location, brokenIdFrom(e, location), message(e)));
            }
        }
    }

    private static void loadPlugin(Path plugin, List<Found> found) {
        String name = plugin.getFileName().toString();
        List<URL> jars = new ArrayList<>();
        // The checked jars stay open until the class loader has opened them too: the JDK shares one open
        // zip between them, so each jar's directory is read once (the heavy plugins hold tens of jars).
        List<JarFile> checked = new ArrayList<>();
        try {
            try (Stream<Path> files = Files.list(plugin)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    try {
                        checked.add(new JarFile(jar.toFile()));
                        jars.add(jar.toUri().toURL());
                    } catch (IOException e) {
                        found.add(new Found(null, jar.toString(), name, "not a jar: " + jar + " (" + message(e) + ")"));
                    }
                }
            } catch (IOException e) {
                found.add(new Found(null, plugin.toString(), name, "cannot read plugin folder: " + message(e)));
                return;
            }
            int before = found.size();
            try {
                PluginClassLoader loader = new PluginClassLoader("jazz-plugin-" + name, jars.toArray(URL[]::new));
                loadProviders(ServiceLoader.load(BackendProvider.class, loader), loader, plugin.toString(), found);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                found.add(new Found(null, plugin.toString(), name, message(e)));
            }
            if (found.size() == before && !jars.isEmpty()) {
                found.add(new Found(null, plugin.toString(), name,
                        "no backend provider in " + plugin + " (no META-INF/services/" + BackendProvider.class.getName()
                                + " in its jars)"));
            }
        } finally {
            closeAll(checked);
        }
    }

    private static void closeAll(List<JarFile> jars) {
        for (JarFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                // only read from: nothing is lost
            }
        }
    }

    /** The plugins under a folder: the folder itself if it holds jars, and each sub-folder that does. */
    private static List<Path> pluginsIn(Path folder, List<Found> found) {
        if (!Files.isDirectory(folder)) {
            found.add(new Found(null, folder.toString(), folder.getFileName() == null ? folder.toString()
                    : folder.getFileName().toString(), "plugin folder " + folder + " does not exist or is not a folder"));
            return List.of();
        }
        List<Path> plugins = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> sorted = children.sorted().toList();
            if (sorted.stream().anyMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))) {
                plugins.add(folder);
            }
            for (Path child : sorted) {
                if (Files.isDirectory(child)) {
                    plugins.add(child);
                }
            }
        } catch (IOException e) {
            found.add(new Found(null, folder.toString(), folder.getFileName().toString(),
                    "cannot read plugin folder: " + message(e)));
        }
        return plugins;
    }

    /**
     * Asks each provider for its id and description and marks duplicate ids; availability is asked later,
     * by {@link LazyEntry#get}.
     */
    private static List<LazyEntry> resolve(List<Found> found) {
        Map<String, List<LazyEntry>> byId = new LinkedHashMap<>();
        for (Found f : found) {
            LazyEntry e = f.provider() == null
                    ? new LazyEntry(new BackendEntry(f.brokenId(), BackendStatus.BROKEN, f.failure(),
                            "plugin failed to load", f.location(), null, null))
                    : identify(f.provider(), f.location());
            byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        List<LazyEntry> entries = new ArrayList<>();
        for (List<LazyEntry> same : byId.values()) {
            if (same.size() == 1) {
                entries.add(same.get(0));
                continue;
            }
            String where = String.join(" and ", same.stream().map(e -> e.location).toList());
            for (LazyEntry e : same) {
                entries.add(new LazyEntry(new BackendEntry(e.id(), BackendStatus.BROKEN,
                        "id '" + e.id() + "' is provided twice: by " + where + " (remove one)",
                        e.description, e.location, null, null)));
            }
        }
        return entries;
    }

    private static LazyEntry identify(BackendProvider provider, String location) {
        try {
            return new LazyEntry(provider, provider.id().trim().toLowerCase(Locale.ROOT), provider.description(),
                    location);
        } catch (RuntimeException | LinkageError e) {
            return new LazyEntry(new BackendEntry(provider.getClass().getName(), BackendStatus.BROKEN,
                    "provider failed to say its id: " + message(e), "", location, null, null));
        }
    }

    /**
     * A provider's availability check, running on a daemon thread of its own from its creation, and
     * time-boxed from then: {@code jazz.availability.timeout.ms}, 10 s by default.
     */
    private static final class Check {
        private final FutureTask<Availability> task;
        private final Thread thread;
        private final long started = System.nanoTime();

        Check(BackendProvider provider, String id) {
            task = new FutureTask<>(() -> {
                ClassLoader previous = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(provider.getClass().getClassLoader());
                try {
                    return provider.availability();
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                }
            });
            thread = new Thread(task, "jazz-availability-" + id);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the answer (what is left of the time box) and makes the entry of it. */
        BackendEntry await(BackendProvider provider, String id, String description, String location) {
            long timeoutMs = Long.getLong(AVAILABILITY_TIMEOUT_PROPERTY, 10_000);
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs) - (System.nanoTime() - started);
            try {
                Availability a = task.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (a == null) {
                    return new BackendEntry(id, BackendStatus.BROKEN, "availability check returned nothing", description,
                            location, null, null);
                }
                return a.available()
                        ? new BackendEntry(id, BackendStatus.AVAILABLE, null, description, location, a.device(), provider)
                        : new BackendEntry(id, BackendStatus.UNAVAILABLE, a.reason() == null ? "no reason given"
                                : a.reason(), description, location, null, provider);
            } catch (TimeoutException e) {
                thread.interrupt();
                return new BackendEntry(id, BackendStatus.BROKEN, "availability check did not answer within "
                        + timeoutMs + " ms", description, location, null, null);
            } catch (ExecutionException e) {
                return new BackendEntry(id, BackendStatus.BROKEN, "availability check failed: " + message(e.getCause()),
                        description, location, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new BackendEntry(id, BackendStatus.BROKEN, "interrupted while checking availability", description,
                        location, null, null);
            }
        }
    }

    private static String brokenIdFrom(Throwable e, String location) {
        String text = String.valueOf(e.getMessage());
        int i = text.indexOf("Provider ");
        if (i >= 0) {
            String rest = text.substring(i + 9);
            int end = rest.indexOf(' ');
            return end > 0 ? rest.substring(0, end) : rest;
        }
        Path p = Path.of(location);
        return p.getFileName() == null ? location : p.getFileName().toString();
    }

    private static String locationOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? type.getName() : Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return type.getName();
        }
    }

    static String message(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            String m = t.getMessage();
            sb.append(m == null || m.isBlank() ? t.getClass().getSimpleName()
                    : (t instanceof ServiceConfigurationError ? m : t.getClass().getSimpleName() + " " + m));
            if (sb.length() > 400) {
                break;
            }
        }
        return sb.toString();
    }

    private static List<Path> splitPath(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.trim()));
            }
        }
        return paths;
    }

    private static String describe(List<Path> folders) {
        return folders.isEmpty() ? "the boot layer (no plugin folders given)" : "the boot layer and " + folders;
    }

    private static int rank(String id) {
        int i = FIRST_PARTY.indexOf(id);
        return i >= 0 ? i : FIRST_PARTY.size();
    }

}
