package kr.seoul.sogong.outcomes.operations;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Flyway's migrate only when the database is behind this jar. Migrate scans the jar's
 * migrations and checks each applied one's checksum on every start: about 0.4 s of a
 * sample round's 5, for nothing on every night but the first after an upgrade. A database
 * whose newest applied migration is this jar's newest, and succeeded, is current; any
 * other (new, behind, a failed migration, a history this cannot read) goes through Flyway
 * as before.
 */
@Component
class SchemaMigration implements FlywayMigrationStrategy {

    /**
     * The newest migration in this jar ({@code db/migration}); SchemaMigrationTest holds
     * it to the files.
     */
    static final int NEWEST = 15;

    @Override
    public void migrate(Flyway flyway) {
        if (!current(flyway.getConfiguration())) {
            flyway.migrate();
        }
    }

    static boolean current(Configuration configuration) {
        // a schema named in the configuration is Flyway's to find
        if (configuration.getSchemas().length > 0 || configuration.getDefaultSchema() != null) {
            return false;
        }
        DataSource dataSource = configuration.getDataSource();
        try {
            List<Newest> newest = JdbcClient.create(dataSource)
                .sql("select \"version\", \"success\" from \"" + configuration.getTable()
                        + "\" where \"version\" is not null order by \"installed_rank\" desc limit 1")
                .query(Newest.class)
                .list();
            return newest.size() == 1 && newest.get(0).success()
                    && String.valueOf(NEWEST).equals(newest.get(0).version());
        }
        catch (DataAccessException noHistory) {
            // a new database (no history table yet): Flyway creates it
            return false;
        }
    }

    private record Newest(String version, boolean success) {
    }

}
