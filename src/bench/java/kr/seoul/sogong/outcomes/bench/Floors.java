package kr.seoul.sogong.outcomes.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.intake.CsvRecords;

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
        if (args[0].equals("parsers")) {
            for (int pass = 1; pass <= 3; pass++) {
                for (String parser : List.of("fastcsv", "ours")) {
                    long start = System.nanoTime();
                    long[] counted = parser.equals("ours") ? ours(files) : fastCsv(files);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("pass %d, %-7s %,d records, %,d chars in %.2fs = %,d records/s%n", pass, parser,
                            counted[0], counted[1], seconds, Math.round(counted[0] / seconds));
                }
            }
            return;
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

    static long[] fastCsv(List<Path> files) throws Exception {
        long rows = 0;
        long chars = 0;
        for (Path f : files) {
            try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
                for (CsvRecord record : r) {
                    rows++;
                    for (int i = 0; i < record.getFieldCount(); i++) {
                        chars += record.getField(i).length();
                    }
                }
            }
        }
        return new long[] { rows, chars };
    }

    static long[] ours(List<Path> files) throws Exception {
        long rows = 0;
        long chars = 0;
        for (Path f : files) {
            try (CsvRecords r = new CsvRecords(f, StandardCharsets.UTF_8)) {
                CsvRecords.CsvRecord record;
                while ((record = r.next()) != null) {
                    rows++;
                    for (String cell : record.cells()) {
                        chars += cell.length();
                    }
                }
            }
        }
        return new long[] { rows, chars };
    }

}
