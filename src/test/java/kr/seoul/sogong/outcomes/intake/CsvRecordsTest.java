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
        Path file = dir.resolve("f.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<CsvRecords.CsvRecord> out = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(file, StandardCharsets.UTF_8)) {
            CsvRecords.CsvRecord r;
            while ((r = records.next()) != null) {
                out.add(r);
            }
        }
        return out;
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
        assertThat(r.get(1).problem()).contains("not closed on its line");
        assertThat(r.get(2).cells()).containsExactly("2", "ok");
        assertThat(r.get(3).cells()).containsExactly("3", "ok");
    }

    @Test
    void encodingIsDetectedStrictly() throws Exception {
        Path utf8 = dir.resolve("u.csv");
        Files.writeString(utf8, "업체명\n창신", StandardCharsets.UTF_8);
        Path cp949 = dir.resolve("c.csv");
        Files.write(cp949, "업체명\n창신".getBytes(TextEncoding.CP949));
        Path neither = dir.resolve("n.csv");
        Files.write(neither, new byte[] {'a', (byte) 0xFF, 'b'});
        assertThat(TextEncoding.detect(utf8)).contains(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(cp949)).contains(TextEncoding.CP949);
        assertThat(TextEncoding.detect(neither)).isEmpty();
    }
}
