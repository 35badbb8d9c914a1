package kr.seoul.sogong.outcomes.operations;

import java.util.Arrays;
import java.util.List;
import kr.seoul.sogong.outcomes.settings.Command;

/**
 * The line a command prints the moment it starts, before Spring: what runs and where its
 * log goes — so an operator at a terminal, or a scheduler's mail, knows at once that it
 * started and where to look, however long the JVM and Spring take on a busy machine.
 */
public final class FirstLine {

    private FirstLine() {
    }

    public static String of(String[] args) {
        Command c = Command.of(List.of(args));
        String command = c.word() == null ? "run" : c.word();
        String round = Arrays.stream(args)
            .filter(a -> a.startsWith("round=") || a.startsWith("runDate="))
            .reduce((a, b) -> a + " " + b)
            .orElse("");
        return "sogong-outcomes " + command + (round.isEmpty() ? "" : " " + round) + ": starting (pid "
                + ProcessHandle.current().pid() + "); log " + logFile(args);
    }

    /**
     * Where the log goes: as the command line says, or the environment, or the default.
     */
    static String logFile(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--logging.file.name=")) {
                return arg.substring("--logging.file.name=".length());
            }
        }
        String env = System.getenv("OUTCOMES_LOG_FILE");
        return env == null || env.isBlank() ? "logs/outcomes.log" : env;
    }

}
