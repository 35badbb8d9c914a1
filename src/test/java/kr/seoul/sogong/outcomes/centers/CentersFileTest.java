package kr.seoul.sogong.outcomes.centers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * centers.csv's contact_email, an extension of the contract: optional, checked like any
 * field.
 */
class CentersFileTest {

    private static final String HEADER = "center_code,center_name,district,industry,project_title,track,"
            + "budget_cap_krw,target_firms,period_start,period_end";

    private static final String ROW = "AAA,에이센터,종로구,의류,과제,SALES,50000000,4,2022-04-01,2022-10-31";

    @TempDir
    Path dir;

    private List<Center> read(String text) throws Exception {
        Path file = dir.resolve("centers.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return CentersFile.read(file);
    }

    @Test
    void withoutTheColumnACenterHasNoAddress() throws Exception {
        assertThat(read(HEADER + "\n" + ROW + "\n")).singleElement()
            .extracting(Center::contactEmails)
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .isEmpty();
    }

    @Test
    void severalAddressesAreSeparatedBySemicolons() throws Exception {
        List<Center> centers = read(HEADER + ",contact_email\n" + ROW + ",\" kim@center.or.kr ; lee@center.or.kr;\"\n"
                + ROW.replace("AAA,에이센터", "BBB,비센터") + ",\n");
        assertThat(centers.get(0).contactEmails()).containsExactly("kim@center.or.kr", "lee@center.or.kr");
        assertThat(centers.get(1).contactEmails()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "kim", "kim@center", "kim@@center.or.kr", "김 <kim@center.or.kr>",
            "kim@center.or.kr, lee@x.kr", "kim at center.or.kr" })
    void aMalformedAddressFailsNamingTheRowAndField(String address) {
        assertThatThrownBy(() -> read(HEADER + ",contact_email\n" + ROW + ",\"" + address + "\"\n"))
            .isInstanceOf(CentersFile.InvalidCentersFileException.class)
            .hasMessageContaining("row 2, field contact_email:")
            .hasMessageContaining("is not an e-mail address");
    }

}
