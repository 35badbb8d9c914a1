package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.findings.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;

/**
 * Data rows of a workbook: a survey workbook reads every visible sheet as responses; a
 * results workbook reads the sheets 참여기업/participants, 성과/outcomes and 예산/budget (all
 * three required) and ignores any other sheet. Hidden sheets are not read, each with a
 * WARN finding (contract §8). In each sheet the header is the first row, among rows
 * 1–{@value #HEADER_SEARCH_ROWS}, that names every required column; rows above it (a
 * title, a note) are not data.
 */
final class WorkbookRowSource implements RowSource {

    static final int HEADER_SEARCH_ROWS = 20;
    static final Message FORMULA_WITHOUT_VALUE = Message.of("formulaWithoutValue");

    private final String sourceFile;

    private final boolean survey;

    private final WorkbookRows rows;

    private final Map<Integer, SourceKind> kindBySheet = new HashMap<>();

    private final List<SourceKind> seenKinds = new ArrayList<>();

    private final List<Finding> notes = new ArrayList<>();

    private HeaderMap header;

    private int headerSheet = -1;

    private int searchSheet = -1;

    private HeaderMap closest;

    private String closestSheet;

    private long ordinal;

    WorkbookRowSource(Path file, String sourceFile, boolean survey) throws UnreadableFileException {
        this.sourceFile = sourceFile;
        this.survey = survey;
        this.rows = openWorkbook(file);
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

    static WorkbookRows openWorkbook(Path file) throws UnreadableFileException {
        try {
            return new WorkbookRows(file);
        }
        catch (OLE2NotOfficeXmlFileException | EncryptedDocumentException e) {
            throw new UnreadableFileException(Message.of("encrypted"));
        }
        catch (NotOfficeXmlFileException e) {
            throw new UnreadableFileException(Message.of("notXlsx", e.getMessage()));
        }
        catch (Exception e) {
            throw new UnreadableFileException(Message.of("workbookUnreadable", rootMessage(e)));
        }
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
     * Findings about the workbook as a whole that do not stop it being read (hidden
     * sheets).
     */
    List<Finding> notes() {
        return notes;
    }

    /**
     * Finds each sheet's header and checks its columns, without reading the data rows; a
     * survey workbook whose sheets are all empty has no header row.
     */
    void checkHeaders() throws UnreadableFileException {
        boolean anyHeader = false;
        try {
            WorkbookRows.SheetRow row;
            while ((row = rows.next()) != null) {
                if (!kindBySheet.containsKey(row.sheetIndex()) || row.isBlank()) {
                    continue;
                }
                if (row.sheetIndex() != headerSheet && lookForHeader(row)) {
                    anyHeader = true;
                    rows.skipSheet();
                }
            }
            failWithoutHeader();
        }
        catch (UnreadableFileException e) {
            throw e;
        }
        catch (Exception e) {
            throw new UnreadableFileException(Message.of("workbookUnreadable", rootMessage(e)));
        }
        if (!anyHeader) {
            throw new UnreadableFileException(Message.of("noHeaderInWorkbook"));
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

    /**
     * While a sheet's header is not found: is this row the header? A sheet whose first
     * {@value #HEADER_SEARCH_ROWS} rows name no complete set of columns is UNREADABLE,
     * naming what the closest row lacks.
     */
    private boolean lookForHeader(WorkbookRows.SheetRow row) throws UnreadableFileException {
        if (searchSheet != row.sheetIndex()) {
            failWithoutHeader(); // the sheet searched before ended without a header
            searchSheet = row.sheetIndex();
        }
        SourceKind kind = kindBySheet.get(row.sheetIndex());
        HeaderMap candidate = new HeaderMap(kind, row.cells());
        if (candidate.missingRequired().isEmpty()) {
            candidate.check(row.sheet(), HeaderMap.Where.SHEET);
            header = candidate;
            headerSheet = row.sheetIndex();
            searchSheet = -1;
            closest = null;
            seenKinds.add(kind);
            return true;
        }
        if (closest == null || candidate.requiredFound() > closest.requiredFound()) {
            closest = candidate;
            closestSheet = row.sheet();
        }
        if (row.rowNumber() >= HEADER_SEARCH_ROWS) {
            failWithoutHeader();
        }
        return false;
    }

    private void failWithoutHeader() throws UnreadableFileException {
        if (closest != null) {
            HeaderMap c = closest;
            closest = null;
            c.check(closestSheet, HeaderMap.Where.NEAREST_SHEET);
        }
    }

    @Override
    public SourceRow next() throws Exception {
        WorkbookRows.SheetRow row;
        while ((row = rows.next()) != null) {
            if (!kindBySheet.containsKey(row.sheetIndex()) || row.isBlank()) {
                continue;
            }
            if (row.sheetIndex() != headerSheet) {
                lookForHeader(row);
                continue;
            }
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
                    continue; // formulas only in extra columns of an otherwise blank row
                }
            }
            return new SourceRow(sourceFile, header.kind(), row.sheet(), row.sheetIndex(), row.rowNumber(), ++ordinal,
                    header.values(row.cells()), null, cellProblems, false);
        }
        failWithoutHeader();
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
