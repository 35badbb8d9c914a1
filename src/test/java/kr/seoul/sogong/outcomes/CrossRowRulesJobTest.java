package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.rows.RowTable;
import static kr.seoul.sogong.outcomes.BadInputJobTest.brn;
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
    private static String filler(int i) {
        return "F" + i + ",7001-05-01 10:00," + brn(720 + i) + ",업체,BBB,3,4,,,,,,,\n";
    }

    @Test
    void duplicatesAndStrangersAreJudgedInContractOrder() throws Exception {
        String a = brn(701);
        String b = brn(702);
        String c = brn(703);
        String d = brn(704);
        String x = brn(799);
        write(ROUND, "centers.csv", "center_code,center_name,district,industry,project_title,track,budget_cap_krw,"
                + "target_firms,period_start,period_end\n" + "AAA,에이,종로구,의류,과제,SALES,50000000,4,7001-04-01,7001-10-31\n"
                + "BBB,비,성북구,봉제,과제,TECH,50000000,4,7001-04-01,7001-10-31\n");
        String header = OutcomeTablesHandComputedTest.PARTICIPANTS;
        StringBuilder participants = new StringBuilder(header);
        // a twice: row 4 is the later one
        for (String firm : List.of(a, b, a, c, d)) {
            participants.append("AAA,").append(firm).append(",업체,지원,7001-04-01,7001-06-01,1,Y\n");
        }
        participants.append("BBB,").append(b).append(",업체,지원,7001-04-01,7001-06-01,1,Y\n");
        for (int i = 0; i < 10; i++) {
            participants.append("BBB,").append(brn(720 + i)).append(",업체,지원,7001-04-01,7001-06-01,1,Y\n");
        }
        write(ROUND, "results/aaa_participants.csv", participants.toString());
        // row 2: not a participant of AAA
        write(ROUND, "results/aaa_outcomes.csv", OutcomeTablesHandComputedTest.OUTCOMES + "AAA," + x + ",1,2,,,,\n"
        // row 3: kept
                + "AAA," + c + ",1,2,,,,\n"
                // row 4: DUPLICATE of row 3
                + "AAA," + c + ",1,2,,,,\n"
                // row 5: NOT_PARTICIPANT, not DUPLICATE
                + "AAA," + x + ",1,2,,,,\n");
        String s = OutcomeTablesHandComputedTest.SURVEY;
        String at = "7001-05-01 10:00";
        // same time as b.csv row 2: b.csv is read last and kept
        write(ROUND, "survey/a.csv", s + "S1," + at + "," + a + ",업체,AAA,3,4,,,,,,,\n"
        // later than BBB's: kept
                + "S2,7001-05-03 10:00," + b + ",업체,AAA,3,4,,,,,,,\n"
                // RANGE: not a candidate for DUPLICATE
                + "S3," + at + "," + c + ",업체,AAA,3,6,,,,,,,\n"
                // NOT_PARTICIPANT warning, kept
                + "S4," + at + "," + x + ",업체,AAA,3,4,,,,,,,\n" + filler(0) + filler(1));
        write(ROUND, "survey/b.csv",
                // the same firm through another center: earlier, DUPLICATE
                s + "T1," + at + "," + a + ",업체,AAA,3,5,,,,,,,\n" + "T2,7001-05-02 10:00," + b + ",업체,BBB,3,4,,,,,,,\n"
                // the only candidate for c: kept
                        + "T3," + at + "," + c + ",업체,AAA,3,3,,,,,,,\n" + filler(2) + filler(3) + filler(4) + filler(5)
                        + filler(6) + filler(7));

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
        StringBuilder participants = new StringBuilder(OutcomeTablesHandComputedTest.PARTICIPANTS);
        StringBuilder earlier = new StringBuilder(OutcomeTablesHandComputedTest.SURVEY);
        for (int i = 0; i < 12; i++) {
            participants.append(participantOfAaa(740 + i, 7002));
            earlier.append(answerToAaa("E" + i, "7002-05-01 10:00", 740 + i));
        }
        write(round, "results/aaa_participants.csv", participants.toString());
        write(round, "survey/earlier.csv", earlier.toString());
        // the same firm answered again later: its answer in earlier.csv is the DUPLICATE
        write(round, "survey/later.csv",
                OutcomeTablesHandComputedTest.SURVEY + "L1,7002-05-09 10:00," + brn(740) + ",업체,AAA,5,5,,,,,,,\n");

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
        StringBuilder participants = new StringBuilder(OutcomeTablesHandComputedTest.PARTICIPANTS);
        StringBuilder survey = new StringBuilder(OutcomeTablesHandComputedTest.SURVEY);
        for (int i = 0; i < 12; i++) {
            participants.append(participantOfAaa(760 + i, 7003));
            // the twelfth answers again for the first
            survey.append(answerToAaa("E" + i, "7003-05-01 10:0" + i % 10, 760 + i % 11));
        }
        // row 14
        participants.append(participantOfAaa(761, 7003));
        write(round, "results/aaa_participants.csv", participants.toString());
        write(round, "survey/answers.csv", survey.toString());
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
        write(round, "centers.csv",
                "center_code,center_name,district,industry,project_title,track,budget_cap_krw,"
                        + "target_firms,period_start,period_end\n" + "AAA,에이,종로구,의류,과제,SALES,50000000,12," + year
                        + "-04-01," + year + "-10-31\n");
    }

    /**
     * A participants.csv line: firm {@code brn(firm)} supported by AAA in {@code year}.
     */
    private static String participantOfAaa(int firm, int year) {
        return "AAA," + brn(firm) + ",업체,지원," + year + "-04-01," + year + "-06-01,1,Y\n";
    }

    /**
     * A survey line: firm {@code brn(firm)} answers through AAA at {@code submittedAt}.
     */
    private static String answerToAaa(String id, String submittedAt, int firm) {
        return id + "," + submittedAt + "," + brn(firm) + ",업체,AAA,3,4,,,,,,,\n";
    }

}
