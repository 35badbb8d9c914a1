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

    /**
     * Where reading (re)starts: the file's first byte, or a range's ({@link #resume}).
     */
    private long baseByte;

    private long baseLine;

    /** No record starts on this physical line or later (a range's end); -1: none. */
    private long stopLine = -1;

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

    /**
     * Goes on reading at a record boundary found by an earlier full pass: the byte where
     * physical line {@code line} (0-based) starts, as the {@code rowNumber}-th record
     * ended before it, and stops before a record that would start on {@code stopLine}
     * (-1: at the end of the file). The text from there on is what a reader from the
     * first byte would see, so every record after it is read the same way.
     */
    public void resume(long startByte, long line, int rowNumber, long stopLine) throws IOException {
        reader.close();
        this.baseByte = startByte;
        this.baseLine = line;
        this.rowNumber = rowNumber;
        this.stopLine = stopLine;
        open(line);
    }

    /** No record starting on physical line {@code line} (0-based) or later is read. */
    public void stopAt(long line) {
        this.stopLine = line;
    }

    /**
     * Physical lines (line breaks) read so far: the 0-based line the next record starts
     * on.
     */
    public long linesRead() {
        return physicalLine;
    }

    /** Records (rows, blank ones too) read so far. */
    public int rowsRead() {
        return rowNumber;
    }

    /** (Re)opens the file at its base and skips to physical line {@code skipTo}. */
    private void open(long skipTo) throws IOException {
        BufferedReader r;
        if (baseByte == 0) {
            r = Files.newBufferedReader(file, charset);
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
        }
        else {
            java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file);
            try {
                channel.position(baseByte);
            }
            catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            // decoded as strictly as from the first byte (Files.newBufferedReader)
            r = new BufferedReader(java.nio.channels.Channels.newReader(channel, charset.newDecoder(), -1));
        }
        physicalLine = baseLine;
        pushedBack = -2;
        position = 0;
        limit = 0;
        replay = "";
        replayAt = 0;
        this.reader = r;
        while (physicalLine < skipTo) {
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
        if (stopLine >= 0 && startLine >= stopLine) {
            return null;
        }
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
                        // the lines after the first, in case they must be read again —
                        // from the character a lone CR's check read ahead, if it did
                        capture = new StringBuilder();
                        if (pushedBack >= 0) {
                            capture.append((char) pushedBack);
                        }
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

    /**
     * The byte offset at which each of the given physical lines (0-based, ascending)
     * starts, with line breaks counted as {@link #next} counts them: CR LF, LF or a lone
     * CR. Bytes, not characters: in UTF-8 and CP949 (contract §2) a CR or LF byte is
     * never part of another character.
     */
    public static long[] lineStarts(Path file, long[] lines) throws IOException {
        long[] starts = new long[lines.length];
        int wanted = found(lines, starts, 0, 0, 0);
        long line = 0;
        long offset = 0;
        boolean afterCr = false;
        byte[] buffer = new byte[256 * 1024];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n;
            while (wanted < lines.length && (n = in.read(buffer)) != -1) {
                for (int i = 0; i < n && wanted < lines.length; i++, offset++) {
                    byte b = buffer[i];
                    if (afterCr) {
                        afterCr = false;
                        if (b == '\n') {
                            // CR LF: one break, the line starts after the LF
                            line++;
                            wanted = found(lines, starts, wanted, line, offset + 1);
                            continue;
                        }
                        // a lone CR: the line started at this byte
                        line++;
                        wanted = found(lines, starts, wanted, line, offset);
                        if (wanted == lines.length) {
                            break;
                        }
                    }
                    if (b == '\r') {
                        afterCr = true;
                    }
                    else if (b == '\n') {
                        line++;
                        wanted = found(lines, starts, wanted, line, offset + 1);
                    }
                }
            }
        }
        if (afterCr) {
            line++;
            wanted = found(lines, starts, wanted, line, offset);
        }
        if (wanted < lines.length) {
            throw new IOException(file + " has no line " + (lines[wanted] + 1) + " any more: changed while read");
        }
        return starts;
    }

    private static int found(long[] lines, long[] starts, int wanted, long line, long start) {
        int next = wanted;
        while (next < lines.length && lines[next] == line) {
            starts[next++] = start;
        }
        return next;
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
