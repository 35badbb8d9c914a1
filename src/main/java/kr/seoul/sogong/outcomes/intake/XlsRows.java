package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kr.seoul.sogong.outcomes.findings.Message;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Rows of a legacy Excel 97–2003 workbook ({@code .xls}, BIFF8), read through POI's HSSF
 * event API and handed out as {@link WorkbookRows} hands out an {@code .xlsx}'s: the
 * sheet's own row numbers, dates as ISO text by the same formatter (the workbook's 1900
 * or 1904 system), numbers in plain decimal form, hidden sheets marked, and a formula's
 * stored result — or, when it stored an empty text, a formula without a value. An
 * {@code .xls} holds at most 65,536 rows a sheet, so the records are gathered in one pass
 * and served from memory.
 */
final class XlsRows implements SheetRows {

    /** A sheet's cells: row (0-based) → column → text. */
    private static final class SheetCells {

        final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();

        final Map<Integer, Set<Integer>> formulasWithoutValue = new TreeMap<>();

        void put(int row, int col, String text) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(col, text);
        }

    }

    private final List<WorkbookRows.SheetRef> sheets;

    private final List<SheetCells> cells;

    private int sheetAt;

    private @Nullable Iterator<Map.Entry<Integer, TreeMap<Integer, String>>> rowsOfSheet;

    private XlsRows(List<WorkbookRows.SheetRef> sheets, List<SheetCells> cells) {
        this.sheets = sheets;
        this.cells = cells;
    }

    static XlsRows read(Path file) throws IOException, UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new UnreadableFileException(Message.of("encrypted"));
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("BOOK")) {
                throw new UnreadableFileException(Message.of("notXlsx.ole2"));
            }
            Collector collector = new Collector();
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(collector);
            collector.formats = formats;
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
            return collector.result();
        }
    }

    /** Gathers the records of every worksheet, in the order of their streams. */
    private static final class Collector implements HSSFListener {

        @Nullable FormatTrackingHSSFListener formats;

        private final List<BoundSheetRecord> bound = new ArrayList<>();

        private final List<SheetCells> cellsByStream = new ArrayList<>();

        private @Nullable SSTRecord strings;

        private boolean date1904;

        private WorkbookRows.@Nullable IsoDataFormatter formatter;

        private int depth;

        /**
         * The worksheet whose stream is being read, or null (globals, charts, macros).
         */
        private @Nullable SheetCells current;

        /** A formula whose text result comes in the next record. */
        private @Nullable FormulaRecord pendingString;

        @Override
        public void processRecord(Record record) {
            if (record instanceof BoundSheetRecord b) {
                bound.add(b);
            }
            else if (record instanceof DateWindow1904Record w) {
                date1904 = w.getWindowing() == 1;
            }
            else if (record instanceof SSTRecord s) {
                strings = s;
            }
            else if (record instanceof BOFRecord bof) {
                depth++;
                if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    // each stream after the globals belongs to the next sheet by position
                    current = bof.getType() == BOFRecord.TYPE_WORKSHEET ? new SheetCells() : null;
                    cellsByStream.add(current);
                }
            }
            else if (record instanceof EOFRecord) {
                depth--;
                if (depth == 0) {
                    current = null;
                }
            }
            else {
                cell(record);
            }
        }

        private void cell(Record record) {
            if (current == null || depth != 1) {
                return;
            }
            if (pendingString != null) {
                FormulaRecord f = pendingString;
                pendingString = null;
                if (record instanceof StringRecord s) {
                    text(current, f, s.getString());
                    return;
                }
            }
            if (record instanceof LabelSSTRecord l) {
                current.put(l.getRow(), l.getColumn(),
                        strings == null ? "" : strings.getString(l.getSSTIndex()).getString());
            }
            else if (record instanceof LabelRecord l) {
                current.put(l.getRow(), l.getColumn(), l.getValue());
            }
            else if (record instanceof NumberRecord n) {
                current.put(n.getRow(), n.getColumn(), number(n, n.getValue()));
            }
            else if (record instanceof RKRecord rk) {
                current.put(rk.getRow(), rk.getColumn(), number(rk, rk.getRKNumber()));
            }
            else if (record instanceof BoolErrRecord b) {
                current.put(b.getRow(), b.getColumn(), b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE")
                        : "ERROR:" + errorText(b.getErrorValue()));
            }
            else if (record instanceof FormulaRecord f) {
                formula(current, f);
            }
        }

        private void formula(SheetCells current, FormulaRecord f) {
            CellType type = f.getCachedResultTypeEnum();
            switch (type) {
                case NUMERIC -> current.put(f.getRow(), f.getColumn(), number(f, f.getValue()));
                case BOOLEAN -> current.put(f.getRow(), f.getColumn(), f.getCachedBooleanValue() ? "TRUE" : "FALSE");
                case ERROR -> current.put(f.getRow(), f.getColumn(), "ERROR:" + errorText(f.getCachedErrorValue()));
                case STRING -> {
                    if (f.hasCachedResultString()) {
                        pendingString = f;
                    }
                    else {
                        // an empty text result
                        text(current, f, "");
                    }
                }
                default -> text(current, f, "");
            }
        }

        /** A formula's text result; an empty one is no stored value (contract §9). */
        private void text(SheetCells current, FormulaRecord f, String value) {
            if (CellText.isBlank(value)) {
                current.formulasWithoutValue.computeIfAbsent(f.getRow(), r -> new TreeSet<>()).add((int) f.getColumn());
                current.put(f.getRow(), f.getColumn(), "");
            }
            else {
                current.put(f.getRow(), f.getColumn(), value);
            }
        }

        private String number(CellValueRecordInterface cell, double value) {
            if (formatter == null) {
                formatter = new WorkbookRows.IsoDataFormatter(date1904);
            }
            // set as the reading starts: the listener wraps this collector
            FormatTrackingHSSFListener formats = Objects.requireNonNull(this.formats);
            int index = formats.getFormatIndex(cell);
            String format = formats.getFormatString(cell);
            return formatter.formatRawCellContents(value, index, format == null ? "General" : format, date1904);
        }

        private static String errorText(int code) {
            try {
                return FormulaError.forInt(code).getString();
            }
            catch (IllegalArgumentException e) {
                return String.valueOf(code);
            }
        }

        XlsRows result() {
            List<BoundSheetRecord> byStream = List.of(BoundSheetRecord.orderByBofPosition(bound));
            List<WorkbookRows.SheetRef> refs = new ArrayList<>();
            List<SheetCells> cells = new ArrayList<>();
            for (int i = 0; i < bound.size(); i++) {
                BoundSheetRecord b = bound.get(i);
                refs.add(new WorkbookRows.SheetRef(b.getSheetname(), i, b.isHidden() || b.isVeryHidden()));
                int stream = byStream.indexOf(b);
                SheetCells c = stream >= 0 && stream < cellsByStream.size() ? cellsByStream.get(stream) : null;
                cells.add(c == null ? new SheetCells() : c);
            }
            return new XlsRows(refs, cells);
        }

    }

    @Override
    public List<WorkbookRows.SheetRef> sheets() {
        return sheets;
    }

    @Override
    public WorkbookRows.@Nullable SheetRow next() {
        while (sheetAt < sheets.size()) {
            if (rowsOfSheet == null) {
                rowsOfSheet = cells.get(sheetAt).rows.entrySet().iterator();
            }
            if (rowsOfSheet.hasNext()) {
                Map.Entry<Integer, TreeMap<Integer, String>> row = rowsOfSheet.next();
                SheetCells sheet = cells.get(sheetAt);
                List<String> values = new ArrayList<>();
                int last = row.getValue().lastKey();
                for (int col = 0; col <= last; col++) {
                    values.add(row.getValue().getOrDefault(col, ""));
                }
                Set<Integer> formulas = Set.copyOf(sheet.formulasWithoutValue.getOrDefault(row.getKey(), Set.of()));
                return new WorkbookRows.SheetRow(sheets.get(sheetAt).name(), sheetAt, row.getKey() + 1, values,
                        formulas);
            }
            skipSheet();
        }
        return null;
    }

    @Override
    public void skipSheet() {
        sheetAt++;
        rowsOfSheet = null;
    }

    @Override
    public void close() {
        // everything was read when the workbook was opened
    }

}
