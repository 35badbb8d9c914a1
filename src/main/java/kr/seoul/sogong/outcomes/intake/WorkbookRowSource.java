package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;

/**
 * Data rows of a workbook ({@code .xlsx}, {@code .xlsm} or legacy {@code .xls}): a survey
 * workbook reads every visible sheet that has a header as responses (a sheet without one
 * — a summary, a chart's data — is a WARN naming it, and the workbook is UNREADABLE only
 * when no sheet has a header); a results workbook reads the sheets 참여기업/participants,
 * 성과/outcomes and 예산/budget (all three required) and ignores any other sheet. Hidden
 * sheets are not read, each with a WARN finding (contract §8). In each sheet the header
 * is the first row, among rows 1–{@value #HEADER_SEARCH_ROWS}, that names every required
 * column, alone or with the row above it, or goes on in the row below it (a header over
 * two rows, contract §9); rows above it (a title, a note) are not data.
 */
final class WorkbookRowSource implements RowSource {

    static final int HEADER_SEARCH_ROWS = 20;

    static final Message FORMULA_WITHOUT_VALUE = Message.of("formulaWithoutValue");

    private final String sourceFile;

    private final boolean survey;

    private final SheetRows rows;

    private final Map<Integer, SourceKind> kindBySheet = new HashMap<>();

    private final List<Finding> notes = new ArrayList<>();

    /** The sheet being read, and what is known of its header so far. */
    private @Nullable SheetHeader sheet;

    /** A survey sheet whose first rows hold no header: the one that came closest. */
    private @Nullable Nearest nearestWithout;

    private boolean anyHeader;

    /** The kinds whose sheet has a header, as the sheets are left. */
    private final List<SourceKind> seenKinds = new ArrayList<>();

    private long ordinal;

