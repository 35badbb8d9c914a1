package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.support.DatabaseType;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the store is, told as Spring Batch tells it ({@link DatabaseType}), and
 * what that changes in our SQL. Asked on first use, not at start-up: a command that never
 * touches the database must not need it.
 */
@Component
public class Dialect {

    private final DataSource dataSource;

    private volatile @Nullable DatabaseType type;

    public Dialect(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private DatabaseType type() {
        if (type == null) {
            try {
                type = DatabaseType.fromMetaData(dataSource);
            }
            catch (MetaDataAccessException e) {
                throw new IllegalStateException("the database does not say what it is: " + e.getMessage(), e);
            }
        }
        return type;
    }

    /**
     * PostgreSQL: rows through COPY, digests read in binary, binary string order by
     * collation.
     */
    public boolean postgres() {
        return type() == DatabaseType.POSTGRES;
    }

    /**
     * What makes a text column sort in binary (code point) order — contract §5's order of
     * rejects.csv: {@code COLLATE "C"} on PostgreSQL, nothing on H2 (its default).
     */
    public String binaryCollation() {
        return postgres() ? " collate \"C\"" : "";
    }

}
