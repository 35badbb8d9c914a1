package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * Which cell position holds which column of a kind, from a header row — or two, when a
 * header is written over two rows with merged cells (contract §9). Headers are matched as
 * people write them ({@link HeaderKey}): each cell's readings are tried most literal
 * first, and a reading that names two columns names none, so one cell never feeds two
 * fields. A header cell naming no column is kept in {@link #unknown()}, an optional
 * column the file lacks in {@link #missingOptional()}: each is one WARN finding per file
 * ({@link #notes}), so no typed value is dropped without a word. A missing required
 * column is reported by {@link #missingRequired()}; a column named twice is kept in
 * {@link #duplicate()}, since a file that names one column twice cannot say which cell is
 * meant (contract §8).
 */
public final class HeaderMap {

    /** A header cell that names no column of the kind: its 0-based position and text. */
    public record UnknownHeader(int position, String text) {
    }

    private final SourceKind kind;

    private final int width;

    private final Map<String, Integer> positions = new LinkedHashMap<>();

    private final Map<Integer, String> aliasAt = new HashMap<>();

    private final List<UnknownHeader> unknown = new ArrayList<>();

    private @Nullable String duplicate;

    /** For each of the kind's columns, its cell position in this file, or -1. */
    private final int[] cellOfColumn;

    /** The positions, within the header's width, whose header cell is blank. */
    private final int[] headerless;

    public HeaderMap(SourceKind kind, List<String> headers) {
        this.kind = kind;
        this.width = headers.size();
        for (int i = 0; i < headers.size(); i++) {
            Column column = columnNamedBy(kind, headers.get(i));
            if (column == null) {
                String text = CellText.normalize(headers.get(i));
                if (!text.isEmpty()) {
                    unknown.add(new UnknownHeader(i, text));
                }
                continue;
            }
            Integer before = positions.putIfAbsent(column.alias(), i);
            if (before != null && duplicate == null) {
                duplicate = column.korean() + " (" + column.alias() + ") is named twice, in columns " + (before + 1)
                        + " and " + (i + 1);
            }
            else if (before == null) {
                aliasAt.put(i, column.alias());
            }
        }
        cellOfColumn = new int[kind.columns().size()];
        for (int c = 0; c < cellOfColumn.length; c++) {
            cellOfColumn[c] = positions.getOrDefault(kind.columns().get(c).alias(), -1);
        }
        List<Integer> blank = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (CellText.isBlank(headers.get(i))) {
                blank.add(i);
            }
        }
        headerless = blank.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The column a header cell names: the first of its readings that names exactly one;
     * null when none does, or a reading names two.
     */
    static @Nullable Column columnNamedBy(SourceKind kind, String header) {
        for (String reading : HeaderKey.readings(header)) {
            Column found = null;
            for (Column column : kind.columns()) {
                if (column.matchesKey(reading)) {
                    if (found != null) {
                        return null;
                    }
                    found = column;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * A header written over two rows, as one: per position the lower cell when it names a
     * column, else the upper one (a cell merged down over both rows keeps its text in the
     * upper), else the two together ({@code 매출} over {@code 지원전(천원)}).
     */
    static HeaderMap overTwoRows(SourceKind kind, List<String> upper, List<String> lower) {
        int width = Math.max(upper.size(), lower.size());
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String up = i < upper.size() ? CellText.normalize(upper.get(i)) : "";
            String low = i < lower.size() ? CellText.normalize(lower.get(i)) : "";
            String joined = (up + " " + low).strip();
            if (!low.isEmpty() && columnNamedBy(kind, low) != null) {
                cells.add(low);
            }
            else if (!up.isEmpty() && columnNamedBy(kind, up) != null) {
                cells.add(up);
            }
            else {
                cells.add(joined);
            }
        }
        return new HeaderMap(kind, cells);
    }

    /**
     * The row under a header is its second row, not data, when it names columns the
     * header does not, and every one of its cells lies where the header names no column
     * (a data row has its values under named columns).
     */
    boolean continuesOnto(List<String> next) {
        boolean namesMore = false;
        for (int i = 0; i < next.size(); i++) {
            if (CellText.isBlank(next.get(i))) {
                continue;
            }
            if (aliasAt(i) != null) {
                return false;
            }
            Column column = columnNamedBy(kind, next.get(i));
            namesMore |= column != null && !positions.containsKey(column.alias());
        }
        return namesMore;
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
        int found = 0;
        for (Column c : kind.columns()) {
            if (c.required() && positions.containsKey(c.alias())) {
                found++;
            }
        }
        return found;
    }

    /** Why the header names a column twice, or null. */
    public @Nullable String duplicate() {
        return duplicate;
    }

    /**
     * The alias of the column at a 0-based cell position, or null for an extra column.
     */
    public @Nullable String aliasAt(int position) {
        return aliasAt.get(position);
    }

    /** The header cells that name no column, in order. */
    public List<UnknownHeader> unknown() {
        return unknown;
    }

    /**
     * The first position of this row, not in {@code reported}, holding a value under no
     * header cell (a blank header, or past the header's last cell); -1 when none. Such a
     * value is in no column the job reads, so its column is reported once per file.
     */
    int headerlessValue(List<String> cells, java.util.Set<Integer> reported) {
        for (int at : headerless) {
            if (at < cells.size() && !reported.contains(at) && !CellText.isBlank(cells.get(at))) {
                return at;
            }
        }
        for (int at = width; at < cells.size(); at++) {
            if (!reported.contains(at) && !CellText.isBlank(cells.get(at))) {
                return at;
            }
        }
        return -1;
    }

    /** UNKNOWN_COLUMN for a column with values and no header, found at a row. */
    static Finding headerlessColumn(String sourceFile, String sheet, int position) {
        return Finding.of(sourceFile, sheet, null, "", "", Rule.UNKNOWN_COLUMN,
                Message.of("headerlessColumn", CellReference.convertNumToColString(position)));
    }

    /**
     * The required columns this header lacks; a column made when absent (the survey's
     * response id) is not among them.
     */
    public List<Column> missingRequired() {
        List<Column> missing = new ArrayList<>();
        for (Column column : kind.columns()) {
            if (column.required() && !column.madeWhenAbsent() && !positions.containsKey(column.alias())) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** The columns of the contract the file may lack and does. */
    public List<Column> missingOptional() {
        List<Column> missing = new ArrayList<>();
        for (Column column : kind.columns()) {
            if ((!column.required() || column.madeWhenAbsent()) && !positions.containsKey(column.alias())) {
                missing.add(column);
            }
        }
        return missing;
    }

    /**
     * The WARN findings about this header (contract §9): a header cell the job does not
     * read (UNKNOWN_COLUMN, its text in {@code value}), an optional column the file lacks
     * (MISSING_COLUMN, its alias in {@code field}).
     */
    public List<Finding> notes(String sourceFile, String sheet) {
        List<Finding> notes = new ArrayList<>();
        for (UnknownHeader u : unknown) {
            notes.add(Finding.of(sourceFile, sheet, null, "", u.text(), Rule.UNKNOWN_COLUMN,
                    Message.of("unknownColumn", CellReference.convertNumToColString(u.position()))));
        }
        for (Column c : missingOptional()) {
            notes.add(Finding.of(sourceFile, sheet, null, c.alias(), "", Rule.MISSING_COLUMN, Message
                .of(c.madeWhenAbsent() ? "missingColumn.made" : "missingColumn.optional", c.korean(), c.alias())));
        }
        return notes;
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
