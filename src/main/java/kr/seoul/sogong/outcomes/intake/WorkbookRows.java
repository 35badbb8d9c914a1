package kr.seoul.sogong.outcomes.intake;

import java.io.Closeable;
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
 * Rows of an {@code .xlsx} workbook, streamed sheet by sheet through POI's XSSF event API, each with
 * its sheet name and the sheet's own row number.
 *
 * <p>Why not spring-batch-excel's {@code StreamingXlsxItemReader} (0.1.1): it numbers the rows it
 * delivers, not the sheet's rows, so a row after an empty one gets the wrong number; and it formats
 * cells with a fixed {@code DataFormatter}, so a date cell arrives as whatever text it displays.
 * Here a cell with a date format becomes ISO text, and a number its plain decimal form (a business
 * number stored as a number cell stays ten digits). The package is opened read-only, which also
 * keeps POI's zip-bomb limits ({@code ZipSecureFile}) at their defaults.
 */
public final class WorkbookRows implements Closeable {

    /** One row: values by 0-based column; an absent cell is blank. */
    public record SheetRow(String sheet, int sheetIndex, int rowNumber, List<String> cells) {
        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    public record SheetRef(String name, int index) {
    }

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final XSSFReader reader;
    private final List<SheetRef> sheets = new ArrayList<>();

    private XSSFReader.SheetIterator sheetIterator;
    private SheetRef currentSheet;
    private InputStream currentStream;
    private XMLStreamReader xml;
    private XSSFSheetXMLHandler handler;
    private final RowCollector collector = new RowCollector();

    public WorkbookRows(Path file) throws Exception {
        this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            this.reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int index = 0;
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    sheets.add(new SheetRef(it.getSheetName(), index++));
                }
            }
            this.sheetIterator = (XSSFReader.SheetIterator) reader.getSheetsData();
        } catch (Exception e) {
            pkg.revert();
            throw e;
        }
    }

    public List<SheetRef> sheets() {
        return sheets;
    }

    /** The next non-absent row of the workbook, sheets in order, or null after the last sheet. */
    public SheetRow next() throws Exception {
        while (true) {
            if (xml == null) {
                if (!sheetIterator.hasNext()) {
                    return null;
                }
                currentStream = sheetIterator.next();
                currentSheet = sheets.get(currentSheet == null ? 0 : currentSheet.index() + 1);
                xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(currentStream);
                handler = new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDataFormatter(), false);
                handler.startDocument();
            }
            SheetRow row = nextRowOfSheet();
            if (row != null) {
                return row;
            }
            closeSheet();
        }
    }

    /** Skips the rest of the current sheet. */
    public void skipSheet() throws Exception {
        closeSheet();
    }

    private SheetRow nextRowOfSheet() throws Exception {
        while (xml.hasNext()) {
            int type = xml.next();
            switch (type) {
                case XMLStreamConstants.START_ELEMENT ->
                        handler.startElement(null, xml.getLocalName(), xml.getLocalName(), attributes(xml));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = xml.getLocalName();
                    handler.endElement(null, name, name);
                    if ("row".equals(name)) {
                        return new SheetRow(currentSheet.name(), currentSheet.index(), collector.rowNumber + 1,
                                collector.cells());
                    }
                }
                default -> {
                }
            }
        }
        return null;
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
        } catch (Exception e) {
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

        List<String> cells() {
            List<String> cells = new ArrayList<>(maxColumn + 1);
            for (int i = 0; i <= maxColumn; i++) {
                cells.add(values.getOrDefault(i, ""));
            }
            return cells;
        }
    }

    /** Dates as ISO text whatever they display as; other numbers in plain decimal form. */
    static final class IsoDataFormatter extends DataFormatter {
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dt = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.format(DATE_TIME);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
