package kr.seoul.sogong.outcomes.access;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outcomes.access-log.*}.
 *
 * @param retention how long an access record is kept: two years, the longer of the
 * safeguards' periods (unique identifiers are processed)
 */
@ConfigurationProperties("outcomes.access-log")
public record AccessSettings(Period retention) {

    public AccessSettings {
        retention = retention == null ? Period.ofYears(2) : retention;
    }

}
