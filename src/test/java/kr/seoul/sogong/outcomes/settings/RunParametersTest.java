package kr.seoul.sogong.outcomes.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The job refuses parameters that would make a run nobody can find again (issue:
 * configuration on one screen).
 */
class RunParametersTest {

    private final JobParametersValidator validator = RunParameters.validator();

    @Test
    void roundAndRunDateAndRerunAreAccepted() throws Exception {
        validator.validate(RunParameters.of(2022, LocalDate.of(2022, 11, 1), 0));
        validator.validate(RunParameters.of(2022, LocalDate.of(2022, 11, 1), 2));
        validator.validate(new JobParametersBuilder().addLong("round", 2022L).toJobParameters());
        assertThat(RunParameters.of(2022, LocalDate.of(2022, 11, 1), 0).getParameter("rerun")).isNull();
    }

    @Test
    void aMissingOrMalformedRoundIsRefused() {
        assertThatThrownBy(() -> validator
            .validate(new JobParametersBuilder().addLocalDate("runDate", LocalDate.of(2022, 11, 1)).toJobParameters()))
            .isInstanceOf(InvalidJobParametersException.class)
            .hasMessageContaining("round");
        assertThatThrownBy(() -> validator.validate(new JobParametersBuilder().addLong("round", 22L).toJobParameters()))
            .isInstanceOf(InvalidJobParametersException.class)
            .hasMessageContaining("four-digit");
        assertThatThrownBy(
                () -> validator.validate(new JobParametersBuilder().addString("round", "2022").toJobParameters()))
            .isInstanceOf(InvalidJobParametersException.class);
    }

    @Test
    void unknownParametersAndABadRerunAreRefused() {
        assertThatThrownBy(() -> validator
            .validate(new JobParametersBuilder().addLong("round", 2022L).addLong("run.id", 1L).toJobParameters()))
            .isInstanceOf(InvalidJobParametersException.class);
        assertThatThrownBy(() -> validator
            .validate(new JobParametersBuilder().addLong("round", 2022L).addLong("rerun", 0L).toJobParameters()))
            .isInstanceOf(InvalidJobParametersException.class);
    }

}
