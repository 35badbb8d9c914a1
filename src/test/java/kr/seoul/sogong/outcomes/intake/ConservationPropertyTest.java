package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.centers.CentersFile;
import kr.seoul.sogong.outcomes.validation.ValidatedRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.seoul.sogong.outcomes.MutatedFiles;
import kr.seoul.sogong.outcomes.validation.RowValidationProcessor;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Contract §8's conservation of records, as a property over the sample files mutated at
 * random (seeded: jqwik prints the seed of a failing run, and {@code seed} below fixes it
 * for CI): whatever the damage, the file is either UNREADABLE as a whole or every data
 * record of it becomes exactly one row — stored with no REJECT, or not stored with at
 * least one — no line of the file is lost between rows, nothing crashes, and an accepted
 * value always fits the column that stores it. Reading and the row rules run here in one
 * JVM; {@code MutatedRoundsIT} sends a few such rounds through the whole job on H2 and
 * PostgreSQL.
 */
class ConservationPropertyTest {

    static final Path SAMPLE = Path.of("input", "2022");
    static Path work;
    static RowValidationProcessor processor;
    static final java.util.concurrent.atomic.AtomicInteger TRY = new java.util.concurrent.atomic.AtomicInteger();

    enum Sample {

        SURVEY_CSV("survey/설문_2022_1차.csv"), SURVEY_XLSX("survey/설문_2022_2차.xlsx"),
        RESULTS_XLSX("results/JANGWI_2022_결과.xlsx");

        final String sourceFile;

