package kr.seoul.sogong.outcomes.intake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An ISO 8601 date cell ({@code t="d"}, written by openpyxl with {@code iso_dates} and by
 * SheetJS with {@code cellDates}) as the text a date cell of a number format reads as:
 * {@code 2022-10-09}, or {@code 2022-10-09 13:59:00} when it has a time of day. A value
 * with a time zone ({@code Z}, {@code +09:00}) is converted to Seoul time, the
 * programme's; fractions of a second are dropped, as for number date cells. A value that
 * is not ISO 8601 is handed on as it is, for the rules to find FORMAT.
 */
final class IsoDateCell {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private IsoDateCell() {
    }

    static String asCellText(String iso) {
        String v = iso == null ? "" : iso.strip();
        if (v.isEmpty()) {
            return v;
        }
        try {
            LocalDateTime local;
            if (v.indexOf('T') < 0) {
                local = LocalDate.parse(v).atStartOfDay();
            }
            else if (hasZone(v)) {
                local = OffsetDateTime.parse(v).atZoneSameInstant(SEOUL).toLocalDateTime();
            }
            else {
                local = LocalDateTime.parse(v);
            }
            local = local.truncatedTo(ChronoUnit.SECONDS);
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
                    : local.format(DATE_TIME);
        }
        catch (DateTimeParseException e) {
            return v;
        }
    }

    private static boolean hasZone(String v) {
        int t = v.indexOf('T');
        return v.endsWith("Z") || v.endsWith("z") || v.indexOf('+', t) > 0 || v.indexOf('-', t) > 0;
    }

}
