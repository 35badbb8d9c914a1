package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * The steps after the ingest compute from the digests each chunk stored beside its rows
 * (intake.RowDigests), not from the row tables. Guards that the two agree: the outcome
 * tables' counts, sums and medians of the 2022 sample (workbooks, CP949, duplicates,
 * strangers, blanks, 모름) are what plain SQL over the accepted rows gives. (Digests built
 * from stored rows, for a database from before them: RestartScenarios, on H2 and
 * PostgreSQL.)
 */
class DigestsJobTest extends OutcomesJobTestSupport {

    private static final int ROUND = 6302;

    @Test
    void theTablesFromDigestsAreTheTablesOfTheAcceptedRows() throws Exception {
        copySample(2022, ROUND);
        assertThat(launch(ROUND, LocalDate.of(2040, 4, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(latest("center_code, supported_firms, completed_firms, survey_responses, participant_responses",
                "participation_by_center", "true"))
            .isEqualTo(participation(ROUND));
        assertThat(latest("center_code, new_clients_total, new_orders_total, online_listed_firms, patterns_total,"
                + " cast(education_hours_total as decimal(20, 2)), firms_with_sales,"
                + " cast(sales_growth_median_pct as decimal(38, 10))", "kpi_by_center", "true"))
            .isEqualTo(kpi(ROUND));
        for (String q : List.of("q1", "q2", "q3", "q4", "q5", "q6")) {
            assertThat(latest("center_code, n", "satisfaction_by_center", "t.item = '" + q + "'")).as(q)
                .isEqualTo(itemCounts(ROUND, q));
        }
    }

    /** The latest stored table's rows, by center. */
    private List<String> latest(String columns, String table, String filter) {
        return rows("select " + columns + " from " + table + " t join latest_outcome_run l"
                + " on l.job_execution_id = t.job_execution_id where l.round = ? and " + filter
                + " order by center_code", ROUND);
    }

    private List<String> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                Object v = rs.getObject(c);
                cells.add(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v));
            }
            return String.join(",", cells);
        }, args);
    }

    /**
     * Participation by plain SQL over the accepted rows, per center of centers.csv and
     * ALL.
     */
    private List<String> participation(int round) {
        Map<String, long[]> by = new HashMap<>();
        jdbc.query("select center_code from center where round = ?", rs -> {
            by.put(rs.getString(1), new long[4]);
        }, round);
        jdbc.query("select center_code, completed from participant where round = ? and accepted = true", rs -> {
            long[] v = by.computeIfAbsent(rs.getString(1), k -> new long[4]);
            v[0]++;
            v[1] += rs.getBoolean(2) ? 1 : 0;
        }, round);
        jdbc.query("select center_code, participant from survey_response where round = ? and accepted = true", rs -> {
            long[] v = by.computeIfAbsent(rs.getString(1), k -> new long[4]);
            v[2]++;
            v[3] += rs.getBoolean(2) ? 1 : 0;
        }, round);
        return withAll(by, 4);
    }

    private List<String> itemCounts(int round, String q) {
        Map<String, long[]> by = new HashMap<>();
        jdbc.query("select center_code from center where round = ?", rs -> {
            by.put(rs.getString(1), new long[1]);
        }, round);
        jdbc.query("select center_code, " + q + " from survey_response where round = ? and accepted = true", rs -> {
            int v = rs.getInt(2);
            if (!rs.wasNull() && v >= 1 && v <= 5) {
                by.computeIfAbsent(rs.getString(1), k -> new long[1])[0]++;
            }
        }, round);
        return withAll(by, 1);
    }

    /** The centers' lines and ALL's, its figures summed, in the tables' order. */
    private static List<String> withAll(Map<String, long[]> by, int width) {
        long[] all = new long[width];
        by.values().forEach(v -> {
            for (int i = 0; i < width; i++) {
                all[i] += v[i];
            }
        });
        Map<String, long[]> lines = new java.util.TreeMap<>(by);
        lines.put("ALL", all);
        List<String> out = new ArrayList<>();
        lines.forEach((center, v) -> {
            StringBuilder line = new StringBuilder(center);
            for (long x : v) {
                line.append(',').append(x);
            }
            out.add(line.toString());
        });
        return out;
    }

    /**
     * KPI sums and the exact median of (after − before) ÷ before × 100, by sorting them
     * all.
     */
    private List<String> kpi(int round) {
        Map<String, List<Object>> by = new HashMap<>();
        Map<String, List<BigDecimal>> growth = new HashMap<>();
        jdbc.query("select center_code from center where round = ?", rs -> {
            by.put(rs.getString(1), kpiRow());
            growth.put(rs.getString(1), new ArrayList<>());
        }, round);
        by.put("ALL", kpiRow());
        growth.put("ALL", new ArrayList<>());
        jdbc.query("select center_code, new_clients, new_orders, online_listed, patterns, sales_before_k, sales_after_k"
                + " from outcome where round = ? and accepted = true", rs -> {
                    for (String c : List.of(rs.getString(1), "ALL")) {
                        List<Object> v = by.computeIfAbsent(c, k -> kpiRow());
                        v.set(0, (Long) v.get(0) + rs.getLong(2));
                        v.set(1, (Long) v.get(1) + rs.getLong(3));
                        v.set(2, (Long) v.get(2) + (rs.getBoolean(4) ? 1 : 0));
                        v.set(3, (Long) v.get(3) + rs.getLong(5));
                        BigDecimal before = rs.getBigDecimal(6);
                        BigDecimal after = rs.getBigDecimal(7);
                        if (before != null && before.signum() > 0 && after != null) {
                            growth.computeIfAbsent(c, k -> new ArrayList<>())
                                .add(after.subtract(before)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(before, MathContext.DECIMAL128));
                        }
                    }
                }, round);
        jdbc.query("select center_code, education_hours from participant where round = ? and accepted = true", rs -> {
            BigDecimal h = rs.getBigDecimal(2);
            for (String c : List.of(rs.getString(1), "ALL")) {
                List<Object> v = by.computeIfAbsent(c, k -> kpiRow());
                v.set(4, ((BigDecimal) v.get(4)).add(h == null ? BigDecimal.ZERO : h));
            }
        }, round);
        List<String> out = new ArrayList<>();
        by.keySet().stream().sorted().forEach(c -> {
            List<Object> v = by.get(c);
            List<BigDecimal> g = growth.get(c);
            g.sort(null);
            int n = g.size();
            BigDecimal median = n == 0 ? null : n % 2 == 1 ? g.get(n / 2)
                    : g.get(n / 2 - 1).add(g.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
            out.add(c + "," + v.get(0) + "," + v.get(1) + "," + v.get(2) + "," + v.get(3) + ","
                    + ((BigDecimal) v.get(4)).stripTrailingZeros().toPlainString() + "," + n + ","
                    + (median == null ? "null"
                            : median.setScale(10, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()));
        });
        return out;
    }

    private static List<Object> kpiRow() {
        return new ArrayList<>(List.of(0L, 0L, 0L, 0L, BigDecimal.ZERO));
    }

}
