package kr.seoul.sogong.outcomes.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Guards the hand-read dates of the hot path ({@link RowFields#plainDate},
 * {@link RowFields#plainDateTime}): wherever they give a value it is the strict
 * formatter's, and on the plain form ({@code 2022-06-01}, {@code 2022-06-01 15:04[:05]})
 * they decide alone, possible or not; any other form they leave to the formatter (null),
 * as they must for a signed year such as {@code -0001-01-01}, which the formatter reads.
 * Impossible days, hours and minutes, stray characters and wrong lengths are generated.
 */
class PlainDatesPropertyTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);

    @Property(tries = 3000)
    void aDateIsReadAsTheStrictFormatterReadsIt(@ForAll("dates") String v) {
        readAsTheFormatter(v, "\\d{4}-\\d{2}-\\d{2}", t -> LocalDate.parse(t, DATE), RowFields::plainDate);
    }

    @Property(tries = 3000)
    void aDateTimeIsReadAsTheStrictFormatterReadsIt(@ForAll("dateTimes") String v) {
        readAsTheFormatter(v, "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?", t -> LocalDateTime.parse(t, DATE_TIME),
                RowFields::plainDateTime);
    }

    /**
     * The hand reading gives the formatter's value (null where it refuses) for the plain
     * form, and nothing for any other form.
     */
    private static <T> void readAsTheFormatter(String v, String plainForm, Function<String, T> formatter,
            Function<String, T> byHand) {
        T byFormatter;
        try {
            byFormatter = formatter.apply(v);
        }
        catch (DateTimeParseException e) {
            byFormatter = null;
        }
        T plain = byHand.apply(v);
        if (v.matches(plainForm)) {
            assertThat(plain).isEqualTo(byFormatter);
        }
        else {
            assertThat(plain).isNull();
        }
    }

    /** Two digits, mostly in range, sometimes not, sometimes not digits. */
    private static Arbitrary<String> part(int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, max).map(n -> String.format("%02d", n))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789 x-:.").ofLength(2)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(3)));
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> year = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1900, 2100).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1,
                        Arbitraries.strings().withChars("0123456789+-").ofMinLength(3).ofMaxLength(5)));
        Arbitrary<String> separator = Arbitraries.of("-", "-", "-", "-", "/", ".", " ");
        return Combinators.combine(year, separator, part(13), separator, part(32))
            .as((y, s1, m, s2, d) -> y + s1 + m + s2 + d);
    }

    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<String> seconds = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, part(61).map(s -> ":" + s)), net.jqwik.api.Tuple.of(1, part(61)));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "T", ":");
        return Combinators.combine(dates(), separator, part(25), Arbitraries.of(":", ":", ":", "."), part(61), seconds)
            .as((d, s, h, c, m, sec) -> d + s + h + c + m + sec);
    }

}
