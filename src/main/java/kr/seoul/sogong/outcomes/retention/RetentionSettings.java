package kr.seoul.sogong.outcomes.retention;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outcomes.retention.*}.
 *
 * @param personalData how long a round's personal data is kept after the end of the
 * round's year (ISO 8601: {@code P5Y}); then {@code destroy} destroys it
 * @param kitsDir where {@code kit} writes the centers' kits ({@code kits/<round>/})
 */
@ConfigurationProperties("outcomes.retention")
public record RetentionSettings(Period personalData, Path kitsDir) {

    public RetentionSettings {
        personalData = personalData == null ? Period.ofYears(5) : personalData;
        kitsDir = kitsDir == null ? Path.of("kits") : kitsDir;
    }

    /** The last day the round's personal data is kept. */
    public LocalDate keptUntil(int round) {
        return LocalDate.of(round + 1, 1, 1).plus(personalData).minusDays(1);
    }

    /** The legal basis the ledger names. */
    public String basis() {
        return "outcomes.retention.personal-data=" + personalData + " after the round's year (PIPA §21)";
    }

}
