package kr.seoul.sogong.outcomes.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.intake.Center;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Budget;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Kpi;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.NeedShare;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Participation;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.scans.SideScans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes the outcome tables of contract §4 from the accepted rows of a round. The
 * database groups, counts and sums; Java finishes what needs exact arithmetic (means and
 * variances from integer sums, the median, the t quantile from Commons Math). Every ALL
 * figure is recomputed from pooled counts and sums, never averaged over centers.
 */
@Component
public class OutcomeCalculator {

    public static final List<String> ITEMS = List.of("q1", "q2", "q3", "q4", "q5", "q6");

    private final JdbcTemplate jdbc;

    private final IntakeStore intake;

    private final SideScans scans;

    private static final int FETCH = 10_000;

    /**
     * The rows whose sales growth counts: accepted, sales before above zero, after given
     * (the KPI table's median and the year over year's).
     */
    private static final String SALES_ROWS = "select center_code, sales_before_k, sales_after_k from outcome"
            + " where round = ? and accepted = true and sales_before_k > 0 and sales_after_k is not null";

    public OutcomeCalculator(JdbcTemplate jdbc, IntakeStore intake, SideScans scans) {
        // the sales rows are read one by one, millions of them: PostgreSQL streams them
        // through a cursor only with a fetch size (inside a transaction, as every step
        // and side scan is); without one its driver held the 5M round's rows at once and
        // ran out of a 512 MB heap
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.intake = intake;
        this.scans = scans;
    }

    public OutcomeTables compute(int round, long jobExecutionId, int minCell, List<OutcomeTables.YearOverYear> yoy) {
        List<Center> centers = intake.centers(round);
        // one scan per table: a national round is millions of rows, and each scan costs
        // seconds on H2; the outcomes' three on the second core, beside the others
        SideScans.Scan<OutcomeSums> outcomeScan = scans.start("outcomes", () -> outcomeSums(round));
        Map<String, BigDecimal> hours = new HashMap<>();
        Map<String, long[]> firms = new HashMap<>();
        jdbc.query("select center_code, count(*), count(case when completed = true then 1 end),"
                + " coalesce(sum(education_hours), 0) from participant where round = ? and accepted = true"
                + " group by center_code", rs -> {
                    // DUPLICATE leaves one accepted row per center and firm: counting
                    // rows counts firms
                    firms.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                    hours.put(rs.getString(1), rs.getBigDecimal(4));
                }, round);
        Map<String, long[]> survey = counts(surveySql(), SURVEY_WIDTH, round);
        return new OutcomeTables(round, jobExecutionId, participation(centers, firms, survey),
                satisfaction(centers, survey, minCell), kpi(centers, hours, outcomeScan.result()),
                budget(round, centers), needs(centers, survey), yoy);
    }

    /**
     * Survey columns: responses, participant responses, then n, Σx, Σx², top-2 for
     * q1..q6, then each need.
     */
    private static final int SURVEY_WIDTH = 2 + 6 * 4 + Need.values().length;

    private static final int ITEMS_AT = 2;

    private static final int NEEDS_AT = 2 + 6 * 4;

    private static String surveySql() {
        // survey_response.participant is set by the rules across rows (NOT_PARTICIPANT)
        StringBuilder sql = new StringBuilder(
                "select center_code, count(*), count(case when participant = true then 1 end)");
        for (String q : ITEMS) {
            String valid = "case when " + q + " between 1 and 5 then " + q + " end";
            sql.append(", count(")
                .append(valid)
                .append(")")
                .append(", coalesce(sum(")
                .append(valid)
                .append("), 0)")
                .append(", coalesce(sum(case when ")
                .append(q)
                .append(" between 1 and 5 then ")
                .append(q)
                .append(" * ")
                .append(q)
                .append(" end), 0)")
                .append(", count(case when ")
                .append(q)
                .append(" in (4, 5) then 1 end)");
        }
        for (Need n : Need.values()) {
            sql.append(", count(case when ").append(n.column()).append(" = true then 1 end)");
        }
        return sql.append(" from survey_response where round = ? and accepted = true group by center_code").toString();
    }

