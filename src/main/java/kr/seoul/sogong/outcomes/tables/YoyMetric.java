package kr.seoul.sogong.outcomes.tables;

/**
 * The five metrics year over year compares (contract §4), in the order of
 * yoy_by_center.csv: the code the table and the CSV hold, and the committee's label,
 * stated once.
 */
public enum YoyMetric {

    SUPPORTED_FIRMS("supported_firms", "지원 기업수"), RESPONSE_RATE_PCT("response_rate_pct", "응답률(%)"),
    Q1_MEAN("q1_mean", "전반 만족도 평균(1~5)"), SALES_GROWTH_MEDIAN_PCT("sales_growth_median_pct", "매출 증가율 중앙값(%)"),
    EXECUTION_RATE_PCT("execution_rate_pct", "예산 집행률(%)");

    private final String code;

    private final String label;

    YoyMetric(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As yoy_by_center's {@code metric} column holds it. */
    public String code() {
        return code;
    }

    /** How the committee's files name it. */
    public String label() {
        return label;
    }

    /** A percentage, whose change the committee reads in points. */
    public boolean percentage() {
        return code.endsWith("_pct");
    }

    public static YoyMetric ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("not a year-over-year metric: " + code));
    }

    public static java.util.Optional<YoyMetric> find(String code) {
        return java.util.Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

}
