package kr.seoul.sogong.outcomes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code finding} table: every finding of every rule, single-row and across rows, and
 * the counts the data quality and the run summaries are made of. The only class with SQL
 * on it.
 */
@Repository
public class FindingStore {

    private static final String INSERT = """
            insert into finding (round, source_file, sheet, row_number, field, val, rule, severity, message,
                                 cross_row, message_key, message_args)
            values (:round, :sourceFile, :sheet, :rowNumber, :field, :value, :rule, :severity, :message,
                    :crossRow, :messageKey, :messageArgs)""";

    private static final String SELECT = "select source_file, sheet, row_number, field, val, rule, severity, message,"
            + " message_key, message_args from finding";

    private static final String COUNT_BY_SEVERITY = "select cross_row, severity, count(*) as n from finding"
            + " where round = :round group by cross_row, severity";

    private static final String DELETE_FOLDER_NOTES = "delete from finding where round = :round and rule in (:rules)";

    private static final String DELETE_CROSS_ROW = "delete from finding where round = :round and cross_row = true";

    private static final String DELETE_OF_FILE = "delete from finding where round = :round and source_file = :file";

    private static final String DELETE_OF_ROUND = "delete from finding where round = :round";

    /** Rows (not files or centers) with a REJECT, per file. */
    private static final String REJECTED_ROWS = """
            select source_file, count(*) as n from (select distinct source_file, sheet, row_number from finding
             where round = :round and severity = 'REJECT' and row_number is not null) r group by source_file""";

    /** Rows with a WARN and no REJECT, per file. */
    // grouped, not a correlated NOT EXISTS: that one read every finding of the file for
    // each warning (H2 has no index by row), minutes for 20,000 warned rows of one file
    private static final String WARNED_ROWS = """
            select source_file, count(*) as n from (select source_file, sheet, row_number from finding
              where round = :round and severity in ('WARN', 'REJECT') and row_number is not null
              group by source_file, sheet, row_number
              having max(case when severity = 'REJECT' then 1 else 0 end) = 0) w
             group by source_file""";

    private static final String OF_RULE_PER_FILE = "select source_file, count(*) as n from finding"
            + " where round = :round and rule = :rule group by source_file";

    private static final String FIRST_MESSAGES_OF_RULE = "select source_file, message from finding"
            + " where round = :round and rule = :rule order by id";

    /** Findings by severity. */
    public record FindingCount(long rejects, long warnings) {
        public FindingCount plus(FindingCount other) {
            return new FindingCount(rejects + other.rejects, warnings + other.warnings);
        }
    }

    /**
     * A round's findings from the single-row rules (found while ingesting) and from the
     * rules across rows.
     */
    public record FindingCounts(FindingCount singleRow, FindingCount crossRow) {
        public FindingCount total() {
            return singleRow.plus(crossRow);
        }
    }

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batches;

    private final Dialect dialect;

