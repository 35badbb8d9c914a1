package kr.seoul.sogong.outcomes.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;

/** The process scenarios on a real PostgreSQL server: a database per scenario. */
class ProcessPostgresIT extends ProcessScenarios {

    static EmbeddedPostgres postgres;

    static synchronized EmbeddedPostgres server() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        return postgres;
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
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
        return true; // the database is a server of its own
    }

    @Override
    protected String user() {
        return "postgres";
    }

}
