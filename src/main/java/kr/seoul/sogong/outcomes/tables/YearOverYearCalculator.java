package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

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

    private YearOverYearCalculator() {
    }

    static Map<String, Map<YoyMetric, BigDecimal>> metrics(OutcomeTables t) {
        Map<String, Map<YoyMetric, BigDecimal>> m = new HashMap<>();
        t.participation().forEach(p -> {
            Map<YoyMetric, BigDecimal> c = m.computeIfAbsent(p.centerCode(), k -> new HashMap<>());
            c.put(YoyMetric.SUPPORTED_FIRMS, BigDecimal.valueOf(p.supportedFirms()));
            c.put(YoyMetric.RESPONSE_RATE_PCT, p.responseRatePct());
        });
        t.satisfaction()
            .stream()
            .filter(s -> s.item() == SurveyItem.OVERALL)
            .forEach(s -> m.computeIfAbsent(s.centerCode(), k -> new HashMap<>()).put(YoyMetric.Q1_MEAN, s.mean()));
        t.kpi()
            .forEach(k -> m.computeIfAbsent(k.centerCode(), x -> new HashMap<>())
                .put(YoyMetric.SALES_GROWTH_MEDIAN_PCT, k.salesGrowthMedianPct()));
        t.budget()
            .forEach(b -> m.computeIfAbsent(b.centerCode(), x -> new HashMap<>())
                .put(YoyMetric.EXECUTION_RATE_PCT, b.executionRatePct()));
        return m;
    }

    /**
     * @param previous the previous round's tables, or null when no earlier round is
     * stored
     */
    public static List<YearOverYear> compare(OutcomeTables current, @Nullable OutcomeTables previous) {
        Map<String, Map<YoyMetric, BigDecimal>> now = metrics(current);
        Map<String, Map<YoyMetric, BigDecimal>> before = previous == null ? Map.of() : metrics(previous);
        List<YearOverYear> rows = new ArrayList<>();
        for (OutcomeTables.Participation p : current.participation()) {
            String center = p.centerCode();
            for (YoyMetric metric : YoyMetric.values()) {
                BigDecimal cur = now.getOrDefault(center, Map.of()).get(metric);
                BigDecimal prev = before.getOrDefault(center, Map.of()).get(metric);
                BigDecimal delta = cur != null && prev != null ? cur.subtract(prev) : null;
                rows.add(new YearOverYear(center, metric, cur, prev, delta));
            }
        }
        return rows;
    }

}
