package kr.seoul.sogong.outcomes.alerts;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kr.seoul.sogong.outcomes.mail.Letter;
import kr.seoul.sogong.outcomes.mail.Outbox;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import kr.seoul.sogong.outcomes.store.FindingStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator how a round's run ended when it did not end well: by mail to
 * {@code outcomes.alerts.mail-to} and by the webhook, once per round and outcome within
 * {@code outcomes.alerts.cooldown} (a nightly restart that fails the same way again is
 * not told again), and "recovered" once the round completes after an alert. An alert that
 * cannot be sent is one WARN line and a row of {@code alert_log}; it never changes the
 * run's exit code.
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertSettings settings;

    private final AlertLog alertLog;

    private final AlertText text;

    private final Outbox outbox;

    private final WebhookPost webhook;

    private final FindingStore findings;

    public Alerts(AlertSettings settings, AlertLog alertLog, AlertText text, Outbox outbox, WebhookPost webhook,
            FindingStore findings) {
        this.settings = settings;
        this.alertLog = alertLog;
        this.text = text;
        this.outbox = outbox;
        this.webhook = webhook;
        this.findings = findings;
    }

    @EventListener
    public void runEnded(RoundRunEnded ended) {
        if (settings.mailTo().isEmpty() && !webhook.configured()) {
            return;
        }
        try {
            for (Long killed : ended.recoveredAfterKill()) {
                tellOnce(alert(AlertKind.KILLED, ended.round(), killed, ended.exitCode(), null));
            }
            AlertKind kind = AlertKind.of(ended.end());
            if (kind != null) {
                tellOnce(alert(kind, ended.round(), ended.executionId(), ended.exitCode(), ended.line()));
            }
            else if (lastTold(ended.round()).filter(k -> k != AlertKind.RECOVERED).isPresent()) {
                tell(alert(AlertKind.RECOVERED, ended.round(), ended.executionId(), ended.exitCode(), null));
            }
        }
        catch (RuntimeException e) {
            log.warn("round {}: the alert could not be made: {}", ended.round(), e.getMessage());
        }
    }

    private void tellOnce(Alert alert) {
        LocalDateTime since = LocalDateTime.now().minus(settings.cooldown());
        boolean told;
        try {
            told = alertLog.toldSince(alert.round(), alert.kind(), since);
        }
        catch (RuntimeException databaseGone) {
            // better twice than not at all
            told = false;
        }
        if (told) {
            log.info("round {}: {} was told within the last {}; not repeated", alert.round(), alert.kind(),
                    settings.cooldown());
            return;
        }
        tell(alert);
    }

    private void tell(Alert alert) {
        if (!settings.mailTo().isEmpty()) {
            deliver(alert, AlertLog.Channel.MAIL,
                    () -> outbox.send(new Letter(settings.mailTo(), text.subject(alert), text.text(alert), List.of())));
        }
        if (webhook.configured()) {
            deliver(alert, AlertLog.Channel.WEBHOOK, () -> webhook.post(alert));
        }
    }

    private interface Delivery {

        String send() throws Exception;

    }

    private void deliver(Alert alert, AlertLog.Channel channel, Delivery delivery) {
        boolean delivered;
        String detail;
        try {
            detail = delivery.send();
            delivered = true;
            log.info("round {}: alert {} sent by {}", alert.round(), alert.kind(), channel);
        }
        catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            delivered = false;
            detail = Outbox.why(e);
            log.warn("round {}: the {} alert could not be sent by {}: {}", alert.round(), alert.kind(), channel,
                    detail);
        }
        try {
            alertLog.record(alert, channel, delivered, detail);
        }
        catch (RuntimeException e) {
            log.warn("round {}: the {} alert by {} could not be recorded: {}", alert.round(), alert.kind(), channel,
                    e.getMessage());
        }
    }

    private Optional<AlertKind> lastTold(int round) {
        try {
            return alertLog.lastTold(round);
        }
        catch (RuntimeException databaseGone) {
            return Optional.empty();
        }
    }

    private Alert alert(AlertKind kind, int round, @Nullable Long executionId, int exitCode, @Nullable String line) {
        long rejects = 0;
        long warnings = 0;
        try {
            FindingStore.FindingCount counts = findings.counts(round).total();
            rejects = counts.rejects();
            warnings = counts.warnings();
        }
        catch (RuntimeException databaseGone) {
            // the alert goes without them
        }
        String console = settings.consoleUrl();
        String link = console == null || console.isBlank() ? null : console.replaceAll("/+$", "") + "/rounds/" + round;
        return new Alert(kind, round, executionId, exitCode, line, rejects, warnings, link);
    }

}
