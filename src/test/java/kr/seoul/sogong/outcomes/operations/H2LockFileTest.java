package kr.seoul.sogong.outcomes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's lock file is removed only when its owner is provably gone (issue 25): a restart
 * after a kill no longer waits H2's 3.5 s on it, and a database some process still has
 * open is never taken from it.
 */
class H2LockFileTest {

    @TempDir
    Path dir;

    private Connection open(Path database) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE", "sa", "");
    }

    @Test
    void theLockOfAProcessThatIsGoneIsRemovedAndThatOfALiveOneKept() throws Exception {
        Path database = dir.resolve("outcomes");
        Path lock = H2LockFile.of(database);
        byte[] leftBehind;
        try (Connection live = open(database)) {
            assertThat(lock).exists();
            leftBehind = Files.readAllBytes(lock);
            assertThat(new String(leftBehind, StandardCharsets.ISO_8859_1)).contains("server=");
            // its server answers: kept
            assertThat(H2LockFile.removeIfStale(lock)).isNull();
            assertThat(lock).exists();
        }
        // what a killed process leaves: the file, naming a server nothing serves any more
        assertThat(lock).doesNotExist();
        Files.write(lock, leftBehind);

        assertThat(H2LockFile.removeIfStale(lock)).matches(".+:\\d+");
        assertThat(lock).doesNotExist();
        try (Connection again = open(database)) {
            assertThat(again.isValid(1)).isTrue();
        }
    }

    @Test
    void aLockNamingNoServerOrAnotherMachineIsLeftToH2() throws Exception {
        Path lock = H2LockFile.of(dir.resolve("outcomes"));
        // an H2 tool that opened the file on its own writes no server
        Files.writeString(lock, "#FileLock\nid=18c0ffee\nmethod=file\n");
        assertThat(H2LockFile.removeIfStale(lock)).isNull();
        assertThat(lock).exists();
        // a process on another machine (TEST-NET-1, never this one)
        Files.writeString(lock, "#FileLock\nid=18c0ffee\nmethod=file\nserver=192.0.2.1\\:9092\n");
        assertThat(H2LockFile.removeIfStale(lock)).isNull();
        assertThat(lock).exists();
        // not H2's FILE lock
        Files.writeString(lock, "#FileLock\nmethod=socket\nserver=127.0.0.1\\:1\n");
        assertThat(H2LockFile.removeIfStale(lock)).isNull();
        assertThat(lock).exists();
        // none at all
        Files.delete(lock);
        assertThat(H2LockFile.removeIfStale(lock)).isNull();
    }

}
