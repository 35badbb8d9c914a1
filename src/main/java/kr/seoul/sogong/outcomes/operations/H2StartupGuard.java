package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets two processes share an H2 file database whatever URL the operator gives: adds
 * {@code AUTO_SERVER=TRUE} when it is missing (the first process serves the file, later
 * ones connect to it), and lets only one process at a time <em>open</em> it. Two
 * processes starting together otherwise race for H2's lock file
 * ({@code FileLock.waitUntilOld}): the loser waited for the winner's whole run, or failed
 * with "Database may be already in use" — never the documented refusal (exit 4). The
 * guard is an OS lock beside the database file, held only while this process opens its
 * first connection; that connection stays open for the life of the process, so the
 * database (and, when this process opened it, the server other processes reach it
 * through) never closes under a pool between connections.
 */
public final class H2StartupGuard implements ApplicationListener<ApplicationEvent> {

    static final String URL = "spring.datasource.url";

    private @Nullable FileChannel channel;

    private @Nullable FileLock lock;

    /** Held for the life of the process: see the class comment. */
    private static java.sql.@Nullable Connection keepOpen;

    private static volatile String databaseUrl = "";

    private static volatile String databaseUser = "";

    /**
     * The database URL this process uses (without credentials), for messages about it.
     */
    public static String databaseUrl() {
        return databaseUrl;
    }

