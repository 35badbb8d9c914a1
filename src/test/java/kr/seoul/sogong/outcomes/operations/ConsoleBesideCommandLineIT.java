package kr.seoul.sogong.outcomes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.console.ConsoleUsers;
import org.junit.jupiter.api.Test;

/**
 * The console and the nightly command line on one H2 file database, as an operator runs
 * them: the console serves for hours while cron runs a round, and neither locks the other
 * out (H2's auto-server mode: the first process serves the file, the second connects to
 * it). Guards against the lock trace a second process met before ("Database may be
 * already in use"), and against the database answering on every interface with its key in
 * a world-readable lock file (issue 21): every socket the console's process listens on is
 * on the loopback, and the database files are the owner's alone.
 */
class ConsoleBesideCommandLineIT {

    @Test
    void aCommandLineRunWorksWhileTheConsoleServesTheSameH2FileAndTheConsoleSeesIt() throws Exception {
        Path work = Files.createTempDirectory("console-cli");
        SampleRounds.copy(Path.of("input", "2022"), work.resolve("input/2022"));
        Path users = work.resolve("config/console-users");
        new ConsoleUsers(users).add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> common = List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/outcomes"),
                "--outcomes.input-dir=" + work.resolve("input"), "--outcomes.output-dir=" + work.resolve("output"),
                "--outcomes.console.users-file=" + users);
        List<String> serve = new java.util.ArrayList<>(List.of("serve", "--server.port=" + port));
        serve.addAll(common);
        try (ChildJob console = ChildJob.start(serve)) {
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("op:Seoul-jewel-7-lathe".getBytes());
            HttpRequest rounds = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rounds"))
                .header("Authorization", auth)
                .build();
            console.await(() -> {
                try {
                    return http.send(rounds, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                }
                catch (Exception notYet) {
                    return false;
                }
            }, Duration.ofSeconds(90), "the console answering");
            // it said so, with the address to open
            console.awaitLine("console ready on http://127.0.0.1:" + port + "/", Duration.ofSeconds(5));

            // nothing of ours listens beyond the loopback: the console, and H2's server
            // that shares the file with the command line (it listened on every interface)
            List<ListeningSockets.Listener> listening = ListeningSockets.of(console.pid());
            assertThat(listening).as("the console's port and H2's server").hasSizeGreaterThanOrEqualTo(2);
            assertThat(listening)
                .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).as(l.toString()).isTrue());
            // the database, its lock file (the server's key) and the folder: the owner's
            Path data = work.resolve("data");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
            for (String file : List.of("outcomes.mv.db", "outcomes.lock.db")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions
                    .toString(Files.getPosixFilePermissions(data.resolve(file)))).as(file).isEqualTo("rw-------");
            }

            List<String> run = new java.util.ArrayList<>(List.of("round=2022", "runDate=2022-11-01"));
            run.addAll(common);
            assertThat(ChildJob.run(run, Duration.ofSeconds(120))).as("the command line run beside the console")
                .isZero();

            String body = http.send(rounds, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            assertThat(body).contains("\"round\":2022").contains("\"status\":\"COMPLETED\"").contains("cli:");
            console.terminate();
            console.waitFor(Duration.ofSeconds(60));
        }
    }

}
