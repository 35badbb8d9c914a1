package kr.seoul.sogong.outcomes.settings;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The job's parameters, named in one place: a run is identified by {@code round} and
 * {@code runDate} (and {@code rerun} when the same round and date ran to completion
 * before), never by an incrementer, so the same command after a failure restarts the same
 * instance.
 */
public final class RunParameters {

    public static final String JOB_NAME = "outcomesJob";

    public static final String ROUND = "round";

    public static final String RUN_DATE = "runDate";

    public static final String RERUN = "rerun";

    /** The expression behind {@link JobRound}. */
    public static final String ROUND_VALUE = "#{jobParameters['" + ROUND + "']}";

    private RunParameters() {
    }

    public static JobParameters of(int round, LocalDate runDate, long rerun) {
        JobParametersBuilder builder = new JobParametersBuilder().addLong(ROUND, (long) round)
            .addLocalDate(RUN_DATE, runDate);
        if (rerun > 0) {
            builder.addLong(RERUN, rerun);
        }
        return builder.toJobParameters();
    }

    /** The round, or null when the parameters have none (an execution of another job). */
    public static @Nullable Integer round(JobParameters parameters) {
        JobParameter<?> round = parameters.getParameter(ROUND);
        return round != null && round.value() instanceof Long value ? value.intValue() : null;
    }

    /**
     * Required {@code round} (a four-digit year), optional {@code runDate} (a date) and
     * {@code rerun} (1 or more), nothing else: an unknown parameter would make a new job
     * instance nobody asked for.
     */
    public static JobParametersValidator validator() {
        return parameters -> {
            for (String name : parameters.parameters().stream().map(JobParameter::name).toList()) {
                if (!Set.of(ROUND, RUN_DATE, RERUN).contains(name)) {
                    throw new InvalidJobParametersException("unknown job parameter " + name + " (the job takes " + ROUND
                            + ", " + RUN_DATE + " and " + RERUN + ")");
                }
            }
            Integer round = round(parameters);
            if (round == null || round < 1000 || round > 9999) {
                throw new InvalidJobParametersException(
                        ROUND + " must be a four-digit programme year (a number): " + parameters.getParameter(ROUND));
            }
            JobParameter<?> rerun = parameters.getParameter(RERUN);
            if (rerun != null && !(rerun.value() instanceof Long n && n >= 1)) {
                throw new InvalidJobParametersException(RERUN + " must be a number, 1 or more: " + rerun);
            }
            JobParameter<?> runDate = parameters.getParameter(RUN_DATE);
            if (runDate != null && !(runDate.value() instanceof LocalDate)) {
                throw new InvalidJobParametersException(RUN_DATE + " must be a date: " + runDate);
            }
        };
    }

}
