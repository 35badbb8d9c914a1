package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
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

    /** A line of the file that is not a user: its number, text and why. */
    public record BadLine(int number, String text, String reason) {
    }

    /** What the file holds: its users, and the lines that are none (kept, never lost). */
    public record Contents(List<ConsoleUser> users, List<BadLine> badLines) {
    }

    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    /**
     * Reads the file line by line: a line that is not {@code name:ROLE:bcrypt} — a role
     * not known, a name with other characters, a damaged hash, bytes that are not UTF-8 —
     * is one bad line, and the users of the other lines still sign in. Surrounding spaces
     * and a role's case are forgiven.
     */
    public Contents read() {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of());
        }
        // every page request and API call asks (SessionCheck, the sign-in): the file is
        // parsed again only when it changed — rewritten whole by a new file, so a new
        // inode, or touched (time, size)
        Object version;
        try {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            version = java.util.List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(),
                    attributes.size());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the console users file " + file, e);
        }
        Parsed cached = PARSED.get(file.toAbsolutePath());
        if (cached != null && cached.version().equals(version)) {
            return cached.contents();
        }
        Contents contents = parse();
        PARSED.put(file.toAbsolutePath(), new Parsed(version, contents));
        return contents;
    }

    /** A file's contents as parsed, and the version of the file they were parsed from. */
    private record Parsed(Object version, Contents contents) {
    }

    private static final java.util.Map<Path, Parsed> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private Contents parse() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the console users file " + file, e);
        }
        List<ConsoleUser> users = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.strip().split(":", 3);
            String reason = null;
            Role role = parts.length == 3 ? role(parts[1].strip()) : null;
            if (line.indexOf('\uFFFD') >= 0) {
                reason = "not UTF-8 text";
            }
            else if (parts.length != 3) {
                reason = "not name:ROLE:hash";
            }
            else if (!isValidName(parts[0].strip())) {
                reason = "a user name is 1 to 64 of A-Z a-z 0-9 . _ @ -";
            }
            else if (role == null) {
                reason = "the role is OPERATOR or VIEWER, not '" + parts[1].strip() + "'";
            }
            else if (!BCRYPT_HASH.matcher(parts[2].strip()).matches()) {
                reason = "the password hash is damaged (not bcrypt)";
            }
            if (reason == null && role != null) {
                users.add(new ConsoleUser(parts[0].strip(), role, parts[2].strip()));
            }
            else {
                // a line without a reason has its role
                bad.add(new BadLine(i + 1, line, Objects.requireNonNullElse(reason, "no role")));
            }
        }
        return new Contents(List.copyOf(users), List.copyOf(bad));
    }

    private static @Nullable Role role(String text) {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        return null;
    }

    /** The users whose lines are good. */
    public List<ConsoleUser> all() {
        return read().users();
    }

    /**
     * Before {@code serve}: why the file may not be trusted (any user of the machine may
     * change it: a way in for anyone), else null; a file others may read (the hashes can
     * be guessed at offline) and each bad line are warned about on {@code warnings}.
     */
    public static @Nullable String unsafe(Path file, java.io.PrintStream warnings) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            String mode = PosixFilePermissions.toString(perms);
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)) {
                return "the console users file " + file + " may be changed by other users (" + mode
                        + "): a way in for anyone; `chmod 600 " + file + "`, check its lines, then run serve again";
            }
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                warnings.println("WARN the console users file " + file + " may be read by other users (" + mode
                        + "): its password hashes can be guessed at offline; `chmod 600 " + file + "`");
            }
        }
        catch (IOException | UnsupportedOperationException e) {
            // no POSIX permissions to judge by
        }
        for (BadLine bad : new ConsoleUsers(file).read().badLines()) {
            warnings.println("WARN " + describe(file, bad));
        }
        return null;
    }

    /** A bad line as the operator reads it: file, line, why, and how to mend it. */
    public static String describe(Path file, BadLine bad) {
        return file + " line " + bad.number() + " is skipped (" + bad.reason()
                + "); the other users still sign in. Mend it: `user remove NAME` and `user add` again";
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
        String weak = PasswordPolicy.problem(name, password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
        Contents contents = read();
        List<ConsoleUser> users = new ArrayList<>(contents.users());
        users.removeIf(u -> u.name().equals(name));
        users.add(new ConsoleUser(name, role, BCRYPT.encode(password)));
        write(users, contents.badLines());
    }

    /**
     * Removes the user — or a bad line that names it (a line with a wrong role, say), so
     * a damaged file can be mended with the same command.
     */
    public boolean remove(String name) {
        Contents contents = read();
        List<ConsoleUser> users = new ArrayList<>(contents.users());
        List<BadLine> bad = new ArrayList<>(contents.badLines());
        boolean removed = users.removeIf(u -> u.name().equals(name))
                | bad.removeIf(b -> b.text().strip().split(":", 2)[0].strip().equals(name));
        if (removed) {
            write(users, bad);
        }
        return removed;
    }

    public static boolean matches(String password, String hash) {
        return BCRYPT.matches(password, hash);
    }

    /**
     * The whole file replaced at once, readable by its owner only from the start; bad
     * lines are kept as they were (a person may still want to mend one).
     */
    private void write(List<ConsoleUser> users, List<BadLine> badLines) {
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
            for (BadLine b : badLines) {
                text.append(b.text()).append('\n');
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the console users file " + file, e);
        }
    }

}
