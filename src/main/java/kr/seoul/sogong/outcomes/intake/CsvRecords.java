package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Message;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records of a CSV file, streamed, each with the row number Excel shows for it
 * (header = 1; a line break inside quotes does not start a new row; a blank line is a
 * row) and the physical lines it spans.
 *
 * <p>
 * Contract §8: once the header's field count is known ({@link #expectFields}), a record
 * with fewer or more fields is returned with a {@link CsvRecord#problem()}. A quoted cell
 * may span lines only when the record it ends up in is well formed — its closing quote
 * followed by a delimiter or the end of the line, and the header's field count. Otherwise
 * the quote is a stray one: the record is returned as a problem on the row where the
 * quote opened and reading resumes on the next line, so a stray quote costs one row and
 * never swallows the rows after it (whatever quotes they hold).
 */
public final class CsvRecords implements Closeable {

    /**
     * Longest cell kept in memory; longer ones are cut here and are a FORMAT finding
     * anyway.
     */
    static final int MAX_KEPT_CELL = 1 << 20;

    /**
     * Text of a multi-line record kept to be read again if the record turns out broken.
     */
    private static final int MAX_REPLAY = 8 << 20;

    static final Message STRAY_QUOTE = Message.of("strayQuote");

    /**
     * A record: its cells, or the problem that made it unusable; lines are 1-based
     * physical lines.
     */
    public record CsvRecord(int rowNumber, List<String> cells, @Nullable Message problem, long firstLine,
            long lastLine) {
        public boolean isBlank() {
            if (problem != null) {
                return false;
            }
            // a loop: asked of every record
            for (String cell : cells) {
                if (!CellText.isBlank(cell)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path file;

    private final Charset charset;

    private Reader reader;

    private final char[] buffer = new char[64 * 1024];

    private int position;

    private int limit;

    private int pushedBack = -2;

    /** Text read again before the file (the lines after a broken record's first line). */
    private String replay = "";

    private int replayAt;

    private @Nullable StringBuilder capture;

    private boolean captureOverflow;

    // line breaks consumed outside and inside quotes
    private long physicalLine;

    private int rowNumber;

    private int expectedFields;

    /** Between fields: a comma, or what the file uses instead (contract §9). */
    private final char delimiter;

    public CsvRecords(Path file, Charset charset) throws IOException {
        this(file, charset, ',');
    }

    public CsvRecords(Path file, Charset charset, char delimiter) throws IOException {
        this.file = file;
        this.charset = charset;
        this.delimiter = delimiter;
        open(0);
    }

    /** From now on a record with another number of fields is a problem (contract §8). */
    public void expectFields(int count) {
        this.expectedFields = count;
    }

    /** (Re)opens the file and skips {@code skipLines} physical lines. */
    private void open(long skipLines) throws IOException {
        BufferedReader r = Files.newBufferedReader(file, charset);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        physicalLine = 0;
        pushedBack = -2;
        position = 0;
        limit = 0;
        replay = "";
        replayAt = 0;
        this.reader = r;
        while (physicalLine < skipLines) {
            int c = read();
            if (c == -1) {
                break;
            }
            consumeLineBreak(c);
        }
    }

    /** The next record, or null at the end of the file. */
    public @Nullable CsvRecord next() throws IOException {
        long startLine = physicalLine;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean multiLine = false;
        boolean badClose = false;
        boolean any = false;
        capture = null;
        captureOverflow = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (inQuotes) {
                    return broken(startLine);
                }
                if (!any) {
                    return null;
                }
                cells.add(cell.toString());
                return finish(cells, startLine, multiLine, badClose);
            }
            any = true;
            if (inQuotes) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append(cell, '"');
                    }
                    else {
                        inQuotes = false;
                        unread(d);
                        badClose |= d != delimiter && d != '\n' && d != '\r' && d != -1;
                    }
                }
                else if (c == '\n' || c == '\r') {
                    consumeLineBreak(c);
                    append(cell, '\n');
                    if (!multiLine) {
                        multiLine = true;
                        // the lines after the first, in case they must be read again
                        capture = new StringBuilder();
                    }
                }
                else {
                    append(cell, (char) c);
                }
            }
            else if (c == '"' && cell.isEmpty()) {
                inQuotes = true;
            }
            else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                consumeLineBreak(c);
                cells.add(cell.toString());
                return finish(cells, startLine, multiLine, badClose);
            }
            else {
                append(cell, (char) c);
            }
        }
    }

    private CsvRecord finish(List<String> cells, long startLine, boolean multiLine, boolean badClose)
            throws IOException {
        boolean countDiffers = expectedFields > 0 && cells.size() != expectedFields;
        if (multiLine && (badClose || countDiffers)) {
            return broken(startLine);
        }
        capture = null;
        long lastLine = Math.max(startLine + 1, physicalLine);
        CsvRecord record = new CsvRecord(++rowNumber, cells, null, startLine + 1, lastLine);
        if (countDiffers && !record.isBlank()) {
            return new CsvRecord(record.rowNumber(), cells, Message.of("fieldCount", cells.size(), expectedFields),
                    startLine + 1, lastLine);
        }
        return record;
    }

    /**
     * The record starting at {@code startLine} is a stray quote: report it and go on with
     * its next line.
     */
    private CsvRecord broken(long startLine) throws IOException {
        int row = ++rowNumber;
        if (capture != null && !captureOverflow) {
            // what was read after the first line (a pushed-back character is its last),
            // then what was
            // still to be replayed, then the file
            replay = capture + replay.substring(replayAt);
            replayAt = 0;
            pushedBack = -2;
            physicalLine = startLine + 1;
        }
        else {
            reader.close();
            open(startLine + 1);
        }
        capture = null;
        return new CsvRecord(row, List.of(), STRAY_QUOTE, startLine + 1, startLine + 1);
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() < MAX_KEPT_CELL) {
            cell.append(c);
        }
    }

    private void consumeLineBreak(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                unread(d);
            }
            physicalLine++;
        }
        else if (c == '\n') {
            physicalLine++;
        }
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            // already captured when first read
            return c;
        }
        if (replayAt < replay.length()) {
            c = replay.charAt(replayAt++);
        }
        else {
            if (position == limit) {
                // our own buffer: Reader.read() per character takes a lock each time
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            c = buffer[position++];
        }
        if (capture != null && !captureOverflow) {
            if (capture.length() < MAX_REPLAY) {
                capture.append((char) c);
            }
            else {
                // too long to keep: a broken record re-opens the file instead
                captureOverflow = true;
            }
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

}
