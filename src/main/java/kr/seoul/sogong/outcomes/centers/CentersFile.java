package kr.seoul.sogong.outcomes.centers;

import kr.seoul.sogong.outcomes.intake.CellText;
import kr.seoul.sogong.outcomes.intake.Column;
import kr.seoul.sogong.outcomes.intake.CsvRecords;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * centers.csv, the round's reference data (contract §2). It is not a source of findings:
 * any error in it fails the job with a message naming the row and the field, since every
 * other file is judged against it.
 */
public final class CentersFile {

    private static final List<String> COLUMNS = List.of("center_code", "center_name", "district", "industry",
            "project_title", "track", "budget_cap_krw", "target_firms", "period_start", "period_end");

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,12}");

    /** One address: a local part, an @, a domain with a dot; no spaces, no name. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+");

    private CentersFile() {
    }

    /**
     * A centers.csv that cannot be used; the message names the file, the row and the
     * field.
     */
    public static final class InvalidCentersFileException extends RuntimeException {

        public InvalidCentersFileException(String message) {
            super(message);
        }

    }

    public static List<Center> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidCentersFileException(file + " is missing: every round needs its centers.csv");
        }
        if (TextEncoding.detect(file).filter(StandardCharsets.UTF_8::equals).isEmpty()) {
            throw new InvalidCentersFileException(file + " is not UTF-8 text");
        }
        List<Center> centers = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        try (CsvRecords records = new CsvRecords(file, StandardCharsets.UTF_8)) {
            CsvRecords.CsvRecord header = records.next();
            if (header == null || header.isBlank()) {
                throw new InvalidCentersFileException(file + " has no header row");
            }
            List<String> headers = header.cells().stream().map(Column::normalizeHeader).toList();
            for (String column : COLUMNS) {
                if (!headers.contains(column)) {
                    throw new InvalidCentersFileException(file + " row 1: column " + column + " is missing");
                }
            }
            CsvRecords.CsvRecord record;
            while ((record = records.next()) != null) {
                if (record.isBlank()) {
                    continue;
                }
                if (record.problem() != null) {
                    throw new InvalidCentersFileException(
                            file + " row " + record.rowNumber() + ": " + record.problem());
                }
                Row row = new Row(file, record.rowNumber(), headers, record.cells());
                Center center = new Center(row.code(), row.text("center_name", true), row.text("district", false),
                        row.text("industry", false), row.text("project_title", false), row.track(),
                        row.number("budget_cap_krw"), (int) row.number("target_firms"), row.date("period_start"),
                        row.date("period_end"), row.emails("contact_email"));
                if (center.periodEnd().isBefore(center.periodStart())) {
                    throw row.error("period_end", "is before period_start");
                }
                if (!codes.add(center.code())) {
                    throw row.error("center_code", "'" + center.code() + "' appears twice");
                }
                if (!names.add(center.name())) {
                    // a survey names its center by code or name: one name for two centers
                    // counts answers for the wrong one
                    throw row.error("center_name", "'" + center.name() + "' appears twice");
                }
                centers.add(center);
            }
        }
        if (centers.isEmpty()) {
            throw new InvalidCentersFileException(file + " lists no center");
        }
        return centers;
    }

    private record Row(Path file, int rowNumber, List<String> names, List<String> cells) {
        String raw(String column) {
            int at = names.indexOf(column);
            return at < cells.size() ? CellText.normalize(cells.get(at)) : "";
        }

        InvalidCentersFileException error(String column, String problem) {
            return new InvalidCentersFileException(file + " row " + rowNumber + ", field " + column + ": " + problem);
        }

        String text(String column, boolean required) {
            String v = raw(column);
            if (required && v.isEmpty()) {
                throw error(column, "is blank");
            }
            return v;
        }

        String code() {
            String v = text("center_code", true);
            if (!CODE.matcher(v).matches()) {
                throw error("center_code", "'" + v + "' is not 2 to 12 capital letters");
            }
            return v;
        }

        String track() {
            String v = text("track", true);
            if (!Map.of("SALES", 1, "TECH", 1).containsKey(v)) {
                throw error("track", "'" + v + "' is neither SALES nor TECH");
            }
            return v;
        }

        long number(String column) {
            String v = text(column, true);
            try {
                long n = Long.parseLong(v);
                if (n < 0) {
                    throw error(column, "'" + v + "' is negative");
                }
                return n;
            }
            catch (NumberFormatException e) {
                throw error(column, "'" + v + "' is not a whole number");
            }
        }

        /**
         * An optional column of addresses, {@code ;}-separated; each must be one address
         * (a mistyped one would send a center's workbook nowhere).
         */
        List<String> emails(String column) {
            if (!names.contains(column)) {
                return List.of();
            }
            List<String> addresses = new ArrayList<>();
            for (String part : raw(column).split(";")) {
                String a = part.strip();
                if (a.isEmpty()) {
                    continue;
                }
                if (!EMAIL.matcher(a).matches()) {
                    throw error(column, "'" + a + "' is not an e-mail address (several are separated by ;)");
                }
                addresses.add(a);
            }
            return addresses;
        }

        LocalDate date(String column) {
            String v = text(column, true);
            try {
                return LocalDate.parse(v);
            }
            catch (DateTimeParseException e) {
                throw error(column, "'" + v + "' is not an ISO date (yyyy-MM-dd)");
            }
        }
    }

}
