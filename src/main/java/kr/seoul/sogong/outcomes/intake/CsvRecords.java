package kr.seoul.sogong.outcomes.intake;

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
 * RFC 4180 records of a CSV file, streamed, each with the row number Excel shows for it (header = 1;
 * a line break inside quotes does not start a new row; a blank line is a row).
 *
 * <p>A quote that never closes would swallow the rest of the file. Instead the record it opens is
 * returned with a {@link CsvRecord#problem()} and reading resumes on the line after the one where that
 * record began, so one stray quote costs one row, not the file.
 */
public final class CsvRecords implements Closeable {

    /** Longest cell kept in memory; longer ones are cut here and are a FORMAT finding anyway. */
    static final int MAX_KEPT_CELL = 1 << 20;

    /** A record: its cells, or the problem that made it unreadable. */
    public record CsvRecord(int rowNumber, List<String> cells, String problem) {
        public boolean isBlank() {
            return problem == null && cells.stream().allMatch(String::isBlank);
        }
    }

    private final Path file;
    private final Charset charset;
    private Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int pushedBack = -2;
    private long physicalLine; // line breaks consumed outside and inside quotes
    private int rowNumber;

    public CsvRecords(Path file, Charset charset) throws IOException {
        this.file = file;
        this.charset = charset;
        open(0);
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
    public CsvRecord next() throws IOException {
        long startLine = physicalLine;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (inQuotes) {
                    int broken = ++rowNumber;
                    reader.close();
                    open(startLine + 1);
                    return new CsvRecord(broken, List.of(),
                            "a quote opened in this row is never closed; the row is skipped and reading goes on with the next line");
                }
                if (!any) {
                    return null;
                }
                cells.add(cell.toString());
                return new CsvRecord(++rowNumber, cells, null);
            }
            any = true;
            if (inQuotes) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append(cell, '"');
                    } else {
                        inQuotes = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n' || c == '\r') {
                        consumeLineBreak(c);
                        append(cell, '\n');
                    } else {
                        append(cell, (char) c);
                    }
                }
            } else if (c == '"' && cell.isEmpty()) {
                inQuotes = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                consumeLineBreak(c);
                cells.add(cell.toString());
                return new CsvRecord(++rowNumber, cells, null);
            } else {
                append(cell, (char) c);
            }
        }
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
        } else if (c == '\n') {
            physicalLine++;
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            // our own buffer: Reader.read() per character takes a lock each time
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
