package jazz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command line is built with only the sub-command a run names, and behaves as the whole tree does. */
class JazzCommandTest {

    @Test
    void theSubcommandIsTheFirstArgumentThatIsNeitherAnOptionNorItsValue() {
        assertEquals("train", JazzCommand.subcommandNamed("train", "--epochs", "1"));
        assertEquals("train", JazzCommand.subcommandNamed("--backend=tf", "train"));
        assertEquals("generate", JazzCommand.subcommandNamed("--backend", "info", "--debug", "generate"));
        assertEquals("bench", JazzCommand.subcommandNamed("--plugin-dir", "train", "bench", "train"));
        assertEquals("help", JazzCommand.subcommandNamed("help", "train"));
        assertNull(JazzCommand.subcommandNamed());
        assertNull(JazzCommand.subcommandNamed("--version"));
        assertNull(JazzCommand.subcommandNamed("trian"));
        assertNull(JazzCommand.subcommandNamed("@args.txt"));
        assertNull(JazzCommand.subcommandNamed("--", "train"));
        assertNull(JazzCommand.subcommandNamed("--backend"));
    }

    @Test
    void aRunThatNamesASubcommandGetsOnlyThatOneAndTheOthersGetAll() {
        List<String> all = List.copyOf(JazzCommand.commandLine().getSubcommands().keySet());
        assertEquals(JazzCommand.SUBCOMMANDS, all);
        for (String name : JazzCommand.SUBCOMMANDS) {
            List<String> built = List.copyOf(JazzCommand.commandLine("--debug", name).getSubcommands().keySet());
            assertEquals(name.equals("help") ? all : List.of(name), built, name);
        }
        assertEquals(all, List.copyOf(JazzCommand.commandLine("--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(JazzCommand.commandLine("trian").getSubcommands().keySet()));
    }

    @Test
    void usageHelpAndMistypedCommandsStillSeeEveryCommand() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode(), help.err());
        for (String name : JazzCommand.SUBCOMMANDS) {
            assertTrue(help.out().matches("(?s).*\\n\\s+" + name + "\\s.*"), name + " in\n" + help.out());
        }
        CliRun typo = CliRun.of("trian");
        assertEquals(ExitCodes.BAD_INPUT, typo.exitCode());
        assertTrue(typo.err().contains("train"), typo.err());
        CliRun helpOf = CliRun.of("help", "bench");
        assertEquals(0, helpOf.exitCode(), helpOf.err());
        assertTrue(helpOf.out().contains("Usage: jazz bench"), helpOf.out());
    }
}
