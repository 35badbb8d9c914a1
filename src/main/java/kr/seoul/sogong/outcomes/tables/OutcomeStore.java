package kr.seoul.sogong.outcomes.tables;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Budget;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Kpi;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.NeedShare;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Participation;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.YearOverYear;
import kr.seoul.sogong.outcomes.rows.Need;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores and loads the outcome tables of one job execution. */
@Repository
public class OutcomeStore {

    static final List<String> TABLES = List.of("participation_by_center", "satisfaction_by_center", "kpi_by_center",
            "budget_by_center", "needs_by_center", "yoy_by_center", "outcome_run");

    private final JdbcTemplate jdbc;

    public OutcomeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces whatever this execution stored before (a restarted step stores again). */
    public void save(OutcomeTables t) {
        long id = t.jobExecutionId();
        delete(id);
        jdbc.update("insert into outcome_run (job_execution_id, round, computed_at) values (?, ?, ?)", id, t.round(),
                Timestamp.valueOf(LocalDateTime.now()));
        jdbc.batchUpdate("insert into participation_by_center values (?,?,?,?,?,?,?,?,?,?,?)", t.participation(), 100,
                (ps, r) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, t.round());
                    ps.setString(3, r.centerCode());
                    ps.setString(4, r.centerName());
                    ps.setInt(5, r.targetFirms());
                    ps.setInt(6, r.supportedFirms());
                    ps.setInt(7, r.completedFirms());
                    ps.setBigDecimal(8, r.completionRatePct());
                    ps.setInt(9, r.surveyResponses());
                    ps.setInt(10, r.participantResponses());
                    ps.setBigDecimal(11, r.responseRatePct());
                });
        jdbc.batchUpdate("insert into satisfaction_by_center values (?,?,?,?,?,?,?,?,?,?,?)", t.satisfaction(), 100,
                (ps, r) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, t.round());
                    ps.setString(3, r.centerCode());
                    ps.setString(4, r.item().code());
                    ps.setInt(5, r.n());
                    ps.setBigDecimal(6, r.mean());
                    ps.setBigDecimal(7, r.ci95Low());
                    ps.setBigDecimal(8, r.ci95High());
                    ps.setBigDecimal(9, r.top2Pct());
                    ps.setBigDecimal(10, r.score100());
                    ps.setBoolean(11, r.suppressed());
                });
        jdbc.batchUpdate("insert into kpi_by_center values (?,?,?,?,?,?,?,?,?,?)", t.kpi(), 100, (ps, r) -> {
            ps.setLong(1, id);
            ps.setInt(2, t.round());
            ps.setString(3, r.centerCode());
            ps.setInt(4, r.firmsWithSales());
            ps.setBigDecimal(5, r.salesGrowthMedianPct());
            ps.setLong(6, r.newClientsTotal());
            ps.setLong(7, r.newOrdersTotal());
            ps.setInt(8, r.onlineListedFirms());
            ps.setLong(9, r.patternsTotal());
            ps.setBigDecimal(10, r.educationHoursTotal());
        });
        jdbc.batchUpdate("insert into budget_by_center values (?,?,?,?,?,?,?,?)", t.budget(), 100, (ps, r) -> {
            ps.setLong(1, id);
            ps.setInt(2, t.round());
            ps.setString(3, r.centerCode());
            ps.setLong(4, r.budgetCapKrw());
            ps.setLong(5, r.plannedKrw());
            ps.setLong(6, r.executedKrw());
            ps.setBigDecimal(7, r.executionRatePct());
            ps.setBoolean(8, r.overCap());
        });
        List<NeedShare> needs = t.needs();
        jdbc.batchUpdate("insert into needs_by_center values (?,?,?,?,?,?,?)", needs, 100, (ps, r) -> {
            ps.setLong(1, id);
            ps.setInt(2, t.round());
            ps.setString(3, r.centerCode());
            ps.setInt(4, Need.of(r.need()).orElseThrow().ordinal());
            ps.setString(5, r.need());
            ps.setInt(6, r.count());
            ps.setBigDecimal(7, r.sharePct());
        });
        List<YearOverYear> yoy = t.yoy();
        jdbc.batchUpdate("insert into yoy_by_center values (?,?,?,?,?,?,?,?)", yoy, 100, (ps, r) -> {
            ps.setLong(1, id);
            ps.setInt(2, t.round());
            ps.setString(3, r.centerCode());
            ps.setInt(4, r.metric().ordinal());
            ps.setString(5, r.metric().code());
            ps.setBigDecimal(6, r.current());
            ps.setBigDecimal(7, r.previous());
            ps.setBigDecimal(8, r.delta());
        });
    }

    /** Center order: by code, ALL last. */
    private static final String CENTER_ORDER = "case when center_code = 'ALL' then 1 else 0 end, center_code";

    public OutcomeTables load(int round, long id) {
        List<Participation> participation = jdbc.query(
                "select * from participation_by_center where job_execution_id = ?" + " order by " + CENTER_ORDER,
                (rs, i) -> new Participation(rs.getString("center_code"), rs.getString("center_name"),
                        rs.getInt("target_firms"), rs.getInt("supported_firms"), rs.getInt("completed_firms"),
                        rs.getBigDecimal("completion_rate_pct"), rs.getInt("survey_responses"),
                        rs.getInt("participant_responses"), rs.getBigDecimal("response_rate_pct")),
                id);
        List<Satisfaction> satisfaction = jdbc.query(
                "select * from satisfaction_by_center where job_execution_id = ?" + " order by " + CENTER_ORDER
                        + ", item",
                (rs, i) -> new Satisfaction(rs.getString("center_code"),
                        SurveyItem.ofCode(rs.getString("item")).orElseThrow(), rs.getInt("n"), rs.getBigDecimal("mean"),
                        rs.getBigDecimal("ci95_low"), rs.getBigDecimal("ci95_high"), rs.getBigDecimal("top2_pct"),
                        rs.getBigDecimal("score100"), rs.getBoolean("suppressed")),
                id);
        List<Kpi> kpi = jdbc.query("select * from kpi_by_center where job_execution_id = ? order by " + CENTER_ORDER,
                (rs, i) -> new Kpi(rs.getString("center_code"), rs.getInt("firms_with_sales"),
                        rs.getBigDecimal("sales_growth_median_pct"), rs.getLong("new_clients_total"),
                        rs.getLong("new_orders_total"), rs.getInt("online_listed_firms"), rs.getLong("patterns_total"),
                        rs.getBigDecimal("education_hours_total")),
                id);
        List<Budget> budget = jdbc.query(
                "select * from budget_by_center where job_execution_id = ? order by " + CENTER_ORDER,
                (rs, i) -> new Budget(rs.getString("center_code"), rs.getLong("budget_cap_krw"),
                        rs.getLong("planned_krw"), rs.getLong("executed_krw"), rs.getBigDecimal("execution_rate_pct"),
                        rs.getBoolean("over_cap")),
                id);
        List<NeedShare> needs = jdbc.query(
                "select * from needs_by_center where job_execution_id = ? order by " + CENTER_ORDER + ", need_order",
                (rs, i) -> new NeedShare(rs.getString("center_code"), rs.getString("need"), rs.getInt("response_count"),
                        rs.getBigDecimal("share_pct")),
                id);
        List<YearOverYear> yoy = jdbc.query(
                "select * from yoy_by_center where job_execution_id = ? order by " + CENTER_ORDER + ", metric_order",
                (rs, i) -> new YearOverYear(rs.getString("center_code"), YoyMetric.ofCode(rs.getString("metric")),
                        rs.getBigDecimal("current_value"), rs.getBigDecimal("previous_value"),
                        rs.getBigDecimal("delta")),
                id);
        return new OutcomeTables(round, id, participation, satisfaction, kpi, budget, needs, yoy);
    }

    /** A round's outcome tables as stored by one job execution. */
    public record StoredRun(int round, long jobExecutionId) {
    }

    /**
     * The highest round before this one that has stored tables, with its latest
     * execution.
     */
    public Optional<StoredRun> previousRound(int round) {
        List<StoredRun> rows = jdbc.query(
                "select round, job_execution_id from latest_outcome_run where round < ?" + " order by round desc",
                (rs, i) -> new StoredRun(rs.getInt(1), rs.getLong(2)), round);
        return rows.stream().findFirst();
    }

    /**
     * Deletes the tables one job execution stored (the purge of old runs); returns the
     * rows deleted.
     */
    public int delete(long jobExecutionId) {
        int deleted = 0;
        for (String table : TABLES) {
            deleted += jdbc.update("delete from " + table + " where job_execution_id = ?", jobExecutionId);
        }
        return deleted;
    }

}
