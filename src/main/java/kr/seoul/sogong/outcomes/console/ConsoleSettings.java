package kr.seoul.sogong.outcomes.console;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings ({@code outcomes.console.*}); where it listens is Boot's
 * {@code server.address} (127.0.0.1 unless configured) and {@code server.port}.
 *
 * @param usersFile the file of users and bcrypt hashes
 * @param pageSize findings per page
 * @param idleTimeout how long a signed-in page may go unused (its progress poll aside)
 * before its session ends
 * @param allowedHosts host names the console answers to besides its bind address and
 * localhost (the name a TLS proxy forwards)
 */
@ConfigurationProperties("outcomes.console")
public record ConsoleSettings(Path usersFile, Integer pageSize, java.time.Duration idleTimeout,
        java.util.List<String> allowedHosts) {

    public static final String USERS_FILE_OPTION = "--outcomes.console.users-file=";

    public ConsoleSettings {
        usersFile = usersFile == null ? ConsoleUsers.DEFAULT_FILE : usersFile;
        pageSize = pageSize == null ? 50 : pageSize;
        idleTimeout = idleTimeout == null ? java.time.Duration.ofMinutes(30) : idleTimeout;
        allowedHosts = allowedHosts == null ? java.util.List.of()
                : allowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * The users file as {@code serve} will bind it, for the check before Spring starts.
     */
    public static Path usersFile(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(USERS_FILE_OPTION)) {
                return Path.of(arg.substring(USERS_FILE_OPTION.length()));
            }
        }
        String env = System.getenv("OUTCOMES_CONSOLE_USERS_FILE");
        return env == null || env.isBlank() ? ConsoleUsers.DEFAULT_FILE : Path.of(env);
    }

}
