package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.rows.RowTable;
import static kr.seoul.sogong.outcomes.CsvFixture.brn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * DUPLICATE and NOT_PARTICIPANT as contract §3 and §7 order them, on rows spread over
 * files.
 */
class CrossRowRulesJobTest extends OutcomesJobTestSupport {

    static final int ROUND = 7001;

    /**
     * A response from one of BBB's other participants, so the survey files stay under the
     * quality gate.
     */
    /**
     * A participant of BBB's, answering for BBB: keeps the reject rate under the gate.
     */
    private static CsvFixture filler(CsvFixture survey, int i) {
        return survey.row("F" + i, "7001-05-01 10:00", brn(720 + i), "업체", "BBB", 3, 4, "", "", "", "", "", "", "");
    }

    @Test
    void duplicatesAndStrangersAreJudgedInContractOrder() throws Exception {
        String a = brn(701);
        String b = brn(702);
        String c = brn(703);
        String d = brn(704);
        String x = brn(799);
        write(ROUND, "centers.csv",
                CsvFixture.centers()
                    .row("AAA", "에이", "종로구", "의류", "과제", "SALES", 50_000_000, 4, "7001-04-01", "7001-10-31")
                    .row("BBB", "비", "성북구", "봉제", "과제", "TECH", 50_000_000, 4, "7001-04-01", "7001-10-31"));
        CsvFixture participants = CsvFixture.participants();
        // a twice: row 4 is the later one
        for (String firm : List.of(a, b, a, c, d)) {
            participants.row("AAA", firm, "업체", "지원", "7001-04-01", "7001-06-01", 1, "Y");
        }
        participants.row("BBB", b, "업체", "지원", "7001-04-01", "7001-06-01", 1, "Y");
        for (int i = 0; i < 10; i++) {
            participants.row("BBB", brn(720 + i), "업체", "지원", "7001-04-01", "7001-06-01", 1, "Y");
        }
        write(ROUND, "results/aaa_participants.csv", participants);
        write(ROUND, "results/aaa_outcomes.csv", CsvFixture.outcomes()
            // row 2: not a participant of AAA
            .row("AAA", x, 1, 2, "", "", "", "")
            // row 3: kept
            .row("AAA", c, 1, 2, "", "", "", "")
            // row 4: DUPLICATE of row 3
            .row("AAA", c, 1, 2, "", "", "", "")
            // row 5: NOT_PARTICIPANT, not DUPLICATE
            .row("AAA", x, 1, 2, "", "", "", ""));
        String at = "7001-05-01 10:00";
        CsvFixture surveyA = CsvFixture.survey()
            // same time as b.csv row 2: b.csv is read last and kept
            .row("S1", at, a, "업체", "AAA", 3, 4, "", "", "", "", "", "", "")
            // later than BBB's: kept
            .row("S2", "7001-05-03 10:00", b, "업체", "AAA", 3, 4, "", "", "", "", "", "", "")
            // RANGE: not a candidate for DUPLICATE
            .row("S3", at, c, "업체", "AAA", 3, 6, "", "", "", "", "", "", "")
            // NOT_PARTICIPANT warning, kept
            .row("S4", at, x, "업체", "AAA", 3, 4, "", "", "", "", "", "", "");
        for (int i = 0; i < 2; i++) {
            filler(surveyA, i);
        }
        write(ROUND, "survey/a.csv", surveyA);
        CsvFixture surveyB = CsvFixture.survey()
            // the same firm through another center: earlier, DUPLICATE
            .row("T1", at, a, "업체", "AAA", 3, 5, "", "", "", "", "", "", "")
            .row("T2", "7001-05-02 10:00", b, "업체", "BBB", 3, 4, "", "", "", "", "", "", "")
            // the only candidate for c: kept
            .row("T3", at, c, "업체", "AAA", 3, 3, "", "", "", "", "", "", "");
        for (int i = 2; i < 8; i++) {
            filler(surveyB, i);
        }
        write(ROUND, "survey/b.csv", surveyB);

        // outcomes: 2 of 4 rejected
        assertThat(launch(ROUND, LocalDate.of(2040, 1, 1)).getStatus()).isEqualTo(BatchStatus.FAILED);

        List<String> crossRow = jdbc.queryForList(
                "select source_file || ' ' || row_number || ' ' || rule || ' '"
                        + " || severity || ' ' || message from finding where round = ? and cross_row = true"
                        + " and rule in ('DUPLICATE', 'NOT_PARTICIPANT')" + " order by source_file, row_number, rule",
                String.class, ROUND);
        assertThat(crossRow).containsExactly(
                "results/aaa_outcomes.csv 2 NOT_PARTICIPANT REJECT not a participant of AAA",
                "results/aaa_outcomes.csv 4 DUPLICATE REJECT the same firm has an earlier outcomes row at results/aaa_outcomes.csv row 3",
                "results/aaa_outcomes.csv 5 NOT_PARTICIPANT REJECT not a participant of AAA",
                "results/aaa_participants.csv 4 DUPLICATE REJECT the same firm is listed earlier for this center at results/aaa_participants.csv row 2",
                "survey/a.csv 2 DUPLICATE REJECT the firm answered again; the latest submission is kept, at survey/b.csv row 2",
                "survey/a.csv 5 NOT_PARTICIPANT WARN not a participant of AAA",
                "survey/b.csv 3 DUPLICATE REJECT the firm answered again; the latest submission is kept, at survey/a.csv row 3");
        assertThat(jdbc.queryForObject("select count(*) from survey_response where round = ? and accepted = true"
                + " and participant = false and brn = ?", Integer.class, ROUND, x))
            .isOne();
    }

