package kr.seoul.sogong.outcomes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import kr.seoul.sogong.outcomes.ScriptsLaunch;

/**
 * The start-up people wait on, issue 25's targets: the sample round 2022 whole job (JVM
 * included, a fresh H2 file each run), {@code status} on that database, and the first line
 * on the console. Each the way the jar was launched before (the baseline: {@code java -jar}
 * of the jar as built) and the way the jobs/ scripts launch it now (the extracted jar, its
 * class archive, the quick compiler), alternately, median of the given number of runs.
 */
final class StartupTiming {

    private record Launch(String name, List<String> round, List<String> status) {
    }

    private record Timing(double wallSeconds, double firstLineSeconds) {
    }

    private StartupTiming() {
    }

    static String report(int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long prepareStart = System.nanoTime();
        List<String> scripts = ScriptsLaunch.options("$(quick_compiler_for input/2022)");
        double prepare = (System.nanoTime() - prepareStart) / 1e9;
        List<String> scriptsStatus = ScriptsLaunch.options("-XX:TieredStopAtLevel=1");
        List<String> jar = List.of(java, "-jar", Path.of("target", "sogong-outcomes.jar").toString());
        List<Launch> launches = List.of(new Launch("jar as built", jar, jar),
                new Launch("as jobs/ launch it", prefixed(java, scripts), prefixed(java, scriptsStatus)));
        List<List<Timing>> rounds = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Timing>> statuses = List.of(new ArrayList<>(), new ArrayList<>());
        Path work = Files.createDirectories(Path.of("target", "bench", "startup"));
        for (int run = 0; run < runs; run++) {
            for (int l = 0; l < launches.size(); l++) {
                Path dir = work.resolve(l + "-" + run);
                deleteRecursively(dir);
                List<String> args = List.of("--outcomes.input-dir=input",
                        "--outcomes.output-dir=" + dir.resolve("output"),
                        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + "/outcomes",
                        "--logging.file.name=" + dir.resolve("run.log"));
                rounds.get(l).add(time(launches.get(l).round(), "round=2022", args));
                statuses.get(l).add(time(launches.get(l).status(), "status", args));
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT,
                "### Start-up, median of %d (the class archive prepared once for this build in %.1f s)%n%n", runs,
                prepare));
        table.append("| what | jar as built | as jobs/ launch it | now ÷ before | target |\n|---|---|---|---|---|\n");
        row(table, "sample round 2022, whole job", rounds, Timing::wallSeconds, 2.5);
        row(table, "its first line", rounds, Timing::firstLineSeconds, 1.0);
        row(table, "`status`", statuses, Timing::wallSeconds, 1.0);
        return table.append('\n').toString();
    }

    private static void row(StringBuilder table, String what, List<List<Timing>> timings,
            java.util.function.ToDoubleFunction<Timing> figure, double target) {
        double before = median(timings.get(0), figure);
        double now = median(timings.get(1), figure);
        table.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f | ≤ %.1f s: %s |%n", what, before, now,
                now / before, target, now <= target ? "met" : "**missed**"));
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> figure) {
        List<Double> values = new ArrayList<>(timings.stream().mapToDouble(figure).boxed().toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static List<String> prefixed(String java, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        return command;
    }

    private static Timing time(List<String> launch, String command, List<String> args) throws Exception {
        List<String> full = new ArrayList<>(launch);
        full.add(command);
        full.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LANG", "C.UTF-8");
        long start = System.nanoTime();
        Process process = builder.start();
        double firstLine = -1;
        try (InputStream out = process.getInputStream()) {
            int b;
            while ((b = out.read()) != -1) {
                if (b == '\n' && firstLine < 0) {
                    firstLine = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(full + " ended with " + exit);
        }
        return new Timing(wall, firstLine);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
