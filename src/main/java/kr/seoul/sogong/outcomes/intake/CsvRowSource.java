package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data rows of a CSV file of one kind. The header is the first record, among the first
 * {@value WorkbookRowSource#HEADER_SEARCH_ROWS} non-blank ones, that names every required
 * column (a title above it is not data), possibly over two records; every later record
 * must have as many fields (contract §8). Fields are separated by commas, or by what an
 * Excel {@code sep=} first line says, or — where commas give no header — by semicolons or
 * tabs (what Excel writes in locales with a decimal comma, and "text (tab delimited)");
 * the choice is made again, the same way, each time the file is opened.
 */
final class CsvRowSource implements RowSource {

    private static final String[] NO_VALUES = {};

    private static final char[] DELIMITERS = { ',', ';', '\t' };

    private static final Pattern SEP_LINE = Pattern.compile("(?i)sep=(.)");

    private final String sourceFile;

    private final CsvRecords records;

    private final HeaderMap header;

    /** The record read after the header to see whether the header goes on in it. */
    private CsvRecords.@Nullable CsvRecord pending;

    private final Set<Integer> headerlessReported = new HashSet<>();

    private final List<Finding> notes = new ArrayList<>();

    private long ordinal;

    CsvRowSource(Path file, String sourceFile, SourceKind kind, Charset charset)
            throws IOException, UnreadableFileException {
        this.sourceFile = sourceFile;
        Opened opened = open(file, kind, charset);
        this.records = opened.records();
        this.header = opened.found().header();
        this.pending = opened.found().next();
        notes.addAll(header.notes(sourceFile, ""));
    }

    /**
     * The data rows of one range of the file: the header is found at the top as always,
     * then reading goes on where the range starts, as a reader from the top would be
     * there.
     */
    CsvRowSource(Path file, String sourceFile, SourceKind kind, Charset charset, FileRange range)
            throws IOException, UnreadableFileException {
        this(file, sourceFile, kind, charset);
        if (range.fromTop()) {
            records.stopAt(range.endLine());
        }
        else {
            records.resume(range.startByte(), range.startLine(), range.startRow(), range.endLine());
            pending = null;
            ordinal = range.startOrdinal();
            headerlessReported.addAll(range.reportedColumns());
        }
    }

    /** Most ranges a file is split into. */
    static final int MAX_RANGES = 64;

    /** A record boundary found on the way: what a range starting there must know. */
    private record Boundary(long line, int row, long ordinal, Set<Integer> reported) {
    }

    /**
     * The file in as many ranges as {@code splitting} says for its size, split where a
     * record starts (found by reading every record, as the ingest will), each with at
     * least one data row; one whole range when the file is small.
     * @param lineBreaks the file's line-feed bytes: the lines to aim at are spread by it
     */
    static List<FileRange> ranges(Path file, String sourceFile, SourceKind kind, Charset charset, long sizeBytes,
            long lineBreaks, Splitting splitting) throws IOException, UnreadableFileException {
        long pieces = splitting.ranges(sizeBytes);
        // the ranges are aimed by line feeds: a file whose lines end in CR alone has none
        // to aim by, and is read whole
        if (pieces < 2 || lineBreaks < 2 * pieces) {
            return List.of(FileRange.whole(Math.max(0, lineBreaks - 1)));
        }
        long[] aims = new long[(int) pieces - 1];
        for (int k = 1; k < pieces; k++) {
            aims[k - 1] = lineBreaks * k / pieces;
        }
        List<Boundary> boundaries = new ArrayList<>();
        long rows;
        try (CsvRowSource source = new CsvRowSource(file, sourceFile, kind, charset)) {
            Boundary candidate = null;
            int aim = 0;
            while (source.next() != null) {
                if (candidate != null) {
                    // a data row follows it: the range starting there is not empty
                    boundaries.add(candidate);
                    candidate = null;
                }
                long line = source.records.linesRead();
                if (aim < aims.length && line >= aims[aim]) {
                    candidate = new Boundary(line, source.records.rowsRead(), source.ordinal,
                            Set.copyOf(source.headerlessReported));
                    while (aim < aims.length && aims[aim] <= line) {
                        aim++;
                    }
                }
            }
            rows = source.ordinal;
        }
        if (boundaries.isEmpty()) {
            return List.of(FileRange.whole(rows));
        }
        long[] starts = CsvRecords.lineStarts(file, boundaries.stream().mapToLong(Boundary::line).toArray());
        List<FileRange> ranges = new ArrayList<>();
        Boundary previous = new Boundary(0, 0, 0, Set.of());
        long previousByte = 0;
        for (int i = 0; i <= boundaries.size(); i++) {
            Boundary next = i < boundaries.size() ? boundaries.get(i) : null;
            ranges.add(new FileRange(previousByte, previous.line(), previous.row(), previous.ordinal(),
                    previous.reported(), next == null ? -1 : next.line(),
                    (next == null ? rows : next.ordinal()) - previous.ordinal()));
            if (next != null) {
                previous = next;
                previousByte = starts[i];
            }
        }
        return ranges;
    }

    private record Opened(CsvRecords records, Found found) {
    }

    /**
     * The file's records with the delimiter under which a header is found, positioned
     * after the header; when none gives one, the reason of the one that came closest.
     */
    private static Opened open(Path file, SourceKind kind, Charset charset)
            throws IOException, UnreadableFileException {
        Character declared = declaredDelimiter(file, charset);
        UnreadableFileException nearest = null;
        int nearestFound = -1;
        for (char delimiter : declared == null ? DELIMITERS : new char[] { declared }) {
            CsvRecords candidate = new CsvRecords(file, charset, delimiter);
            try {
                return new Opened(candidate, findHeader(candidate, kind, declared != null));
            }
            catch (NoHeader e) {
                candidate.close();
                if (e.requiredFound > nearestFound) {
                    nearest = e.reason;
                    nearestFound = e.requiredFound;
                }
            }
            catch (IOException | UnreadableFileException | RuntimeException e) {
                candidate.close();
                throw e;
            }
        }
        // each delimiter tried failed with a NoHeader (requiredFound >= 0), so one is
        // kept
        throw Objects.requireNonNull(nearest);
    }

    /** The delimiter an Excel {@code sep=;} first line names, or null. */
    private static @Nullable Character declaredDelimiter(Path file, Charset charset) throws IOException {
        try (CsvRecords probe = new CsvRecords(file, charset, ',')) {
            CsvRecords.CsvRecord first;
            do {
                first = probe.next();
            }
            while (first != null && first.isBlank());
            if (first == null || first.problem() != null || first.cells().size() > 2) {
                return null;
            }
            Matcher m = SEP_LINE.matcher(CellText.normalize(String.join(",", first.cells())));
            return m.matches() ? m.group(1).charAt(0) : null;
        }
    }

    private record Found(HeaderMap header, CsvRecords.@Nullable CsvRecord next) {
    }

    /** No header with these delimiters: why, and how close the nearest record came. */
    private static final class NoHeader extends Exception {

        final UnreadableFileException reason;

        final int requiredFound;

        NoHeader(UnreadableFileException reason, int requiredFound) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
            this.requiredFound = requiredFound;
        }

    }

    private static Found findHeader(CsvRecords records, SourceKind kind, boolean skipSepLine)
            throws IOException, UnreadableFileException, NoHeader {
        HeaderMap closest = null;
        Message firstProblem = null;
        List<String> previous = null;
        HeaderMap header = null;
        int nonBlank = 0;
        boolean sepLineSkipped = !skipSepLine;
        CsvRecords.CsvRecord record;
        while (header == null && nonBlank < WorkbookRowSource.HEADER_SEARCH_ROWS && (record = records.next()) != null) {
            if (record.isBlank()) {
                continue;
            }
            if (!sepLineSkipped) {
                sepLineSkipped = true;
                continue;
            }
            nonBlank++;
            if (record.problem() != null) {
                firstProblem = nonBlank == 1 ? record.problem() : firstProblem;
                previous = null;
                continue;
            }
            HeaderMap candidate = new HeaderMap(kind, record.cells());
            boolean twoRows = false;
            if (candidate.missingRequired().isEmpty()) {
                header = candidate;
            }
            else if (previous != null
                    && HeaderMap.overTwoRows(kind, previous, record.cells()).missingRequired().isEmpty()) {
                header = HeaderMap.overTwoRows(kind, previous, record.cells());
                twoRows = true;
            }
            else {
                if (closest == null || candidate.requiredFound() > closest.requiredFound()) {
                    closest = candidate;
                }
                previous = record.cells();
            }
            if (header != null) {
                header.check("", HeaderMap.Where.CSV);
                records.expectFields(header.width());
                List<String> headerCells = record.cells();
                CsvRecords.CsvRecord next;
                do {
                    next = records.next();
                }
                while (next != null && next.isBlank());
                if (!twoRows && next != null && next.problem() == null && header.continuesOnto(next.cells())) {
                    header = HeaderMap.overTwoRows(kind, headerCells, next.cells());
                    header.check("", HeaderMap.Where.CSV);
                    next = null;
                }
                return new Found(header, next);
            }
        }
        if (nonBlank == 0) {
            throw new UnreadableFileException(Message.of("emptyFile"));
        }
        if (closest == null) {
            // no record could be read as a header: each non-blank one was malformed, the
            // first among them
            throw new NoHeader(new UnreadableFileException(
                    Message.of("headerUnreadable", Objects.requireNonNull(firstProblem).english())), 0);
        }
        try {
            closest.check("", HeaderMap.Where.CSV);
        }
        catch (UnreadableFileException e) {
            throw new NoHeader(e, closest.requiredFound());
        }
        throw new IllegalStateException("a complete header was not taken as the header");
    }

    /** Findings about the file's header that do not stop it being read (contract §9). */
    List<Finding> notes() {
        return notes;
    }

    @Override
    public @Nullable SourceRow next() throws IOException {
        CsvRecords.CsvRecord record;
        if (pending != null) {
            record = pending;
            pending = null;
        }
        else {
            do {
                record = records.next();
            }
            while (record != null && record.isBlank());
        }
        if (record == null) {
            return null;
        }
        String[] values = NO_VALUES;
        List<Finding> fileNotes = List.of();
        if (record.problem() == null) {
            values = header.values(record.cells());
            int headerless = header.headerlessValue(record.cells(), headerlessReported);
            if (headerless >= 0) {
                headerlessReported.add(headerless);
                fileNotes = List.of(HeaderMap.headerlessColumn(sourceFile, "", headerless));
            }
        }
        return new SourceRow(sourceFile, header.kind(), "", 0, record.rowNumber(), ++ordinal, values, record.problem(),
                Map.of(), false, fileNotes);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

}
