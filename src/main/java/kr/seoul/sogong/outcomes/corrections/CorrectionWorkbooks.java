package kr.seoul.sogong.outcomes.corrections;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.intake.Column;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.store.RowTables;
import kr.seoul.sogong.outcomes.store.IntakeStore.StoredFile;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.quality.DataQuality.FileQuality;
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * After each run, one workbook per center with at least one finding in its results files
 * or among the survey rows that name it ({@code corrections/<center_code>.xlsx}), and one
 * for the agency with what names no known center ({@code corrections/_unassigned.xlsx}):
 * a summary sheet, then per source file each offending row as the center sees it (its row
 * number, its cells with the offending one highlighted, red for REJECT and yellow for
 * WARN), the rule and what to change in Korean. They go by mail: business numbers masked
 * as in rejects.csv, no comment text, values written as text (a firm name starting with =
 * stays text). Rows are read again from the source files, since a rejected row is not
 * stored; written through POI's streaming SXSSF.
 */
@Component
public class CorrectionWorkbooks {

    public static final String UNASSIGNED = "_unassigned";

    static {
        // POI's streaming writer keeps its temporary files in java.io.tmpdir/poifiles, a
        // folder made once by
        // whichever user ran first: a job running as another user was refused there
        // (AccessDeniedException
        // on poifiles/poi-sxssf-sheet…xml, found by FailuresSpeakFirstIT running the job
        // as nobody). Ours
        // go to a folder of this process's own.
        try {
            java.nio.file.Path own = Files.createTempDirectory("sogong-outcomes-poi-");
            own.toFile().deleteOnExit();
            org.apache.poi.util.TempFile
                .setTempFileCreationStrategy(new org.apache.poi.util.DefaultTempFileCreationStrategy(own.toFile()));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Columns that do not travel by mail. */
    private static final List<String> NOT_SENT = List.of("comment");

    private final RowTables rows;

    private final IntakeStore store;

    private final OutcomesProperties properties;

    private final FindingRows findingRows;

    private final FindingStore findings;

    public CorrectionWorkbooks(RowTables rows, IntakeStore store, FindingStore findings,
            OutcomesProperties properties) {
        this.rows = rows;
        this.store = store;
        this.findings = findings;
        this.properties = properties;
        this.findingRows = new FindingRows(properties);
    }

    /**
     * The round's cross-row findings whose cause is another rejected row, found before
     * the findings stream to rejects.csv and the workbooks, so both say which row to fix.
     */
    public RootCauses rootCauses(int round) throws Exception {
        Map<String, StoredFile> files = new HashMap<>();
        store.allFiles(round).forEach(f -> files.put(f.sourceFile(), f));
        return RootCauses.find(round, findings, files, new CenterDirectory(store.centers(round)), findingRows);
    }

    /**
     * A sheet of a source file ("" for a CSV or a whole-file finding), in file, then
     * sheet order.
     */
    private record SourceSheet(String file, String sheet) implements Comparable<SourceSheet> {

        @Override
        public int compareTo(SourceSheet o) {
            int c = file.compareTo(o.file);
            return c != 0 ? c : sheet.compareTo(o.sheet);
        }

    }

    /** One finding with where it goes and the row it is about (null for a whole file). */
    private record Entry(String owner, Finding finding, @Nullable SourceRow row) {
    }

    /**
     * The most rows of one source file a correction workbook lists: a file with more is
     * better made again than mended row by row, and the findings step's memory must not
     * grow with the number of findings (rejects.csv has them all; the summary says how
     * many are left out).
     */
    static final int ROWS_PER_FILE = 1000;

    /**
     * The findings as they stream past for rejects.csv (one pass over them, not two),
     * kept for the corrections: at most {@link #ROWS_PER_FILE} of any one file, the rest
     * counted.
     */
    public static final class Collected implements Consumer<Finding> {

        private final Map<String, List<Finding>> byFile = new LinkedHashMap<>();

        private final RootCauses causes;

        private Collected(RootCauses causes) {
            this.causes = causes;
        }

        private final Map<String, Long> leftOut = new HashMap<>();

        @Override
        public void accept(Finding f) {
            List<Finding> kept = byFile.computeIfAbsent(f.sourceFile(), k -> new ArrayList<>());
            if (kept.size() < ROWS_PER_FILE) {
                kept.add(f);
            }
            else {
                leftOut.merge(f.sourceFile(), 1L, Long::sum);
            }
        }

    }

    /** Where the findings step hands each finding on its way to rejects.csv. */
    public Collected collect(RootCauses causes) {
        return new Collected(causes);
    }

    /**
     * Writes dir/corrections/ from findings collected on their way to rejects.csv, with
     * the files' counts of data_quality.csv; returns the workbooks written, by owner.
     */
    public Map<String, Path> write(Path dir, int round, Collected collected, List<FileQuality> fileQuality)
            throws Exception {
        CenterDirectory centers = new CenterDirectory(store.centers(round));
        Map<String, StoredFile> files = new HashMap<>();
        store.allFiles(round).forEach(f -> files.put(f.sourceFile(), f));
        Map<String, List<Finding>> byFile = collected.byFile;
        Map<String, Long> leftOut = collected.leftOut;

        Map<String, Map<SourceSheet, List<Entry>>> byOwner = new TreeMap<>();
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            StoredFile file = files.get(e.getKey());
            Map<Integer, SourceRow> rows = findingRows.of(round, file, e.getValue());
            String fileOwner = fileOwner(round, e.getKey(), file, centers);
            for (Finding f : e.getValue()) {
                SourceRow row = f.rowNumber() == null ? null : rows.get(FindingRows.key(f.sheet(), f.rowNumber()));
                String owner = fileOwner;
                if (file != null && file.sourceFile().startsWith(SourceFiles.SURVEY_DIR + "/")) {
                    owner = row == null ? UNASSIGNED
                            : centers.find(row.value("center")).map(Center::code).orElse(UNASSIGNED);
                }
                // one correction sheet per sheet of the source: a workbook's sheets have
                // other columns
                byOwner.computeIfAbsent(owner, k -> new TreeMap<>())
                    .computeIfAbsent(new SourceSheet(e.getKey(), f.sheet()), k -> new ArrayList<>())
                    .add(new Entry(owner, f, row));
            }
        }
        Path out = dir.resolve("corrections");
        Files.createDirectories(out);
        Map<String, FileQuality> qualities = new HashMap<>();
        fileQuality.forEach(q -> qualities.put(q.sourceFile(), q));
        Map<String, Path> written = new TreeMap<>();
        for (Map.Entry<String, Map<SourceSheet, List<Entry>>> owner : byOwner.entrySet()) {
            Path target = out.resolve(owner.getKey() + ".xlsx");
            writeWorkbook(target, round, owner.getKey(), centers, owner.getValue(), qualities, leftOut,
                    collected.causes);
            written.put(owner.getKey(), target);
        }
        return written;
    }

    /**
     * A results file belongs to the center its stored rows name, else the center its name
     * starts with ({@code <code>_...} or {@code <code>/...}); survey files are split by
     * row.
     */
    private String fileOwner(int round, String sourceFile, @Nullable StoredFile file, CenterDirectory centers) {
        if (!sourceFile.startsWith(SourceFiles.RESULTS_DIR + "/")) {
            return UNASSIGNED;
        }
        List<String> codes = rows.centersOfFile(round, sourceFile);
        if (!codes.isEmpty()) {
            return codes.get(0);
        }
        String name = sourceFile.substring(SourceFiles.RESULTS_DIR.length() + 1);
        String prefix = name.split("[_/]", 2)[0];
        return centers.byCode(prefix).map(Center::code).orElse(UNASSIGNED);
    }

    private void writeWorkbook(Path target, int round, String owner, CenterDirectory centers,
            Map<SourceSheet, List<Entry>> bySheet, Map<String, FileQuality> qualities, Map<String, Long> leftOut,
            RootCauses causes) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            // no creation time: the same findings make the same bytes, so a nightly rerun
            // mails nobody a workbook it already has (CorrectionMail, by sha256)
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
            Styles styles = new Styles(wb);
            Sheet summary = wb.createSheet("요약");
            String who = owner.equals(UNASSIGNED) ? "센터를 알 수 없는 항목 (사업 담당 기관 확인용)"
                    : centers.byCode(owner).map(c -> c.name() + " (" + c.code() + ")").orElse(owner);
            text(summary.createRow(0), 0, round + "년 자료 수정 요청 · " + who, styles.title);
            text(summary.createRow(1), 0,
                    "각 시트에 수정할 행이 있습니다. 빨간 칸은 제외된 행(REJECT), 노란 칸은 경고(WARN)입니다." + " 원본 파일의 같은 행 번호에서 고쳐 다시 보내 주세요.",
                    null);
            Row h = summary.createRow(3);
            String[] headers = { "파일", "시트", "파일 전체 읽은 행", "파일 전체 제외", "파일 전체 경고", "이 파일 때문에 회차가 멈춤", "이 요청서의 항목 수" };
            for (int i = 0; i < headers.length; i++) {
                text(h, i, headers[i], styles.header);
            }
            int r = 4;
            int sheetNo = 0;
            for (Map.Entry<SourceSheet, List<Entry>> part : bySheet.entrySet()) {
                FileQuality q = qualities.get(part.getKey().file());
                Row row = summary.createRow(r++);
                text(row, 0, part.getKey().file(), null);
                text(row, 1, part.getKey().sheet(), null);
                row.createCell(2).setCellValue(q == null ? 0 : q.rowsRead());
                row.createCell(3).setCellValue(q == null ? 0 : q.rowsRejected());
                row.createCell(4).setCellValue(q == null ? 0 : q.rowsWarned());
                text(row, 5, q != null && q.blocksGate(properties.maxRejectRate()) ? "예" : "아니오", null);
                row.createCell(6).setCellValue(part.getValue().size());
                fileSheet(wb, styles, ++sheetNo, part.getKey(), part.getValue());
            }
            r = clearedTogether(summary, r + 1, styles, bySheet, causes);
            for (String file : bySheet.keySet().stream().map(SourceSheet::file).distinct().toList()) {
                if (leftOut.containsKey(file)) {
                    text(summary.createRow(++r), 0,
                            String.format(
                                    "%s: 수정 요청이 많아 처음 %,d건만 실었습니다. 나머지 %,d건은"
                                            + " rejects.csv에 있습니다 (파일을 다시 만드는 편이 빠를 수 있습니다).",
                                    file, ROWS_PER_FILE, leftOut.get(file)),
                            styles.title);
                }
            }
            summary.setColumnWidth(0, 40 * 256);
            for (int i = 1; i < headers.length; i++) {
                summary.setColumnWidth(i, 14 * 256);
            }
            printable(summary);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                wb.write(out);
            }
            finally {
                // its temporary sheet files
                wb.dispose();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The findings one fix clears, grouped under the row to fix: returns the next free
     * row.
     */
    private static int clearedTogether(Sheet summary, int r, Styles styles, Map<SourceSheet, List<Entry>> bySheet,
            RootCauses causes) {
        Map<RootCauses.Cause, List<Finding>> byCause = new LinkedHashMap<>();
        bySheet.values()
            .forEach(entries -> entries.forEach(e -> causes.causeOf(e.finding())
                .ifPresent(c -> byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(e.finding()))));
        if (byCause.isEmpty()) {
            return r;
        }
        text(summary.createRow(r++), 0, "한 번에 해결되는 항목: 아래 행 하나를 고치면 함께 해결됩니다", styles.title);
        for (Map.Entry<RootCauses.Cause, List<Finding>> e : byCause.entrySet()) {
            RootCauses.Place fix = e.getKey().row();
            String cleared = e.getValue()
                .stream()
                .map(f -> (f.sheet().isEmpty() ? f.sourceFile() : f.sheet()) + " " + f.rowNumber() + "행")
                .collect(java.util.stream.Collectors.joining(", "));
            text(summary.createRow(r++), 0,
                    String.format("%s %s%d행 (%s) → %d건: %s", fix.file(),
                            fix.sheet().isEmpty() ? "" : fix.sheet() + " 시트 ", fix.row(), e.getKey().rule(),
                            e.getValue().size(), cleared),
                    null);
        }
        return r;
    }

    private static void fileSheet(SXSSFWorkbook wb, Styles styles, int number, SourceSheet source,
            List<Entry> entries) {
        String base = source.file().substring(source.file().lastIndexOf('/') + 1);
        base = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        String name = number + " " + (source.sheet().isEmpty() ? base : source.sheet() + " " + base);
        Sheet sheet = wb
            .createSheet(WorkbookUtil.createSafeSheetName(name.length() > 31 ? name.substring(0, 31) : name));
        text(sheet.createRow(0), 0, source.file(), styles.title);
        // the columns of the file's kind, as its header names them; comments do not
        // travel
        List<Column> columns = new ArrayList<>();
        Optional<SourceKind> kind = entries.stream().filter(e -> e.row() != null).map(e -> e.row().kind()).findFirst();
        kind.ifPresent(k -> k.columns().stream().filter(c -> !NOT_SENT.contains(c.alias())).forEach(columns::add));
        Row h = sheet.createRow(2);
        String[] fixed = { "시트", "행 번호", "구분", "규칙", "고칠 항목", "무엇을 고칠까요" };
        for (int i = 0; i < fixed.length; i++) {
            text(h, i, fixed[i], styles.header);
        }
        for (int i = 0; i < columns.size(); i++) {
            text(h, fixed.length + i, columns.get(i).korean(), styles.header);
        }
        int r = 3;
        for (Entry e : entries) {
            Finding f = e.finding();
            Row row = sheet.createRow(r++);
            boolean reject = f.severity() == Severity.REJECT;
            text(row, 0, f.sheet(), null);
            if (f.rowNumber() != null) {
                row.createCell(1).setCellValue(f.rowNumber());
            }
            text(row, 2, reject ? "제외 (REJECT)" : "경고 (WARN)", reject ? styles.reject : styles.warn);
            text(row, 3, f.rule().name(), null);
            text(row, 4, label(f.field(), kind), null);
            String says = f.message().render(Message.KOREAN);
            text(row, 5, says, styles.wrap);
            // a row as tall as its wrapped message (Excel and LibreOffice do not grow a
            // written row): a long message showed its last line only
            row.setHeightInPoints(sheet.getDefaultRowHeightInPoints() * linesIn(says, MESSAGE_WIDTH));
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String value = e.row() == null ? "" : e.row().value(c.alias());
                if (c.alias().equals("brn")) {
                    value = value.isEmpty() ? "" : BusinessRegistrationNumber.masked(value);
                }
                boolean offending = c.alias().equals(f.field());
                text(row, fixed.length + i, value, offending ? (reject ? styles.reject : styles.warn) : null);
            }
        }
        sheet.setColumnWidth(0, 10 * 256);
        sheet.setColumnWidth(1, 8 * 256);
        sheet.setColumnWidth(2, 13 * 256);
        sheet.setColumnWidth(3, 16 * 256);
        sheet.setColumnWidth(4, 14 * 256);
        sheet.setColumnWidth(5, MESSAGE_WIDTH * 256);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(fixed.length + i, 12 * 256);
        }
        sheet.createFreezePane(0, 3);
        printable(sheet);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(2, 2, -1, -1));
    }

    /** The message column's width, in characters of the default font. */
    private static final int MESSAGE_WIDTH = 44;

    /**
     * The lines a text takes in a column so many characters wide, a Korean syllable
     * counting as 1.4 (as LibreOffice prints them, measured on the sample).
     */
    static int linesIn(String text, int width) {
        int tenths = text.codePoints().map(c -> c >= 0x1100 ? 14 : 10).sum();
        int perLine = (width - 2) * 10;
        return Math.max(1, (tenths + perLine - 1) / perLine);
    }

    /** Landscape A4, all columns on one page width, as many pages down as it takes. */
    private static void printable(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setAutobreaks(true);
    }

    private static String label(String field, Optional<SourceKind> kind) {
        if (field == null || field.isEmpty()) {
            return "파일 전체";
        }
        return kind.flatMap(k -> k.columns().stream().filter(c -> c.alias().equals(field)).findFirst())
            .map(Column::korean)
            .orElse(field);
    }

    /** Every value as a text cell: nothing a center typed is evaluated. */
    private static void text(Row row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {

        final CellStyle title;

        final CellStyle header;

        final CellStyle reject;

        final CellStyle warn;

        final CellStyle wrap;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            reject = fill(wb, IndexedColors.ROSE);
            warn = fill(wb, IndexedColors.LIGHT_YELLOW);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }

        private static CellStyle fill(SXSSFWorkbook wb, IndexedColors color) {
            CellStyle s = wb.createCellStyle();
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }

    }

}