        Sample(String sourceFile) {
            this.sourceFile = sourceFile;
        }

    }

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("conservation");
        processor = new RowValidationProcessor(new CenterDirectory(CentersFile.read(SAMPLE.resolve("centers.csv"))),
                2022, 10_000);
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        // mostly CSV: cheap to mutate and where most shapes go wrong
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(6, Sample.SURVEY_CSV),
                net.jqwik.api.Tuple.of(2, Sample.SURVEY_XLSX), net.jqwik.api.Tuple.of(2, Sample.RESULTS_XLSX));
    }

    @Property(tries = 500, seed = "20221101")
    void everyRecordIsStoredOrRejected(@ForAll("samples") Sample sample, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int mutations) throws Exception {
        Random random = new Random(seed);
        // shrinking repeats a sample: a folder per try
        Path roundDir = work.resolve(String.valueOf(TRY.incrementAndGet()));
        Path file = roundDir.resolve(sample.sourceFile);
        Files.createDirectories(file.getParent());
        boolean csv = sample == Sample.SURVEY_CSV;
        if (csv) {
            String text = Files.readString(SAMPLE.resolve(sample.sourceFile), TextEncoding.CP949);
            String mutated = MutatedFiles.mutateCsv(text, random, mutations);
            boolean cp949 = random.nextBoolean() && TextEncoding.CP949.newEncoder().canEncode(mutated);
            Files.write(file, mutated.getBytes(cp949 ? TextEncoding.CP949 : StandardCharsets.UTF_8));
        }
        else {
            Files.copy(SAMPLE.resolve(sample.sourceFile), file);
            MutatedFiles.mutateWorkbook(file, random, mutations);
        }

        SourceFiles.InputFile input = SourceFiles.list(roundDir).files().get(0);
        SourceFiles.Admission admission;
        try {
            admission = SourceFiles.inspect(input, Splitting.NEVER);
        }
        catch (UnreadableFileException e) {
            // one UNREADABLE finding stands for the whole file
            assertThat(e.getMessage()).isNotBlank();
            Statistics.label("file").collect(sample + " UNREADABLE");
            return;
        }
        List<ValidatedRow> rows = new ArrayList<>();
        try (RowSource source = SourceFiles.open(roundDir, input.sourceFile(), admission.kind(),
                admission.encoding())) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(processor.process(row));
            }
        }

        Statistics.label("file").collect(sample + " read");
        Statistics.label("rows")
            .collect(rows.stream().allMatch(r -> r.record() != null) ? "all stored" : "some rejected");
        long expected = csv ? csvRecords(file, admission) : workbookRows(file, sample == Sample.SURVEY_XLSX);
        assertThat(rows.size()).as("rows read = data records of %s (seed %d, %d mutations)", sample, seed, mutations)
            .isEqualTo(expected);
        for (int i = 0; i < rows.size(); i++) {
            ValidatedRow row = rows.get(i);
            assertThat(row.source().ordinal()).isEqualTo(i + 1);
            boolean rejected = row.findings().stream().anyMatch(f -> f.severity() == Severity.REJECT);
            assertThat(row.record() == null)
                .as("stored xor rejected: row %d of %s, findings %s", row.source().rowNumber(), sample, row.findings())
                .isEqualTo(rejected);
            for (Finding f : row.findings()) {
                if (f.rowNumber() == null) {
                    // a file's note found at this row: values in a column without a
                    // header
                    assertThat(f.rule()).isEqualTo(kr.seoul.sogong.outcomes.findings.Rule.UNKNOWN_COLUMN);
                    assertThat(f.severity()).isEqualTo(Severity.WARN);
                }
                else {
                    assertThat(f.rowNumber()).isEqualTo(row.source().rowNumber());
                }
            }
            if (row.record() != null) {
                assertFitsItsColumns(row.source().kind(), row.record());
            }
        }
    }

    /**
     * Independently of how rows are made: every line of the file after the header is
     * inside the span of exactly one record (or holds nothing but delimiters, quotes and
     * spaces); returns the number of non-blank records, which must be the rows read.
     */
    private static long csvRecords(Path file, SourceFiles.Admission admission) throws IOException {
        String text = Files.readString(file, TextEncoding.forName(admission.encoding()));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = List.of(text.split("\r\n|\n|\r", -1));
        long dataRecords = 0;
        // the last line covered so far
        long covered = 0;
        try (CsvRecords records = new CsvRecords(file, TextEncoding.forName(admission.encoding()))) {
            CsvRecords.CsvRecord header;
            do {
                header = records.next();
            }
            while (header.isBlank());
            records.expectFields(header.cells().size());
            covered = header.lastLine();
            CsvRecords.CsvRecord record;
            while ((record = records.next()) != null) {
                assertThat(record.firstLine()).as("records follow each other").isGreaterThan(covered);
                for (long l = covered + 1; l < record.firstLine(); l++) {
                    assertThat(ignorable(lines.get((int) l - 1)))
                        .as("line %d is in no record: %s", l, lines.get((int) l - 1))
                        .isTrue();
                }
                // a record with a problem costs its own line only: it never swallows the
                // lines after it
                if (record.problem() != null) {
                    assertThat(record.lastLine()).as("problem record spans one line: %s", record)
                        .isEqualTo(record.firstLine());
                }
                else if (record.lastLine() > record.firstLine()) {
                    assertThat(record.cells()).as("a multi-line record is well formed").hasSize(header.cells().size());
                }
                covered = record.lastLine();
                if (!record.isBlank()) {
                    dataRecords++;
                }
            }
        }
        for (long l = covered + 1; l <= lines.size(); l++) {
            assertThat(ignorable(lines.get((int) l - 1))).as("line %d after the last record", l).isTrue();
        }
        return dataRecords;
    }

    private static boolean ignorable(String line) {
        return CellText.isBlank(line.replace(",", "").replace("\"", ""));
    }

    /**
     * Independently of our reader (POI's user model): the non-blank rows below each read
     * sheet's header.
     */
    private static long workbookRows(Path file, boolean survey) throws IOException {
        long count = 0;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                SourceKind kind = survey ? SourceKind.SURVEY
                        : SourceKind.RESULTS.stream()
                            .filter(k -> k.matchesSheet(sheet.getSheetName()))
                            .findFirst()
                            .orElse(null);
                if (kind == null || wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
                    continue;
                }
                int header = -1;
                for (int r = 0; r <= Math.min(19, sheet.getLastRowNum()) && header < 0; r++) {
                    Row row = sheet.getRow(r);
                    if (row != null && nonBlank(row) && new HeaderMap(kind, texts(row)).missingRequired().isEmpty()) {
                        header = r;
                    }
                }
                for (int r = header + 1; header >= 0 && r <= sheet.getLastRowNum(); r++) {
                    if (sheet.getRow(r) != null && nonBlank(sheet.getRow(r))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "");
        }
        return texts;
    }

    private static boolean nonBlank(Row row) {
        for (Cell cell : row) {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA || type == CellType.NUMERIC || type == CellType.BOOLEAN
                    || type == CellType.ERROR
                    || (type == CellType.STRING && !CellText.isBlank(cell.getStringCellValue()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every value of an accepted record fits the column that stores it: the database
     * never refuses it.
     */
    private static void assertFitsItsColumns(SourceKind kind, Object record) throws Exception {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String alias = component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
            Column column = kind.columns().stream().filter(c -> c.alias().equals(alias)).findFirst().orElse(null);
            Object value = component.getAccessor().invoke(record);
            if (column == null || value == null) {
                continue;
            }
            Column.Stored stored = column.stored();
            if (value instanceof String s) {
                assertThat(s).doesNotContain("\u0000");
                if (stored.maxLength() > 0) {
                    assertThat(s.length()).as(alias).isLessThanOrEqualTo(stored.maxLength());
                }
            }
            else if (value instanceof BigDecimal d && stored.scale() + stored.integerDigits() > 0) {
                BigDecimal exact = d.stripTrailingZeros();
                assertThat(Math.max(0, exact.scale())).as(alias).isLessThanOrEqualTo(stored.scale());
                assertThat(exact.precision() - exact.scale()).as(alias).isLessThanOrEqualTo(stored.integerDigits());
            }
            else if (value instanceof Number n) {
                assertThat(n.longValue()).as(alias).isBetween(0L, stored.maxWhole());
            }
        }
    }

}
