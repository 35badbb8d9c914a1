package kr.seoul.sogong.outcomes.tables;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.YearOverYear;

/**
 * Year over year (contract §4, §7): five metrics per center of the current round and ALL,
 * against the highest earlier round stored. A center absent from either round, or a
 * suppressed q1 mean, leaves the value and the delta empty. The delta is taken at full
 * precision.
 */
public final class YearOverYearCalculator {

    public static final List<String> METRICS = List.of("supported_firms", "response_rate_pct", "q1_mean",
            "sales_growth_median_pct", "execution_rate_pct");

    private YearOverYearCalculator() {
    }

    static Map<String, Map<String, BigDecimal>> metrics(OutcomeTables t) {
        Map<String, Map<String, BigDecimal>> m = new HashMap<>();
        t.participation().forEach(p -> {
            Map<String, BigDecimal> c = m.computeIfAbsent(p.centerCode(), k -> new HashMap<>());
            c.put("supported_firms", BigDecimal.valueOf(p.supportedFirms()));
            c.put("response_rate_pct", p.responseRatePct());
        });
        t.satisfaction()
            .stream()
            .filter(s -> s.item() == SurveyItem.OVERALL)
            .forEach(s -> m.computeIfAbsent(s.centerCode(), k -> new HashMap<>()).put("q1_mean", s.mean()));
        t.kpi()
            .forEach(k -> m.computeIfAbsent(k.centerCode(), x -> new HashMap<>())
                .put("sales_growth_median_pct", k.salesGrowthMedianPct()));
        t.budget()
            .forEach(b -> m.computeIfAbsent(b.centerCode(), x -> new HashMap<>())
                .put("execution_rate_pct", b.executionRatePct()));
        return m;
    }

    /**
     * @param previous the previous round's tables, or null when no earlier round is
     * stored
     */
    public static List<YearOverYear> compare(OutcomeTables current, OutcomeTables previous) {
        Map<String, Map<String, BigDecimal>> now = metrics(current);
        Map<String, Map<String, BigDecimal>> before = previous == null ? Map.of() : metrics(previous);
        List<YearOverYear> rows = new ArrayList<>();
        for (OutcomeTables.Participation p : current.participation()) {
            String center = p.centerCode();
            for (String metric : METRICS) {
                BigDecimal cur = now.get(center).get(metric);
                BigDecimal prev = before.getOrDefault(center, Map.of()).get(metric);
                BigDecimal delta = cur != null && prev != null ? cur.subtract(prev) : null;
                rows.add(new YearOverYear(center, metric, cur, prev, delta));
            }
        }
        return rows;
    }

}
