package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JVM options and jar the jobs/ scripts launch with (jobs/environment): the extracted
 * jar with its class archive, made here once if the build is newer. For the process tests
 * and the start-up benchmark, which launch as an operator does.
 */
public final class ScriptsLaunch {

    private ScriptsLaunch() {
    }

    /**
     * The options after {@code java}, ending with {@code -jar <jar>}.
     * @param compiler the compiler options, as shell words (e.g. the scripts' own
     * {@code $(quick_compiler_for input/2022)})
     */
    public static List<String> options(String compiler) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                    "source jobs/environment >&2 && printf '%s\\n' $CDS_OPTS " + compiler + " -jar \"$JAR\"")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process script = builder.start();
            List<String> launch = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
            if (script.waitFor() != 0 || !launch.contains("-jar")) {
                throw new IllegalStateException("jobs/environment did not prepare the launch: " + launch);
            }
            return launch;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
