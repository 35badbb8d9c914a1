package kr.seoul.sogong.outcomes.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;

/**
 * Data rows of a workbook: a survey workbook reads every sheet as responses; a results workbook
 * reads the sheets 참여기업/participants, 성과/outcomes and 예산/budget (all three required) and
 * ignores any other sheet. In each sheet the first non-blank row is the header.
 */
final class WorkbookRowSource implements RowSource {

    private final String sourceFile;
    private final boolean survey;
    private final WorkbookRows rows;
    private final Map<Integer, SourceKind> kindBySheet = new HashMap<>();
    private final List<SourceKind> seenKinds = new ArrayList<>();
    private HeaderMap header;
    private int headerSheet = -1;
    private long ordinal;

    WorkbookRowSource(Path file, String sourceFile, boolean survey) throws UnreadableFileException {
        this.sourceFile = sourceFile;
        this.survey = survey;
        this.rows = openWorkbook(file);
        try {
            for (WorkbookRows.SheetRef sheet : rows.sheets()) {
                if (survey) {
                    kindBySheet.put(sheet.index(), SourceKind.SURVEY);
                } else {
                    kindOf(sheet.name()).ifPresent(k -> kindBySheet.put(sheet.index(), k));
                }
            }
            if (!survey) {
                for (SourceKind kind : SourceKind.RESULTS) {
                    if (!kindBySheet.containsValue(kind)) {
                        throw new UnreadableFileException(kind.koreanSheet(), kind.englishSheet(),
                                "required sheet missing: " + kind.koreanSheet() + " (" + kind.englishSheet() + ")");
                    }
                }
            }
        } catch (UnreadableFileException | RuntimeException e) {
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
        } catch (OLE2NotOfficeXmlFileException | EncryptedDocumentException e) {
            throw new UnreadableFileException("the workbook is encrypted or in the old .xls format; save it as an"
                    + " unprotected .xlsx");
        } catch (NotOfficeXmlFileException e) {
            throw new UnreadableFileException("not an .xlsx workbook: " + e.getMessage());
        } catch (Exception e) {
            throw new UnreadableFileException("the workbook cannot be read: " + rootMessage(e));
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
     * Reads each sheet's header and checks its columns, without reading the data rows; a survey
     * workbook whose sheets are all empty has no header row.
     */
    void checkHeaders() throws UnreadableFileException {
        boolean anyHeader = false;
        try {
            WorkbookRows.SheetRow row;
            while ((row = rows.next()) != null) {
                if (!kindBySheet.containsKey(row.sheetIndex()) || row.isBlank()) {
                    continue;
                }
                checkHeader(row);
                anyHeader = true;
                rows.skipSheet();
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFileException("the workbook cannot be read: " + rootMessage(e));
        }
        if (!anyHeader) {
            throw new UnreadableFileException("the workbook has no header row");
        }
        if (!survey) {
            // results sheets that exist but hold no header are as good as missing
            for (SourceKind kind : SourceKind.RESULTS) {
                if (!seenKinds.contains(kind)) {
                    throw new UnreadableFileException(kind.koreanSheet(), kind.englishSheet(),
                            "sheet " + kind.koreanSheet() + " (" + kind.englishSheet() + ") has no header row");
                }
            }
        }
    }

    private void checkHeader(WorkbookRows.SheetRow row) throws UnreadableFileException {
        SourceKind kind = kindBySheet.get(row.sheetIndex());
        header = new HeaderMap(kind, row.cells());
        headerSheet = row.sheetIndex();
        seenKinds.add(kind);
        if (!header.missingRequired().isEmpty()) {
            throw new UnreadableFileException(row.sheet(), header.missingRequired().get(0).alias(),
                    "sheet " + row.sheet() + ": required column missing: " + header.describeMissing());
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
                checkHeader(row);
                continue;
            }
            return new SourceRow(sourceFile, header.kind(), row.sheet(), row.sheetIndex(), row.rowNumber(), ++ordinal,
                    header.values(row.cells()), null, false);
        }
        return null;
    }

    private void closeQuietly() {
        try {
            rows.close();
        } catch (IOException ignored) {
            // read-only package
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
