package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.console.ConsoleUsers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process scenarios on an H2 file database, shared between processes (AUTO_SERVER).
 */
class ProcessH2IT extends ProcessScenarios {

    @Override
    protected String newDatabase(String name) {
        return "jdbc:h2:file:" + work.resolve("db-" + name).toAbsolutePath() + "/outcomes;AUTO_SERVER=TRUE";
    }

    @Override
    protected String user() {
        return "sa";
    }

    /**
     * The process that serves the H2 file — the console, which runs all day — is killed
     * while the nightly run writes through it: the run ends with one line saying the
     * connection was lost, exit 1, and never goes on as if its last commits (which the
     * dead server may not have written to the file) were stored; the same command then
     * serves the file itself, resumes the same instance from what the file holds and
     * completes to the outputs of an uninterrupted run.
     */
    @Test
    void theProcessServingTheFileDyingIsSurvivedByTheSameCommand() throws Exception {
        uninterrupted();
        String url = newDatabase("server-death");
        JdbcTemplate jdbc = jdbc(url);
        java.nio.file.Path users = work.resolve("server-death-users");
        new ConsoleUsers(users).add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> serve = new ArrayList<>(List.of("serve", "--server.port=" + port, "--spring.datasource.url=" + url,
                "--outcomes.console.users-file=" + users, "--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output-server-death")));
        try (ChildJob console = ChildJob.start(serve)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build();
            console.await(() -> {
                try {
                    return http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                }
                catch (Exception notYet) {
                    return false;
                }
            }, RUN, "the console answering");
            try (ChildJob run = ChildJob.start(args(url, "server-death"))) {
                run.awaitLine("Executing step: [ingestRows]", RUN);
                run.await(() -> committedRows(jdbc) > 40_000, RUN, "40,000 committed rows");
                assertThat(console.kill()).as("the console killed").isEqualTo(137);
                int exit = run.waitFor(RUN);
                assertThat(exit).as(run.output()).isEqualTo(ExitCodes.FAILED);
                assertThat(run.output()).contains("the database connection was lost during ingestRows")
                    .contains("run the same command once it is back")
                    .doesNotContain("\tat ");
            }
        }

        ChildJob again = ChildJob.start(args(url, "server-death"));
        assertThat(again.waitFor(RUN)).as(again.output()).isZero();
        assertThat(
                jdbc.queryForObject("select count(distinct job_instance_id) from batch_job_execution", Integer.class))
            .as("the same instance resumed")
            .isOne();
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
            .containsExactly("FAILED", "COMPLETED");
        assertSameOutputs("server-death");
    }

}
