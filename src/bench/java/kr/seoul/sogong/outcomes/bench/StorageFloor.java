package kr.seoul.sogong.outcomes.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The storage floor: the round's CSV rows stored in the job's own tables (made by its
 * migrations, with their indexes) with no rule at all — no validation, no findings, no
 * digests, no checkpoints, no Spring Batch — what storing every row costs at the least on
 * a database. H2 through batched prepared inserts committed every 500 rows (the job's
 * chunk); PostgreSQL through COPY, a file at a time. Values are converted only as far as
 * the columns' types need. Usage: StorageFloor h2|postgres url user roundDir
 */
public final class StorageFloor {

    /**
     * A column of a table and how a CSV field becomes its value; the field is found by its
     * Korean header or its English alias (the synthetic rounds' headers).
     */
    private record Col(String header, String column, Kind kind, String alias) {

        Col(String header, String column, Kind kind) {
            this(header, column, kind, column);
        }

    }

    private enum Kind {

        TEXT, BRN, INT, DECIMAL, BIGINT, DATE, TIMESTAMP, YN

    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final List<Col> PARTICIPANTS = List.of(new Col("센터코드", "center_code", Kind.TEXT),
            new Col("사업자등록번호", "brn", Kind.BRN), new Col("업체명", "firm_name", Kind.TEXT),
            new Col("지원내용", "support", Kind.TEXT), new Col("지원시작일", "start_date", Kind.DATE),
            new Col("지원종료일", "end_date", Kind.DATE), new Col("교육이수시간", "education_hours", Kind.DECIMAL),
            new Col("수료여부", "completed", Kind.YN));

    private static final List<Col> OUTCOMES = List.of(new Col("센터코드", "center_code", Kind.TEXT),
            new Col("사업자등록번호", "brn", Kind.BRN), new Col("지원전매출_천원", "sales_before_k", Kind.DECIMAL),
            new Col("지원후매출_천원", "sales_after_k", Kind.DECIMAL), new Col("신규거래처수", "new_clients", Kind.INT),
            new Col("신규수주건수", "new_orders", Kind.INT), new Col("온라인입점", "online_listed", Kind.YN),
            new Col("개발패턴수", "patterns", Kind.INT));

    private static final List<Col> BUDGET = List.of(new Col("센터코드", "center_code", Kind.TEXT),
            new Col("비목", "item", Kind.TEXT), new Col("계획금액_원", "planned_krw", Kind.BIGINT),
            new Col("집행금액_원", "executed_krw", Kind.BIGINT));

    private static final List<Col> SURVEY = List.of(new Col("응답번호", "response_id", Kind.TEXT),
            new Col("제출일시", "submitted_at", Kind.TIMESTAMP), new Col("사업자등록번호", "brn", Kind.BRN),
            new Col("업체명", "firm_name", Kind.TEXT), new Col("소속센터", "center_code", Kind.TEXT, "center"),
            new Col("상시근로자수", "employees", Kind.INT), new Col("문1_전반만족", "q1", Kind.INT),
            new Col("문2_교육컨설팅만족", "q2", Kind.INT), new Col("문3_판로홍보만족", "q3", Kind.INT),
            new Col("문4_센터운영만족", "q4", Kind.INT), new Col("문5_재참여의향", "q5", Kind.INT),
            new Col("문6_추천의향", "q6", Kind.INT), new Col("기타의견", "comment_text", Kind.TEXT, "comment"));

    /** The needs column's words and the flag each sets. */
    private static final Map<String, String> NEEDS = Map.of("판로", "need_sales", "홍보", "need_promotion", "디자인",
            "need_design", "기술", "need_tech", "교육", "need_education", "자금", "need_finance", "인력", "need_staff");

    private static final int CHUNK = 500;

