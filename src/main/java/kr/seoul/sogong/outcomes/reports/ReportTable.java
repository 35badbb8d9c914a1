package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.Column;
import java.util.List;

/**
 * One outcome table as every export shows it: the CSV, the workbook and the page render
 * the same cells from this, so the four places a number appears cannot disagree, and none
 * of them decides by a column's position how a cell looks.
 *
 * @param file the CSV file name
 * @param title the Korean title for the committee
 * @param note a footnote shown under the table in the workbook and the page, or null
 * @param suppressionNote a footnote shown only when a cell of the table is withheld, or
 * null
 */
public record ReportTable(@Nullable String file, String title, List<Column> columns, List<Line> lines,
        @Nullable String note, @Nullable String suppressionNote) {

    /** A column: English header (CSV), Korean label (workbook and page). */
    public record Column(String header, String label) {

        /**
         * The center column: the committee reads a center's name there, its code beside
         * it.
         */
        public boolean isCenter() {
            return header.equals("center_code");
        }
    }

    /**
     * One cell: its value, how it is shown, whether it is withheld as a small cell (its
     * value is then empty in the CSV and shown as "—" in the workbook and the page), and
     * the words the committee reads for a code (a center's name, a survey item's
     * question), or null.
     */
    public record Cell(@Nullable Object value, ExportFormat format, boolean suppressed, @Nullable String display) {

        /** As the CSV has it: the contract's codes and plain numbers. */
        public String text() {
            return format.text(value);
        }

        /**
         * As the committee reads it in the workbook and the page: a name for a code, else
         * the text.
         */
        public String shown() {
            return display != null ? display : text();
        }
    }

    /** A row of cells; {@code total} marks the ALL row, which the page sets apart. */
    public record Line(List<Cell> cells, boolean total) {

        public List<String> csv() {
            return cells.stream().map(Cell::text).toList();
        }
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public boolean anySuppressed() {
        return lines.stream().anyMatch(l -> l.cells().stream().anyMatch(Cell::suppressed));
    }
}
