package kr.seoul.sogong.outcomes.rows;

import java.util.List;

/**
 * A row every single-row rule accepted, as the table that stores it wants it: the writer
 * asks the row where it goes and what it holds, and the four kinds are all there are, so
 * a new kind of row cannot fall through to a wrong table.
 */
public sealed interface AcceptedRow permits FirmRow, BudgetLine {

    /** The table that stores it. */
    RowTable table();

    /**
     * Its columns, after the row key every row table starts with (round, source_file,
     * sheet_index, sheet, row_number).
     */
    List<String> columns();

    /**
     * Adds its values, in the order of {@link #columns()}, to the row being written (no
     * list of its own per row).
     */
    void addValuesTo(List<Object> row);

}
