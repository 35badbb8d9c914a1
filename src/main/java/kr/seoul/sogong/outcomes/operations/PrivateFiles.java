package kr.seoul.sogong.outcomes.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold personal data — the H2 database, its lock file (which carries the key
 * of the server sharing it), the logs — readable by the user who runs the job only: their
 * folder 0700 and the files 0600, whatever umask the process was started with. The
 * scripts in {@code jobs/} also start Java with {@code umask 077} (or the operator's
 * {@code OUTCOMES_UMASK}). Where the file system has no POSIX permissions nothing is
 * changed.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder for the owner alone, or takes others' access to it away. */
    public static void folder(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            if (Files.isDirectory(folder) && !Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)
                    && Files.isWritable(folder)) {
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
            }
        }
        catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to change (another owner, no POSIX attributes): left as it is
        }
    }

    /** The files that exist, for the owner alone. */
    public static void ownerOnly(Path... files) {
        for (Path file : files) {
            try {
                if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
            catch (IOException | UnsupportedOperationException | SecurityException e) {
                // not ours to change: left as it is
            }
        }
    }

}
