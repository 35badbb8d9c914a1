package kr.seoul.sogong.outcomes.generator;

import kr.seoul.sogong.outcomes.settings.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes programme rounds that follow the contract, deterministically from a seed: the
 * sample rounds shipped in {@code input/} (the five 2022 centers of the source article,
 * and a 2021 round with a different set including 문래's metal-machining center), each with
 * a handful of realistic defects, and — with {@code --centers/--firms} — larger synthetic
 * rounds.
 *
 * <pre>java -cp target/sogong-outcomes.jar -Dloader.main=kr.seoul.sogong.outcomes.generator.RoundGenerator \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --out input --sample</pre>
 */
public final class RoundGenerator {

    record CenterSpec(String code, String name, String district, String industry, String project, String track) {
    }

    record Firm(String brn, String name, int employees, CenterSpec center) {
    }

    static final List<CenterSpec> CENTERS_2022 = List.of(
            new CenterSpec("CHANGSIN", "창신의류제조센터", "종로구", "의류", "스마트스토어 기초교육, 고부가 의류 생산 수주 컨설팅, 주문생산플랫폼 입점", "SALES"),
            new CenterSpec("BONGIK", "봉익주얼리센터", "종로구", "주얼리", "소공인 공동 브랜드 및 온라인 공동플랫폼 활성화", "SALES"),
            new CenterSpec("DOKSAN", "독산의류제조센터", "금천구", "의류", "의류제조 소공인 디자인, 마케팅 역량강화", "SALES"),
            new CenterSpec("GWANGJIN", "광진의류제조센터", "광진구", "의류", "디지털 전환을 위한 패턴캐드 애로기술 공동개발", "TECH"),
            new CenterSpec("JANGWI", "장위의류봉제센터", "성북구", "봉제", "협력 기반 패턴컨설팅 및 CAD 패턴 교육", "TECH"));

    static final List<CenterSpec> CENTERS_2021 = List.of(
            new CenterSpec("CHANGSIN", "창신의류제조센터", "종로구", "의류", "공동 브랜드 메종식스 협동조합 설립 지원", "SALES"),
            new CenterSpec("BONGIK", "봉익주얼리센터", "종로구", "주얼리", "주얼리 공동 판로 개척", "SALES"),
            new CenterSpec("MULLAE", "문래기계금속센터", "영등포구", "기계금속", "수입 국방부품 국산화 공동개발", "TECH"),
            new CenterSpec("SEONGSU", "성수수제화센터", "성동구", "수제화", "산학협력 수제화 디자인 모델 개발", "TECH"));

    private static final String[] NAME_HEAD = { "한빛", "대성", "미래", "서울", "동방", "새한", "정우", "태광", "금강", "우리", "청솔", "보람",
            "하나", "진성", "영진", "삼원", "동화", "신화", "명진", "가온" };

    private static final String[] NAME_TAIL = { "어패럴", "봉제", "패션", "주얼리", "텍스타일", "정밀", "산업", "실업", "디자인", "공방" };

    private static final String[] NEEDS = { "판로", "홍보", "디자인", "기술", "교육", "자금", "인력" };
    static final String[] ITEMS = { "인건비", "교육운영비", "컨설팅비", "홍보마케팅비", "플랫폼입점비" };

    final Random random;

    private final int round;

    final Path dir;

    int firmSerial;

    RoundGenerator(long seed, int round, Path out) {
        this.random = new Random(seed * 31 + round);
        this.round = round;
        this.dir = out.resolve(String.valueOf(round));
    }

    public static final String USAGE = """
            usage: java -jar sogong-outcomes.jar generate sample [--out input]      the sample rounds 2021 and 2022
                   java -jar sogong-outcomes.jar generate synthetic [--out input] [--round 2031] [--centers 60]
                        [--participants 1000000] [--response-rate 0.9] [--defect-every 200]
                        [--format csv|xlsx] [--encoding utf-8|cp949] [--seed 1]""";

    /**
     * The explicit {@code generate} command: nothing of this package runs unless an
     * operator or a test asks for it, and it never touches a database. Returns the
     * process exit code (2 for a bad command line, with the usage).
     */
    public static int command(List<String> args) throws IOException {
        String kind = args.isEmpty() ? "" : args.get(0);
        List<String> options = new ArrayList<>(args.subList(Math.min(1, args.size()), args.size()));
        Path out = Path.of("input");
        int at = options.indexOf("--out");
        if (at >= 0) {
            if (at + 1 >= options.size()) {
                return usage("--out needs a folder");
            }
            out = Path.of(options.get(at + 1));
            options.subList(at, at + 2).clear();
        }
        switch (kind) {
            case "sample" -> {
                if (!options.isEmpty()) {
                    return usage("unknown option " + options.get(0));
                }
                new RoundGenerator(2022, 2021, out).sample(CENTERS_2021, 24, 118);
                new RoundGenerator(2022, 2022, out).sample(CENTERS_2022, 28, 143);
                System.out.println("wrote sample rounds 2021 and 2022 under " + out.toAbsolutePath());
            }
            case "synthetic" -> {
                SyntheticRound.Spec spec;
                try {
                    spec = SyntheticRound.Spec.parse(options);
                }
                catch (IllegalArgumentException e) {
                    return usage(Objects.requireNonNullElse(e.getMessage(), e.toString()));
                }
                long started = System.nanoTime();
                SyntheticRound.write(out, spec);
                System.out.printf("wrote synthetic round %d under %s in %.1fs%n", spec.round(), out.toAbsolutePath(),
                        (System.nanoTime() - started) / 1e9);
            }
            default -> {
                return usage(kind.isEmpty() ? "generate what? sample or synthetic" : "unknown kind " + kind);
            }
        }
        return ExitCodes.COMPLETED;
    }

    private static int usage(String problem) {
        System.err.println("ERROR " + problem + "\n" + USAGE);
        return ExitCodes.USAGE;
    }

    /**
     * A sample round: participants per center, a survey answered by most of them, and
     * seeded defects.
     */
    void sample(List<CenterSpec> centers, int perCenter, int responses) throws IOException {
        clean();
        writeCenters(centers);
        List<Firm> all = new ArrayList<>();
        for (CenterSpec c : centers) {
            List<Firm> firms = new ArrayList<>();
            for (int i = 0; i < perCenter + random.nextInt(3) - 1; i++) {
                firms.add(newFirm(c));
            }
            all.addAll(firms);
            writeResults(c, firms);
        }
        writeSurvey(centers, all, responses);
    }

    /**
     * A synthetic round of {@code centers} centers with {@code firmsPerCenter}
     * participants each, all as UTF-8 CSV: every participant has an outcomes row and
     * answers the survey once; every {@code defectEvery}-th response carries a mistyped
     * business number (0 = none).
     */
    public static void synthetic(Path out, int round, int centers, int firmsPerCenter, int defectEvery, long seed)
            throws IOException {
        SyntheticRound.write(out, new SyntheticRound.Spec(round, centers, (long) centers * firmsPerCenter, 1.0,
                defectEvery, false, StandardCharsets.UTF_8, seed));
    }

    /** Unique valid numbers for large rounds: the serial fills digits 4 to 9. */
    String serialBrn() {
        firmSerial++;
        String nine = String.format("%03d%06d", 101 + firmSerial / 1_000_000 % 800, firmSerial % 1_000_000);
        return nine + BusinessRegistrationNumber.checkDigitFor(nine);
    }

    void clean() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir.resolve("survey"));
        Files.createDirectories(dir.resolve("results"));
    }

    private Firm newFirm(CenterSpec center) {
        String name = NAME_HEAD[random.nextInt(NAME_HEAD.length)] + NAME_TAIL[random.nextInt(NAME_TAIL.length)];
        if (firmSerial % 3 == 0) {
            name = name + " " + (char) ('A' + firmSerial % 26);
        }
        int employees = 1 + random.nextInt(8);
        return new Firm(validBrn(), name, employees, center);
    }

    private String validBrn() {
        firmSerial++;
        String nine = String.format("%03d%02d%04d", 101 + random.nextInt(800), 81 + random.nextInt(7) * 2 % 10,
                firmSerial * 7 + random.nextInt(7));
        nine = nine.substring(0, 9);
        return nine + BusinessRegistrationNumber.checkDigitFor(nine);
    }

    static String dashed(String brn) {
        return brn.substring(0, 3) + "-" + brn.substring(3, 5) + "-" + brn.substring(5);
    }

    void writeCenters(List<CenterSpec> centers) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (CenterSpec c : centers) {
            long cap = 50_000_000L;
            rows.add(List.of(c.code(), c.name(), c.district(), c.industry(), c.project(), c.track(), cap, 28,
                    round + "-04-01", round + "-10-31"));
        }
        writeCsv(dir.resolve("centers.csv"), StandardCharsets.UTF_8, List.of("center_code", "center_name", "district",
                "industry", "project_title", "track", "budget_cap_krw", "target_firms", "period_start", "period_end"),
                rows);
    }

    private void writeResults(CenterSpec c, List<Firm> firms) throws IOException {
        List<List<Object>> participants = new ArrayList<>();
        List<List<Object>> outcomes = new ArrayList<>();
        for (Firm f : firms) {
            LocalDate start = LocalDate.of(round, 4 + random.nextInt(3), 1 + random.nextInt(28));
            LocalDate end = start.plusDays(30 + random.nextInt(120));
            double hours = (8 + random.nextInt(33)) / 2.0;
            participants.add(List.of(c.code(), dashed(f.brn()), f.name(), c.project(), start, end, hours,
                    random.nextDouble() < 0.86 ? "Y" : "N"));
            Object before = random.nextDouble() < 0.9 ? (long) (50_000 + random.nextInt(750_000)) : "";
            Object after = before instanceof Long b && random.nextDouble() < 0.95
                    ? (long) Math.round(b * (1 + random.nextGaussian() * 0.15 + 0.08)) : "";
            outcomes.add(List.of(c.code(), dashed(f.brn()), before, after, random.nextInt(6), random.nextInt(11),
                    random.nextDouble() < 0.55 ? "Y" : "N", c.track().equals("TECH") ? random.nextInt(13) : ""));
        }
        // seeded defects: a period typed backwards, and outcomes for a firm the center
        // never listed
        if (c.code().equals("JANGWI") || c.code().equals("MULLAE")) {
            List<Object> p = new ArrayList<>(participants.get(3));
            LocalDate start = (LocalDate) p.get(4);
            p.set(5, start.minusDays(10));
            participants.set(3, p);
            Firm stranger = newFirm(c);
            outcomes.add(List.of(c.code(), dashed(stranger.brn()), 120_000L, 130_000L, 1, 2, "N", 3));
        }
        List<List<Object>> budget = new ArrayList<>();
        long total = c.code().equals("SEONGSU") ? 51_500_000L : 45_000_000L + random.nextInt(5) * 1_000_000L;
        long left = total;
        for (int i = 0; i < ITEMS.length; i++) {
            long planned = i == ITEMS.length - 1 ? left : (total / ITEMS.length / 100_000) * 100_000;
            left -= planned;
            long executed = Math.round(planned * (0.8 + random.nextInt(21) / 100.0) / 1000) * 1000;
            budget.add(List.of(c.code(), ITEMS[i], planned, executed));
        }
        List<String> pHeader = List.of("센터코드", "사업자등록번호", "업체명", "지원내용", "지원시작일", "지원종료일", "교육이수시간", "수료여부");
        List<String> oHeader = List.of("센터코드", "사업자등록번호", "지원전매출_천원", "지원후매출_천원", "신규거래처수", "신규수주건수", "온라인입점", "개발패턴수");
        List<String> bHeader = List.of("센터코드", "비목", "계획금액_원", "집행금액_원");
        if (c.code().equals("SEONGSU")) {
            // this center hands in one CSV per sheet instead of a workbook
            String base = "results/" + c.code().toLowerCase() + "_" + round;
            writeCsv(dir.resolve(base + "_participants.csv"), StandardCharsets.UTF_8, pHeader, participants);
            writeCsv(dir.resolve(base + "_outcomes.csv"), StandardCharsets.UTF_8, oHeader, outcomes);
            writeCsv(dir.resolve(base + "_budget.csv"), StandardCharsets.UTF_8, bHeader, budget);
            return;
        }
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            sheet(wb, date, "참여기업", pHeader, participants);
            sheet(wb, date, "성과", oHeader, outcomes);
            sheet(wb, date, "예산", bHeader, budget);
            wb.getXSSFWorkbook()
                .getProperties()
                .getCoreProperties()
                .setCreated(Optional.of(new Date(LocalDate.of(round, 11, 1).toEpochDay() * 86_400_000L)));
            try (OutputStream out = Files
                .newOutputStream(dir.resolve("results/" + c.code() + "_" + round + "_결과.xlsx"))) {
                wb.write(out);
            }
        }
    }

    private static void sheet(SXSSFWorkbook wb, CellStyle dateStyle, String name, List<String> header,
            List<List<Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                setCell(row.createCell(i), values.get(i), dateStyle);
            }
        }
    }

    /**
     * A number as a number cell, a date or date-time as a styled date cell, other text as
     * text; empty stays absent.
     */
    static void setCell(Cell cell, Object v, CellStyle dateStyle) {
        if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        }
        else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
        }
        else if (v instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateStyle);
        }
        else if (!v.toString().isEmpty()) {
            cell.setCellValue(v.toString());
        }
    }

    private void writeSurvey(List<CenterSpec> centers, List<Firm> participants, int responses) throws IOException {
        // defects a real export has: a mistyped number, a 6 on a 5-point item, an unknown
        // center,
        // a firm of 12 workers, a respondent who is not a participant, an unknown need, a
        // late
        // answer, and a duplicate submission (its later copy lands in the other file
        // below)
        List<Firm> shuffled = new ArrayList<>(participants);
        java.util.Collections.shuffle(shuffled, random);
        int id = 1;
        List<List<Object>> defects = new ArrayList<>();
        Firm typo = shuffled.get(0);
        List<Object> bad = response(0, typo, typo.center().code());
        String brn = typo.brn();
        bad.set(2, dashed(brn.substring(0, 9) + (char) ('0' + (brn.charAt(9) - '0' + 3) % 10)));
        defects.add(bad);
        List<Object> six = response(0, shuffled.get(1), shuffled.get(1).center().code());
        six.set(8, 6);
        defects.add(six);
        defects.add(response(0, newFirm(centers.get(0)), "신당동봉제센터"));
        List<Object> big = response(0, shuffled.get(2), shuffled.get(2).center().name());
        big.set(5, 12);
        defects.add(big);
        defects.add(response(0, newFirm(centers.get(1)), centers.get(1).code()));
        List<Object> needs = response(0, shuffled.get(3), shuffled.get(3).center().code());
        needs.set(12, "판로;수출;교육");
        defects.add(needs);
        List<Object> late = response(0, shuffled.get(4), shuffled.get(4).center().code());
        late.set(1, LocalDateTime.of(round + 1, 1, 4, 10, 30));
        defects.add(late);
        Firm twice = shuffled.get(5);
        List<Object> first = response(0, twice, twice.center().code());
        first.set(1, LocalDateTime.of(round, 10, 2, 9, 15));
        defects.add(first);

        List<List<Object>> rows = new ArrayList<>();
        int normal = responses - defects.size() - 1;
        for (Firm f : participants) {
            if (rows.size() < normal && !shuffled.subList(0, 6).contains(f)) {
                rows.add(response(0, f, f.center().code()));
            }
        }
        rows.addAll(defects);
        for (List<Object> r : rows) {
            r.set(0, String.format("R%d-%04d", round, id++));
        }
        int half = rows.size() / 2;
        List<String> header = List.of("응답번호", "제출일시", "사업자등록번호", "업체명", "소속센터", "상시근로자수", "문1_전반만족", "문2_교육컨설팅만족",
                "문3_판로홍보만족", "문4_센터운영만족", "문5_재참여의향", "문6_추천의향", "희망지원분야", "기타의견");
        List<List<Object>> csvRows = new ArrayList<>(rows.subList(0, half));
        List<List<Object>> xlsxRows = new ArrayList<>(rows.subList(half, rows.size()));
        // the duplicate's later submission arrives in the other file
        List<Object> again = new ArrayList<>(first);
        again.set(0, String.format("R%d-%04d", round, id));
        again.set(1, LocalDateTime.of(round, 11, 3, 14, 40));
        (csvRows.contains(first) ? xlsxRows : csvRows).add(again);
        for (List<Object> r : csvRows) {
            r.set(1, ((LocalDateTime) r.get(1))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        }
        writeCsv(dir.resolve("survey/설문_" + round + "_1차.csv"), TextEncoding.CP949, header, csvRows);
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            CellStyle stamp = wb.createCellStyle();
            stamp.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            sheet(wb, stamp, "응답", header, xlsxRows);
            try (OutputStream out = Files.newOutputStream(dir.resolve("survey/설문_" + round + "_2차.xlsx"))) {
                wb.write(out);
            }
        }
    }

    List<Object> response(int id, Firm f, String center) {
        List<Object> r = new ArrayList<>();
        r.add(String.format("R%d-%04d", round, id));
        r.add(LocalDateTime.of(round, 10 + random.nextInt(2), 1 + random.nextInt(28), 9 + random.nextInt(9),
                random.nextInt(60)));
        r.add(dashed(f.brn()));
        r.add(f.name());
        r.add(center);
        r.add(f.employees());
        int mood = random.nextInt(3);
        for (int q = 0; q < 6; q++) {
            double roll = random.nextDouble();
            if (roll < 0.03) {
                r.add("");
            }
            else if (roll < 0.06) {
                r.add(9);
            }
            else {
                r.add(Math.max(1, Math.min(5, 3 + mood / 2 + (int) Math.round(random.nextGaussian() * 0.9))));
            }
        }
        List<String> needs = new ArrayList<>();
        for (String n : NEEDS) {
            if (random.nextDouble() < 0.3) {
                needs.add(n);
            }
        }
        r.add(String.join(";", needs));
        r.add(random.nextDouble() < 0.2 ? "교육 일정이 더 다양했으면 합니다" : "");
        return r;
    }

    static void writeCsv(Path file, Charset charset, List<String> header, List<List<Object>> rows) throws IOException {
        try (SyntheticRound.CsvSink out = new SyntheticRound.CsvSink(file, charset)) {
            out.header(0, header);
            for (List<Object> row : rows) {
                out.row(0, row);
            }
        }
    }

}
