package kr.seoul.sogong.outcomes.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database going away rather than a row or a rule: such a run is
 * resumed by the same command once the database is back, and nothing about it is a bug.
 */
public final class ConnectionLoss {

    private ConnectionLoss() {
    }

    /**
     * A connection that broke or could not be had — SQL states of class 08 (connection
     * exception) and 57P01–57P03 (the server shutting down or starting), the driver's and
     * the pool's connection exceptions — or a checkpoint a lost commit left behind.
     */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof LostCommitException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

}