    public FindingStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Dialect dialect) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dialect = dialect;
    }

    public void insert(int round, List<Finding> findings, boolean crossRow) {
        SqlParameterSource[] rows = new SqlParameterSource[findings.size()];
        for (int i = 0; i < rows.length; i++) {
            Finding f = findings.get(i);
            String text = f.text();
            String args = f.message().storedArgs();
            rows[i] = new MapSqlParameterSource().addValue("round", round)
                .addValue("sourceFile", f.sourceFile())
                .addValue("sheet", f.sheet())
                .addValue("rowNumber", f.rowNumber(), java.sql.Types.INTEGER)
                .addValue("field", f.field())
                .addValue("value", f.value())
                .addValue("rule", f.rule().name())
                .addValue("severity", f.severity().name())
                // the columns' limits
                .addValue("message", text.length() > 1000 ? text.substring(0, 1000) : text)
                .addValue("crossRow", crossRow)
                .addValue("messageKey", f.message().key())
                .addValue("messageArgs", args.length() > 2000 ? args.substring(0, 2000) : args);
        }
        batches.batchUpdate(INSERT, rows);
    }

    /**
     * The round-level findings about its folder (contract §8), replaced on every
     * admission.
     */
    public void replaceFolderNotes(int round, List<Finding> notes) {
        jdbc.sql(DELETE_FOLDER_NOTES)
            .param("round", round)
            .param("rules", List.of(Rule.NOT_READ.name(), Rule.EMPTY_FOLDER.name()))
            .update();
        insert(round, notes, false);
    }

    /**
     * Forgets the findings of the rules across rows, which judge the round afresh;
     * returns how many.
     */
    public int deleteCrossRow(int round) {
        return jdbc.sql(DELETE_CROSS_ROW).param("round", round).update();
    }

    /** Forgets a file's findings (the file changed or went). */
    public void forgetFile(int round, String sourceFile) {
        jdbc.sql(DELETE_OF_FILE).param("round", round).param("file", sourceFile).update();
    }

    /** Each finding of the round, as its key ({@code finding <id>}), by id. */
    public void eachKeyOfRound(int round, Consumer<String> key) {
        jdbc.sql("select id from finding where round = :round order by id")
            .param("round", round)
            .query((RowCallbackHandler) rs -> key.accept("finding " + rs.getLong(1)));
    }

    /** Forgets every finding of a round (its centers changed, or its retention ended). */
    public void forgetRound(int round) {
        jdbc.sql(DELETE_OF_ROUND).param("round", round).update();
    }

    /**
     * A round's findings by severity, from the single-row rules and the rules across
     * rows.
     */
    public FindingCounts counts(int round) {
        // [cross_row][REJECT, WARN], from one group by
        long[][] counts = new long[2][2];
        jdbc.sql(COUNT_BY_SEVERITY)
            .param("round", round)
            .query((RowCallbackHandler) rs -> counts[rs.getBoolean("cross_row") ? 1 : 0]["REJECT"
                .equals(rs.getString("severity")) ? 0 : 1] += rs.getLong("n"));
        return new FindingCounts(new FindingCount(counts[0][0], counts[0][1]),
                new FindingCount(counts[1][0], counts[1][1]));
    }

    /**
     * The filtered findings in rejects.csv order, one at a time through a cursor, so
     * memory does not grow with their number. Contract §5's order: source_file, sheet,
     * row_number (empty first), field, rule (then message), in binary string order, ties
     * in the order found.
     */
    public void each(int round, FindingFilter filter, Consumer<Finding> consumer) {
        Map<String, Object> params = new HashMap<>();
        jdbc.sql(SELECT + filter.where(params, round) + order())
            .params(params)
            .withFetchSize(1000)
            .query((RowCallbackHandler) rs -> consumer.accept(finding(rs)));
    }

    /** One page of the filtered findings, in rejects.csv order. */
    public List<Finding> page(int round, FindingFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = SELECT + filter.where(params, round) + order() + " limit :limit offset :offset";
        return jdbc.sql(sql)
            .params(params)
            .param("limit", limit)
            .param("offset", offset)
            .query((RowMapper<Finding>) (rs, i) -> finding(rs))
            .list();
    }

    public long count(int round, FindingFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from finding" + filter.where(params, round))
            .params(params)
            .query(Long.class)
            .single();
    }

    /** Per file, the rows with a REJECT. */
    public Map<String, Long> rejectedRowsPerFile(int round) {
        return perFile(jdbc.sql(REJECTED_ROWS).param("round", round));
    }

    /** Per file, the rows with a WARN and no REJECT. */
    public Map<String, Long> warnedRowsPerFile(int round) {
        return perFile(jdbc.sql(WARNED_ROWS).param("round", round));
    }

    /** Per file, the findings under one rule. */
    public Map<String, Long> perFile(int round, Rule rule) {
        return perFile(jdbc.sql(OF_RULE_PER_FILE).param("round", round).param("rule", rule.name()));
    }

    /** Per file, the first message stored under one rule (why a file is UNREADABLE). */
    public Map<String, String> firstMessagePerFile(int round, Rule rule) {
        Map<String, String> messages = new LinkedHashMap<>();
        jdbc.sql(FIRST_MESSAGES_OF_RULE)
            .param("round", round)
            .param("rule", rule.name())
            .query((RowCallbackHandler) rs -> messages.putIfAbsent(rs.getString("source_file"),
                    rs.getString("message")));
        return messages;
    }

    private static Map<String, Long> perFile(JdbcClient.StatementSpec query) {
        Map<String, Long> counts = new HashMap<>();
        query.query((RowCallbackHandler) rs -> counts.put(rs.getString("source_file"), rs.getLong("n")));
        return counts;
    }

    private String order() {
        String c = dialect.binaryCollation();
        return " order by source_file" + c + ", sheet" + c + ", coalesce(row_number, -1), field" + c + ", rule" + c
                + ", message" + c + ", id";
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getString("source_file"), rs.getString("sheet"),
                rs.getObject("row_number", Integer.class), rs.getString("field"), rs.getString("val"),
                Rule.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity")),
                Message.stored(rs.getString("message_key"), rs.getString("message_args"), rs.getString("message")));
    }

}
