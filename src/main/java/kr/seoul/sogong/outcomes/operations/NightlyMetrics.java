package kr.seoul.sogong.outcomes.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code outcomes.round.last.success}, per nightly round: when its last completed run
 * ended, in seconds since 1970 (NaN before any), read at each scrape — a monitoring
 * system alerts on its age as {@code status --check} does.
 */
@Component
public class NightlyMetrics {

    private final MeterRegistry meters;

    private final NightlyRounds nightly;

    private final NightlyCheck check;

    public NightlyMetrics(MeterRegistry meters, NightlyRounds nightly, NightlyCheck check) {
        this.meters = meters;
        this.nightly = nightly;
        this.check = check;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (int round : nightly.rounds(LocalDate.now())) {
            Gauge.builder("outcomes.round.last.success", () -> lastSuccess(round))
                .description("when the round's last completed run ended, seconds since 1970")
                .baseUnit("seconds")
                .tag("round", String.valueOf(round))
                .register(meters);
        }
    }

    private double lastSuccess(int round) {
        try {
            LocalDateTime end = check.check(round, NightlyCheck.DEFAULT_MAX_AGE, LocalDateTime.now()).lastSuccess();
            return end == null ? Double.NaN : end.atZone(ZoneId.systemDefault()).toEpochSecond();
        }
        catch (RuntimeException databaseGone) {
            return Double.NaN;
        }
    }

}
