package kr.seoul.sogong.outcomes.reports;

import java.util.List;

/**
 * One outcome table as every export shows it: the CSV, the workbook and the page render the same
 * rows and formats from this, so the four places a number appears cannot disagree.
 *
 * @param file   the CSV file name
 * @param title  the Korean title for the committee
 */
public record ReportTable(String file, String title, List<Column> columns, List<List<Object>> rows, String note) {

    /** A column: English header (CSV), Korean label (workbook and page), format. */
    public record Column(String header, String label, ExportFormat format) {
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public List<String> csvRow(List<Object> row) {
        return java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(i -> format(row, i).text(row.get(i))).toList();
    }

    /** A column's format; the year-over-year values take the format of the metric in their row. */
    public ExportFormat format(List<Object> row, int column) {
        return CommitteeTables.format(this, row, column);
    }
}
