package kr.seoul.sogong.outcomes.store;

import java.util.function.Consumer;
import java.util.Objects;

import java.sql.PreparedStatement;
import kr.seoul.sogong.outcomes.rows.RowTable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The {@code row_digest} table: what the steps after the ingest need of the stored rows,
 * packed per chunk, file and table ({@link RowDigests}). The only class with SQL on it.
 */
@Repository
public class DigestStore {

    private static final int BACKFILL_PAGE = 5_000;

    private final JdbcTemplate jdbc;

    private final RowTables rows;

    private final Dialect dialect;

    public DigestStore(JdbcTemplate jdbc, RowTables rows, Dialect dialect) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.dialect = dialect;
    }

    /**
     * Stores the digests of one file's rows of one table in a chunk (see
     * {@link RowDigests}).
     */
    public void insert(int round, String sourceFile, RowDigests.Packer digests) {
        jdbc.update("insert into row_digest (round, source_file, row_table, row_count, digest) values (?,?,?,?,?)",
                round, sourceFile, digests.table().sqlName(), digests.count(), digests.packed());
    }

    /**
     * Hands the digest of every stored row of a table in the round to the reader, file by
     * file in the order chunks stored them.
     */
    public void read(int round, RowTable table, RowDigests.Reader reader) {
        RowDigests.Row row = new RowDigests.Row();
        // a page at a time: H2 builds a query's whole result in memory before the first
        // row, and the digests of a 5M round's survey are 200 MB (out of a 512 MB heap);
        // ordered by the index's every column, or H2 sorts all the rest for each page
        long[] after = { -1 };
        int[] read = new int[1];
        do {
            read[0] = 0;
            jdbc.query(c -> {
                PreparedStatement ps = c.prepareStatement("select id, source_file, digest from row_digest"
                        + " where round = ? and row_table = ? and id > ? order by round, row_table, id fetch first "
                        + DIGEST_PAGE + " rows only");
                if (dialect.postgres()) {
                    // binary transfer: PostgreSQL's driver otherwise receives bytea as
                    // hex text and decodes it, twice the bytes and most of the read's
                    // time
                    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                }
                ps.setInt(1, round);
                ps.setString(2, table.sqlName());
                ps.setLong(3, after[0]);
                return ps;
            }, (RowCallbackHandler) rs -> {
                after[0] = rs.getLong(1);
                read[0]++;
                RowDigests.unpack(rs.getString(2), rs.getBytes(3), row, reader);
            });
        }
        while (read[0] == DIGEST_PAGE);
    }

    /** Digests read at a time: a few MB. */
    private static final int DIGEST_PAGE = 200;

    /** How many rows of a table in the round have digests. */
    public int count(int round, RowTable table) {
        Integer count = jdbc.queryForObject(
                "select coalesce(sum(row_count), 0) from row_digest where round = ? and row_table = ?", Integer.class,
                round, table.sqlName());
        // coalesce: never null
        return Objects.requireNonNull(count);
    }

    /**
     * Builds a file's digests from its stored rows (a file stored before digests were,
     * Flyway V10), replacing any.
     */
    void rebuild(int round, String file) {
        forgetFile(round, file);
        for (RowTable table : RowDigests.TABLES) {
            // a page of rows at a time in place order (the index by file, sheet and
            // row), each page one digest: bounded memory whatever the file's size
            int[] at = { -1, -1 };
            RowDigests.Packer page;
            do {
                RowDigests.Packer digests = new RowDigests.Packer(table);
                rows.pageAfter(table, round, file, at[0], at[1], BACKFILL_PAGE, rs -> {
                    digests.add(rs);
                    at[0] = rs.getInt("sheet_index");
                    at[1] = rs.getInt("row_number");
                });
                if (digests.count() > 0) {
                    insert(round, file, digests);
                }
                page = digests;
            }
            while (page.count() == BACKFILL_PAGE);
        }
    }

    void forgetFile(int round, String sourceFile) {
        jdbc.update("delete from row_digest where round = ? and source_file = ?", round, sourceFile);
    }

    /** Forgets the round's digests (its centers changed, or its retention ended). */
    public void forgetRound(int round) {
        jdbc.update("delete from row_digest where round = ?", round);
    }

    /** Each digest of the round, as its key ({@code row_digest <id>}), by id. */
    public void eachKeyOfRound(int round, Consumer<String> key) {
        jdbc.query("select id from row_digest where round = ? order by id",
                (RowCallbackHandler) rs -> key.accept("row_digest " + rs.getLong(1)), round);
    }

}
