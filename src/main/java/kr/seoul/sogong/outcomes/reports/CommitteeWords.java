package kr.seoul.sogong.outcomes.reports;

import java.util.Map;

/**
 * What the committee reads instead of codes: the survey items by their question, the
 * year-over-year metrics by name. The CSVs keep the contract's codes.
 */
final class CommitteeWords {

    static final String ALL_CENTERS = "전체";

    static final Map<String, String> METRICS = Map.of("supported_firms", "지원 기업수", "response_rate_pct", "응답률(%)",
            "q1_mean", "전반 만족도 평균(1~5)", "sales_growth_median_pct", "매출 증가율 중앙값(%)", "execution_rate_pct", "예산 집행률(%)");

    private CommitteeWords() {
    }

    /** A center as the committee calls it: its Korean name, 전체 for ALL. */
    static String centerName(kr.seoul.sogong.outcomes.tables.OutcomeTables t, String code) {
        if (kr.seoul.sogong.outcomes.tables.OutcomeTables.ALL.equals(code)) {
            return ALL_CENTERS;
        }
        return t.participation()
            .stream()
            .filter(p -> p.centerCode().equals(code))
            .map(p -> p.centerName())
            .findFirst()
            .orElse(code);
    }

}
