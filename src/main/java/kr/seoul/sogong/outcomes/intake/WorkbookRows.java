package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Rows of an {@code .xlsx} workbook, streamed sheet by sheet through POI's XSSF event
 * API, each with its sheet name and the sheet's own row number.
 *
 * <p>
 * Why not spring-batch-excel's {@code StreamingXlsxItemReader} (0.1.1): it numbers the
 * rows it delivers, not the sheet's rows, so a row after an empty one gets the wrong
 * number; and it formats cells with a fixed {@code DataFormatter}, so a date cell arrives
 * as whatever text it displays. Here a cell with a date format becomes ISO text, and a
 * number its plain decimal form (a business number stored as a number cell stays ten
 * digits). The package is opened read-only, which also keeps POI's zip-bomb limits
 * ({@code ZipSecureFile}) at their defaults.
 */
public final class WorkbookRows implements SheetRows {

    /**
     * One row: values by 0-based column; an absent cell is blank.
     * {@code formulasWithoutValue} are the columns whose cell holds a formula and no
     * stored result (we never compute formulas).
     */
    public record SheetRow(String sheet, int sheetIndex, int rowNumber, List<String> cells,
            Set<Integer> formulasWithoutValue) {
        public boolean isBlank() {
            return formulasWithoutValue.isEmpty() && valuesBlank();
        }

        /** Every cell blank, formulas without a value aside. */
        public boolean valuesBlank() {
            return cells.stream().allMatch(CellText::isBlank);
        }
    }

    /**
     * A sheet in workbook order; a hidden (or very hidden) sheet is not read (contract
     * §8).
     */
    public record SheetRef(String name, int index, boolean hidden) {
    }

    private final OPCPackage pkg;

    private final ReadOnlySharedStringsTable strings;

    private final StylesTable styles;

    private final XSSFReader reader;

    private final List<SheetRef> sheets = new ArrayList<>();

    private XSSFReader.SheetIterator sheetIterator;

    private @Nullable SheetRef currentSheet;

    private @Nullable InputStream currentStream;

    private @Nullable XMLStreamReader xml;

    private @Nullable XSSFSheetXMLHandler handler;

    private final RowCollector collector = new RowCollector();

    private final boolean date1904;

    /**
     * The workbook says its formulas' stored results were never computed ({@code calcPr
     * fullCalcOnLoad}, as xlsxwriter writes by default with a 0 for every result).
     */
    private final boolean resultsUncomputed;

    // the cell being read, to tell a formula without a stored value from a blank cell
    private int cellColumn;

    private boolean cellHasFormula;

    private boolean cellHasValue;

    private boolean inValue;

    // the stored value's text, to tell an empty <v/> and a stored 0 from a result
    private final StringBuilder cellValue = new StringBuilder();

    private boolean cellIsIsoDate;

    private final Set<Integer> isoDateColumns = new TreeSet<>();

    private final Set<Integer> formulasWithoutValue = new TreeSet<>();

