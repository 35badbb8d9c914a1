package kr.seoul.sogong.outcomes.generator;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Synthetic rounds of any size, streamed to disk (nothing held per row), deterministic
 * for a seed: centers, participants with an outcomes row each, a survey answered by a
 * share of them, budget lines; CSV (UTF-8 or CP949 survey) or XLSX; one mistyped business
 * number every {@code defectEvery} responses.
 *
 * <pre>java -cp target/sogong-outcomes.jar -Dloader.main=kr.seoul.sogong.outcomes.generator.RoundGenerator \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --synthetic --out bench-data/input \
 *   --round 2031 --centers 60 --participants 1000000 --response-rate 0.9 --defect-every 200 \
 *   [--format csv|xlsx] [--encoding utf-8|cp949] [--seed 1]</pre>
 */
public final class SyntheticRound {

    /** What to generate. */
    public record Spec(int round, int centers, long participants, double responseRate, int defectEvery, boolean xlsx,
            Charset surveyCharset, long seed) {

        /**
         * The options of {@code generate synthetic}; an unknown option or a bad value is
         * an IllegalArgumentException.
         */
        static Spec parse(List<String> args) {
            int round = 2031;
            int centers = 60;
            long participants = 1_000_000;
            double rate = 0.9;
            int defectEvery = 200;
            boolean xlsx = false;
            Charset charset = StandardCharsets.UTF_8;
            long seed = 1;
            for (int i = 0; i < args.size(); i += 2) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(i + 1);
                try {
                    switch (option) {
                        case "--round" -> round = Integer.parseInt(value);
                        case "--centers" -> centers = Integer.parseInt(value);
                        case "--participants" -> participants = Long.parseLong(value);
                        case "--response-rate" -> rate = Double.parseDouble(value);
                        case "--defect-every" -> defectEvery = Integer.parseInt(value);
                        case "--format" -> xlsx = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                            case "xlsx" -> true;
                            case "csv" -> false;
                            default -> throw new IllegalArgumentException("--format is csv or xlsx, not " + value);
                        };
                        case "--encoding" -> charset = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                            case "cp949" -> TextEncoding.CP949;
                            case "utf-8" -> StandardCharsets.UTF_8;
                            default -> throw new IllegalArgumentException("--encoding is utf-8 or cp949, not " + value);
                        };
                        case "--seed" -> seed = Long.parseLong(value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
                catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs a number, not " + value);
                }
            }
            return new Spec(round, centers, participants, rate, defectEvery, xlsx, charset, seed);
        }
    }

    static final List<String> SURVEY = List.of("response_id", "submitted_at", "brn", "firm_name", "center", "employees",
            SurveyItem.Q1.code(), SurveyItem.Q2.code(), SurveyItem.Q3.code(), SurveyItem.Q4.code(),
            SurveyItem.Q5.code(), SurveyItem.Q6.code(), "needs", "comment");
    static final List<String> PARTICIPANTS = List.of("center_code", "brn", "firm_name", "support", "start_date",
            "end_date", "education_hours", "completed");
    static final List<String> OUTCOMES = List.of("center_code", "brn", "sales_before_k", "sales_after_k", "new_clients",
            "new_orders", "online_listed", "patterns");
    static final List<String> BUDGET = List.of("center_code", "item", "planned_krw", "executed_krw");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SyntheticRound() {
    }

    public static void write(Path out, Spec spec) throws IOException {
        RoundGenerator g = new RoundGenerator(spec.seed(), spec.round(), out);
        g.clean();
        List<RoundGenerator.CenterSpec> centers = new ArrayList<>();
        for (int c = 0; c < spec.centers(); c++) {
            String code = "C" + (char) ('A' + c / 26 % 26) + (char) ('A' + c % 26);
            centers.add(new RoundGenerator.CenterSpec(code, "센터 " + code, "구" + c, "의류", "과제 " + code,
                    c % 2 == 0 ? "SALES" : "TECH"));
        }
        g.writeCenters(centers);
        long responses = 0;
        try (Sink survey = spec.xlsx() ? new XlsxSink(g.dir.resolve("survey/responses.xlsx"), List.of("응답"))
                : new CsvSink(g.dir.resolve("survey/responses.csv"), spec.surveyCharset())) {
            survey.header(0, SURVEY);
            for (int c = 0; c < centers.size(); c++) {
                RoundGenerator.CenterSpec center = centers.get(c);
                long firms = spec.participants() / spec.centers() + (c < spec.participants() % spec.centers() ? 1 : 0);
                String base = "results/" + center.code() + "_";
                try (Sink results = spec.xlsx()
                        ? new XlsxSink(g.dir.resolve(base + "results.xlsx"), List.of("참여기업", "성과", "예산"))
                        : new CsvSinks(g.dir.resolve(base + "participants.csv"), g.dir.resolve(base + "outcomes.csv"),
                                g.dir.resolve(base + "budget.csv"))) {
                    results.header(0, PARTICIPANTS);
                    results.header(1, OUTCOMES);
                    results.header(2, BUDGET);
                    for (long i = 0; i < firms; i++) {
                        RoundGenerator.Firm f = new RoundGenerator.Firm(g.serialBrn(), "업체" + g.firmSerial,
                                1 + g.random.nextInt(9), center);
                        LocalDate start = LocalDate.of(spec.round(), 4, 1 + g.random.nextInt(28));
                        results.row(0,
                                List.of(center.code(), f.brn(), f.name(), "지원", start,
                                        start.plusDays(60 + g.random.nextInt(90)), g.random.nextInt(40),
                                        g.random.nextInt(10) < 8 ? "Y" : "N"));
                        long before = 10_000 + g.random.nextInt(900_000);
                        results.row(1,
                                List.of(center.code(), f.brn(), before,
                                        Math.max(0, before + g.random.nextInt(200_000) - 50_000), g.random.nextInt(5),
                                        g.random.nextInt(9), g.random.nextBoolean() ? "Y" : "N", g.random.nextInt(10)));
                        if (g.random.nextDouble() >= spec.responseRate()) {
                            continue;
                        }
                        responses++;
                        List<Object> r = g.response((int) responses, f, center.code());
                        r.set(0, "R" + responses);
                        r.set(1, ((LocalDateTime) r.get(1)).format(STAMP));
                        if (spec.defectEvery() > 0 && responses % spec.defectEvery() == 0) {
                            String brn = f.brn();
                            r.set(2, brn.substring(0, 9) + (char) ('0' + (brn.charAt(9) - '0' + 1) % 10));
                        }
                        survey.row(0, r);
                    }
                    for (String item : RoundGenerator.ITEMS) {
                        results.row(2,
                                List.of(center.code(), item, 9_000_000L, 8_000_000L + g.random.nextInt(1_000_000)));
                    }
                }
            }
        }
    }

    /** Where rows go: sheet 0..n of a workbook, or one CSV per sheet. */
    interface Sink extends Closeable {

        void header(int sheet, List<String> names) throws IOException;

        void row(int sheet, List<Object> values) throws IOException;

    }

    static String cell(Object v) {
        String s = v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static final class CsvSink implements Sink {

        private final BufferedWriter out;

        CsvSink(Path file, Charset charset) throws IOException {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file, charset);
        }

        @Override
        public void header(int sheet, List<String> names) throws IOException {
            out.write(String.join(",", names));
            out.write("\r\n");
        }

        @Override
        public void row(int sheet, List<Object> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(values.get(i)));
            }
            out.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

    }

    static final class CsvSinks implements Sink {

        private final CsvSink[] sinks;

        CsvSinks(Path... files) throws IOException {
            sinks = new CsvSink[files.length];
            for (int i = 0; i < files.length; i++) {
                sinks[i] = new CsvSink(files[i], StandardCharsets.UTF_8);
            }
        }

        @Override
        public void header(int sheet, List<String> names) throws IOException {
            sinks[sheet].header(sheet, names);
        }

        @Override
        public void row(int sheet, List<Object> values) throws IOException {
            sinks[sheet].row(sheet, values);
        }

        @Override
        public void close() throws IOException {
            for (CsvSink s : sinks) {
                s.close();
            }
        }

    }

    static final class XlsxSink implements Sink {

        private final Path file;

        private final SXSSFWorkbook wb = new SXSSFWorkbook(200);

        private final List<Sheet> sheets = new ArrayList<>();

        private final int[] next;

        private final CellStyle date;

        XlsxSink(Path file, List<String> sheetNames) {
            this.file = file;
            for (String name : sheetNames) {
                sheets.add(wb.createSheet(name));
            }
            next = new int[sheetNames.size()];
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        @Override
        public void header(int sheet, List<String> names) {
            row(sheet, new ArrayList<>(names));
        }

        @Override
        public void row(int sheet, List<Object> values) {
            Row row = sheets.get(sheet).createRow(next[sheet]++);
            for (int i = 0; i < values.size(); i++) {
                RoundGenerator.setCell(row.createCell(i), values.get(i), date);
            }
        }

        @Override
        public void close() throws IOException {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
        }

    }

}
