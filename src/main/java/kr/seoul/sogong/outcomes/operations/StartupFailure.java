package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * A run that could not even start — most often the database: down, unreachable, refusing
 * the login — told in one ERROR line with the cause and the next step; the stack trace
 * goes to the log file only.
 */
public final class StartupFailure {

    private static final Logger log = LoggerFactory.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    /** Logs the failure as one line; returns the exit code. */
    public static int report(Throwable failure) {
        H2StartupGuard.RoundHeldException held = find(failure, H2StartupGuard.RoundHeldException.class);
        if (held != null) {
            log.error(held.getMessage());
            return ExitCodes.ALREADY_RUNNING;
        }
        SQLException sql = find(failure, SQLException.class);
        String root = rootMessage(failure);
        if (sql != null || root.contains("Unable to obtain connection") || root.contains("Connection refused")) {
            String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
            String what = state.startsWith("28") ? "refused the login of user '" + H2StartupGuard.databaseUser() + "'"
                    : "cannot be reached";
            log.error(
                    "the database {} {}: {} Check that it is running and that OUTCOMES_DB_URL, OUTCOMES_DB_USER and"
                            + " OUTCOMES_DB_PASSWORD are right, then run the same command.",
                    H2StartupGuard.databaseUrl(), what, sentence(sql == null ? root : firstLine(sql.getMessage())),
                    failure);
            return ExitCodes.FAILED;
        }
        log.error("the job could not start: {} The log file has the details.", sentence(root), failure);
        return ExitCodes.FAILED;
    }

    static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

}
