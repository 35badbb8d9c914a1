package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import kr.seoul.sogong.outcomes.tables.OutcomeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code purge [keep=10] [round=<yyyy>] [--dry-run]}: deletes old job executions and the
 * outcome tables they stored, since nothing else ever does. Per round it keeps the newest
 * {@code keep} executions, the latest completed one whatever its age (the committee's
 * figures and next year's comparison come from it), and any execution still running. A
 * round that is running now is left alone (its run lock is taken as a run takes it). The
 * intake tables hold a round's current rows, not one per execution, and are not touched;
 * nor are the files under {@code output/} and {@code logs/}.
 *
 * <p>
 * Each execution is deleted in its own transaction, through the job repository's own
 * delete (context, parameters, steps), so a purge killed half way leaves whole executions
 * behind, never parts of one. A job instance left without executions is deleted too: the
 * same command then starts a new instance instead of restarting one whose history is
 * gone.
 */
@Component
public class RunPurge {

    private static final Logger log = LoggerFactory.getLogger(RunPurge.class);

    public static final int DEFAULT_KEEP = 10;

    /** What the purge did (or, dry, would do) to one round. */
    public record RoundPurge(int round, List<Long> kept, List<Long> deleted, boolean skippedRunning) {
    }

    private final JobRepository repository;

    private final OutcomeStore outcomes;

    private final RunFacts facts;

    private final RunLock runLock;

    private final TransactionTemplate transactions;

    public RunPurge(JobRepository repository, OutcomeStore outcomes, RunFacts facts, RunLock runLock,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.outcomes = outcomes;
        this.facts = facts;
        this.runLock = runLock;
        this.transactions = transactions;
    }

    /**
     * @param round null for every round
     */
    public List<RoundPurge> purge(@Nullable Integer round, int keep, boolean dryRun) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be 1 or more");
        }
        List<RoundPurge> purged = new ArrayList<>();
        for (Map.Entry<Integer, List<JobExecution>> entry : executionsByRound(round).entrySet()) {
            purged.add(purgeRound(entry.getKey(), entry.getValue(), keep, dryRun));
        }
        return purged;
    }

    private RoundPurge purgeRound(int round, List<JobExecution> newestFirst, int keep, boolean dryRun) {
        Optional<RunLock.Holder> holder = runLock.acquire(round);
        if (holder.isPresent()) {
            return new RoundPurge(round, newestFirst.stream().map(JobExecution::getId).toList(), List.of(), true);
        }
        try {
            Optional<JobExecution> latestCompleted = newestFirst.stream()
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .findFirst();
            List<Long> kept = new ArrayList<>();
            List<JobExecution> doomed = new ArrayList<>();
            for (JobExecution e : newestFirst) {
                boolean keepIt = kept.size() < keep || e.getStatus().isRunning()
                        || latestCompleted.map(c -> c.getId() == e.getId()).orElse(false);
                if (keepIt) {
                    kept.add(e.getId());
                }
                else {
                    doomed.add(e);
                }
            }
            if (!dryRun) {
                for (JobExecution e : doomed) {
                    transactions.executeWithoutResult(tx -> delete(e));
                }
                log.info("purge: round {}: kept executions {}, deleted {}", round, kept,
                        doomed.stream().map(JobExecution::getId).toList());
            }
            return new RoundPurge(round, kept, doomed.stream().map(JobExecution::getId).toList(), false);
        }
        finally {
            runLock.release(round);
        }
    }

    private void delete(JobExecution execution) {
        outcomes.delete(execution.getId());
        facts.delete(execution.getId());
        JobInstance instance = execution.getJobInstance();
        repository.deleteJobExecution(execution);
        if (repository.getJobExecutions(instance).isEmpty()) {
            repository.deleteJobInstance(instance);
        }
    }

    /** Every execution of the job, by round, newest first. */
    private Map<Integer, List<JobExecution>> executionsByRound(@Nullable Integer only) {
        Map<Integer, List<JobExecution>> byRound = new TreeMap<>();
        for (JobInstance instance : repository.findJobInstances(RunParameters.JOB_NAME)) {
            for (JobExecution e : repository.getJobExecutions(instance)) {
                Integer round = RunParameters.round(e.getJobParameters());
                if (round != null && (only == null || only.equals(round))) {
                    byRound.computeIfAbsent(round, r -> new ArrayList<>()).add(e);
                }
            }
        }
        byRound.values().forEach(list -> list.sort(Comparator.comparingLong(JobExecution::getId).reversed()));
        return byRound;
    }

    /** What an operator reads after {@code purge}: one line per round. */
    public static void print(List<RoundPurge> purged, boolean dryRun, PrintStream out) {
        if (purged.isEmpty()) {
            out.println("no runs to purge");
        }
        for (RoundPurge p : purged) {
            if (p.skippedRunning()) {
                out.printf("round %d: running now, not purged (%d executions)%n", p.round(), p.kept().size());
            }
            else {
                out.printf("round %d: %s %d execution(s) %s, kept %d %s%n", p.round(),
                        dryRun ? "would delete" : "deleted", p.deleted().size(), p.deleted(), p.kept().size(),
                        p.kept());
            }
        }
    }

}
