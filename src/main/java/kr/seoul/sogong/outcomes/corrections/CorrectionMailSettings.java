package kr.seoul.sogong.outcomes.corrections;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outcomes.corrections.*}: mailing the correction workbooks.
 *
 * @param mail {@code auto}: after each run that wrote them; {@code off} (the default):
 * only by {@code mail-corrections}
 * @param agencyMail the agency's addresses, for {@code _unassigned.xlsx}
 * @param nextRunAt when the nightly job starts: the letters ask for the files by then
 */
@ConfigurationProperties("outcomes.corrections")
public record CorrectionMailSettings(Mode mail, List<String> agencyMail, LocalTime nextRunAt) {

    public CorrectionMailSettings {
        mail = mail == null ? Mode.OFF : mail;
        agencyMail = agencyMail == null ? List.of() : List.copyOf(agencyMail);
        nextRunAt = nextRunAt == null ? LocalTime.of(2, 0) : nextRunAt;
    }

    public enum Mode {

        OFF, AUTO

    }

}
