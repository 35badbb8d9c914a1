package kr.seoul.sogong.outcomes.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An alert as a JSON POST (the JDK's HTTP client): our own body with every fact, or the
 * text of a Slack or Microsoft Teams incoming webhook. A refused POST (not 2xx) or one
 * that cannot reach the server is tried again after a wait that doubles, a bounded number
 * of times.
 */
@Component
public class WebhookPost {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertSettings settings;

    private final AlertText text;

    private final HttpClient http;

    public WebhookPost(AlertSettings settings, AlertText text) {
        this.settings = settings;
        this.text = text;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhook().timeout()).build();
    }

    boolean configured() {
        return settings.webhook().url() != null;
    }

    /** Posts the alert; returns what the last answer was, or throws when none was 2xx. */
    String post(Alert alert) throws IOException, InterruptedException {
        AlertSettings.Webhook webhook = settings.webhook();
        URI url = webhook.url();
        if (url == null) {
            throw new IllegalStateException("no webhook is configured (outcomes.alerts.webhook.url)");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(webhook.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "sogong-outcomes")
            .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
            .build();
        String last = "";
        long wait = webhook.retryAfter().toMillis();
        for (int attempt = 1; attempt <= webhook.attempts(); attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return "HTTP " + answer.statusCode() + " after " + attempt + " attempt(s)";
                }
                last = "HTTP " + answer.statusCode();
            }
            catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < webhook.attempts()) {
                Thread.sleep(wait);
                wait *= 2;
            }
        }
        throw new IOException(last + " after " + webhook.attempts() + " attempt(s)");
    }

    String body(Alert alert) {
        String subject = text.subject(alert);
        String message = text.text(alert);
        Map<String, Object> body = new LinkedHashMap<>();
        switch (settings.webhook().format()) {
            case SLACK -> body.put("text", message);
            case TEAMS -> {
                body.put("@type", "MessageCard");
                body.put("@context", "http://schema.org/extensions");
                body.put("summary", subject);
                body.put("title", subject);
                // Teams renders Markdown: a line break is a blank line
                body.put("text", message.replace("\n", "\n\n"));
            }
            case JSON -> {
                body.put("round", alert.round());
                body.put("execution", alert.executionId());
                body.put("status", alert.kind().name());
                body.put("exitCode", alert.exitCode());
                body.put("lastError", alert.lastError());
                Map<String, Long> findings = new LinkedHashMap<>();
                findings.put("REJECT", alert.rejects());
                findings.put("WARN", alert.warnings());
                body.put("findings", findings);
                body.put("link", alert.link());
                body.put("subject", subject);
                body.put("text", message);
            }
        }
        return JSON.writeValueAsString(body);
    }

}
