package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {

    @TempDir
    Path dir;

    private List<CsvRecords.CsvRecord> records(String content) throws Exception {
        return records(content, 0);
    }

    @Test
    void rowNumbersAreRecordsAsExcelShowsThemNotLines() throws Exception {
        List<CsvRecords.CsvRecord> r = records("\uFEFFa,b\r\n1,\"two\nlines\"\r\n\r\n3,\"x\"\"y\"\n");
        assertThat(r).extracting(CsvRecords.CsvRecord::rowNumber).containsExactly(1, 2, 3, 4);
        assertThat(r.get(0).cells()).containsExactly("a", "b");
        assertThat(r.get(1).cells()).containsExactly("1", "two\nlines");
        assertThat(r.get(2).isBlank()).isTrue();
        assertThat(r.get(3).cells()).containsExactly("3", "x\"y");
    }

    @Test
    void unclosedQuoteCostsOneRow() throws Exception {
        List<CsvRecords.CsvRecord> r = records("a,b\n1,\"oops\n2,ok\n3,ok\n");
        assertThat(r).extracting(CsvRecords.CsvRecord::rowNumber).containsExactly(1, 2, 3, 4);
        assertThat(r.get(1).problem().english()).contains("not closed on its line");
        assertThat(r.get(2).cells()).containsExactly("2", "ok");
        assertThat(r.get(3).cells()).containsExactly("3", "ok");
    }

    private List<CsvRecords.CsvRecord> records(String content, int fields) throws Exception {
        Path file = dir.resolve("g.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<CsvRecords.CsvRecord> out = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(file, StandardCharsets.UTF_8)) {
            records.expectFields(fields);
            CsvRecords.CsvRecord r;
            while ((r = records.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Lines ended by a lone CR (old Mac exports): the line after a stray quote kept its
     * first character ("R2022-0002" was read "2022-0002": the check for an LF after the
     * CR had read it before the stray quote's lines were kept to be read again).
     */
    @Test
    void aStrayQuoteInALoneCrFileCostsNoCharacterOfTheNextLine() throws Exception {
        List<CsvRecords.CsvRecord> r = records("1,\"oops\r22,ok\r33,ok\r", 2);
        assertThat(r).extracting(CsvRecords.CsvRecord::rowNumber).containsExactly(1, 2, 3);
        assertThat(r.get(0).problem()).isNotNull();
        assertThat(r.get(1).cells()).containsExactly("22", "ok");
        assertThat(r.get(2).cells()).containsExactly("33", "ok");
    }

    /**
     * The case: a later, normal quoted cell used to close the stray quote and
     * swallow the rows between.
     */
    @Test
    void aStrayQuoteIsNotClosedByALaterQuotedCell() throws Exception {
        List<CsvRecords.CsvRecord> r = records("1,\"oops\n2,ok\n3,\"a,b\"\n4,ok\n", 2);
        assertThat(r).extracting(CsvRecords.CsvRecord::rowNumber).containsExactly(1, 2, 3, 4);
        assertThat(r.get(0).problem().english()).contains("not closed on its line");
        assertThat(r.get(0).firstLine()).isEqualTo(r.get(0).lastLine()).isEqualTo(1);
        assertThat(r.get(1).cells()).containsExactly("2", "ok");
        assertThat(r.get(2).cells()).containsExactly("3", "a,b");
        assertThat(r.get(3).cells()).containsExactly("4", "ok");
    }

    @Test
    void aWellFormedMultiLineCellIsOneRecord() throws Exception {
        List<CsvRecords.CsvRecord> r = records("1,\"two\nlines, and a comma\"\n2,ok\n", 2);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).cells()).containsExactly("1", "two\nlines, and a comma");
        assertThat(r.get(0).firstLine()).isEqualTo(1);
        assertThat(r.get(0).lastLine()).isEqualTo(2);
        assertThat(r.get(1).rowNumber()).isEqualTo(2);
        assertThat(r.get(1).firstLine()).isEqualTo(3);
    }

    @Test
    void recordsWithAnotherFieldCountAreProblems() throws Exception {
        List<CsvRecords.CsvRecord> r = records("1,2,3\n1,2\n1,2,3,4\n,,\n", 3);
        assertThat(r.get(0).problem()).isNull();
        assertThat(r.get(1).problem().english()).isEqualTo("2 fields where the header has 3 (a shifted or cut row)");
        assertThat(r.get(2).problem().english()).isEqualTo("4 fields where the header has 3 (a shifted or cut row)");
        assertThat(r.get(3).isBlank()).isTrue();
    }

    @Test
    void encodingIsDetectedStrictly() throws Exception {
        Path utf8 = dir.resolve("u.csv");
        Files.writeString(utf8, "업체명\n창신", StandardCharsets.UTF_8);
        Path cp949 = dir.resolve("c.csv");
        Files.write(cp949, "업체명\n창신".getBytes(TextEncoding.CP949));
        Path neither = dir.resolve("n.csv");
        Files.write(neither, new byte[] { 'a', (byte) 0xFF, 'b' });
        assertThat(TextEncoding.detect(utf8)).contains(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(cp949)).contains(TextEncoding.CP949);
        assertThat(TextEncoding.detect(neither)).isEmpty();
    }

}
