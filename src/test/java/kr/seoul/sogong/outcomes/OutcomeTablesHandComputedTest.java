package kr.seoul.sogong.outcomes;

import static kr.seoul.sogong.outcomes.CsvFixture.brn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * A round small enough to work out by hand. Every expected figure below is computed in
 * the comments from the rows given, so a wrong formula, a mean of means, a banker's
 * rounding or a suppression off by one shows up as a different line.
 */
class OutcomeTablesHandComputedTest extends OutcomesJobTestSupport {

    static final int PREVIOUS = 6001;
    static final int ROUND = 6002;

    // firms: F1..F4 and F5 of AAA, G1 G2 of BBB, X1 answers for BBB without taking part
    static final String F1 = brn(601);

    static final String F2 = brn(602);

    static final String F3 = brn(603);

    static final String F4 = brn(604);

    static final String F5 = brn(605);

    static final String G1 = brn(611);

    static final String G2 = brn(612);

    static final String X1 = brn(699);

    private void previousRound() throws Exception {
        int r = PREVIOUS;
        write(r, "centers.csv",
                CsvFixture.centers()
                    .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 3, "6001-04-01", "6001-10-31")
                    .row("CCC", "씨센터", "영등포구", "기계금속", "과제", "TECH", 50_000_000, 3, "6001-04-01", "6001-10-31"));
        write(r, "results/aaa_participants.csv",
                CsvFixture.participants()
                    .row("AAA", F1, "일", "지원", "6001-04-01", "6001-06-01", 1, "Y")
                    .row("AAA", F2, "이", "지원", "6001-04-01", "6001-06-01", 1, "Y")
                    .row("AAA", F5, "오", "지원", "6001-04-01", "6001-06-01", 1, "Y"));
        // +5 %
        write(r, "results/aaa_outcomes.csv", CsvFixture.outcomes().row("AAA", F1, 100, 105, "", "", "", ""));
        write(r, "results/aaa_budget.csv", CsvFixture.budget().row("AAA", "인건비", 10_000_000, 9_000_000));
        write(r, "survey/s.csv",
                CsvFixture.survey()
                    .row("P1", "6001-05-01 10:00", F1, "일", "AAA", 3, 4, "", "", "", "", "", "", "")
                    .row("P2", "6001-05-01 10:00", F2, "이", "AAA", 3, 3, "", "", "", "", "", "", "")
                    .row("P3", "6001-05-01 10:00", F5, "오", "AAA", 3, 3, "", "", "", "", "", "", ""));
    }

    private void currentRound() throws Exception {
        int r = ROUND;
        write(r, "centers.csv",
                CsvFixture.centers()
                    .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 4, "6002-04-01", "6002-10-31")
                    .row("BBB", "비센터", "성북구", "봉제", "과제", "TECH", 10_000_000, 3, "6002-04-01", "6002-10-31"));
        write(r, "results/aaa_participants.csv",
                CsvFixture.participants()
                    .row("AAA", F1, "일", "지원", "6002-04-01", "6002-06-01", 10, "Y")
                    .row("AAA", F2, "이", "지원", "6002-04-01", "6002-06-01", 2.5, "Y")
                    .row("AAA", F3, "삼", "지원", "6002-04-01", "6002-06-01", "", "N")
                    .row("AAA", F4, "사", "지원", "6002-04-01", "6002-06-01", 4.25, "y"));
        write(r, "results/aaa_outcomes.csv", CsvFixture.outcomes()
            // +10 %
            .row("AAA", F1, 100, 110, 1, "", "Y", "")
            // −25 %
            .row("AAA", F2, 200, 150, "", "", "N", "")
            // before = 0: not in the median
            .row("AAA", F3, 0, 50, 2, "", "Y", "")
            // +13 %
            .row("AAA", F4, 300, 339, 0, "", "", ""));
        write(r, "results/aaa_budget.csv",
                CsvFixture.budget()
                    .row("AAA", "인건비", 30_000_000, 25_000_000)
                    .row("AAA", "홍보비", 20_000_001, 15_000_000));
        write(r, "results/bbb_participants.csv",
                CsvFixture.participants()
                    .row("BBB", G1, "지일", "지원", "6002-04-01", "6002-06-01", 1, "Y")
                    .row("BBB", G2, "지이", "지원", "6002-04-01", "6002-06-01", 1, "N"));
        write(r, "results/bbb_outcomes.csv", CsvFixture.outcomes()
            // +12.5 %
            .row("BBB", G1, 1000, 1125, 3, "", "Y", 4)
            // 0 %
            .row("BBB", G2, 400, 400, "", "", "", 5));
        write(r, "results/bbb_budget.csv", CsvFixture.budget().row("BBB", "인건비", 8_000_000, 7_980_000));
        write(r, "survey/s.csv",
                CsvFixture.survey()
                    .row("S1", "6002-05-01 10:00", F1, "일", "AAA", 3, 5, 3, "", "", "", "", "판로;홍보", "")
                    .row("S2", "6002-05-01 10:00", F2, "이", "AAA", 3, 4, 4, "", "", "", "", "판로, 판로", "")
                    // the center by its name
                    .row("S3", "6002-05-01 10:00", F3, "삼", "에이센터", 3, 2, "", "", "", "", "", "", "")
                    .row("S4", "6002-05-01 10:00", G1, "지일", "BBB", 3, 4, "", "", "", "", "", "기술", "")
                    .row("S5", "6002-05-01 10:00", G2, "지이", "BBB", 3, 3, 9, "", "", "", "", "기술;수출", "")
                    // not a participant: counted in BBB's responses, not in its response
                    // rate
                    .row("S6", "6002-05-01 10:00", X1, "외부", "BBB", 3, "", "", "", "", "", "", "", ""));
    }

    private List<String> csv(String file) throws Exception {
        List<String> lines = Files.readAllLines(output(ROUND).resolve(file), StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("\uFEFF", ""));
        return lines;
    }

    @Test
    void everyFigureMatchesTheHandComputation() throws Exception {
        previousRound();
        currentRound();
        assertThat(launch(PREVIOUS, LocalDate.of(2040, 1, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch(ROUND, LocalDate.of(2040, 1, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // AAA: 4 firms, 3 completed (75.0); 3 responses, all participants': 3/4 = 75.0
        // BBB: 2 firms, 1 completed (50.0); 3 responses, 2 participants': 2/2 = 100.0
        // ALL: 6 firms, 4 completed: 66.666.. -> 66.7
        // 6 responses, 5 participants': 5/6 = 83.333.. -> 83.3
        assertThat(csv("participation_by_center.csv")).containsExactly(
                "round,center_code,center_name,target_firms,supported_firms,completed_firms,completion_rate_pct,survey_responses,response_rate_pct",
                "6002,AAA,에이센터,4,4,3,75.0,3,75.0", "6002,BBB,비센터,3,2,1,50.0,3,100.0", "6002,ALL,,7,6,4,66.7,6,83.3");

        // AAA q1 = 5,4,2: mean 11/3 = 3.667; s² = (3·45 − 121)/6 = 2.333
        // se = sqrt(2.333/3) = 0.8819, t(.975, 2) = 4.3027, half = 3.7946
        // -> [−0.128, 7.461] (not clipped); top2 2/3 = 66.7; score (3.667−1)·25 = 66.7
        // AAA q2 = 3,4: n = 2 < 3 -> suppressed
        // BBB q1 = 4,3 (X1 blank): n = 2 -> suppressed; BBB q2 = 9: n = 0
        // ALL q1 = 5,4,2,4,3 pooled: mean 3.60 (a mean of means would be 3.58)
        // s² = (5·70 − 324)/20 = 1.3, se = sqrt(0.26) = 0.5099
        // t(.975, 4) = 2.7764, half = 1.4157 -> [2.18, 5.02]; top2 3/5 = 60.0; score 65.0
        // ALL q2 = 3,4: n = 2 -> suppressed
        assertThat(csv("satisfaction_by_center.csv")).containsExactly(
                "round,center_code,item,n,mean,ci95_low,ci95_high,top2_pct,score100,suppressed",
                "6002,AAA,q1,3,3.67,-0.13,7.46,66.7,66.7,false", "6002,AAA,q2,2,,,,,,true", "6002,AAA,q3,0,,,,,,true",
                "6002,AAA,q4,0,,,,,,true", "6002,AAA,q5,0,,,,,,true", "6002,AAA,q6,0,,,,,,true",
                "6002,BBB,q1,2,,,,,,true", "6002,BBB,q2,0,,,,,,true", "6002,BBB,q3,0,,,,,,true",
                "6002,BBB,q4,0,,,,,,true", "6002,BBB,q5,0,,,,,,true", "6002,BBB,q6,0,,,,,,true",
                "6002,ALL,q1,5,3.60,2.18,5.02,60.0,65.0,false", "6002,ALL,q2,2,,,,,,true", "6002,ALL,q3,0,,,,,,true",
                "6002,ALL,q4,0,,,,,,true", "6002,ALL,q5,0,,,,,,true", "6002,ALL,q6,0,,,,,,true");

        // growth: AAA 10, −25, 13 -> median 10.0
        // BBB 12.5 and 0 -> (12.5 + 0)/2 = 6.25 -> 6.3 (half-up, not 6.2)
        // ALL pooled −25, 0, 10, 12.5, 13 -> 10.0 (the mean of the medians would be 8.1)
        // hours: AAA 10 + 2.5 + 4.25 = 16.75 -> 16.8; BBB 2.0; ALL 18.75 -> 18.8
        // blank KPI cells add 0
        assertThat(csv("kpi_by_center.csv")).containsExactly(
                "round,center_code,firms_with_sales,sales_growth_median_pct,new_clients_total,new_orders_total,online_listed_firms,patterns_total,education_hours_total",
                "6002,AAA,3,10.0,3,0,2,0,16.8", "6002,BBB,2,6.3,3,0,1,9,2.0", "6002,ALL,5,10.0,6,0,3,9,18.8");

        // AAA 40,000,000 / 50,000,001 = 79.9999984 -> 80.0, over its cap by 1 won
        // BBB 7,980,000 / 8,000,000 = 99.75 -> 99.8
        // ALL 47,980,000 / 58,000,001 = 82.724 -> 82.7, over_cap because one center is
        assertThat(csv("budget_by_center.csv")).containsExactly(
                "round,center_code,budget_cap_krw,planned_krw,executed_krw,execution_rate_pct,over_cap",
                "6002,AAA,50000000,50000001,40000000,80.0,true", "6002,BBB,10000000,8000000,7980000,99.8,false",
                "6002,ALL,60000000,58000001,47980000,82.7,true");

        // AAA: 판로 2/3 (a repeated value counts once), 홍보 1/3
        // BBB: 기술 2/3 (수출 ignored); ALL over 6 responses
        assertThat(csv("needs_by_center.csv")).containsExactly("round,center_code,need,count,share_pct",
                "6002,AAA,판로,2,66.7", "6002,AAA,홍보,1,33.3", "6002,AAA,디자인,0,0.0", "6002,AAA,기술,0,0.0",
                "6002,AAA,교육,0,0.0", "6002,AAA,자금,0,0.0", "6002,AAA,인력,0,0.0", "6002,BBB,판로,0,0.0", "6002,BBB,홍보,0,0.0",
                "6002,BBB,디자인,0,0.0", "6002,BBB,기술,2,66.7", "6002,BBB,교육,0,0.0", "6002,BBB,자금,0,0.0",
                "6002,BBB,인력,0,0.0", "6002,ALL,판로,2,33.3", "6002,ALL,홍보,1,16.7", "6002,ALL,디자인,0,0.0",
                "6002,ALL,기술,2,33.3", "6002,ALL,교육,0,0.0", "6002,ALL,자금,0,0.0", "6002,ALL,인력,0,0.0");

        // previous round 6001: AAA 3 firms, 3/3 responses (100.0), q1 = 4,3,3 -> 10/3,
        // growth 5.0, execution 90.0; its center CCC had no rows, BBB did not exist
        // q1 delta = 11/3 − 10/3 = 0.333 -> 0.33 (rounding first: 3.67 − 3.33 = 0.34)
        // execution 79.9999984 − 90 -> −10.0
        assertThat(csv("yoy_by_center.csv")).containsExactly("round,center_code,metric,current,previous,delta",
                "6002,AAA,supported_firms,4,3,1", "6002,AAA,response_rate_pct,75.0,100.0,-25.0",
                "6002,AAA,q1_mean,3.67,3.33,0.33", "6002,AAA,sales_growth_median_pct,10.0,5.0,5.0",
                "6002,AAA,execution_rate_pct,80.0,90.0,-10.0", "6002,BBB,supported_firms,2,,",
                "6002,BBB,response_rate_pct,100.0,,", "6002,BBB,q1_mean,,,", "6002,BBB,sales_growth_median_pct,6.3,,",
                "6002,BBB,execution_rate_pct,99.8,,", "6002,ALL,supported_firms,6,3,3",
                "6002,ALL,response_rate_pct,83.3,100.0,-16.7", "6002,ALL,q1_mean,3.60,3.33,0.27",
                "6002,ALL,sales_growth_median_pct,10.0,5.0,5.0", "6002,ALL,execution_rate_pct,82.7,90.0,-7.3");

        assertThat(read(output(ROUND).resolve("rejects.csv")))
            .contains("6002,results/aaa_budget.csv,,,planned_krw,50000001,OVER_CAP,WARN,")
            .contains(",survey/s.csv,,7,brn,")
            .contains(",needs,수출,UNKNOWN_NEED,WARN,");
    }

}
