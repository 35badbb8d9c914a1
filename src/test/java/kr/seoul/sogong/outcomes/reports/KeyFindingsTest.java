package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.tables.YoyMetric;
import kr.seoul.sogong.outcomes.rows.SurveyItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Budget;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Participation;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.YearOverYear;
import org.junit.jupiter.api.Test;

/**
 * 주요 결과 from numbers worked out by hand: the highest and the lowest center per headline
 * metric (ALL and withheld cells left out), and the changes beyond 5 points — each
 * sentence with the values it rests on and the table that holds them.
 */
class KeyFindingsTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void highestLowestAndChangesBeyondFivePointsWithTheirValues() {
        List<Participation> participation = List.of(new Participation("A", "가센터", 10, 10, 5, d("50"), 9, 9, d("90")),
                new Participation("B", "나센터", 10, 10, 5, d("50"), 7, 7, d("70")),
                new Participation("C", "다센터", 10, 10, 5, d("50"), 8, 8, d("80")),
                new Participation("ALL", "", 30, 30, 15, d("50"), 24, 24, d("99")));
        List<Satisfaction> satisfaction = List.of(
                new Satisfaction("A", SurveyItem.Q1, 9, d("3"), null, null, null, d("50"), false),
                new Satisfaction("B", SurveyItem.Q1, 2, null, null, null, null, null, true),
                new Satisfaction("C", SurveyItem.Q1, 8, d("4"), null, null, null, d("75"), false),
                new Satisfaction("ALL", SurveyItem.Q1, 19, d("5"), null, null, null, d("100"), false));
        List<Budget> budget = List.of(new Budget("A", 0, 100, 95, d("95"), false),
                new Budget("B", 0, 100, 60, d("60"), false), new Budget("C", 0, 100, 80, d("80"), false));
        List<YearOverYear> yoy = List.of(
                new YearOverYear("A", YoyMetric.EXECUTION_RATE_PCT, d("95"), d("88.8"), d("6.2")),
                // printed 77.1 → 70.0, a difference of 7.1, but the delta is 7.02 → 7.0
                new YearOverYear("B", YoyMetric.RESPONSE_RATE_PCT, d("70.04"), d("77.06"), d("-7.02")),
                new YearOverYear("C", YoyMetric.RESPONSE_RATE_PCT, d("80"), d("75"), d("5")),
                new YearOverYear("A", YoyMetric.SUPPORTED_FIRMS, d("10"), d("2"), d("8")),
                new YearOverYear("ALL", YoyMetric.RESPONSE_RATE_PCT, d("99"), d("80"), d("19")));
        OutcomeTables t = new OutcomeTables(2022, 1, participation, satisfaction, List.of(), budget, List.of(), yoy);

        List<KeyFindings> findings = KeyFindings.of(t);

        assertThat(findings).extracting(KeyFindings::text)
            .containsExactly("전반 만족도(100점 환산)가 가장 높은 센터는 다센터(75.0), 가장 낮은 센터는 가센터(50.0)입니다.",
                    "응답률(%)이 가장 높은 센터는 가센터(90.0), 가장 낮은 센터는 나센터(70.0)입니다.",
                    "예산 집행률(%)이 가장 높은 센터는 가센터(95.0), 가장 낮은 센터는 나센터(60.0)입니다.",
                    "가센터의 예산 집행률(%)이 전년보다 6.2%p 높아졌습니다 (88.8 → 95.0).",
                    "나센터의 응답률(%)이 전년보다 7.0%p 낮아졌습니다 (77.1 → 70.0; 증감은 반올림 전 값으로 계산).");
        assertThat(findings).extracting(KeyFindings::table)
            .containsExactly("satisfaction_by_center.csv", "participation_by_center.csv", "budget_by_center.csv",
                    "yoy_by_center.csv", "yoy_by_center.csv");
    }

}