    private StorageFloor() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        String url = args[1];
        String user = args[2];
        Path roundDir = Path.of(args[3]);
        int round = Integer.parseInt(roundDir.getFileName().toString());
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(roundDir)) {
            files = walk.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("centers.csv"))
                .sorted()
                .toList();
        }
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            for (Path file : files) {
                String name = roundDir.relativize(file).toString().replace('\\', '/');
                String table = name.startsWith("survey/") ? "survey_response"
                        : name.endsWith("participants.csv") ? "participant"
                                : name.endsWith("outcomes.csv") ? "outcome" : "budget_line";
                List<Col> cols = switch (table) {
                    case "survey_response" -> SURVEY;
                    case "participant" -> PARTICIPANTS;
                    case "outcome" -> OUTCOMES;
                    default -> BUDGET;
                };
                rows += db.equals("postgres") ? copy(c, round, name, table, cols, file)
                        : insert(c, round, name, table, cols, file);
            }
        }
        System.out.printf("stored %,d rows%n", rows);
    }

    private static List<String> columns(String table, List<Col> cols) {
        List<String> all = new ArrayList<>(List.of("round", "source_file", "sheet_index", "sheet", "row_number"));
        cols.forEach(col -> all.add(col.column()));
        if (table.equals("survey_response")) {
            all.addAll(NEEDS.values().stream().sorted().toList());
        }
        return all;
    }

    /** A record's values in {@link #columns} order, as the types need them. */
    private static List<Object> values(int round, String file, long rowNumber, String table, List<Col> cols,
            Map<String, Integer> header, CsvRecord r) {
        List<Object> v = new ArrayList<>(List.of(round, file, 0, "", rowNumber));
        for (Col col : cols) {
            Integer at = header.getOrDefault(col.header(), header.get(col.alias()));
            String raw = at == null || at >= r.getFieldCount() ? "" : r.getField(at).strip();
            v.add(raw.isEmpty() ? null : switch (col.kind()) {
                case TEXT -> raw;
                case BRN -> raw.replace("-", "");
                case INT -> Integer.valueOf(raw);
                case DECIMAL -> new java.math.BigDecimal(raw);
                case BIGINT -> Long.valueOf(raw);
                case DATE -> LocalDate.parse(raw);
                case TIMESTAMP -> LocalDateTime.parse(raw, MINUTES);
                case YN -> raw.equalsIgnoreCase("Y");
            });
        }
        if (table.equals("survey_response")) {
            Integer at = header.getOrDefault("희망지원분야", header.get("needs"));
            String needs = at == null || at >= r.getFieldCount() ? "" : r.getField(at);
            for (String flag : NEEDS.values().stream().sorted().toList()) {
                boolean chosen = false;
                for (String word : needs.split(";")) {
                    chosen |= flag.equals(NEEDS.get(word.strip()));
                }
                v.add(chosen);
            }
        }
        return v;
    }

    /** Where a file's rows go: a database's fastest way in, flushed every chunk. */
    private interface Sink {

        void row(List<Object> values) throws Exception;

        void flush() throws Exception;

        void end() throws Exception;

    }

    /** Reads a file's records once and hands each row's values to the sink. */
    private static long store(int round, String file, String table, List<Col> cols, Path path, Sink sink)
            throws Exception {
        long n = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(path)) {
            Map<String, Integer> header = null;
            for (CsvRecord r : reader) {
                if (header == null) {
                    header = header(r);
                    continue;
                }
                sink.row(values(round, file, r.getStartingLineNumber(), table, cols, header, r));
                if (++n % CHUNK == 0) {
                    sink.flush();
                }
            }
        }
        sink.flush();
        sink.end();
        return n;
    }

    /** H2: batched prepared inserts, committed every chunk. */
    private static long insert(Connection c, int round, String file, String table, List<Col> cols, Path path)
            throws Exception {
        List<String> names = columns(table, cols);
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            return store(round, file, table, cols, path, new Sink() {

                @Override
                public void row(List<Object> values) throws Exception {
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 1, values.get(i));
                    }
                    insert.addBatch();
                }

                @Override
                public void flush() throws Exception {
                    insert.executeBatch();
                    c.commit();
                }

                @Override
                public void end() {
                }

            });
        }
    }

    /** PostgreSQL: one COPY per file, streamed to the server a chunk at a time. */
    private static long copy(Connection c, int round, String file, String table, List<Col> cols, Path path)
            throws Exception {
        org.postgresql.copy.CopyIn in = c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("copy " + table + " (" + String.join(", ", columns(table, cols)) + ") from stdin with (format csv)");
        StringBuilder text = new StringBuilder();
        return store(round, file, table, cols, path, new Sink() {

            @Override
            public void row(List<Object> values) {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    Object value = values.get(i);
                    if (value != null) {
                        text.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                    }
                }
                text.append('\n');
            }

            @Override
            public void flush() throws Exception {
                byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }

            @Override
            public void end() throws Exception {
                in.endCopy();
                c.commit();
            }

        });
    }

    private static Map<String, Integer> header(CsvRecord r) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < r.getFieldCount(); i++) {
            header.put(r.getField(i).strip().replace("\uFEFF", ""), i);
        }
        return header;
    }

}