    /**
     * Guards the shortcut that skips setting every row accepted again when no finding of
     * these rules is stored: a row rejected as a DUPLICATE of a row in another file is
     * accepted again once that other file is gone, and counts in the outcome tables.
     */
    @Test
    void aRowRejectedBecauseOfAnotherFileIsAcceptedAgainWhenThatFileGoes() throws Exception {
        int round = ROUND + 1;
        writeOneCenter(round, 7002);
        CsvFixture participants = CsvFixture.participants();
        CsvFixture earlier = CsvFixture.survey();
        for (int i = 0; i < 12; i++) {
            participantOfAaa(participants, 740 + i, 7002);
            answerToAaa(earlier, "E" + i, "7002-05-01 10:00", 740 + i);
        }
        write(round, "results/aaa_participants.csv", participants);
        write(round, "survey/earlier.csv", earlier);
        // the same firm answered again later: its answer in earlier.csv is the DUPLICATE
        write(round, "survey/later.csv", CsvFixture.survey()
            .row("L1", "7002-05-09 10:00", brn(740), "업체", "AAA", 5, 5, "", "", "", "", "", "", ""));

        assertThat(launch(round, LocalDate.of(2040, 2, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stored(round).filesOfRowsSetApart(RowTable.SURVEY_RESPONSE)).containsExactly("survey/earlier.csv");

        java.nio.file.Files.delete(input(round).resolve("survey/later.csv"));
        assertThat(launch(round, LocalDate.of(2040, 2, 2)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(stored(round).filesOfRowsSetApart(RowTable.SURVEY_RESPONSE)).isEmpty();
        assertThat(stored(round).findings(Rule.DUPLICATE)).isZero();
        assertThat(jdbc.queryForObject(
                "select survey_responses from participation_by_center p join latest_outcome_run l"
                        + " on l.job_execution_id = p.job_execution_id where l.round = ? and p.center_code = 'AAA'",
                Integer.class, round))
            .isEqualTo(12);
    }

    /**
     * Guards the upgrade to digests stored with each chunk (Flyway V10): a round whose
     * rows were stored before has no digests, and its rules across rows would find
     * nothing. The rules build the digests from the stored rows once, and judge as
     * before.
     */
    @Test
    void filesStoredBeforeDigestsWereGetThemFromTheirRows() throws Exception {
        int round = ROUND + 2;
        writeOneCenter(round, 7003);
        CsvFixture participants = CsvFixture.participants();
        CsvFixture survey = CsvFixture.survey();
        for (int i = 0; i < 12; i++) {
            participantOfAaa(participants, 760 + i, 7003);
            // the twelfth answers again for the first
            answerToAaa(survey, "E" + i, "7003-05-01 10:0" + i % 10, 760 + i % 11);
        }
        // row 14
        participantOfAaa(participants, 761, 7003);
        write(round, "results/aaa_participants.csv", participants);
        write(round, "survey/answers.csv", survey);
        assertThat(launch(round, LocalDate.of(2040, 3, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String findings = "select source_file || ' ' || row_number || ' ' || rule || ' ' || message from finding"
                + " where round = ? and cross_row = true order by source_file, row_number";
        List<String> judged = jdbc.queryForList(findings, String.class, round);
        assertThat(judged).containsExactly(
                "results/aaa_participants.csv 14 DUPLICATE the same firm is listed earlier for this center at results/aaa_participants.csv row 3",
                "survey/answers.csv 2 DUPLICATE the firm answered again; the latest submission is kept, at survey/answers.csv row 13");

        // the round as a database from before V10 holds it
        jdbc.update("delete from row_digest where round = ?", round);
        jdbc.update("update source_file set digests_stored = false where round = ?", round);
        assertThat(launch(round, LocalDate.of(2040, 3, 2)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForList(findings, String.class, round)).isEqualTo(judged);
        assertThat(stored(round).filesWithoutDigests()).isZero();
        for (RowTable table : List.of(RowTable.PARTICIPANT, RowTable.SURVEY_RESPONSE)) {
            assertThat(stored(round).digestedRows(table)).as(table.sqlName()).isEqualTo(stored(round).rows(table));
        }
    }

    /** centers.csv of a round with one center, AAA, of 12 firms, in {@code year}. */
    private void writeOneCenter(int round, int year) throws java.io.IOException {
        write(round, "centers.csv", CsvFixture.centers()
            .row("AAA", "에이", "종로구", "의류", "과제", "SALES", 50_000_000, 12, year + "-04-01", year + "-10-31"));
    }

    /** A participants row: firm {@code brn(firm)} supported by AAA in {@code year}. */
    private static void participantOfAaa(CsvFixture participants, int firm, int year) {
        participants.row("AAA", brn(firm), "업체", "지원", year + "-04-01", year + "-06-01", 1, "Y");
    }

    /**
     * A survey row: firm {@code brn(firm)} answers through AAA at {@code submittedAt}.
     */
    private static void answerToAaa(CsvFixture survey, String id, String submittedAt, int firm) {
        survey.row(id, submittedAt, brn(firm), "업체", "AAA", 3, 4, "", "", "", "", "", "", "");
    }

    /**
     * A survey handed in before any participant list: every answer is NOT_PARTICIPANT (a
     * warning), more of them than the rules settle at a time — each one stored and its
     * row set apart once, none lost or doubled between slices.
     */
    @Test
    void aSurveyWithoutParticipantListsIsSettledInSlices() throws Exception {
        int round = 7731;
        surveyAlone(round, 3, 7_000, 5);

        assertThat(launch(round, LocalDate.of(2040, 3, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long answers = stored(round).rows(RowTable.SURVEY_RESPONSE);
        assertThat(answers).isGreaterThan(20_000);
        assertThat(notParticipantFindings(round)).isEqualTo(answers);
        assertThat(jdbc.queryForObject("select count(distinct row_number) from cross_row_verdict where round = ?",
                Long.class, round))
            .isEqualTo(answers);
        assertThat(jdbc.queryForObject("select count(*) from cross_row_verdict where round = ?", Long.class, round))
            .isEqualTo(answers);
    }

}
