package kr.seoul.sogong.outcomes.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The findings of a round, and the per-file counts of data_quality.csv (contract §5, §7).
 */
@Component
public class DataQuality {

    /** A file's row counts; rows_accepted = rows_read − rows_rejected. */
    public record FileQuality(String sourceFile, long rowsRead, long rowsRejected, long rowsWarned, boolean unreadable,
            long totalsRows) {
        public long rowsAccepted() {
            return rowsRead - rowsRejected;
        }

        /** The file stops the round at the quality gate (contract §7). */
        public boolean blocksGate(double maxRejectRate) {
            long rows = rowsRead - totalsRows;
            return unreadable || rows > 0 && (double) (rowsRejected - totalsRows) / rows > maxRejectRate;
        }
    }

    private final JdbcTemplate jdbc;

    private final IntakeStore store;

    public DataQuality(JdbcTemplate jdbc, IntakeStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Every finding of the round, in rejects.csv order, one at a time: sorted by the
     * database and read through a cursor, so memory does not grow with their number.
     * Contract §5's order: source_file, sheet, row_number (empty first), field, rule
     * (then message), in binary string order ({@code COLLATE
     * "C"} on PostgreSQL, H2's default), ties in the order found.
     */
    public void eachFinding(int round, Consumer<Finding> consumer) {
        eachFinding(round, FindingFilter.NONE, consumer);
    }

    /**
     * Which findings to show: each part null or blank for all. {@code center} keeps the
     * findings in that center's own results files (named {@code <code>_...} or under a
     * folder of its code) — a rejected survey row is not stored, so the center it names
     * is known only from its message.
     */
    public record FindingFilter(String file, String center, Rule rule, Severity severity) {

        public static final FindingFilter NONE = new FindingFilter(null, null, null, null);

        String where(List<Object> args, int round) {
            StringBuilder sql = new StringBuilder(" where round = ?");
            args.add(round);
            if (file != null && !file.isBlank()) {
                sql.append(" and source_file = ?");
                args.add(file);
            }
            if (center != null && !center.isBlank()) {
                sql.append(" and (source_file like ? or source_file like ?)");
                args.add("results/" + center + "\\_%");
                args.add("results/" + center + "/%");
            }
            if (rule != null) {
                sql.append(" and rule = ?");
                args.add(rule.name());
            }
            if (severity != null) {
                sql.append(" and severity = ?");
                args.add(severity.name());
            }
            return sql.toString();
        }

    }

    /** The filtered findings in rejects.csv order, streamed (the console's download). */
    public void eachFinding(int round, FindingFilter filter, Consumer<Finding> consumer) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(1000);
        List<Object> args = new ArrayList<>();
        cursor.query(FINDING_COLUMNS + filter.where(args, round) + order(),
                (RowCallbackHandler) rs -> consumer.accept(finding(rs)), args.toArray());
    }

    /** One page of the filtered findings, in rejects.csv order. */
    public List<Finding> findings(int round, FindingFilter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = FINDING_COLUMNS + filter.where(args, round) + order() + " limit ? offset ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, (rs, i) -> finding(rs), args.toArray());
    }

    public long count(int round, FindingFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from finding" + filter.where(args, round), Long.class,
                args.toArray());
    }

    private static final String FINDING_COLUMNS = "select source_file, sheet, row_number, field, val, rule,"
            + " severity, message, message_key, message_args from finding";

    private String order() {
        String c = store.postgres() ? " collate \"C\"" : "";
        return " order by source_file" + c + ", sheet" + c + ", coalesce(row_number, -1), field" + c + ", rule" + c
                + ", message" + c + ", id";
    }

    private static Finding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Finding(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4),
                rs.getString(5), Rule.valueOf(rs.getString(6)), Severity.valueOf(rs.getString(7)),
                Message.stored(rs.getString(9), rs.getString(10), rs.getString(8)));
    }

    /**
     * Per file: rows_rejected are rows with a REJECT, rows_warned rows with a WARN and no
     * REJECT; file- and center-level findings are not rows. Counted by the database, one
     * query each.
     */
    public List<FileQuality> quality(int round) {
        Map<String, Long> rejected = perFile("select source_file, count(*) from (select distinct source_file, sheet,"
                + " row_number from finding where round = ? and severity = 'REJECT' and row_number is not null) r"
                + " group by source_file", round);
        Map<String, Long> warned = perFile("select source_file, count(*) from (select distinct w.source_file, w.sheet,"
                + " w.row_number from finding w where w.round = ? and w.severity = 'WARN' and w.row_number is not null"
                + " and not exists (select 1 from finding r where r.round = w.round and r.source_file = w.source_file"
                + " and r.sheet = w.sheet and r.row_number = w.row_number and r.severity = 'REJECT')) w"
                + " group by source_file", round);
        // a totals row is left out, but is no error in the data: the gate does not count
        // it (contract §9)
        Map<String, Long> totals = perFile("select source_file, count(*) from finding"
                + " where round = ? and rule = 'TOTALS_ROW' group by source_file", round);
        List<FileQuality> quality = new ArrayList<>();
        for (IntakeStore.StoredFile file : store.allFiles(round)) {
            quality.add(new FileQuality(file.sourceFile(), file.rowsRead(),
                    rejected.getOrDefault(file.sourceFile(), 0L), warned.getOrDefault(file.sourceFile(), 0L),
                    file.unreadable(), totals.getOrDefault(file.sourceFile(), 0L)));
        }
        quality.sort(Comparator.comparing(FileQuality::sourceFile));
        return quality;
    }

    private Map<String, Long> perFile(String sql, int round) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), round);
        return counts;
    }

}
