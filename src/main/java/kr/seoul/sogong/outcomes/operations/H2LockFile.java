package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * H2's own lock file ({@code <database>.lock.db}) when the process that wrote it is
 * provably gone. H2 cannot tell a dead owner from a live one that has not yet answered:
 * on finding the file it waits until the file is two seconds old, rewrites it, sleeps two
 * seconds more for a live owner's watchdog to object, and only then takes the database —
 * about 3.5 s at each restart after a kill. The file is stale, and is removed before H2
 * looks, only when all of this holds:
 * <ul>
 * <li>no process of ours has the database open (the caller holds the exclusive lock that
 * each of them holds shared for its life);</li>
 * <li>the file is H2's FILE lock naming the server its owner shared the database through
 * (AUTO_SERVER), on an address of this machine;</li>
 * <li>that server refuses a connection: its process is gone (a live owner serves until it
 * closes the database and deletes the file itself).</li>
 * </ul>
 * A file without a server (an H2 tool that opened the database on its own), one naming
 * another machine, or a server that answers or does not answer in time, is left to H2.
 */
final class H2LockFile {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private H2LockFile() {
    }

    /** The lock file H2 keeps beside a database file (given without .mv.db). */
    static Path of(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock.db");
    }

    /**
     * Removes the lock file if its owner is provably gone (see the class comment; the
     * caller holds our processes' lock); returns the server it named when it did, else
     * null.
     */
    static @Nullable String removeIfStale(Path lockFile) {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            lock.load(in);
        }
        catch (IOException | IllegalArgumentException e) {
            // no file (the usual case), or not one to judge
            return null;
        }
        String server = lock.getProperty("server");
        if (!"file".equals(lock.getProperty("method")) || server == null) {
            return null;
        }
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(server.substring(0, colon));
            int port = Integer.parseInt(server.substring(colon + 1));
            if (!onThisMachine(address) || answers(address, port)) {
                return null;
            }
            Files.delete(lockFile);
            return server;
        }
        catch (IOException | RuntimeException e) {
            // an address not to resolve, a port not a number, a file gone meanwhile:
            // H2 judges it
            return null;
        }
    }

    private static boolean onThisMachine(InetAddress address) throws IOException {
        return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
    }

    /** Whether something listens there; only a refusal says no. */
    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        }
        catch (ConnectException e) {
            // "Connection refused"; a connect that timed out is no proof
            return e.getMessage() == null || !e.getMessage().contains("refused");
        }
        catch (IOException timedOutOrElse) {
            return true;
        }
    }

}
