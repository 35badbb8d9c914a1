package kr.seoul.sogong.outcomes.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.generator.SyntheticRound;

/**
 * Side-by-side benchmark (docs/benchmarks.md): on the same generated round, our job on H2
 * and on PostgreSQL (whole process, startup included, -Xmx512m), DuckDB computing
 * participation and satisfaction from the same CSVs, and two floors (a line count, a raw
 * FastCSV parse). Each contender runs {@code bench.runs} times in a fresh process and a
 * fresh database; the table shows the median wall time, rows per second, peak RSS, and
 * the ratio to DuckDB measured in the same run. With {@code bench.restart=true} it also
 * kills the H2 job at about 80% of ingest, times the restart and checks that the
 * restarted run's CSVs equal an uninterrupted run's.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -Dbench.sizes=100000,1000000 -Dbench.runs=3</pre>
 */
public final class BenchmarkRunner {

    static final int ROUND = 2031;
    static final Path WORK = Path.of("target", "bench");

    record Measurement(double seconds, long peakRssKb, int exitCode) {
    }

    public static void main(String[] args) throws Exception {
        // bench.sizes=none: the start-up table alone
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000000").split(","))
            .filter(s -> !s.isBlank() && !s.strip().equals("none"))
            .mapToLong(s -> Long.parseLong(s.strip()))
            .toArray();
        int runs = Integer.getInteger("bench.runs", 3);
        List<String> contenders = List
            .of(System.getProperty("bench.contenders", "h2,postgres,duckdb,lines,fastcsv").split(","));
        boolean restart = Boolean.parseBoolean(System.getProperty("bench.restart", "true"));
        // said first: a JVM option or restart argument that did not arrive would make a
        // comparison of nothing
        System.out.printf("benchmark: sizes %s, runs %d, contenders %s, JVM options [%s], restart arguments [%s]%n",
                System.getProperty("bench.sizes"), runs, contenders, System.getProperty("bench.jvm", ""),
                System.getProperty("bench.restart.args", ""));
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder();
        report.append("## ")
            .append(LocalDate.now())
            .append(", ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, ")
            .append(System.getProperty("java.vm.name"))
            .append(' ')
            .append(System.getProperty("java.version"))
            .append(", ")
            .append(runs)
            .append(" runs each\n\n");
        if (Boolean.parseBoolean(System.getProperty("bench.startup", "true"))) {
            report.append(StartupTiming.report(Integer.getInteger("bench.startup.runs", 5)));
        }
        // every PostgreSQL contender (the job, its floor, one partition) needs the server
        try (EmbeddedPostgres pg = contenders.stream().anyMatch(c -> c.startsWith("postgres")) && sizes.length > 0
                ? EmbeddedPostgres.builder().start() : null) {
            for (long size : sizes) {
                report.append(measureSize(size, runs, contenders, pg, restart));
            }
        }
        Path results = WORK.resolve("results.md");
        Files.writeString(results, report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println(report);
        System.out.println("(appended to " + results + ")");
    }

    static String measureSize(long size, int runs, List<String> contenders, EmbeddedPostgres pg, boolean restart)
            throws Exception {
        Path base = WORK.resolve(String.valueOf(size));
        Path input = base.resolve("input");
        Path roundDir = input.resolve(String.valueOf(ROUND));
        if (!Files.exists(roundDir.resolve("survey"))) {
            long t = System.nanoTime();
            SyntheticRound.write(input,
                    new SyntheticRound.Spec(ROUND, 60, size, 0.9, 200, false, StandardCharsets.UTF_8, 1));
            System.out.printf("generated %,d participants in %.1fs%n", size, (System.nanoTime() - t) / 1e9);
        }
        long rows = dataRows(roundDir);
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String c : contenders) {
                Measurement m = measure(command(c, size, run, roundDir, base, pg),
                        base.resolve("log-" + c + "-" + run + ".txt"));
                System.out.printf("%,d participants, run %d, %-8s %7.2fs %6d MB%s%n", size, run, c, m.seconds(),
                        m.peakRssKb() / 1024, m.exitCode() == 0 ? "" : " EXIT " + m.exitCode());
                results.computeIfAbsent(c, k -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("### %,d participants (%,d input rows, %d MB of CSV)%n%n", size, rows,
                folderBytes(roundDir) >> 20));
        table.append("| contender | median wall s | rows/s | peak RSS MB | × DuckDB | exit codes |\n");
        table.append("|---|---:|---:|---:|---:|---|\n");
        double duck = results.containsKey("duckdb") ? median(results.get("duckdb")) : Double.NaN;
        for (Map.Entry<String, List<Measurement>> e : results.entrySet()) {
            double med = median(e.getValue());
            long rss = e.getValue().stream().mapToLong(Measurement::peakRssKb).max().orElse(0) / 1024;
            table.append(String.format("| %s | %.2f | %,d | %d | %s | %s |%n", label(e.getKey()), med,
                    Math.round(rows / med), rss, Double.isNaN(duck) ? "" : String.format("%.1f", med / duck),
                    e.getValue().stream().map(m -> String.valueOf(m.exitCode())).toList()));
        }
        table.append('\n');
        // the job against what storing the same rows costs at the least on its own database
        for (String db : List.of("h2", "postgres")) {
            if (results.containsKey(db) && results.containsKey(db + "-floor")) {
                table.append(String.format("%s: the job takes %.1f× its storage floor.%n%n", db,
                        median(results.get(db)) / median(results.get(db + "-floor"))));
            }
        }
        // what the byte ranges bring to the ingest step, by the jobs' own logs (run 1)
        for (String c : List.of("h2", "postgres", "h2-one-csv", "postgres-one-csv")) {
            if (results.containsKey(c) && results.containsKey(c + "-whole")) {
                double ranges = ingestSeconds(base.resolve("log-" + c + "-1.txt"));
                double whole = ingestSeconds(base.resolve("log-" + c + "-whole-1.txt"));
                table.append(String.format("%s: the ingest step took %.1fs with large CSVs in byte ranges against"
                        + " %.1fs with every file read whole (%.2f×).%n%n", c, ranges, whole, whole / ranges));
            }
        }
        for (String db : List.of("h2", "pg")) {
            Path partitioned = base.resolve("out-" + db + "-1").resolve(String.valueOf(ROUND));
            for (String other : List.of("1p", "whole")) {
                Path single = base.resolve(other).resolve("out-" + db + "-1").resolve(String.valueOf(ROUND));
                if (Files.isDirectory(partitioned) && Files.isDirectory(single)) {
                    Map<String, byte[]> a = csvs(partitioned);
                    Map<String, byte[]> b = csvs(single);
                    boolean same = a.keySet().equals(b.keySet())
                            && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
                    table.append(String.format("%s: the %d CSV outputs of the partitioned ingest are %s those of %s.%n%n",
                            db, a.size(), same ? "byte-identical to" : "DIFFERENT from",
                            other.equals("1p") ? "one partition" : "every file read whole"));
                }
            }
        }
        if (restart && results.containsKey("h2")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String url = "jdbc:h2:file:" + fresh(base.resolve("db-restart")).toAbsolutePath()
                    + "/outcomes;AUTO_SERVER=TRUE";
            table.append(restartScenario("H2", job(java, roundDir.getParent(), base.resolve("out-restart"), url, "sa"),
                    url, "sa", roundDir, base, "out-h2-1", median(results.get("h2"))));
        }
        if (restart && results.containsKey("postgres")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists bench_restart");
                s.execute("create database bench_restart");
            }
            String url = pg.getJdbcUrl("postgres", "bench_restart") + "&reWriteBatchedInserts=true";
            table.append(restartScenario("PostgreSQL",
                    job(java, roundDir.getParent(), base.resolve("out-restart-pg"), url, "postgres"), url,
                    "postgres", roundDir, base, "out-pg-1", median(results.get("postgres"))));
        }
        return table.toString();
    }

