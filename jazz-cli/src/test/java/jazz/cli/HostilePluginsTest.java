package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jazz.api.BackendEntry;
import jazz.api.BackendStatus;
import jazz.api.Backends;
import jazz.api.fixtures.FixtureProvider;
import jazz.api.fixtures.ImpostorProvider;
import jazz.api.fixtures.MissingDependencyProvider;
import jazz.api.fixtures.ThrowingAvailabilityProvider;
import jazz.api.fixtures.ThrowingConstructorProvider;
import jazz.api.testing.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin folder full of bad plugins: `jazz backends` lists every one with its problem and goes on. */
class HostilePluginsTest {

    @TempDir
    Path plugins;

    @Test
    void backendsListsEveryProblemAndTheGoodBackendsStillWork() throws Exception {
        Class<?> inner = Class.forName("jazz.api.fixtures.FixtureProvider$1");
        PluginJars.write(plugins.resolve("good/good.jar"), new String[] {FixtureProvider.class.getName()},
                FixtureProvider.class, inner);
        PluginJars.write(plugins.resolve("twin/twin.jar"), new String[] {FixtureProvider.class.getName()},
                FixtureProvider.class, inner);
        PluginJars.write(plugins.resolve("ctor/ctor.jar"), new String[] {ThrowingConstructorProvider.class.getName()},
                FixtureProvider.class, inner, ThrowingConstructorProvider.class);
        PluginJars.write(plugins.resolve("missing/missing.jar"), new String[] {MissingDependencyProvider.class.getName()},
                FixtureProvider.class, inner, MissingDependencyProvider.class);
        PluginJars.write(plugins.resolve("throwing/throwing.jar"),
                new String[] {ThrowingAvailabilityProvider.class.getName()}, FixtureProvider.class, inner,
                ThrowingAvailabilityProvider.class);
        Files.createDirectories(plugins.resolve("garbage"));
        Files.writeString(plugins.resolve("garbage/x.jar"), "not a jar");

        CliRun run = CliRun.of("--plugin-dir", plugins.toString(), "backends");
        assertEquals(0, run.exitCode(), run.err());
        String table = run.out();
        assertTrue(table.contains("provided twice"), table);
        assertTrue(table.contains("constructor exploded on purpose"), table);
        assertTrue(table.contains("MissingBase"), table);
        assertTrue(table.contains("availability exploded on purpose"), table);
        assertTrue(table.contains("not a jar"), table);
        assertTrue(table.matches("(?s).*native\\s+available.*"), table);
        assertFalse(run.err().contains("\tat "), run.err());

        CliRun chosen = CliRun.of("--plugin-dir", plugins.toString(), "--backend=throwing", "backends");
        assertEquals(0, chosen.exitCode(), "a broken backend is known: listing still works");
    }

    @Test
    void aPluginCannotReplaceABuiltInBackendAndARunOfOneDoesNotOpenThePlugins() throws Exception {
        Class<?> inner = Class.forName("jazz.api.fixtures.FixtureProvider$1");
        PluginJars.write(plugins.resolve("impostor/impostor.jar"), new String[] {ImpostorProvider.class.getName()},
                FixtureProvider.class, inner, ImpostorProvider.class);
        System.clearProperty(ImpostorProvider.CONSTRUCTED);
        try {
            Backends backends = Backends.discover(List.of(plugins));
            BackendEntry chosen = backends.find("native").orElseThrow();
            assertEquals(BackendStatus.AVAILABLE, chosen.status(), chosen.toString());
            assertFalse(chosen.location().contains("impostor"), chosen.location());
            assertNull(System.getProperty(ImpostorProvider.CONSTRUCTED), "the plugin folder was read for a built-in backend");

            List<BackendEntry> natives = backends.entries().stream().filter(e -> e.id().equals("native")).toList();
            assertEquals("true", System.getProperty(ImpostorProvider.CONSTRUCTED), "the whole list reads the plugins");
            assertEquals(2, natives.size(), natives.toString());
            assertEquals(chosen.location(), natives.get(0).location());
            assertEquals(BackendStatus.BROKEN, natives.get(1).status());
            assertTrue(natives.get(1).reason().contains("boot layer"), natives.get(1).reason());
            assertTrue(natives.get(1).location().endsWith("impostor"), natives.get(1).location());
            assertEquals(chosen.location(), backends.find("native").orElseThrow().location());

            CliRun listed = CliRun.of("--plugin-dir", plugins.toString(), "backends");
            assertEquals(0, listed.exitCode(), listed.err());
            assertTrue(listed.out().matches("(?s).*native\\s+available.*native\\s+broken.*"), listed.out());
        } finally {
            System.clearProperty(ImpostorProvider.CONSTRUCTED);
        }
    }
}
