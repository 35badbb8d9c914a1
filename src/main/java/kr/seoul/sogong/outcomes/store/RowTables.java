package kr.seoul.sogong.outcomes.store;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import kr.seoul.sogong.outcomes.rows.RowTable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The four row tables ({@link RowTable}): the accepted rows as the ingest stores them,
 * the marks the rules across rows set on them, and the few reads that still need the rows
 * themselves (the budget, whose lines have no digests; a results file's centers; the
 * digests of rows stored before digests were). The only class with SQL on them.
 */
@Repository
public class RowTables {

    /** Every row table's first columns: where the row comes from. */
    public static final List<String> ROW_KEY = List.of("round", "source_file", "sheet_index", "sheet", "row_number");

    private static final String BUDGET_BY_SHEET = "select center_code, source_file, sheet,"
            + " sum(planned_krw) as planned from budget_line where round = :round"
            + " group by center_code, source_file, sheet";

    private static final String BUDGET_BY_CENTER = "select center_code, sum(planned_krw) as planned,"
            + " sum(executed_krw) as executed from budget_line where round = :round group by center_code";

    /**
     * The sales of the accepted outcomes rows (whose growth counts is the tables' to
     * say).
     */
    private static final String SALES_OF_ACCEPTED_OUTCOMES = "select center_code, sales_before_k, sales_after_k"
            + " from outcome where round = :round and accepted = true";

    private static final String CENTERS_OF_FILE = """
            select center_code from (select center_code, count(*) n from (
                select center_code from participant where round = :round and source_file = :file union all
                select center_code from outcome where round = :round and source_file = :file union all
                select center_code from budget_line where round = :round and source_file = :file) r
             group by center_code) c order by n desc, center_code""";

    private static final String RESET_SURVEY_STRANGERS = "update survey_response set participant = true"
            + " where round = :round and participant = false";

    /** A center's budget lines of one file and sheet, summed. */
    public record BudgetSheet(String centerCode, String sourceFile, String sheet, long planned) {
    }

    /** A center's budget lines, summed. */
    public record BudgetSum(String centerCode, long planned, long executed) {
    }

    /** Takes the sales of one accepted outcomes row. */
    public interface SalesReader {

        void sales(String centerCode, BigDecimal beforeK, BigDecimal afterK);

    }

    /** Takes one stored row (digests built from the rows). */
    public interface StoredRowReader {

        void row(ResultSet rs) throws SQLException;

    }

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    private final NamedParameterJdbcTemplate namedBatches;

    private final Dialect dialect;

