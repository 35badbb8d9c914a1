package kr.seoul.sogong.outcomes.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes an output CSV per contract §5: UTF-8 with BOM, RFC 4180 quoting, CRLF line ends,
 * and text that a spreadsheet would run as a formula escaped with a leading {@code '}.
 * The file is written beside its target and moved into place, so a reader never sees half
 * a file.
 */
public final class CsvOutput {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvOutput() {
    }

    public static void write(Path target, List<String> header, Iterable<List<String>> rows) throws IOException {
        try (Rows out = open(target, header)) {
            rows.forEach(out::add);
        }
    }

    /**
     * A CSV written row by row (for a file too large to hold, such as rejects.csv): the
     * same format, written beside its target and moved into place by {@link #close()}.
     */
    public static final class Rows implements AutoCloseable {

        private final Path target;

        private final Path temp;

        private final BufferedWriter out;

        private long count;

        private Rows(Path target, List<String> header) throws IOException {
            Files.createDirectories(target.toAbsolutePath().getParent());
            this.target = target;
            this.temp = target.resolveSibling(target.getFileName() + ".part");
            this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            writeRow(out, header);
        }

        public void add(List<String> row) {
            try {
                writeRow(out, row);
                count++;
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

    }

    public static Rows open(Path target, List<String> header) throws IOException {
        return new Rows(target, header);
    }

    /** Writes a table as its CSV file in {@code dir}; returns the number of data rows. */
    public static int write(Path dir, ReportTable table) throws IOException {
        List<List<String>> rows = table.lines().stream().map(ReportTable.Line::csv).toList();
        write(dir.resolve(table.file()), table.headers(), rows);
        return rows.size();
    }

    private static void writeRow(BufferedWriter out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(escapeFormula(cells.get(i))));
        }
        out.write("\r\n");
    }

    /**
     * Text beginning with = + - @, tab or CR gets a leading ' — unless it is a plain
     * number such as -3.
     */
    public static String escapeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    static String quote(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

}
