package kr.seoul.sogong.outcomes.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusinessRegistrationNumberTest {

    @Test
    void checksumFollowsTheContractFormula() {
        // 124-81-00998: S = 1*1+2*3+4*7+8*1+1*3+0*7+0*1+9*3+9*5 = 118, + floor(9*5/10) =
        // 122;
        // (10 - 122 % 10) % 10 = 8 = d10
        assertThat(BusinessRegistrationNumber.hasValidCheckDigit("1248100998")).isTrue();
        assertThat(BusinessRegistrationNumber.hasValidCheckDigit("1248100997")).isFalse();
    }

    @Test
    void checkDigitForMatchesHandComputation() {
        // d = 2,2,0,8,1,0,0,0,0: S = 2*1+2*3+0*7+8*1+1*3+0*7+0*1+0*3+0*5 = 19; +
        // floor(0*5/10) = 19;
        // (10 - 19 % 10) % 10 = 1
        assertThat(BusinessRegistrationNumber.checkDigitFor("220810000")).isEqualTo(1);
        // d9 = 9 adds floor(45/10) = 4: 1,0,1,0,0,0,0,0,9 -> S = 1+0+7+0+0+0+0+0+45 = 53,
        // + 4 = 57 -> 3
        assertThat(BusinessRegistrationNumber.checkDigitFor("101000009")).isEqualTo(3);
    }

    @Test
    void normalizeAcceptsDashesAndSpacesOnly() {
        assertThat(BusinessRegistrationNumber.normalize("220-81-00001")).isEqualTo("2208100001");
        assertThat(BusinessRegistrationNumber.normalize(" 220 81 00001 ")).isEqualTo("2208100001");
        assertThat(BusinessRegistrationNumber.normalize("220-81-0000")).isNull();
        assertThat(BusinessRegistrationNumber.normalize("22O-81-00001")).isNull();
    }

    @Test
    void maskingKeepsOnlyTheFirstFiveDigits() {
        assertThat(BusinessRegistrationNumber.masked("2208100001")).isEqualTo("220-81-*****");
        assertThat(BusinessRegistrationNumber.masked("220-81-0000")).isEqualTo("220-81-*****");
        assertThat(BusinessRegistrationNumber.masked("12")).isEqualTo("**");
        assertThat(new BusinessRegistrationNumber("2208100001").toString()).isEqualTo("220-81-*****");
        assertThatThrownBy(() -> new BusinessRegistrationNumber("2208100002"))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
