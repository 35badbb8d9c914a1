package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.intake.SourceRow;
import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.NestedExceptionUtils;

/**
 * The database refused a row the rules accepted — which contract §8 says must not happen,
 * so it is a bug in a rule — told as the file and row an operator can open, not as a line
 * of a COPY batch.
 */
public class RowStorageException extends RuntimeException {

    private static final Pattern COPY_LINE = Pattern.compile("COPY \\w+, line (\\d+)");

    RowStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    static RowStorageException of(String table, List<SourceRow> rows, Exception failure) {
        int at = failedIndex(failure, rows.size());
        String where = at >= 0 ? describe(rows.get(at))
                : describe(rows.get(0)) + " to " + describe(rows.get(rows.size() - 1)).replaceFirst("^.* row", "row");
        return new RowStorageException("the database refused " + table + " " + where + ": " + rootMessage(failure)
                + ". The row passed every rule, so this is a bug: report it with this line; meanwhile remove"
                + " or correct that row and run the same command", failure);
    }

    private static String describe(SourceRow row) {
        return (row.sheet().isEmpty() ? row.sourceFile() : row.sourceFile() + " sheet " + row.sheet()) + " row "
                + row.rowNumber();
    }

    /**
     * The 0-based index in the batch of the row the database refused, or -1 when it does
     * not say.
     */
    static int failedIndex(Throwable failure, int size) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = COPY_LINE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                int line = Integer.parseInt(m.group(1));
                return line >= 1 && line <= size ? line - 1 : -1;
            }
            if (t instanceof BatchUpdateException b && b.getUpdateCounts() != null) {
                int[] counts = b.getUpdateCounts();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == Statement.EXECUTE_FAILED) {
                        return i < size ? i : -1;
                    }
                }
                return counts.length < size ? counts.length : -1;
            }
        }
        return -1;
    }

    /**
     * The first line of the deepest cause's message: what the database said, without its
     * context lines.
     */
    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }

}
