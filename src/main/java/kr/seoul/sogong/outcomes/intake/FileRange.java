package kr.seoul.sogong.outcomes.intake;

import java.util.Set;

/**
 * A part of an admitted file that one ingest partition reads on its own: a whole file, or
 * one of the byte ranges a large CSV is split into at record boundaries
 * ({@link SourceFiles#inspect}). A range starts where a record starts, as found by the
 * same quote-aware reader that reads it, so a quoted cell over several lines is never
 * cut, and carries what a reader from the top would know there: the row number, the
 * ordinal and the columns without a header already reported.
 *
 * @param startByte where its first line starts; 0 with {@code startLine} 0: the file's
 * top, header included
 * @param startLine that line, 0-based
 * @param startRow records before it (Excel's row number of the record before)
 * @param startOrdinal data rows before it
 * @param reportedColumns positions of columns without a header whose values were reported
 * before it (reported once per file)
 * @param endLine the line the next range starts on; -1: to the end of the file
 * @param rows data rows in it; null while not known (a workbook)
 */
public record FileRange(long startByte, long startLine, int startRow, long startOrdinal, Set<Integer> reportedColumns,
        long endLine, @org.jspecify.annotations.Nullable Long rows) {

    public FileRange {
        reportedColumns = Set.copyOf(reportedColumns);
    }

    /** A whole file, of about {@code rows} data rows (null: not known). */
    public static FileRange whole(@org.jspecify.annotations.Nullable Long rows) {
        return new FileRange(0, 0, 0, 0, Set.of(), -1, rows);
    }

    /** Whether it starts at the file's top (its first range, or the whole file). */
    public boolean fromTop() {
        return startLine == 0;
    }

    /** Whether it runs to the end of the file. */
    public boolean toEnd() {
        return endLine < 0;
    }

}
