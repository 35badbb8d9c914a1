package kr.seoul.sogong.outcomes.store;

import java.util.List;
import java.util.function.Consumer;
import kr.seoul.sogong.outcomes.rows.RowTable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cross_row_verdict} table: the rows the rules across rows set apart, listed
 * by place, so the outcome tables leave them out without scanning the row tables' flags.
 * The only class with SQL on it.
 */
@Repository
public class VerdictStore {

    private static final String INSERT = """
            insert into cross_row_verdict (round, row_table, source_file, sheet_index, row_number, rejected)
            values (:round, :table, :sourceFile, :sheetIndex, :rowNumber, :rejected)""";

    private static final String SELECT = "select row_table, source_file, sheet_index, row_number, rejected"
            + " from cross_row_verdict where round = :round";

    private static final String DELETE_OF_ROUND = "delete from cross_row_verdict where round = :round";

    private static final String DELETE_OF_FILE = "delete from cross_row_verdict where round = :round"
            + " and source_file = :file";

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batches;

    public VerdictStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public void insert(int round, List<Verdict> verdicts) {
        SqlParameterSource[] rows = new SqlParameterSource[verdicts.size()];
        for (int i = 0; i < rows.length; i++) {
            Verdict v = verdicts.get(i);
            rows[i] = new MapSqlParameterSource().addValue("round", round)
                .addValue("table", v.table().sqlName())
                .addValue("sourceFile", v.sourceFile())
                .addValue("sheetIndex", v.sheetIndex())
                .addValue("rowNumber", v.rowNumber())
                .addValue("rejected", v.rejected());
        }
        batches.batchUpdate(INSERT, rows);
    }

    /** Each verdict of the round. */
    public void each(int round, Consumer<Verdict> consumer) {
        jdbc.sql(SELECT)
            .param("round", round)
            .query((RowCallbackHandler) rs -> consumer
                .accept(new Verdict(RowTable.ofSqlName(rs.getString("row_table")), rs.getString("source_file"),
                        rs.getInt("sheet_index"), rs.getInt("row_number"), rs.getBoolean("rejected"))));
    }

    /** The rules across rows judge the round afresh each time they run. */
    public void forgetRound(int round) {
        jdbc.sql(DELETE_OF_ROUND).param("round", round).update();
    }

    /**
     * Each verdict of the round, as its key (the row's table and place), in place order.
     */
    public void eachKeyOfRound(int round, Consumer<String> key) {
        jdbc.sql("select row_table, source_file, sheet_index, row_number from cross_row_verdict where round = :round"
                + " order by row_table, source_file, sheet_index, row_number")
            .param("round", round)
            .query((RowCallbackHandler) rs -> key.accept("cross_row_verdict " + rs.getString(1) + " " + rs.getString(2)
                    + " " + rs.getInt(3) + " " + rs.getInt(4)));
    }

    public void forgetFile(int round, String sourceFile) {
        jdbc.sql(DELETE_OF_FILE).param("round", round).param("file", sourceFile).update();
    }

}