    static String label(String contender) {
        return switch (contender) {
            case "h2" -> "our job, H2 (whole process)";
            case "postgres" -> "our job, PostgreSQL (whole process)";
            case "duckdb" -> "DuckDB: participation + satisfaction";
            case "lines" -> "floor: Java line count";
            case "fastcsv" -> "floor: FastCSV parse";
            case "parsers" -> "FastCSV and our CSV parser, 3 passes each (separate log)";
            case "validate" -> "our parse + validate, no database (3 passes)";
            case "h2-1p" -> "our job, H2, ingest in 1 partition";
            case "postgres-1p" -> "our job, PostgreSQL, ingest in 1 partition";
            case "h2-floor" -> "storage floor, H2: the rows into the same tables, batched inserts, no rules";
            case "postgres-floor" -> "storage floor, PostgreSQL: the rows into the same tables by COPY, no rules";
            case "h2-whole" -> "our job, H2, every file read whole";
            case "postgres-whole" -> "our job, PostgreSQL, every file read whole";
            case "h2-one-csv" -> "our job, H2, a round of the survey file alone (in byte ranges)";
            case "h2-one-csv-whole" -> "our job, H2, a round of the survey file alone, read whole";
            case "postgres-one-csv" -> "our job, PostgreSQL, a round of the survey file alone (in byte ranges)";
            case "postgres-one-csv-whole" -> "our job, PostgreSQL, a round of the survey file alone, read whole";
            default -> contender;
        };
    }

