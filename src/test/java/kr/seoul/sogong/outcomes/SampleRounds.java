package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** The shipped sample rounds, copied for a test to change. */
public final class SampleRounds {

    private SampleRounds() {
    }

    /**
     * Copies {@code input/<round>} (or any folder) with its subfolders to {@code target}.
     */
    public static void copy(Path source, Path target) throws IOException {
        FileSystemUtils.copyRecursively(source, target);
    }

}
