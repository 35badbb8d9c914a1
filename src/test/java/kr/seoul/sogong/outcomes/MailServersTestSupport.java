package kr.seoul.sogong.outcomes;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real servers mail and alerts go to, in this JVM: an SMTP server (GreenMail, signing
 * in required) and an HTTP server for the webhook; one Spring context for the tests that
 * extend this.
 */
abstract class MailServersTestSupport extends OutcomesJobTestSupport {

    static final GreenMail SMTP;

    static final HttpServer HOOK;

    /** The bodies and content types the webhook received. */
    static final List<Map.Entry<String, String>> POSTS = new CopyOnWriteArrayList<>();

    /** What the webhook answers. */
    static final AtomicInteger ANSWER = new AtomicInteger(204);

    static {
        try (ServerSocket free = new ServerSocket(0)) {
            SMTP = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.getUserManager().setAuthRequired(true);
        SMTP.setUser("outcomes@agency.example", "ops", "smtp-secret");
        SMTP.start();
        try {
            HOOK = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HOOK.createContext("/hook", exchange -> {
            POSTS.add(Map.entry(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
            exchange.sendResponseHeaders(ANSWER.get(), -1);
            exchange.close();
        });
        HOOK.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.mail.username", () -> "ops");
        registry.add("spring.mail.password", () -> "smtp-secret");
        registry.add("outcomes.mail.from", () -> "outcomes@agency.example");
        registry.add("outcomes.alerts.mail-to", () -> "operator@agency.example");
        registry.add("outcomes.alerts.console-url", () -> "https://outcomes.agency.example/");
        registry.add("outcomes.alerts.webhook.url", () -> "http://127.0.0.1:" + HOOK.getAddress().getPort() + "/hook");
        registry.add("outcomes.alerts.webhook.retry-after", () -> "10ms");
        registry.add("outcomes.corrections.agency-mail", () -> "agency@seoul.example");
    }

    @Autowired
    protected RoundRunner runner;

    @BeforeEach
    void clean() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        POSTS.clear();
        ANSWER.set(204);
    }

    @AfterEach
    void serversBack() {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
    }

    protected static List<MimeMessage> mail() {
        return List.of(SMTP.getReceivedMessages());
    }

    protected static String text(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }

}
