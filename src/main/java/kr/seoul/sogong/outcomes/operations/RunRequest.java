package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The operator's command line (contract §6): {@code round=2022 [runDate=2022-11-01]}. */
public record RunRequest(int round, LocalDate runDate) {

    public static final String USAGE = kr.seoul.sogong.outcomes.settings.Command.usage();

    /** Thrown for a command line that names no round or an impossible one. */
    public static final class UsageException extends RuntimeException {

        public UsageException(String message) {
            super(message + "\n" + USAGE);
        }

    }

    public static RunRequest parse(List<String> args, LocalDate today) {
        Integer round = null;
        LocalDate runDate = today;
        for (String arg : args) {
            String key = key(arg);
            switch (key) {
                case "round" -> round = round(value(arg));
                case "runDate" -> runDate = date(value(arg));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (round == null) {
            throw new UsageException("which round? give round=<yyyy>");
        }
        return new RunRequest(round, runDate);
    }

    /** {@code nightly [runDate=...]}. */
    public static LocalDate runDate(List<String> args, LocalDate today) {
        LocalDate runDate = today;
        for (String arg : args) {
            if (!key(arg).equals("runDate")) {
                throw new UsageException("unknown argument '" + arg + "'");
            }
            runDate = date(value(arg));
        }
        return runDate;
    }

    /** {@code status [round=...]}: null for every round. */
    public static @Nullable Integer roundFilter(List<String> args) {
        Integer round = null;
        for (String arg : args) {
            if (!key(arg).equals("round")) {
                throw new UsageException("unknown argument '" + arg + "'");
            }
            round = round(value(arg));
        }
        return round;
    }

    /** {@code purge [keep=n] [round=yyyy]}: round null for every round. */
    public record Purge(int keep, @Nullable Integer round) {
    }

    public static Purge purge(List<String> args) {
        int keep = RunPurge.DEFAULT_KEEP;
        Integer round = null;
        for (String arg : args) {
            switch (key(arg)) {
                case "keep" -> {
                    String value = value(arg);
                    if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
                        throw new UsageException("keep must be a number of runs, 1 or more, not '" + value + "'");
                    }
                    keep = Integer.parseInt(value);
                }
                case "round" -> round = round(value(arg));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return new Purge(keep, round);
    }

    private static String key(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    private static String value(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? "" : arg.substring(eq + 1).strip();
    }

    private static int round(String value) {
        if (!value.matches("\\d{4}")) {
            throw new UsageException("round must be a four-digit programme year, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new UsageException("runDate must be yyyy-MM-dd, not '" + value + "'");
        }
    }
}
