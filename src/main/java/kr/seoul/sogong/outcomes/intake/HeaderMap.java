package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.findings.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell position holds which column of a kind, from a header row. Unknown headers
 * are ignored (extra columns are allowed); a missing required column is reported by
 * {@link #missingRequired()}; a column named twice (by its Korean header or its alias) is
 * kept in {@link #duplicate()}, since a file that names one column twice cannot say which
 * cell is meant (contract §8).
 */
public final class HeaderMap {

    private final SourceKind kind;

    private final int width;

    private final Map<String, Integer> positions = new LinkedHashMap<>();

    private final Map<Integer, String> aliasAt = new HashMap<>();

    private String duplicate;

    /** For each of the kind's columns, its cell position in this file, or -1. */
    private final int[] cellOfColumn;

    public HeaderMap(SourceKind kind, List<String> headers) {
        this.kind = kind;
        this.width = headers.size();
        for (int i = 0; i < headers.size(); i++) {
            for (Column column : kind.columns()) {
                if (column.matches(headers.get(i))) {
                    Integer before = positions.putIfAbsent(column.alias(), i);
                    if (before != null && duplicate == null) {
                        duplicate = column.korean() + " (" + column.alias() + ") is named twice, in columns "
                                + (before + 1) + " and " + (i + 1);
                    }
                    else if (before == null) {
                        aliasAt.put(i, column.alias());
                    }
                }
            }
        }
        cellOfColumn = new int[kind.columns().size()];
        for (int c = 0; c < cellOfColumn.length; c++) {
            cellOfColumn[c] = positions.getOrDefault(kind.columns().get(c).alias(), -1);
        }
    }

    public SourceKind kind() {
        return kind;
    }

    /** The number of cells in the header row. */
    public int width() {
        return width;
    }

    /** How many of the kind's required columns this row names. */
    int requiredFound() {
        return (int) kind.columns().stream().filter(c -> c.required() && positions.containsKey(c.alias())).count();
    }

    /** Why the header names a column twice, or null. */
    public String duplicate() {
        return duplicate;
    }

    /**
     * The alias of the column at a 0-based cell position, or null for an extra column.
     */
    public String aliasAt(int position) {
        return aliasAt.get(position);
    }

    public List<Column> missingRequired() {
        List<Column> missing = new ArrayList<>();
        for (Column column : kind.columns()) {
            if (column.required() && !positions.containsKey(column.alias())) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** Where a header was looked for, as the UNREADABLE message says it. */
    enum Where {

        /** a CSV file: its first non-blank line */
        CSV(""),
        /** a sheet of a workbook */
        SHEET(".sheet"),
        /** the sheet that came closest, when no sheet had a header in its first rows */
        NEAREST_SHEET(".nearestSheet");

        private final String keySuffix;

        Where(String keySuffix) {
            this.keySuffix = keySuffix;
        }

    }

    /**
     * Fails with UNREADABLE when a required column is missing or a column is named twice.
     */
    void check(String sheet, Where where) throws UnreadableFileException {
        if (duplicate != null) {
            throw new UnreadableFileException(sheet, "", message("duplicateColumn", where, sheet, duplicate));
        }
        if (!missingRequired().isEmpty()) {
            throw new UnreadableFileException(sheet, missingRequired().get(0).alias(),
                    message("missingColumn", where, sheet, describeMissing()));
        }
    }

    private static Message message(String key, Where where, String sheet, String detail) {
        return switch (where) {
            case CSV -> Message.of(key, detail);
            case SHEET -> Message.of(key + where.keySuffix, sheet, detail);
            case NEAREST_SHEET ->
                Message.of(key + where.keySuffix, sheet, WorkbookRowSource.HEADER_SEARCH_ROWS, detail);
        };
    }

    /**
     * The row's cells by the position of their column in the kind ({@link SourceRow}),
     * normalised (contract §8); an absent cell is blank, a column the file lacks null.
     */
    public String[] values(List<String> cells) {
        String[] values = new String[cellOfColumn.length];
        for (int i = 0; i < cellOfColumn.length; i++) {
            int at = cellOfColumn[i];
            if (at >= 0) {
                values[i] = at < cells.size() ? CellText.normalize(cells.get(at)) : "";
            }
        }
        return values;
    }

    public String describeMissing() {
        StringBuilder sb = new StringBuilder();
        for (Column c : missingRequired()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(c.korean()).append(" (").append(c.alias()).append(')');
        }
        return sb.toString();
    }

}
