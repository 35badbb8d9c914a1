package kr.seoul.sogong.outcomes.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;

/** The process scenarios on a real PostgreSQL server: a database per scenario. */
class ProcessPostgresIT extends ProcessScenarios {

    static EmbeddedPostgres postgres;

    /** Where the server keeps its data and listens: the same after a restart. */
    static java.nio.file.Path dataDirectory;

    static int port;

    static synchronized EmbeddedPostgres server() throws IOException {
        if (postgres == null) {
            dataDirectory = java.nio.file.Files.createTempDirectory("postgres-data");
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            postgres = builder().start();
        }
        return postgres;
    }

    private static EmbeddedPostgres.Builder builder() {
        // the data are kept when the server stops (a restart reads them); stop() removes
        // them
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setPort(port).setCleanDataDirectory(false);
    }

    /**
     * Stops the server (fast shutdown: sessions ended, as a restart for maintenance ends
     * them) and starts it again on the same data and port a second later.
     */
    static synchronized void restartServer() throws Exception {
        EmbeddedPostgres running = postgres;
        postgres = null;
        running.close();
        Thread.sleep(1000);
        postgres = builder().start();
    }

    /**
     * One night, three restarts of the server: during the ingest, during the rules across
     * rows (a tasklet's transaction: "Rolling back with transaction in unknown state")
     * and during the outcome tables. Each run ends with one line, and the fourth run of
     * the same command completes the round.
     */
    @org.junit.jupiter.api.Test
    void theDatabaseRestartingDuringEachStepIsResumedByTheSameCommand() throws Exception {
        restartTheDatabaseDuring("pg-restarts", java.util.List.of("ingestRows", "crossRowRules", "outcomeTables"),
                ProcessPostgresIT::restartServer);
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (dataDirectory != null) {
            try (var files = java.nio.file.Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            dataDirectory = null;
        }
    }

    @Override
    protected String newDatabase(String name) throws IOException {
        String db = name.replace('-', '_');
        new JdbcTemplate(server().getPostgresDatabase()).execute("create database " + db);
        return server().getJdbcUrl("postgres", db);
    }

    @Override
    protected boolean canPauseTheFirstRun() {
        // the database is a server of its own
        return true;
    }

    @Override
    protected String user() {
        return "postgres";
    }

}
