package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.seoul.sogong.outcomes.MutatedFiles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * A CSV read in byte ranges ({@link FileRange}, issue 25) gives exactly the rows a reader
 * from the top gives — row numbers, ordinals, values, problems and the once-per-file
 * notes — whatever the file's shape: stray and unclosed quotes, quoted cells over several
 * lines, blank rows, CR, LF and CR LF line ends, values in a column without a header,
 * UTF-8 with a BOM or CP949. A range that started inside a quoted cell, or one that did
 * not know the row number or the notes before it, would show here as a row that differs.
 */
class RangeReadingPropertyTest {

    static final Path SAMPLE = Path.of("input", "2022", "survey", "설문_2022_1차.csv");

    static Path work;

    static final java.util.concurrent.atomic.AtomicInteger TRY = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("ranges");
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 400, seed = "20261206")
    void rangesReadTheRowsOfTheWholeFile(@ForAll long seed, @ForAll @IntRange(min = 0, max = 14) int mutations,
            @ForAll @IntRange(min = 2, max = 12) int pieces) throws Exception {
        Random random = new Random(seed);
        Path roundDir = work.resolve(String.valueOf(TRY.incrementAndGet()));
        Path file = roundDir.resolve("survey/responses.csv");
        Files.createDirectories(file.getParent());
        String text = MutatedFiles.mutateCsv(Files.readString(SAMPLE, TextEncoding.CP949), random, mutations);
        if (random.nextInt(3) == 0) {
            text = withHeaderlessColumn(text, random);
        }
        String lineEnd = List.of("\n", "\r\n", "\r").get(random.nextInt(3));
        text = text.replace("\n", lineEnd);
        boolean cp949 = random.nextBoolean() && TextEncoding.CP949.newEncoder().canEncode(text);
        Files.write(file, (cp949 ? text : (random.nextBoolean() ? "\uFEFF" : "") + text)
            .getBytes(cp949 ? TextEncoding.CP949 : StandardCharsets.UTF_8));

        SourceFiles.InputFile input = SourceFiles.list(roundDir).files().get(0);
        SourceFiles.Admission whole;
        try {
            whole = SourceFiles.inspect(input, Splitting.NEVER);
        }
        catch (UnreadableFileException e) {
            Statistics.label("file").collect("UNREADABLE");
            return;
        }
        SourceFiles.Admission split = SourceFiles.inspect(input,
                new Splitting(Math.max(1, input.sizeBytes() / pieces), 1));
        assertThat(whole.ranges()).hasSize(1);
        List<SourceRow> expected = rows(roundDir, input, whole, whole.ranges().get(0));
        List<FileRange> ranges = split.ranges();
        Statistics.label("ranges").collect(ranges.size() == 1 ? "1" : ranges.size() < pieces ? "fewer" : "as asked");
        assertThat(ranges.size()).isBetween(1, pieces);
        if (ranges.size() > 1) {
            assertThat(split.estimatedRows()).as("rows counted when split").isEqualTo(expected.size());
        }

        List<SourceRow> actual = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            FileRange range = ranges.get(i);
            if (i > 0) {
                FileRange before = ranges.get(i - 1);
                assertThat(range.startLine()).as("ranges meet").isEqualTo(before.endLine());
                assertThat(range.startOrdinal()).isEqualTo(before.startOrdinal() + before.rows());
            }
            List<SourceRow> part = rows(roundDir, input, split, range);
            assertThat(part).as("range %d of %s is not empty", i, ranges).isNotEmpty();
            if (ranges.size() > 1) {
                // counted exactly when split; a whole file's count is an estimate
                assertThat(part).hasSize(Math.toIntExact(range.rows()));
            }
            assertThat(part.get(0).ordinal()).isEqualTo(range.startOrdinal() + 1);
            actual.addAll(part);
        }
        assertThat(ranges.get(ranges.size() - 1).toEnd()).isTrue();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SourceRow e = expected.get(i);
            SourceRow a = actual.get(i);
            String what = "row " + i + " (seed " + seed + ", " + mutations + " mutations, " + ranges.size()
                    + " ranges)";
            assertThat(a.rowNumber()).as(what).isEqualTo(e.rowNumber());
            assertThat(a.ordinal()).as(what).isEqualTo(e.ordinal());
            assertThat(a.values()).as(what).containsExactly(e.values());
            assertThat(a.problem()).as(what).isEqualTo(e.problem());
            assertThat(a.fileNotes()).as(what).isEqualTo(e.fileNotes());
        }
    }

    /** The rows of one range, the last one marked as ending it. */
    private static List<SourceRow> rows(Path roundDir, SourceFiles.InputFile input, SourceFiles.Admission admission,
            FileRange range) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        try (RowSource source = SourceFiles.open(roundDir, input.sourceFile(), admission.kind(), admission.encoding(),
                range)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A column with no header at the end, its values on some rows only: reported once for
     * the file, at the first row that has one.
     */
    private static String withHeaderlessColumn(String text, Random random) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]).append(',');
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i]);
            if (!lines[i].isEmpty()) {
                out.append(',').append(random.nextInt(4) == 0 ? "v" + i : "");
            }
        }
        return out.toString();
    }

}
