package kr.seoul.sogong.outcomes.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.springframework.stereotype.Component;

/**
 * Which rounds the nightly run covers: {@code outcomes.nightly.rounds} (a comma list)
 * when set, else every round folder in the input folder up to the run date's year, oldest
 * first — so a round's year-over-year table compares with the previous round computed the
 * same night.
 */
@Component
public class NightlyRounds {

    private final OutcomesProperties properties;

    public NightlyRounds(OutcomesProperties properties) {
        this.properties = properties;
    }

    /** Every round folder ({@code input/<yyyy>}), oldest first. */
    public List<Integer> inputRounds() {
        Path input = properties.inputDir();
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(input)) {
            return dirs.filter(Files::isDirectory)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.matches("\\d{4}"))
                .map(Integer::parseInt)
                .sorted()
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Integer> rounds(LocalDate runDate) {
        if (!properties.nightly().rounds().isEmpty()) {
            return properties.nightly().rounds();
        }
        return inputRounds().stream().filter(r -> r <= runDate.getYear()).toList();
    }

}