    public RowTables(JdbcClient jdbc, JdbcTemplate batches, NamedParameterJdbcTemplate namedBatches, Dialect dialect) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.namedBatches = namedBatches;
        this.dialect = dialect;
    }

    /**
     * Stores a chunk's rows of one table, in the chunk's transaction: on PostgreSQL
     * through {@code COPY ... FROM STDIN} on the transaction's own connection (several
     * times faster than batched INSERTs, measured in docs/benchmarks.md), elsewhere
     * through one JDBC batch; {@code columns} name every value of a row, the row key
     * first.
     */
    public void insert(RowTable table, List<String> columns, List<Object[]> rows) throws Exception {
        String columnList = String.join(", ", columns);
        if (dialect.postgres()) {
            StringBuilder csv = new StringBuilder(rows.size() * 160);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    appendCsv(csv, row[i]);
                }
                csv.append('\n');
            }
            DataSource ds = Objects.requireNonNull(batches.getDataSource(), "the template has its data source");
            // the chunk transaction's connection
            Connection c = DataSourceUtils.getConnection(ds);
            try {
                c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table.sqlName() + " (" + columnList + ") FROM STDIN WITH (FORMAT csv)",
                            new StringReader(csv.toString()));
            }
            finally {
                DataSourceUtils.releaseConnection(c, ds);
            }
            return;
        }
        String marks = String.join(",", Collections.nCopies(columns.size(), "?"));
        batches.batchUpdate("insert into " + table.sqlName() + " (" + columnList + ") values (" + marks + ")", rows,
                rows.size(), (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
    }

    /**
     * CSV as COPY reads it: unquoted empty is NULL, text always quoted (so "" stays an
     * empty string).
     */
    static void appendCsv(StringBuilder csv, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            csv.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
        else if (v instanceof Boolean b) {
            csv.append(b ? 't' : 'f');
        }
        else if (v instanceof BigDecimal d) {
            csv.append(d.toPlainString());
        }
        else {
            // numbers, ISO dates and date-times
            csv.append(v);
        }
    }

    /** Clears the marks of the rules across rows, which judge the round afresh. */
    public void resetMarks(int round) {
        for (RowTable table : RowTable.DIGESTED) {
            jdbc.sql("update " + table.sqlName() + " set accepted = true where round = :round and accepted = false")
                .param("round", round)
                .update();
        }
        jdbc.sql(RESET_SURVEY_STRANGERS).param("round", round).update();
    }

    /**
     * Marks the rows the verdicts name: rejected ({@code accepted = false}), or a survey
     * respondent who is not a participant ({@code participant = false}).
     */
    public void mark(int round, List<Verdict> verdicts) {
        List<Verdict> rejected = verdicts.stream().filter(Verdict::rejected).toList();
        List<Verdict> strangers = verdicts.stream().filter(v -> !v.rejected()).toList();
        mark(round, "accepted = false", rejected);
        // only the survey has a participant column
        mark(round, "participant = false", strangers);
    }

    private void mark(int round, String assignment, List<Verdict> verdicts) {
        for (RowTable table : RowTable.values()) {
            List<Verdict> of = verdicts.stream().filter(v -> v.table() == table).toList();
            if (of.isEmpty()) {
                continue;
            }
            SqlParameterSource[] rows = new SqlParameterSource[of.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new MapSqlParameterSource().addValue("round", round)
                    .addValue("file", of.get(i).sourceFile())
                    .addValue("sheetIndex", of.get(i).sheetIndex())
                    .addValue("rowNumber", of.get(i).rowNumber());
            }
            namedBatches.batchUpdate("update " + table.sqlName() + " set " + assignment
                    + " where round = :round and source_file = :file and sheet_index = :sheetIndex"
                    + " and row_number = :rowNumber", rows);
        }
    }

    /** Each center's budget per file and sheet. */
    public List<BudgetSheet> budgetBySheet(int round) {
        return jdbc.sql(BUDGET_BY_SHEET).param("round", round).query(BudgetSheet.class).list();
    }

    /** Each center's budget, summed over its lines. */
    public List<BudgetSum> budgetByCenter(int round) {
        return jdbc.sql(BUDGET_BY_CENTER).param("round", round).query(BudgetSum.class).list();
    }

    /** The sales of the round's accepted outcomes rows. */
    public void eachSalesOfAcceptedOutcomes(int round, SalesReader reader) {
        // millions of rows one by one: PostgreSQL streams them through a cursor only
        // with a fetch size (inside a transaction, as every step and side scan is);
        // without one its driver held a 5M round's rows at once and ran out of a 512 MB
        // heap
        jdbc.sql(SALES_OF_ACCEPTED_OUTCOMES)
            .param("round", round)
            .withFetchSize(10_000)
            .query((RowCallbackHandler) rs -> reader.sales(rs.getString("center_code"),
                    rs.getBigDecimal("sales_before_k"), rs.getBigDecimal("sales_after_k")));
    }

    /** The centers a results file's stored rows name, the most named first. */
    public List<String> centersOfFile(int round, String sourceFile) {
        return jdbc.sql(CENTERS_OF_FILE).param("round", round).param("file", sourceFile).query(String.class).list();
    }

    /**
     * A page of a file's stored rows of a table in place order (the index by file, sheet
     * and row), after the place {@code (sheetIndex, rowNumber)}.
     */
    public void pageAfter(RowTable table, int round, String sourceFile, int sheetIndex, int rowNumber, int page,
            StoredRowReader reader) {
        jdbc.sql("select * from " + table.sqlName()
                + " where round = :round and source_file = :file and (sheet_index, row_number) > (:sheetIndex,"
                + " :rowNumber) order by round, source_file, sheet_index, row_number fetch first " + page
                + " rows only")
            .param("round", round)
            .param("file", sourceFile)
            .param("sheetIndex", sheetIndex)
            .param("rowNumber", rowNumber)
            .query((RowCallbackHandler) reader::row);
    }

    public void forgetFile(int round, String sourceFile) {
        for (RowTable table : RowTable.values()) {
            jdbc.sql("delete from " + table.sqlName() + " where round = :round and source_file = :file")
                .param("round", round)
                .param("file", sourceFile)
                .update();
        }
    }

    /**
     * Each row of the round in the table, as its key ({@code
     *
    <table>
     *  <id>}), by id.
     */
    public void eachKeyOfRound(int round, RowTable table, Consumer<String> key) {
        jdbc.sql("select id from " + table.sqlName() + " where round = :round order by id")
            .param("round", round)
            .query((RowCallbackHandler) rs -> key.accept(table.sqlName() + " " + rs.getLong(1)));
    }

    public void forgetRound(int round) {
        for (RowTable table : RowTable.values()) {
            jdbc.sql("delete from " + table.sqlName() + " where round = :round").param("round", round).update();
        }
    }

}