    public WorkbookRows(Path file) throws Exception {
        this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            this.reader = new XSSFReader(pkg);
            // phonetic guides are not the value
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            nameEastAsianDateFormats(styles);
            WorkbookProperties properties;
            try (InputStream workbook = reader.getWorkbookData()) {
                properties = WorkbookProperties.read(workbook);
            }
            this.date1904 = properties.date1904();
            this.resultsUncomputed = properties.resultsUncomputed();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int index = 0;
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    String name = it.getSheetName();
                    sheets.add(new SheetRef(name, index++, properties.hiddenSheets().contains(name)));
                }
            }
            this.sheetIterator = (XSSFReader.SheetIterator) reader.getSheetsData();
        }
        catch (Exception e) {
            pkg.revert();
            throw e;
        }
    }

    /**
     * Korean Excel's built-in date formats 50–58 are named in a workbook by index only,
     * and POI knows no format string for them (it does for 0–49), so its sheet reader
     * handed their cells over as raw serial numbers ("44696.0") without asking the
     * formatter: a date read as a number. Naming them here (unless the workbook names
     * them itself) sends them through {@link IsoDataFormatter}, which decides by index.
     */
    private static void nameEastAsianDateFormats(StylesTable styles) {
        for (short index = 50; index <= 58; index++) {
            if (styles.getNumberFormatAt(index) == null) {
                styles.putNumberFormat(index, "yyyy-mm-dd");
            }
        }
    }

    /**
     * What workbook.xml says about the whole workbook: its date system and which sheets
     * are hidden.
     */
    record WorkbookProperties(boolean date1904, Set<String> hiddenSheets, boolean resultsUncomputed) {
        static WorkbookProperties read(InputStream workbookXml) throws Exception {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
            boolean date1904 = false;
            boolean uncomputed = false;
            Set<String> hidden = new java.util.HashSet<>();
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if ("workbookPr".equals(xml.getLocalName())) {
                        String v = xml.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                    else if ("calcPr".equals(xml.getLocalName())) {
                        String v = xml.getAttributeValue(null, "fullCalcOnLoad");
                        uncomputed = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                    else if ("sheet".equals(xml.getLocalName())) {
                        String state = xml.getAttributeValue(null, "state");
                        if ("hidden".equals(state) || "veryHidden".equals(state)) {
                            hidden.add(xml.getAttributeValue(null, "name"));
                        }
                    }
                }
            }
            finally {
                xml.close();
            }
            return new WorkbookProperties(date1904, hidden, uncomputed);
        }
    }

    @Override
    public List<SheetRef> sheets() {
        return sheets;
    }

    /**
     * The next non-absent row of the workbook, sheets in order, or null after the last
     * sheet.
     */
    @Override
    public @Nullable SheetRow next() throws Exception {
        while (true) {
            if (xml == null) {
                if (!sheetIterator.hasNext()) {
                    return null;
                }
                currentStream = sheetIterator.next();
                currentSheet = sheets.get(currentSheet == null ? 0 : currentSheet.index() + 1);
                xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(currentStream);
                handler = new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDataFormatter(date1904),
                        false);
                handler.startDocument();
            }
            SheetRow row = nextRowOfSheet();
            if (row != null) {
                return row;
            }
            closeSheet();
        }
    }

    @Override
    public void skipSheet() throws Exception {
        closeSheet();
    }

    private @Nullable SheetRow nextRowOfSheet() throws Exception {
        // next() has opened the sheet
        XMLStreamReader xml = Objects.requireNonNull(this.xml);
        XSSFSheetXMLHandler handler = Objects.requireNonNull(this.handler);
        SheetRef currentSheet = Objects.requireNonNull(this.currentSheet);
        while (xml.hasNext()) {
            int type = xml.next();
            switch (type) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    trackCell(xml, name);
                    handler.startElement(null, name, name, attributes(xml));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inValue) {
                        cellValue.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = xml.getLocalName();
                    if (inValue && "v".equals(name)) {
                        inValue = false;
                        cellHasValue = !CellText.isBlank(cellValue.toString());
                    }
                    handler.endElement(null, name, name);
                    if ("c".equals(name) && cellHasFormula && !storedResult()) {
                        formulasWithoutValue.add(cellColumn);
                    }
                    else if ("row".equals(name)) {
                        Set<Integer> formulas = formulasWithoutValue.isEmpty() ? Set.of()
                                : Set.copyOf(formulasWithoutValue);
                        formulasWithoutValue.clear();
                        cellColumn = -1;
                        List<String> cells = collector.cells(formulas);
                        for (int col : isoDateColumns) {
                            if (col < cells.size() && !formulas.contains(col)) {
                                cells.set(col, IsoDateCell.asCellText(cells.get(col)));
                            }
                        }
                        isoDateColumns.clear();
                        return new SheetRow(currentSheet.name(), currentSheet.index(), collector.rowNumber + 1, cells,
                                formulas);
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * A formula's stored result counts unless it is empty ({@code <v/>}, as openpyxl
     * writes), or a 0 in a workbook that says its results were never computed (contract
     * §9): a non-zero stored result is trusted.
     */
    private boolean storedResult() {
        return cellHasValue && !(resultsUncomputed && isZero(cellValue));
    }

    private static boolean isZero(CharSequence value) {
        try {
            return new BigDecimal(value.toString().strip()).signum() == 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Notes, per cell, whether it holds a formula, whether a result is stored with it,
     * and whether it is an ISO 8601 date cell ({@code t="d"}).
     */
    private void trackCell(XMLStreamReader xml, String element) {
        switch (element) {
            case "row" -> cellColumn = -1;
            case "c" -> {
                String ref = xml.getAttributeValue(null, "r");
                cellColumn = ref == null ? cellColumn + 1 : new CellReference(ref).getCol();
                cellHasFormula = false;
                cellHasValue = false;
                if ("d".equals(xml.getAttributeValue(null, "t"))) {
                    isoDateColumns.add(cellColumn);
                }
            }
            case "f" -> cellHasFormula = true;
            // only a formula's stored result is looked at (<f> comes before <v>): the
            // values of other cells are not copied on their way to POI
            case "v" -> {
                inValue = cellHasFormula;
                cellValue.setLength(0);
            }
            case "is" -> cellHasValue = true;
            default -> {
            }
        }
    }

    private static Attributes attributes(XMLStreamReader xml) {
        AttributesImpl attrs = new AttributesImpl();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String local = xml.getAttributeLocalName(i);
            attrs.addAttribute(xml.getAttributeNamespace(i) == null ? "" : xml.getAttributeNamespace(i), local, local,
                    "CDATA", xml.getAttributeValue(i));
        }
        return attrs;
    }

    private void closeSheet() throws Exception {
        if (xml != null) {
            xml.close();
            xml = null;
        }
        if (currentStream != null) {
            currentStream.close();
            currentStream = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeSheet();
        }
        catch (Exception e) {
            // closing a read-only package cannot lose data
        }
        pkg.revert();
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private int rowNumber;

        private final Map<Integer, String> values = new HashMap<>();

        private int maxColumn = -1;

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum;
            values.clear();
            maxColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int col = cellReference == null ? maxColumn + 1 : new CellReference(cellReference).getCol();
            values.put(col, formattedValue);
            maxColumn = Math.max(maxColumn, col);
        }

        /**
         * The row's cells; a formula without a stored value is blank, whatever POI made
         * of it.
         */
        List<String> cells(Set<Integer> formulasWithoutValue) {
            int last = maxColumn;
            for (int col : formulasWithoutValue) {
                last = Math.max(last, col);
            }
            List<String> cells = new ArrayList<>(last + 1);
            for (int i = 0; i <= last; i++) {
                cells.add(formulasWithoutValue.contains(i) ? "" : values.getOrDefault(i, ""));
            }
            return cells;
        }

    }

    /**
     * Dates as ISO text whatever they display as; other numbers in plain decimal form. A
     * date is any format Excel shows as one (contract §8): POI's test, the East Asian
     * built-in formats 27–36 and 50–58, and custom formats whose date parts are wrapped
     * in quoted Korean text or locale tags ({@code yyyy"년" m"월" d"일"},
     * {@code [$-412]yyyy-mm-dd AM/PM h:mm}), which POI does not see. Serial numbers count
     * from the workbook's own epoch (1900, or 1904 for Mac workbooks).
     */
    static final class IsoDataFormatter extends DataFormatter {

        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        private final boolean date1904;

        // every numeric cell asks; a workbook has a handful of formats, an index naming
        // one: decide each once
        private final Map<Integer, Boolean> dateFormats = new HashMap<>();

        IsoDataFormatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            boolean date = dateFormats.computeIfAbsent(formatIndex, k -> isDateFormat(formatIndex, formatString));
            if (date && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dt = DateUtil.getLocalDateTime(value, date1904, true);
                return dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.format(DATE_TIME);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        static boolean isDateFormat(int formatIndex, String formatString) {
            if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
                return true;
            }
            return DateUtil.isADateFormat(formatIndex, formatString) || hasOnlyDateParts(formatString);
        }

        /**
         * The format's first section, without quoted text, escaped characters, bracketed
         * tags and AM/PM markers, holds date or time letters and no digit placeholder.
         */
        static boolean hasOnlyDateParts(String format) {
            if (format == null || format.isEmpty()) {
                return false;
            }
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == ';') {
                    break;
                }
                else if (c == '"') {
                    int close = format.indexOf('"', i + 1);
                    i = close < 0 ? format.length() : close;
                }
                else if (c == '\\' || c == '_' || c == '*') {
                    i++;
                }
                else if (c == '[') {
                    int close = format.indexOf(']', i + 1);
                    String tag = close < 0 ? "" : format.substring(i + 1, close);
                    if (tag.matches("(?i)h+|m+|s+")) {
                        // elapsed time
                        rest.append('h');
                    }
                    i = close < 0 ? format.length() : close;
                }
                else {
                    rest.append(c);
                }
            }
            String parts = rest.toString().replaceAll("(?i)AM/PM|A/P|오전/오후", "");
            boolean dateLetter = false;
            for (int i = 0; i < parts.length(); i++) {
                char c = Character.toLowerCase(parts.charAt(i));
                if (c == '0' || c == '#' || c == '?' || c == '@') {
                    return false;
                }
                if ("ymdhseb".indexOf(c) >= 0) {
                    dateLetter = true;
                }
                else if (Character.isLetter(c) && c != 'g') {
                    return false;
                }
            }
            return dateLetter;
        }

    }

}
