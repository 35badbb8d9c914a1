package kr.seoul.sogong.outcomes.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code serve} says when it is up and where, on the console and in its log: without it
 * the operator saw nothing until the first request and could not tell whether to open a
 * browser or wait. Listening beyond this machine is said as a warning.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAnnouncement.class);

    private final Environment environment;

    ConsoleAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void announce(WebServerInitializedEvent event) throws UnknownHostException {
        String address = environment.getProperty("server.address", "");
        int port = event.getWebServer().getPort();
        InetAddress bound = address.isBlank() ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(address);
        String host = bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName()
                : bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        log.info("console ready on http://{}:{}/ (stop: Ctrl-C or systemctl stop; the users: {})", host, port,
                environment.getProperty("outcomes.console.users-file", ConsoleUsers.DEFAULT_FILE.toString()));
        if (!bound.isLoopbackAddress()) {
            log.warn(
                    "the console listens beyond this machine ({}): anyone who reaches port {} sees the sign-in page;"
                            + " put it behind a TLS proxy (README, \"Behind TLS\") or set server.address=127.0.0.1",
                    bound.getHostAddress(), port);
        }
    }

}
