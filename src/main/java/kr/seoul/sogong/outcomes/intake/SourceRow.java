package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.findings.Message;
import java.util.Map;

/**
 * A data row as read from a source file, before any rule is applied.
 *
 * @param ordinal 1-based position among the file's data rows (blank rows not counted):
 * the checkpoint unit, since a restart skips the rows already committed
 * @param values normalised cell text by column alias
 * @param problem why the row could not be split into its cells (a stray quote, a shifted
 * or cut CSV row), else null
 * @param cellProblems why a cell has no usable value (a formula without a stored result),
 * by alias
 * @param lastInFile committing this row completes the file
 */
public record SourceRow(String sourceFile, SourceKind kind, String sheet, int sheetIndex, int rowNumber, long ordinal,
        Map<String, String> values, Message problem, Map<String, Message> cellProblems, boolean lastInFile) {

    public boolean fromWorkbook() {
        return !sheet.isEmpty();
    }

    public String value(String alias) {
        return values.getOrDefault(alias, "");
    }

    SourceRow asLastInFile() {
        return new SourceRow(sourceFile, kind, sheet, sheetIndex, rowNumber, ordinal, values, problem, cellProblems,
                true);
    }
}
