package kr.seoul.sogong.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import kr.seoul.sogong.outcomes.intake.BudgetColumn;
import kr.seoul.sogong.outcomes.intake.ColumnRef;
import kr.seoul.sogong.outcomes.intake.OutcomeColumn;
import kr.seoul.sogong.outcomes.intake.ParticipantColumn;
import kr.seoul.sogong.outcomes.intake.SurveyColumn;
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;

/**
 * A test round's CSV file written as a table: the header from the kind's column enum (so
 * a fixture names the columns the job reads), then one {@link #row} per line, a blank
 * cell as {@code ""}. A cell holding a comma, a quote or a line break is quoted as a
 * spreadsheet would write it.
 */
final class CsvFixture {

    private final List<String> header;

    private final List<List<String>> rows = new ArrayList<>();

    private CsvFixture(List<String> header) {
        this.header = header;
    }

    static CsvFixture centers() {
        return new CsvFixture(List.of("center_code", "center_name", "district", "industry", "project_title", "track",
                "budget_cap_krw", "target_firms", "period_start", "period_end"));
    }

    static CsvFixture survey() {
        return of(SurveyColumn.values());
    }

    static CsvFixture participants() {
        return of(ParticipantColumn.values());
    }

    static CsvFixture outcomes() {
        return of(OutcomeColumn.values());
    }

    static CsvFixture budget() {
        return of(BudgetColumn.values());
    }

    private static CsvFixture of(ColumnRef[] columns) {
        return new CsvFixture(Arrays.stream(columns).map(ColumnRef::alias).toList());
    }

    /** A row: one cell per column of the header, in its order. */
    CsvFixture row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells under a header of " + header.size() + ": " + header);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** The file's text, lines ending in a line feed. */
    String text() {
        StringBuilder text = new StringBuilder(line(header));
        rows.forEach(r -> text.append(line(r)));
        return text.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(CsvFixture::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(String value) {
        boolean quoted = value.contains(",") || value.contains("\"") || value.contains("\n");
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /**
     * A valid business registration number (checksum included) told apart by a serial.
     */
    static String brn(int serial) {
        String nine = String.format("101%06d", serial);
        return nine + BusinessRegistrationNumber.checkDigitFor(nine);
    }

}
