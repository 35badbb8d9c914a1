package kr.seoul.sogong.outcomes.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floors: what reading the round's CSV files costs at the least. {@code lines}: a
 * plain Java line count; {@code fastcsv}: a raw FastCSV parse touching every field.
 * Usage: Floors lines|fastcsv <input/round dir>
 */
public final class Floors {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        long rows = 0;
        long chars = 0;
        for (Path f : files) {
            if (args[0].equals("lines")) {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    while (r.readLine() != null) {
                        rows++;
                    }
                }
            }
            else {
                try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
                    for (CsvRecord record : r) {
                        rows++;
                        for (int i = 0; i < record.getFieldCount(); i++) {
                            chars += record.getField(i).length();
                        }
                    }
                }
            }
        }
        System.out.println(args[0] + ": " + rows + " rows, " + chars + " chars");
    }

}
