package kr.seoul.sogong.outcomes.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.OutcomesProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which rounds the nightly run covers: {@code outcomes.nightly.rounds} (a comma list) when set,
 * else every round folder in the input folder up to the run date's year, oldest first — so a
 * round's year-over-year table compares with the previous round computed the same night.
 */
@Component
public class NightlyRounds {

    private final OutcomesProperties properties;
    private final Environment env;

    public NightlyRounds(OutcomesProperties properties, Environment env) {
        this.properties = properties;
        this.env = env;
    }

    public List<Integer> rounds(LocalDate runDate) {
        String configured = env.getProperty("outcomes.nightly.rounds", "").strip();
        List<Integer> rounds = new ArrayList<>();
        if (!configured.isEmpty()) {
            for (String r : configured.split(",")) {
                rounds.add(Integer.parseInt(r.strip()));
            }
            return rounds.stream().sorted().toList();
        }
        Path input = properties.inputDir();
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(input)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}")).map(Integer::parseInt)
                    .filter(r -> r <= runDate.getYear()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
