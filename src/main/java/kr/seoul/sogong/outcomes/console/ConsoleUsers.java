package kr.seoul.sogong.outcomes.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's users, one per line in a file of bcrypt hashes ({@code name:ROLE:hash}),
 * like htpasswd: {@code config/console-users} by default, outside {@code data/} and
 * {@code output/}, written with mode 0600. Read again at every sign-in, so a user added
 * or removed while the console runs counts at once.
 */
public final class ConsoleUsers {

    /** OPERATOR: everything. VIEWER (the committee): rounds, report and downloads. */
    public enum Role {

        OPERATOR, VIEWER

    }

    public record ConsoleUser(String name, Role role, String passwordHash) {
    }

    public static final Path DEFAULT_FILE = Path.of("config", "console-users");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private final Path file;

    public ConsoleUsers(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<ConsoleUser> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<ConsoleUser> users = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 3);
                if (parts.length == 3) {
                    users.add(new ConsoleUser(parts[0], Role.valueOf(parts[1]), parts[2]));
                }
            }
            return users;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the console users file " + file, e);
        }
    }

    public Optional<ConsoleUser> find(String name) {
        return all().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Adds the user, or replaces its password and role. */
    public void add(String name, Role role, String password) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a user name is 1 to 64 of A-Z a-z 0-9 . _ @ -, not '" + name + "'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password needs at least 8 characters");
        }
        List<ConsoleUser> users = new ArrayList<>(all());
        users.removeIf(u -> u.name().equals(name));
        users.add(new ConsoleUser(name, role, BCRYPT.encode(password)));
        write(users);
    }

    public boolean remove(String name) {
        List<ConsoleUser> users = new ArrayList<>(all());
        boolean removed = users.removeIf(u -> u.name().equals(name));
        if (removed) {
            write(users);
        }
        return removed;
    }

    public static boolean matches(String password, String hash) {
        return BCRYPT.matches(password, hash);
    }

    /** The whole file replaced at once, readable by its owner only from the start. */
    private void write(List<ConsoleUser> users) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".console-users", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder text = new StringBuilder("# sogong-outcomes console users: name:ROLE:bcrypt hash;"
                    + " managed with `java -jar sogong-outcomes.jar user add|remove|list`\n");
            for (ConsoleUser u : users) {
                text.append(u.name()).append(':').append(u.role()).append(':').append(u.passwordHash()).append('\n');
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the console users file " + file, e);
        }
    }

}
