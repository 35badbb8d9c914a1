package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.findings.Message;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Data rows of a CSV file of one kind: the first non-blank record is the header, and
 * every later record must have as many fields (contract §8).
 */
final class CsvRowSource implements RowSource {

    private static final String[] NO_VALUES = {};

    private final String sourceFile;

    private final CsvRecords records;

    private final HeaderMap header;

    private long ordinal;

    CsvRowSource(Path file, String sourceFile, SourceKind kind, Charset charset)
            throws IOException, UnreadableFileException {
        this.sourceFile = sourceFile;
        this.records = new CsvRecords(file, charset);
        try {
            CsvRecords.CsvRecord first;
            do {
                first = records.next();
            }
            while (first != null && first.isBlank());
            if (first == null) {
                throw new UnreadableFileException(Message.of("emptyFile"));
            }
            if (first.problem() != null) {
                throw new UnreadableFileException(Message.of("headerUnreadable", first.problem().english()));
            }
            this.header = new HeaderMap(kind, first.cells());
            header.check("", HeaderMap.Where.CSV);
            records.expectFields(header.width());
        }
        catch (IOException | UnreadableFileException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    @Override
    public SourceRow next() throws IOException {
        CsvRecords.CsvRecord record;
        do {
            record = records.next();
        }
        while (record != null && record.isBlank());
        if (record == null) {
            return null;
        }
        String[] values = record.problem() == null ? header.values(record.cells()) : NO_VALUES;
        return new SourceRow(sourceFile, header.kind(), "", 0, record.rowNumber(), ++ordinal, values, record.problem(),
                Map.of(), false);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

}
