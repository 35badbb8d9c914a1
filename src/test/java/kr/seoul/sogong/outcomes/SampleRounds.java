package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped sample rounds, copied for a test to change. */
public final class SampleRounds {

    private SampleRounds() {
    }

    /** Copies {@code input/<round>} (or any folder) with its subfolders to {@code target}. */
    public static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