    WorkbookRowSource(Path file, String sourceFile, boolean survey) throws UnreadableFileException {
        this.sourceFile = sourceFile;
        this.survey = survey;
        this.rows = SheetRows.open(file);
        try {
            for (WorkbookRows.SheetRef sheet : rows.sheets()) {
                Optional<SourceKind> kind = survey ? Optional.of(SourceKind.SURVEY) : kindOf(sheet.name());
                if (sheet.hidden()) {
                    if (kind.isPresent()) {
                        notes.add(Finding.of(sourceFile, sheet.name(), null, "", "", Rule.HIDDEN_SHEET,
                                Message.of("hiddenSheet", sheet.name())));
                    }
                    continue;
                }
                kind.ifPresent(k -> kindBySheet.put(sheet.index(), k));
            }
            if (!survey) {
                for (SourceKind k : SourceKind.RESULTS) {
                    if (!kindBySheet.containsValue(k)) {
                        throw new UnreadableFileException(k.koreanSheet(), k.englishSheet(),
                                Message.of(notes.isEmpty() ? "sheetMissing" : "sheetMissing.hidden", k.koreanSheet(),
                                        k.englishSheet()));
                    }
                }
            }
        }
        catch (UnreadableFileException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private static Optional<SourceKind> kindOf(String sheetName) {
        return SourceKind.RESULTS.stream().filter(k -> k.matchesSheet(sheetName)).findFirst();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /**
     * Findings about the workbook as a whole that do not stop it being read: hidden
     * sheets, survey sheets without a header, and each sheet's header notes (contract §9)
     * — complete once {@link #checkHeaders()} has run.
     */
    List<Finding> notes() {
        return notes;
    }

    /**
     * Finds each sheet's header and checks its columns, without reading the data rows; a
     * survey workbook whose sheets are all empty has no header row.
     */
    void checkHeaders() throws UnreadableFileException {
        try {
            WorkbookRows.SheetRow row;
            while ((row = rows.next()) != null) {
                if (!kindBySheet.containsKey(row.sheetIndex()) || row.isBlank()) {
                    continue;
                }
                classify(row);
                if (classified().settled()) {
                    rows.skipSheet();
                }
            }
            endOfWorkbook();
        }
        catch (UnreadableFileException e) {
            throw e;
        }
        catch (Exception e) {
            throw SheetRows.unreadable(e);
        }
        if (!survey) {
            // results sheets that exist but hold no header are as good as missing
            for (SourceKind kind : SourceKind.RESULTS) {
                if (!seenKinds.contains(kind)) {
                    throw new UnreadableFileException(kind.koreanSheet(), kind.englishSheet(),
                            Message.of("sheetWithoutHeader", kind.koreanSheet(), kind.englishSheet()));
                }
            }
        }
    }

    /** A sheet's header as found so far. */
    private static final class SheetHeader {

        final int index;

        final String name;

        final SourceKind kind;

        @Nullable HeaderMap header;

        @Nullable List<String> headerCells;

        int headerRow;

        boolean twoRows;

        /** The row under the header was looked at (the header may go on in it). */
        boolean below;

        @Nullable List<String> previousCells;

        int previousRow;

        @Nullable HeaderMap closest;

        /** No header in the first rows: the sheet is not read. */
        boolean abandoned;

        final Set<Integer> headerlessReported = new HashSet<>();

        SheetHeader(int index, String name, SourceKind kind) {
            this.index = index;
            this.name = name;
            this.kind = kind;
        }

        boolean settled() {
            return abandoned || header != null && below;
        }

    }

    /**
     * Decides what a non-blank row of a read sheet is: part of its header, a row above
     * it, or data (true).
     */
    private boolean classify(WorkbookRows.SheetRow row) throws UnreadableFileException {
        SourceKind kind = Objects.requireNonNull(kindBySheet.get(row.sheetIndex()), "a sheet the workbook reads");
        if (sheet == null || sheet.index != row.sheetIndex()) {
            endOfSheet();
            sheet = new SheetHeader(row.sheetIndex(), row.sheet(), kind);
        }
        SheetHeader s = sheet;
        if (s.abandoned) {
            return false;
        }
        if (s.header == null) {
            lookForHeader(s, row);
            return false;
        }
        if (!s.below) {
            s.below = true;
            if (!s.twoRows && row.rowNumber() == s.headerRow + 1 && s.header.continuesOnto(row.cells())) {
                // taken with the header
                List<String> headerCells = Objects.requireNonNull(s.headerCells);
                s.header = HeaderMap.overTwoRows(s.kind, headerCells, row.cells());
                s.header.check(s.name, HeaderMap.Where.SHEET);
                return false;
            }
        }
        return true;
    }

    private void lookForHeader(SheetHeader s, WorkbookRows.SheetRow row) throws UnreadableFileException {
        HeaderMap candidate = new HeaderMap(s.kind, row.cells());
        if (candidate.missingRequired().isEmpty()) {
            takeHeader(s, candidate, row, false);
            return;
        }
        if (s.previousCells != null && s.previousRow == row.rowNumber() - 1) {
            HeaderMap two = HeaderMap.overTwoRows(s.kind, s.previousCells, row.cells());
            if (two.missingRequired().isEmpty()) {
                takeHeader(s, two, row, true);
                return;
            }
        }
        HeaderMap closest = s.closest;
        if (closest == null || candidate.requiredFound() > closest.requiredFound()) {
            closest = candidate;
            s.closest = candidate;
        }
        s.previousCells = row.cells();
        s.previousRow = row.rowNumber();
        if (row.rowNumber() >= HEADER_SEARCH_ROWS) {
            abandon(s, closest);
        }
    }

    private void takeHeader(SheetHeader s, HeaderMap header, WorkbookRows.SheetRow row, boolean twoRows)
            throws UnreadableFileException {
        header.check(s.name, HeaderMap.Where.SHEET);
        s.header = header;
        s.headerCells = row.cells();
        s.headerRow = row.rowNumber();
        s.twoRows = twoRows;
        anyHeader = true;
    }

    /**
     * A sheet without a header in its first rows: a results sheet is UNREADABLE, naming
     * what the closest row lacks; a survey sheet is not read, and said so — unless no
     * sheet of the workbook has a header.
     */
    private void abandon(SheetHeader s, HeaderMap closest) throws UnreadableFileException {
        if (!survey) {
            closest.check(s.name, HeaderMap.Where.NEAREST_SHEET);
        }
        s.abandoned = true;
        notes.add(Finding.of(sourceFile, s.name, null, "", "", Rule.NOT_READ, Message.of("sheetNotRead", s.name)));
        if (nearestWithout == null || closest.requiredFound() > nearestWithout.closest().requiredFound()) {
            nearestWithout = new Nearest(s.name, closest);
        }
    }

    /** A sheet without a header, and the row in it that came closest to being one. */
    private record Nearest(String sheet, HeaderMap closest) {
    }

    /** The sheet read so far is left: its header's notes, or its lack of one. */
    private void endOfSheet() throws UnreadableFileException {
        if (sheet == null) {
            return;
        }
        if (sheet.header != null) {
            notes.addAll(sheet.header.notes(sourceFile, sheet.name));
            seenKinds.add(sheet.kind);
        }
        else if (!sheet.abandoned && sheet.closest != null) {
            abandon(sheet, sheet.closest);
        }
    }

    private void endOfWorkbook() throws UnreadableFileException {
        endOfSheet();
        sheet = null;
        if (!anyHeader) {
            if (nearestWithout != null) {
                nearestWithout.closest().check(nearestWithout.sheet(), HeaderMap.Where.NEAREST_SHEET);
            }
            throw new UnreadableFileException(Message.of("noHeaderInWorkbook"));
        }
    }

    /** The sheet {@link #classify} has just looked at. */
    private SheetHeader classified() {
        return Objects.requireNonNull(sheet, "classify sets the sheet");
    }

    @Override
    public @Nullable SourceRow next() throws Exception {
        WorkbookRows.SheetRow row;
        while ((row = rows.next()) != null) {
            if (!kindBySheet.containsKey(row.sheetIndex()) || row.isBlank()) {
                continue;
            }
            boolean data = classify(row);
            SheetHeader sheet = classified();
            if (!data) {
                if (sheet.abandoned) {
                    rows.skipSheet();
                }
                continue;
            }
            // a data row comes only under a header
            HeaderMap header = Objects.requireNonNull(sheet.header);
            Map<String, Message> cellProblems = Map.of();
            if (!row.formulasWithoutValue().isEmpty()) {
                cellProblems = new LinkedHashMap<>();
                for (int col : row.formulasWithoutValue()) {
                    String alias = header.aliasAt(col);
                    if (alias != null) {
                        cellProblems.put(alias, FORMULA_WITHOUT_VALUE);
                    }
                }
                if (cellProblems.isEmpty() && row.valuesBlank()) {
                    // formulas only in extra columns of an otherwise blank row
                    continue;
                }
            }
            List<Finding> fileNotes = List.of();
            int headerless = header.headerlessValue(row.cells(), sheet.headerlessReported);
            if (headerless >= 0) {
                sheet.headerlessReported.add(headerless);
                fileNotes = List.of(HeaderMap.headerlessColumn(sourceFile, row.sheet(), headerless));
            }
            return new SourceRow(sourceFile, header.kind(), row.sheet(), row.sheetIndex(), row.rowNumber(), ++ordinal,
                    header.values(row.cells()), null, cellProblems, false, fileNotes);
        }
        return null;
    }

    private void closeQuietly() {
        try {
            rows.close();
        }
        catch (IOException ignored) {
            // read-only package
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

}
