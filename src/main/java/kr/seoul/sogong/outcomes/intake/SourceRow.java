package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Message;
import java.util.Map;

/**
 * A data row as read from a source file, before any rule is applied.
 *
 * @param ordinal 1-based position among the file's data rows (blank rows not counted):
 * the checkpoint unit, since a restart skips the rows already committed
 * @param values normalised cell text by the position of its column among the kind's
 * columns (null where the file has no such column): an array, not a map per row, since
 * millions of rows pass through here
 * @param problem why the row could not be split into its cells (a stray quote, a shifted
 * or cut CSV row), else null
 * @param cellProblems why a cell has no usable value (a formula without a stored result),
 * by alias
 * @param lastOfRange committing this row completes the range of the file it was read in
 * ({@link FileRange}: the whole file, unless a large CSV)
 * @param fileNotes findings about the file (no row number) first seen at this row —
 * values in a column without a header — committed with it
 */
public record SourceRow(String sourceFile, SourceKind kind, String sheet, int sheetIndex, int rowNumber, long ordinal,
        String[] values, @Nullable Message problem, Map<String, Message> cellProblems, boolean lastOfRange,
        java.util.List<kr.seoul.sogong.outcomes.findings.Finding> fileNotes) {

    public SourceRow(String sourceFile, SourceKind kind, String sheet, int sheetIndex, int rowNumber, long ordinal,
            String[] values, Message problem, Map<String, Message> cellProblems, boolean lastOfRange) {
        this(sourceFile, kind, sheet, sheetIndex, rowNumber, ordinal, values, problem, cellProblems, lastOfRange,
                java.util.List.of());
    }

    /** A row from its cells by alias (tests, and rows built by hand). */
    public SourceRow(String sourceFile, SourceKind kind, String sheet, int sheetIndex, int rowNumber, long ordinal,
            Map<String, String> values, Message problem, Map<String, Message> cellProblems, boolean lastOfRange) {
        this(sourceFile, kind, sheet, sheetIndex, rowNumber, ordinal, byPosition(kind, values), problem, cellProblems,
                lastOfRange);
    }

    private static String[] byPosition(SourceKind kind, Map<String, String> values) {
        String[] cells = new String[kind.columns().size()];
        values.forEach((alias, value) -> {
            int i = kind.indexOf(alias);
            if (i >= 0) {
                cells[i] = value;
            }
        });
        return cells;
    }

    public boolean fromWorkbook() {
        return !sheet.isEmpty();
    }

    /** Whether the file has this column at all (its value may still be blank). */
    public boolean hasColumn(String alias) {
        int i = kind.indexOf(alias);
        return i >= 0 && i < values.length && values[i] != null;
    }

    public String value(String alias) {
        int i = kind.indexOf(alias);
        String v = i < 0 || i >= values.length ? null : values[i];
        return v == null ? "" : v;
    }

    public SourceRow asLastOfRange() {
        return new SourceRow(sourceFile, kind, sheet, sheetIndex, rowNumber, ordinal, values, problem, cellProblems,
                true, fileNotes);
    }
}
