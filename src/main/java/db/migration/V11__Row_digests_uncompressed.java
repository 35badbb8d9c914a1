package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the row digests (V10) are stored out of line without compression: a
 * digest is packed numbers that compress little, and PostgreSQL's default (pglz on every
 * value over 2 kB, one per chunk) made the 1M-participant ingest about 5 s slower than
 * without digests; uncompressed it costs nothing measurable (docs/benchmarks.md). H2
 * stores them as they are.
 */
public class V11__Row_digests_uncompressed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("alter table row_digest alter column digest set storage external");
            }
        }
    }

}
