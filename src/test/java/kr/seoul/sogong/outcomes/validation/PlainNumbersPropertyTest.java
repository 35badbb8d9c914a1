package kr.seoul.sogong.outcomes.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Guards the shortcut of {@link RowFields#parsePlain} for whole numbers that fit a long:
 * the same value and the same scale as the string constructor gives, for leading zeros,
 * signs, {@code -0}, 18 and 19 digits and decimals alike; and no number for anything that
 * is not plain.
 */
class PlainNumbersPropertyTest {

    @Property(tries = 5000)
    void aPlainNumberIsTheStringConstructorsNumber(@ForAll("numbers") String v) {
        BigDecimal parsed = RowFields.parsePlain(v);
        if (v.matches("-?(\\d+(\\.\\d+)?|\\.\\d+)")) {
            // equals compares the scale too
            assertThat(parsed).isEqualTo(new BigDecimal(v));
        }
        else {
            assertThat(parsed).isNull();
        }
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(21);
        Arbitrary<String> sign = Arbitraries.of("", "", "", "-", "+", "--");
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                digits.map(d -> "." + d));
        return net.jqwik.api.Combinators.combine(sign, digits, fraction).as((s, d, f) -> s + d + f);
    }

}
