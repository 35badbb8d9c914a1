package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.seoul.sogong.outcomes.findings.Message;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The rows of a workbook, sheet by sheet, whatever its format:
 * {@code .xlsx}/{@code .xlsm} ({@link WorkbookRows}) or Excel 97–2003 {@code .xls}
 * ({@link XlsRows}). The format is told by the file's first bytes, not its name, so a
 * workbook saved under the other extension is still read, and a text file named
 * {@code .xlsx} is said to be one.
 */
interface SheetRows extends Closeable {

    /** The sheets in workbook order, hidden ones marked. */
    List<WorkbookRows.SheetRef> sheets();

    /** The next row that has a cell, sheets in order, or null after the last sheet. */
    WorkbookRows.@Nullable SheetRow next() throws Exception;

    /** Skips the rest of the current sheet. */
    void skipSheet() throws Exception;

    /**
     * Opens a workbook; a file that is not one, or cannot be read, is UNREADABLE in words
     * an operator can act on.
     */
    static SheetRows open(Path file) throws UnreadableFileException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        catch (IOException e) {
            throw new UnreadableFileException(Message.of("workbookUnreadable", WorkbookRowSource.rootMessage(e)));
        }
        try {
            return switch (magic) {
                case OOXML -> new WorkbookRows(file);
                case OLE2 -> XlsRows.read(file);
                default -> throw new UnreadableFileException(Message.of(notAWorkbook(file, magic)));
            };
        }
        catch (UnreadableFileException e) {
            throw e;
        }
        catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(Message.of("encrypted"));
        }
        catch (Exception e) {
            throw unreadable(e);
        }
    }

    /**
     * A workbook that fails while it is read, in the operator's words: POI's guard
     * against zip bombs is said as what to do, not as POI's advice to a developer.
     */
    static UnreadableFileException unreadable(Exception e) {
        return new UnreadableFileException(Message.of(tooCompressed(e) ? "workbookZipBomb" : "workbookUnreadable",
                WorkbookRowSource.rootMessage(e)));
    }

    /**
     * What a file that is no workbook looks like: text (a CSV renamed), or anything else.
     */
    private static String notAWorkbook(Path file, FileMagic magic) {
        if (magic == FileMagic.UNKNOWN) {
            try {
                byte[] head = new byte[512];
                int n;
                try (InputStream in = Files.newInputStream(file)) {
                    n = in.readNBytes(head, 0, head.length);
                }
                if (n > 0 && TextEncoding.looksLikeText(head, n)) {
                    return "notXlsx.text";
                }
            }
            catch (IOException e) {
                // said as not a workbook below
            }
        }
        return "notXlsx.other";
    }

    /**
     * POI refuses a zip whose entries expand far more than usual (its guard against zip
     * bombs), with advice for a developer; the operator needs to hear what to do.
     */
    private static boolean tooCompressed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null
                    && (m.contains("Zip bomb") || m.contains("MinInflateRatio") || m.contains("max entry size"))) {
                return true;
            }
        }
        return false;
    }

}
