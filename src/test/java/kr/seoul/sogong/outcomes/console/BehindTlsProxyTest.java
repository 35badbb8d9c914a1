package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console behind the TLS proxy of the README's recipe, on a real server (Tomcat): the
 * session cookie was neither {@code Secure} nor {@code SameSite}, no HSTS, redirects went
 * to {@code http://}, any Host header was answered (a DNS-rebinding page reaching a
 * 127.0.0.1 console), and the firewall's refusals came without the console's headers
 * (issue 21). Requests are written by hand on a socket: Java's HTTP client will not send
 * another Host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "outcomes.launcher.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:console-proxy;DB_CLOSE_DELAY=-1",
                "logging.file.name=target/test-logs/console-proxy.log",
                // the README's recipe
                "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "outcomes.console.allowed-hosts=console.example.kr" })
class BehindTlsProxyTest {

    static final Path USERS;

    static {
        try {
            USERS = Files.createTempDirectory("proxy").resolve("console-users");
            new ConsoleUsers(USERS).add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("outcomes.console.users-file", USERS::toString);
    }

    @LocalServerPort
    int port;

    record Response(int status, List<String> headers, String body) {
        String header(String name) {
            return headers.stream()
                .filter(h -> h.toLowerCase().startsWith(name.toLowerCase() + ":"))
                .map(h -> h.substring(h.indexOf(':') + 1).strip())
                .findFirst()
                .orElse(null);
        }
    }

    private Response get(String path, String host, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : extraHeaders) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = raw.split("\r\n\r\n", 2);
            String[] lines = parts[0].split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, parts.length > 1 ? parts[1] : "");
        }
    }

    @Test
    void behindTheProxyTheCookieIsSecureAndSameSiteRedirectsStayHttpsAndHstsIsSent() throws Exception {
        Response login = get("/login", "console.example.kr", "X-Forwarded-Proto: https", "X-Forwarded-For: 10.1.2.3");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("JSESSIONID=", "Secure", "HttpOnly", "SameSite=Lax");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");

        Response home = get("/", "console.example.kr", "X-Forwarded-Proto: https");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).startsWith("https://console.example.kr").endsWith("/login");
    }

    @Test
    void withoutTheProxyTheCookieIsStillSameSiteAndNotSecure() throws Exception {
        Response login = get("/login", "127.0.0.1:" + port);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void aHostTheConsoleIsNotKnownByIsRefusedWithTheConsolesHeaders() throws Exception {
        Response rebound = get("/login", "attacker.example");
        assertThat(rebound.status()).isEqualTo(400);
        assertThat(rebound.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(rebound.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(rebound.body()).doesNotContain("Tomcat").doesNotContain("Exception");

        // and a path the firewall refuses, with the same headers
        Response traversal = get("/rounds/2022/output/..;/..;/console-users", "localhost");
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.header("X-Frame-Options")).isEqualTo("DENY");
    }

}