    static List<String> command(String contender, long size, int run, Path roundDir, Path base, EmbeddedPostgres pg)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path input = roundDir.getParent();
        if (contender.endsWith("-1p")) {
            // the same job with its ingest in one partition: what the second core brings
            List<String> onePartition = new ArrayList<>(
                    command(contender.substring(0, contender.length() - 3), size, run, roundDir, base.resolve("1p"),
                            pg));
            onePartition.add("--outcomes.ingest-partitions=1");
            return onePartition;
        }
        if (contender.endsWith("-whole")) {
            // the same job with every file read whole: what the byte ranges bring
            List<String> whole = new ArrayList<>(command(contender.substring(0, contender.length() - 6), size, run,
                    roundDir, base.resolve("whole"), pg));
            whole.add("--outcomes.ingest-range=0");
            return whole;
        }
        if (contender.endsWith("-one-csv")) {
            // the round's survey alone: one big CSV
            List<String> oneCsv = new ArrayList<>(command(contender.substring(0, contender.length() - 8), size, run,
                    roundDir, base.resolve("one-csv"), pg));
            Path oneCsvInput = oneCsvInput(roundDir, base);
            oneCsv.replaceAll(a -> a.startsWith("--outcomes.input-dir=") ? "--outcomes.input-dir=" + oneCsvInput : a);
            return oneCsv;
        }
        return switch (contender) {
            case "h2" -> job(
                    java, input, base.resolve("out-h2-" + run), "jdbc:h2:file:"
                            + fresh(base.resolve("db-h2-" + run)).toAbsolutePath() + "/outcomes;AUTO_SERVER=TRUE",
                    "sa");
            case "postgres" -> {
                String db = "bench_" + size + "_" + run;
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + db);
                    s.execute("create database " + db);
                }
                yield job(java, input, base.resolve("out-pg-" + run),
                        pg.getJdbcUrl("postgres", db) + "&reWriteBatchedInserts=true", "postgres");
            }
            case "duckdb" -> List.of(java, "-Xmx512m", "-cp", cp, DuckDbPeer.class.getName(), roundDir.toString(),
                    base.resolve("out-duckdb-" + run).toString());
            case "lines", "fastcsv", "parsers" ->
                List.of(java, "-Xmx512m", "-cp", cp, Floors.class.getName(), contender, roundDir.toString());
            case "validate" -> List.of(java, "-Xmx512m", "-cp", cp, ParseValidate.class.getName(), roundDir.toString());
            case "h2-floor" -> List.of(java, "-Xmx512m", "-cp", cp, StorageFloor.class.getName(), "h2",
                    "jdbc:h2:file:" + fresh(base.resolve("db-h2-floor-" + run)).toAbsolutePath() + "/outcomes", "sa",
                    roundDir.toString());
            case "postgres-floor" -> {
                String db = "bench_floor_" + size + "_" + run;
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + db);
                    s.execute("create database " + db);
                }
                yield List.of(java, "-Xmx512m", "-cp", cp, StorageFloor.class.getName(), "postgres",
                        pg.getJdbcUrl("postgres", db), "postgres", roundDir.toString());
            }
            default -> throw new IllegalArgumentException(contender);
        };
    }

    /**
     * An input folder whose round is the generated round's centers and survey file only
     * (linked, not copied).
     */
    static Path oneCsvInput(Path roundDir, Path base) throws IOException {
        Path input = base.resolve("input-one-csv");
        Path round = input.resolve(String.valueOf(ROUND));
        if (!Files.exists(round.resolve("survey"))) {
            Files.createDirectories(round.resolve("survey"));
            Files.createDirectories(round.resolve("results"));
            Files.copy(roundDir.resolve("centers.csv"), round.resolve("centers.csv"));
            Files.createLink(round.resolve("survey/responses.csv"), roundDir.resolve("survey/responses.csv"));
        }
        return input;
    }

    /** The ingest step's seconds as the job's log says them, or NaN. */
    static double ingestSeconds(Path log) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ingestRows COMPLETED in ([0-9.]+)s")
            .matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static List<String> job(String java, Path input, Path out, String url, String user) throws IOException {
        fresh(out);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m"));
        // JVM options to try against the default (-Dbench.jvm="-XX:TieredStopAtLevel=1")
        for (String option : System.getProperty("bench.jvm", "").split(" ")) {
            if (!option.isBlank()) {
                cmd.add(option);
            }
        }
        cmd.addAll(List.of("-jar", Path.of("target", "sogong-outcomes.jar").toString(), "round=" + ROUND,
                "runDate=2031-11-01", "--outcomes.input-dir=" + input, "--outcomes.output-dir=" + out,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--outcomes.chunk-size=" + System.getProperty("bench.chunk", "500")));
        return cmd;
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    /**
     * Runs a command to its end: wall time, and peak RSS from the kernel's high-water
     * mark.
     */
    static Measurement measure(List<String> command, Path log) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peak = 0;
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        while (p.isAlive()) {
            peak = Math.max(peak, highWaterMark(status));
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(seconds, peak, p.exitValue());
    }

    static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException gone) {
            // the process ended between the check and the read
        }
        return 0;
    }

    static double median(List<Measurement> ms) {
        double[] s = ms.stream().mapToDouble(Measurement::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long dataRows(Path roundDir) throws IOException {
        long rows = 0;
        try (Stream<Path> walk = Files.walk(roundDir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("centers.csv")).toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    rows += lines.count() - 1;
                }
            }
        }
        return rows;
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * Kills the job with SIGKILL at about 80% of the ingest, restarts it with the same
     * command, and compares the restarted run's CSVs with those of run 1 (uninterrupted).
     */
    static String restartScenario(String database, List<String> command, String url, String user, Path roundDir,
            Path base, String cleanRun, double fullSeconds) throws Exception {
        String tag = database.equals("H2") ? "restart" : "restart-pg";
        // what else the killed run and its restart are given, to compare
        // (-Dbench.restart.args=--outcomes.ingest-range=0)
        List<String> cmd = new ArrayList<>(command);
        for (String arg : System.getProperty("bench.restart.args", "").split(" ")) {
            if (!arg.isBlank()) {
                cmd.add(arg);
            }
        }
        long total = dataRows(roundDir);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(base.resolve("log-" + tag + "-1.txt").toFile())
            .start();
        long committed = 0;
        while (p.isAlive() && committed < total * 8 / 10) {
            Thread.sleep(200);
            if (Files.readString(base.resolve("log-" + tag + "-1.txt")).contains("Executing step: [ingestRows]")) {
                committed = committedRows(url, user);
            }
        }
        p.destroyForcibly().waitFor();
        Measurement again = measure(cmd, base.resolve("log-" + tag + "-2.txt"));
        Path out = Path.of(cmd.stream()
            .filter(a -> a.startsWith("--outcomes.output-dir="))
            .findFirst()
            .orElseThrow()
            .substring("--outcomes.output-dir=".length()));
        Map<String, byte[]> restarted = csvs(out.resolve(String.valueOf(ROUND)));
        Map<String, byte[]> clean = csvs(base.resolve(cleanRun).resolve(String.valueOf(ROUND)));
        boolean same = restarted.keySet().equals(clean.keySet())
                && restarted.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), clean.get(e.getKey())));
        return String.format(
                "Restart on %s: killed (SIGKILL) with %,d of %,d rows committed (%.0f%%); the restarted run took"
                        + " %.2fs = %.0f%% of a full run (%.2fs), exit %d; its %d CSV outputs are %s an uninterrupted"
                        + " run's.%n%n",
                database, committed, total, 100.0 * committed / total, again.seconds(),
                100 * again.seconds() / fullSeconds, fullSeconds, again.exitCode(), restarted.size(),
                same ? "byte-identical to" : "DIFFERENT from");
    }

    static long committedRows(String url, String user) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(sum(rows_read), 0) from source_range")) {
            rs.next();
            return rs.getLong(1);
        }
        catch (Exception notYet) {
            return 0;
        }
    }

    static Map<String, byte[]> csvs(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

}
