package kr.seoul.sogong.outcomes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guards the start that skips Flyway: a database behind the jar, new, or with a failed
 * migration on top must still go through Flyway's migrate, and the jar's newest migration
 * must be the one the skip compares with.
 */
class SchemaMigrationTest {

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__");

    @Test
    void theNewestMigrationIsTheOneTheSkipComparesWith() throws IOException {
        int newest = Arrays
            .stream(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*"))
            .map(r -> VERSION.matcher(Objects.requireNonNull(r.getFilename())))
            .filter(Matcher::find)
            .mapToInt(m -> Integer.parseInt(m.group(1)))
            .max()
            .orElseThrow();
        assertThat(SchemaMigration.NEWEST).isEqualTo(newest);
    }

    @Test
    void onlyADatabaseAtTheNewestSuccessfulMigrationIsCurrent() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:schema-migration;DB_CLOSE_DELAY=-1");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        assertThat(SchemaMigration.current(flyway.getConfiguration())).as("a new database").isFalse();

        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .target(String.valueOf(SchemaMigration.NEWEST - 1))
            .load()
            .migrate();
        assertThat(SchemaMigration.current(flyway.getConfiguration())).as("one behind").isFalse();

        new SchemaMigration().migrate(flyway);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(SchemaMigration.current(flyway.getConfiguration())).as("migrated").isTrue();

        JdbcClient.create(dataSource)
            .sql("update \"flyway_schema_history\" set \"success\" = false where \"version\" = ?")
            .param(String.valueOf(SchemaMigration.NEWEST))
            .update();
        assertThat(SchemaMigration.current(flyway.getConfiguration())).as("the newest failed").isFalse();
    }

}
