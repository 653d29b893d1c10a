package jazz.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jazz.api.fixtures.FixtureProvider;
import jazz.api.fixtures.GatedAvailabilityProvider;
import jazz.api.fixtures.HangingAvailabilityProvider;
import jazz.api.fixtures.MissingDependencyProvider;
import jazz.api.fixtures.ThrowingAvailabilityProvider;
import jazz.api.fixtures.ThrowingConstructorProvider;
import jazz.api.spi.Backend;
import jazz.api.testing.PluginJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BackendsTest {

    @TempDir
    static Path plugins;

    static Class<?> fixtureBackend;

    @BeforeAll
    static void buildPluginFolders() throws Exception {
        fixtureBackend = Class.forName("jazz.api.fixtures.FixtureProvider$1");
        PluginJars.write(plugins.resolve("good/good.jar"), new String[] {FixtureProvider.class.getName()},
                FixtureProvider.class, fixtureBackend);
        PluginJars.write(plugins.resolve("broken/broken.jar"),
                new String[] {ThrowingConstructorProvider.class.getName(), "jazz.api.fixtures.NoSuchProvider",
                        MissingDependencyProvider.class.getName(), ThrowingAvailabilityProvider.class.getName()},
                FixtureProvider.class, fixtureBackend, ThrowingConstructorProvider.class,
                MissingDependencyProvider.class, ThrowingAvailabilityProvider.class);
        Files.createDirectories(plugins.resolve("not-a-jar"));
        Files.writeString(plugins.resolve("not-a-jar/garbage.jar"), "this is not a zip file");
    }

    private static BackendEntry entry(Backends backends, String id) {
        return backends.find(id).orElseThrow(() -> new AssertionError("no entry " + id + " in " + backends.entries()));
    }

    @Test
    void aBrokenPluginIsListedAsBrokenAndTheOthersStillLoad() {
        Backends backends = Backends.discover(List.of(plugins));
        BackendEntry good = entry(backends, "fixture");
        assertEquals(BackendStatus.AVAILABLE, good.status(), good.toString());
        assertTrue(good.location().endsWith("good"), good.location());

        BackendEntry ctor = entry(backends, ThrowingConstructorProvider.class.getName());
        assertEquals(BackendStatus.BROKEN, ctor.status());
        assertTrue(ctor.reason().contains("constructor exploded on purpose"), ctor.reason());

        BackendEntry missing = entry(backends, "jazz.api.fixtures.NoSuchProvider");
        assertEquals(BackendStatus.BROKEN, missing.status());

        BackendEntry linkage = backends.entries().stream().filter(e -> String.valueOf(e.reason()).contains("MissingBase"))
                .findFirst().orElseThrow(() -> new AssertionError("no LinkageError entry in " + backends.entries()));
        assertEquals(BackendStatus.BROKEN, linkage.status());
        assertTrue(linkage.location().endsWith("broken"), linkage.location());

        BackendEntry throwing = entry(backends, "throwing");
        assertEquals(BackendStatus.BROKEN, throwing.status());
        assertTrue(throwing.reason().contains("availability exploded on purpose"), throwing.reason());

        BackendEntry garbage = entry(backends, "not-a-jar");
        assertEquals(BackendStatus.BROKEN, garbage.status(), garbage.toString());
        assertTrue(garbage.reason().startsWith("not a jar"), garbage.reason());
    }

    @Test
    void aPluginRunsInItsOwnClassLoaderWithItAsContextLoader() {
        Backends backends = Backends.discover(List.of(plugins.resolve("good")));
        try (Backend backend = backends.open("FIXTURE", Map.of())) {
            assertEquals("fixture engine, context loader jazz-plugin-good", backend.engineVersion());
            assertTrue(backend.getClass().getClassLoader() != FixtureProvider.class.getClassLoader());
        }
    }

    @Test
    void twoProvidersOfOneIdAreAnErrorNamingBothLocations() throws Exception {
        Path root = Files.createTempDirectory(plugins, "dup");
        PluginJars.write(root.resolve("one/a.jar"), new String[] {FixtureProvider.class.getName()},
                FixtureProvider.class, fixtureBackend);
        PluginJars.write(root.resolve("two/b.jar"), new String[] {FixtureProvider.class.getName()},
                FixtureProvider.class, fixtureBackend);
        Backends backends = Backends.discover(List.of(root));
        List<BackendEntry> fixtures = backends.entries().stream().filter(e -> e.id().equals("fixture")).toList();
        assertEquals(2, fixtures.size());
        for (BackendEntry e : fixtures) {
            assertEquals(BackendStatus.BROKEN, e.status());
            assertTrue(e.reason().contains(root.resolve("one").toString()) && e.reason().contains(root.resolve("two").toString()),
                    e.reason());
        }
        BackendUnavailableException error = assertThrows(BackendUnavailableException.class,
                () -> backends.open("fixture", Map.of()));
        assertTrue(error.getMessage().contains("provided twice"), error.getMessage());
    }

    @Test
    void aHangingAvailabilityCheckIsTimeBoxed() throws Exception {
        Path root = Files.createTempDirectory(plugins, "hang");
        PluginJars.write(root.resolve("hang.jar"), new String[] {HangingAvailabilityProvider.class.getName()},
                FixtureProvider.class, fixtureBackend, HangingAvailabilityProvider.class);
        System.setProperty(Backends.AVAILABILITY_TIMEOUT_PROPERTY, "300");
        try {
            BackendEntry hanging = entry(Backends.discover(List.of(root)), "hanging");
            assertEquals(BackendStatus.BROKEN, hanging.status());
            assertTrue(hanging.reason().contains("did not answer within 300 ms"), hanging.reason());
        } finally {
            System.clearProperty(Backends.AVAILABILITY_TIMEOUT_PROPERTY);
        }
    }

    @Test
    @Timeout(60)
    void aPreparedCheckRunsInTheBackgroundWhileTheCallerGoesOn() throws Exception {
        Path root = Files.createTempDirectory(plugins, "gate");
        PluginJars.write(root.resolve("gate.jar"), new String[] {GatedAvailabilityProvider.class.getName()},
                FixtureProvider.class, fixtureBackend, GatedAvailabilityProvider.class);
        System.clearProperty(GatedAvailabilityProvider.ASKED);
        System.clearProperty(GatedAvailabilityProvider.OPEN);
        try {
            Backends backends = Backends.discover(List.of(root));
            assertTrue(backends.has("gated"));
            assertTrue(backends.has(" GATED "));
            assertFalse(backends.has("nope"));
            assertNull(System.getProperty(GatedAvailabilityProvider.ASKED), "has() asks no availability");
            backends.prepare("nope");
            backends.prepare("gated");
            // prepare() came back while the check waits at its gate, on its own thread.
            while (System.getProperty(GatedAvailabilityProvider.ASKED) == null) {
                Thread.sleep(5);
            }
            assertEquals("jazz-availability-gated", System.getProperty(GatedAvailabilityProvider.ASKED));
            System.setProperty(GatedAvailabilityProvider.OPEN, "true");
            BackendEntry gated = entry(backends, "gated");
            assertEquals(BackendStatus.AVAILABLE, gated.status(), gated.toString());
            assertEquals("behind a gate", gated.device());
        } finally {
            System.clearProperty(GatedAvailabilityProvider.ASKED);
            System.clearProperty(GatedAvailabilityProvider.OPEN);
        }
    }

    @Test
    void unknownBackendErrorListsWhatIsInstalled() {
        Backends backends = Backends.discover(List.of(plugins.resolve("good")));
        BackendUnavailableException error = assertThrows(BackendUnavailableException.class,
                () -> backends.open("nope", Map.of()));
        assertTrue(error.getMessage().startsWith("unknown backend 'nope'"), error.getMessage());
        assertTrue(error.getMessage().contains("fixture"), error.getMessage());
        assertTrue(error.getMessage().contains("--backend=NAME"), error.getMessage());
    }

    @Test
    void missingFirstPartyBackendsAreListedAsNotInstalled() {
        Backends backends = Backends.discover(List.of());
        for (String id : Backends.FIRST_PARTY) {
            assertTrue(backends.find(id).isPresent(), id);
        }
        BackendEntry tf = entry(backends, "tf");
        assertEquals(BackendStatus.UNAVAILABLE, tf.status());
        assertTrue(tf.reason().startsWith("plugin not installed"), tf.reason());
    }

    @Test
    void aMissingPluginFolderIsReportedNotFatal() {
        Path nowhere = plugins.resolve("does-not-exist");
        Backends backends = Backends.discover(List.of(nowhere));
        BackendEntry entry = entry(backends, "does-not-exist");
        assertEquals(BackendStatus.BROKEN, entry.status());
        assertTrue(entry.reason().contains("does not exist"), entry.reason());
    }

    @Test
    void anEmbedderCanHandAProviderWithoutDiscovery() {
        Backends backends = Backends.of(new FixtureProvider());
        assertEquals(List.of("fixture"), backends.entries().stream().map(BackendEntry::id).toList());
        assertTrue(backends.require("fixture").isAvailable());
    }

    @Test
    void backendChoiceFollowsCommandLineThenPropertyThenDefault() {
        assertEquals("tf", Backends.chosenId(" TF "));
        System.setProperty(Backends.BACKEND_PROPERTY, "DL4J");
        try {
            assertEquals("dl4j", Backends.chosenId(null));
            assertEquals("native", Backends.chosenId("native"));
        } finally {
            System.clearProperty(Backends.BACKEND_PROPERTY);
        }
        if (System.getenv(Backends.BACKEND_VARIABLE) == null) {
            assertEquals(Backends.DEFAULT_ID, Backends.chosenId(null));
        }
    }
}
