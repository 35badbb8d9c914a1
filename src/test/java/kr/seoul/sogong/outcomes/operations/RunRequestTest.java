package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void roundAndRunDate() {
        assertThat(RunRequest.parse(List.of("round=2022", "runDate=2022-11-01"), TODAY))
            .isEqualTo(new RunRequest(2022, LocalDate.of(2022, 11, 1)));
        assertThat(RunRequest.parse(List.of("round=2022"), TODAY).runDate()).isEqualTo(TODAY);
    }

    @Test
    void badUsageNamesTheProblem() {
        assertThatThrownBy(() -> RunRequest.parse(List.of(), TODAY)).hasMessageContaining("which round?");
        assertThatThrownBy(() -> RunRequest.parse(List.of("round=22"), TODAY)).hasMessageContaining("four-digit");
        assertThatThrownBy(() -> RunRequest.parse(List.of("round=2022", "runDate=2022-02-30"), TODAY))
            .hasMessageContaining("runDate must be yyyy-MM-dd");
        assertThatThrownBy(() -> RunRequest.parse(List.of("round=2022", "rund=1"), TODAY))
            .hasMessageContaining("unknown argument 'rund=1'")
            .hasMessageContaining("usage:");
    }

    @Test
    void purgeKeepsTenPerRoundUnlessToldOtherwise() {
        assertThat(RunRequest.purge(List.of())).isEqualTo(new RunRequest.Purge(10, null));
        assertThat(RunRequest.purge(List.of("keep=3", "round=2022"))).isEqualTo(new RunRequest.Purge(3, 2022));
        assertThatThrownBy(() -> RunRequest.purge(List.of("keep=0"))).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> RunRequest.purge(List.of("keep=all"))).hasMessageContaining("not 'all'");
        assertThatThrownBy(() -> RunRequest.purge(List.of("kep=3"))).hasMessageContaining("unknown argument");
    }

    @Test
    void exitCodesAreDistinct() {
        assertThat(List.of(ExitCodes.COMPLETED, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.QUALITY_GATE,
                ExitCodes.ALREADY_RUNNING, ExitCodes.STOPPED))
            .doesNotHaveDuplicates();
    }

}
