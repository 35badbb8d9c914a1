package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Spring Batch's own tables, now under Flyway with ours (Boot's schema script ran on
 * every start under Batch 5, and cannot migrate). A new database gets Spring Batch 6's
 * schema as the framework ships it. A database Batch 5 created keeps its tables, which
 * Batch 6 reads unchanged, and has its instance sequence moved to Batch 6's name:
 * {@code BATCH_JOB_SEQ} becomes {@code BATCH_JOB_INSTANCE_SEQ}, continuing after the
 * highest instance id (the framework's own H2 migration script drops the old sequence
 * without carrying its value over, so the first new run would collide with instance 1).
 * Its instances are keyed again with Batch 6's key generator: Batch 6 hashes the
 * identifying parameters differently, so without this the same
 * {@code round}/{@code runDate} would no longer find its instance — a run that failed
 * before the upgrade would start afresh instead of restarting, and a completed one would
 * not count as completed.
 */
public class V6__Spring_batch_6_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        if (!exists(c, "batch_job_instance")) {
            ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource(
                    "org/springframework/batch/core/schema-" + (postgres ? "postgresql" : "h2") + ".sql"));
            schema.populate(c);
            return;
        }
        if (!sequenceExists(c, "batch_job_seq")) {
            // already Batch 6's
            return;
        }
        rekeyInstances(c);
        long next;
        try (Statement st = c.createStatement();
                ResultSet rs = st
                    .executeQuery("select coalesce(max(job_instance_id), 0) + 1 from batch_job_instance")) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("create sequence batch_job_instance_seq start with " + next
                    + (postgres ? " maxvalue 9223372036854775807 no cycle" : ""));
            st.execute("drop sequence batch_job_seq");
        }
    }

    /**
     * Each instance's key from its identifying parameters (those of its first execution),
     * as Batch 6 computes it.
     */
    private static void rekeyInstances(Connection c) throws Exception {
        java.util.Map<Long, JobParametersBuilder> parameters = new java.util.LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select e.job_instance_id, p.parameter_name, p.parameter_type, p.parameter_value
                  from batch_job_execution_params p
                  join batch_job_execution e on e.job_execution_id = p.job_execution_id
                 where p.identifying = 'Y' and e.job_execution_id = (select min(f.job_execution_id)
                       from batch_job_execution f where f.job_instance_id = e.job_instance_id)
                """)) {
            while (rs.next()) {
                JobParametersBuilder b = parameters.computeIfAbsent(rs.getLong(1), k -> new JobParametersBuilder());
                String name = rs.getString(2);
                String value = rs.getString(4);
                switch (rs.getString(3)) {
                    case "java.lang.Long" -> b.addLong(name, Long.valueOf(value));
                    case "java.time.LocalDate" -> b.addLocalDate(name, java.time.LocalDate.parse(value));
                    // this job identifies runs by the two above only
                    default -> b.addString(name, value);
                }
            }
        }
        DefaultJobKeyGenerator keys = new DefaultJobKeyGenerator();
        try (java.sql.PreparedStatement update = c
            .prepareStatement("update batch_job_instance set job_key = ? where job_instance_id = ?")) {
            for (var e : parameters.entrySet()) {
                update.setString(1, keys.generateKey(e.getValue().toJobParameters()));
                update.setLong(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static boolean exists(Connection c, String table) throws Exception {
        try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] { "TABLE" })) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)
                        && inCurrentSchema(c, rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sequenceExists(Connection c, String sequence) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st
                    .executeQuery("select count(*) from information_schema.sequences where lower(sequence_name) = '"
                            + sequence + "' and lower(sequence_schema) = lower(current_schema)")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static boolean inCurrentSchema(Connection c, String schema) throws Exception {
        return schema == null || schema.equalsIgnoreCase(c.getSchema());
    }

}
