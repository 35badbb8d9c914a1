package kr.seoul.sogong.outcomes.tables;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes the round's outcome tables, compares them with the previous stored round, and
 * stores them under this job execution — replacing what this execution stored before, so
 * a restart cannot leave two sets.
 */
@Component
@StepScope
public class OutcomeTablesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OutcomeTablesTasklet.class);

    private final OutcomeCalculator calculator;

    private final OutcomeStore store;

    private final int round;

    private final int minCell;

    public OutcomeTablesTasklet(OutcomeCalculator calculator, OutcomeStore store, OutcomesProperties properties,
            @JobRound int round) {
        this.calculator = calculator;
        this.store = store;
        this.round = round;
        this.minCell = properties.minCell();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        OutcomeTables tables = calculator.compute(round, executionId, minCell, List.of());
        OutcomeTables previous = store.previousRound(round)
            .map(p -> store.load(p.round(), p.jobExecutionId()))
            .orElse(null);
        OutcomeTables complete = new OutcomeTables(round, executionId, tables.participation(), tables.satisfaction(),
                tables.kpi(), tables.budget(), tables.needs(), YearOverYearCalculator.compare(tables, previous));
        store.save(complete);
        contribution.incrementWriteCount(complete.participation().size());
        log.info("round {}: outcome tables stored for execution {}{}", round, executionId, previous == null
                ? " (no earlier round stored: year over year is empty)" : ", compared with round " + previous.round());
        return RepeatStatus.FINISHED;
    }

}
