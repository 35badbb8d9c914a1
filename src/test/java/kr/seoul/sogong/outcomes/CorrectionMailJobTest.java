package kr.seoul.sogong.outcomes;

import static kr.seoul.sogong.outcomes.CsvFixture.brn;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.seoul.sogong.outcomes.corrections.CorrectionMail;
import kr.seoul.sogong.outcomes.corrections.CorrectionMailSettings;
import kr.seoul.sogong.outcomes.corrections.MailLog;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.mail.Outbox;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import kr.seoul.sogong.outcomes.reports.CommitteeFiles;
import kr.seoul.sogong.outcomes.reports.CommitteeMail;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The centers' correction workbooks by mail, received by a real SMTP server: each center
 * gets exactly its own workbook (compared by sha256 with the file on disk), the
 * unassigned one goes to the agency, a rerun with unchanged findings mails nobody, and a
 * changed finding mails the new workbook to its center only.
 */
class CorrectionMailJobTest extends MailServersTestSupport {

    static final int ROUND = 8301;

    @Autowired
    CorrectionMail correctionMail;

    @Autowired
    MailLog mailLog;

    @Autowired
    OutcomesProperties properties;

    @Autowired
    IntakeStore intake;

    @Autowired
    Outbox outbox;

    /**
     * Three centers (AAA with two addresses, BBB with one, CCC with none): AAA's and
     * CCC's survey rows hold one out of range, BBB's budget file one negative amount when
     * {@code bbbWrong}; one survey row names no center of the round.
     */
    private void round(boolean bbbWrong) throws IOException {
        write(ROUND, "centers.csv",
                CsvFixture.centers()
                    .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 15, "8301-04-01", "8301-10-31")
                    .row("BBB", "비센터", "성북구", "봉제", "과제", "TECH", 50_000_000, 15, "8301-04-01", "8301-10-31")
                    .row("CCC", "씨센터", "중구", "인쇄", "과제", "TECH", 50_000_000, 10, "8301-04-01", "8301-10-31"));
        // the addresses, an extension of the contract
        Files.writeString(input(ROUND).resolve("centers.csv"),
                Files.readString(input(ROUND).resolve("centers.csv"))
                    .replaceFirst("period_end\n", "period_end,contact_email\n")
                    .replaceFirst("8301-10-31\n", "8301-10-31,a1@aaa.example; a2@aaa.example\n")
                    .replaceFirst("(BBB,.*8301-10-31)\n", "$1,b@bbb.example\n")
                    .replaceFirst("(CCC,.*8301-10-31)\n", "$1,\n"));
        CsvFixture survey = CsvFixture.survey();
        int firm = 0;
        for (String center : List.of("AAA", "BBB", "CCC")) {
            int rows = center.equals("CCC") ? 9 : 15;
            for (int i = 0; i < rows; i++) {
                boolean wrong = i == 0 && !center.equals("BBB");
                survey.row(center + i, "8301-05-01 10:00", brn(600 + firm++), "업체", center, 3, wrong ? 7 : 4, 4, 5, 3,
                        4, 5, "판로", "");
            }
        }
        survey.row("Z0", "8301-05-01 10:00", brn(699), "업체", "ZZZ", 3, 4, 4, 5, 3, 4, 5, "판로", "");
        write(ROUND, "survey/answers.csv", survey);
        CsvFixture budget = CsvFixture.budget();
        for (int i = 0; i < 12; i++) {
            budget.row("BBB", "비목" + i, 1_000_000, i == 0 && bbbWrong ? -5 : 900_000);
        }
        write(ROUND, "results/bbb_budget.csv", budget);
    }

    private int run(LocalDate runDate) throws Exception {
        return runner.run(new RunRequest(ROUND, runDate), "test");
    }

    private List<String> send(boolean dryRun) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = correctionMail.send(ROUND, dryRun, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCodes.COMPLETED);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Each received letter as "address: attachment name sha256", and its attachments. */
    private static Map<String, String> received() throws Exception {
        Map<String, String> received = new TreeMap<>();
        for (MimeMessage m : mail()) {
            List<String> attachments = new ArrayList<>();
            MimeMultipart parts = (MimeMultipart) m.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    byte[] bytes = part.getInputStream().readAllBytes();
                    attachments.add(part.getFileName() + " "
                            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                }
            }
            for (var to : m.getAllRecipients()) {
                received.merge(to.toString(), String.join(", ", attachments), (a, b) -> a + " | " + b);
            }
        }
        return received;
    }

    private String onDisk(String workbook) throws IOException {
        return onDisk(ROUND, workbook);
    }

    private static String body(MimeMessage m) throws Exception {
        MimeMultipart parts = (MimeMultipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain") && part.getDisposition() == null) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof MimeMultipart inner) {
                return String.valueOf(inner.getBodyPart(0).getContent());
            }
        }
        throw new AssertionError("no text in " + m.getSubject());
    }

    @Test
    void eachCenterGetsItsOwnWorkbookOnce() throws Exception {
        round(true);
        assertThat(run(LocalDate.of(2040, 1, 1))).isEqualTo(ExitCodes.COMPLETED);

        // a center's items: its rows out of range (REJECT) and, as no participants are
        // given, every other survey row of its NOT_PARTICIPANT (WARN); BBB's: its 15
        // survey rows and its negative amount; the agency's: the row naming no center
        List<String> dryRun = send(true);
        assertThat(dryRun).containsExactly("AAA (에이센터): AAA.xlsx, 15 item(s) -> a1@aaa.example: would send",
                "AAA (에이센터): AAA.xlsx, 15 item(s) -> a2@aaa.example: would send",
                "BBB (비센터): BBB.xlsx, 16 item(s) -> b@bbb.example: would send",
                "CCC (씨센터): CCC.xlsx, 9 item(s): not sent: no contact_email for it in centers.csv",
                "_unassigned (사업 담당 기관): _unassigned.xlsx, 1 item(s) -> agency@seoul.example: would send");
        assertThat(mail()).isEmpty();

        List<String> sent = send(false);
        assertThat(sent).hasSize(5).filteredOn(l -> l.contains(": sent <")).hasSize(4);
        assertThat(received()).containsExactly(Map.entry("a1@aaa.example", onDisk("AAA.xlsx")),
                Map.entry("a2@aaa.example", onDisk("AAA.xlsx")),
                Map.entry("agency@seoul.example", onDisk("_unassigned.xlsx")),
                Map.entry("b@bbb.example", onDisk("BBB.xlsx")));
        MimeMessage toBbb = mail().stream().filter(m -> received(m).equals("b@bbb.example")).findFirst().orElseThrow();
        assertThat(toBbb.getSubject()).isEqualTo("[소공인 성과표] 8301년 자료 수정 요청 · 비센터 (16건)");
        assertThat(body(toBbb)).startsWith("비센터 담당자님께,")
            .contains("고칠 항목이 16건")
            .contains("BBB.xlsx")
            .contains("02:00에 시작하는 정기 실행");
        assertThat(mailLog.ofRound(ROUND)).hasSize(4)
            .allSatisfy(s -> assertThat(s.messageId()).startsWith("<").endsWith(">"));

        // the same files the next night: the same workbooks, nobody mailed
        assertThat(run(LocalDate.of(2040, 1, 2))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(send(false)).filteredOn(l -> l.contains("already sent")).hasSize(4);
        assertThat(mail()).hasSize(4);

        // BBB fixed its row: its new workbook (warnings only) goes to BBB alone
        round(false);
        assertThat(run(LocalDate.of(2040, 1, 3))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(send(false)).filteredOn(l -> l.contains(": sent <"))
            .singleElement(InstanceOfAssertFactories.STRING)
            .startsWith("BBB (비센터): BBB.xlsx, 15 item(s) -> b@bbb.example: sent");
        assertThat(mail()).hasSize(5);
        assertThat(received().get("b@bbb.example")).endsWith(" | " + onDisk("BBB.xlsx"));
    }

    private static String received(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** With outcomes.corrections.mail=auto, the run's end mails what it wrote. */
    @Test
    void automaticallyAfterARunThatWroteThem() throws Exception {
        int round = ROUND + 1;
        write(round, "centers.csv", CsvFixture.centers()
            .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 15, "8302-04-01", "8302-10-31"));
        Files.writeString(input(round).resolve("centers.csv"),
                Files.readString(input(round).resolve("centers.csv"))
                    .replaceFirst("period_end\n", "period_end,contact_email\n")
                    .replaceFirst("8302-10-31\n", "8302-10-31,auto@aaa.example\n"));
        CsvFixture survey = CsvFixture.survey();
        for (int i = 0; i < 12; i++) {
            survey.row("A" + i, "8302-05-01 10:00", brn(680 + i), "업체", "AAA", 3, i == 0 ? 7 : 4, 4, 5, 3, 4, 5, "판로",
                    "");
        }
        write(round, "survey/answers.csv", survey);
        assertThat(runner.run(new RunRequest(round, LocalDate.of(2040, 1, 1)), "test")).isEqualTo(ExitCodes.COMPLETED);
        // the context's own setting is off: nothing went
        assertThat(mail()).isEmpty();

        CorrectionMail auto = new CorrectionMail(properties,
                new CorrectionMailSettings(CorrectionMailSettings.Mode.AUTO, List.of(), LocalTime.of(2, 0)), intake,
                mailLog, outbox);
        auto.runEnded(new RoundRunEnded(round, null, ExitCodes.FAILED, "broken", List.of()));
        assertThat(mail()).as("a failed run wrote no workbooks to mail").isEmpty();
        auto.runEnded(new RoundRunEnded(round, null, ExitCodes.COMPLETED, null, List.of()));
        assertThat(received()).containsExactly(Map.entry("auto@aaa.example", onDisk(round, "AAA.xlsx")));
    }

    /**
     * The committee's pack goes after a completed run, again only when the tables changed
     * (the workbook's own bytes change with each run).
     */
    @Test
    void theCommitteesPackGoesWhenItsTablesChange() throws Exception {
        int round = ROUND + 2;
        CommitteeMail committee = new CommitteeMail(properties, List.of("committee@seoul.example"), mailLog, outbox);
        write(round, "centers.csv", CsvFixture.centers()
            .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 15, "8303-04-01", "8303-10-31"));
        CsvFixture survey = CsvFixture.survey();
        for (int i = 0; i < 12; i++) {
            survey.row("A" + i, "8303-05-01 10:00", brn(700 + i), "업체", "AAA", 3, 4, 4, 5, 3, 4, 5, "판로", "");
        }
        write(round, "survey/answers.csv", survey);

        assertThat(runner.run(new RunRequest(round, LocalDate.of(2040, 1, 1)), "test")).isEqualTo(ExitCodes.COMPLETED);
        committee.runEnded(new RoundRunEnded(round, 1L, ExitCodes.COMPLETED, null, List.of()));
        Path out = properties.roundOutput(round);
        assertThat(received()).containsExactly(Map.entry("committee@seoul.example",
                CommitteeFiles.WORKBOOK + " " + SourceFiles.sha256(out.resolve(CommitteeFiles.WORKBOOK)) + ", "
                        + CommitteeFiles.PAGE + " " + SourceFiles.sha256(out.resolve(CommitteeFiles.PAGE))));
        assertThat(mail().get(0).getSubject()).isEqualTo("[소공인 성과표] 8303년 성과표 (위원회 자료)");

        // the next night, the same tables: nothing
        assertThat(runner.run(new RunRequest(round, LocalDate.of(2040, 1, 2)), "test")).isEqualTo(ExitCodes.COMPLETED);
        committee.runEnded(new RoundRunEnded(round, 2L, ExitCodes.COMPLETED, null, List.of()));
        assertThat(mail()).hasSize(1);

        // one more response changes the tables: the new pack goes
        survey.row("A12", "8303-05-01 10:00", brn(712), "업체", "AAA", 3, 2, 4, 5, 3, 4, 5, "판로", "");
        write(round, "survey/answers.csv", survey);
        assertThat(runner.run(new RunRequest(round, LocalDate.of(2040, 1, 3)), "test")).isEqualTo(ExitCodes.COMPLETED);
        committee.runEnded(new RoundRunEnded(round, 3L, ExitCodes.FAILED, "broken", List.of()));
        assertThat(mail()).as("only a completed run's pack goes").hasSize(1);
        committee.runEnded(new RoundRunEnded(round, 3L, ExitCodes.COMPLETED, null, List.of()));
        assertThat(mail()).hasSize(2);
    }

    private String onDisk(int round, String workbook) throws IOException {
        return workbook + " "
                + SourceFiles.sha256(properties.roundOutput(round).resolve("corrections").resolve(workbook));
    }

}
