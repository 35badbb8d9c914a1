package kr.seoul.sogong.outcomes.rows;

import java.util.List;

/**
 * The four tables that store accepted rows, one per kind of row: what a row, a digest or
 * a verdict names its table by, instead of the table's name as a string.
 */
public enum RowTable {

    SURVEY_RESPONSE("survey_response"), PARTICIPANT("participant"), OUTCOME("outcome"), BUDGET_LINE("budget_line");

    /**
     * The tables whose rows have digests, in the order the rules across rows judge them
     * (participants first: the other two are checked against them); the budget's lines
     * are summed from their table.
     */
    public static final List<RowTable> DIGESTED = List.of(PARTICIPANT, OUTCOME, SURVEY_RESPONSE);

    private final String sqlName;

    RowTable(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The table's name in the database. */
    public String sqlName() {
        return sqlName;
    }

    public boolean digested() {
        return this != BUDGET_LINE;
    }

    /** The table of a name as the database stores it ({@code row_digest.row_table}). */
    public static RowTable ofSqlName(String name) {
        for (RowTable t : values()) {
            if (t.sqlName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a row table: " + name);
    }

}