    public static String databaseUser() {
        return databaseUser;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            ConfigurableEnvironment env = prepared.getEnvironment();
            String logFile = env.getProperty("logging.file.name");
            if (logFile != null) {
                PrivateFiles.ownerOnly(Path.of(logFile));
            }
            String url = env.getProperty(URL, "");
            databaseUser = env.getProperty("spring.datasource.username", "");
            Path file = h2File(url);
            if (file != null && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=")) {
                url = url + ";AUTO_SERVER=TRUE";
                env.getPropertySources().addFirst(new MapPropertySource("h2AutoServer", Map.of(URL, url)));
            }
            databaseUrl = url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
            if (file != null) {
                // the server that shares the file with other processes listens on the
                // loopback only, unless the operator names another address
                if (System.getProperty(H2_BIND_ADDRESS) == null) {
                    System.setProperty(H2_BIND_ADDRESS, env.getProperty("outcomes.h2.bind-address", "127.0.0.1"));
                }
                // an absolute file path has a folder
                PrivateFiles.folder(Objects.requireNonNull(file.toAbsolutePath().getParent()));
                holdRound(file, prepared.getArgs());
            }
            if (file != null && keepOpen == null) {
                acquire(file);
                try {
                    keepOpen = java.sql.DriverManager.getConnection(url, databaseUser,
                            env.getProperty("spring.datasource.password", ""));
                }
                catch (java.sql.SQLException e) {
                    // the pool meets the same problem and it is reported then, in one
                    // line
                }
                finally {
                    release();
                }
                // the database, its lock file (which holds the server's key) and trace
                PrivateFiles.ownerOnly(file.resolveSibling(file.getFileName() + ".mv.db"),
                        file.resolveSibling(file.getFileName() + ".lock.db"),
                        file.resolveSibling(file.getFileName() + ".trace.db"));
            }
        }
    }

    /** H2's system property for the address its servers bind to. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /**
     * A launch refused before it opened the database: another process on this machine
     * runs the round.
     */
    public static final class RoundHeldException extends RuntimeException {

        RoundHeldException(String message) {
            super(message);
        }

    }

    /** Held for the life of a process that runs a round on an H2 file. */
    private static @Nullable FileChannel roundChannel;

    private static @Nullable FileLock roundLock;

    /**
     * On an H2 file a second launch of a running round must be refused before it opens
     * the database: the process that opens it first serves it to the others
     * (AUTO_SERVER), and a refused process that happened to be that one took the database
     * away from the running job when it exited ("Database is already closed", exit 1). An
     * OS lock per round beside the database file decides first.
     */
    private static void holdRound(Path databaseFile, String[] args) {
        String round = null;
        for (String arg : args) {
            if (arg.startsWith("round=")) {
                round = arg.substring("round=".length()).strip();
            }
        }
        if (round == null || !round.matches("\\d{4}") || roundLock != null) {
            // not a round command (nightly, status) or a malformed one, reported later
            return;
        }
        Path lockFile = Path.of(databaseFile + ".round-" + round + ".lock").toAbsolutePath();
        try {
            Files.createDirectories(lockFile.getParent());
            roundChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            roundLock = roundChannel.tryLock();
        }
        catch (IOException e) {
            // without it the run lock in the database still refuses the second launch
            return;
        }
        if (roundLock == null) {
            throw new RoundHeldException("round " + round + " is already running (" + holder(lockFile) + ", holding "
                    + lockFile.getFileName() + "); not starting another. It will be resumable here once it" + " ends.");
        }
        // who holds it, for the launch it refuses (the lock itself names no one)
        try {
            roundChannel.truncate(0);
            roundChannel.write(java.nio.ByteBuffer.wrap(String
                .format("pid %d on %s, since %s", ProcessHandle.current().pid(), RunLock.hostName(),
                        java.time.LocalDateTime.now().withNano(0))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
            roundChannel.force(false);
        }
        catch (IOException e) {
            // the refusal then says "another process on this machine"
        }
    }

    /** The holder as its lock file names it, else "another process on this machine". */
    private static String holder(Path lockFile) {
        try {
            String named = Files.readString(lockFile, java.nio.charset.StandardCharsets.UTF_8).strip();
            return named.startsWith("pid ") ? named : "another process on this machine";
        }
        catch (IOException | java.io.UncheckedIOException e) {
            return "another process on this machine";
        }
    }

    /**
     * The database file of an H2 URL that opens one ({@code jdbc:h2:file:} or a plain
     * path), else null.
     */
    static @Nullable Path h2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (lowerName.startsWith("mem:") || lowerName.startsWith("tcp:") || lowerName.startsWith("ssl:")
                || lowerName.startsWith("zip:")) {
            return null;
        }
        if (lowerName.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name);
    }

    private void acquire(Path databaseFile) {
        try {
            Path guard = Path.of(databaseFile + ".start.lock").toAbsolutePath();
            Files.createDirectories(guard.getParent());
            channel = FileChannel.open(guard, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // waits while another process opens the database: seconds at most
            lock = channel.lock();
        }
        catch (IOException e) {
            // without the guard H2's own locking still protects the file; the race is
            // only less tidy
            release();
            return;
        }
        holdOpen(databaseFile.toAbsolutePath());
    }

    /** Held shared by each of our processes that has the database open, for its life. */
    private static @Nullable FileChannel openChannel;

    private static @Nullable FileLock openLock;

    /**
     * With the start guard held: if no process of ours has the database open, removes the
     * lock file a killed one left behind when provably stale ({@link H2LockFile}); then
     * registers this process as having it open.
     */
    private static void holdOpen(Path databaseFile) {
        if (openLock != null) {
            return;
        }
        try {
            FileChannel channel = FileChannel.open(Path.of(databaseFile + ".open.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock alone = channel.tryLock();
            if (alone != null) {
                String server = H2LockFile.removeIfStale(H2LockFile.of(databaseFile));
                alone.release();
                if (server != null) {
                    LoggerFactory.getLogger(H2StartupGuard.class)
                        .info("removed the H2 lock file left by a process that is gone (its server {} refuses"
                                + " connections, and no other process of ours has the database open)", server);
                }
            }
            openLock = channel.lock(0, Long.MAX_VALUE, true);
            openChannel = channel;
        }
        catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            // H2's own wait then decides, as before
        }
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        }
        catch (IOException ignored) {
            // the lock goes with the channel
        }
        lock = null;
        channel = null;
    }

}
