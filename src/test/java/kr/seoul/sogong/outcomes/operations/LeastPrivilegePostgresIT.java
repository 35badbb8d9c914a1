package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.seoul.sogong.outcomes.SampleRounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The README's PostgreSQL recipe, run as written: a login role that is no superuser,
 * cannot create databases, owns only its schema and has nothing in {@code public}. The
 * job, a restart after a failure, {@code nightly} and {@code status} all work as that
 * role.
 */
class LeastPrivilegePostgresIT {

    static final Duration RUN = Duration.ofMinutes(2);

    @TempDir
    static Path work;

    @AfterAll
    static void stop() throws java.io.IOException {
        ProcessPostgresIT.stop();
    }

    /**
     * The SQL block of the README's "PostgreSQL" section, as a database administrator
     * runs it.
     */
    static List<String> readmeRecipe() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("```sql\ncreate database outcomes;");
        assertThat(at).as("the README's recipe").isPositive();
        String block = readme.substring(at + "```sql\n".length(), readme.indexOf("```", at + 6));
        List<String> statements = new ArrayList<>();
        for (String line : block.lines().toList()) {
            String sql = line.replaceAll("--.*$", "").strip();
            if (!sql.isEmpty()) {
                statements.add(sql.replace("'...'", "'job-secret'").replaceAll(";$", ""));
            }
        }
        return statements;
    }

    @Test
    void theJobRestartNightlyAndStatusWorkAsTheLeastPrivilegedRole() throws Exception {
        var server = ProcessPostgresIT.server();
        String adminUrl = server.getJdbcUrl("postgres", "postgres");
        String url = adminUrl;
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "")) {
            Statement st = admin.createStatement();
            for (String sql : readmeRecipe()) {
                if (sql.startsWith("\\c ")) {
                    url = server.getJdbcUrl("postgres", sql.substring(3).strip());
                    admin.close();
                    st = DriverManager.getConnection(url, "postgres", "").createStatement();
                }
                else {
                    st.execute(sql);
                }
            }
            st.getConnection().close();
        }
        JdbcTemplate asAdmin = new JdbcTemplate((DataSource) new DriverManagerDataSource(url, "postgres", ""));
        assertThat(asAdmin.queryForObject("select rolsuper or rolcreatedb from pg_roles where rolname = 'outcomes_job'",
                Boolean.class))
            .isFalse();

        Path input = work.resolve("input");
        SampleRounds.copy(Path.of("input", "2022"), input.resolve("2022"));
        Files.writeString(input.resolve("2022/survey/broken.xlsx"), "not a workbook");
        // without the ?user=postgres the embedded server's URLs carry: the role logs in
        // as itself
        String jobUrl = url.replaceFirst("\\?.*$", "");
        List<String> common = List.of("--outcomes.input-dir=" + input, "--outcomes.output-dir=" + work.resolve("out"),
                "--spring.datasource.url=" + jobUrl, "--spring.datasource.username=outcomes_job",
                "--spring.datasource.password=job-secret", "--outcomes.nightly.rounds=2022");

        assertThat(run(List.of("round=2022", "runDate=2022-11-01"), common)).isEqualTo(ExitCodes.QUALITY_GATE);
        Files.delete(input.resolve("2022/survey/broken.xlsx"));
        assertThat(run(List.of("round=2022", "runDate=2022-11-01"), common)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run(List.of("nightly", "runDate=2022-11-02"), common)).isEqualTo(ExitCodes.COMPLETED);
        try (ChildJob status = start(List.of("status"), common)) {
            assertThat(status.waitFor(RUN)).isZero();
            assertThat(status.output()).contains("COMPLETED", "FAILED", "outputs in output/2022");
        }

        // the restart reused the failed instance; every table lives in the role's own
        // schema
        assertThat(asAdmin.queryForList("select status from outcomes.batch_job_execution order by job_execution_id",
                String.class))
            .containsExactly("FAILED", "COMPLETED", "COMPLETED");
        assertThat(asAdmin.queryForObject("select count(distinct job_instance_id) from outcomes.batch_job_execution",
                Integer.class))
            .isEqualTo(2);
        assertThat(asAdmin.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'public'", Integer.class))
            .isZero();
        assertThat(asAdmin.queryForObject(
                "select count(*) from pg_tables where schemaname = 'outcomes'" + " and tableowner <> 'outcomes_job'",
                Integer.class))
            .isZero();
    }

    private static ChildJob start(List<String> command, List<String> common) throws Exception {
        List<String> args = new ArrayList<>(command);
        args.addAll(common);
        return ChildJob.start(args);
    }

    private static int run(List<String> command, List<String> common) throws Exception {
        try (ChildJob job = start(command, common)) {
            int exit = job.waitFor(RUN);
            assertThat(job.output()).doesNotContain("\tat ");
            return exit;
        }
    }

}
