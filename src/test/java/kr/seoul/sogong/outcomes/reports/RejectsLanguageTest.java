package kr.seoul.sogong.outcomes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Rule;
import org.junit.jupiter.api.Test;

/**
 * rejects.csv's message column in the contract's English, or in Korean with
 * outcomes.locale=ko.
 */
class RejectsLanguageTest {

    private static final Finding BACKWARDS = Finding.of("results/A_2022_결과.xlsx", "참여기업", 7, "end_date", "2022-03-01",
            Rule.RANGE, Message.of("endBeforeStart", "2022-05-15"));

    @Test
    void theMessageColumnFollowsTheConfiguredLanguageAndNothingElseDoes() {
        assertThat(RejectsCsv.row(2022, BACKWARDS, Locale.ROOT)).containsExactly("2022", "results/A_2022_결과.xlsx",
                "참여기업", "7", "end_date", "2022-03-01", "RANGE", "REJECT", "end_date is before start_date 2022-05-15");
        assertThat(RejectsCsv.row(2022, BACKWARDS, Locale.forLanguageTag("ko")).get(8))
            .isEqualTo("지원종료일이 지원시작일(2022-05-15)보다 빠릅니다.");
        assertThat(RejectsCsv.row(2022, BACKWARDS, Locale.forLanguageTag("ko")).subList(0, 8))
            .isEqualTo(RejectsCsv.row(2022, BACKWARDS, Locale.ROOT).subList(0, 8));
    }

}
