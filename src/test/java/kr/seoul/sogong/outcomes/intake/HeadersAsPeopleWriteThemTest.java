package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What counts as the same header (contract §9, the README's extensions), one line a
 * decision: the header as typed, the kind it is read for, and the column it names (empty
 * for none).
 */
class HeadersAsPeopleWriteThemTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            교육이수시간(시간)               | PARTICIPANTS | education_hours
            교육이수시간 (시간)              | PARTICIPANTS | education_hours
            교육이수시간（시간）             | PARTICIPANTS | education_hours
            '문1_전반만족\n(1~5점, 9=모름)'  | SURVEY       | q1
            '문1_전반만족\r\n1~5점'          | SURVEY       | q1
            문1 전반만족                     | SURVEY       | q1
            문1-전반만족                     | SURVEY       | q1
            문１＿전반만족                   | SURVEY       | q1
            Q1                               | SURVEY       | q1
            ' 사업자 등록번호 '              | SURVEY       | brn
            지원전매출(천원)                 | OUTCOMES     | sales_before_k
            지원전매출_천원 (단위: 천원)     | OUTCOMES     | sales_before_k
            SALES-BEFORE-K                   | OUTCOMES     | sales_before_k
            타임스탬프                       | SURVEY       | submitted_at
            Timestamp                        | SURVEY       | submitted_at
            문1_전반만                       | SURVEY       | ''
            만족도                           | SURVEY       | ''
            (비고)                           | SURVEY       | ''
            비고                             | BUDGET       | ''
            계획금액                         | BUDGET       | ''
            """)
    void aHeaderNamesAColumnOrNone(String header, SourceKind kind, String alias) {
        Column column = HeaderMap.columnNamedBy(kind, header.replace("\\n", "\n").replace("\\r", "\r"));
        assertThat(column == null ? "" : column.alias()).isEqualTo(alias);
    }

    /**
     * One cell never feeds two fields; two cells naming one field make the file
     * unreadable.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            업체명 | firm_name
            업체명(상호) | firm_name
            """)
    void twoCellsNamingOneColumnAreNamedTwice(String second, String alias) {
        HeaderMap map = new HeaderMap(SourceKind.SURVEY, List.of("응답번호", "업체명", second));
        assertThat(map.duplicate()).contains(alias).contains("columns 2 and 3");
    }

    /**
     * Over two rows: the lower cell where it names a column, the upper one (merged down)
     * where it does, and the two together where only they do.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            응답번호 | ''              | SURVEY   | response_id
            만족도   | 문1_전반만족    | SURVEY   | q1
            만족도   | ''              | SURVEY   | ''
            지원전   | 매출_천원       | OUTCOMES | sales_before_k
            매출     | 지원전매출_천원 | OUTCOMES | sales_before_k
            매출     | 지원전          | OUTCOMES | ''
            """)
    void aHeaderOverTwoRowsIsReadAsOne(String upper, String lower, SourceKind kind, String alias) {
        HeaderMap map = HeaderMap.overTwoRows(kind, List.of(upper), List.of(lower));
        assertThat(map.aliasAt(0) == null ? "" : map.aliasAt(0)).isEqualTo(alias);
    }

}
