package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome tables of one round as computed by one job execution (contract §4-5), at
 * full precision. Each list is in the contract's row order, centers by code with
 * {@code ALL} last.
 */
public record OutcomeTables(int round, long jobExecutionId, List<Participation> participation,
        List<Satisfaction> satisfaction, List<Kpi> kpi, List<Budget> budget, List<NeedShare> needs,
        List<YearOverYear> yoy) {

    public static final String ALL = "ALL";

    /**
     * @param participantResponses accepted responses whose firm is a participant of the
     * center (the rate's numerator)
     */
    public record Participation(String centerCode, String centerName, int targetFirms, int supportedFirms,
            int completedFirms, @Nullable BigDecimal completionRatePct, int surveyResponses, int participantResponses,
            @Nullable BigDecimal responseRatePct) {
    }

    public record Satisfaction(String centerCode, SurveyItem item, int n, @Nullable BigDecimal mean,
            @Nullable BigDecimal ci95Low, @Nullable BigDecimal ci95High, @Nullable BigDecimal top2Pct,
            @Nullable BigDecimal score100, boolean suppressed) {
    }

    public record Kpi(String centerCode, int firmsWithSales, @Nullable BigDecimal salesGrowthMedianPct,
            long newClientsTotal, long newOrdersTotal, int onlineListedFirms, long patternsTotal,
            BigDecimal educationHoursTotal) {
    }

    public record Budget(String centerCode, long budgetCapKrw, long plannedKrw, long executedKrw,
            @Nullable BigDecimal executionRatePct, boolean overCap) {
    }

    public record NeedShare(String centerCode, String need, int count, @Nullable BigDecimal sharePct) {
    }

    public record YearOverYear(String centerCode, YoyMetric metric, @Nullable BigDecimal current,
            @Nullable BigDecimal previous, @Nullable BigDecimal delta) {
    }
}
