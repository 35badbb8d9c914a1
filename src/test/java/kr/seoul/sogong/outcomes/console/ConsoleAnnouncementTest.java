package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * Guards serve's first words: the address to open once it listens, and a warning when it
 * listens beyond this machine (an operator who set 0.0.0.0 is told what that means).
 */
class ConsoleAnnouncementTest {

    @ParameterizedTest
    @CsvSource({ "127.0.0.1, http://127.0.0.1:8181/, false", "::1, http://[0:0:0:0:0:0:0:1]:8181/, false",
            "0.0.0.0, , true", "'', , true" })
    void saysWhereItListensAndWarnsBeyondTheLoopback(String address, String url, boolean warned) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ConsoleAnnouncement.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            MockEnvironment environment = new MockEnvironment().withProperty("server.address", address);
            new ConsoleAnnouncement(environment).announce(new Listening(8181));
        }
        finally {
            logger.detachAppender(logged);
            logger.setLevel(level);
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines.get(0)).startsWith("console ready on http://");
        if (url != null) {
            assertThat(lines.get(0)).startsWith("console ready on " + url);
        }
        assertThat(lines.stream().anyMatch(l -> l.startsWith("the console listens beyond this machine")))
            .isEqualTo(warned);
    }

    /** The event Boot publishes once its server listens, for a server on a port. */
    private static final class Listening extends WebServerInitializedEvent {

        Listening(int port) {
            super(new WebServer() {

                @Override
                public void start() {
                }

                @Override
                public void stop() {
                }

                @Override
                public int getPort() {
                    return port;
                }

            });
        }

        @Override
        public WebServerApplicationContext getApplicationContext() {
            throw new UnsupportedOperationException("not read by the announcement");
        }

    }

}
