package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One malformed line of {@code config/console-users} — a lowercase role, a trailing
 * space, bytes that are not UTF-8, a role that does not exist — locked every user out,
 * killed {@code serve} with a stack trace, and the {@code user} commands could not repair
 * the file (issue 21). Now a bad line is skipped with its file and line named, the others
 * sign in, and {@code user remove} mends it; a file others may change is refused.
 */
class ConsoleUsersTest {

    @TempDir
    Path dir;

    private Path fileWithBadLines() throws Exception {
        Path file = dir.resolve("console-users");
        ConsoleUsers users = new ConsoleUsers(file);
        users.add("kim", ConsoleUsers.Role.OPERATOR, "a long passphrase");
        users.add("board", ConsoleUsers.Role.VIEWER, "Changsin-sewing-4-floor");
        String hash = users.find("kim").orElseThrow().passwordHash();
        String text = Files.readString(file)
            // a lowercase role and a trailing space: forgiven
            .replace("board:VIEWER:", "board:viewer:") + "lee:OPERATOR:" + hash + "   \n"
        // a role that does not exist
                + "park:ADMIN:" + hash + "\n"
                // a hash cut short by an editor
                + "choi:VIEWER:$2a$10$abc\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBadUtf8 = new byte[bytes.length + 12];
        System.arraycopy(bytes, 0, withBadUtf8, 0, bytes.length);
        System.arraycopy(new byte[] { 'j', 'o', (byte) 0xC3, (byte) 0x28, ':', 'V', 'I', 'E', 'W', 'E', 'R', '\n' }, 0,
                withBadUtf8, bytes.length, 12);
        Files.write(file, withBadUtf8);
        return file;
    }

    @Test
    void aBadLineIsSkippedAndNamedAndTheOthersStillSignIn() throws Exception {
        Path file = fileWithBadLines();

        ConsoleUsers.Contents contents = new ConsoleUsers(file).read();

        assertThat(contents.users()).extracting(ConsoleUsers.ConsoleUser::name, u -> u.role().name())
            .containsExactly(org.assertj.core.groups.Tuple.tuple("kim", "OPERATOR"),
                    org.assertj.core.groups.Tuple.tuple("board", "VIEWER"),
                    org.assertj.core.groups.Tuple.tuple("lee", "OPERATOR"));
        assertThat(contents.badLines()).extracting(ConsoleUsers.BadLine::number).containsExactly(5, 6, 7);
        assertThat(contents.badLines()).extracting(ConsoleUsers.BadLine::reason)
            .containsExactly("the role is OPERATOR or VIEWER, not 'ADMIN'", "the password hash is damaged (not bcrypt)",
                    "not UTF-8 text");
        assertThat(ConsoleUsers.matches("a long passphrase", contents.users().get(2).passwordHash())).isTrue();
    }

    @Test
    void theUserCommandsNameTheBadLinesAndMendThem() throws Exception {
        Path file = fileWithBadLines();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int listed = UserCommand.run(List.of("list", "--file", file.toString()), System.in, new PrintStream(out),
                new PrintStream(err));

        assertThat(listed).isZero();
        assertThat(out.toString()).contains("kim OPERATOR", "board VIEWER", "lee OPERATOR");
        assertThat(err.toString()).contains(file + " line 5 is skipped (the role is OPERATOR or VIEWER, not 'ADMIN')")
            .doesNotContain("No enum constant");

        assertThat(UserCommand.run(List.of("remove", "park", "--file", file.toString()), System.in,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
            .isZero();
        // a new user added keeps the other bad lines as they were (nothing is lost)
        assertThat(UserCommand.run(List.of("add", "park", "--role", "OPERATOR", "--file", file.toString()),
                new ByteArrayInputStream("Dongdaemun-thread-5-lamp\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
            .isZero();
        ConsoleUsers.Contents mended = new ConsoleUsers(file).read();
        assertThat(mended.users()).extracting(ConsoleUsers.ConsoleUser::name)
            .containsExactlyInAnyOrder("kim", "board", "lee", "park");
        assertThat(mended.badLines()).extracting(ConsoleUsers.BadLine::reason)
            .containsExactly("the password hash is damaged (not bcrypt)", "not UTF-8 text");
    }

    @Test
    void aFileOthersMayChangeIsRefusedAndOneOthersMayReadIsWarnedAbout() throws Exception {
        Path file = dir.resolve("console-users");
        new ConsoleUsers(file).add("kim", ConsoleUsers.Role.OPERATOR, "a long passphrase");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();

        assertThat(ConsoleUsers.unsafe(file, new PrintStream(warnings))).isNull();
        assertThat(warnings.toString()).isEmpty();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConsoleUsers.unsafe(file, new PrintStream(warnings))).isNull();
        assertThat(warnings.toString()).contains("may be read by other users (rw-r--r--)", "chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(ConsoleUsers.unsafe(file, new PrintStream(warnings))).contains("may be changed by other users",
                "chmod 600");
    }

    /**
     * {@code user add} took {@code password}, {@code 12345678} and eight spaces (issue
     * 21): now too short, common, a user's own name or easy to guess is refused, and says
     * why.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "password", "12345678", "        ", "           ",
            "password1234", "qwertyuiop", "kim-Seoul-2022!", "correct horse battery staple", "aaaaaaaaaaaa" })
    void aPasswordTooEasyToGuessIsRefusedAndSaysWhy(String password) throws Exception {
        Path file = dir.resolve("console-users");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = UserCommand.run(List.of("add", "kim", "--role", "OPERATOR", "--file", file.toString()),
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).containsAnyOf("at least 10 characters", "too easy to guess",
                "must not contain the user name");
        assertThat(new ConsoleUsers(file).all()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = { "Seoul-jewel-7-lathe", "Mullae steel 9 press", "창신동-재봉틀-4대-2층" })
    void aPasswordHardToGuessIsTaken(String password) {
        new ConsoleUsers(dir.resolve("console-users")).add("kim", ConsoleUsers.Role.OPERATOR, password);
        assertThat(ConsoleUsers.matches(password,
                new ConsoleUsers(dir.resolve("console-users")).find("kim").orElseThrow().passwordHash()))
            .isTrue();
    }

}
