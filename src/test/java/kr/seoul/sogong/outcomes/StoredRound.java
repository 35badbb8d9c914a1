package kr.seoul.sogong.outcomes;

import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.rows.RowTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a round holds in the database, asked as the tests ask it: rows by table and file,
 * rows set apart, findings by rule or severity, files' checkpoints, digests. The SQL of
 * the tests' questions is here once, not in each test.
 */
public final class StoredRound {

    private final JdbcTemplate jdbc;

    private final int round;

    StoredRound(JdbcTemplate jdbc, int round) {
        this.jdbc = jdbc;
        this.round = round;
    }

    /** Rows stored in a table, accepted or not. */
    public long rows(RowTable table) {
        return count("select count(*) from " + table.sqlName() + " where round = ?", round);
    }

    /** Rows of one file stored in a table, accepted or not. */
    public long rows(RowTable table, String sourceFile) {
        return count("select count(*) from " + table.sqlName() + " where round = ? and source_file = ?", round,
                sourceFile);
    }

    /** Rows of one file a table holds as accepted (budget lines are never set apart). */
    public long acceptedRows(RowTable table, String sourceFile) {
        return table == RowTable.BUDGET_LINE ? rows(table, sourceFile) : count(
                "select count(*) from " + table.sqlName() + " where round = ? and source_file = ? and accepted = true",
                round, sourceFile);
    }

    /** The files of the rows the rules across rows set apart in a table, one per row. */
    public List<String> filesOfRowsSetApart(RowTable table) {
        return jdbc.queryForList(
                "select source_file from " + table.sqlName() + " where round = ? and accepted = false order by 1",
                String.class, round);
    }

    /** The row numbers a table holds, in order. */
    public List<Integer> rowNumbers(RowTable table) {
        return jdbc.queryForList("select row_number from " + table.sqlName() + " where round = ? order by 1",
                Integer.class, round);
    }

    /** A file's checkpoint: rows committed. */
    public long rowsRead(String sourceFile) {
        return count("select coalesce(sum(rows_read), 0) from source_range where round = ? and source_file = ?", round,
                sourceFile);
    }

    /** Files whose digests have not been built from their rows yet. */
    public long filesWithoutDigests() {
        return count("select count(*) from source_file where round = ? and digests_stored = false", round);
    }

    /** Rows of a table that have digests. */
    public long digestedRows(RowTable table) {
        return count("select coalesce(sum(row_count), 0) from row_digest where round = ? and row_table = ?", round,
                table.sqlName());
    }

    public long findings(Rule rule) {
        return count("select count(*) from finding where round = ? and rule = ?", round, rule.name());
    }

    /** The findings under a rule, in file, row and field order, every column. */
    public List<Map<String, Object>> findingsOf(Rule rule) {
        return jdbc.queryForList(
                "select * from finding where round = ? and rule = ? order by source_file, row_number, field", round,
                rule.name());
    }

    /** The findings of a severity, in row and field order, every column. */
    public List<Map<String, Object>> findingsOf(Severity severity) {
        return jdbc.queryForList("select * from finding where round = ? and severity = ? order by row_number, field",
                round, severity.name());
    }

    /**
     * Rows of a file with a REJECT finding (a file's or a center's findings are not
     * rows).
     */
    public long rejectedRows(String sourceFile) {
        return count("select count(distinct concat(sheet, '/', row_number)) from finding where round = ?"
                + " and source_file = ? and severity = 'REJECT' and row_number is not null", round, sourceFile);
    }

    /** The round's last job execution. */
    public long lastExecutionId() {
        return count("select max(e.job_execution_id) from batch_job_execution e join batch_job_execution_params p"
                + " on p.job_execution_id = e.job_execution_id where p.parameter_name = 'round'"
                + " and p.parameter_value = ?", String.valueOf(round));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

}
