package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.alerts.AlertLog;
import kr.seoul.sogong.outcomes.alerts.AlertSettings;
import kr.seoul.sogong.outcomes.alerts.AlertText;
import kr.seoul.sogong.outcomes.alerts.Alerts;
import kr.seoul.sogong.outcomes.alerts.WebhookPost;
import kr.seoul.sogong.outcomes.mail.Outbox;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.store.FindingStore;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts as the operator receives them: runs through the {@link RoundRunner} (as the
 * command line and the console run them), a real SMTP server in this JVM (GreenMail,
 * signing in required) and a real HTTP server for the webhook.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertsJobTest extends MailServersTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void round(int round, int bad) throws IOException {
        oneCenterRound(round, bad, 900);
    }

    private int run(int round) throws Exception {
        return runner.run(new RunRequest(round, LocalDate.of(2040, 1, 1)), "test");
    }

    @Test
    void aGateStopIsToldOnceWithItsFileAndTheRecoveryOnce() throws Exception {
        int round = 8101;
        round(round, 4);

        assertThat(run(round)).isEqualTo(ExitCodes.QUALITY_GATE);
        assertThat(mail()).hasSize(1);
        MimeMessage alert = mail().get(0);
        assertThat(alert.getSubject())
            .isEqualTo("[소공인 성과표] 8101 회차: 품질 기준 미달로 멈춤 (실행 " + stored(round).lastExecutionId() + ")");
        assertThat(alert.getAllRecipients()).extracting(Object::toString).containsExactly("operator@agency.example");
        assertThat(text(alert)).contains("survey/answers.csv")
            .contains("종료 코드: 3")
            .contains("REJECT 4건")
            .contains("콘솔: https://outcomes.agency.example/rounds/8101")
            .contains("output/8101/corrections/");
        assertThat(POSTS).hasSize(1);
        JsonNode body = JSON.readTree(POSTS.get(0).getKey());
        assertThat(body.get("round").asInt()).isEqualTo(round);
        assertThat(body.get("status").asString()).isEqualTo("QUALITY_GATE");
        assertThat(body.get("exitCode").asInt()).isEqualTo(3);
        assertThat(body.get("lastError").asString()).contains("survey/answers.csv");
        assertThat(body.get("findings").get("REJECT").asLong()).isEqualTo(4);
        assertThat(body.get("link").asString()).isEqualTo("https://outcomes.agency.example/rounds/8101");
        assertThat(POSTS.get(0).getValue()).startsWith("application/json");

        // the nightly restart fails the same way: within the cooldown, nobody is told
        // again
        assertThat(run(round)).isEqualTo(ExitCodes.QUALITY_GATE);
        assertThat(mail()).hasSize(1);
        assertThat(POSTS).hasSize(1);

        round(round, 0);
        assertThat(run(round)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(mail()).hasSize(2);
        assertThat(mail().get(1).getSubject()).contains("다시 정상 완료 (복구됨)");
        assertThat(POSTS).hasSize(2);
        assertThat(JSON.readTree(POSTS.get(1).getKey()).get("status").asString()).isEqualTo("RECOVERED");

        // a completed round is told nothing more
        assertThat(run(round)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(mail()).hasSize(2);
        assertThat(POSTS).hasSize(2);
    }

    @Test
    void anAlertThatCannotBeSentLeavesTheExitCodeAndIsRecorded(CapturedOutput output) throws Exception {
        int round = 8102;
        round(round, 4);
        SMTP.stop();
        ANSWER.set(500);

        assertThat(run(round)).isEqualTo(ExitCodes.QUALITY_GATE);

        // three attempts, then recorded as not delivered
        assertThat(POSTS).hasSize(3);
        assertThat(alertRows(round)).satisfiesExactly(
                m -> assertThat(m).startsWith("MAIL false ").endsWith("(Connection refused)").doesNotContain("\n"),
                w -> assertThat(w).isEqualTo("WEBHOOK false HTTP 500 after 3 attempt(s)"));
        assertThat(output.getOut().lines().filter(l -> l.contains("could not be sent by"))).hasSize(2);
    }

    /**
     * A run that resumed an execution a killed process left running tells so, apart from
     * how it ended; completing after it is the round's recovery.
     */
    @Test
    void aRunThatRecoveredAKilledOneTellsIt() throws Exception {
        int round = 8104;
        alerts.runEnded(new RoundRunEnded(round, 12L, ExitCodes.COMPLETED, null, List.of(11L)));

        assertThat(mail()).extracting(MimeMessage::getSubject)
            .containsExactly("[소공인 성과표] 8104 회차: 끝나지 못한 실행을 복구함 (실행 11)", "[소공인 성과표] 8104 회차: 다시 정상 완료 (복구됨) (실행 12)");
        assertThat(text(mail().get(0))).contains("강제 종료 또는 장애");
        assertThat(POSTS).extracting(p -> JSON.readTree(p.getKey()).get("status").asString())
            .containsExactly("KILLED", "RECOVERED");
    }

    /**
     * Guards against a connection kept by each completed run's look at the round's last
     * alert (a JdbcClient stream left open): more completions than the pool has
     * connections, and the database still answers.
     */
    @Test
    void completedRunsKeepNoConnection() {
        int round = 8105;
        for (int i = 0; i < 15; i++) {
            alerts.runEnded(new RoundRunEnded(round, (long) i, ExitCodes.COMPLETED, null, List.of()));
        }
        assertThat(jdbc.queryForObject("select count(*) from alert_log where round = ?", Integer.class, round))
            .isZero();
        assertThat(mail()).isEmpty();
    }

    @Autowired
    Alerts alerts;

    /**
     * Guards against an SMTP server that refuses the sign-in passing for a sent alert:
     * the real server here, signing in with a wrong password.
     */
    @Test
    void aServerThatRefusesTheSignInIsOneWarningAndARecord(CapturedOutput output) throws Exception {
        int round = 8103;
        JavaMailSenderImpl wrongPassword = new JavaMailSenderImpl();
        wrongPassword.setHost("127.0.0.1");
        wrongPassword.setPort(SMTP.getSmtp().getPort());
        wrongPassword.setUsername("ops");
        wrongPassword.setPassword("not-the-password");
        Outbox outbox = new Outbox(new StaticListableBeanFactory(Map.of("mailSender", wrongPassword))
            .getBeanProvider(JavaMailSender.class), "outcomes@agency.example");
        AlertSettings mailOnly = new AlertSettings(alertSettings.mailTo(), alertSettings.cooldown(),
                alertSettings.consoleUrl(), null);
        Alerts refused = new Alerts(mailOnly, alertLog, alertText, outbox, new WebhookPost(mailOnly, alertText),
                findingStore);

        refused.runEnded(new RoundRunEnded(round, 1L, ExitCodes.FAILED, "something broke", List.of()));

        assertThat(mail()).isEmpty();
        assertThat(alertRows(round)).singleElement(InstanceOfAssertFactories.STRING)
            .startsWith("MAIL false ")
            .containsIgnoringCase("authentication");
        assertThat(output.getOut().lines().filter(l -> l.contains("could not be sent by MAIL"))).hasSize(1);
    }

    /** The round's alert_log rows: channel, delivered, detail. */
    private List<String> alertRows(int round) {
        return jdbc.query("select channel, delivered, detail from alert_log where round = ? order by channel",
                (rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3), round);
    }

    @Autowired
    AlertLog alertLog;

    @Autowired
    AlertText alertText;

    @Autowired
    FindingStore findingStore;

    @Autowired
    AlertSettings alertSettings;

}
