package kr.seoul.sogong.outcomes.alerts;

import java.util.Locale;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An alert's subject and text through the console's {@link MessageSource}: Korean, or
 * English with {@code outcomes.locale=en}.
 */
@Component
public class AlertText {

    private final MessageSource messages;

    private final Locale locale;

    public AlertText(MessageSource messages, OutcomesProperties properties) {
        this.messages = messages;
        this.locale = properties.locale().getLanguage().equals("en") ? Locale.ENGLISH : Locale.KOREAN;
    }

    String subject(Alert alert) {
        return say("alert.subject", String.valueOf(alert.round()), say("alert.kind." + alert.kind()),
                alert.executionId() == null ? "-" : String.valueOf(alert.executionId()));
    }

    String text(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append(subject(alert)).append("\n\n");
        text.append(say("alert.exitCode", String.valueOf(alert.exitCode()))).append('\n');
        if (alert.lastError() != null) {
            text.append(say("alert.lastError", alert.lastError())).append('\n');
        }
        text.append(say("alert.findings", String.valueOf(alert.rejects()), String.valueOf(alert.warnings())))
            .append('\n');
        if (alert.link() != null) {
            text.append(say("alert.link", alert.link())).append('\n');
        }
        text.append('\n').append(say("alert.next." + alert.kind(), String.valueOf(alert.round()))).append('\n');
        return text.toString();
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
