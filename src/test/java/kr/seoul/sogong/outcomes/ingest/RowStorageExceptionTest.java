package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refusal the rules did not foresee is told as the file and row an operator can open:
 * PostgreSQL's COPY names a line of the chunk's batch, JDBC batches give update counts.
 */
class RowStorageExceptionTest {

    private static List<SourceRow> rows() {
        return List.of(row(2), row(3), row(7), row(9));
    }

    private static SourceRow row(int rowNumber) {
        return new SourceRow("survey/a.csv", SourceKind.SURVEY, "", 0, rowNumber, rowNumber, Map.of(), null, Map.of(),
                false);
    }

    @Test
    void aCopyLineIsTheRowOfTheFile() {
        SQLException copy = new SQLException(
                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n" + "  Where: COPY survey_response, line 3");
        RowStorageException e = RowStorageException.of("survey_response", rows(), new RuntimeException(copy));
        assertThat(e.getMessage()).startsWith("the database refused survey_response survey/a.csv row 7:")
            .contains("invalid byte sequence")
            .doesNotContain("Where:");
    }

    @Test
    void aBatchNamesTheFirstRowThatFailed() {
        BatchUpdateException batch = new BatchUpdateException("value too long",
                new int[] { 1, 1, Statement.EXECUTE_FAILED, 1 });
        RowStorageException e = RowStorageException.of("survey_response", rows(), batch);
        assertThat(e.getMessage()).contains("survey/a.csv row 7");
    }

    @Test
    void whenTheDatabaseDoesNotSayTheChunkIsNamed() {
        RowStorageException e = RowStorageException.of("survey_response", rows(), new SQLException("disk full"));
        assertThat(e.getMessage()).contains("survey/a.csv row 2 to row 9: disk full");
    }

}
