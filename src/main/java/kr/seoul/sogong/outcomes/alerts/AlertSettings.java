package kr.seoul.sogong.outcomes.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outcomes.alerts.*}: who is told, and how often.
 *
 * @param mailTo the operators' addresses; none: no alert by mail
 * @param cooldown within it a round's run that ends the same way again is not told again
 * @param consoleUrl the console as its users reach it ({@code https://outcomes.example}),
 * for the link to the round's page; none: no link
 * @param webhook a JSON POST for each alert; no url: none
 */
@ConfigurationProperties("outcomes.alerts")
public record AlertSettings(List<String> mailTo, Duration cooldown, @Nullable String consoleUrl, Webhook webhook) {

    public AlertSettings {
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
        cooldown = cooldown == null ? Duration.ofHours(12) : cooldown;
        webhook = webhook == null ? new Webhook(null, Format.JSON, 3, Duration.ofSeconds(5), Duration.ofSeconds(10))
                : webhook;
    }

    /**
     * @param format the body: our JSON, or a Slack or Microsoft Teams incoming webhook's
     * @param attempts tries in all before the alert is recorded as not delivered
     * @param retryAfter the wait before the second try, doubled before each next one
     */
    public record Webhook(@Nullable URI url, Format format, Integer attempts, Duration retryAfter, Duration timeout) {

        public Webhook {
            format = format == null ? Format.JSON : format;
            attempts = attempts == null ? 3 : Math.max(1, attempts);
            retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

    }

    public enum Format {

        JSON, SLACK, TEAMS

    }

}
