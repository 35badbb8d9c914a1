package kr.seoul.sogong.outcomes.tables;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Budget;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Participation;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.YearOverYear;
import org.junit.jupiter.api.Test;

/**
 * Year over year over the centers in both rounds, by hand: 2021 had A, B, C; 2022 has A,
 * B, D. Only A and B count; the ALL row of the contract's table would set five centers'
 * worth of one year against another's.
 */
class CommonCentersTest {

    private static Participation p(String code, int supported, int participantResponses) {
        return new Participation(code, code + " 센터", supported, supported, 0, null, participantResponses,
                participantResponses, null);
    }

    private static Satisfaction q1(String code, int n, String mean) {
        return new Satisfaction(code, SurveyItem.Q1, n, new BigDecimal(mean), null, null, null, null, false);
    }

    private static Budget b(String code, long planned, long executed) {
        return new Budget(code, 0, planned, executed, null, false);
    }

    @Test
    void theFiveMetricsOverTheCentersInBothRoundsWorkedOutByHand() {
        OutcomeTables before = new OutcomeTables(2021, 1,
                List.of(p("A", 10, 8), p("B", 20, 15), p("C", 5, 5), p("ALL", 35, 28)),
                // A: 13 ÷ 3 answers (its mean kept at full precision), B: 5 ÷ 2, C: 50 ÷
                // 10
                List.of(q1("A", 3, "4.333333333333333333333333333333333"), q1("B", 2, "2.5"), q1("C", 10, "5")),
                List.of(), List.of(b("A", 100, 80), b("B", 100, 100), b("C", 50, 50)), List.of(), List.of());
        OutcomeTables now = new OutcomeTables(2022, 2,
                List.of(p("A", 12, 9), p("B", 18, 18), p("D", 30, 3), p("ALL", 60, 30)),
                List.of(q1("A", 4, "3.5"), q1("B", 6, "4"), q1("D", 5, "1")), List.of(),
                List.of(b("A", 100, 90), b("B", 300, 150), b("D", 1000, 1000)), List.of(), List.of());
        List<Set<String>> asked = new ArrayList<>();

        CommonCenters common = CommonCenters.compare(now, before, (round, centers) -> {
            asked.add(centers);
            return round == 2022 ? new BigDecimal("10") : new BigDecimal("4");
        });

        assertThat(common.common()).containsExactly("A", "B");
        assertThat(common.added()).containsExactly("D");
        assertThat(common.gone()).containsExactly("C");
        assertThat(common.names()).containsEntry("C", "C 센터");
        assertThat(asked).containsOnly(Set.of("A", "B"));
        List<YearOverYear> rows = common.rows();
        assertThat(rows).extracting(y -> y.metric().code())
            .containsExactly("supported_firms", "response_rate_pct", "q1_mean", "sales_growth_median_pct",
                    "execution_rate_pct");
        // supported: 12 + 18 = 30 against 10 + 20 = 30
        assertThat(rows.get(0).current()).isEqualByComparingTo("30");
        assertThat(rows.get(0).previous()).isEqualByComparingTo("30");
        assertThat(rows.get(0).delta()).isEqualByComparingTo("0");
        // response rate: (9 + 18) ÷ 30 = 90 %, against (8 + 15) ÷ 30 = 76.66… %
        assertThat(rows.get(1).current()).isEqualByComparingTo("90");
        assertThat(rows.get(1).previous()).isEqualByComparingTo("76.66666666666666666666666666666667");
        // q1: (14 + 24) ÷ 10 = 3.8 against (13 + 5) ÷ 5 = 3.6 — the sums recovered from n
        // × mean exactly
        assertThat(rows.get(2).current()).isEqualByComparingTo("3.8");
        assertThat(rows.get(2).previous()).isEqualByComparingTo("3.6");
        assertThat(rows.get(2).delta()).isEqualByComparingTo("0.2");
        assertThat(rows.get(3).delta()).isEqualByComparingTo("6");
        // execution: (90 + 150) ÷ (100 + 300) = 60 % against (80 + 100) ÷ 200 = 90 %
        assertThat(rows.get(4).current()).isEqualByComparingTo("60");
        assertThat(rows.get(4).previous()).isEqualByComparingTo("90");
        assertThat(rows.get(4).delta()).isEqualByComparingTo("-30");
    }

    @Test
    void aWithheldMeanLeavesTheCommonMeanEmptyRatherThanWrong() {
        Satisfaction withheld = new Satisfaction("B", SurveyItem.Q1, 2, null, null, null, null, null, true);
        // no firm with sales to compare: the ALL rows' medians are empty
        List<OutcomeTables.Kpi> noSales = List.of(new OutcomeTables.Kpi("ALL", 0, null, 0, 0, 0, 0, BigDecimal.ZERO));
        OutcomeTables before = new OutcomeTables(2021, 1, List.of(p("A", 10, 8), p("B", 20, 15)),
                List.of(q1("A", 3, "4"), withheld), noSales, List.of(), List.of(), List.of());
        OutcomeTables now = new OutcomeTables(2022, 2, List.of(p("A", 10, 8), p("B", 20, 15)),
                List.of(q1("A", 3, "4"), q1("B", 4, "4")), noSales, List.of(), List.of(), List.of());

        CommonCenters common = CommonCenters.compare(now, before, (round, centers) -> {
            throw new AssertionError("the same centers both years: the ALL rows' medians serve");
        });

        assertThat(common.rows().get(2).previous()).isNull();
        assertThat(common.rows().get(2).delta()).isNull();
        assertThat(common.rows().get(2).current()).isEqualByComparingTo("4");
        assertThat(common.rows().get(3).current()).isNull();
        assertThat(common.rows().get(3).delta()).isNull();
        assertThat(common.added()).isEmpty();
        assertThat(common.gone()).isEmpty();
    }

}
