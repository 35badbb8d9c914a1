package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO 8601 date cells as the rules read date cells (contract §9): Seoul time. */
class IsoDateCellTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2022-10-09T13:59:00,        2022-10-09 13:59:00
            2022-10-09T13:59:00.000,    2022-10-09 13:59:00
            2022-10-09T13:59:00.999,    2022-10-09 13:59:00
            2022-10-09T04:59:00Z,       2022-10-09 13:59:00
            2022-10-09T04:59:00.000Z,   2022-10-09 13:59:00
            2022-10-09T13:59:00+09:00,  2022-10-09 13:59:00
            2022-10-09T00:59:00-05:00,  2022-10-09 14:59:00
            2022-10-08T15:00:00Z,       2022-10-09
            2022-10-09T00:00:00,        2022-10-09
            2022-10-09,                 2022-10-09
            2022-02-30T10:00:00,        2022-02-30T10:00:00
            not a date,                 not a date
            """)
    void isoTextBecomesTheCellTextOfADate(String iso, String expected) {
        assertThat(IsoDateCell.asCellText(iso)).isEqualTo(expected);
    }

}
