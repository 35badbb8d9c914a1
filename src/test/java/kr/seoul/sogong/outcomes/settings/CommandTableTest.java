package kr.seoul.sogong.outcomes.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.seoul.sogong.outcomes.kits.KitCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table of commands: the word on the command line picks the command, the usage names
 * every one, and every command takes its input folder as the others do.
 */
class CommandTableTest {

    @ParameterizedTest
    @CsvSource({ "status, STATUS", "purge, PURGE", "nightly, NIGHTLY", "serve, SERVE", "kit, KIT", "generate, GENERATE",
            "user, USER", "round=2022, RUN", "runDate=2022-11-01, RUN" })
    void theFirstWordPicksTheCommand(String first, Command expected) {
        assertThat(Command.of(List.of(first, "round=2022"))).isEqualTo(expected);
    }

    @Test
    void noWordIsARoundsRunWhichAsksForItsRound() {
        assertThat(Command.of(List.of())).isEqualTo(Command.RUN);
    }

    @Test
    void theUsageNamesEveryCommand() {
        String usage = Command.usage();
        for (Command c : Command.values()) {
            assertThat(usage).contains("sogong-outcomes.jar " + (c.word() == null ? "round=" : c.word() + " "));
        }
        assertThat(usage.lines()).hasSize(Command.values().length + 1);
    }

    @Test
    void onlyTheCommandsThatRunRoundsHonourAStopFromTheStart() {
        assertThat(List.of(Command.values())).filteredOn(Command::runsRounds)
            .containsExactly(Command.RUN, Command.NIGHTLY);
        assertThat(List.of(Command.values())).filteredOn(c -> !c.needsContext())
            .containsExactly(Command.KIT, Command.GENERATE, Command.USER);
    }

    /**
     * The kit names its input folder as every other command does; the older
     * {@code --input DIR} still works.
     */
    @ParameterizedTest
    @CsvSource({ "--outcomes.input-dir=, false", "--input, true" })
    void theKitTakesTheInputFolderAsTheOtherCommandsDo(String option, boolean separate, @TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("elsewhere");
        Files.createDirectories(input.resolve("2022"));
        Files.copy(Path.of("input", "2022", "centers.csv"), input.resolve("2022/centers.csv"));
        List<String> args = separate
                ? List.of("round=2022", option, input.toString(), "--out", dir.resolve("kits").toString())
                : List.of("round=2022", option + input, "--out", dir.resolve("kits").toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KitCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.COMPLETED);
        try (var kit = Files.list(dir.resolve("kits/2022"))) {
            assertThat(kit.count()).isGreaterThan(1);
        }
        assertThat(KitCommand.run(List.of("round=2022", "--outcomes.input-dir=" + dir.resolve("none")),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
            .as("no centers.csv there")
            .isEqualTo(ExitCodes.USAGE);
    }

}
