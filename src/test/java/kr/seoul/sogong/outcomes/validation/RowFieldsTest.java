package kr.seoul.sogong.outcomes.validation;

import java.util.List;
import kr.seoul.sogong.outcomes.intake.SurveyColumn;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import org.junit.jupiter.api.Test;

class RowFieldsTest {

    private static RowFields fields(String sheet, Map<String, String> values) {
        SourceKind kind = values.containsKey("start_date") || values.containsKey("completed") ? SourceKind.PARTICIPANTS
                : values.keySet().stream().anyMatch(k -> k.startsWith("sales") || k.startsWith("new_"))
                        ? SourceKind.OUTCOMES : SourceKind.SURVEY;
        return new RowFields(new SourceRow("f.csv", kind, sheet, 0, 7, 1, values, null, Map.of(), false), 100);
    }

    @Test
    void impossibleDateIsFormatNeverAdjusted() {
        RowFields f = fields("", Map.of("start_date", "2030-02-30"));
        assertThat(f.date("start_date", true)).isNull();
        assertThat(f.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.FORMAT);
        assertThat(fields("", Map.of("start_date", "2028-02-29")).date("start_date", true))
            .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void submittedAtAcceptsTheContractFormsOnly() {
        assertThat(fields("", Map.of("submitted_at", "2022-05-01 09:07")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 5, 1, 9, 7));
        assertThat(fields("", Map.of("submitted_at", "2022-05-01 09:07:30")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 5, 1, 9, 7, 30));
        assertThat(fields("", Map.of("submitted_at", "2022.05.01 09:07")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 5, 1, 9, 7));
        assertThat(fields("", Map.of("submitted_at", "2022/5/1 9:07")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 5, 1, 9, 7));
        // a date-only value is a date cell's text in a workbook, but not an accepted CSV
        // form
        assertThat(fields("응답", Map.of("submitted_at", "2022-05-01")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 5, 1, 0, 0));
        RowFields csv = fields("", Map.of("submitted_at", "2022-05-01"));
        assertThat(csv.submittedAt(SurveyColumn.SUBMITTED_AT)).isNull();
        assertThat(csv.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.FORMAT);
    }

    @Test
    void blankRequiredIsRequiredAndNothingElse() {
        RowFields f = fields("", Map.of("brn", "   "));
        assertThat(f.brn(SurveyColumn.BRN)).isNull();
        assertThat(f.findings()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.REQUIRED);
            assertThat(x.field()).isEqualTo("brn");
            assertThat(x.rowNumber()).isEqualTo(7);
        });
    }

    @Test
    void brnFormatVersusChecksum() {
        RowFields short9 = fields("", Map.of("brn", "220-81-0000"));
        short9.brn(SurveyColumn.BRN);
        assertThat(short9.findings()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.FORMAT);
            assertThat(x.value()).isEqualTo("220-81-*****");
        });
        RowFields wrong = fields("", Map.of("brn", "220-81-00002"));
        wrong.brn(SurveyColumn.BRN);
        assertThat(wrong.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.BRN_CHECKSUM);
    }

    @Test
    void numbersTypedAsTextAndWholeNumbers() {
        assertThat(fields("", Map.of("new_clients", "3.0")).integer("new_clients", false)).isEqualTo(3);
        RowFields half = fields("", Map.of("new_clients", "3.5"));
        assertThat(half.integer("new_clients", false)).isNull();
        assertThat(half.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.FORMAT);
        RowFields negative = fields("", Map.of("sales_before_k", "-2"));
        assertThat(negative.decimal("sales_before_k", false)).isNull();
        assertThat(negative.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.RANGE);
        assertThat(fields("", Map.of("completed", "y")).yesNo("completed", true)).isTrue();
    }

    @Test
    void koreanLocaleTimestampsAreAccepted() {
        assertThat(fields("", Map.of("submitted_at", "2022. 6. 1 오후 3:04:05")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 6, 1, 15, 4, 5));
        assertThat(fields("", Map.of("submitted_at", "2022. 6. 1. 오전 9:05")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 6, 1, 9, 5));
        assertThat(fields("", Map.of("submitted_at", "2022. 6. 1. 오전 12:05")).submittedAt(SurveyColumn.SUBMITTED_AT))
            .isEqualTo(LocalDateTime.of(2022, 6, 1, 0, 5));
        RowFields thirteen = fields("", Map.of("submitted_at", "2022. 6. 1 오후 13:04"));
        assertThat(thirteen.submittedAt(SurveyColumn.SUBMITTED_AT)).isNull();
        assertThat(thirteen.findings()).singleElement().extracting(Finding::rule).isEqualTo(Rule.FORMAT);
    }

    @Test
    void numbersArePlainDecimalNotation() {
        for (String odd : new String[] { "5e0", "1E20", "+3", "1,000", "0x10", "Infinity" }) {
            RowFields f = fields("", Map.of("new_clients", odd));
            assertThat(f.integer("new_clients", false)).as(odd).isNull();
            assertThat(f.findings()).as(odd).singleElement().extracting(Finding::rule).isEqualTo(Rule.FORMAT);
        }
        assertThat(fields("", Map.of("new_clients", "007")).integer("new_clients", false)).isEqualTo(7);
        assertThat(fields("", Map.of("sales_before_k", "12.5")).decimal("sales_before_k", false))
            .isEqualByComparingTo("12.5");
    }

    /**
     * A rule reads its own kind's columns: another kind's column is a bug, said at once.
     */
    @Test
    void aColumnOfAnotherKindIsRefused() {
        RowFields survey = fields("", Map.of("brn", "220-81-00002"));
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> survey.text(kr.seoul.sogong.outcomes.intake.ParticipantColumn.FIRM_NAME))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PARTICIPANTS");
    }

    /**
     * Each kind's enum of columns is its columns, in their order: a row's values are held
     * by position.
     */
    @Test
    void eachKindsColumnsAreItsEnumsInOrder() {
        for (kr.seoul.sogong.outcomes.intake.ColumnRef[] refs : List.of(
                kr.seoul.sogong.outcomes.intake.SurveyColumn.values(),
                kr.seoul.sogong.outcomes.intake.ParticipantColumn.values(),
                kr.seoul.sogong.outcomes.intake.OutcomeColumn.values(),
                kr.seoul.sogong.outcomes.intake.BudgetColumn.values())) {
            for (int i = 0; i < refs.length; i++) {
                assertThat(refs[i].kind().indexOf(refs[i].alias())).as(refs[i].toString()).isEqualTo(i);
            }
            assertThat(refs[0].kind().columns()).hasSize(refs.length);
        }
    }

}
