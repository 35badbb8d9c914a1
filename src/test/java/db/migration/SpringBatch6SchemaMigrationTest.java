package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database the Batch 5 build made keeps working under Batch 6: without the migration
 * the first run collided with instance 1 ("Unique index or primary key violation …
 * BATCH_JOB_INSTANCE"), and a round/runDate no longer found its instance (Batch 6 hashes
 * the parameters differently).
 */
class SpringBatch6SchemaMigrationTest {

    @Test
    void aBatch5DatabaseGetsTheNewSequenceAfterItsInstancesAndBatch6Keys() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batch5;DB_CLOSE_DELAY=-1", "sa", "")) {
            // Batch 5's shape: the same tables, the instance sequence under its old name,
            // its own key
            new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .populate(c);
            try (Statement st = c.createStatement()) {
                st.execute("drop sequence batch_job_instance_seq");
                st.execute("create sequence batch_job_seq start with 8");
                st.execute("insert into batch_job_instance values (7, 0, 'outcomesJob', 'batch5key')");
                st.execute("insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time,"
                        + " status) values (1, 0, 7, current_timestamp, 'FAILED')");
                st.execute("insert into batch_job_execution_params values (1, 'round', 'java.lang.Long', '2022', 'Y')");
                st.execute("insert into batch_job_execution_params values (1, 'runDate', 'java.time.LocalDate',"
                        + " '2022-11-01', 'Y')");
            }

            new V6__Spring_batch_6_schema().migrate(context(c));

            try (Statement st = c.createStatement()) {
                assertThat(count(st,
                        "select count(*) from information_schema.sequences where sequence_name" + " = 'BATCH_JOB_SEQ'"))
                    .isZero();
                assertThat(count(st, "select next value for batch_job_instance_seq")).isEqualTo(8);
                ResultSet rs = st.executeQuery("select job_key from batch_job_instance where job_instance_id = 7");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(
                        new DefaultJobKeyGenerator().generateKey(new JobParametersBuilder().addLong("round", 2022L)
                            .addLocalDate("runDate", LocalDate.of(2022, 11, 1))
                            .toJobParameters()));
            }
        }
    }

    @Test
    void aNewDatabaseGetsBatch6sSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:fresh;DB_CLOSE_DELAY=-1", "sa", "")) {
            new V6__Spring_batch_6_schema().migrate(context(c));
            try (Statement st = c.createStatement()) {
                assertThat(count(st, "select count(*) from batch_job_instance")).isZero();
                assertThat(count(st, "select next value for batch_job_instance_seq")).isEqualTo(1);
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Context context(Connection c) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return c;
            }
        };
    }

}
