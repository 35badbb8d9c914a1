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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Stores and loads the outcome tables of one job execution. */
@Repository
public class OutcomeStore {

    static final List<String> TABLES = List.of("participation_by_center", "satisfaction_by_center", "kpi_by_center",
            "budget_by_center", "needs_by_center", "yoy_by_center", "outcome_run");

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    public OutcomeStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Replaces whatever this execution stored before (a restarted step stores again). */
    public void save(OutcomeTables t) {
        long id = t.jobExecutionId();
        delete(id);
        jdbc.update("insert into outcome_run (job_execution_id, round, computed_at) values (?, ?, ?)", id, t.round(),
                Timestamp.valueOf(LocalDateTime.now()));
        insert("participation_by_center", t, t.participation(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("center_name", r.centerName());
            v.put("target_firms", r.targetFirms());
            v.put("supported_firms", r.supportedFirms());
            v.put("completed_firms", r.completedFirms());
            v.put("completion_rate_pct", r.completionRatePct());
            v.put("survey_responses", r.surveyResponses());
            v.put("participant_responses", r.participantResponses());
            v.put("response_rate_pct", r.responseRatePct());
            return v;
        });
        insert("satisfaction_by_center", t, t.satisfaction(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("item", r.item().code());
            v.put("n", r.n());
            v.put("mean", r.mean());
            v.put("ci95_low", r.ci95Low());
            v.put("ci95_high", r.ci95High());
            v.put("top2_pct", r.top2Pct());
            v.put("score100", r.score100());
            v.put("suppressed", r.suppressed());
            return v;
        });
        insert("kpi_by_center", t, t.kpi(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("firms_with_sales", r.firmsWithSales());
            v.put("sales_growth_median_pct", r.salesGrowthMedianPct());
            v.put("new_clients_total", r.newClientsTotal());
            v.put("new_orders_total", r.newOrdersTotal());
            v.put("online_listed_firms", r.onlineListedFirms());
            v.put("patterns_total", r.patternsTotal());
            v.put("education_hours_total", r.educationHoursTotal());
            return v;
        });
        insert("budget_by_center", t, t.budget(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("budget_cap_krw", r.budgetCapKrw());
            v.put("planned_krw", r.plannedKrw());
            v.put("executed_krw", r.executedKrw());
            v.put("execution_rate_pct", r.executionRatePct());
            v.put("over_cap", r.overCap());
            return v;
        });
        insert("needs_by_center", t, t.needs(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("need_order", Need.of(r.need()).orElseThrow().ordinal());
            v.put("need", r.need());
            v.put("response_count", r.count());
            v.put("share_pct", r.sharePct());
            return v;
        });
        insert("yoy_by_center", t, t.yoy(), r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("center_code", r.centerCode());
            v.put("metric_order", r.metric().ordinal());
            v.put("metric", r.metric().code());
            v.put("current_value", r.current());
            v.put("previous_value", r.previous());
            v.put("delta", r.delta());
            return v;
        });
    }

    /**
     * Inserts a table's rows under the execution and round, naming every column: a
     * migration that adds a column with a default does not break it, one that renames a
     * column fails here by name.
     */
    private <T> void insert(String table, OutcomeTables t, List<T> rows, Function<T, Map<String, Object>> columns) {
        if (rows.isEmpty()) {
            return;
        }
        SqlParameterSource[] batch = new SqlParameterSource[rows.size()];
        List<String> names = List.of();
        for (int i = 0; i < batch.length; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("job_execution_id", t.jobExecutionId());
            values.put("round", t.round());
            values.putAll(columns.apply(rows.get(i)));
            names = List.copyOf(values.keySet());
            batch[i] = new MapSqlParameterSource(values);
        }
        named.batchUpdate("insert into " + table + " (" + String.join(", ", names) + ") values ("
                + names.stream().map(n -> ":" + n).collect(Collectors.joining(", ")) + ")", batch);
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