    /** Counts by center; missing centers count 0. */
    private Map<String, long[]> counts(String sql, int width, Object... args) {
        Map<String, long[]> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            long[] v = new long[width];
            for (int i = 0; i < width; i++) {
                v[i] = rs.getLong(i + 2);
            }
            out.put(rs.getString(1), v);
        }, args);
        return out;
    }

    private static long[] sum(Map<String, long[]> byCenter, int width) {
        long[] total = new long[width];
        for (long[] v : byCenter.values()) {
            for (int i = 0; i < width; i++) {
                total[i] += v[i];
            }
        }
        return total;
    }

    private List<Participation> participation(List<Center> centers, Map<String, long[]> firms,
            Map<String, long[]> survey) {
        List<Participation> rows = new ArrayList<>();
        long target = 0;
        for (Center c : centers) {
            target += c.targetFirms();
            rows.add(participationRow(c.code(), c.name(), c.targetFirms(), firms.getOrDefault(c.code(), new long[2]),
                    survey.getOrDefault(c.code(), new long[SURVEY_WIDTH])));
        }
        rows.add(participationRow(OutcomeTables.ALL, "", target, sum(firms, 2), sum(survey, SURVEY_WIDTH)));
        return rows;
    }

    private static Participation participationRow(String code, String name, long target, long[] firms,
            long[] responses) {
        return new Participation(code, name, (int) target, (int) firms[0], (int) firms[1],
                LikertStatistics.percent(firms[1], firms[0]), (int) responses[0], (int) responses[1],
                LikertStatistics.percent(responses[1], firms[0]));
    }

    private List<Satisfaction> satisfaction(List<Center> centers, Map<String, long[]> survey, int minCell) {
        List<Satisfaction> rows = new ArrayList<>();
        for (Center c : centers) {
            addItems(rows, c.code(), survey.getOrDefault(c.code(), new long[SURVEY_WIDTH]), minCell);
        }
        addItems(rows, OutcomeTables.ALL, sum(survey, SURVEY_WIDTH), minCell);
        return rows;
    }

    private static void addItems(List<Satisfaction> rows, String center, long[] s, int minCell) {
        for (int i = 0; i < ITEMS.size(); i++) {
            int at = ITEMS_AT + i * 4;
            LikertStatistics st = LikertStatistics.of(s[at], s[at + 1], s[at + 2], s[at + 3], minCell);
            rows.add(new Satisfaction(center, ITEMS.get(i), st.n(), st.mean(), st.ci95Low(), st.ci95High(),
                    st.top2Pct(), st.score100(), st.suppressed()));
        }
    }

    /** The outcomes rows summed by center, and their sales growth medians. */
    private record OutcomeSums(Map<String, long[]> sums, SalesGrowthMedian growth) {
    }

    private OutcomeSums outcomeSums(int round) {
        // one scan for the sums by center and the median's first pass (a group by and a
        // scan before: millions of rows each)
        Map<String, long[]> sums = new HashMap<>();
        SalesGrowthMedian growth = new SalesGrowthMedian();
        jdbc.query("select center_code, new_clients, new_orders, online_listed, patterns, sales_before_k,"
                + " sales_after_k from outcome where round = ? and accepted = true", rs -> {
                    String center = rs.getString(1);
                    long[] sum = sums.computeIfAbsent(center, k -> new long[4]);
                    sum[0] += rs.getLong(2); // a blank count adds nothing, as sum() skips
                                             // it
                    sum[1] += rs.getLong(3);
                    if (rs.getBoolean(4)) {
                        sum[2]++;
                    }
                    sum[3] += rs.getLong(5);
                    BigDecimal before = rs.getBigDecimal(6);
                    BigDecimal after = rs.getBigDecimal(7);
                    if (before != null && before.signum() > 0 && after != null) {
                        growth.add(center, before, after);
                    }
                }, round);
        growth.findMiddles();
        jdbc.query(SALES_ROWS, rs -> {
            growth.offer(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
        }, round);
        return new OutcomeSums(sums, growth);
    }

    private List<Kpi> kpi(List<Center> centers, Map<String, BigDecimal> hours, OutcomeSums outcomes) {
        Map<String, long[]> sums = outcomes.sums();
        SalesGrowthMedian growth = outcomes.growth();
        List<Kpi> rows = new ArrayList<>();
        BigDecimal allHours = BigDecimal.ZERO;
        for (Center c : centers) {
            BigDecimal h = hours.getOrDefault(c.code(), BigDecimal.ZERO);
            allHours = allHours.add(h);
            rows.add(kpiRow(c.code(), sums.getOrDefault(c.code(), new long[4]), growth, h));
        }
        rows.add(kpiRow(OutcomeTables.ALL, sum(sums, 4), growth, allHours));
        return rows;
    }

    /**
     * The median sales growth of a round's firms in some centers, computed as the KPI
     * table computes it (accepted outcomes rows, before &gt; 0, after present): for the
     * year over year over the centers present in both rounds.
     */
    public BigDecimal salesGrowthMedian(int round, java.util.Set<String> centers) {
        SalesGrowthMedian growth = new SalesGrowthMedian();
        jdbc.query(SALES_ROWS, rs -> {
            if (centers.contains(rs.getString(1))) {
                growth.add(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
            }
        }, round);
        growth.findMiddles();
        jdbc.query(SALES_ROWS, rs -> {
            if (centers.contains(rs.getString(1))) {
                growth.offer(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
            }
        }, round);
        return growth.median(OutcomeTables.ALL);
    }

    private static Kpi kpiRow(String code, long[] s, SalesGrowthMedian growth, BigDecimal hours) {
        return new Kpi(code, growth.count(code), growth.median(code), s[0], s[1], (int) s[2], s[3], hours);
    }

    private List<Budget> budget(int round, List<Center> centers) {
        Map<String, long[]> sums = counts("select center_code, sum(planned_krw), sum(executed_krw) from budget_line"
                + " where round = ? group by center_code", 2, round);
        List<Budget> rows = new ArrayList<>();
        long cap = 0;
        long planned = 0;
        long executed = 0;
        boolean anyOver = false;
        for (Center c : centers) {
            long[] s = sums.getOrDefault(c.code(), new long[2]);
            boolean over = s[0] > c.budgetCapKrw();
            anyOver |= over;
            cap += c.budgetCapKrw();
            planned += s[0];
            executed += s[1];
            rows.add(new Budget(c.code(), c.budgetCapKrw(), s[0], s[1], LikertStatistics.percent(s[1], s[0]), over));
        }
        rows.add(new Budget(OutcomeTables.ALL, cap, planned, executed, LikertStatistics.percent(executed, planned),
                anyOver));
        return rows;
    }

    private List<NeedShare> needs(List<Center> centers, Map<String, long[]> survey) {
        List<NeedShare> rows = new ArrayList<>();
        for (Center c : centers) {
            addNeeds(rows, c.code(), survey.getOrDefault(c.code(), new long[SURVEY_WIDTH]));
        }
        addNeeds(rows, OutcomeTables.ALL, sum(survey, SURVEY_WIDTH));
        return rows;
    }

    private static void addNeeds(List<NeedShare> rows, String center, long[] c) {
        for (Need n : Need.values()) {
            long count = c[NEEDS_AT + n.ordinal()];
            rows.add(new NeedShare(center, n.korean(), (int) count, LikertStatistics.percent(count, c[0])));
        }
    }

}
