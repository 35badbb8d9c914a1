package kr.seoul.sogong.outcomes.store;

import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Guards the paging of the digests' reads (a page of digests at a time, since H2 builds a
 * whole result in memory: a 5M round's survey digests ran a 512 MB heap out) and of the
 * digests built from stored rows (a page of rows at a time, in place order across
 * sheets): every digest and every row exactly once, in order, across many page boundaries
 * — the job tests' rounds fit in one page.
 */
class DigestPagesTest {

    private static final int ROUND = 2099;

    private JdbcTemplate jdbc;

    private IntakeStore store;

    private DigestStore digests;

    @BeforeEach
    void database() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:digest-pages-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        Dialect dialect = new Dialect(ds);
        var client = org.springframework.jdbc.core.simple.JdbcClient.create(ds);
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(ds);
        RowTables rows = new RowTables(client, jdbc, named, dialect);
        digests = new DigestStore(jdbc, rows, dialect);
        store = new IntakeStore(jdbc, new FindingStore(client, named, dialect), rows, new VerdictStore(client, named),
                digests);
    }

    @Test
    void everyDigestIsReadOnceInTheOrderStored() {
        // 1,234 chunks of three rows: six pages of 200 and a part
        for (int chunk = 0; chunk < 1234; chunk++) {
            RowDigests.Packer p = new RowDigests.Packer(RowTable.PARTICIPANT);
            for (int i = 0; i < 3; i++) {
                p.add(participantRow(0, chunk * 3 + i + 2), participant(chunk * 3 + i));
            }
            digests.insert(ROUND, "results/a.csv", p);
        }
        // another table's and another round's digests in between are not read
        digests.insert(ROUND, "results/a.csv", new RowDigests.Packer(RowTable.OUTCOME));
        digests.insert(ROUND + 1, "results/a.csv", packerOf(1));

        List<Integer> rows = new ArrayList<>();
        digests.read(ROUND, RowTable.PARTICIPANT, r -> rows.add(r.rowNumber));
        assertThat(rows).hasSize(1234 * 3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).isEqualTo(i + 2);
        }
        assertThat(digests.count(ROUND, RowTable.PARTICIPANT)).isEqualTo(1234 * 3);
    }

    @Test
    void digestsBuiltFromStoredRowsHoldEveryRowOnce() {
        jdbc.update("insert into source_file (round, source_file, file_seq, kind, sha256, size_bytes, status)"
                + " values (?, 'results/a.xlsx', 1, 'RESULTS', ?, 1, 'READY')", ROUND, "0".repeat(64));
        // three sheets, 12,345 rows: pages of 5,000 cross the sheets' boundaries
        Set<String> stored = new TreeSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) {
            int sheet = i % 3;
            int row = i / 3 + 2;
            stored.add(sheet + "/" + row);
            rows.add(new Object[] { ROUND, sheet, row, String.format("%010d", i) });
        }
        jdbc.batchUpdate("insert into participant (round, source_file, sheet_index, sheet, row_number, center_code,"
                + " brn, firm_name, start_date, end_date, completed) values (?, 'results/a.xlsx', ?, 'p', ?, 'AAA',"
                + " ?, '업체', DATE '2022-04-01', DATE '2022-06-01', true)", rows);

        assertThat(store.storeMissingDigests(ROUND)).isOne();

        Set<String> read = new TreeSet<>();
        int[] count = new int[1];
        digests.read(ROUND, RowTable.PARTICIPANT, r -> {
            read.add(r.sheetIndex + "/" + r.rowNumber);
            count[0]++;
            assertThat(r.brn).isEqualTo((r.rowNumber - 2) * 3L + r.sheetIndex);
        });
        assertThat(count[0]).isEqualTo(12_345);
        assertThat(read).isEqualTo(stored);
        assertThat(store.storeMissingDigests(ROUND)).as("once").isZero();
    }

    private static SourceRow participantRow(int sheetIndex, int rowNumber) {
        return new SourceRow("results/a.csv", SourceKind.PARTICIPANTS, "", sheetIndex, rowNumber, 0, new String[0],
                null, java.util.Map.of(), false);
    }

    private static kr.seoul.sogong.outcomes.rows.Participant participant(int i) {
        return new kr.seoul.sogong.outcomes.rows.Participant("AAA", String.format("%010d", i), "업체", null,
                LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 1), null, true);
    }

    private static RowDigests.Packer packerOf(int rows) {
        RowDigests.Packer p = new RowDigests.Packer(RowTable.PARTICIPANT);
        for (int i = 0; i < rows; i++) {
            p.add(participantRow(0, i + 2), participant(i));
        }
        return p;
    }

}
