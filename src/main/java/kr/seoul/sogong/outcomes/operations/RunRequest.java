package kr.seoul.sogong.outcomes.operations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The operator's command line (contract §6): {@code round=2022 [runDate=2022-11-01]}. */
public record RunRequest(int round, LocalDate runDate) {

    public static final String USAGE = "usage: java -jar sogong-outcomes.jar round=<yyyy> [runDate=<yyyy-MM-dd>]"
            + " [--outcomes.input-dir=input] [--outcomes.output-dir=output] [--spring.datasource.url=...]";

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
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1).strip();
            switch (key) {
                case "round" -> {
                    if (!value.matches("\\d{4}")) {
                        throw new UsageException("round must be a four-digit programme year, not '" + value + "'");
                    }
                    round = Integer.parseInt(value);
                }
                case "runDate" -> {
                    try {
                        runDate = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new UsageException("runDate must be yyyy-MM-dd, not '" + value + "'");
                    }
                }
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (round == null) {
            throw new UsageException("which round? give round=<yyyy>");
        }
        return new RunRequest(round, runDate);
    }
}
