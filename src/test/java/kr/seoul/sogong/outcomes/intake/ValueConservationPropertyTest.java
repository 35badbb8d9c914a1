package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Contract §9's conservation of values, as a property: survey files built from the
 * sample's responses with their headers written as people write them — a note after a
 * line break, a unit in brackets, spaces, dashes, full width, the English alias, a header
 * over two rows with merged cells — and damaged as people damage them — a near miss the
 * job cannot know, an extra column, values under no header, a column left out. Whatever
 * the shape, every non-blank cell of a data row is either read into its own column's
 * field (never another's) or its column is named by a finding (UNKNOWN_COLUMN), an
 * optional column the file lacks is MISSING_COLUMN, and the file is UNREADABLE only when
 * a required column cannot be found. Reading alone, in this JVM
 * ({@code RealWritersJobTest} sends such shapes through the whole job).
 *
 * <p>
 * Teeth, checked by hand: without the trailing-note reading of {@code HeaderKey}, with
 * UNKNOWN_COLUMN left out of {@code HeaderMap.notes}, or with a two-row header read as
 * its first row only, this property fails within its first tries.
 */
class ValueConservationPropertyTest {

    static Path work;

    static List<List<String>> responses;

    static List<String> koreanHeaders;

    static final AtomicInteger TRY = new AtomicInteger();

    /** How a header cell is written. */
    enum Shape {

        /** as the contract writes it */
        PLAIN(true),
        /** a note after Alt+Enter: 문1_전반만족⏎(1~5점, 9=모름) */
        LINE_BREAK_NOTE(true),
        /** a unit or note in brackets: 교육이수시간(시간) */
        BRACKETED(true),
        /** spaces where underscores were, and around */
        SPACES(true),
        /** dashes for underscores */
        DASHES(true),
        /** full-width letters and digits (a Korean IME in full-width mode) */
        FULL_WIDTH(true),
        /** the English alias, upper case */
        ALIAS(true),
        /** a header the job cannot know (a character lost) */
        NEAR_MISS(false);

        final boolean readable;

        Shape(boolean readable) {
            this.readable = readable;
        }

    }

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("value-conservation");
        Path sample = Path.of("input", "2022", "survey", "설문_2022_1차.csv");
        responses = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(sample, TextEncoding.CP949)) {
            CsvRecords.CsvRecord r;
            while ((r = records.next()) != null) {
                responses.add(r.cells());
            }
        }
        koreanHeaders = responses.remove(0);
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A column of the generated file: its header, its values, and what it should be. */
    record GeneratedColumn(String header, String upperHeader, String alias, Shape shape, boolean headerless,
            List<String> values) {
    }

    @Property(tries = 600, seed = "20221206")
    void everyValueIsReadIntoItsFieldOrItsColumnIsNamed(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        boolean workbook = random.nextBoolean();
        boolean twoRows = random.nextInt(4) == 0;
        List<Column> columns = SourceKind.SURVEY.columns();
        List<List<String>> rows = new ArrayList<>();
        int n = 5 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            rows.add(responses.get(random.nextInt(responses.size())));
        }

        List<GeneratedColumn> file = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).required() && random.nextInt(8) == 0) {
                // an optional column left out
                continue;
            }
            Shape shape = random.nextInt(10) == 0 ? Shape.NEAR_MISS
                    : Shape.values()[random.nextInt(Shape.values().length - 1)];
            String header = written(koreanHeaders.get(c), columns.get(c).alias(), shape, random);
            String upper = "";
            if (twoRows && c >= 6 && c <= 11) {
                upper = c == 6 ? "만족도" : "";
            }
            List<String> values = new ArrayList<>();
            for (List<String> row : rows) {
                values.add(row.get(c));
            }
            file.add(new GeneratedColumn(header, upper, columns.get(c).alias(), shape, false, values));
        }
        java.util.Collections.shuffle(file, random);
        if (random.nextInt(3) == 0) {
            file.add(random.nextInt(file.size() + 1), extra("비고" + random.nextInt(100), false, n));
        }
        if (random.nextInt(3) == 0) {
            // values under no header, right of the last
            file.add(extra("", true, n));
        }

        Path dir = work.resolve(String.valueOf(TRY.incrementAndGet()));
        String name = workbook ? "survey/shaped.xlsx" : "survey/shaped.csv";
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        if (workbook) {
            writeWorkbook(path, file, n, twoRows);
        }
        else {
            writeCsv(path, file, n, twoRows);
        }

        SourceFiles.InputFile input = SourceFiles.list(dir).files().get(0);
        SourceFiles.Admission admission;
        try {
            admission = SourceFiles.inspect(input, Splitting.NEVER);
        }
        catch (UnreadableFileException e) {
            // only a required column the job cannot find makes a file unreadable
            assertThat(file).as("UNREADABLE (%s) with every required column findable", e.getMessage())
                .anyMatch(col -> col.alias() != null && !col.shape().readable
                        && SourceKind.SURVEY.column(col.alias()).required());
            Statistics.label("file").collect("UNREADABLE");
            return;
        }
        List<Finding> notes = new ArrayList<>(admission.notes());
        List<SourceRow> read = new ArrayList<>();
        try (RowSource source = SourceFiles.open(dir, name, admission.kind(), admission.encoding())) {
            SourceRow row;
            while ((row = source.next()) != null) {
                read.add(row);
                notes.addAll(row.fileNotes());
            }
        }
        Statistics.label("file").collect(workbook ? "xlsx read" : "csv read");
        assertThat(read).as("data rows").hasSize(n);

        for (GeneratedColumn col : file) {
            boolean hasValues = col.values().stream().anyMatch(v -> !CellText.isBlank(v));
            if (col.alias() != null && col.shape().readable) {
                // read into its own field, every value as typed
                for (int i = 0; i < n; i++) {
                    assertThat(read.get(i).value(col.alias())).as("%s (%s) row %d", col.alias(), col.header(), i)
                        .isEqualTo(CellText.normalize(col.values().get(i)));
                }
            }
            else if (col.headerless()) {
                assertThat(notes).as("values under no header are named")
                    .anyMatch(f -> f.rule() == Rule.UNKNOWN_COLUMN && f.message().key().equals("headerlessColumn"));
            }
            else if (hasValues || !col.header().isBlank()) {
                // over two rows, a header the job cannot know is named with the cell
                // above it
                String text = CellText.normalize(twoRows && isItem(col) && !col.upperHeader().isEmpty()
                        ? col.upperHeader() + " " + col.header() : col.header());
                assertThat(notes).as("column %s is named in %s", col.header(), shown(path))
                    .anyMatch(f -> f.rule() == Rule.UNKNOWN_COLUMN && f.value().equals(text));
                if (col.alias() != null) {
                    assertThat(read).as("%s not read from another column", col.alias())
                        .allMatch(r -> !r.hasColumn(col.alias()));
                }
            }
        }
        for (Column column : SourceKind.SURVEY.columns()) {
            boolean present = file.stream().anyMatch(c -> column.alias().equals(c.alias()) && c.shape().readable);
            if (!present && (!column.required() || column.madeWhenAbsent())) {
                assertThat(notes).as("%s missing is said", column.alias())
                    .anyMatch(f -> f.rule() == Rule.MISSING_COLUMN && f.field().equals(column.alias()));
            }
        }
        assertThat(notes).allMatch(f -> f.rowNumber() == null);
    }

    private static GeneratedColumn extra(String header, boolean headerless, int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i % 3 == 0 ? "" : "메모 " + i);
        }
        return new GeneratedColumn(header, "", null, Shape.NEAR_MISS, headerless, values);
    }

    /** The header as a person might type it. */
    static String written(String korean, String alias, Shape shape, Random random) {
        return switch (shape) {
            case PLAIN -> korean;
            case LINE_BREAK_NOTE -> korean + (random.nextBoolean() ? "\n" : "\r\n") + "(1~5점, 9=모름)";
            case BRACKETED ->
                korean + (random.nextBoolean() ? " " : "") + "(" + (random.nextBoolean() ? "단위" : "선택") + ")";
            case SPACES -> " " + korean.replace('_', ' ') + "  ";
            case DASHES -> korean.replace('_', '-');
            case FULL_WIDTH -> fullWidth(korean);
            case ALIAS -> alias.toUpperCase(java.util.Locale.ROOT);
            case NEAR_MISS -> korean.substring(0, korean.length() - 1);
        };
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' || c == '_' ? (char) (c + 0xFEE0) : c);
        }
        return sb.toString();
    }

    private static void writeCsv(Path path, List<GeneratedColumn> file, int n, boolean twoRows) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (twoRows) {
            // as the workbook's layout is exported: the items' names below 만족도
            sb.append(line(file.stream().map(c -> isItem(c) ? c.upperHeader() : c.header()).toList()));
            sb.append(line(file.stream().map(c -> isItem(c) ? c.header() : "").toList()));
        }
        else {
            sb.append(line(file.stream().map(GeneratedColumn::header).toList()));
        }
        for (int i = 0; i < n; i++) {
            int row = i;
            sb.append(line(file.stream().map(c -> c.values().get(row)).toList()));
        }
        Files.writeString(path, sb, StandardCharsets.UTF_8);
    }

    /** The file's first lines, for a failure's description. */
    private static String shown(Path path) {
        try {
            if (path.toString().endsWith(".csv")) {
                String text = Files.readString(path);
                return text.substring(0, Math.min(600, text.length()));
            }
            return path.toString();
        }
        catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean isItem(GeneratedColumn col) {
        return col.alias() != null && col.alias().matches("q[1-6]");
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            sb.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return sb.append("\r\n").toString();
    }

    /**
     * A two-row header as Korean forms lay it out: 만족도 merged over the items in the upper
     * row and their names below; the other headers merged down over both rows.
     */
    private static void writeWorkbook(Path path, List<GeneratedColumn> file, int n, boolean twoRows)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("응답");
            int first = 0;
            if (twoRows) {
                Row upper = sheet.createRow(0);
                Row lower = sheet.createRow(1);
                int groupStart = -1;
                int groupEnd = -1;
                for (int c = 0; c < file.size(); c++) {
                    GeneratedColumn col = file.get(c);
                    if (isItem(col)) {
                        if (!col.upperHeader().isEmpty()) {
                            upper.createCell(c).setCellValue(col.upperHeader());
                        }
                        lower.createCell(c).setCellValue(col.header());
                        groupStart = groupStart < 0 ? c : groupStart;
                        groupEnd = c;
                    }
                    else if (!col.header().isEmpty()) {
                        upper.createCell(c).setCellValue(col.header());
                        sheet.addMergedRegion(new CellRangeAddress(0, 1, c, c));
                    }
                }
                first = 2;
            }
            else {
                Row header = sheet.createRow(0);
                for (int c = 0; c < file.size(); c++) {
                    if (!file.get(c).header().isEmpty()) {
                        header.createCell(c).setCellValue(file.get(c).header());
                    }
                }
                first = 1;
            }
            for (int i = 0; i < n; i++) {
                Row row = sheet.createRow(first + i);
                for (int c = 0; c < file.size(); c++) {
                    String v = file.get(c).values().get(i);
                    if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                wb.write(out);
            }
        }
    }

}
