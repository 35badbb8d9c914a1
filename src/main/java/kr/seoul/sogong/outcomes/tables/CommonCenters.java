package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.YearOverYear;

/**
 * Year over year over the centers present in both rounds (공통 센터 기준): the ALL row of the
 * year-over-year table compares two different sets of centers when centers joined or
 * left, and "+45 supported firms" then says more about the set than about the centers.
 * The same five metrics, pooled over the common centers only, exactly as the ALL row
 * pools: counts summed, rates from summed counts, the q1 mean from each center's n and
 * mean (their product is the integer sum of the answers), the sales growth median from
 * the firms' rows. Shown in the page and the workbook; the CSV keeps the contract's
 * table.
 *
 * @param common centers in both rounds, in the current round's order
 * @param added centers only in the current round
 * @param gone centers only in the previous round
 * @param rows the five metrics over the common centers, center code {@code ALL}
 * @param names the Korean names of the centers of both rounds, by code
 */
public record CommonCenters(int previousRound, List<String> common, List<String> added, List<String> gone,
        List<YearOverYear> rows, java.util.Map<String, String> names) {

    /**
     * The median sales growth of a round over some centers (it needs the firms' rows).
     */
    public interface MedianOver {

        @Nullable BigDecimal salesGrowthMedian(int round, Set<String> centers);

    }

    public static CommonCenters compare(OutcomeTables current, OutcomeTables previous, MedianOver medians) {
        Set<String> now = centers(current);
        Set<String> before = centers(previous);
        List<String> common = now.stream().filter(before::contains).toList();
        List<String> added = now.stream().filter(c -> !before.contains(c)).toList();
        List<String> gone = before.stream().filter(c -> !now.contains(c)).toList();
        Set<String> set = Set.copyOf(common);
        List<YearOverYear> rows = new ArrayList<>();
        rows.add(row(YoyMetric.SUPPORTED_FIRMS, current, previous, t -> BigDecimal.valueOf(supported(t, set))));
        rows.add(row(YoyMetric.RESPONSE_RATE_PCT, current, previous, t -> responseRate(t, set)));
        rows.add(row(YoyMetric.Q1_MEAN, current, previous, t -> q1Mean(t, set)));
        rows.add(row(YoyMetric.SALES_GROWTH_MEDIAN_PCT, current, previous, t -> common.isEmpty() ? null
                : set.equals(centers(t)) ? allMedian(t) : medians.salesGrowthMedian(t.round(), set)));
        rows.add(row(YoyMetric.EXECUTION_RATE_PCT, current, previous, t -> executionRate(t, set)));
        java.util.Map<String, String> names = new java.util.HashMap<>();
        previous.participation().forEach(p -> names.put(p.centerCode(), p.centerName()));
        current.participation().forEach(p -> names.put(p.centerCode(), p.centerName()));
        return new CommonCenters(previous.round(), common, added, gone, rows, names);
    }

    /**
     * Over all of a round's centers the median is its ALL row's: no second read of the
     * firms' rows.
     */
    private static @Nullable BigDecimal allMedian(OutcomeTables t) {
        for (OutcomeTables.Kpi k : t.kpi()) {
            if (k.centerCode().equals(OutcomeTables.ALL)) {
                // null when no firm has sales to compare
                return k.salesGrowthMedianPct();
            }
        }
        return null;
    }

    private static Set<String> centers(OutcomeTables t) {
        Set<String> codes = new LinkedHashSet<>();
        t.participation()
            .stream()
            .map(OutcomeTables.Participation::centerCode)
            .filter(c -> !c.equals(OutcomeTables.ALL))
            .forEach(codes::add);
        return codes;
    }

    private static YearOverYear row(YoyMetric metric, OutcomeTables current, OutcomeTables previous,
            Function<OutcomeTables, BigDecimal> value) {
        BigDecimal cur = value.apply(current);
        BigDecimal prev = value.apply(previous);
        return new YearOverYear(OutcomeTables.ALL, metric, cur, prev,
                cur != null && prev != null ? cur.subtract(prev) : null);
    }

    private static long supported(OutcomeTables t, Set<String> centers) {
        return t.participation()
            .stream()
            .filter(p -> centers.contains(p.centerCode()))
            .mapToLong(OutcomeTables.Participation::supportedFirms)
            .sum();
    }

    private static @Nullable BigDecimal responseRate(OutcomeTables t, Set<String> centers) {
        long supported = supported(t, centers);
        long responses = t.participation()
            .stream()
            .filter(p -> centers.contains(p.centerCode()))
            .mapToLong(OutcomeTables.Participation::participantResponses)
            .sum();
        return LikertStatistics.percent(responses, supported);
    }

    /**
     * Σ answers = n × mean per center, exactly (an integer); null when a center's mean is
     * withheld.
     */
    private static @Nullable BigDecimal q1Mean(OutcomeTables t, Set<String> centers) {
        long n = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (OutcomeTables.Satisfaction s : t.satisfaction()) {
            if (s.item() != SurveyItem.OVERALL || !centers.contains(s.centerCode()) || s.n() == 0) {
                continue;
            }
            if (s.mean() == null) {
                return null;
            }
            n += s.n();
            sum = sum.add(s.mean().multiply(BigDecimal.valueOf(s.n())).setScale(0, RoundingMode.HALF_UP));
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), LikertStatistics.PRECISION);
    }

    private static @Nullable BigDecimal executionRate(OutcomeTables t, Set<String> centers) {
        long planned = 0;
        long executed = 0;
        for (OutcomeTables.Budget b : t.budget()) {
            if (centers.contains(b.centerCode())) {
                planned += b.plannedKrw();
                executed += b.executedKrw();
            }
        }
        return LikertStatistics.percent(executed, planned);
    }

}
