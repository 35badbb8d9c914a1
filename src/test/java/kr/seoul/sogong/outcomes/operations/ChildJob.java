package kr.seoul.sogong.outcomes.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged application run as an operator runs it: a separate JVM, killed or
 * signalled for real.
 */
final class ChildJob implements AutoCloseable {

    static final Path JAR = Path.of("target", "sogong-outcomes.jar");

    /**
     * The JVM options and jar the jobs/ scripts launch with (jobs/environment): the
     * extracted jar with its class archive, made here once if the build is newer, and the
     * quick compiler jobs/run gives the small rounds these tests run.
     */
    private static final List<String> LAUNCH = kr.seoul.sogong.outcomes.ScriptsLaunch
        .options("-XX:TieredStopAtLevel=1");

    private final Process process;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final Thread pump;

    private ChildJob(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            catch (IOException ignored) {
                // the process was killed
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** A process started otherwise (a script, another environment). */
    static ChildJob of(Process process) {
        return new ChildJob(process);
    }

    long pid() {
        return process.pid();
    }

    static ChildJob start(List<String> args) throws IOException {
        return startAs(List.of(), args);
    }

    /** With a command prefix, e.g. {@code setpriv} to run as another user. */
    static ChildJob startAs(List<String> prefix, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(LAUNCH);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
            .putIfAbsent("OUTCOMES_LOG_FILE", LOGS.resolve("child-" + COUNT.incrementAndGet() + ".log").toString());
        return new ChildJob(builder.start());
    }

    /**
     * The children's log files: out of the project's logs/, writable by any user a test
     * runs a child as.
     */
    static final Path LOGS;

    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    static {
        try {
            LOGS = java.nio.file.Files.createTempDirectory("child-logs");
            java.nio.file.Files.setPosixFilePermissions(LOGS,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs to the end; returns the exit code. */
    static int run(List<String> args, Duration timeout) throws Exception {
        try (ChildJob job = start(args)) {
            return job.waitFor(timeout);
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish in " + timeout + "; output:\n" + output());
        }
        // the last lines may still be in the pipe
        pump.join(10_000);
        return process.exitValue();
    }

    void awaitLine(String fragment, Duration timeout) throws InterruptedException {
        await(() -> lines.stream().anyMatch(l -> l.contains(fragment)), timeout, "a line with '" + fragment + "'");
    }

    void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("child ended before " + what + "; output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "; output:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no hook runs, nothing is cleaned up. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, as systemd or Kubernetes stop a service. */
    void terminate() {
        // through the handle: Process.destroy() would also close our end of the child's
        // output
        process.toHandle().destroy();
    }

    /**
     * SIGSTOP / SIGCONT: the process is frozen, as under a debugger or a busy machine,
     * yet alive.
     */
    void pause(boolean paused) throws IOException, InterruptedException {
        new ProcessBuilder("kill", paused ? "-STOP" : "-CONT", String.valueOf(process.pid())).inheritIO()
            .start()
            .waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

}
