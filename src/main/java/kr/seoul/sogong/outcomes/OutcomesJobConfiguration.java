package kr.seoul.sogong.outcomes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import kr.seoul.sogong.outcomes.ingest.IngestPartitioner;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.ingest.IntakeWriter;
import kr.seoul.sogong.outcomes.ingest.RoundAdmissionTasklet;
import kr.seoul.sogong.outcomes.ingest.RoundRowReader;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.validation.ValidatedRow;
import kr.seoul.sogong.outcomes.operations.GracefulStop;
import kr.seoul.sogong.outcomes.operations.IngestProgress;
import kr.seoul.sogong.outcomes.operations.IngestTimers;
import kr.seoul.sogong.outcomes.operations.LogContext;
import kr.seoul.sogong.outcomes.operations.RunFacts;
import kr.seoul.sogong.outcomes.operations.RunSummary;
import kr.seoul.sogong.outcomes.reports.CommitteeReportsTasklet;
import kr.seoul.sogong.outcomes.quality.QualityGateTasklet;
import kr.seoul.sogong.outcomes.reports.FindingsReportTasklet;
import kr.seoul.sogong.outcomes.reports.OutputPublisher;
import kr.seoul.sogong.outcomes.crossrow.CrossRowRulesTasklet;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import kr.seoul.sogong.outcomes.tables.OutcomeTablesTasklet;
import kr.seoul.sogong.outcomes.validation.RowValidationProcessor;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job for one round: admit the files, ingest and validate every row, apply
 * the rules across rows, report the findings, pass the quality gate, compute and store
 * the outcome tables, write the committee's files. Each step's reader, processor, writer
 * or tasklet is a step-scoped component of its module that receives the round itself
 * ({@code @JobRound}).
 *
 * <p>
 * Every step may run again after it completed ({@code allowStartIfComplete}): a restart
 * first re-admits the input folder, so it sees files fixed, added or removed since the
 * failure, and the ingest step then reads only what is not yet committed.
 */
@Configuration
public class OutcomesJobConfiguration {

    private static final LogContext LOG_CONTEXT = new LogContext();

    private final JobRepository jobRepository;

    private final PlatformTransactionManager tx;

    private final ObservationRegistry observations;

    public OutcomesJobConfiguration(JobRepository jobRepository, PlatformTransactionManager tx,
            ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.tx = tx;
        this.observations = observations;
    }

    @Bean
    public RunSummary runSummary(FindingStore findings, MeterRegistry meters, RunFacts facts) {
        return new RunSummary(findings, meters, facts);
    }

    @Bean
    public Job outcomesJob(Step admitRound, Step ingestRows, Step crossRowRules, Step findingsReport, Step qualityGate,
            Step outcomeTables, Step committeeReports, RunSummary summary, OutcomesProperties properties) {
        return new JobBuilder(RunParameters.JOB_NAME, jobRepository).validator(RunParameters.validator())
            .observationRegistry(observations)
            .listener(new GracefulStop())
            .listener((JobExecutionListener) LOG_CONTEXT)
            .listener((JobExecutionListener) summary)
            // registered last, so its afterJob runs first: the summary sees the outputs
            // in place
            .listener(new OutputPublisher(properties))
            .start(admitRound)
            .next(ingestRows)
            .next(crossRowRules)
            .next(findingsReport)
            .next(qualityGate)
            .next(outcomeTables)
            .next(committeeReports)
            .build();
    }

    @Bean
    public Step admitRound(RoundAdmissionTasklet tasklet) {
        return taskletStep("admitRound", tasklet);
    }

    /**
     * The ingest, partitioned by source file ({@link IngestPartitioner}): as many
     * partitions as {@code outcomes.ingest-partitions} (the processors), each a thread
     * with its own reader, its own chunk transactions and its own files' checkpoints.
     */
    @Bean
    public Step ingestRows(OutcomesProperties properties, IngestPartitioner partitioner, RoundRowReader reader,
            RowValidationProcessor processor, IntakeWriter writer, IngestProgress progress, IngestTimers timers,
            RunSummary summary) {
        return new StepBuilder("ingestRows", jobRepository).listener((StepExecutionListener) LOG_CONTEXT)
            .listener((StepExecutionListener) progress)
            .listener((StepExecutionListener) summary)
            .partitioner("ingestPartition", partitioner)
            .step(ingestPartition(properties, reader, processor, writer, progress, timers))
            .gridSize(properties.ingestPartitions())
            .taskExecutor(new SimpleAsyncTaskExecutor("ingest-"))
            .observationRegistry(observations)
            .allowStartIfComplete(true)
            .build();
    }

    /**
     * One partition of the ingest: its files' rows, validated and stored by chunk. Not a
     * bean, so that no observation registry is set on it: Spring Batch's observation of
     * every item cost 18% of the ingest; {@link IngestTimers} measures the same.
     */
    private Step ingestPartition(OutcomesProperties properties, RoundRowReader reader, RowValidationProcessor processor,
            IntakeWriter writer, IngestProgress progress, IngestTimers timers) {
        return new StepBuilder("ingestPartition", jobRepository).listener((StepExecutionListener) LOG_CONTEXT)
            .<SourceRow, ValidatedRow>chunk(properties.chunkSize())
            .transactionManager(tx)
            // each listener once: the builder registers it for every listener type it
            // implements
            .listener((StepListener) progress)
            .listener((StepListener) timers)
            .reader(reader)
            .processor(processor)
            .writer(writer)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    public Step crossRowRules(CrossRowRulesTasklet tasklet) {
        return taskletStep("crossRowRules", tasklet);
    }

    @Bean
    public Step findingsReport(FindingsReportTasklet tasklet) {
        return taskletStep("findingsReport", tasklet);
    }

    @Bean
    public Step qualityGate(QualityGateTasklet tasklet) {
        return taskletStep("qualityGate", tasklet);
    }

    @Bean
    public Step outcomeTables(OutcomeTablesTasklet tasklet) {
        return taskletStep("outcomeTables", tasklet);
    }

    @Bean
    public Step committeeReports(CommitteeReportsTasklet tasklet) {
        return taskletStep("committeeReports", tasklet);
    }

    /**
     * A one-transaction step; like every step here, it runs again on a restart (see the
     * class comment).
     */
    private Step taskletStep(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).listener((StepExecutionListener) LOG_CONTEXT)
            .tasklet(tasklet, tx)
            .allowStartIfComplete(true)
            .build();
    }

}
